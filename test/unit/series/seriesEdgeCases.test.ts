import { strict as assert } from 'node:assert';
import { defaultConfig } from '../../../src/core/config';
import { applyTextEdits } from '../../../src/core/fixes/applyEdits';
import { addChapterToMatrixEdit } from '../../../src/core/fixes/series';
import { parseCoverageMatrix } from '../../../src/core/series/matrix';
import { parseSeriesReadme } from '../../../src/core/series/readme';
import { isSeriesReadme } from '../../../src/core/series/readmeSections';
import { all, FM, indexOf } from '../index/memoryWorkspace';

/**
 * README and matrix shapes real series take that the parsers once misread: reference-style chapter links, a
 * `## Chapters` inside a code fence, tables under Remaining Gaps, prose code in a files cell, header-only tables,
 * cross-reference sides that name nothing, and files the config leaves out.
 */

const config = defaultConfig();
const BODY = `# Body\n\n${'Some text. '.repeat(200)}\n`;
const HEAD = '| Capability Area | Required Topic | Coverage Files | Status |\n| --- | --- | --- | --- |\n';
const at = (text: string, r: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
  const lines = text.split('\n');
  return r.start.line === r.end.line ? lines[r.start.line].slice(r.start.character, r.end.character) : `${r.start.line}..${r.end.line}`;
};

describe('series README edge cases', () => {
  it('reads a reference-style chapter link through its definition, and reports a planned one as planned', async () => {
    const readme = '# S\n\n## Chapters\n\n### A\n\n- [01_x][c1] - 必讀 - 10 min\n- [02_y] - 重要 - 5 min\n\n[c1]: a/01_x.md\n[02_y]: <a/02 y.md>\n';
    const model = parseSeriesReadme(readme, 's/README.md', config);
    const chapters = model.categories[0].chapters;
    assert.deepEqual(chapters.map(c => [c.label, c.file, c.href, c.priorityLabel, c.minutes, at(readme, c.hrefRange)]), [
      ['01_x', 's/a/01_x.md', 'a/01_x.md', '必讀', 10, 'a/01_x.md'],
      ['02_y', 's/a/02 y.md', 'a/02 y.md', '重要', 5, 'a/02 y.md'],
    ]);
    const index = await indexOf({
      's/README.md': FM('S') + readme, 's/a/01_x.md': FM('X') + BODY,
      's/coverage_matrix.md': HEAD + '| A | X | `a/01_x.md` | Done |\n| A | Y | `a/02 y.md` | Pending |\n',
    });
    // the missing chapter is planned (information), never a broken link (error); the matrix knows both chapters
    assert.deepEqual(all(index).map(d => [d.file, d.code, d.severity]), [['s/README.md', 'chapter-planned', 'information']]);
  });

  it('a chapter link that climbs out of the workspace is reported as leaving it, not passed by as no chapter file', async () => {
    const readme = '# S\n\n## Chapters\n\n### A\n\n- [01 x](a/01_x.md) - 必讀 - 10 min\n- [02 y](../../y.md) - 重要 - 5 min\n'
      + '- [03 z](../../s/a/03_z.md) - 重要 - 5 min\n- [04 w](https://example.com/04.md) - 重要 - 5 min\n';
    const index = await indexOf({ 's/README.md': FM('S') + readme, 's/a/01_x.md': FM('X') + BODY });
    assert.deepEqual(all(index).filter(d => d.file === 's/README.md').map(d => [d.code, at(FM('S') + readme, d.range)]), [
      ['link-outside-workspace', '../../y.md'],
      ['link-outside-workspace', '../../s/a/03_z.md'],
    ]);
  });

  it('a `## Chapters` heading inside a code fence does not make a README a series', async () => {
    const fenced = '# How to write a series\n\n```markdown\n## Chapters\n\n- [01](a/01.md) - 必讀 - 5 min\n```\n';
    assert.equal(isSeriesReadme(fenced), false);
    assert.equal(isSeriesReadme('~~~~\n## Chapters\n~~~\n~~~~\n'), false, 'a shorter run does not close the fence');
    assert.equal(isSeriesReadme('```\ncode\n```\n## Chapters\n'), true);
    const index = await indexOf({ 'docs/README.md': fenced });
    assert.deepEqual(all(index).map(d => [d.file, d.code]), [['docs/README.md', 'frontmatter-missing']]);
  });
});

