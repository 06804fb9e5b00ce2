import { strict as assert } from 'node:assert';
import { defaultConfig, parseConfigText, priorityOf } from '../../../src/core/config';
import type { Category, Chapter, SeriesModel } from '../../../src/core/model';
import { parseSeriesReadme } from '../../../src/core/series/readme';
import { parseCoverageMatrix } from '../../../src/core/series/matrix';
import {
  chapterLine, defaultPriorityLabel, fileSlug, matrixTemplate, noteTags, proposeChapter, readmeInsertEdit, seriesReadmeTemplate, tagOf, typicalMinutes,
} from '../../../src/extension/commands/noteTemplate';
import { applyTextEdits } from '../../../src/core/fixes/applyEdits';
import { parseFrontmatter } from '../../../src/core/frontmatter/parse';

const r = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function chapter(file: string, number: string | undefined, minutes?: number, line = 0): Chapter {
  const label = file.slice(file.lastIndexOf('/') + 1, -3);
  const range = { start: { line, character: 0 }, end: { line, character: 10 } };
  return { label, href: file, file, category: 'C', number, minutes, range, hrefRange: range };
}

function series(categories: Category[], folder = 'backend'): SeriesModel {
  return { readme: `${folder}/README.md`, folder, title: 'T', categories, batches: [], readingLists: [], supportDocs: [], estimatedTime: [] };
}

