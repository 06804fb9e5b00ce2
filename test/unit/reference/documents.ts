import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRng, generateCorpus } from '../../bench/corpus';
import { filesUnder } from '../support/files';

/**
 * Structural documents for the differential tests of the fast structural parser: the seed README
 * and matrix, every README.md / coverage_matrix.md of the examples and fixtures, the generated
 * corpus's pair, and hand-written variants. `fallback` marks the variants that leave the fast
 * parser's subset on purpose (the caller must then get remark's tree).
 */
export interface StructuralDocument {
  name: string;
  kind: 'readme' | 'matrix';
  /** workspace-relative path the parsers get */
  file: string;
  text: string;
  /** real documents (seeds, examples, fixtures, corpus): the fast path must take them */
  real?: boolean;
  fallback?: boolean;
}

const SEEDS = 'test/fixtures/seeds';

function kindOf(file: string): 'readme' | 'matrix' {
  return file.endsWith('README.md') ? 'readme' : 'matrix';
}

export function realDocuments(): StructuralDocument[] {
  const out: StructuralDocument[] = [];
  for (const name of ['README.md', 'coverage_matrix.md']) {
    out.push({ name: `seed ${name}`, kind: kindOf(name), file: `backend/${name}`, text: readFileSync(`${SEEDS}/${name}`, 'utf8'), real: true });
  }
  for (const root of ['examples/notes', 'test/fixtures']) {
    for (const full of filesUnder(root, '.md').filter(f => ['README.md', 'coverage_matrix.md'].includes(path.basename(f)))) {
      const file = path.relative(root, full).split(path.sep).join('/');
      out.push({ name: full, kind: kindOf(full), file, text: readFileSync(full, 'utf8'), real: true });
    }
  }
  for (const f of generateCorpus({ notes: 2000, seed: 42 })) {
    if (f.path === 'README.md' || f.path === 'coverage_matrix.md') {
      out.push({ name: `corpus ${f.path}`, kind: kindOf(f.path), file: f.path, text: f.text, real: true });
    }
  }
  return out;
}

const README_HEAD = '---\ntitle: Variant README\nnote_type: system\n---\n# Variant README\n\n';
const MATRIX_HEAD = '---\ntitle: Variant Matrix\n---\n# Variant Matrix\n\n## Coverage Status\n\n';

function readme(name: string, body: string, fallback = false): StructuralDocument {
  return { name, kind: 'readme', file: 'series/README.md', text: README_HEAD + body, fallback };
}

function matrix(name: string, body: string, fallback = false): StructuralDocument {
  return { name, kind: 'matrix', file: 'series/coverage_matrix.md', text: MATRIX_HEAD + body, fallback };
}

const SEED_ROWS = [
  '| System Design | Scalability | `system_design/01_scalability_fundamentals.md` | Pending |',
  '| System Design | Availability | `system_design/02_availability_and_fault_tolerance.md` | Done |',
  '| Distributed Systems | Saga | `distributed_systems/13_saga_pattern.md` | In Progress |',
];

const XREFS = '\n## Cross-references with Existing Content\n\n- `database/transactions.md` <-> `distributed_systems/13_saga_pattern.md`\n- `rust/17_3-17_6` ↔ `engineering/36_concurrency_patterns.md`\n\n## Remaining Gaps\n\n- 初始狀態：全部待建立。\n';

