import { strict as assert } from 'node:assert';
import { defaultConfig, parseConfigText } from '../../../src/core/config';
import { computeRowCoverage } from '../../../src/core/coverage/compute';
import type { FileState } from '../../../src/core/model';
import { checkCoverage } from '../../../src/core/rules/coverage';
import { allPriorityLabels, checkSeries } from '../../../src/core/rules/series';
import { parseCoverageMatrix } from '../../../src/core/series/matrix';
import { parseSeriesReadme } from '../../../src/core/series/readme';
import { seed, textAt } from './helpers';

const config = defaultConfig();

describe('series rules', () => {
  const readme = seed('README.md');
  const series = parseSeriesReadme(readme, 'backend/README.md', config);

  it('the seed README is consistent: nothing to report when every chapter exists', () => {
    assert.deepEqual(checkSeries(series, { exists: () => true, config }), []);
  });

  it('chapter-planned for every chapter whose file does not exist', () => {
    const findings = checkSeries(series, { exists: f => !f.includes('system_design/'), config });
    assert.equal(findings.length, 21);
    assert.ok(findings.every(f => f.code === 'chapter-planned'));
    assert.equal(findings[0].message,
      'chapter "01_scalability_fundamentals" is planned: system_design/01_scalability_fundamentals.md does not exist yet');
    assert.deepEqual(findings[0].data, { file: 'backend/system_design/01_scalability_fundamentals.md' });
    assert.equal(textAt(readme, findings[0].range), 'system_design/01_scalability_fundamentals.md');
  });

  const small = [
    '## Batch Learning Route', '',
    '- Batch 1: `01`, `02`, `09` (start)', '- Batch 2: `05`', '',
    '## Reading Priority', '',
    '- Must-read (`必讀`): `01`, `02`', '- Important (`重要`): `03`, `01`', '- Skippable (`可跳讀`): `04`', '',
    '## Chapters', '', '### A', '',
    '- [01_a](a/01_a.md) - 必讀 - 5 min',
    '- [02_b](a/02_b.md) - 重要 - 5 min',
    '- [03_c](a/03_c.md) - Skippable - 5 min',
    '- [04_d](a/04_d.md) - Whatever - 5 min',
    '- [05_e](b/05_e.md) - 必讀 - 5 min',
    '- [05_f](c/05_f.md) - 必讀 - 5 min',
    '',
  ].join('\n');
  const s = parseSeriesReadme(small, 'README.md', config);
  const findings = checkSeries(s, { exists: () => true, config });

  it('chapter-number-unknown for an unknown and an ambiguous number', () => {
    const unknown = findings.filter(f => f.code === 'chapter-number-unknown');
    assert.deepEqual(unknown.map(f => textAt(small, f.range)), ['`09`', '`05`']);
    assert.match(unknown[0].message, /no chapter/);
    assert.match(unknown[1].message, /ambiguous: b\/05_e\.md, c\/05_f\.md/);
    assert.deepEqual(unknown[1].data, { num: '05', candidates: ['b/05_e.md', 'c/05_f.md'] });
  });

  it('priority-mismatch on the chapter label, in the language of the line', () => {
    const mism = findings.filter(f => f.code === 'priority-mismatch');
    const onChapters = mism.filter(f => f.range.start.line > 11);
    assert.deepEqual(onChapters.map(f => textAt(small, f.range)), ['重要', 'Skippable', 'Whatever']);
    assert.deepEqual(onChapters[0].data, { expected: '必讀', file: 'a/02_b.md', priority: 'must-read' });
    assert.equal((onChapters[1].data as { expected: string }).expected, 'Important');
    assert.equal((onChapters[2].data as { expected: string }).expected, 'Skippable');
  });

  it('priority-mismatch on a number listed in two reading lists', () => {
    const twice = findings.filter(f => f.code === 'priority-mismatch' && f.range.start.line === 8);
    assert.equal(twice.length, 1);
    assert.equal(textAt(small, twice[0].range), '`01`');
    assert.match(twice[0].message, /listed both as "Must-read" and as "Important"/);
    assert.equal(findings.length, 6);
  });
});