describe('noteTemplate', () => {
  it('gives a new chapter a label that reads back as its priority', () => {
    assert.equal(defaultPriorityLabel(defaultConfig()), '重要');
    assert.equal(defaultPriorityLabel(defaultConfig(), 'skippable'), '可跳讀');
    // 重要 is must-read's when must-read lists it too (the first priority listing a label has it)
    const config = parseConfigText('{"priorityLabels":{"must-read":["重要","必讀"]}}').config;
    assert.equal(defaultPriorityLabel(config), 'Important');
    assert.equal(priorityOf(config, defaultPriorityLabel(config)!), 'important');
    assert.equal(defaultPriorityLabel(parseConfigText('{"priorityLabels":{"important":[]}}').config), undefined);
  });

  it('builds tags and file slugs, keeping CJK', () => {
    assert.deepEqual(noteTags('backend', 'System Design'), ['backend', 'system-design']);
    assert.deepEqual(noteTags(undefined, 'Backend'), ['backend']);
    assert.deepEqual(noteTags('backend', 'backend'), ['backend']);
    assert.equal(fileSlug('Saga Pattern: Basics!'), 'saga_pattern_basics');
    assert.equal(fileSlug('分散式 交易'), '分散式_交易');
    assert.equal(fileSlug('***'), '');
  });

  it('proposes the next chapter number in the category folder and avoids taken names', () => {
    const cat: Category = { name: 'Engineering', range: r, chapters: [chapter('backend/engineering/33_testing.md', '33'), chapter('backend/engineering/76_etl.md', '76')] };
    const other: Category = { name: 'Patterns', range: r, chapters: [chapter('backend/design_pattern/creational/01_singleton.md', '01')] };
    const s = series([cat, other]);
    const p = proposeChapter(s, 'Engineering', 'Structured Concurrency', () => false);
    assert.deepEqual(p, { number: '77', file: 'backend/engineering/77_structured_concurrency.md', href: 'engineering/77_structured_concurrency.md', label: '77_structured_concurrency' });
    const taken = proposeChapter(s, 'Engineering', 'Structured Concurrency', f => f === 'backend/engineering/77_structured_concurrency.md');
    assert.equal(taken.file, 'backend/engineering/77_structured_concurrency_2.md');
    const fresh = proposeChapter(series([{ name: 'New Area', range: r, chapters: [] }, cat]), 'New Area', 'X', () => false);
    assert.equal(fresh.file, 'backend/new_area/77_x.md');
    const empty = proposeChapter(series([], ''), undefined, 'First', () => false);
    assert.equal(empty.file, '01_first.md');
  });

  it('proposes the next number of the category\'s folder when numbers restart per folder', () => {
    const nums = (folder: string, n: number) => Array.from({ length: n }, (_, i) => chapter(`dp/${folder}/0${i + 1}_${folder[0]}.md`, `0${i + 1}`));
    const creational: Category = { name: 'Creational', range: r, chapters: nums('creational', 3) };
    const structural: Category = { name: 'Structural', range: r, chapters: nums('structural', 7) };
    const s = series([creational, structural, { name: 'Behavioral', range: r, chapters: [] }], 'dp');
    assert.equal(proposeChapter(s, 'Creational', 'Prototype', () => false).file, 'dp/creational/04_prototype.md');
    assert.equal(proposeChapter(s, 'Structural', 'Proxy', () => false).file, 'dp/structural/08_proxy.md');
    // a new folder starts its own numbers
    assert.equal(proposeChapter(s, 'Behavioral', 'Observer', () => false).file, 'dp/behavioral/01_observer.md');
    // numbers that go on across folders (the seed README's layout) go on
    const onward = series([{ name: 'A', range: r, chapters: [chapter('s/a/01_x.md', '01'), chapter('s/a/02_y.md', '02')] },
      { name: 'B', range: r, chapters: [chapter('s/b/03_z.md', '03')] }], 's');
    assert.equal(proposeChapter(onward, 'A', 'W', () => false).file, 's/a/04_w.md');
    // both in one series (the examples' layout): the category folders number across, the folders of a nested
    // group restart; a category folder goes on after the highest of its siblings, not after its own (that is taken)
    const mixed = series([
      { name: 'Design', range: r, chapters: [chapter('s/design/01_a.md', '01'), chapter('s/design/02_b.md', '02')] },
      { name: 'Ops', range: r, chapters: [chapter('s/ops/03_c.md', '03'), chapter('s/ops/05_d.md', '05')] },
      { name: 'Eng', range: r, chapters: [chapter('s/eng/04_e.md', '04')] },
      { name: 'Creational', range: r, chapters: [chapter('s/dp/creational/01_s.md', '01'), chapter('s/dp/creational/02_f.md', '02')] },
      { name: 'New', range: r, chapters: [] },
    ], 's');
    assert.equal(proposeChapter(mixed, 'Eng', 'X', () => false).file, 's/eng/06_x.md');
    assert.equal(proposeChapter(mixed, 'Creational', 'P', () => false).file, 's/dp/creational/03_p.md');
    assert.equal(proposeChapter(mixed, 'New', 'N', () => false).file, 's/new/06_n.md');
    assert.equal(proposeChapter(mixed, 'Design', 'D', () => false).file, 's/design/06_d.md');
  });

  it('picks the typical reading time of a category', () => {
    const cat: Category = { name: 'E', range: r, chapters: [chapter('a/1.md', '1', 45), chapter('a/2.md', '2', 75), chapter('a/3.md', '3', 75)] };
    assert.equal(typicalMinutes(cat), 75);
    assert.equal(typicalMinutes(undefined), 60);
  });

  it('writes README chapter lines and inserts them after the category\'s last chapter', () => {
    assert.equal(chapterLine('77_x', 'engineering/77_x.md', '重要', 60), '- [77_x](engineering/77_x.md) - 重要 - 60 min');
    assert.equal(chapterLine('a b', 'dir with space/a b.md', undefined, undefined), '- [a b](<dir with space/a b.md>)');
    const text = '## Chapters\r\n\r\n### E\r\n\r\n- [a](a.md) - 重要 - 60 min\r\n- [b](b.md) - 重要 - 60 min\r\n\r\n### F\r\n';
    const cat: Category = { name: 'E', range: r, chapters: [chapter('x/a.md', undefined, 60, 4), chapter('x/b.md', undefined, 60, 5)] };
    const edit = readmeInsertEdit(text, cat, '- [c](c.md)');
    assert.ok(edit);
    assert.equal(applyTextEdits(text, [edit]), '## Chapters\r\n\r\n### E\r\n\r\n- [a](a.md) - 重要 - 60 min\r\n- [b](b.md) - 重要 - 60 min\r\n- [c](c.md)\r\n\r\n### F\r\n');
  });

  it('inserts a chapter line after the last chapter\'s whole item (its sub-bullets and continuation lines stay its own), as the next item of its list', () => {
    const config = defaultConfig();
    const insert = (text: string) => {
      const cat = parseSeriesReadme(text, 's/README.md', config).categories[0];
      return applyTextEdits(text, [readmeInsertEdit(text, cat, chapterLine('03_new', 'a/03_new.md', '重要', 30))!]);
    };
    const head = '# S\n\n## Chapters\n\n### A\n\n';
    const tail = '\n### B\n\n- [09_z](b/09_z.md) - 重要 - 30 min\n';
    const a1 = '- [01_a](a/01_a.md) - 必讀 - 30 min\n';
    const line = '[03_new](a/03_new.md) - 重要 - 30 min\n';
    // sub-bullets and lazy continuation lines of the last chapter
    assert.equal(insert(head + a1 + '- [02_b](a/02_b.md) - 重要 - 30 min\n  - Note: see the appendix\n  - Exercise: build one\n' + tail),
      head + a1 + '- [02_b](a/02_b.md) - 重要 - 30 min\n  - Note: see the appendix\n  - Exercise: build one\n- ' + line + tail);
    assert.equal(insert(head + a1 + '- [02_b](a/02_b.md) - 重要 - 30 min\n  covers the long tail\nof things\n' + tail),
      head + a1 + '- [02_b](a/02_b.md) - 重要 - 30 min\n  covers the long tail\nof things\n- ' + line + tail);
    // an ordered list goes on with the next number, another bullet keeps its bullet
    assert.equal(insert(head + '1. [01_a](a/01_a.md) - 必讀 - 30 min\n2) x\n\n8.  [02_b](a/02_b.md) - 重要 - 30 min\n'),
      head + '1. [01_a](a/01_a.md) - 必讀 - 30 min\n2) x\n\n8.  [02_b](a/02_b.md) - 重要 - 30 min\n9.  ' + line);
    assert.equal(insert(head + '* [01_a](a/01_a.md) - 必讀 - 30 min\n'), head + '* [01_a](a/01_a.md) - 必讀 - 30 min\n* ' + line);
    // a last chapter nested in a grouping bullet is followed in that group; a sub-chapter, after its chapter
    assert.equal(insert(head + '- Basics\n  - [01_a](a/01_a.md) - 必讀 - 30 min\n'), head + '- Basics\n  - [01_a](a/01_a.md) - 必讀 - 30 min\n  - ' + line);
    assert.equal(insert(head + a1 + '  - [01.1 sub](a/01_1_sub.md) - 重要 - 30 min\n  - a note\n'),
      head + a1 + '  - [01.1 sub](a/01_1_sub.md) - 重要 - 30 min\n  - a note\n- ' + line);
    for (const text of [head + '1. [01_a](a/01_a.md) - 必讀 - 30 min\n', head + a1 + '- [02_b](a/02_b.md) - 重要 - 30 min\n  - Note\n' + tail]) {
      const chapters = parseSeriesReadme(insert(text), 's/README.md', config).categories[0].chapters;
      assert.equal(chapters[chapters.length - 1].file, 's/a/03_new.md');
    }
  });

  it('lists the first chapter of a category as the first item under its heading, and without a category under ## Chapters', () => {
    const config = defaultConfig();
    const line = chapterLine('01_new', 'b/01_new.md', '重要', 60);
    const insert = (text: string, category: string | undefined) => {
      const cat = category === undefined ? undefined : parseSeriesReadme(text, 's/README.md', config).categories.find(c => c.name === category);
      const edit = readmeInsertEdit(text, cat, line);
      assert.ok(edit, text);
      const after = applyTextEdits(text, [edit]);
      const model = parseSeriesReadme(after, 's/README.md', config);
      return { after, chapters: model.categories.map(c => [c.name, c.chapters.map(ch => ch.file)]) };
    };
    const a = '### A\n\n- [01_a](a/01_a.md) - 必讀 - 30 min\n';
    // an empty category between two others, last, at the very end without a line break, and followed at once by text
    let r = insert(`# S\n\n## Chapters\n\n${a}\n### B\n\n### C\n\n- [01_c](c/01_c.md) - 重要 - 30 min\n`, 'B');
    assert.equal(r.after, `# S\n\n## Chapters\n\n${a}\n### B\n\n${line}\n\n### C\n\n- [01_c](c/01_c.md) - 重要 - 30 min\n`);
    assert.deepEqual(r.chapters, [['A', ['s/a/01_a.md']], ['B', ['s/b/01_new.md']], ['C', ['s/c/01_c.md']]]);
    for (const end of ['\n', '', '\n\n']) {
      r = insert(`# S\n\n## Chapters\n\n${a}\n### B${end}`, 'B');
      assert.deepEqual(r.chapters, [['A', ['s/a/01_a.md']], ['B', ['s/b/01_new.md']]], JSON.stringify(end));
    }
    r = insert(`# S\n\n## Chapters\n\n### B\nThe second part.\n`, 'B');
    assert.equal(r.after, `# S\n\n## Chapters\n\n### B\n\n${line}\n\nThe second part.\n`);
    assert.deepEqual(r.chapters, [['B', ['s/b/01_new.md']]]);
    // no category at all: under ## Chapters, before the next section; CRLF kept
    r = insert('# S\r\n\r\n## Chapters\r\n\r\n## Support Documents\r\n\r\n- [m](coverage_matrix.md)\r\n', undefined);
    assert.equal(r.after, `# S\r\n\r\n## Chapters\r\n\r\n${line}\r\n\r\n## Support Documents\r\n\r\n- [m](coverage_matrix.md)\r\n`);
    assert.deepEqual(r.chapters, [['Chapters', ['s/b/01_new.md']]]);
    assert.equal(readmeInsertEdit('# S\n\nNo chapters here.\n', undefined, line), undefined);
  });

  it('writes a series title and domain YAML would read as a number, a boolean or null quoted: they read back as the strings', () => {
    const config = defaultConfig();
    for (const title of ['0x10', '1e5', '0o17', '.inf', '-.inf', '.NaN', '1_000', '+12', '0b101', '2026', '3.14', 'true', 'no', 'null', '~', 'Backend Series']) {
      const opts = { title, domain: title.toLowerCase(), today: '2026-03-01', config };
      const readme = parseFrontmatter(seriesReadmeTemplate(opts));
      assert.equal(readme.error, undefined, title);
      assert.deepEqual([readme.data?.title, readme.data?.domain, readme.data?.tags], [title, title.toLowerCase(), ['system', tagOf(title) || 'notes']], title);
      const matrix = parseFrontmatter(matrixTemplate(opts));
      assert.deepEqual([matrix.data?.title, matrix.data?.domain], [`${title} Coverage Matrix`, title.toLowerCase()], title);
    }
    assert.match(seriesReadmeTemplate({ title: 'Backend Series', domain: 'backend', today: '2026-03-01', config }), /^title: Backend Series\nnote_type: system\ndomain: backend\n/m);
  });

  it('makes a series template that parses as a series with a planned chapter and a matrix row', () => {
    const config = defaultConfig();
    const opts = { title: 'Rust: Ownership', domain: 'rust', today: '2026-03-01', config };
    const readme = seriesReadmeTemplate(opts);
    assert.match(readme, /^title: "Rust: Ownership"$/m);
    const model = parseSeriesReadme(readme, 'rust/README.md', config);
    assert.equal(model.categories.length, 1);
    assert.equal(model.categories[0].chapters[0].file, 'rust/introduction/01_introduction.md');
    assert.equal(model.categories[0].chapters[0].priority, 'must-read');
    assert.equal(model.batches[0].numbers[0].num, '01');
    assert.equal(model.readingLists[0].priority, 'must-read');
    const matrix = parseCoverageMatrix(matrixTemplate(opts), 'rust/coverage_matrix.md', config);
    assert.deepEqual(matrix.problems, []);
    assert.equal(matrix.rows.length, 1);
    assert.equal(matrix.rows[0].files[0].file, 'rust/introduction/01_introduction.md');
    assert.equal(matrix.rows[0].declared, 'pending');
  });
});

