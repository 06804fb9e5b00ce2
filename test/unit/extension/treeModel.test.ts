import { strict as assert } from 'node:assert';
import type { Chapter, PriorityKey, SeriesModel } from '../../../src/core/model';
import { buildTree, findChapterNode, isFilterActive, NO_FILTER, routeOrder, type BuildOptions, type ChapterFacts } from '../../../src/extension/tree/treeModel';

const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function ch(num: string, category: string, priority?: PriorityKey, minutes = 60): Chapter {
  const file = `s/${category.toLowerCase()}/${num}_c${num}.md`;
  return { label: `${num}_c${num}`, href: file.slice(2), file, category, number: num, priority, minutes, range, hrefRange: range };
}

const a1 = ch('01', 'A', 'must-read', 90);
const a2 = ch('02', 'A', 'important', 30);
const b3 = ch('03', 'B', 'skippable', 45);
const b4 = ch('04', 'B');

const series: SeriesModel = {
  readme: 's/README.md', folder: 's', title: 'S',
  categories: [{ name: 'A', range, chapters: [a1, a2] }, { name: 'B', range, chapters: [b3, b4, a1] }],
  batches: [
    { index: 1, numbers: [{ num: '03', range }, { num: '01', range }], theme: 'first', range },
    { index: 2, numbers: [{ num: '99', range }, { num: '02', range }], range },
  ],
  readingLists: [], supportDocs: [], estimatedTime: [],
};

function opts(over: Partial<BuildOptions> = {}): BuildOptions {
  const exists = new Set([a1.file, b3.file]);
  return {
    groupBy: 'category',
    filter: NO_FILTER,
    isStudied: f => f === a1.file || f === a2.file,
    factsOf: (f): ChapterFacts => ({ exists: exists.has(f), draft: f === b3.file, problems: f === a1.file ? 2 : 0, errors: 0, title: exists.has(f) ? `Title ${f}` : undefined }),
    resolveNumber: (_s, num) => [a1, a2, b3, b4].find(c => c.number === num),
    ...over,
  };
}

