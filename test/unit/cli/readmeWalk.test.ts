// What a new user reads in the README and then runs: the links it holds and the output it quotes.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cli, tempWorkspace } from './cliHarness';

const readme = readFileSync('README.md', 'utf8');

/** The text of a README section: from its heading to the next heading of the same or a higher level. */
function section(heading: string): string {
  const start = readme.indexOf(`\n${heading}\n`);
  assert.ok(start !== -1, `README has no "${heading}" section`);
  const rest = readme.slice(start + heading.length + 2);
  const end = rest.search(new RegExp(`^#{1,${heading.match(/^#+/)![0].length}} `, 'm'));
  return end === -1 ? rest : rest.slice(0, end);
}

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

  it('the CLI section shows the usage lines --help prints', async () => {
    const help = (await cli('--help')).out;
    const usage = help.split('\n\n')[1].split('\n').slice(1).map(l => l.replace(/^  /, '')).join('\n');
    const block = /^```\n(notes-navigator check[^]*?)\n```$/m.exec(section('## CLI'));
    assert.ok(block, 'the CLI section opens with a usage block');
    assert.equal(block[1], usage);
  });

  it('the Commands table names every command the Command Palette can show', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
      contributes: { commands: { command: string; title: string }[]; menus: { commandPalette: { command: string; when?: string }[] } };
    };
    const nls = JSON.parse(readFileSync('package.nls.json', 'utf8')) as Record<string, string>;
    // the first cell of each row, `Show Coverage / Sync Coverage Status` naming two
    const named = new Set([...section('### Commands').matchAll(/^\| ([^|]+?) \|/gm)].flatMap(m => m[1].split(' / ')));
    const hidden = new Set(manifest.contributes.menus.commandPalette.filter(m => m.when === 'false').map(m => m.command));
    for (const c of manifest.contributes.commands) {
      if (hidden.has(c.command)) continue;
      const title = nls[c.title.replace(/^%|%$/g, '')] ?? c.title;
      assert.ok(named.has(title), `${c.command} (${title}) is not in the Commands table`);
    }
  });
});
