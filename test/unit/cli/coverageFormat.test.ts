import { strict as assert } from 'node:assert';
import type { Heading, InlineCode, Table } from 'mdast';
import { formatCoverageMarkdown } from '../../../src/cli/format/coverage';
import { defaultConfig } from '../../../src/core/config';
import { parseMarkdownTree } from '../../../src/core/reference/remark';
import { nodeText, walk } from '../../../src/core/series/mdast';
import { cli, tempWorkspace } from './cliHarness';

const FM = '---\ntitle: T\nnote_type: chapter\ndomain: backend\ntags: [a]\ncreated: 2026-01-01\nupdated: 2026-01-02\nstatus: active\n---\n';

/** The first table of a Markdown text, as GFM reads it (remark-gfm). */
function firstTable(md: string): Table {
  const table = parseMarkdownTree(md).children.find((n): n is Table => n.type === 'table');
  assert.ok(table, md);
  return table;
}

/** The text of each cell of each body row of the first table of a Markdown text. */
function bodyCells(md: string): string[][] {
  return firstTable(md).children.slice(1).map(row => row.children.map(c => nodeText(c)));
}

/** The code span values of the Coverage Files cell (the third) of each body row of the first table. */
function fileCells(md: string): string[][] {
  return firstTable(md).children.slice(1).map(row => {
    const values: string[] = [];
    walk(row.children[2], n => { if (n.type === 'inlineCode') values.push((n as InlineCode).value); });
    return values;
  });
}

const ROW = { declared: null, declaredText: 'Pending', computed: 'pending' as const, outOfDate: false };

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

  it('area, topic, title and series read back exactly, Markdown characters and all; each path reads back as its code span', () => {
    const rows = [
      { area: 'Vec<u8>', topic: '__init__ and [x](y)', files: ['s/01_a.md'] },
      { area: '&lt;T&gt; *a* ~b~ `c`', topic: 'a\\|b \\* <!-- c --> <br> x@y.com www.a.com https://a.b/_c_', files: ['s/x`y.md', 's/``z.md`', ' s/p|q.md '] },
      { area: 'gRPC & GraphQL', topic: 'CI/CD <-> a #1 (b) !c', files: ['s/02_b.md', 's/03_c.md'] },
    ];
    const md = formatCoverageMarkdown([{ series: 's_1', title: 'S *1* <T>', rows: rows.map(r => ({ ...ROW, ...r, fileStates: r.files.map(() => 'missing' as const) })) }],
      defaultConfig(), new Map());
    assert.deepEqual(bodyCells(md).map(cells => [cells.length, cells[0], cells[1]]), rows.map(r => [5, r.area, r.topic]), md);
    assert.deepEqual(fileCells(md), rows.map(r => r.files), md);
    const heading = parseMarkdownTree(md).children.find((n): n is Heading => n.type === 'heading');
    assert.equal(heading && nodeText(heading), 'S *1* <T> (s_1)', md);
    // only what could be read as Markdown is escaped: the rest stays readable
    assert.ok(md.includes('| gRPC & GraphQL | CI/CD <-> a #1 (b) !c | `s/02_b.md` (missing)<br>`s/03_c.md` (missing) |'), md);
  });

  it('the matrix\'s own cells read back from the report as the matrix reads them', async () => {
    const matrix = '| Capability Area | Required Topic | Coverage Files | Status |\n| --- | --- | --- | --- |\n'
      + '| `Vec<u8>` | \\_\\_init\\_\\_ and \\[x\\](y) | `01_a.md` | Pending |\n'
      + '| &lt;T&gt; | Line1<br>Line2 | `` x`y.md `` | Pending |\n';
    const readme = '# S\n\n## Chapters\n\n### A\n\n- [a](01_a.md) - 必讀 - 5 min\n';
    const r = await cli('coverage', tempWorkspace({ 'README.md': readme, 'coverage_matrix.md': matrix }));
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(bodyCells(r.out).map(row => [row[0], row[1]]), [['Vec<u8>', '__init__ and [x](y)'], ['<T>', 'Line1 Line2']], r.out);
    assert.deepEqual(fileCells(r.out), [['01_a.md'], ['x`y.md']], r.out);
  });

  it('a row of a table without a Coverage Files column has no computed status: — in Markdown, null in JSON, counted neither way', async () => {
    const matrix = '| Capability Area | Required Topic | Coverage Files | Status |\n| --- | --- | --- | --- |\n| A | One | `01.md` | Done |\n\n'
      + '| Capability Area | Required Topic | Status |\n| --- | --- | --- |\n| B | Two | Done |\n| B | Three | Pending |\n';
    const readme = '# S\n\n## Chapters\n\n### A\n\n- [01](01.md) - 必讀 - 5 min\n';
    const dir = tempWorkspace({ 'README.md': readme, 'coverage_matrix.md': matrix, '01.md': FM + '# 01\n\n' + 'Written. '.repeat(30) + '\n' });
    const md = await cli('coverage', dir);
    assert.equal(md.code, 0, md.err);
    assert.ok(md.out.includes('Coverage: 1/1 done, 0 in progress, 0 declared statuses out of date; 2 rows not computed (no Coverage Files column).'), md.out);
    assert.deepEqual(bodyCells(md.out).map(row => [row[1], row[3], row[4]]), [['One', 'Done', 'Done'], ['Two', 'Done', '—'], ['Three', 'Pending', '—']], md.out);
    const json = await cli('coverage', dir, '--format', 'json');
    const rows = (JSON.parse(json.out) as { coverage: { rows: { topic: string; computed: string | null }[] }[] }).coverage[0].rows;
    assert.deepEqual(rows.map(r => [r.topic, r.computed]), [['One', 'done'], ['Two', null], ['Three', null]]);
  });

  it('a path that leaves the folder is shown as the cell writes it, outside the workspace, and JSON says which it was', async () => {
    const matrix = '| Capability Area | Required Topic | Coverage Files | Status |\n| --- | --- | --- | --- |\n'
      + '| A | One | `../../outside.md`, `01.md`, `../up.md` | Pending |\n| A | Two | `02.md` | Pending |\n';
    const readme = '# S\n\n## Chapters\n\n### A\n\n- [01](01.md) - 必讀 - 5 min\n- [02](02.md) - 必讀 - 5 min\n';
    const dir = tempWorkspace({ 's/README.md': readme, 's/coverage_matrix.md': matrix });
    const md = await cli('coverage', dir);
    assert.equal(md.code, 0, md.err);
    assert.deepEqual(fileCells(md.out), [['../../outside.md', 's/01.md', 'up.md'], ['s/02.md']], md.out);
    assert.equal(bodyCells(md.out)[0][2], '../../outside.md (outside the workspace) s/01.md (missing) up.md (missing)', md.out);
    const json = await cli('coverage', dir, '--format', 'json');
    const rows = (JSON.parse(json.out) as { coverage: { rows: Record<string, unknown>[] }[] }).coverage[0].rows;
    assert.deepEqual(rows.map(r => [r.files, r.fileStates, r.outside]), [
      [['', 's/01.md', 'up.md'], ['missing', 'missing', 'missing'], ['../../outside.md']],
      [['s/02.md'], ['missing'], undefined],
    ]);
    assert.ok(!('outside' in rows[1]!), 'a row with no such path has no outside field');
  });
});
