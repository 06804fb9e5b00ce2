// What a new user reads in the README and then runs: the links it holds and the output it quotes.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cli, tempWorkspace } from './cliHarness';

const readme = readFileSync('README.md', 'utf8');

describe('README, walked as a new user', () => {
  it('its Markdown links lead to files and headings that exist (checked by our own check)', async () => {
    // the backtick paths are examples of the notes format (ref-broken here), not links of the README
    const config = path.join(tempWorkspace({ 'c.json': '{"include":["README.md","CHANGELOG.md","docs/**/*.md"]}' }), 'c.json');
    const r = await cli('check', '.', '--config', config, '--format', 'json');
    const report = JSON.parse(r.out) as { notes: number; diagnostics: { file: string; line: number; code: string; message: string }[] };
    assert.ok(report.notes >= 2, 'README.md and CHANGELOG.md are checked');
    const broken = report.diagnostics
      .filter(d => ['link-broken', 'link-anchor-broken', 'wikilink-broken', 'link-outside-workspace'].includes(d.code))
      .map(d => `${d.file}:${d.line} ${d.code} ${d.message}`);
    assert.deepEqual(broken, []);
  });

  it('quotes the summary that check prints for the example notes', async () => {
    const r = await cli('check', 'examples/notes');
    assert.equal(r.code, 1, 'the example notes hold deliberate errors');
    const summary = r.out.trim().split('\n').pop()!.replace(/ \(\d+ ms\)$/, '');
    assert.match(summary, /^✖ \d+ errors, \d+ warnings, \d+ infos in \d+ notes$/);
    const quoted = [...readme.matchAll(/`(✖ \d+ errors, \d+ warnings, \d+ infos in \d+ notes)( \(\d+ ms\))?`/g)].map(m => m[1]);
    assert.ok(quoted.length >= 2, 'the Quick start and the CLI section quote it');
    for (const q of quoted) assert.equal(q, summary);
  });
});