export function variantDocuments(): StructuralDocument[] {
  const seedReadme = readFileSync(`${SEEDS}/README.md`, 'utf8');
  const seedMatrix = readFileSync(`${SEEDS}/coverage_matrix.md`, 'utf8');
  const table = (header: string, delimiter: string, rows: string[]): string => [header, delimiter, ...rows].join('\n') + '\n';
  const std = '| Capability Area | Required Topic | Coverage Files | Status |';
  const stdDelim = '| --- | --- | --- | --- |';
  return [
    { name: 'seed README, CRLF', kind: 'readme', file: 'backend/README.md', text: seedReadme.replace(/\n/g, '\r\n') },
    { name: 'seed README, CR', kind: 'readme', file: 'backend/README.md', text: seedReadme.replace(/\n/g, '\r') },
    { name: 'seed README, trailing spaces', kind: 'readme', file: 'backend/README.md', text: seedReadme.replace(/\n/g, ' \n') },
    { name: 'seed matrix, CRLF', kind: 'matrix', file: 'backend/coverage_matrix.md', text: seedMatrix.replace(/\n/g, '\r\n') },
    { name: 'seed matrix, trailing spaces and tabs', kind: 'matrix', file: 'backend/coverage_matrix.md', text: seedMatrix.replace(/\n/g, ' \t \n') },
    readme('CJK categories and labels', '## Chapters\n\n### 系統設計\n\n- [單例模式](設計/01_單例.md) - 必讀 - 60 分鐘\n- [工廠](設計/02_工廠.md) — 重要 — 45 min\n\n### 分散式 系統 ##\n\n- [共識](分散式/03_共識.md) - 可跳讀\n'),
    readme('grouping bullets with nested chapters', '## Chapters\n\n### Patterns\n\n- Creational\n  - [01_singleton](p/creational/01_singleton.md) - 必讀 - 60 min\n  - [02_factory](p/creational/02_factory.md) - 重要 - 45 min\n- Structural\n    - [03_adapter](p/structural/03_adapter.md) - 必讀 - 30 min\n'),
    readme('chapter items with sub-bullets and lazy lines', '## Chapters\n\n### A\n\n- [01_a](a/01_a.md) - 必讀 - 30 min\n  - sub note about [other](a/other.md)\n  - another\n- [02_b](a/02_b.md) - 重要\ncontinued lazily\n- [03_c](a/03_c.md)\n\n  A second paragraph in the item.\n'),
    readme('ordered chapter lists', '## Chapters\n\n### Ordered\n\n1. [01_a](o/01_a.md) - 必讀 - 30 min\n2. [02_b](o/02_b.md) - 重要 - 45 min\n10. [10_c](o/10_c.md) - 可跳讀 - 15 min\n\n3) [11_d](o/11_d.md) - 必讀\n'),
    readme('chapters without category', '## Chapters\n\n- [01_a](01_a.md) - 必讀 - 30 min\n- [02_b](02_b.md)\n\n### Later\n\n- [03_c](03_c.md) - Important - 20 mins\n'),
    readme('links with angle destinations, titles, escapes, encodings', '## Chapters\n\n### Links\n\n- [a b](<dir/01 a b.md> "Title") - 必讀 - 30 min\n- [x\\_y \\[z\\]](x/02_x\\_y.md \'t\') - 重要\n- [pct](x/03_a%20b.md#part) - 可跳讀 - 10 min\n- [nested [brackets] label](x/04_n.md) (extra) - 必讀\n- [`code label`](x/05_code.md) - 重要 - 5\n- [paren](x/06_(p).md) - 必讀\n'),
    readme('multi-line paragraphs and indented continuation', 'Intro paragraph that\n  spans two lines with [a link](a.md)\n   and a third.\n\n## Chapters\n\n### A\n\n- [01_a](a/01_a.md) - 必讀\n  - 30 min\n- [02_b](a/02_b.md)\n      continuation - 重要\n'),
    readme('tabs inside items', '## Chapters\n\n### Tabs\n\n- [01_a](t/01_a.md)\t-\t必讀\t-\t30 min\n- [02_b](t/02_b.md) - 重要 -\t45 min\t\n'),
    readme('batches with Chinese punctuation', '## Batch Learning Route\n\n- 第 1 批：`01`、`02`（基礎 — Intro）\n- Batch 2: `03`, `04.1` (Theme, two)\n- Batch 3: no numbers here\n- Batch 4: `05`\n  continuing theme line\n\n## Chapters\n\n### A\n\n- [01_a](01_a.md)\n'),
    readme('reading priority variants', '## Reading Priority\n\n- Must-read (`必讀`): `01`, `02`\n- 重要：`03`\n- `可跳讀`: `04`, `05`\n- Unknown: `06`\n\n## Chapters\n\n### A\n\n- [01_a](01_a.md)\n'),
    readme('support documents, several links', '## Support Documents\n\n- [quality_rubric](quality_rubric.md) and [other](other.md)\n- plain item\n- [matrix](./coverage_matrix.md#top)\n- [external](https://example.com/x)\n\n## Chapters\n\n### A\n\n- [01_a](01_a.md)\n'),
    readme('estimated time as paragraphs and numbered list', '## Estimated Time Per Topic\n\nComprehensive chapters: 75-90 min each.\nQuick references: 30 min.\n\n1. First\n2. Second\n\n## Chapters\n\n### A\n\n- [01_a](01_a.md)\n'),
    { name: 'no frontmatter, H1 only', kind: 'readme', file: 'x/README.md', text: '# Only H1 Title\n\n## Chapters\n\n### A\n\n- [01_a](01_a.md) - 必讀\n' },
    { name: 'quoted frontmatter title', kind: 'readme', file: 'x/README.md', text: '---\ntitle: "Quoted: Title"\n---\n\n## Chapters ##\n\n### A\n- [01_a](01_a.md) - 必讀\n' },
    { name: 'empty document', kind: 'readme', file: 'README.md', text: '' },
    readme('heading-only chapters section', '## Chapters\n\n### Empty\n\n### Also empty\n\n#### Deeper\n'),
    readme('list right after a paragraph and headings right after lists', '## Chapters\n### A\nIntro line:\n- [01_a](01_a.md) - 必讀\n- [02_b](02_b.md) - 重要\n### B\n- [03_c](03_c.md)\n## Support Documents\n- [s](s.md)\n'),
    readme('emphasis in chapter lines and paragraphs', '## Chapters\n\nRead *in order*, __twice__ if needed.\n\n### A **core**\n\n- [01_a](01_a.md) - **必讀** - 30 min\n- [*02_b*](02_b.md) - _optional_\n'),
    readme('badges and images', '[![build](https://ci.example/badge.svg)](https://ci.example) ![cov](cov.svg "Coverage")\n\n## Chapters\n\n### A\n\n- [01_a](01_a.md) ![new](new.png)\n'),
    readme('emphasis (fallback)', '## Chapters\n\n### A\n\n- [01_a](01_a.md) - ***必讀*** - 30 min\n', true),
    readme('fenced code in how to read', '## How to read\n\n```text\n01 -> 02 -> 03\n\n- [x](x.md)\n```\n  ~~~~ md  title="x" \n  # not a heading\n ~~~\n  ~~~~~\n## Chapters\n\n### A\n\n- [01_a](01_a.md)\n\n```\nunclosed\n'),
    readme('unclosed fence ending on its indentation', '## Chapters\r\n\r\n   ```\r\n- [x](x.md)\r\n '),
    readme('unclosed fence ending on a line ending', '## Chapters\n\n~~~\n- [x](x.md)\n\n'),
    readme('fenced code in a list (fallback)', '## Chapters\n\n### A\n\n- [01_a](01_a.md)\n\n  ```md\n  - [x](x.md)\n  ```\n', true),
    readme('thematic breaks between sections', '---\n\n## Chapters\n\n***\n### A\n\n- [01_a](01_a.md)\n\n * * *  \n   ___\n'),
    readme('HTML comment blocks', '<!-- TODO: intro -->\n## Chapters\n\n  <!--\n  - [hidden](x.md)\n\n  --> trailing\n### A\n\n- [01_a](01_a.md)\n\n<!-- end -->'),
    readme('block quote notes', '> **Note:** read the chapters in order;\n>  each builds on the last.\n>\n> 注意：先讀 [00](00_intro.md)。\n\n## Chapters\n\n### A\n\n- [01_a](01_a.md)\n\n > tip\n'),
    readme('blockquote with a list (fallback)', '> note\n> - [x](x.md)\n\n## Chapters\n\n### A\n\n- [01_a](01_a.md)\n', true),
    readme('task list items (fallback)', '## Chapters\n\n### A\n\n- [x] done\n- [01_a](01_a.md)\n', true),
    readme('reference links (fallback)', '## Chapters\n\n### A\n\n- [01_a][ref] - 必讀\n\n[ref]: a/01_a.md\n', true),
    matrix('extra columns', table('| # | Capability Area | Required Topic | Coverage Files | Status | Notes |', '|---|---|---|---|---|---|',
      ['| 1 | System Design | Scalability | `sd/01.md` | Done | fine |', '| 2 | System Design | Availability | `sd/02.md` | Pending | |']) + XREFS),
    matrix('columns in another order', table('| Status | Coverage Files | Capability Area | Required Topic |', '| :-- | :-: | --: | --- |',
      ['| Done | `sd/01.md` | System Design | Scalability |', '| In Progress | `sd/02.md`, `sd/03.md` | Infra | Caching |']) + XREFS),
    matrix('Chinese headers and status words', table('| 能力領域 | 主題 | 涵蓋檔案 | 狀態 |', '| --- | --- | --- | --- |',
      ['| 系統設計 | 可擴展性 | `系統/01_擴展.md` | 完成 |', '| 系統設計 | 可用性 | `系統/02_可用.md` | 進行中 |', '| 分散式 | 共識 | `分散/03.md` | 待建立 |'])),
    matrix('two coverage tables and a non-matrix table', table('| Term | Meaning |', '| --- | --- |', ['| SLO | objective |']) + '\n## More\n\n'
      + table(std, stdDelim, SEED_ROWS) + '\n' + table(std, stdDelim, ['| Engineering | Testing | `eng/33.md` | Done |']) + XREFS),
    matrix('empty cells', table(std, stdDelim, ['| | | | |', '| Area | Topic | ` ` | |', '|  |  | `a.md` |  Done  |']) + XREFS),
    matrix('rows without trailing pipes and odd widths', table(std, stdDelim, ['| Area | Topic | `a.md` | Done', '| Area | Topic', '| A | T | `b.md` | Pending | extra | cells |', '|x|y|`c.md`|Done|'])),
    matrix('tabs in cells and indented table', '  | Capability Area | Required Topic | Coverage Files | Status |\n  |---|---|---|---|\n  |\tArea\t| Topic |\t`t/01.md`\t| Done\t|\n'),
    matrix('several files and links in the files cell', table(std, stdDelim, ['| A | T | `a.md`, `b/c.md` and [d](d.md) | Done |', '| A | T | ` spaced.md ` | Pending |', '| A | T | ``tick`name.md`` | Done |'])),
    matrix('table without body', table(std, stdDelim, []) + XREFS),
    matrix('missing status column', table('| Capability Area | Required Topic | Coverage Files |', '| --- | --- | --- |', ['| A | T | `a.md` |'])),
    matrix('no table at all', 'Only prose here.\n\n- a list\n'),
    matrix('cross-references in nested lists and other arrows', table(std, stdDelim, SEED_ROWS) + '\n## Cross-references\n\n- Group\n  - `a.md` <-> `b.md`\n  - `c.md` ⟷ `d.md` and `e.md`\n- `f.md` <=> `rust/17_3-17_6`\n- no arrow `g.md` `h.md`\n\n## Remaining Gaps\n\nFirst paragraph.\n\nSecond paragraph with `code`.\n\n## After\n\ntext\n'),
    matrix('CRLF table with trailing spaces', (table(std, stdDelim, SEED_ROWS.map(r => r + '   ')) + XREFS).replace(/\n/g, '\r\n')),
    matrix('escaped pipe in a cell (fallback)', table(std, stdDelim, ['| A | a \\| b | `a.md` | Done |']), true),
    matrix('pipe inside a code span in a cell (fallback)', table(std, stdDelim, ['| A | T | `a|b.md` | Done |']), true),
    matrix('status in bold', table(std, stdDelim, ['| A | T | `a.md` | **Done** |', '| *B* | _T_ | `b.md` | Done |'])),
    matrix('table right after a paragraph (fallback)', 'Intro line\n' + table(std, stdDelim, SEED_ROWS), true),
  ];
}

