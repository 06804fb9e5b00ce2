import { strict as assert } from 'node:assert';
import { applyTextEdits } from '../../../src/core/fixes/applyEdits';
import { renamePlan } from '../../../src/core/fixes/rename';
import { FM, indexOf } from '../index/memoryWorkspace';
import type { Files } from './renameHarness';

/** The index read one text; the file (an unsaved buffer) may hold another by the time of the rename. */
describe('rename: links in text that changed since the index read it', () => {
  it('are left as they are and reported, with the links that still hold what was read rewritten', async () => {
    const files: Files = { 'a.md': FM('A') + '[x](b.md) [y](b.md)\n', 'c.md': FM('C') + '`b.md`\n', 'b.md': FM('Bt') };
    const index = await indexOf(files);
    // a.md: the first destination retyped (same length); c.md: gone before the rename could read it
    const now: Files = { ...files, 'a.md': files['a.md'].replace('[x](b.md)', '[x](q.md)') };
    delete now['c.md'];
    const plan = renamePlan(index, [{ from: 'b.md', to: 'd/e.md' }], f => now[f]);
    const a = plan.edits.find(e => e.file === 'a.md')!;
    assert.equal(applyTextEdits(now['a.md'], a.edits).slice(FM('A').length), '[x](q.md) [y](d/e.md)\n');
    assert.equal(plan.edits.find(e => e.file === 'c.md'), undefined);
    assert.deepEqual(plan.skipped.map(s => [s.file, s.raw, s.target, s.range.start.character, s.reason]), [
      ['a.md', 'b.md', 'd/e.md', 4, 'the file changed since it was read (edit it again, or undo and rename again)'],
      ['c.md', 'b.md', 'd/e.md', 1, 'the file could not be read'],
    ]);
  });

  it('including a link no text could rewrite, and a matrix range of a moved folder', async () => {
    const matrix = '# M\n\n| Capability Area | Required Topic | Coverage Files | Status |\n|---|---|---|---|\n| a | b | `rust/17_3_a.md` | Done |\n\n'
      + '## Cross-references\n\n- `basics/01.md` <-> `rust/17_3-17_4`\n';
    const files: Files = {
      's/README.md': '# S\n\n## Chapters\n\n### A\n\n- [01](basics/01.md) - 必讀 - 1 min\n- [a](rust/17_3_a.md) - 必讀 - 1 min\n- [b](rust/17_4_b.md) - 必讀 - 1 min\n',
      's/coverage_matrix.md': matrix, 's/basics/01.md': FM('One') + '`../rust/17_3_a.md`\n', 's/rust/17_3_a.md': FM('A'), 's/rust/17_4_b.md': FM('B'),
    };
    const index = await indexOf(files);
    const now: Files = { ...files, 's/coverage_matrix.md': matrix.replace('`rust/17_3-17_4`', '`rust/17_3-17_9`'), 's/basics/01.md': files['s/basics/01.md'].replace('17_3_a', '17_3_x') };
    const plan = renamePlan(index, [{ from: 's/rust', to: 's/rust lang' }], f => now[f]);
    assert.deepEqual(plan.skipped.map(s => [s.file, s.raw, s.target, s.reason.startsWith('the file changed')]), [
      ['s/basics/01.md', '../rust/17_3_a.md', 's/rust lang/17_3_a.md', true],
      ['s/coverage_matrix.md', 'rust/17_3_a.md', 's/rust lang/17_3_a.md', false], // (a backtick path holds no space)
      ['s/coverage_matrix.md', 'rust/17_3-17_4', 's/rust lang', true],
    ]);
  });
});
