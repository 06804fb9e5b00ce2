import { strict as assert } from 'node:assert';
import { FM } from '../index/memoryWorkspace';
import { at, labelOf, navigationOf } from './navigationHarness';
import { shownText } from './vscodeStub';

/** A wikilink written as a frontmatter alias leads where the index resolves it, in every editor feature. */
describe('navigation providers: wikilinks by alias', () => {
  const B = FM('Bee', 'aliases:\n  - Some Alias\n  - Stem Clash\n') + '# Bee\n\n## Setup\n\nfirst line\n';
  const A = FM('A') + 'see [[some alias]] and [[Some Alias|text]] and [[SOME ALIAS#Setup]]\n';

  it('go to definition, hover and find references follow the alias', async () => {
    const nav = await navigationOf({ 'a.md': A, 'x/b.md': B, 'clash/stem clash.md': FM('Clash') });
    const doc = nav.document('a.md');
    for (const needle of ['[[some alias]]', '[[Some Alias|', '[[SOME ALIAS#']) {
      const [l, c] = at(A, needle, 3);
      const defs = await nav.definition(doc, l, c);
      assert.equal(defs[0]?.targetUri.path, '/ws/x/b.md', needle);
      const hover = await nav.hover(doc, l, c);
      assert.match(shownText(hover!.contents), /Bee[\s\S]*first line/, needle);
    }
    const [hl, hc] = at(A, '[[SOME ALIAS#', 3);
    assert.equal((await nav.definition(doc, hl, hc))[0].targetRange.start.line, 14);
    const refs = await nav.references(nav.document('x/b.md'), 16, 0);
    assert.deepEqual(refs.map(r => `${r.uri.path}:${r.range.start.character}`), ['/ws/a.md:4', '/ws/a.md:23', '/ws/a.md:47']);
  });

  it('completion after [[ offers each alias that leads to its note, with the note\'s path', async () => {
    const nav = await navigationOf({ 'a.md': FM('A') + 'x\n', 'x/b.md': B, 'clash/stem clash.md': FM('Clash') });
    const text = FM('A') + 'x [[';
    const [l, c] = at(text, '[[', 2);
    const items = await nav.complete(nav.document('a.md', text), l, c, '[');
    const alias = items.find(i => labelOf(i) === 'Some Alias');
    assert.ok(alias, items.map(labelOf).join());
    assert.equal(alias.insertText, 'Some Alias');
    assert.equal(alias.detail, 'x/b.md');
    // `Stem Clash` names the note `stem clash.md` first (file names before aliases): not offered as b's alias
    assert.deepEqual(items.filter(i => i.detail === 'x/b.md').map(labelOf), ['Some Alias']);
  });

  it('completion after [[ does not offer an alias that is the note\'s own file name a second time', async () => {
    const D = FM('Dee', 'aliases:\n  - Dup\n  - Other Name\n') + '# Dee\n';
    const nav = await navigationOf({ 'a.md': FM('A') + 'x\n', 'x/dup.md': D });
    const text = FM('A') + 'x [[';
    const [l, c] = at(text, '[[', 2);
    const items = await nav.complete(nav.document('a.md', text), l, c, '[');
    assert.deepEqual(items.filter(i => String(i.insertText).toLowerCase() === 'dup').map(labelOf), ['dup']);
    assert.ok(items.some(i => labelOf(i) === 'Other Name'));
  });
});