describe('series rules on sub-chapters', () => {
  // the audit fixture: 17.3 / 17_4 name rust/17_3_async.md and rust/17_4_tokio.md
  const text = [
    '## Batch Learning Route', '',
    '- Batch 1: `16`, `17.3`, `17_4`, `17`', '',
    '## Reading Priority', '',
    '- Must-read (`必讀`): `17.3`',
    '- Important (`重要`): `17.4`', '',
    '## Chapters', '', '### Rust', '',
    '- [16_traits](rust/16_traits.md) - 必讀 - 10 min',
    '- [17_3_async](rust/17_3_async.md) - 必讀 - 10 min',
    '- [17_4_tokio](rust/17_4_tokio.md) - 必讀 - 10 min',
    '',
  ].join('\n');
  const s = parseSeriesReadme(text, 's/README.md', config);
  const findings = checkSeries(s, { exists: () => true, config });

  it('resolves 17.3 and 17_4; only the bare 17 stays ambiguous', () => {
    const unknown = findings.filter(f => f.code === 'chapter-number-unknown');
    assert.deepEqual(unknown.map(f => textAt(text, f.range)), ['`17`']);
    assert.match(unknown[0].message, /ambiguous: rust\/17_3_async\.md, rust\/17_4_tokio\.md/);
  });

  it('reports the priority mismatch of 17_4 (必讀, listed as Important)', () => {
    const mism = findings.filter(f => f.code === 'priority-mismatch');
    assert.equal(mism.length, 1);
    assert.equal(mism[0].range.start.line, 15);
    assert.deepEqual(mism[0].data, { expected: '重要', file: 's/rust/17_4_tokio.md', priority: 'important' });
    assert.equal(findings.length, 2);
  });
});

describe('series rules on an extensionless chapter link', () => {
  // the audit fixture: `- [08](a/08_ext) - 必讀 - 10 min` with a/08_ext.md written and listed in the matrix
  const text = '## Chapters\n\n### A\n\n- [08](a/08_ext) - 必讀 - 10 min\n- [09](<a/09 sp>) - 必讀 - 10 min\n';
  const s = parseSeriesReadme(text, 's/README.md', config);
  const files = new Set(['s/a/08_ext.md', 's/a/09 sp.md']);

  it('the chapter is the .md note: not planned', () => {
    assert.deepEqual(s.categories[0].chapters.map(c => c.file), ['s/a/08_ext.md', 's/a/09 sp.md']);
    assert.deepEqual(checkSeries(s, { exists: f => files.has(f), config }), []);
  });

  it('and not coverage-unlisted when the matrix lists a/08_ext.md', () => {
    const cov = parseCoverageMatrix('| Capability Area | Required Topic | Coverage Files | Status |\n| --- | --- | --- | --- |\n| A | a | `a/08_ext.md` `a/09 sp.md` | Done |\n', 's/coverage_matrix.md', config);
    const rows = computeRowCoverage(cov.rows, () => 'written');
    const { matrix, readme } = checkCoverage(cov, s, rows, { config });
    assert.deepEqual([...matrix, ...readme], []);
  });
});

describe('coverage rules on a Coverage Files path with a #fragment', () => {
  const s = parseSeriesReadme('## Chapters\n\n### A\n\n- [01](a/01_one.md) - 必讀 - 10 min\n- [02](a/02_two.md) - 重要 - 10 min\n', 's/README.md', config);
  const files = new Set(['s/a/01_one.md', 's/a/02_two.md']);

  it('the file part names the file: listed, written, its Done status right', () => {
    const cov = parseCoverageMatrix('| Capability Area | Required Topic | Coverage Files | Status |\n| --- | --- | --- | --- |\n'
      + '| A | One | `a/01_one.md#top` | Done |\n| A | Two | `a/02_two.md#02_two` | Done |\n', 's/coverage_matrix.md', config);
    const rows = computeRowCoverage(cov.rows, f => (files.has(f) ? 'written' : 'missing'));
    assert.deepEqual(rows.map(r => [r.computed, r.fileStates]), [['done', ['written']], ['done', ['written']]]);
    const { matrix, readme } = checkCoverage(cov, s, rows, { config });
    assert.deepEqual([...matrix, ...readme].map(f => f.message), []);
  });
});