describe('coverage matrix edge cases', () => {
  const readme = '# S\n\n## Chapters\n\n### A\n\n- [01](a/01_x.md) - 必讀 - 10 min\n- [02](a/02_x.md) - 必讀 - 10 min\n- [03](a/03_x.md) - 必讀 - 10 min\n';

  it('a table under Remaining Gaps is free text: it neither counts as a topic nor stops the README check', async () => {
    const matrix = HEAD + '| A | t1 | `a/01_x.md` | Done |\n\n## Remaining Gaps\n\n| Required Topic | Status |\n| --- | --- |\n| Service mesh | Pending |\n';
    const cov = parseCoverageMatrix(matrix, 's/coverage_matrix.md', config);
    assert.deepEqual(cov.rows.map(r => r.topic), ['t1']);
    assert.deepEqual(cov.problems, []);
    const index = await indexOf({ 's/README.md': FM('S') + readme, 's/coverage_matrix.md': matrix, 's/a/01_x.md': FM('X') + BODY });
    assert.deepEqual(all(index).filter(d => d.code === 'coverage-unlisted').map(d => d.message), [
      'chapter "02" is not listed in the coverage matrix (s/coverage_matrix.md)',
      'chapter "03" is not listed in the coverage matrix (s/coverage_matrix.md)',
    ]);
  });

  it('only code spans that are paths name files in the Coverage Files cell', () => {
    const matrix = HEAD + '| A | t1 | `a/01_x.md` (`Go` + `Rust` samples, see `README.md`) | Done |\n';
    const cov = parseCoverageMatrix(matrix, 's/coverage_matrix.md', config);
    assert.deepEqual(cov.rows[0].files.map(f => f.href), ['a/01_x.md', 'README.md']);
  });

  it('a matrix without a table, or a table without a Status column, is a diagnostic in the editor and the CLI alike', async () => {
    const noTable = await indexOf({ 's/README.md': FM('S') + readme, 's/coverage_matrix.md': '# Matrix\n\nTo do.\n' });
    assert.deepEqual(noTable.diagnostics('s/coverage_matrix.md').map(d => [d.code, d.range.start.line]), [['coverage-unlisted', 0]]);
    // no README chapter is called unlisted: there is nothing to list them in
    assert.deepEqual(noTable.diagnostics('s/README.md').map(d => d.code), ['chapter-planned', 'chapter-planned', 'chapter-planned']);
    const noStatus = await indexOf({
      's/README.md': FM('S') + readme, 's/a/01_x.md': FM('X') + BODY,
      's/coverage_matrix.md': '| Capability Area | Coverage Files | Progress |\n| --- | --- | --- |\n| A | `a/01_x.md` | Done |\n',
    });
    assert.deepEqual(noStatus.diagnostics('s/coverage_matrix.md').map(d => [d.code, d.range.start.line]), [['coverage-status-mismatch', 0]]);
    // and the coverage page does not call the row out of date, as the check does not
    const rows = noStatus.computeCoverage(noStatus.series()[0]);
    assert.equal(rows[0].row.statusRange, undefined);
  });

  it('a Coverage Files path that climbs out of the workspace is reported as leaving it, as the same path in prose is', async () => {
    const matrix = HEAD + '| A | t1 | `../../outside.md`, `a/01_x.md` | Done |\n\nSee `../../prose.md`.\n';
    const index = await indexOf({ 's/README.md': FM('S') + readme, 's/coverage_matrix.md': matrix, 's/a/01_x.md': FM('X') + BODY });
    assert.deepEqual(index.diagnostics('s/coverage_matrix.md').filter(d => d.code === 'link-outside-workspace').map(d => at(matrix, d.range)),
      ['../../outside.md', '../../prose.md']);
    // the row's other path is still the coverage rules' (not a link the link rules check)
    assert.deepEqual(all(index).filter(d => d.code === 'ref-broken'), []);
  });

  it('"add chapter to matrix" puts the first row of a header-only table below its delimiter row', () => {
    const matrix = '# M\n\n| Capability Area | Required Topic | Coverage Files | Status |\n| --- | --- | --- | --- |\n\n## Notes\n';
    const cov = parseCoverageMatrix(matrix, 's/coverage_matrix.md', config);
    const chapter = parseSeriesReadme(readme, 's/README.md', config).categories[0].chapters[1];
    const out = applyTextEdits(matrix, [addChapterToMatrixEdit(matrix, cov, chapter, config)!]);
    assert.equal(out, '# M\n\n| Capability Area | Required Topic | Coverage Files | Status |\n| --- | --- | --- | --- |\n| A | 02 | `a/02_x.md` | Pending |\n\n## Notes\n');
    assert.deepEqual(parseCoverageMatrix(out, 's/coverage_matrix.md', config).rows.map(r => r.files.map(f => f.file)), [['s/a/02_x.md']]);
  });

  it('a file the config leaves out exists: its row is not called missing, as the README does not call it planned', async () => {
    const index = await indexOf({
      's/README.md': FM('S') + '# S\n\n## Chapters\n\n### A\n\n- [01](a/01_x.md) - 必讀 - 10 min\n',
      's/coverage_matrix.md': HEAD + '| A | t1 | `a/01_x.md` | Done |\n',
      's/a/01_x.md': '# left out of the check\n',
    }, { ...config, exclude: ['s/a/**'] });
    assert.deepEqual(all(index), []);
    assert.deepEqual(index.computeCoverage(index.series()[0]).map(r => r.fileStates), [['written']]);
  });
});

