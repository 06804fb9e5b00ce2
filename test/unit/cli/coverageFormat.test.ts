import { strict as assert } from 'node:assert';
import type { Table } from 'mdast';
import { formatCoverageMarkdown } from '../../../src/cli/format/coverage';
import { defaultConfig } from '../../../src/core/config';
import { parseMarkdownTree } from '../../../src/core/reference/remark';
import { nodeText } from '../../../src/core/series/mdast';
import { cli, tempWorkspace } from './cliHarness';

const FM = '---\ntitle: T\nnote_type: chapter\ndomain: backend\ntags: [a]\ncreated: 2026-01-01\nupdated: 2026-01-02\nstatus: active\n---\n';

/** The text of each cell of each body row of the first table of a Markdown text, as GFM reads it (remark-gfm). */
function bodyCells(md: string): string[][] {
  const table = parseMarkdownTree(md).children.find((n): n is Table => n.type === 'table');
  assert.ok(table, md);
  return table.children.slice(1).map(row => row.children.map(c => nodeText(c)));
}

describe('coverage --format md table cells', () => {
  it('every row has the table\'s five cells, and area, topic and declared status read as in the matrix', async () => {
    // Status cells as source: an escaped pipe, an escaped backslash before an escaped pipe, an escaped backslash alone;
    // an area and a topic whose text holds a pipe, and a backslash before one
    const matrix = '| Capability Area | Required Topic | Coverage Files | Status |\n| --- | --- | --- | --- |\n'
      + '| A | One | `01.md` | Done \\| reviewed |\n'
      + '| A | Two | `02.md` | Done \\\\\\| x |\n'
      + '| A | Three | `03.md` | Done \\\\ ok |\n'
      + '| A \\| B | Four \\\\\\| x | `04.md` | Done |\n';
    const readme = '# S\n\n## Chapters\n\n### A\n\n' + ['01', '02', '03', '04'].map(n => `- [${n}](${n}.md) - 必讀 - 5 min\n`).join('');
    const files: Record<string, string> = { 'README.md': readme, 'coverage_matrix.md': matrix };
    for (const n of ['01', '02', '03', '04']) files[`${n}.md`] = FM + `# ${n}\n`;
    const r = await cli('coverage', tempWorkspace(files));
    assert.equal(r.code, 0, r.err);
    const out = bodyCells(r.out);
    const source = bodyCells(matrix);
    assert.deepEqual(out.map(row => row.length), [5, 5, 5, 5], r.out);
    assert.deepEqual(out.map(row => [row[0], row[1], row[3]]), source.map(row => [row[0], row[1], row[3]]), r.out);
    assert.deepEqual(source.map(row => row[3]), ['Done | reviewed', 'Done \\| x', 'Done \\ ok', 'Done']);
  });

  it('a declared text with a pipe no backslash escapes is still one cell', () => {
    const row = { area: 'A', topic: 'T', files: [], declared: null, computed: 'pending' as const, fileStates: [], outOfDate: false };
    const md = formatCoverageMarkdown([{ series: '.', title: 'S', rows: [
      { ...row, declaredText: 'a | b' }, { ...row, declaredText: 'a \\\\| b' }, { ...row, declaredText: 'a \\| b' },
    ] }], defaultConfig(), new Map());
    assert.deepEqual(bodyCells(md).map(cells => [cells.length, cells[3]]), [[5, 'a | b'], [5, 'a \\| b'], [5, 'a | b']], md);
  });
});
