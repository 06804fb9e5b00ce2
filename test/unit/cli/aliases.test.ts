import { strict as assert } from 'node:assert';
import { checkWorker, cli, cliWith, tempWorkspace } from './cliHarness';

const FM = (title: string, extra = '') =>
  `---\ntitle: ${title}\nnote_type: chapter\ndomain: backend\ntags: [a]\ncreated: 2025-01-01\nupdated: 2025-01-02\nstatus: active\n${extra}---\n`;

/** `notes-navigator check` resolves wikilinks by frontmatter alias, in one thread and in several. */
describe('CLI check: wikilinks by alias', function () {
  this.timeout(60000);

  const files = {
    'a.md': FM('A') + '[[Some Alias]] [[some alias|text]] [[SOME ALIAS#Setup]] [[Single]] [[Nobody]] [[SA#Nope]]\n',
    'b.md': FM('Bee', 'aliases:\n  - Some Alias\n  - SA\n') + '## Setup\n',
    'c.md': FM('Sea', 'alias: Single\n'),
    'd.md': FM('Dee', 'aliases: 42\n'),
  };

  function findings(out: string): string[] {
    const report = JSON.parse(out) as { diagnostics: { file: string; code: string; message: string }[] };
    return report.diagnostics.map(d => `${d.file} ${d.code} ${d.message}`);
  }

  it('reports only the wikilinks that no file name, title or alias answers, and an alias field of the wrong type', async () => {
    const dir = tempWorkspace(files);
    const r = await cli('check', dir, '--format', 'json', '--threads', '1');
    const codes = findings(r.out).map(s => s.split(' ').slice(0, 2).join(' ')).sort();
    assert.deepEqual(codes, ['a.md link-anchor-broken', 'a.md wikilink-broken', 'd.md frontmatter-field-invalid']);
    assert.match(r.out, /\[\[Nobody\]\]/);
    assert.match(r.out, /aliases must be a string or a list of strings, got 42/);
  });

  it('gives the same answer when the notes are checked by several threads', async () => {
    const dir = tempWorkspace(files);
    const one = await cli('check', dir, '--format', 'json', '--threads', '1');
    const many = await cliWith({ parallel: { workerFile: await checkWorker(), deal: true, uncapped: true } }, 'check', dir, '--format', 'json', '--threads', '2');
    assert.doesNotMatch(many.err, /one thread/, many.err);
    assert.equal(many.out.replace(/"elapsed[^,]*,/, ''), one.out.replace(/"elapsed[^,]*,/, ''));
    assert.equal(findings(many.out).filter(f => f.includes('wikilink-broken')).length, 1);
  });
});
