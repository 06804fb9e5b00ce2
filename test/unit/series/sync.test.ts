import { strict as assert } from 'node:assert';
import { defaultConfig, parseConfigText } from '../../../src/core/config';
import { computeRowCoverage } from '../../../src/core/coverage/compute';
import { setRowStatusEdit, syncStatusEdits } from '../../../src/core/coverage/sync';
import { alignPriorityEdit, addChapterToMatrixEdit } from '../../../src/core/fixes/series';
import type { Chapter, FileState } from '../../../src/core/model';
import { parseCoverageMatrix } from '../../../src/core/series/matrix';
import { parseSeriesReadme } from '../../../src/core/series/readme';
import { applyEdits, seed } from './helpers';

const config = defaultConfig();

/** The text with every Status cell of the coverage tables blanked, to compare everything else byte for byte. */
function withoutStatus(text: string, file = 'coverage_matrix.md'): string {
  const cov = parseCoverageMatrix(text, file, config);
  return applyEdits(text, cov.rows.filter(r => r.statusRange).map(r => ({ range: r.statusRange!, newText: '' })));
}

describe('status sync', () => {
  it('on the seed matrix: rewrites only the Status cells that disagree', () => {
    const text = seed('coverage_matrix.md');
    const cov = parseCoverageMatrix(text, 'backend/coverage_matrix.md', config);
    const states: Record<string, FileState> = {
      'backend/system_design/01_scalability_fundamentals.md': 'written',
      'backend/system_design/02_availability_and_fault_tolerance.md': 'draft',
    };
    const rows = computeRowCoverage(cov.rows, f => states[f] ?? 'missing');
    const edits = syncStatusEdits(text, cov, rows, config);
    assert.equal(edits.length, 2);
    const out = applyEdits(text, edits);
    assert.notEqual(out, text);
    assert.equal(withoutStatus(out), withoutStatus(text));
    const after = parseCoverageMatrix(out, 'backend/coverage_matrix.md', config);
    assert.deepEqual(after.rows.slice(0, 3).map(r => r.declaredText), ['Done', 'In Progress', 'Pending']);
    // in sync afterwards: nothing more to do
    assert.deepEqual(syncStatusEdits(out, after, computeRowCoverage(after.rows, f => states[f] ?? 'missing'), config), []);
  });

  it('keeps CRLF, padding, other columns, prose and other tables; Chinese cells get Chinese words', () => {
    const text = [
      'Intro with | a pipe', '',
      '| Status | Meaning |', '| --- | --- |', '| Done | legend |', '',
      '| 狀態      | 涵蓋檔案        | 能力領域 | Extra \\| col |',
      '|-----------|-----------------|----------|------|',
      '| 待建立    | `a/01_a.md`     | 系統     | x \\| y |',
      '| Pending   | `a/02_b.md`     | 系統     |  |',
      '|           | `a/03_c.md`     | 系統     | z |',
      '| Done      | `a/04_d.md`     | 系統     | z |',
      '', 'Tail prose.', '',
    ].join('\r\n');
    const cov = parseCoverageMatrix(text, 'coverage_matrix.md', config);
    assert.equal(cov.rows.length, 4);
    const rows = computeRowCoverage(cov.rows, () => 'written');
    const edits = syncStatusEdits(text, cov, rows, config);
    assert.equal(edits.length, 3);
    const out = applyEdits(text, edits);
    assert.equal(withoutStatus(out), withoutStatus(text));
    assert.ok(out.includes('| 完成    | `a/01_a.md`'));
    assert.ok(out.includes('| Done   | `a/02_b.md`'));
    assert.ok(out.includes('| Done      | `a/04_d.md`'));
    assert.ok(out.includes('| Done | legend |'));
    assert.equal(out.split('\r\n').length, text.split('\r\n').length);
    assert.ok(!/[^\r]\n/.test(out));
    const empty = parseCoverageMatrix(out, 'coverage_matrix.md', config).rows[2];
    assert.equal(empty.declared, 'done');
  });

  it('an empty cell takes the language most status cells use', () => {
    const text = '| Capability Area | Coverage Files | Status |\n| --- | --- | --- |\n| A | `a.md` | 待建立 |\n| B | `b.md` | 進行中 |\n| C | `c.md` |  |\n';
    const cov = parseCoverageMatrix(text, 'coverage_matrix.md', config);
    const rows = computeRowCoverage(cov.rows, f => (f === 'b.md' ? 'missing' : 'written'));
    const out = applyEdits(text, syncStatusEdits(text, cov, rows, config));
    assert.equal(out, '| Capability Area | Coverage Files | Status |\n| --- | --- | --- |\n| A | `a.md` | 完成 |\n| B | `b.md` | 待建立 |\n| C | `c.md` | 完成 |\n');
  });

  it('skips a row whose cell no longer holds what the model read', () => {
    const text = '| Capability Area | Coverage Files | Status |\n| --- | --- | --- |\n| A | `a.md` | Pending |\n';
    const cov = parseCoverageMatrix(text, 'coverage_matrix.md', config);
    const rows = computeRowCoverage(cov.rows, () => 'written');
    assert.equal(syncStatusEdits(text.replace('Pending', 'Pendinx'), cov, rows, config).length, 0);
    assert.equal(syncStatusEdits(text, cov, rows, config).length, 1);
  });

  it('setRowStatusEdit sets one row in the language of its cell', () => {
    const text = '| Capability Area | Coverage Files | Status |\n| --- | --- | --- |\n| A | `a.md` | 待建立 |\n| B | `b.md` | Pending |\n';
    const [a, b] = parseCoverageMatrix(text, 'coverage_matrix.md', config).rows;
    assert.equal(applyEdits(text, [setRowStatusEdit(a, 'in-progress', config)!]).split('\n')[2], '| A | `a.md` | 進行中 |');
    assert.equal(applyEdits(text, [setRowStatusEdit(b, 'done', config)!]).split('\n')[3], '| B | `b.md` | Done |');
  });

  it('writes only a status word that reads back as the status, or nothing', () => {
    const text = '| Capability Area | Coverage Files | Status |\n| --- | --- | --- |\n| A | `a.md` | Pending |\n';
    // Pending is pending's (the first status listing a word has it), so done writes 完成 even in an English cell
    const claimed = parseConfigText('{"statusWords":{"done":["Pending","完成"]}}').config;
    const [a] = parseCoverageMatrix(text, 'coverage_matrix.md', claimed).rows;
    assert.equal(a.declared, 'pending');
    assert.equal(applyEdits(text, [setRowStatusEdit(a, 'done', claimed)!]).split('\n')[2], '| A | `a.md` | 完成 |');
    const bare = parseConfigText('{"statusWords":{"done":[]}}').config;
    assert.equal(setRowStatusEdit(parseCoverageMatrix(text, 'coverage_matrix.md', bare).rows[0], 'done', bare), undefined);
  });
});

