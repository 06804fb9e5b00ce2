import { strict as assert } from 'node:assert';
import { defaultConfig } from '../../../src/core/config';
import { computeRowCoverage } from '../../../src/core/coverage/compute';
import { statusWordsIn } from '../../../src/core/coverage/statusCell';
import { setRowStatusEdit, syncStatusEdits } from '../../../src/core/coverage/sync';
import { applyTextEdits } from '../../../src/core/fixes/applyEdits';
import { fixesFor } from '../../../src/core/fixes/index';
import type { FileState } from '../../../src/core/model';
import { parseCoverageMatrix } from '../../../src/core/series/matrix';
import { FM, indexOf } from '../index/memoryWorkspace';

const config = defaultConfig();
const HEAD = '| Capability Area | Coverage Files | Status |\n| --- | --- | --- |\n';

/** Syncs `text` with every file in `state`; returns the new text and whether a second sync has nothing to do. */
function sync(text: string, state: FileState = 'written'): { out: string; settled: boolean } {
  const cov = parseCoverageMatrix(text, 'coverage_matrix.md', config);
  const out = applyTextEdits(text, syncStatusEdits(text, cov, computeRowCoverage(cov.rows, () => state), config));
  const after = parseCoverageMatrix(out, 'coverage_matrix.md', config);
  return { out, settled: syncStatusEdits(out, after, computeRowCoverage(after.rows, () => state), config).length === 0 };
}

