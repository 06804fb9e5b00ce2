import { strict as assert } from 'node:assert';
import { defaultConfig } from '../../../src/core/config';
import { chapterNumberOf, parseSeriesReadme, resolveSeriesHref } from '../../../src/core/series/readme';
import { isSeriesReadme } from '../../../src/core/series/readmeSections';
import { seed, textAt } from './helpers';
import { indexOf } from '../index/memoryWorkspace';

const config = defaultConfig();

describe('series README parser', () => {
  describe('on the real seed README', () => {
    const text = seed('README.md');
    const s = parseSeriesReadme(text, 'backend/README.md', config);

    it('is recognised as a series README', () => {
      assert.equal(isSeriesReadme(text), true);
    });

    it('reads folder and frontmatter title', () => {
      assert.equal(s.readme, 'backend/README.md');
      assert.equal(s.folder, 'backend');
      assert.equal(s.title, 'Backend Series README');
    });

    it('finds the 6 categories with their chapter counts', () => {
      assert.deepEqual(s.categories.map(c => [c.name, c.chapters.length]), [
        ['System Design', 21], ['Distributed Systems', 18], ['Infrastructure', 21],
        ['Engineering', 16], ['Database', 14], ['Design Pattern', 31],
      ]);
      assert.equal(textAt(text, s.categories[0].range), '### System Design');
    });

    it('reads every field of a chapter line with exact ranges', () => {
      const ch = s.categories[0].chapters[0];
      assert.equal(ch.label, '01_scalability_fundamentals');
      assert.equal(ch.href, 'system_design/01_scalability_fundamentals.md');
      assert.equal(ch.file, 'backend/system_design/01_scalability_fundamentals.md');
      assert.equal(ch.category, 'System Design');
      assert.equal(ch.number, '01');
      assert.equal(ch.priority, 'must-read');
      assert.equal(ch.priorityLabel, '必讀');
      assert.equal(ch.minutes, 90);
      assert.equal(textAt(text, ch.range), '- [01_scalability_fundamentals](system_design/01_scalability_fundamentals.md) - 必讀 - 90 min');
      assert.equal(textAt(text, ch.hrefRange), 'system_design/01_scalability_fundamentals.md');
      assert.equal(textAt(text, ch.priorityRange!), '必讀');
    });

    it('reads priorities and minutes of every chapter', () => {
      const all = s.categories.flatMap(c => c.chapters);
      assert.equal(all.length, 121);
      assert.ok(all.every(c => c.priority !== undefined && c.minutes !== undefined));
      const db = s.categories[4].chapters;
      assert.equal(db[0].number, undefined);
      assert.equal(db[0].file, 'backend/database/indexing.md');
      assert.equal(db[9].number, '01');
      assert.equal(db[9].file, 'backend/database/alembic/01_baseline.md');
      const skippable = all.filter(c => c.priority === 'skippable').length;
      assert.equal(skippable, all.filter(c => c.priorityLabel === '可跳讀').length);
    });

    it('reads the 30 batches with numbers, themes and exact number ranges', () => {
      assert.equal(s.batches.length, 30);
      assert.deepEqual(s.batches.map(b => b.index), Array.from({ length: 30 }, (_, i) => i + 1));
      const b24 = s.batches[23];
      assert.deepEqual(b24.numbers.map(n => n.num), ['57', '68', '61']);
      assert.equal(b24.theme, '基礎設施補強 — Docker, DNS/Network, Object Storage & CDN');
      assert.equal(textAt(text, b24.numbers[1].range), '`68`');
      assert.equal(s.batches[29].numbers.length, 1);
      assert.equal(s.batches.reduce((n, b) => n + b.numbers.length, 0), 76);
    });

    it('reads the 3 reading lists', () => {
      assert.deepEqual(s.readingLists.map(l => [l.priority, l.label, l.numbers.length]), [
        ['must-read', 'Must-read', 32], ['important', 'Important', 31], ['skippable', 'Skippable', 12],
      ]);
      const first = s.readingLists[0].numbers[0];
      assert.equal(first.num, '01');
      assert.equal(textAt(text, first.range), '`01`');
    });

    it('reads support documents and estimated times', () => {
      assert.deepEqual(s.supportDocs.map(d => [d.label, d.href, d.file]), [
        ['quality_rubric', 'quality_rubric.md', 'backend/quality_rubric.md'],
        ['coverage_matrix', 'coverage_matrix.md', 'backend/coverage_matrix.md'],
      ]);
      assert.equal(textAt(text, s.supportDocs[1].range), 'coverage_matrix.md');
      assert.equal(s.estimatedTime.length, 4);
      assert.equal(s.estimatedTime[0], 'Comprehensive chapters: 75-90 min each.');
    });
  });

  describe('tolerance', () => {
    const parse = (body: string, file = 'README.md') => parseSeriesReadme(body, file, config);

    it('accepts en/em dashes, extra spaces, missing minutes or priority', () => {
      const text = [
        '# T', '', '## Chapters', '', '### Cat', '',
        '- [a](a/01_a.md) – 重要 — 45 min',
        '-   [b](b/02_b.md)   -   Must-read   -   30 min  ',
        '- [c](c/03_c.md) - 可跳讀',
        '- [d](d/04_d.md) - 20 min',
        '- [e](e/05_e.md)',
        '- [f](f/06_f.md) - **重要** - 10 min',
        '',
      ].join('\n');
      const [a, b, c, d, e, f] = parse(text).categories[0].chapters;
      assert.deepEqual([a.priority, a.minutes], ['important', 45]);
      assert.deepEqual([b.priority, b.priorityLabel, b.minutes], ['must-read', 'Must-read', 30]);
      assert.equal(textAt(text, b.priorityRange!), 'Must-read');
      assert.deepEqual([c.priority, c.minutes], ['skippable', undefined]);
      assert.deepEqual([d.priority, d.priorityLabel, d.minutes], [undefined, undefined, 20]);
      assert.deepEqual([e.priority, e.minutes, e.priorityRange], [undefined, undefined, undefined]);
      assert.equal(textAt(text, f.priorityRange!), '重要');
      assert.equal(f.priority, 'important');
    });

    it('reads reading times written in hours, as a range or approximately', () => {
      const text = [
        '## Chapters', '', '### Cat', '',
        '- [a](a/01_a.md) - 必讀 - 60–90 min',
        '- [b](b/02_b.md) - 重要 - 1 h',
        '- [c](c/03_c.md) - 1.5 小時 - 可跳讀',
        '- [d](d/04_d.md) - 必讀 - ~45 分鐘',
        '- [e](e/05_e.md) - 必讀 - 1h30',
        '',
      ].join('\n');
      const chapters = parse(text).categories[0].chapters;
      assert.deepEqual(chapters.map(c => c.minutes), [90, 60, 90, 45, 90]);
      // a reading time written before the priority is not taken for a priority label
      assert.deepEqual(chapters.map(c => c.priority), ['must-read', 'important', 'skippable', 'must-read', 'must-read']);
    });

    it('a line break in a heading or a chapter label (<br>, a hard break) separates words', () => {
      const text = '## Chapters\n\n### System<br/>Design\n\n- [Part one\\\nPart two](x/07_x.md) - 必讀 - 5 min\n';
      const cat = parse(text).categories[0];
      assert.deepEqual([cat.name, cat.chapters[0].label], ['System Design', 'Part one Part two']);
    });

    it('keeps an unknown priority label without a canonical priority', () => {
      const text = '## Chapters\n\n### C\n\n- [x](x/07_x.md) - Optional - 5 min\n';
      const ch = parse(text).categories[0].chapters[0];
      assert.equal(ch.priority, undefined);
      assert.equal(ch.priorityLabel, 'Optional');
      assert.equal(textAt(text, ch.priorityRange!), 'Optional');
    });

    it('resolves percent-encoding, ./ and ../, and rejects hrefs leaving the workspace', () => {
      const text = [
        '## Chapters', '### C',
        '- [a](./x/01%20a.md) - 必讀 - 1 min',
        '- [b](../shared/02_b.md) - 必讀 - 1 min',
        '- [c](../../../03_c.md) - 必讀 - 1 min',
        '- [d](<y/04 d.md>) - 必讀 - 1 min',
        '- [e](https://example.com/05_e.md) - 必讀 - 1 min',
      ].join('\n');
      const s = parse(text, 'notes/backend/README.md');
      const [a, b, c, d, e] = s.categories[0].chapters;
      assert.equal(a.file, 'notes/backend/x/01 a.md');
      assert.equal(a.href, './x/01%20a.md');
      assert.equal(b.file, 'notes/shared/02_b.md');
      assert.equal(c.file, '');
      assert.equal(c.number, '03');
      assert.equal(d.file, 'notes/backend/y/04 d.md');
      assert.equal(textAt(text, d.hrefRange), 'y/04 d.md');
      assert.equal(e.file, '');
    });

    it('puts a root README at folder "" and uses the first heading as title', () => {
      const s = parse('# My Series\n\n## Chapters\n\n### C\n\n- [a](01_a.md) - 必讀 - 5 min\n');
      assert.equal(s.folder, '');
      assert.equal(s.title, 'My Series');
      assert.equal(s.categories[0].chapters[0].file, '01_a.md');
    });

    it('handles CRLF line endings with exact ranges', () => {
      const text = '## Chapters\r\n\r\n### C\r\n\r\n- [a](a/01_a.md) - 必讀 - 5 min\r\n- [b](a/02_b.md) - 重要 - 6 min\r\n\r\n## Reading Priority\r\n\r\n- Must-read (`必讀`): `01`\r\n- 重要: `02`\r\n';
      const s = parse(text);
      const [a, b] = s.categories[0].chapters;
      assert.equal(textAt(text, a.range), '- [a](a/01_a.md) - 必讀 - 5 min');
      assert.equal(textAt(text, b.priorityRange!), '重要');
      assert.equal(b.minutes, 6);
      assert.deepEqual(s.readingLists.map(l => [l.priority, l.label]), [['must-read', 'Must-read'], ['important', '重要']]);
      assert.equal(textAt(text, s.readingLists[1].numbers[0].range), '`02`');
    });

    it('matches a reading list by the label in backticks when the English label is unknown', () => {
      const s = parse('## Reading Priority\n\n- Lesen (`必讀`): `01`, `02`\n- Nothing known: `03`\n');
      assert.equal(s.readingLists.length, 1);
      assert.equal(s.readingLists[0].priority, 'must-read');
      assert.equal(s.readingLists[0].label, '必讀');
    });

    it('reads chapters nested under a grouping bullet, not the sub-bullets of a chapter', () => {
      const text = '## Chapters\n\n### C\n\n- Basics\n  - [a](01_a.md) - 必讀 - 5 min\n    - see [notes](x.md)\n- [b](02_b.md) - 重要\n  - also [y](y.md)\n';
      assert.deepEqual(parse(text).categories[0].chapters.map(c => c.file), ['01_a.md', '02_b.md']);
    });

    it('reads a full chapter line nested in a chapter as a sub-chapter, and no other sub-bullet of a chapter', () => {
      const text = [
        '## Chapters', '', '### Rust', '',
        '- [17 Async Rust](rust/17_async.md) - 必讀 - 90 min',
        '  - [17.3 async/await](rust/17_3_async.md) - 必讀 - 30 min',
        '    - see [the tokio notes](rust/tokio.md) - 必讀 - 5 min',
        '    - [17.3.1 pinning](rust/17_3_1_pin.md) - 可跳讀 - 10 min',
        '  - [17.4 tokio](rust/17_4_tokio.md) - 重要 - 30 min',
        '  - [the Rust book](https://doc.rust-lang.org/book/) - 必讀 - 60 min',
        '  - [notes](rust/17_notes.md)',
        '  - [draft](rust/17_9_draft.md) - Someday - 5 min',
        '  - [minutes only](rust/17_8.md) - 5 min',
        '  - [priority only](rust/17_5.md) - 必讀',
        '  - Also read the [async book](rust/17_7_book.md).',
        '    - [17.6 nested in prose](rust/17_6.md) - 必讀 - 5 min',
        '- [18 Macros](rust/18_macros.md) - 重要 - 30 min',
      ].join('\n') + '\n';
      const chapters = parse(text).categories[0].chapters;
      assert.deepEqual(chapters.map(c => [c.file, c.priority, c.minutes]), [
        ['rust/17_async.md', 'must-read', 90], ['rust/17_3_async.md', 'must-read', 30], ['rust/17_3_1_pin.md', 'skippable', 10],
        ['rust/17_4_tokio.md', 'important', 30], ['rust/18_macros.md', 'important', 30]]);
      assert.equal(textAt(text, chapters[1].range), '- [17.3 async/await](rust/17_3_async.md) - 必讀 - 30 min');
      assert.equal(textAt(text, chapters[1].hrefRange), 'rust/17_3_async.md');
    });

    it('recognises a README with lone CR line endings', () => {
      assert.equal(isSeriesReadme('# T\r## Chapters\r### C\r'), true);
    });

    it('ends a section at the next level-2 heading', () => {
      const s = parse('## Chapters\n\n### C\n\n- [a](01_a.md) - 必讀 - 5 min\n\n## Notes\n\n- [z](99_z.md) - 必讀 - 5 min\n');
      assert.equal(s.categories.length, 1);
      assert.equal(s.categories[0].chapters.length, 1);
    });

    it('does not treat other texts as a series README', () => {
      assert.equal(isSeriesReadme('# Title\n\nSome ## Chapters text\n### Chapters\n'), false);
      assert.equal(isSeriesReadme('# T\n\n## Chapters ##\n'), true);
      assert.equal(isSeriesReadme('# T\r\n## chapters\r\n'), true);
      assert.equal(isSeriesReadme('## Chapterseries\n'), false);
    });

    it('recognises a setext `Chapters` heading (underlined with ---) exactly where the tree parser reads one', () => {
      const chapterList = '\n\n### A\n\n- [a](01_a.md) - 必讀 - 5 min\n';
      const cases: [string, boolean][] = [
        ['S\n=\n\nChapters\n--------', true],
        ['S\r\n=\r\n\r\nChapters\r\n--------', true],
        ['Intro\n# T\nChapters (all)\n---', true],
        ['***\nChapters\n-', true],
        ['Chapters\nand more\n---', true],
        ['---\ntitle: T\n---\nChapters\n---', true],
        // not a level-2 Chapters heading: another paragraph's text, a list item's, code, a rule, a level-1 heading
        ['Intro\nChapters\n---', false],
        ['- item\nChapters\n---', false],
        ['> quote\nChapters\n---', false],
        ['Chapters\n- a\n---', false],
        ['    Chapters\n---', false],
        ['Chapters\n\n---', false],
        ['Chapters\n===\n---', false],
        ['```\nChapters\n---\n```', false],
        ['---\nchapters: 3\n---', false],
      ];
      for (const [head, expected] of cases) {
        const text = head + chapterList;
        assert.equal(isSeriesReadme(text), expected, JSON.stringify(head));
        assert.equal(parse(text).categories.length > 0, expected, 'the tree parser: ' + JSON.stringify(head));
      }
    });

    it('reads a long tail of empty dash separators', () => {
      const tail = ' -'.repeat(2000) + ' 必讀' + ' –'.repeat(2000) + ' 5 min';
      const s = parse(`## Chapters\n\n### C\n\n- [a](01_a.md)${tail}\n`);
      const ch = s.categories[0].chapters[0];
      assert.equal(ch.priority, 'must-read');
      assert.equal(ch.minutes, 5);
    });
  });

  describe('helpers', () => {
    it('chapterNumberOf takes the leading chapter number of the base name, sub-chapters included', () => {
      assert.equal(chapterNumberOf('a/b/01_singleton.md'), '01');
      assert.equal(chapterNumberOf('17_3_async.md'), '17_3');
      assert.equal(chapterNumberOf('rust/17.4-tokio.md'), '17.4');
      assert.equal(chapterNumberOf('rust/17_6_1_deep.md'), '17_6_1');
      assert.equal(chapterNumberOf('rust/17_3.md'), '17_3');
      assert.equal(chapterNumberOf('rust/17_3非同步.md'), '17_3');
      // a digit run glued to Latin letters is part of the title, not a sub-chapter: two-phase commit, 3D
      assert.equal(chapterNumberOf('01_2pc.md'), '01');
      assert.equal(chapterNumberOf('05_3d_rendering.md'), '05');
      assert.equal(chapterNumberOf('a/indexing.md'), undefined);
      assert.equal(chapterNumberOf('02x/indexing.md'), undefined);
    });

    it('resolveSeriesHref strips fragments and queries', () => {
      assert.equal(resolveSeriesHref('s', 'a.md#top'), 's/a.md');
      assert.equal(resolveSeriesHref('s', 'a.md?x=1'), 's/a.md');
      assert.equal(resolveSeriesHref('s', '#top'), '');
      assert.equal(resolveSeriesHref('s', 'mailto:x@y'), '');
      assert.equal(resolveSeriesHref('s', '%zz.md'), 's/%zz.md');
    });

    it('resolveSeriesHref reads a path without an extension as <name>.md (a chapter is a note)', () => {
      assert.equal(resolveSeriesHref('s', 'a/08_ext'), 's/a/08_ext.md');
      assert.equal(resolveSeriesHref('s', 'a/08_ext#top'), 's/a/08_ext.md');
      assert.equal(resolveSeriesHref('s', 'a.b/08_ext'), 's/a.b/08_ext.md');
      assert.equal(resolveSeriesHref('s', 'a/notes.txt'), 's/a/notes.txt');
      assert.equal(resolveSeriesHref('s', 'a/08.MD'), 's/a/08.MD');
      assert.equal(resolveSeriesHref('s', 'a/'), 's/a');
      assert.equal(resolveSeriesHref('', '08_ext'), '08_ext.md');
      assert.equal(resolveSeriesHref('s/t', '.'), 's/t');
      assert.equal(resolveSeriesHref('s/t', 'a/..'), 's/t');
    });
  });

  // Mutation testing (hand-driven): each case below passed unseen with a one-line change of src/core/series/readme.ts;
  // the test name says which.
  describe('cases found by mutation testing', () => {
    const parse = (body: string, file = 'README.md') => parseSeriesReadme(body, file, config);

    it('a heading indented four spaces, or inside a longer fence a shorter one does not close, is no Chapters heading '
      + '(isSeriesReadme without its 3-space limit, or closing a fence with a shorter run)', () => {
      assert.equal(isSeriesReadme('# T\n\n    ## Chapters\n'), false);
      assert.equal(isSeriesReadme('# T\n\n````md\n```\n## Chapters\n````\n'), false);
      assert.equal(isSeriesReadme('# T\n\n````md\n```\n````\n## Chapters\n'), true);
    });

    it('a protocol-relative href is external (resolveSeriesHref without its "//" case made it a local file)', () => {
      assert.equal(resolveSeriesHref('s', '//example.com/01_a.md'), '');
      const [ch] = parse('## Chapters\n### C\n- [a](//example.com/01_a.md) - 必讀 - 1 min\n', 's/README.md').categories[0].chapters;
      assert.equal(ch.file, '');
    });

    it('a level-1 heading ends the Chapters section (the h1 branch not resetting the section)', () => {
      const s = parse('## Chapters\n\n### C\n\n- [a](01_a.md) - 必讀 - 5 min\n\n# Appendix\n\n- [z](99_z.md) - 必讀 - 5 min\n');
      assert.deepEqual(s.categories.flatMap(c => c.chapters.map(ch => ch.file)), ['01_a.md']);
    });

    it('a second Chapters section starts without the first one\'s category (the h2 branch keeping the category)', () => {
      const s = parse('## Chapters (part 1)\n\n### A\n\n- [a](01_a.md) - 必讀\n\n## Chapters (part 2)\n\n- [b](02_b.md) - 必讀\n');
      assert.deepEqual(s.categories.map(c => [c.name, c.chapters.map(ch => ch.file)]), [['A', ['01_a.md']], ['Chapters', ['02_b.md']]]);
    });

    it('the first definition of a label wins, as CommonMark says (definitionsOf keeping the last one)', () => {
      const s = parse('## Chapters\n\n### C\n\n- [a][c1] - 必讀\n\n[c1]: 01_a.md\n[c1]: 09_z.md\n');
      assert.equal(s.categories[0].chapters[0].file, '01_a.md');
    });

    it('a destination with balanced or escaped parentheses ends at the closing one (destinationOffsets breaking at '
      + 'depth 1, or not skipping a backslash escape: a rename would rewrite part of the path)', () => {
      const text = '## Chapters\n\n### C\n\n- [a](01_a(b).md) - 必讀\n- [b](02_b\\).md) - 必讀\n';
      const [a, b] = parse(text).categories[0].chapters;
      assert.equal(textAt(text, a.hrefRange), '01_a(b).md');
      assert.equal(textAt(text, b.hrefRange), '02_b\\).md');
    });

    it('the first priority label and the first reading time of a line win (later segments overwriting them)', () => {
      const s = parse('## Chapters\n\n### C\n\n- [a](01_a.md) - 必讀 - 90 min - see the appendix - 2 h\n');
      const ch = s.categories[0].chapters[0];
      assert.deepEqual([ch.priority, ch.priorityLabel, ch.minutes], ['must-read', '必讀', 90]);
    });

    it('only the link\'s line holds the tail: a continuation line with a dash is no segment (tailEnd at the '
      + 'paragraph\'s end lost the reading time)', () => {
      const s = parse('## Chapters\n\n### C\n\n- [a](01_a.md) - 必讀 - 90 min\n  Covers scaling - and its limits.\n');
      const ch = s.categories[0].chapters[0];
      assert.deepEqual([ch.priority, ch.minutes], ['must-read', 90]);
    });

    it('a chapter line\'s range ends at its last non-blank character (itemLineRange without its trim)', () => {
      const text = '## Chapters\n\n### C\n\n- [a](01_a.md) - 必讀 - 5 min   \n';
      assert.equal(textAt(text, parse(text).categories[0].chapters[0].range), '- [a](01_a.md) - 必讀 - 5 min');
    });

    it('a batch takes the number its label names, drops a separator before its theme, and needs no colon '
      + '(the ordinal instead, the theme kept as ", Basics", or no numbers read without a colon)', () => {
      const s = parse('## Batch Learning Route\n\n- Batch 3: `01`, `02`, Basics\n- Batch 7: `03`\n- `04` `05`\n');
      assert.deepEqual(s.batches.map(b => [b.index, b.numbers.map(n => n.num), b.theme]), [
        [3, ['01', '02'], 'Basics'], [7, ['03'], undefined], [3, ['04', '05'], undefined]]);
    });

    it('a code span in a parenthesised theme or note is prose, not a chapter number; nor is a colon in it the label\'s '
      + '(splitAtColon reading every code span after the first colon)', () => {
      const s = parse([
        '## Batch Learning Route', '',
        '- Batch 1: `01`, `02` (rate limiting: HTTP `429`, `Retry-After`)',
        '- Batch 2: `03` (core), `04` (extras)',
        '- `05` `06` (theme: `2024`)',
        '- Batch `4`: `07`', '',
        '## Reading Priority', '',
        '- Important (`重要`): `02` (and appendix `2024` edition)',
        '- Must-read（`必讀`）：`01`（見 `99`）', '',
      ].join('\n'));
      assert.deepEqual(s.batches.map(b => [b.index, b.numbers.map(n => n.num), b.theme]), [
        [1, ['01', '02'], 'rate limiting: HTTP `429`, `Retry-After`'], [2, ['03', '04'], 'extras'], [3, ['05', '06'], 'theme: `2024`'], [4, ['07'], undefined]]);
      assert.deepEqual(s.readingLists.map(l => [l.priority, l.label, l.numbers.map(n => n.num)]), [
        ['important', 'Important', ['02']], ['must-read', 'Must-read', ['01']]]);
      assert.equal(s.unknownReadingLists, undefined);
    });

    it('a parenthesis left open does not hide the colon and the numbers after it (a typo reads as before)', () => {
      const s = parse([
        '## Batch Learning Route', '', '- Batch 1 (basics: `01`, `02`', '',
        '## Reading Priority', '', '- Must-read (`必讀`: `01`, `03`', '- Important (`重要`): `02` (see `04`', '',
      ].join('\n'));
      assert.deepEqual(s.batches.map(b => [b.index, b.numbers.map(n => n.num)]), [[1, ['01', '02']]]);
      // the label is what stands before the colon; `必讀` in it names the priority
      assert.deepEqual(s.readingLists.map(l => [l.priority, l.numbers.map(n => n.num)]), [['must-read', ['01', '03']], ['important', ['02']]]);
    });

    it('a label in two languages names its priority when both parts do (`Must-read / 必讀`), as `Done / 完成` in a Status cell', () => {
      const s = parse([
        '## Reading Priority', '',
        '- Must-read / 必讀: `01`', '- 重要／Important: `02`', '- Must-read / 可跳讀: `03`', '- Must-read / Later: `04`', '',
      ].join('\n'));
      assert.deepEqual(s.readingLists.map(l => [l.priority, l.label, l.numbers.map(n => n.num)]), [
        ['must-read', 'Must-read / 必讀', ['01']], ['important', '重要／Important', ['02']]]);
      // two priorities, or a part that is none, is no priority label: reported
      assert.deepEqual(s.unknownReadingLists?.map(l => l.label), ['Must-read / 可跳讀', 'Must-read / Later']);
    });

    it('a prose bullet with a colon but no chapter numbers is no reading list (reported as an unknown one)', () => {
      const s = parse('## Reading Priority\n\n- Note: read the must-read chapters first\n- Later: `07`\n');
      assert.deepEqual(s.readingLists, []);
      assert.deepEqual(s.unknownReadingLists?.map(l => [l.label, l.numbers.map(n => n.num)]), [['Later', ['07']]]);
    });

    it('the frontmatter title wins over the first heading, without its trailing comment (the h1 first, or the '
      + 'comment kept)', () => {
      assert.equal(parse('---\ntitle: Backend Series # draft\n---\n# Heading\n\n## Chapters\n').title, 'Backend Series');
    });

    it('reads a quoted frontmatter title as YAML does, escapes undone, as the README note\'s own title is', async () => {
      const cases: [string, string][] = [
        ['"Backend \\"Core\\" Series"', 'Backend "Core" Series'],
        ["'Rock ''n'' Roll'", "Rock 'n' Roll"],
        ['"Caf\\u00e9 \\\\ bar"', 'Café \\ bar'],
        ['"Tabs\\tand # hash" # comment', 'Tabs\tand # hash'],
      ];
      for (const [yaml, title] of cases) {
        const text = `---\ntitle: ${yaml}\n---\n# Heading\n\n## Chapters\n`;
        assert.equal(parse(text).title, title, yaml);
        const index = await indexOf({ 's/README.md': text });
        assert.equal(index.series()[0].title, index.note('s/README.md')?.title, yaml);
      }
    });
  });
});
