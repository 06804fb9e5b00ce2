import { strict as assert } from 'node:assert';
import { applyTextEdits } from '../../../src/core/fixes/applyEdits';
import { fixesFor } from '../../../src/core/fixes/index';
import { renamePlan } from '../../../src/core/fixes/rename';
import { decodeNote } from '../../../src/core/text/decode';
import { decodeFast } from '../../../src/node/decodeFast';
import { FM, indexOf } from '../index/memoryWorkspace';

/**
 * Fix and rename edits are positions in the text the index read. Every reader removes a UTF-8 BOM before the core
 * sees the text (the CLI and the index load through `decodeFast`, the extension's `textOf` through `decodeNote`, and
 * a VS Code document's text never holds the BOM: it is kept as the file's encoding and written back on save), so a
 * link on the first line of a BOM file has the same position in the index as in the text the edit is applied to.
 * Only a second U+FEFF (a doubled BOM) reaches the core, as a character of the text: positions count it and the
 * edits keep it.
 */
const BOM = [0xef, 0xbb, 0xbf];
const bytes = (text: string, boms = 1) => new Uint8Array([...Array(boms).fill(BOM).flat(), ...new TextEncoder().encode(text)]);

/** What the editor holds for the file: the decoded text (the BOM stays in the file's encoding). */
function decoded(b: Uint8Array): string {
  const d = decodeNote(b);
  assert.ok(d.ok);
  const fast = decodeFast(b);
  assert.ok(fast.ok);
  assert.equal(fast.text, d.text, 'the CLI reads the same text as the extension');
  return d.text;
}

describe('edits in notes that start with a byte order mark', () => {
  const FIRST = '[to b](b.md) `b.md` [[b]]\n';

  it('the readers drop the BOM, so the index positions of a first-line link are those of the text without it', async () => {
    const a = bytes(FIRST);
    const text = decoded(a);
    assert.equal(text, FIRST);
    const index = await indexOf({ 'a.md': a, 'b.md': FM('Bee') });
    const link = index.note('a.md')!.scan.links[0];
    assert.deepEqual([link.targetStart, link.targetRange.start], [7, { line: 0, character: 7 }]);
    assert.equal(text.slice(link.targetStart, link.targetEnd), 'b.md');
  });

  it('renaming rewrites first-line links of a BOM note at the right place (the BOM stays the file\'s)', async () => {
    const a = bytes(FIRST);
    const index = await indexOf({ 'a.md': a, 'b.md': FM('Bee') });
    const texts: Record<string, string> = { 'a.md': decoded(a), 'b.md': FM('Bee') };
    const plan = renamePlan(index, [{ from: 'b.md', to: 'c.md' }], f => texts[f]);
    assert.deepEqual(plan.skipped, []);
    const edits = plan.edits.find(e => e.file === 'a.md')!.edits;
    assert.equal(applyTextEdits(texts['a.md'], edits), '[to b](c.md) `c.md` [[c]]\n');
  });

  it('a quick fix on the first line of a BOM note replaces the link, nothing before it', async () => {
    const a = bytes('[x](bb.md) text\n');
    const index = await indexOf({ 'a.md': a, 'b.md': FM('Bee') });
    const text = decoded(a);
    const d = index.diagnostics('a.md').find(x => x.code === 'link-broken')!;
    assert.deepEqual(d.range.start, { line: 0, character: 4 });
    const fix = fixesFor(index, d, text, '2026-11-22', () => undefined)[0];
    assert.equal(applyTextEdits(text, fix.edits[0].edits), '[x](b.md) text\n');
  });

  it('a second U+FEFF is text: the core counts it in every position and the rename keeps it', async () => {
    const a = bytes(FIRST, 2);
    const text = decoded(a);
    assert.equal(text, '\ufeff' + FIRST);
    const index = await indexOf({ 'a.md': a, 'b.md': FM('Bee') });
    assert.deepEqual(index.note('a.md')!.scan.links[0].targetRange.start, { line: 0, character: 8 });
    const plan = renamePlan(index, [{ from: 'b.md', to: 'c.md' }], f => (f === 'a.md' ? text : FM('Bee')));
    const edits = plan.edits.find(e => e.file === 'a.md')!.edits;
    assert.equal(applyTextEdits(text, edits), '\ufeff[to b](c.md) `c.md` [[c]]\n');
  });
});