describe('planned note text (Series tree "Create Note" and the coverage page\'s Create)', () => {
  it('titles the note after its chapter label and tags it with the domain and the category, CJK kept', async () => {
    const { FakeIndex } = await import('../coverage/fakeIndex');
    const { plannedNoteText } = await import('../../../src/extension/commands/noteTemplate');
    const readme = '---\ntitle: S\ndomain: backend\n---\n# S\n\n## Chapters\n\n### 系統 設計\n\n- [01_scalability_fundamentals](sd/01_scalability_fundamentals.md) - 必讀 - 30 min\n- [分散式 交易](sd/02_tx.md) - 重要 - 20 min\n';
    const index = new FakeIndex().addSeries('s/README.md', readme);
    index.note('s/README.md')!.frontmatter.data = { domain: 'backend' };
    const text = plannedNoteText(index, 's/sd/01_scalability_fundamentals.md', '2026-01-02');
    assert.match(text, /^---\ntitle: Scalability Fundamentals\n/);
    assert.match(text, /\ndomain: backend\n/);
    assert.match(text, /\ntags: \[backend, 系統-設計\]\n/);
    assert.match(text, /\nstatus: draft\n/);
    assert.match(text, /\ncreated: 2026-01-02\n/);
    assert.doesNotMatch(text, /source: ""/);
    assert.match(text, /\n# Scalability Fundamentals\n$/);
    assert.match(plannedNoteText(index, 's/sd/02_tx.md', '2026-01-02'), /\n# 分散式 交易\n$/);
    // a matrix file that is no chapter: titled after its file name
    assert.match(plannedNoteText(index, 's/sd/99_extra_topic.md', '2026-01-02'), /\n# Extra Topic\n$/);
  });

  it('takes the topic of the matrix row listing just that file over a label that is only the file name', async () => {
    const { FakeIndex } = await import('../coverage/fakeIndex');
    const { plannedNoteText } = await import('../../../src/extension/commands/noteTemplate');
    const readme = '---\ntitle: S\n---\n# S\n\n## Chapters\n\n### API\n\n' +
      '- [05_api_design_grpc_graphql](api/05_api_design_grpc_graphql.md) - 重要 - 75 min\n' +
      '- [REST Basics](api/06_rest.md) - 重要 - 30 min\n- [07_pair_a](api/07_pair_a.md) - 重要 - 30 min\n';
    const matrix = '# M\n\n| Capability Area | Required Topic | Coverage Files | Status |\n| --- | --- | --- | --- |\n' +
      '| API | gRPC & GraphQL | `api/05_api_design_grpc_graphql.md` | Pending |\n' +
      '| API | REST | `api/06_rest.md` | Pending |\n' +
      '| API | Pairs | `api/07_pair_a.md`, `api/08_pair_b.md` | Pending |\n';
    const index = new FakeIndex().addSeries('s/README.md', readme, matrix);
    const titleOf = (file: string) => /\n# (.*)\n$/.exec(plannedNoteText(index, file, '2026-01-02'))?.[1];
    assert.equal(titleOf('s/api/05_api_design_grpc_graphql.md'), 'gRPC & GraphQL');
    assert.match(plannedNoteText(index, 's/api/05_api_design_grpc_graphql.md', '2026-01-02'), /^---\ntitle: gRPC & GraphQL\n/);
    // a label someone wrote wins; a row of several files names none of them
    assert.equal(titleOf('s/api/06_rest.md'), 'REST Basics');
    assert.equal(titleOf('s/api/07_pair_a.md'), 'Pair A');
  });
});