describe('cross-reference sides that name nothing', () => {
  const readme = FM('S') + '# S\n\n## Chapters\n\n### A\n\n- [01](a/01_x.md) - 必讀 - 10 min\n- [17_3](r/17_3_x.md) - 必讀 - 10 min\n- [17_4](r/17_4_x.md) - 必讀 - 10 min\n- [05](a/05_x.md) - 必讀 - 10 min\n';
  const xrefs = (...lines: string[]) => HEAD + '| A | t | `a/01_x.md` | Done |\n\n## Cross-references\n\n' + lines.map(l => `- ${l}\n`).join('');
  const check = async (matrix: string) => {
    const index = await indexOf({
      's/README.md': readme, 's/coverage_matrix.md': matrix,
      's/a/01_x.md': FM('X') + BODY, 's/r/17_3_x.md': FM('R3') + BODY, 's/r/17_4_x.md': FM('R4') + BODY,
    });
    return index.diagnostics('s/coverage_matrix.md').filter(d => d.code === 'ref-broken' || d.code === 'xref-missing-link')
      .map(d => [d.code, at(matrix, d.range), d.message]);
  };

  it('reports a typo, a reversed range and an empty range as ref-broken', async () => {
    const matrix = xrefs('`a/typo.md` <-> `a/01_x.md`', '`r/17_6-17_3` <-> `a/01_x.md`', '`r/20-21` <-> `a/01_x.md`');
    assert.deepEqual((await check(matrix)).filter(f => f[0] === 'ref-broken'), [
      ['ref-broken', 'a/typo.md', 'a/typo.md does not exist, and neither the README nor a matrix row plans it'],
      ['ref-broken', 'r/17_6-17_3', 'the chapter range r/17_6-17_3 ends before it starts'],
      ['ref-broken', 'r/20-21', 'the chapter range r/20-21 covers no chapter, written or planned'],
    ]);
  });

  it('a planned side, or one in a folder that does not exist (another series), is not broken', async () => {
    const matrix = xrefs('`a/05_x.md` <-> `a/01_x.md`', '`rust/17_3-17_6` <-> `a/01_x.md`', '`other/01_y.md` <-> `a/01_x.md`', '`r/17_3-17` <-> `a/01_x.md`');
    assert.deepEqual((await check(matrix)).filter(f => f[0] === 'ref-broken'), []);
  });

  it('a missing link of a range names the range and how many notes it holds', async () => {
    const matrix = xrefs('`r/17_3-17_4` <-> `a/01_x.md`');
    assert.deepEqual(await check(matrix), [
      ['xref-missing-link', 'r/17_3-17_4', 'cross-reference declared in the matrix, but none of s/r/17_3-17_4 (2 notes) links to s/a/01_x.md'],
      ['xref-missing-link', 'a/01_x.md', 'cross-reference declared in the matrix, but s/a/01_x.md does not link to any of s/r/17_3-17_4 (2 notes)'],
    ]);
  });
});