describe('Status cells with more than a status word', () => {
  it('sync replaces only the status word and keeps the rest of the cell', () => {
    const text = HEAD
      + '| A | `a.md` | Pending (reviewed by Bob) |\n'
      + '| A | `b.md` | **Pending** |\n'
      + '| A | `c.md` | ✅ 待建立 |\n'
      + '| A | `d.md` | Pending <!-- blocked on X --> |\n'
      + '| A | `e.md` | Pending \\| blocked |\n';
    const { out, settled } = sync(text);
    assert.equal(out, HEAD
      + '| A | `a.md` | Done (reviewed by Bob) |\n'
      + '| A | `b.md` | **Done** |\n'
      + '| A | `c.md` | ✅ 完成 |\n'
      + '| A | `d.md` | Done <!-- blocked on X --> |\n'
      + '| A | `e.md` | Done \\| blocked |\n');
    assert.ok(settled);
  });

  it('reads the one status word of an annotated cell as the declared status', () => {
    const cov = parseCoverageMatrix(HEAD + '| A | `a.md` | Done (reviewed by Bob) |\n| A | `b.md` | ✅ 完成 |\n| A | `c.md` | Done, was In Progress |\n| A | `d.md` | Undone |\n', 'coverage_matrix.md', config);
    assert.deepEqual(cov.rows.map(r => r.declared), ['done', 'done', undefined, undefined]);
  });

  it('never deletes text: a cell without a status word gets one in front; a cell with two is left alone', () => {
    const text = HEAD + '| A | `a.md` | (none yet) |\n| A | `b.md` | Done, was In Progress |\n| A | `c.md` |  |\n';
    const { out, settled } = sync(text);
    assert.equal(out, HEAD + '| A | `a.md` | Done (none yet) |\n| A | `b.md` | Done, was In Progress |\n| A | `c.md` | Done |\n');
    assert.ok(settled, 'nothing more to do: the ambiguous cell is left for the author');
  });

  it('a negated word declares nothing, and sync replaces it with its negation (never "尚未待建立")', () => {
    const cells = ['未完成', '尚未完成', '待完成', '沒有 完成', 'Not done', 'not yet Done', 'never-done', 'Nothing done'];
    const text = HEAD + cells.map((c, i) => `| A | \`${i}.md\` | ${c} |\n`).join('');
    const cov = parseCoverageMatrix(text, 'coverage_matrix.md', config);
    // `Nothing done` is not a negation of the word: `nothing` is not `no`
    assert.deepEqual(cov.rows.map(r => r.declared), [undefined, undefined, undefined, undefined, undefined, undefined, undefined, 'done']);
    const { out, settled } = sync(text, 'missing');
    assert.equal(out, HEAD + ['待建立', '待建立', '待建立', '待建立', 'Pending', 'Pending', 'Pending', 'Nothing Pending']
      .map((c, i) => `| A | \`${i}.md\` | ${c} |\n`).join(''));
    assert.ok(settled);
    // `已完成` (already done) and `完成` after other text are no negations
    const done = parseCoverageMatrix(HEAD + '| A | `a.md` | 已完成 |\n| A | `b.md` | ✅ 完成 |\n', 'coverage_matrix.md', config);
    assert.deepEqual(done.rows.map(r => r.declared), ['done', 'done']);
  });

  it('a bilingual cell whose words name one status declares it, and sync rewrites each word in its own language', () => {
    const text = HEAD + '| A | `a.md` | Done / 完成 |\n| A | `b.md` | 待建立（Pending） |\n| A | `c.md` | Done / 待建立 |\n';
    const cov = parseCoverageMatrix(text, 'coverage_matrix.md', config);
    assert.deepEqual(cov.rows.map(r => r.declared), ['done', 'pending', undefined]);
    const { out, settled } = sync(text, 'draft');
    assert.equal(out, HEAD + '| A | `a.md` | In Progress / 進行中 |\n| A | `b.md` | 進行中（In Progress） |\n| A | `c.md` | Done / 待建立 |\n');
    assert.ok(settled, 'the cell naming two statuses is left for the author');
  });

  it('a status word counts whatever its letter case, spaces, "-" and "_" (In-Progress, In_Progress, InProgress, In  Progress), '
    + 'and sync replaces the whole of it', () => {
    const cells = ['In-Progress', 'In_Progress', 'InProgress', 'In  Progress', 'in progress', 'In-Progress (half)', '✅ in_progress', 'IN - PROGRESS'];
    const text = HEAD + cells.map((c, i) => `| A | \`${i}.md\` | ${c} |\n`).join('');
    const cov = parseCoverageMatrix(text, 'coverage_matrix.md', config);
    assert.deepEqual(cov.rows.map(r => r.declared), Array(cells.length).fill('in-progress'));
    const { out, settled } = sync(text);
    assert.equal(out, HEAD + ['Done', 'Done', 'Done', 'Done', 'Done', 'Done (half)', '✅ Done', 'Done']
      .map((c, i) => `| A | \`${i}.md\` | ${c} |\n`).join(''));
    assert.ok(settled);
    // still a whole word: `Pending_review` is none
    assert.equal(parseCoverageMatrix(HEAD + '| A | `a.md` | Pending_review |\n', 'coverage_matrix.md', config).rows[0].declared, undefined);
  });

  it('a status word counts in the cell\'s prose only: never in a link\'s destination, a URL or code, which sync leaves as they are', () => {
    const cells = [
      'Pending (see [backlog](../backlog/pending.md))',
      'Pending — https://example.com/board/pending',
      'Pending, tracked in `pending.md`',
      'Pending <https://example.com/pending> www.example.com/pending pending@example.com',
      '[Pending](pending.md)', // a link's text is prose
      '`Pending`', // a code span holding the word alone is a badge
    ];
    const text = HEAD + cells.map((c, i) => `| A | \`${i}.md\` | ${c} |\n`).join('');
    const cov = parseCoverageMatrix(text, 'coverage_matrix.md', config);
    assert.deepEqual(cov.rows.map(r => r.declared), Array(cells.length).fill('pending'));
    const { out, settled } = sync(text);
    assert.equal(out, HEAD + [
      'Done (see [backlog](../backlog/pending.md))',
      'Done — https://example.com/board/pending',
      'Done, tracked in `pending.md`',
      'Done <https://example.com/pending> www.example.com/pending pending@example.com',
      '[Done](pending.md)',
      '`Done`',
    ].map((c, i) => `| A | \`${i}.md\` | ${c} |\n`).join(''));
    assert.ok(settled);
  });

  it('a CJK status word followed by another CJK letter is part of a longer word (完成度, 完成報告), not the status', () => {
    const text = HEAD + '| A | `a.md` | 完成 ([完成報告](reports/完成.md)) |\n| A | `b.md` | 完成度 80% |\n| A | `c.md` | 完成（80%） |\n';
    const cov = parseCoverageMatrix(text, 'coverage_matrix.md', config);
    assert.deepEqual(cov.rows.map(r => r.declared), ['done', undefined, 'done']);
    const { out, settled } = sync(text, 'missing');
    assert.equal(out, HEAD + '| A | `a.md` | 待建立 ([完成報告](reports/完成.md)) |\n| A | `b.md` | 待建立 完成度 80% |\n| A | `c.md` | 待建立（80%） |\n');
    assert.ok(settled);
    // a particle after the word ends a phrase: the status stands
    const phrased = HEAD + '| A | `a.md` | 完成了 |\n| A | `b.md` | 進行中的 |\n| A | `c.md` | 待建立中 |\n';
    assert.deepEqual(parseCoverageMatrix(phrased, 'coverage_matrix.md', config).rows.map(r => r.declared), ['done', 'in-progress', 'pending']);
  });

  it('reads a status word with separators between its parts only: In-Progress and InProgress, never D o n e', () => {
    const text = HEAD + '| A | `a.md` | InProgress |\n| A | `b.md` | in_progress |\n| A | `c.md` | D o n e |\n| A | `d.md` | Pen ding |\n| A | `e.md` | IN  PROGRESS |\n';
    assert.deepEqual(parseCoverageMatrix(text, 'coverage_matrix.md', config).rows.map(r => r.declared), ['in-progress', 'in-progress', undefined, undefined, 'in-progress']);
    assert.deepEqual(statusWordsIn('see D o n e, Pen ding', config), []);
  });

  it('a row too short to have a Status cell is compared as empty, and sync adds the cell', () => {
    const wide = '| Capability Area | Coverage Files | Notes | Status |\n| --- | --- | --- | --- |\n';
    const text = wide + '| A | `a.md` |\n| A | `b.md`\n| A | `c.md` | x |  \n| A | `d.md` | | |\n';
    const cov = parseCoverageMatrix(text, 'coverage_matrix.md', config);
    assert.deepEqual(cov.rows.map(r => r.statusInsert), [
      { before: ' | ', after: ' |' }, { before: ' | | ', after: ' |' }, { before: ' ', after: ' |' }, { before: ' ', after: '' }]);
    const { out, settled } = sync(text);
    assert.equal(out, wide + '| A | `a.md` | | Done |\n| A | `b.md` | | Done |\n| A | `c.md` | x | Done |  \n| A | `d.md` | | Done |\n');
    assert.ok(settled);
    const after = parseCoverageMatrix(out, 'coverage_matrix.md', config);
    assert.deepEqual(after.rows.map(r => [r.declared, r.statusInsert]), Array(4).fill(['done', undefined]));
  });

  it('a row or Status cell ending in an escaped backslash before its pipe (\\\\|) is closed by that pipe: sync adds one cell, once', () => {
    const text = HEAD + '| A | `a.md` \\\\|\n| A | `b.md` | Pending \\\\|\n| A | `c.md` \\|\n';
    const cov = parseCoverageMatrix(text, 'coverage_matrix.md', config);
    assert.deepEqual(cov.rows.map(r => r.declaredText), ['', 'Pending \\\\', '']);
    const { out, settled } = sync(text);
    // (`\|` is an escaped pipe: the row is open, and the pipe stays in the files cell)
    assert.equal(out, HEAD + '| A | `a.md` \\\\| Done |\n| A | `b.md` | Done \\\\|\n| A | `c.md` \\| | Done |\n');
    assert.ok(settled);
  });

  it('the status quick fix edits the cell the same way', async () => {
    const files = {
      's/README.md': '# S\n\n## Chapters\n\n### A\n\n- [01](a/01.md) - 必讀 - 1 min\n',
      's/coverage_matrix.md': HEAD + '| A | `a/01.md` | Pending <!-- blocked on X --> |\n',
      's/a/01.md': FM('One') + '# One\n\nBody text.\n',
    };
    const index = await indexOf(files);
    const d = index.diagnostics('s/coverage_matrix.md').find(x => x.code === 'coverage-status-mismatch');
    assert.ok(d, 'a status mismatch is reported');
    const fix = fixesFor(index, d, files['s/coverage_matrix.md'], '2026-03-01', f => (files as Record<string, string>)[f])[0];
    assert.equal(fix.title, 'Set status to "Done"');
    assert.equal(applyTextEdits(files['s/coverage_matrix.md'], fix.edits[0].edits), HEAD + '| A | `a/01.md` | Done <!-- blocked on X --> |\n');
  });
});

