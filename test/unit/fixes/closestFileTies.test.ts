import { strict as assert } from 'node:assert';
import { applyTextEdits } from '../../../src/core/fixes/applyEdits';
import { fixesFor } from '../../../src/core/fixes/index';
import { FM, indexOf } from '../index/memoryWorkspace';

/**
 * When several files are as close by name to a broken link's target, the fix picks one where its #fragment leads,
 * and not the linking note itself: the first in name order could trade a broken file for a broken heading.
 */
async function preferredFix(files: Record<string, string>, file: string) {
  const index = await indexOf(files);
  const d = index.diagnostics(file).find(x => x.code === 'link-broken');
  assert.ok(d, JSON.stringify(index.diagnostics(file).map(x => x.message)));
  const fix = fixesFor(index, d, files[file], '2026-03-01', f => files[f]).find(f => f.preferred);
  assert.ok(fix);
  const out = applyTextEdits(files[file], fix.edits[0].edits);
  const after = await indexOf({ ...files, [file]: out });
  return { title: fix.title, after: after.diagnostics(file).map(x => x.code) };
}

describe('closest file fix among files as close by name', () => {
  it('picks the one whose heading the #fragment names', async () => {
    const files = {
      'api_v1.md': FM('V1') + '# V1\n',
      'api_v2.md': FM('V2') + '# V2\n\n## Rate Limits\n',
      'guide.md': FM('Guide') + '# Guide\n\n[limits](api_v3.md#rate-limits)\n',
    };
    assert.deepEqual(await preferredFix(files, 'guide.md'), { title: 'Change to "api_v2.md#rate-limits"', after: [] });
  });

  it('does not point a note at itself when another file is as close', async () => {
    const heading = {
      'a.md': FM('A') + '# A\n\n[x](c.md#setup-guide)\n',
      'b.md': FM('B') + '# B\n\n## Setup Guide\n',
    };
    assert.deepEqual(await preferredFix(heading, 'a.md'), { title: 'Change to "b.md#setup-guide"', after: [] });
    const plain = { 'a.md': FM('A') + '# A\n\n[x](c.md)\n', 'b.md': FM('B') + '# B\n' };
    assert.deepEqual(await preferredFix(plain, 'a.md'), { title: 'Change to "b.md"', after: [] });
  });

  it('keeps the nearest by name when no tie is better (one file, or none has the heading)', async () => {
    const files = {
      'api_v1.md': FM('V1') + '# V1\n\n## Rate Limit\n',
      'api_v2.md': FM('V2') + '# V2\n',
      'guide.md': FM('Guide') + '# Guide\n\n[limits](api_v3.md#rate-limits)\n',
    };
    // neither has the heading: the first by name, its closest heading written
    assert.deepEqual(await preferredFix(files, 'guide.md'), { title: 'Change to "api_v1.md#rate-limit"', after: [] });
  });

  it('never points a link of any kind at the linking note itself, even when no other name is close', async () => {
    const body = 'Next: [[02_intro]], [n](02_intro.md) and `02_intro.md`\n';
    const titles = async (files: Record<string, string>) => {
      const index = await indexOf(files);
      return index.diagnostics('s/01_intro.md').map(d => [d.code, fixesFor(index, d, files['s/01_intro.md'], '2026-03-01', f => files[f]).map(f => f.title)]);
    };
    // only the note itself is close: no change is offered, only the note to create
    assert.deepEqual(await titles({ 's/01_intro.md': FM('Intro') + body, 's/09_end.md': FM('End') }), [
      ['wikilink-broken', ['Create s/02_intro.md']], ['link-broken', ['Create s/02_intro.md']], ['ref-broken', ['Create s/02_intro.md']],
    ]);
    // another note as close: that one, for every kind
    assert.deepEqual(await titles({ 's/01_intro.md': FM('Intro') + body, 's/03_intro.md': FM('Three') }), [
      ['wikilink-broken', ['Change to "[[03_intro]]"', 'Create s/02_intro.md']], ['link-broken', ['Change to "03_intro.md"', 'Create s/02_intro.md']],
      ['ref-broken', ['Change to "03_intro.md"', 'Create s/02_intro.md']],
    ]);
    // nor by its title or an alias
    assert.deepEqual(await titles({ 's/01_intro.md': FM('Intro', 'aliases: [Intro Two]\n') + 'See [[Intro Tw]] and [[Intr]]\n' }), [
      ['wikilink-broken', ['Create s/Intro Tw.md']], ['wikilink-broken', ['Create s/Intr.md']],
    ]);
  });
});

describe('closest file fix among files of other names as close', () => {
  /** the preferred fix's title for the first broken link (of any kind) of `file` */
  async function preferredTitle(files: Record<string, string>, file: string) {
    const index = await indexOf(files);
    const d = index.diagnostics(file).find(x => x.code === 'link-broken' || x.code === 'wikilink-broken');
    assert.ok(d, JSON.stringify(index.diagnostics(file).map(x => x.message)));
    return fixesFor(index, d, files[file], '2026-03-01', f => files[f]).find(f => f.preferred)?.title;
  }

  it('prefers the one beside the link to one in another folder that comes first by name', async () => {
    const files = { 's2/note.md': FM('Note') + '[x](setup.md)\n', 's1/setup2.md': FM('One'), 's2/setups.md': FM('Two') };
    assert.equal(await preferredTitle(files, 's2/note.md'), 'Change to "setups.md"');
    const wiki = { 'b/note.md': FM('Note') + '[[setup]]\n', 'a/setup2.md': FM('One'), 'b/setups.md': FM('Two') };
    assert.equal(await preferredTitle(wiki, 'b/note.md'), 'Change to "[[setups]]"');
  });

  it('prefers one in the folder the link names, then one of its series (over a nearer path outside)', async () => {
    const named = { 's2/note.md': FM('Note') + '[x](../t/setupp.md)\n', 'a/setups.md': FM('A'), 't/setup.md': FM('T') };
    assert.equal(await preferredTitle(named, 's2/note.md'), 'Change to "../t/setup.md"');
    const series = {
      's/README.md': '# S\n\n## Chapters\n\n- [n](a/note.md)\n',
      's/a/note.md': FM('Note') + '[x](setup.md)\n', 's/deep/er/setups.md': FM('Deep'), 'a/setup2.md': FM('Outside'),
    };
    assert.equal(await preferredTitle(series, 's/a/note.md'), 'Change to "../deep/er/setups.md"');
  });
});