/** The bench's seeded PRNG, so the generated documents are the same on every run. */
const rng = createRng;

/** Inline pieces inside the fast subset, and (rarely picked) some just outside it. */
const PIECES = ['foo', 'bar baz', '`code`', '`` a`b ``', '` x `', '[a](b.md)', '[a b](<c d.md> "t")', '[x [y] z](p/q_r.md)', '[n]',
  'a_b', '中文', '狀態', '(x)', '\\[', '\\_', '\\\\', ' - 必讀 - 90 min', '01_x', '<->', 'R&D', ':', '：', '|', '🚀', 'é',
  '[a](b) [c](d)', '[](e)', '[a]()', '` `', 'x]', '](y)', '[z', '\\a', '[a]( b \'t\' )', '[a](b (c))', 'Batch 1: `01`, `02` (主題 — A, B)',
  '\t', '`a`<->`b`', ' **必讀** ', ' *x* ', ' _y z_ ', ' __w__ ', ' **a [b](c)** ', '[*d*](e)', '(*f*)', ' **`g`**', 'x* ', ' * ', '![i](i.png)', '[![b\\]](x.svg "t")](u)', '![](e)', '!['];
const OUTSIDE = ['*', '***j***', '**k*', 'l*m*n', '&amp;', 'www.x.y', 'a@b.co', '<b>', '![`c`](i.png)', '~~s~~', '``'];
const MARKERS = ['- ', '- ', '* ', '+ ', '1. ', '2. ', '1) ', '3) ', '10. ', '-  ', '-    ', '01. '];