describe('status word language', () => {
  it('the quick fix for an empty cell writes the matrix language, as sync does', async () => {
    const matrix = '| 能力領域 | 主題 | 涵蓋檔案 | 狀態 |\n|---|---|---|---|\n| A | 一 | `a/01.md` | 待建立 |\n| A | 二 | `a/02.md` | 待建立 |\n| A | 三 | `a/03.md` |  |\n';
    const files: Record<string, string> = {
      's/README.md': '# S\n\n## Chapters\n\n### A\n\n- [01](a/01.md) - 必讀 - 1 min\n- [02](a/02.md) - 必讀 - 1 min\n- [03](a/03.md) - 必讀 - 1 min\n',
      's/coverage_matrix.md': matrix,
    };
    const index = await indexOf(files);
    const d = index.diagnostics('s/coverage_matrix.md').find(x => x.code === 'coverage-status-mismatch' && x.range.start.line === 4);
    assert.ok(d);
    const fix = fixesFor(index, d, matrix, '2026-03-01', f => files[f])[0];
    const series = index.series()[0];
    const synced = applyTextEdits(matrix, syncStatusEdits(matrix, index.coverage(series)!, index.computeCoverage(series), config));
    assert.equal(fix.title, 'Set status to "待建立"');
    assert.equal(applyTextEdits(matrix, fix.edits[0].edits).split('\n')[4], synced.split('\n')[4]);
    assert.match(d.message, /expected "待建立"/);
  });
});