describe('series rules on malformed README lines', () => {
  const text = [
    '## Reading Priority', '',
    '- Must-read (`必讀`): `01`',
    '- Optional: `02`, `99`',
    '- Read the must-read ones first.', '',
    '## Chapters', '', '### A', '',
    '- [01_a](a/01_a.md) - 必讀 - 5 min',
    '- [02_b](a/02_b.md) - Urgent - 10 min',
    '- [03_c](a/03_c.md) - 必读 - 10 min',
    '- [04_d](a/04_d.md) - 重要',
    '- [05_e](a/05_e.md)',
    '',
  ].join('\n');
  const s = parseSeriesReadme(text, 's/README.md', config);
  const findings = checkSeries(s, { exists: () => true, config });
  const labels = '必讀, 重要, 可跳讀, Must-read, Important, Skippable';

  it('priority-mismatch on a chapter label that is no priority label, with the labels it could be', () => {
    const onChapters = findings.filter(f => f.code === 'priority-mismatch' && f.range.start.line > 6);
    assert.deepEqual(onChapters.map(f => [textAt(text, f.range), f.message]), [
      ['Urgent', `"Urgent" is not a priority label; expected one of ${labels}`],
      ['必读', `"必读" is not a priority label; expected one of ${labels}`],
    ]);
    assert.deepEqual(onChapters[0].data, { problem: 'not-a-label', label: 'Urgent', labels: labels.split(', '), file: 's/a/02_b.md' });
  });

  it('names a label the configuration gives two priorities once, where it first comes', () => {
    const twice = parseConfigText('{"priorityLabels":{"must-read":["必讀","Core"],"skippable":["core","可跳讀"]}}').config;
    assert.deepEqual(allPriorityLabels(twice), ['必讀', '重要', 'core', 'Important', '可跳讀']);
  });

  it('priority-mismatch on a reading list whose label is no priority label; prose bullets stay quiet', () => {
    const onLists = findings.filter(f => f.code === 'priority-mismatch' && f.range.start.line <= 6);
    assert.deepEqual(onLists.map(f => [textAt(text, f.range), f.message]), [
      ['Optional', `"Optional" is not a priority label; expected one of ${labels}`],
    ]);
    assert.deepEqual(onLists[0].data, { problem: 'not-a-label', label: 'Optional', labels: labels.split(', ') });
  });

  it('still resolves the numbers of such a list; a missing reading time or priority is not reported', () => {
    assert.deepEqual(findings.map(f => [f.code, textAt(text, f.range)]), [
      ['priority-mismatch', 'Optional'],
      ['chapter-number-unknown', '`99`'],
      ['priority-mismatch', 'Urgent'],
      ['priority-mismatch', '必读'],
    ]);
    assert.match(findings[1].message, /^reading list "Optional" names chapter 99, but no chapter file/);
  });

  it('a chapter whose unknown label a reading list already judges is reported once, by that list', () => {
    const t = '## Reading Priority\n\n- Important (`重要`): `01`\n\n## Chapters\n\n### A\n\n- [01_a](a/01_a.md) - Whatever - 5 min\n';
    const f = checkSeries(parseSeriesReadme(t, 'README.md', config), { exists: () => true, config });
    assert.equal(f.length, 1);
    assert.match(f[0].message, /labelled "Whatever" \(not a priority label\), but the reading list "Important"/);
  });

  it('labels the configuration adds are priority labels', () => {
    const c = { ...config, priorityLabels: { ...config.priorityLabels, skippable: [...config.priorityLabels.skippable, 'Optional'] } };
    const f = checkSeries(parseSeriesReadme(text, 's/README.md', c), { exists: () => true, config: c });
    // Optional is now the skippable list: it names 02_b, whose label "Urgent" it reports with the label it expects
    assert.deepEqual(f.map(x => textAt(text, x.range)), ['Urgent', '`99`', '必读']);
    assert.match(f[0].message, /labelled "Urgent" \(not a priority label\), but the reading list "Optional" names a\/02_b\.md: expected "Skippable"/);
  });
});

