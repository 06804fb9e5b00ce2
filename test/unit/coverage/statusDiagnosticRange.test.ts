import { strict as assert } from 'node:assert';
import { applyTextEdits } from '../../../src/core/fixes/applyEdits';
import { fixesFor } from '../../../src/core/fixes/index';
import type { Diagnostic } from '../../../src/core/model';
import { LineIndex } from '../../../src/core/text/lineIndex';
import { FM, indexOf } from '../index/memoryWorkspace';

const MATRIX = 's/coverage_matrix.md';
const HEAD = '# Matrix\n\n| Capability Area | Required Topic | Coverage Files | Status |\n| --- | --- | --- | --- |\n';

/** The status diagnostic of each row (line → what its range covers), and the quick fix's text for each. */
async function statusProblems(rows: string[]): Promise<{ covered: string[]; fixed: string[]; ranges: Diagnostic['range'][] }> {
  const matrix = HEAD + rows.map(r => r + '\n').join('');
  const files: Record<string, string> = {
    's/README.md': '# S\n\n## Chapters\n\n### A\n\n- [01](a/01.md) - 必讀 - 1 min\n',
    [MATRIX]: matrix,
    's/a/01.md': FM('One') + '# One\n\n' + 'Body text that is long enough to count as written. '.repeat(6) + '\n',
  };
  const index = await indexOf(files);
  const found = index.diagnostics(MATRIX).filter(d => d.code === 'coverage-status-mismatch').sort((a, b) => a.range.start.line - b.range.start.line);
  assert.equal(found.length, rows.length, 'one status problem a row');
  const lines = new LineIndex(matrix);
  return {
    ranges: found.map(d => d.range),
    covered: found.map(d => matrix.slice(lines.offsetAt(d.range.start), lines.offsetAt(d.range.end))),
    fixed: found.map(d => {
      const fix = fixesFor(index, d, matrix, '2026-03-01', f => files[f]);
      assert.equal(fix.length, 1, `one fix for line ${d.range.start.line}`);
      return applyTextEdits(matrix, fix[0].edits[0].edits).split('\n')[d.range.start.line];
    }),
  };
}

describe('coverage-status-mismatch on an empty or missing Status cell', () => {
  // a cell of one blank, of four, none between the pipes, a missing cell (row with and without its last pipe), a word
  const ROWS = [
    '| A | 01 | `a/01.md` | |',
    '| A | 01 | `a/01.md` |    |',
    '| A | 01 | `a/01.md` ||',
    '| A | 01 | `a/01.md` |',
    '| A | 01 | `a/01.md`',
    '| A | 01 | `a/01.md` | Pending |',
  ];

  it('covers the cell between its pipes, blanks included (the pipes of ||), or the row when the cell is missing: never an empty range', async () => {
    const { covered, ranges } = await statusProblems(ROWS);
    assert.deepEqual(covered, [' ', '    ', '||', '| A | 01 | `a/01.md` |', '| A | 01 | `a/01.md`', 'Pending']);
    assert.deepEqual(ranges[0], { start: { line: 4, character: 22 }, end: { line: 4, character: 23 } });
    assert.ok(ranges.every(r => r.start.line === r.end.line && r.end.character > r.start.character));
  });

  it('leaves the quick fix writing where it did: in the middle of the blanks, or a cell added at the end of the row', async () => {
    const { fixed } = await statusProblems(ROWS);
    assert.deepEqual(fixed, [
      '| A | 01 | `a/01.md` | Done |',
      '| A | 01 | `a/01.md` |  Done  |',
      '| A | 01 | `a/01.md` | Done |',
      '| A | 01 | `a/01.md` | Done |',
      '| A | 01 | `a/01.md` | Done |',
      '| A | 01 | `a/01.md` | Done |',
    ]);
  });
});