// Mutation testing (hand-driven): each case below passed unseen with a one-line change of src/core/coverage; the
// comment names the change it catches.
describe('status words: edge cases found by mutation testing', () => {
  const declared = (...cells: string[]) =>
    parseCoverageMatrix(HEAD + cells.map((c, i) => `| A | \`${i}.md\` | ${c} |\n`).join(''), 'coverage_matrix.md', config).rows.map(r => r.declared);

  it('a status word inside an HTML comment is not replaced, nor does it make the cell mixed (statusWordsIn skipping no '
    + 'comment: sync left the cell alone)', () => {
    const text = HEAD + '| A | `a.md` | Pending <!-- was Done --> |\n';
    assert.equal(sync(text, 'draft').out, HEAD + '| A | `a.md` | In Progress <!-- was Done --> |\n');
  });

  it('a Latin word is whole at both ends (statusWordsIn checking only the start: "Doneness" read as Done)', () => {
    assert.deepEqual(declared('Doneness', 'Pendings'), [undefined, undefined]);
  });

  it('a negation is a whole word too (LATIN_NEGATION without its boundary: "Casino done" read as "no done")', () => {
    assert.deepEqual(declared('Casino done'), ['done']);
  });

  it('a negated word that a configured word spells out whole is that word (the filter without its negated case: '
    + 'sync left the cell alone)', () => {
    const custom = { ...config, statusWords: { ...config.statusWords, pending: [...config.statusWords.pending, 'Not done'] } };
    const text = HEAD + '| A | `a.md` | Not done |\n';
    const cov = parseCoverageMatrix(text, 'coverage_matrix.md', custom);
    assert.equal(cov.rows[0].declared, 'pending');
    const out = applyTextEdits(text, syncStatusEdits(text, cov, computeRowCoverage(cov.rows, () => 'written'), custom));
    assert.equal(out, HEAD + '| A | `a.md` | Done |\n');
  });

  it('a cell that already says the status gets no edit (statusCellChange without its "already says it" check)', () => {
    const [row] = parseCoverageMatrix(HEAD + '| A | `a.md` | Done / 完成 |\n', 'coverage_matrix.md', config).rows;
    assert.equal(setRowStatusEdit(row, 'done', config), undefined);
  });

  it('a word put in front of a cell without one follows that cell\'s language, not the matrix\'s (statusWordForRow '
    + 'ignoring the cell: "Done 規劃中")', () => {
    const text = HEAD + '| A | `a.md` | Done |\n| A | `b.md` | Done |\n| A | `c.md` | 規劃中 |\n';
    assert.equal(sync(text).out, HEAD + '| A | `a.md` | Done |\n| A | `b.md` | Done |\n| A | `c.md` | 完成 規劃中 |\n');
  });

  it('an empty cell takes English on a tie, and empty cells are no votes (dominantStatusText with >= or counting '
    + 'empty cells as English)', () => {
    const tie = HEAD + '| A | `a.md` | 完成 |\n| A | `b.md` | Done |\n| A | `c.md` |  |\n';
    assert.equal(sync(tie).out, tie.replace('`c.md` |  |', '`c.md` | Done |'));
    const cjk = HEAD + '| A | `a.md` | 完成 |\n| A | `b.md` | 完成 |\n| A | `c.md` |  |\n| A | `d.md` |  |\n| A | `e.md` |  |\n';
    assert.equal(sync(cjk).out, cjk.replace(/\|  \|/g, '| 完成 |'));
  });
});