describe('coverage rules', () => {
  const readme = seed('README.md');
  const matrixText = seed('coverage_matrix.md');
  const series = parseSeriesReadme(readme, 'backend/README.md', config);
  const cov = parseCoverageMatrix(matrixText, 'backend/coverage_matrix.md', config);

  it('on the seeds with no files: no status mismatch, 81 README chapters unlisted', () => {
    const rows = computeRowCoverage(cov.rows, () => 'missing');
    const { matrix, readme: inReadme } = checkCoverage(cov, series, rows, { config });
    assert.deepEqual(matrix, []);
    assert.equal(inReadme.length, 121 - 40);
    assert.ok(inReadme.every(f => f.code === 'coverage-unlisted'));
    assert.equal(textAt(readme, inReadme[0].range), '- [45_nosql_selection_guide](system_design/45_nosql_selection_guide.md) - 重要 - 75 min');
    assert.equal((inReadme[0].data as { file: string }).file, 'backend/system_design/45_nosql_selection_guide.md');
  });

  it('coverage-status-mismatch when declared contradicts the files', () => {
    const states: Record<string, FileState> = {
      'backend/system_design/01_scalability_fundamentals.md': 'written',
      'backend/system_design/02_availability_and_fault_tolerance.md': 'draft',
    };
    const rows = computeRowCoverage(cov.rows, f => states[f] ?? 'missing');
    const { matrix } = checkCoverage(cov, series, rows, { config });
    assert.equal(matrix.length, 2);
    assert.equal(matrix[0].message, 'status is "Pending" but all files are written: expected "Done"');
    assert.equal(textAt(matrixText, matrix[0].range), 'Pending');
    assert.equal((matrix[0].data as { expected: string }).expected, 'Done');
    assert.equal((matrix[1].data as { expected: string }).expected, 'In Progress');
  });

  it('Done with a missing file names the file; Chinese status in, Chinese expected out', () => {
    const text = [
      '| Capability Area | Required Topic | Coverage Files | Status |', '| --- | --- | --- | --- |',
      '| A | T | `x/01_x.md` | Done |',
      '| A | U | `x/02_y.md` | 完成 |',
      '| A | V | `x/03_z.md` | 進行中 |',
      '| A | W | `x/04_w.md` | Pending |',
    ].join('\n');
    const c = parseCoverageMatrix(text, 'coverage_matrix.md', config);
    const s = parseSeriesReadme('## Chapters\n### A\n- [x](x/01_x.md)\n- [y](x/02_y.md)\n- [z](x/03_z.md)\n', 'README.md', config);
    const { matrix, readme: inReadme } = checkCoverage(c, s, computeRowCoverage(c.rows, () => 'missing'), { config });
    const status = matrix.filter(f => f.code === 'coverage-status-mismatch');
    assert.equal(status[0].message, 'status is "Done" but x/01_x.md does not exist: expected "Pending"');
    assert.equal((status[1].data as { expected: string }).expected, '待建立');
    assert.equal((status[2].data as { expected: string }).expected, '待建立');
    assert.equal(status.length, 3);
    const unlisted = matrix.filter(f => f.code === 'coverage-unlisted');
    assert.deepEqual(unlisted.map(f => textAt(text, f.range)), ['x/04_w.md']);
    assert.deepEqual(inReadme, []);
  });

  it('support documents listed in the matrix are not unlisted', () => {
    const text = '| Capability Area | Coverage Files | Status |\n| --- | --- | --- |\n| A | `guide.md` | Pending |\n';
    const c = parseCoverageMatrix(text, 'coverage_matrix.md', config);
    const s = parseSeriesReadme('## Support Documents\n- [g](guide.md)\n## Chapters\n### A\n', 'README.md', config);
    assert.deepEqual(checkCoverage(c, s, computeRowCoverage(c.rows, () => 'missing'), { config }).matrix, []);
  });

  it('a table without a files column is reported once, on its header, instead of a flood', () => {
    const text = [
      '# Matrix', '',
      '| Status | Notes | Paths | Required Topic | Capability Area |', '| --- | --- | --- | --- | --- |',
      '| 完成 | x | `a/01_one.md` | One | A |',
      '| Done | x | `a/02_two.md` | Two | A |',
      '| Pending | x | | none | A |', '',
      '| Capability Area | Required Topic | Coverage Files | Status |', '| --- | --- | --- | --- |',
      '| B | Three | `a/03_three.md` `x/extra.md` | Done |', '',
    ].join('\n');
    const c = parseCoverageMatrix(text, 's/coverage_matrix.md', config);
    const readmeText = '## Chapters\n### A\n- [1](a/01_one.md)\n- [2](a/02_two.md)\n- [3](a/03_three.md)\n';
    const s = parseSeriesReadme(readmeText, 's/README.md', config);
    const { matrix, readme: inReadme } = checkCoverage(c, s, computeRowCoverage(c.rows, () => 'written'), { config });
    assert.deepEqual(matrix.map(f => [f.code, textAt(text, f.range)]), [
      ['coverage-unlisted', '| Status | Notes | Paths | Required Topic | Capability Area |'],
      ['coverage-unlisted', 'x/extra.md'],
    ]);
    // the other table lists files, so the README is still checked against the matrix: chapters 1 and 2 are only
    // in the table that cannot list them
    assert.equal(matrix[0].message, 'the coverage table has no "Coverage Files" column (or "Files"), so its rows name no files: their status is not compared');
    assert.deepEqual(matrix[0].data, { problem: 'no-files-column', matrix: 's/coverage_matrix.md' });
    assert.deepEqual(inReadme.map(f => [f.code, textAt(readmeText, f.range)]), [
      ['coverage-unlisted', '- [1](a/01_one.md)'], ['coverage-unlisted', '- [2](a/02_two.md)'],
    ]);

    // when no table lists files, nothing can be said of the README's chapters
    const only = text.slice(0, text.indexOf('| Capability Area | Required Topic | Coverage Files'));
    const c2 = parseCoverageMatrix(only, 's/coverage_matrix.md', config);
    const both = checkCoverage(c2, s, computeRowCoverage(c2.rows, () => 'written'), { config });
    assert.deepEqual(both.readme, []);
    assert.deepEqual(both.matrix.map(f => [f.code, textAt(only, f.range)]), [
      ['coverage-unlisted', '| Status | Notes | Paths | Required Topic | Capability Area |'],
    ]);
    assert.equal(both.matrix[0].message,
      'the coverage table has no "Coverage Files" column (or "Files"), so its rows name no files: their status is not compared and README chapters are not checked against the matrix');
    assert.deepEqual(both.matrix[0].data, { problem: 'no-files-column', matrix: 's/coverage_matrix.md', everyTable: true });
  });

  it('a draft says why: its status, or how short its body is', () => {
    const text = '| Capability Area | Coverage Files | Status |\n| --- | --- | --- |\n| A | `a.md` | Done |\n| B | `b.md` | 完成 |\n';
    const c = parseCoverageMatrix(text, 'coverage_matrix.md', config);
    const s = parseSeriesReadme('## Chapters\n### A\n- [a](a.md)\n- [b](b.md)\n', 'README.md', config);
    const why: Record<string, { status: string } | { chars: number }> = { 'a.md': { status: 'draft' }, 'b.md': { chars: 42 } };
    const { matrix } = checkCoverage(c, s, computeRowCoverage(c.rows, () => 'draft'), { config, draftReason: f => why[f] });
    assert.deepEqual(matrix.map(f => f.message), [
      'status is "Done" but a.md is still a draft (status "draft"): expected "In Progress"',
      'status is "完成" but b.md is still a draft (only 42 characters of body): expected "進行中"',
    ]);
    assert.equal((matrix[0].data as { draftStatus: string }).draftStatus, 'draft');
    assert.equal((matrix[1].data as { bodyChars: number }).bodyChars, 42);
  });

  it('reports an unknown or empty status word', () => {
    const text = '| Capability Area | Coverage Files | Status |\n| --- | --- | --- |\n| A | `a.md` | Maybe |\n| B | `b.md` |  |\n';
    const c = parseCoverageMatrix(text, 'coverage_matrix.md', config);
    const s = parseSeriesReadme('## Chapters\n### A\n- [a](a.md)\n- [b](b.md)\n', 'README.md', config);
    const { matrix } = checkCoverage(c, s, computeRowCoverage(c.rows, () => 'missing'), { config });
    assert.deepEqual(matrix.map(f => f.code), ['coverage-status-mismatch', 'coverage-status-mismatch']);
    assert.match(matrix[0].message, /"Maybe" is not a status word/);
    assert.match(matrix[1].message, /status is empty: expected "Pending"/);
  });
});