/**
 * Random documents from headings, blank lines, list items at various indents and markers,
 * paragraphs (with continuation lines), pipe tables, thematic breaks, HTML comment blocks, fenced code and block quotes; LF, CRLF or CR line endings.
 */
export function generatedDocuments(count: number, seed = 1): string[] {
  const r = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)];
  const inline = (): string => {
    let s = '';
    for (let n = 1 + Math.floor(r() * 3); n > 0; n--) s += (r() < 0.02 ? pick(OUTSIDE) : pick(PIECES)) + pick(['', ' ']);
    return s;
  };
  const cell = (): string => pick(['', ' ', ' Done ', '完成', '`a/b.md`', inline().replace(/\|/g, '')]);
  const out: string[] = [];
  for (let d = 0; d < count; d++) {
    const lines: string[] = [];
    if (r() < 0.3) lines.push('---', 'title: Generated', '---');
    for (let n = 2 + Math.floor(r() * 14); n > 0; n--) {
      const x = r();
      const indent = ' '.repeat(pick([0, 0, 0, 0, 1, 2, 2, 3, 3, 4, 5]));
      if (x < 0.07) {
        // thematic breaks and HTML comment blocks, usually after a blank line (under a paragraph or inside a
        // list item they leave the subset)
        if (r() < 0.85) lines.push('');
        const lead = pick(['', ' ', '   ']);
        if (x < 0.04) lines.push(lead + pick(['---', '***', '___', '* * *', '- - -', '_ _ _ _', '***  ', '-----', '--', '-*-']));
        else if (x < 0.05) {
          // a line after a block quote without a blank line is a lazy continuation (outside the subset)
          lines.push(...(lead + pick(['> ', '>', '>  ']) + inline() + pick(['', '\n> ' + inline(), '\n>\n>' + inline(), '\n' + inline(), '\n> - x'])).split('\n'));
          if (r() < 0.85) lines.push('');
        }
        else if (x < 0.055) lines.push(...(lead + pick(['```', '~~~', '````md', '``` js  a b ', '~~~ x`y']) + pick(['\n', '\n ', '\n  x\n', '\n    y\n\n']) + pick(['- [a](b)\n# c\n| d |\n', '', '<!--\n']) + pick(['```', '~~~', '````', '~~~~~  ', '', ' ```x'])).split('\n'));
        else lines.push(...(lead + pick(['<!-- TODO -->', '<!-- a\n- b\n\n| c |\n--> d', '<!---->', '<!-- x -- y -->tail', '<!--\n  [a](b)\n-->'])).split('\n'));
      } else if (x < 0.1) lines.push(pick(['', ' ', '   ']) + '#'.repeat(1 + Math.floor(r() * 4)) + pick([' ', '  ']) + inline() + pick(['', ' ', ' ##', ' # ']));
      else if (x < 0.25) lines.push(pick(['', '', '  ']));
      else if (x < 0.65) lines.push(indent + pick(MARKERS) + inline() + pick(['', ' ', '  ']));
      else if (x < 0.85) lines.push(indent + inline() + pick(['', ' ']));
      else {
        const cols = 1 + Math.floor(r() * 4);
        const row = (c: number): string => '|' + Array.from({ length: Math.max(1, c) }, cell).join('|') + pick(['|', '| ', '']);
        if (r() < 0.7) lines.push('');
        lines.push(row(cols), '|' + Array.from({ length: cols }, () => pick([' --- ', ':--', '--:', ':-:', '-'])).join('|') + pick(['|', '']));
        for (let b = Math.floor(r() * 4); b > 0; b--) lines.push(row(cols + pick([0, 0, 0, -1, 1])));
        if (r() < 0.7) lines.push('');
      }
    }
    const eol = pick(['\n', '\n', '\r\n', '\r']);
    out.push(lines.join(eol) + pick(['', eol]));
  }
  return out;
}
