import { strict as assert } from 'node:assert';
import { defaultConfig } from '../../../src/core/config';
import { SeriesFolders } from '../../../src/core/index/seriesFolders';
import { expandSpan, matrixTableLayouts, parseCoverageMatrix, spanExpander } from '../../../src/core/series/matrix';
import { parseSeriesReadme } from '../../../src/core/series/readme';
import { seed, textAt } from './helpers';

const config = defaultConfig();

describe('coverage matrix parser', () => {
  describe('on the real seed matrix', () => {
    const text = seed('coverage_matrix.md');
    const cov = parseCoverageMatrix(text, 'backend/coverage_matrix.md', config);

    it('parses 40 rows without problems', () => {
      assert.equal(cov.file, 'backend/coverage_matrix.md');
      assert.equal(cov.folder, 'backend');
      assert.equal(cov.rows.length, 40);
      assert.deepEqual(cov.problems, []);
      assert.ok(cov.rows.every(r => r.declared === 'pending' && r.declaredText === 'Pending' && r.files.length === 1));
    });

    it('reads cells and exact ranges', () => {
      const r = cov.rows[4];
      assert.equal(r.area, 'System Design');
      assert.equal(r.topic, 'gRPC & GraphQL');
      assert.equal(r.files[0].href, 'system_design/05_api_design_grpc_graphql.md');
      assert.equal(r.files[0].file, 'backend/system_design/05_api_design_grpc_graphql.md');
      assert.equal(textAt(text, r.files[0].range), 'system_design/05_api_design_grpc_graphql.md');
      assert.equal(textAt(text, r.statusRange!), 'Pending');
      assert.equal(textAt(text, r.range), '| System Design | gRPC & GraphQL | `system_design/05_api_design_grpc_graphql.md` | Pending |');
      assert.equal(cov.rows[39].topic, 'CI/CD & Deployment');
    });

    it('reads the 7 cross-references including the rust span', () => {
      assert.equal(cov.xrefs.length, 7);
      const first = cov.xrefs[0];
      assert.equal(first.a.file, 'backend/database/transactions.md');
      assert.equal(first.b.file, 'backend/distributed_systems/13_saga_pattern.md');
      assert.equal(textAt(text, first.a.range), 'database/transactions.md');
      assert.equal(textAt(text, first.range), '- `database/transactions.md` <-> `distributed_systems/13_saga_pattern.md`');
      const rust = cov.xrefs[6];
      assert.equal(rust.a.raw, 'rust/17_3-17_6');
      assert.equal(rust.a.file, undefined);
      assert.deepEqual(rust.a.span, { folder: 'backend/rust', from: [17, 3], to: [17, 6] });
      assert.equal(rust.b.file, 'backend/engineering/36_concurrency_patterns.md');
    });

    it('keeps the remaining gaps text as written', () => {
      assert.equal(cov.gaps, '- 初始狀態：全部 40 篇待建立。');
    });
  });

  describe('tricky tables', () => {
    const parse = (text: string, file = 's/coverage_matrix.md') => parseCoverageMatrix(text, file, config);

    it('does not split cells on escaped pipes and keeps positions right', () => {
      const text = [
        '| Capability Area | Required Topic | Coverage Files | Status |',
        '|---|---|---|---|',
        '| A \\| B | x \\|\\| y | `a/01_a.md` `b/02\\|b.md` | In Progress |',
        '',
      ].join('\n');
      const [r] = parse(text).rows;
      assert.equal(r.area, 'A | B');
      assert.equal(r.topic, 'x || y');
      assert.deepEqual(r.files.map(f => f.href), ['a/01_a.md', 'b/02|b.md']);
      assert.equal(textAt(text, r.files[0].range), 'a/01_a.md');
      assert.equal(textAt(text, r.files[1].range), 'b/02\\|b.md');
      assert.equal(r.declared, 'in-progress');
      assert.equal(textAt(text, r.statusRange!), 'In Progress');
    });

    it('matches columns by name in any order and ignores extra columns', () => {
      const text = [
        '| Status | Notes | coverage files | REQUIRED TOPIC | Owner | Capability Area |',
        '| :-- | --- | --- | --- | --- | --: |',
        '| Done | n | `x/01_x.md` | Topic | me | Area |',
      ].join('\n');
      const [r] = parse(text).rows;
      assert.deepEqual([r.area, r.topic, r.declared, r.files[0].file], ['Area', 'Topic', 'done', 's/x/01_x.md']);
      assert.equal(textAt(text, r.statusRange!), 'Done');
    });

    it('accepts Chinese headers, CJK cells and Chinese status words', () => {
      const text = [
        '| 能力領域 | 主題 | 涵蓋檔案 | 狀態 |',
        '| --- | --- | --- | --- |',
        '| 系統設計 | 可擴展性 | `系統/01_擴展.md` | 待建立 |',
        '| 分散式 | 鎖 | `d/15_lock.md` | 進行中 |',
        '| 分散式 | 交易 | `d/13_saga.md` |  完成  |',
      ].join('\n');
      const rows = parse(text).rows;
      assert.deepEqual(rows.map(r => r.declared), ['pending', 'in-progress', 'done']);
      assert.equal(rows[0].area, '系統設計');
      assert.equal(textAt(text, rows[0].files[0].range), '系統/01_擴展.md');
      assert.equal(textAt(text, rows[2].statusRange!), '完成');
      assert.equal(rows[2].declaredText, '完成');
    });

    it('handles CRLF line endings', () => {
      const text = '# M\r\n\r\n| Capability Area | Required Topic | Coverage Files | Status |\r\n| --- | --- | --- | --- |\r\n| A | T | `a.md` | Done |\r\n| B | U | `b.md` | Pending |\r\n';
      const cov = parse(text);
      assert.equal(cov.rows.length, 2);
      assert.equal(textAt(text, cov.rows[1].statusRange!), 'Pending');
      assert.equal(cov.rows[1].statusRange!.start.line, 5);
    });

    it('reads two matrix tables and skips a non-matrix table before them', () => {
      const text = [
        '| Status | Meaning |', '| --- | --- |', '| Done | all written |', '',
        '## Part 1', '',
        '| Capability Area | Required Topic | Coverage Files | Status |', '| --- | --- | --- | --- |',
        '| A | T | `a.md` | Done |', '',
        '## Part 2', '',
        '| Capability Area | Required Topic | Coverage Files | Status |', '| --- | --- | --- | --- |',
        '| B | U | `b.md` | Pending |', '| C | V | `c.md` `d.md` | In Progress |',
      ].join('\n');
      const cov = parse(text);
      assert.deepEqual(cov.rows.map(r => r.area), ['A', 'B', 'C']);
      assert.deepEqual(cov.rows[2].files.map(f => f.file), ['s/c.md', 's/d.md']);
      assert.deepEqual(cov.problems, []);
      assert.equal(matrixTableLayouts(text).length, 2);
    });

    it('gives an empty Status cell a zero-length range inside the cell', () => {
      const text = '| Capability Area | Required Topic | Coverage Files | Status |\n| --- | --- | --- | --- |\n| A | T | `a.md` |   |\n| B | U | `b.md` ||\n';
      const [a, b] = parse(text).rows;
      assert.equal(a.declared, undefined);
      assert.equal(a.declaredText, '');
      assert.deepEqual(a.statusRange!.start, a.statusRange!.end);
      assert.equal(a.statusRange!.start.character, '| A | T | `a.md` | '.length);
      assert.equal(b.statusRange!.start.character, '| B | U | `b.md` |'.length);
    });

    it('keeps an unknown status word as declaredText with declared undefined', () => {
      const text = '| Capability Area | Coverage Files | Status |\n| --- | --- | --- |\n| A | `a.md` | **Done** |\n| B | `b.md` | Maybe |\n';
      const [a, b] = parse(text).rows;
      assert.equal(a.declared, 'done');
      assert.equal(a.declaredText, '**Done**');
      assert.equal(b.declared, undefined);
      assert.equal(b.declaredText, 'Maybe');
    });

    it('reports a matrix without a table or without a Status column', () => {
      const none = parse('# M\n\nno table here\n');
      assert.equal(none.rows.length, 0);
      assert.equal(none.problems.length, 1);
      assert.match(none.problems[0].message, /no coverage table/);
      const noStatus = parse('| Capability Area | Required Topic | Coverage Files |\n| --- | --- | --- |\n| A | T | `a.md` |\n');
      assert.equal(noStatus.rows.length, 1);
      assert.equal(noStatus.rows[0].statusRange, undefined);
      assert.equal(noStatus.problems.length, 1);
      assert.match(noStatus.problems[0].message, /no "Status" column/);
      assert.equal(noStatus.problems[0].range.start.line, 0);
    });

    it('accepts "Files" (and 檔案) as the Coverage Files column', () => {
      const cov = parse('| Status | Notes | Files | Required Topic | Capability Area |\n| --- | --- | --- | --- | --- |\n| 完成 | x | `a/01_one.md` `a/02_two.md` | One | A |\n');
      assert.deepEqual(cov.problems, []);
      assert.deepEqual(cov.rows[0].files.map(f => f.href), ['a/01_one.md', 'a/02_two.md']);
      assert.equal(cov.rows[0].declared, 'done');
      const zh = parse('| 能力領域 | 主題 | 檔案 | 狀態 |\n| --- | --- | --- | --- |\n| A | T | `a.md` | 完成 |\n');
      assert.deepEqual(zh.rows[0].files.map(f => f.href), ['a.md']);
    });

    it('a table without a files column: one problem on its header, rows with unknown files and nothing to sync', () => {
      const cov = parse('# M\n\n| Status | Paths | Required Topic |\n| --- | --- | --- |\n| Done | `a.md` | T |\n| Pending | `b.md` | U |\n');
      assert.equal(cov.problems.length, 1);
      assert.equal(cov.problems[0].kind, 'no-files-column');
      assert.match(cov.problems[0].message, /no "Coverage Files" column/);
      assert.equal(cov.problems[0].range.start.line, 2);
      assert.equal(cov.rows.length, 2);
      assert.ok(cov.rows.every(r => r.filesUnknown === true && r.statusRange === undefined && r.files.length === 0));
      assert.equal(cov.rows[0].declared, 'done');
    });

    it('ignores a table that names only one known column', () => {
      const cov = parse('| Status | Meaning |\n| --- | --- |\n| Done | x |\n');
      assert.equal(cov.rows.length, 0);
      assert.equal(cov.problems.length, 1);
    });

    it('a <br> in a cell separates words (any case, <br/>, <br />); other inline HTML is left out, its text kept', () => {
      const text = [
        '| Capability Area | Required Topic | Coverage Files | Status |',
        '| --- | --- | --- | --- |',
        '| Line1<br>Line2 | a<BR/>b<br />c | `a.md` | Done |',
        '| <b>Bold</b> area | x<!-- note -->y <span class="k">z</span> | `b.md` | Done |',
      ].join('\n');
      const rows = parse(text).rows;
      assert.deepEqual(rows.map(r => [r.area, r.topic]), [['Line1 Line2', 'a b c'], ['Bold area', 'xy z']]);
    });

    it('parses cross-reference spans without a folder and sides at the root', () => {
      const text = '## Cross-references\n\n- `17_1-17_2` <-> `../other.md`\n- `a.md` and `b.md` without arrow\n- `x.md` ↔ `y.md`\n';
      const cov = parse(text, 'coverage_matrix.md');
      assert.equal(cov.xrefs.length, 2);
      assert.deepEqual(cov.xrefs[0].a.span, { folder: '', from: [17, 1], to: [17, 2] });
      assert.equal(cov.xrefs[0].b.file, undefined);
      assert.equal(cov.xrefs[1].b.file, 'y.md');
    });
  });

  // Mutation testing (hand-driven): each case below passed unseen with a one-line change of src/core/series/matrix.ts;
  // the test name says which.
  describe('cases found by mutation testing', () => {
    const parse = (text: string, file = 's/coverage_matrix.md') => parseCoverageMatrix(text, file, config);
    const HEAD = '| Capability Area | Coverage Files | Status |\n| --- | --- | --- |\n';

    it('of two columns with the same name, the first one is read (layoutOf letting the later one win)', () => {
      const cov = parse('| Capability Area | Files | Files | Status |\n| --- | --- | --- | --- |\n| A | `a.md` | `old/b.md` | Done |\n');
      assert.deepEqual(cov.rows[0].files.map(f => f.href), ['a.md']);
    });

    it('a table naming only Capability Area and Required Topic is no coverage table (layoutOf without its files/status '
      + 'condition reported a missing column)', () => {
      const cov = parse('| Capability Area | Required Topic |\n| --- | --- |\n| A | T |\n');
      assert.deepEqual(cov.problems.map(p => p.kind), ['no-table']);
      assert.equal(cov.rows.length, 0);
    });

    it('a Coverage Files code span with a folder is a path even without .md, but not prose with blanks (isMatrixPath '
      + 'reduced to .md, or without its blank test)', () => {
      const cov = parse(HEAD + '| A | `a/01_x` `Go / Rust` `b.md` | Done |\n');
      assert.deepEqual(cov.rows[0].files.map(f => f.href), ['a/01_x', 'b.md']);
    });

    it('a Coverage Files path with a #fragment names the file of its path part, and keeps the href as written', () => {
      // `b.md?plain=1` is no path, as it is no backtick reference in a note; `#top` names no file
      const cov = parse(HEAD + '| A | `a/02.md#setup` `b.md?plain=1` `c.md#` `#top` | Done |\n');
      assert.deepEqual(cov.rows[0].files.map(f => [f.href, f.file]), [['a/02.md#setup', 's/a/02.md'], ['c.md#', 's/c.md']]);
    });

    it('an empty cell written `||` gets a blank on both sides of the word (statusInsert without its after blank)', () => {
      const [row] = parse(HEAD + '| A | `a.md` ||\n').rows;
      assert.deepEqual(row.statusInsert, { before: ' ', after: ' ' });
    });

    it('a last cell ending in an escaped pipe keeps it (cellContent dropping "\\|" as if it were the row\'s pipe)', () => {
      const [row] = parse(HEAD + '| A | `a.md` | Done \\|\n').rows;
      assert.equal(row.declaredText, 'Done \\|');
    });

    it('a cross-reference side with a #fragment names the file (parseXrefSide keeping the fragment in the path)', () => {
      const cov = parse('## Cross-references\n\n- `a.md#setup` <-> `b.md`\n');
      assert.equal(cov.xrefs[0].a.file, 's/a.md');
    });

    it('"Cross references" and "Cross-reference" headings hold cross-references too (sectionOf with one spelling)', () => {
      for (const h of ['Cross references', 'Cross-reference map']) {
        assert.equal(parse(`## ${h}\n\n- \`a.md\` <-> \`b.md\`\n`).xrefs.length, 1, h);
      }
    });

    it('a level-3 heading inside Remaining Gaps is part of the gaps text (any heading ending the section)', () => {
      const cov = parse('## Remaining Gaps\n\nIntro.\n\n### Later\n\nMore.\n\n## Next\n\nx\n');
      assert.equal(cov.gaps, 'Intro.\n\n### Later\n\nMore.');
    });
  });

  describe('expandSpan', () => {
    const files = [
      'backend/rust/17_2_intro.md', 'backend/rust/17_3_async_basics.md', 'backend/rust/17.4-foo.md',
      'backend/rust/17_5.md', 'backend/rust/17_6_1_deep.md', 'backend/rust/17_7_next.md', 'backend/rust/17_intro.md',
      'backend/rust/sub/17_4_x.md', 'backend/rust/17_4_img.png', 'backend/other/17_4.md', 'backend/rust/18_3.md',
    ];
    it('returns the files of the folder whose chapter number lies in the range', () => {
      assert.deepEqual(expandSpan({ folder: 'backend/rust', from: [17, 3], to: [17, 6] }, files), [
        'backend/rust/17.4-foo.md', 'backend/rust/17_3_async_basics.md', 'backend/rust/17_5.md', 'backend/rust/17_6_1_deep.md',
      ]);
    });
    it('compares tuples, not strings', () => {
      assert.deepEqual(expandSpan({ folder: 'f', from: [2], to: [10] }, ['f/1_a.md', 'f/2_b.md', 'f/9_c.md', 'f/10_d.md', 'f/11_e.md']),
        ['f/10_d.md', 'f/2_b.md', 'f/9_c.md']);
    });
    it('spanExpander gives expandSpan\'s answers for many spans, reading the files once (not once a span)', () => {
      let reads = 0;
      const expand = spanExpander(() => { reads++; return files; });
      const spans = [
        { folder: 'backend/rust', from: [17, 3], to: [17, 6] }, { folder: 'backend/rust', from: [17], to: [18] },
        { folder: 'backend/rust/sub', from: [1], to: [99] }, { folder: 'backend/other', from: [17, 4], to: [17, 4] },
        { folder: 'backend', from: [1], to: [99] }, { folder: 'nowhere', from: [1], to: [2] },
      ];
      for (let round = 0; round < 3; round++) for (const span of spans) assert.deepEqual(expand(span), expandSpan(span, files), span.folder);
      assert.equal(reads, 1);
    });
  });

  describe('which notes a matrix\'s cross-references name (SeriesFolders.foldersCrossReferencing)', () => {
    const matrix = '# M\n\n## Cross-references with Existing Content\n\n- `a/01_x.md` <-> `rust/17_3-17_6`\n- `deep/er/02_y.md` <-> `b/c/1-9`\n';
    const readme = (file: string) => parseSeriesReadme('# S\n\n## Chapters\n', file, config);
    const folders = (series: SeriesFolders, file: string) => {
      const into = new Set<string>();
      series.foldersCrossReferencing(file, into);
      return [...into].sort();
    };
    const series = new SeriesFolders();
    series.set('backend', { model: readme('backend/README.md'), coverage: parseCoverageMatrix(matrix, 'backend/coverage_matrix.md', config) });
    it('a file a side names, and the files at any depth inside a span\'s folder', () => {
      const named = ['backend/a/01_x.md', 'backend/deep/er/02_y.md', 'backend/rust/17_4.md', 'backend/rust/x/y/z.md', 'backend/b/c/5_a.md'];
      const not = ['backend/a/02_x.md', 'backend/rust.md', 'backend/rustacean/17_4.md', 'backend/b/5_a.md', 'other/rust/17_4.md', 'backend/deep/02_y.md'];
      assert.deepEqual(named.map(f => folders(series, f)), named.map(() => ['backend']));
      assert.deepEqual(not.map(f => folders(series, f)), not.map(() => []));
    });

    it('every series whose matrix names it: one nested inside another, and sides outside the series folder', () => {
      const s = new SeriesFolders();
      s.readmeParsed('backend', readme('backend/README.md'));
      s.matrixParsed('backend', parseCoverageMatrix(matrix, 'backend/coverage_matrix.md', config));
      // a nested series (rust/ has its own README) and one beside it, whose sides lie outside its folder
      s.readmeParsed('backend/rust', readme('backend/rust/README.md'));
      s.matrixParsed('backend/rust', parseCoverageMatrix('# M\n\n## Cross-references\n\n- `17_4.md` <-> `../a/01_x.md`\n', 'backend/rust/coverage_matrix.md', config));
      s.readmeParsed('x', readme('x/README.md'));
      s.matrixParsed('x', parseCoverageMatrix('# M\n\n## Cross-references\n\n- `../r/01-02` <-> `../y/a.md`\n', 'x/coverage_matrix.md', config));
      assert.deepEqual(folders(s, 'backend/rust/17_4.md'), ['backend', 'backend/rust']);
      assert.deepEqual(folders(s, 'backend/a/01_x.md'), ['backend', 'backend/rust']);
      assert.deepEqual(folders(s, 'r/01_a.md'), ['x']);
      assert.deepEqual(folders(s, 'y/a.md'), ['x']);
      // what a matrix says goes with it, and with its series
      s.matrixRemoved('backend/rust', 'backend/rust/coverage_matrix.md');
      assert.deepEqual(folders(s, 'backend/a/01_x.md'), ['backend']);
      s.readmeRemoved('x', 'x/README.md');
      assert.deepEqual(folders(s, 'y/a.md'), []);
      s.readmeParsed('x', readme('x/README.md'));
      assert.deepEqual(folders(s, 'y/a.md'), ['x'], 'the matrix that waited for its README');
      s.matrixParsed('x', parseCoverageMatrix('# M\n', 'x/coverage_matrix.md', config));
      assert.deepEqual(folders(s, 'y/a.md'), []);
    });
  });
});