describe('treeModel', () => {
  it('groups by category in README order with stable, unique ids', () => {
    const [s] = buildTree([series], opts());
    assert.deepEqual(s.groups.map(g => g.key), ['A', 'B']);
    assert.deepEqual(s.groups[1].chapters.map(c => c.chapter.label), ['03_c03', '04_c04', '01_c01']);
    const ids = s.groups.flatMap(g => g.chapters.map(c => c.id));
    assert.equal(new Set(ids).size, ids.length);
    const [again] = buildTree([series], opts());
    assert.deepEqual(again.groups.flatMap(g => g.chapters.map(c => c.id)), ids);
    assert.equal(s.groups[0].parent, s);
    assert.equal(s.groups[0].chapters[0].parent, s.groups[0]);
  });

  it('counts progress: studied only when the note exists, written excludes drafts, minutes left', () => {
    const [s] = buildTree([series], opts());
    assert.deepEqual(s.groups[0].progress, { total: 2, studied: 1, written: 1, minutesLeft: 30 });
    // the series counts a chapter listed twice once
    assert.deepEqual(s.progress, { total: 4, studied: 1, written: 1, minutesLeft: 30 + 45 + 60 });
    assert.equal(s.groups[0].chapters[1].studied, false, 'a planned chapter is never studied');
  });

  it('groups by priority, with chapters lacking one last', () => {
    const [s] = buildTree([series], opts({ groupBy: 'priority' }));
    assert.deepEqual(s.groups.map(g => [g.key, g.chapters.map(c => c.chapter.number)]), [
      ['must-read', ['01']], ['important', ['02']], ['skippable', ['03']], ['', ['04']],
    ]);
  });

  it('groups by batch route, unknown numbers skipped, unrouted chapters last', () => {
    const [s] = buildTree([series], opts({ groupBy: 'batch' }));
    assert.deepEqual(s.groups.map(g => [g.key, g.theme, g.chapters.map(c => c.chapter.number)]), [
      ['1', 'first', ['03', '01']], ['2', undefined, ['02']], ['', undefined, ['04']],
    ]);
    assert.deepEqual(routeOrder(series, opts().resolveNumber).map(c => c.number), ['03', '01', '02']);
  });

  it('filters rows but keeps the whole group in its progress, and drops empty groups', () => {
    const f = { priorities: [] as PriorityKey[], missingOnly: true, text: '' };
    assert.equal(isFilterActive(f), true);
    assert.equal(isFilterActive(NO_FILTER), false);
    const [s] = buildTree([series], opts({ filter: f }));
    assert.deepEqual(s.groups.map(g => g.chapters.map(c => c.chapter.number)), [['02'], ['04']]);
    assert.equal(s.groups[0].progress.total, 2);
    const [t] = buildTree([series], opts({ filter: { priorities: ['skippable', 'must-read'], missingOnly: false, text: 'C0' } }));
    assert.deepEqual(t.groups.map(g => g.chapters.map(c => c.chapter.number)), [['01'], ['03', '01']]);
    const [u] = buildTree([series], opts({ filter: { priorities: [], missingOnly: false, text: 'title s/b' } }));
    assert.deepEqual(u.groups.map(g => g.chapters.map(c => c.chapter.number)), [['03']]);
  });

  it('under a filter says how many of each group\'s and series\' chapters are shown, while progress stays over all of them', () => {
    const [all] = buildTree([series], opts());
    assert.deepEqual([all.shown, ...all.groups.map(g => g.shown)], [undefined, undefined, undefined], 'no filter: nothing hidden, nothing to say');
    const [s] = buildTree([series], opts({ filter: { priorities: [], missingOnly: true, text: '' } }));
    // group A lists 01 (written) and 02 (planned): one row of two; B lists 03, 04 and 01 again: one row (04) of three
    assert.deepEqual(s.groups.map(g => [g.key, g.shown, g.chapters.length, g.progress.total, g.progress.written]), [['A', 1, 1, 2, 1], ['B', 1, 1, 3, 1]]);
    // the series counts 01, listed in both categories, once: 2 of its 4 chapters are shown
    assert.deepEqual([s.shown, s.progress.total], [2, 4]);
    const [t] = buildTree([series], opts({ groupBy: 'priority', filter: { priorities: ['must-read', 'skippable'], missingOnly: false, text: '' } }));
    assert.deepEqual(t.groups.map(g => [g.key, g.shown, g.progress.total]), [['must-read', 1, 1], ['skippable', 1, 1]]);
    assert.equal(t.shown, 2);
  });

  it('hides a series the filter matches nothing in (the view then shows its "no match" welcome), never without a filter', () => {
    const empty: SeriesModel = { ...series, readme: 'e/README.md', folder: 'e', categories: [], batches: [] };
    const roots = buildTree([series, empty], opts({ filter: { priorities: [], missingOnly: false, text: 'no such chapter' } }));
    assert.deepEqual(roots, []);
    const some = buildTree([series, empty], opts({ filter: { priorities: ['skippable'], missingOnly: false, text: '' } }));
    assert.deepEqual(some.map(s => s.series.readme), ['s/README.md']);
    assert.deepEqual(buildTree([series, empty], opts()).map(s => s.series.readme), ['s/README.md', 'e/README.md']);
  });

  it('shows a README category without chapters (the tree mirrors the README), but not under a filter or other groupings', () => {
    const withEmpty: SeriesModel = { ...series, categories: [...series.categories, { name: '待補 (empty)', range, chapters: [] }] };
    const [s] = buildTree([withEmpty], opts());
    assert.deepEqual(s.groups.map(g => [g.key, g.chapters.length, g.progress.total]), [['A', 2, 2], ['B', 3, 3], ['待補 (empty)', 0, 0]]);
    assert.equal(s.progress.total, 4);
    const [f] = buildTree([withEmpty], opts({ filter: { priorities: [], missingOnly: true, text: '' } }));
    assert.deepEqual(f.groups.map(g => g.key), ['A', 'B']);
    const [p] = buildTree([withEmpty], opts({ groupBy: 'priority' }));
    assert.deepEqual(p.groups.map(g => g.key), ['must-read', 'important', 'skippable', '']);
  });

  it('gives a repeated category heading or batch number its own ids (VS Code refuses repeated ids), the same on every rebuild', () => {
    // `### Basics` twice under `## Chapters`, and `- Batch 1: …` beside `- Batch 1b: …` (both batch 1)
    const repeated: SeriesModel = {
      ...series,
      categories: [{ name: 'A', range, chapters: [a1, a2] }, { name: 'B', range, chapters: [b3] }, { name: 'A', range, chapters: [b4, a1] }],
      batches: [{ index: 1, numbers: [{ num: '01', range }], range }, { index: 1, numbers: [{ num: '01', range }, { num: '03', range }], range }],
    };
    for (const groupBy of ['category', 'batch'] as const) {
      const [s] = buildTree([repeated], opts({ groupBy }));
      const ids = [s.id, ...s.groups.map(g => g.id), ...s.groups.flatMap(g => g.chapters.map(c => c.id))];
      assert.equal(new Set(ids).size, ids.length, `${groupBy}: ${ids.join(', ')}`);
      const [again] = buildTree([repeated], opts({ groupBy }));
      assert.deepEqual([again.id, ...again.groups.map(g => g.id), ...again.groups.flatMap(g => g.chapters.map(c => c.id))], ids);
    }
    const [s] = buildTree([repeated], opts());
    assert.deepEqual(s.groups.map(g => g.id), ['series:s/README.md|category:A', 'series:s/README.md|category:B', 'series:s/README.md|category:A#2']);
  });

  it('finds the first node of a file for reveal', () => {
    const roots = buildTree([series], opts());
    assert.equal(findChapterNode(roots, a1.file)?.parent.key, 'A');
    assert.equal(findChapterNode(roots, 'nope.md'), undefined);
  });
});