describe('series fixes', () => {
  it('alignPriorityEdit keeps the language of the line', () => {
    const text = '## Chapters\n### A\n- [a](01_a.md) - 重要 - 5 min\n- [b](02_b.md) - Skippable - 5 min\n- [c](03_c.md) - 5 min\n';
    const [a, b, c] = parseSeriesReadme(text, 'README.md', config).categories[0].chapters;
    const out = applyEdits(text, [alignPriorityEdit(a, 'must-read', config)!, alignPriorityEdit(b, 'important', config)!]);
    assert.equal(out, '## Chapters\n### A\n- [a](01_a.md) - 必讀 - 5 min\n- [b](02_b.md) - Important - 5 min\n- [c](03_c.md) - 5 min\n');
    assert.equal(alignPriorityEdit(c, 'must-read', config), undefined);
  });

  it('alignPriorityEdit writes only a label that reads back as the priority, or nothing', () => {
    const text = '## Chapters\n### A\n- [a](01_a.md) - 重要 - 5 min\n';
    // 重要 is must-read's here: the first priority listing a label has it
    const claimed = parseConfigText('{"priorityLabels":{"must-read":["重要","必讀"]}}').config;
    const [a] = parseSeriesReadme(text, 'README.md', claimed).categories[0].chapters;
    assert.equal(a.priority, 'must-read');
    assert.equal(alignPriorityEdit(a, 'important', claimed)?.newText, 'Important');
    // no label of its own at all: there is no word to write
    const bare = parseConfigText('{"priorityLabels":{"important":[]}}').config;
    assert.equal(alignPriorityEdit(parseSeriesReadme(text, 'README.md', bare).categories[0].chapters[0], 'important', bare), undefined);
  });

  it('addChapterToMatrixEdit appends a Pending row to the last table in its column order', () => {
    const text = [
      '| Capability Area | Required Topic | Coverage Files | Status |', '| --- | --- | --- | --- |', '| A | T | `x/01_a.md` | Done |', '',
      '## More', '',
      '| Status | Owner | Coverage Files | Capability Area | Required Topic |', '| --- | --- | --- | --- | --- |', '| Done | me | `x/02_b.md` | A | U |',
      '', 'after',
    ].join('\r\n');
    const cov = parseCoverageMatrix(text, 'notes/coverage_matrix.md', config);
    const readme = parseSeriesReadme('## Chapters\n### Ops | Infra\n- [03_c](y/03_c.md) - 必讀 - 5 min\n', 'notes/README.md', config);
    const chapter = readme.categories[0].chapters[0];
    const out = applyEdits(text, [addChapterToMatrixEdit(text, cov, chapter, config)!]);
    const lines = out.split('\r\n');
    assert.equal(lines[9], '| Pending |  | `y/03_c.md` | Ops \\| Infra | 03_c |');
    assert.equal(lines[10], '');
    assert.equal(lines.length, text.split('\r\n').length + 1);
    const after = parseCoverageMatrix(out, 'notes/coverage_matrix.md', config);
    assert.equal(after.rows.length, 3);
    assert.deepEqual([after.rows[2].area, after.rows[2].topic, after.rows[2].files[0].file, after.rows[2].declared],
      ['Ops | Infra', '03_c', 'notes/y/03_c.md', 'pending']);
  });

  it('addChapterToMatrixEdit writes Chinese Pending in a Chinese table, and at the end of a file without final newline', () => {
    const text = '| 能力領域 | 主題 | 涵蓋檔案 | 狀態 |\n|---|---|---|---|\n| 系統 | 甲 | `a.md` | 完成 |';
    const cov = parseCoverageMatrix(text, 'coverage_matrix.md', config);
    const ch = parseSeriesReadme('## Chapters\n### 系統\n- [乙](b.md) - 必讀\n', 'README.md', config).categories[0].chapters[0];
    const out = applyEdits(text, [addChapterToMatrixEdit(text, cov, ch, config)!]);
    assert.equal(out, text + '\n| 系統 | 乙 | `b.md` | 待建立 |');
    assert.equal(addChapterToMatrixEdit('no table', parseCoverageMatrix('no table', 'coverage_matrix.md', config), ch, config), undefined);
  });

  it('addChapterToMatrixEdit writes category, label and path so that the matrix reads them back as the README has them', () => {
    const text = '| Capability Area | Required Topic | Coverage Files | Status |\n| --- | --- | --- | --- |\n| A | T | `a.md` | Done |\n';
    const cov = parseCoverageMatrix(text, 'coverage_matrix.md', config);
    const readme = '## Chapters\n### `Vec<u8>` &lt;T&gt;\n- [\\_\\_init\\_\\_ and \\[x\\](y) *z*](<x`y.md>) - 必讀\n';
    const ch = parseSeriesReadme(readme, 'README.md', config).categories[0].chapters[0];
    assert.deepEqual([ch.category, ch.label, ch.file], ['Vec<u8> <T>', '__init__ and [x](y) z', 'x`y.md']);
    const out = applyEdits(text, [addChapterToMatrixEdit(text, cov, ch, config)!]);
    const row = parseCoverageMatrix(out, 'coverage_matrix.md', config).rows[1];
    assert.deepEqual([row.area, row.topic, row.files.map(f => f.file)], [ch.category, ch.label, [ch.file]], out);
  });

  it('addChapterToMatrixEdit keeps its row in a table without outer pipes when the first cell could open a block there', () => {
    const text = 'Capability Area | Required Topic | Coverage Files | Status\n--- | --- | --- | ---\nA | T | `a.md` | Done\n';
    const cov = parseCoverageMatrix(text, 'coverage_matrix.md', config);
    for (const category of ['1. Basics', '1) Basics', '12. Basics', '# x', '> x', '- x', '+ x', '    x', 'Plain', '2024 plan']) {
      const out = applyEdits(text, [addChapterToMatrixEdit(text, cov, { category, label: 'L', file: 'b.md' } as Chapter, config)!]);
      const rows = parseCoverageMatrix(out, 'coverage_matrix.md', config).rows;
      assert.deepEqual([rows.length, rows[1]?.area, rows[1]?.topic, rows[1]?.files.map(f => f.file)], [2, category.trim(), 'L', ['b.md']], out);
    }
    // a plain first cell keeps the table's style
    const plain = applyEdits(text, [addChapterToMatrixEdit(text, cov, { category: 'Plain', label: 'L', file: 'b.md' } as Chapter, config)!]);
    assert.equal(plain.split('\n')[3], 'Plain | L | `b.md` | Pending');
    // an empty first cell would read as a leading pipe, and the row would lose a cell
    const owner = 'Owner | Capability Area | Coverage Files | Status\n--- | --- | --- | ---\nme | A | `a.md` | Done\n';
    const out = applyEdits(owner, [addChapterToMatrixEdit(owner, parseCoverageMatrix(owner, 'coverage_matrix.md', config),
      { category: 'B', label: 'L', file: 'b.md' } as Chapter, config)!]);
    const row = parseCoverageMatrix(out, 'coverage_matrix.md', config).rows[1];
    assert.deepEqual([row?.area, row?.files.map(f => f.file), row?.declared], ['B', ['b.md'], 'pending'], out);
  });

  // Mutation testing: with addChapterToMatrixEdit taking the last table even when it has no files column, or not
  // repeating the row's `> ` prefix, every series/coverage/fixes test passed; the row landed in a table that cannot
  // list files, or outside the quoted table (as a paragraph, not a row).
  it('addChapterToMatrixEdit skips a last table without a files column, and keeps a block quote\'s prefix', () => {
    const ch = parseSeriesReadme('## Chapters\n### A\n- [03_c](03_c.md) - 必讀\n', 'README.md', config).categories[0].chapters[0];
    const legend = '| Capability Area | Coverage Files | Status |\n| --- | --- | --- |\n| A | `01_a.md` | Done |\n\n'
      + '| Capability Area | Status |\n| --- | --- |\n| Legend | Done |\n';
    const out = applyEdits(legend, [addChapterToMatrixEdit(legend, parseCoverageMatrix(legend, 'coverage_matrix.md', config), ch, config)!]);
    assert.equal(out.split('\n')[3], '| A | `03_c.md` | Pending |');
    const quoted = '> | Capability Area | Coverage Files | Status |\n> | --- | --- | --- |\n> | A | `01_a.md` | Done |\n';
    const q = applyEdits(quoted, [addChapterToMatrixEdit(quoted, parseCoverageMatrix(quoted, 'coverage_matrix.md', config), ch, config)!]);
    assert.equal(q, quoted + '> | A | `03_c.md` | Pending |\n');
    assert.equal(parseCoverageMatrix(q, 'coverage_matrix.md', config).rows.length, 2);
  });
});
