import { strict as assert } from 'node:assert';
import type { LinkRef } from '../../../src/core/model';
import { findFrontmatterBlock } from '../../../src/core/frontmatter/block';
import { scanNote } from '../../../src/core/scanner/scanner';
import { LineIndex } from '../../../src/core/text/lineIndex';

const target = (text: string, l: LinkRef) => text.slice(l.targetStart, l.targetEnd);
const whole = (text: string, l: LinkRef) => {
  const lines = text.split(/\r\n|\r|\n/);
  const { start, end } = l.range;
  if (start.line === end.line) return lines[start.line].slice(start.character, end.character);
  return [lines[start.line].slice(start.character), ...lines.slice(start.line + 1, end.line), lines[end.line].slice(0, end.character)].join('\n');
};

describe('scanNote: links', () => {
  it('reads an inline link with fragment and title, with exact ranges', () => {
    const text = 'x\nSee [the doc](dir/b.md#Some%20Part "title") now\n';
    const [l] = scanNote(text).links;
    assert.equal(l.kind, 'link');
    assert.equal(l.raw, 'dir/b.md#Some%20Part');
    assert.equal(l.path, 'dir/b.md');
    assert.equal(l.fragment, 'Some Part');
    assert.equal(l.text, 'the doc');
    assert.equal(l.external, false);
    assert.deepEqual(l.range, { start: { line: 1, character: 4 }, end: { line: 1, character: 43 } });
    assert.equal(whole(text, l), '[the doc](dir/b.md#Some%20Part "title")');
    assert.equal(target(text, l), 'dir/b.md#Some%20Part');
    assert.deepEqual(l.targetRange, { start: { line: 1, character: 14 }, end: { line: 1, character: 34 } });
  });

  it('gives the same positions as LineIndex, as fresh plain ranges on every read', () => {
    const text = 'a\r\n\r\nxx [one\ntwo](p/q.md#f) `r.md` [[w|alias]]\n# Head *x*\n  ![i](\n<j.png>)';
    const lines = new LineIndex(text);
    const { links, headings } = scanNote(text, 0, lines);
    assert.equal(links.length, 4);
    for (const l of links) {
      assert.deepEqual(l.targetRange, lines.range(l.targetStart, l.targetEnd));
      assert.notEqual(l.range, l.range); // a caller may keep or change what it read
      l.range.start.line = 99;
      assert.notEqual(l.range.start.line, 99);
    }
    assert.deepEqual(links.map(l => [l.range.start, l.range.end]), [
      [{ line: 2, character: 3 }, { line: 3, character: 14 }],
      [{ line: 3, character: 15 }, { line: 3, character: 21 }],
      [{ line: 3, character: 22 }, { line: 3, character: 33 }],
      [{ line: 5, character: 2 }, { line: 6, character: 8 }],
    ]);
    assert.deepEqual(headings[0].range, { start: { line: 4, character: 0 }, end: { line: 4, character: 10 } });
    assert.equal(headings[0].text, 'Head x');
  });

  it('strips angle brackets but keeps the target range inside them', () => {
    const text = '[a](<my note.md#x y>)';
    const [l] = scanNote(text).links;
    assert.equal(l.raw, 'my note.md#x y');
    assert.equal(l.path, 'my note.md');
    assert.equal(l.fragment, 'x y');
    assert.equal(target(text, l), 'my note.md#x y');
  });

  it('reads images, balanced parentheses and nested brackets in link text', () => {
    const text = '![alt [x]](img/a(1).png) [a [b] c](f(g).md)';
    const links = scanNote(text).links;
    assert.deepEqual(links.map(l => [l.kind, l.path, l.text]), [['image', 'img/a(1).png', 'alt [x]'], ['link', 'f(g).md', 'a [b] c']]);
  });

  it('percent-decodes paths and keeps a malformed escape as written', () => {
    const links = scanNote('[a](my%20note.md) [b](100%zz.md) [c](a\\_b.md)').links;
    assert.deepEqual(links.map(l => l.path), ['my note.md', '100%zz.md', 'a_b.md']);
  });

  it('marks external destinations and fragment-only links', () => {
    const links = scanNote('[a](https://x.y/z) [b](mailto:a@b.c) [c](//cdn/x.js) [d](C:/x.md) [e](#local) <https://auto.link/x>').links;
    assert.deepEqual(links.map(l => [l.path, l.fragment, l.external]), [
      ['https://x.y/z', undefined, true], ['mailto:a@b.c', undefined, true], ['//cdn/x.js', undefined, true],
      ['C:/x.md', undefined, false], ['', 'local', false], ['https://auto.link/x', undefined, true],
    ]);
    assert.equal(links[5].kind, 'link');
  });

  it('reads reference definitions (not their uses) as definition links', () => {
    const text = 'Use [x][lbl] and [lbl].\n\n[lbl]: <docs/a b.md#h> "T"\n';
    const links = scanNote(text).links;
    assert.equal(links.length, 1);
    assert.equal(links[0].definition, true);
    assert.equal(links[0].kind, 'link');
    assert.equal(links[0].path, 'docs/a b.md');
    assert.equal(links[0].fragment, 'h');
    assert.equal(links[0].text, 'lbl');
    assert.equal(target(text, links[0]), 'docs/a b.md#h');
    assert.equal(links[0].range.start.line, 2);
  });

  it('reads backtick .md paths as refs, with the code span content as target', () => {
    const text = 'See ` system_design/01_x.md#intro ` and `b.md`; not `x.ts`, `a b.md`, `*.md`.';
    const links = scanNote(text).links;
    assert.deepEqual(links.map(l => [l.kind, l.raw, l.path, l.fragment]), [
      ['ref', 'system_design/01_x.md#intro', 'system_design/01_x.md', 'intro'], ['ref', 'b.md', 'b.md', undefined],
    ]);
    assert.equal(target(text, links[0]), 'system_design/01_x.md#intro');
    assert.equal(whole(text, links[0]), '` system_design/01_x.md#intro `');
  });

  it('reads no backtick path outside the workspace as a ref: home, environment variable, drive letter', () => {
    const text = 'Edit `~/.config/app/NOTES.md`, `$HOME/x.md`, `${XDG}/x.md`, `%APPDATA%\\x.md`, `C:/notes/x.md`, `d:x.md`'
      + ' but `a~/b.md`, `x$.md` and `docs/C:x.md` are paths.';
    assert.deepEqual(scanNote(text).links.map(l => l.raw), ['a~/b.md', 'x$.md', 'docs/C:x.md']);
  });

  it('reads wikilinks with heading and alias', () => {
    const text = 'A [[Target Note#Some Heading|the alias]] and [[plain]].';
    const links = scanNote(text).links;
    assert.deepEqual(links.map(l => [l.kind, l.raw, l.path, l.fragment, l.text]), [
      ['wikilink', 'Target Note#Some Heading', 'Target Note', 'Some Heading', 'the alias'],
      ['wikilink', 'plain', 'plain', undefined, undefined],
    ]);
    assert.equal(target(text, links[0]), 'Target Note#Some Heading');
    assert.equal(whole(text, links[0]), '[[Target Note#Some Heading|the alias]]');
  });

  it('reads links in table cells, list items, quotes and across soft line breaks', () => {
    const text = '| a | b |\n|---|---|\n| [x](x.md) | `y.md` |\n\n- [l](l.md)\n> [q\n> r](q.md)\n\n[soft\nbreak](s.md)\n';
    const links = scanNote(text).links;
    assert.deepEqual(links.map(l => [l.path, l.range.start.line]), [['x.md', 2], ['y.md', 2], ['l.md', 4], ['q.md', 5], ['s.md', 8]]);
    assert.equal(target(text, links[3]), 'q.md');
    assert.deepEqual(links[3].range.end, { line: 6, character: 10 });
  });

  it('computes positions with CRLF and lone CR line endings, tabs, CJK and emoji', () => {
    for (const eol of ['\r\n', '\r']) {
      const text = `# 標題 🚀${eol}${eol}中文\t😀 [連結](筆記/a.md)${eol}`;
      const [l] = scanNote(text).links;
      assert.equal(l.path, '筆記/a.md');
      assert.deepEqual(l.range.start, { line: 2, character: 6 });
      assert.equal(target(text, l), '筆記/a.md');
    }
  });
});

describe('scanNote: what never counts', () => {
  it('skips the frontmatter block (tags: [x] is YAML)', () => {
    const text = '---\ntags: [x]\nsee: "[a](a.md)"\n---\n[b](b.md)\n';
    const block = findFrontmatterBlock(text)!;
    const links = scanNote(text, block.end).links;
    assert.deepEqual(links.map(l => l.path), ['b.md']);
    assert.equal(links[0].range.start.line, 4);
  });

  it('skips fenced code (``` and ~~~, unclosed), indented code and HTML comments', () => {
    const text = [
      '```js', '[a](a.md) `b.md` [[c]]', '```', '~~~', '[d](d.md)', '~~~',
      '', '    [e](e.md)', '', '<!--', '[f](f.md)', '-->', 'ok [g](g.md) <!-- [h](h.md) -->', '', '```', '[i](i.md)',
    ].join('\n');
    assert.deepEqual(scanNote(text).links.map(l => l.path), ['g.md']);
  });

  it('does not count inline code that is not a .md path, or escaped brackets', () => {
    assert.deepEqual(scanNote('`[a](a.md)` `x.mdx` `README` \\[b](b.md)').links, []);
  });
});

/** Links as `path@line`, headings as `level:text@line`: what a block-structure case is about. */
const found = (text: string) => {
  const { links, headings } = scanNote(text);
  return [...links.map(l => `${l.path}@${l.range.start.line}`), ...headings.map(h => `${h.level}:${h.text}@${h.range.start.line}`)];
};

/** Asserts what `found` gives for each text. */
const expectFound = (cases: Array<[string, string[]]>) => {
  for (const [text, expected] of cases) assert.deepEqual(found(text), expected, JSON.stringify(text));
};

/** Cases of block structure by what they show: each text and what `found` gives for it. */
const BLOCK_CASES: Record<string, Array<[string, string[]]>> = {
  'starts any list item after a paragraph whose container did not continue': [
    // the second item is not an interruption (its paragraph ended with the first item): it may start with 2
    ['1. Clone the repo.\n2. ```bash\n   cat [notes](missing.md) `old.md`\n   ```\n', []],
    ['1. First step\n2. ## Second step\n', ['2:Second step@1']],
    ['> a\n2) # H\n', ['1:H@1']],
    ['- a\n-\n  # H\n', ['1:H@2']],
    // an item that interrupts an open paragraph must start with 1 and hold something (CommonMark 0.31 §5.2)
    ['a\n2. # H\n', []],
    ['a\n1. # H\n', ['1:H@1']],
    ['a\n*\n# H\n', ['1:H@2']],
    ['- a\n  2. # H\n', []],
  ],
  'ends a list item that begins with a blank line at the next blank line': [
    // a list item can begin with at most one blank line: what follows is outside it (here indented code)
    ['-\n\n    [x](x.md)\n', []],
    ['1.\n\n    # H\n', []],
    ['- -\n\n      [x](x.md)\n', []],
    ['> -\n>\n>     [x](x.md)\n', []],
    // an item with content on its first line, or right below, goes on after a blank line
    ['- a\n\n    [x](x.md)\n', ['x.md@2']],
    ['-\n  a\n\n    [x](x.md)\n', ['x.md@3']],
    ['- -\n\n    [x](x.md)\n', ['x.md@2']],
  ],
  'reads a table whose header row is the last line of a paragraph': [
    // the lines before it stay a paragraph; the table's rows are not setext heading text
    ['Some intro [i](i.md):\n| File | Note |\n|------|------|\n| x | [a](a.md) |\n---\n## Next\n', ['i.md@0', 'a.md@3', '2:Next@5']],
    // (a body row is split into cells at its pipes: a link with a pipe in its destination is a link outside tables only)
    ['a\nb | c\n-|-\n[x](x|y.md)\n', []],
    // a header row with another number of cells than the delimiter row makes no table
    ['a\nb | c | d\n-|-\n[x](x|y.md)\n', ['x|y.md@3']],
  ],
  'makes a table of a delimiter row with a pipe or a colon, under any header row but a lone pipe': [
    // (micromark: a row of dashes alone is a setext underline or a thematic break, a lone `|` no header)
    [']\n-:\n[x](x|y.md)\n', []],
    ['a\n:-\n[x](x|y.md)\n', []],
    ['|\n|-\n[a](b|c.md)\n', ['b|c.md@2']],
    ['  |  \n|-\n[a](b|c.md)\n', ['b|c.md@2']],
    ['||\n|-|\n[a](b|c.md)\n', []],
  ],
  'ends a table at an indented line and at any HTML block start': [
    // the indented line is code; the HTML block (type 7, which cannot interrupt a paragraph) runs to a blank line
    ['| a |\n|---|\n| b |\n    [x](x.md)\n', []],
    ['| a |\n|---|\n\t[x](x.md)\n', []],
    ['> | a |\n> |---|\n>     [x](x.md)\n', []],
    // (the block's own lines are HTML: its image is read as one, its Markdown link is not a link)
    ['| a | b |\n|---|---|\n| 1 | 2 |\n<img src="d.png">\n[see](x.md)\n\n[y](y.md)\n', ['d.png@3', 'y.md@6']],
    // a tag that does not fill its line is no HTML block start: a row
    ['| a |\n|---|\n<span> [y](y.md)\n[x](x.md)\n', ['y.md@2', 'x.md@3']],
  ],
  'reads a GFM footnote definition as a container whose lines are indented by four': [
    ['Note[^n].\n\n[^n]: Para one.\n\n    Para two with [link](two.md).\n', ['two.md@4']],
    ['[^n]:\n\n    [x](x.md)\n', ['x.md@2']],
    // whatever follows the colon is its content (never indented code); it interrupts a paragraph
    ['[^n]:     code [x](x.md)\n', ['x.md@0']],
    ['a\n[^n]: # H\n', ['1:H@1']],
    // deeper lines hold indented code, shallower ones end it (or continue its paragraph lazily)
    ['[^n]: a\n\n        [x](x.md)\n', []],
    ['[^n]: a\n\n  [x](x.md)\n', ['x.md@2']],
    ['[^n]: a\n\n  # H\n', ['1:H@2']],
    // a label with a space is no footnote: `[^a b]:` is a link reference definition
    ['[^a b]: x.md\n', ['x.md@0']],
  ],
  'starts an HTML block (type 7) at a lone closing tag of pre, script, style or textarea': [
    // only their opening tags start type 1; a closing one is an ordinary tag, running to a blank line
    ['</pre>\n[x](x.md)\n\n[y](y.md)\n', ['y.md@3']],
    ['</SCRIPT>\n[x](x.md)\n', []],
    ['a\n</style>\n[x](x.md)\n', ['x.md@2']],
  ],
};

describe('scanNote: block structure as CommonMark and GFM read it', () => {
  for (const [name, cases] of Object.entries(BLOCK_CASES)) it(name, () => expectFound(cases));
});

describe('scanNote: whitespace is spaces, tabs and line endings (CommonMark), not any Unicode space', () => {
  it('matches reference labels with a no-break space at an edge only to labels with it', () => {
    // `[t [a] u](b.md)` is a link unless `[a]` is a reference link (a link cannot hold a link)
    expectFound([
      ['[a\u00a0]: a.md\n\n[t [a] u](b.md)\n', ['a.md@0', 'b.md@2']],
      ['[a]: a.md\n\n[t [a] u](b.md)\n', ['a.md@0']],
      // a label of a no-break space is a label
      ['[\u00a0]: x.md\n\n[t [\u00a0] u](b.md)\n', ['x.md@0']],
    ]);
  });

  it('makes a setext heading of a no-break space after definitions, and strips one space off code spans around one', () => {
    assert.deepEqual(scanNote('[a]: b.md\n\u00a0\n===\n').headings.map(h => h.range.start.line), [1]);
    assert.deepEqual(scanNote('# x` \u00a0 `y\n').headings.map(h => h.slug), ['xy']);
  });
});

describe('scanNote: headings', () => {
  it('reads ATX and setext headings with plain text and GitHub slugs', () => {
    const text = '# Hello *World* [link](x.md) `code` #\n\nSetext _title_\n---\n\n## Hello World\n### 中文 標題！\n#### snake_case &amp; more\n';
    const { headings } = scanNote(text);
    assert.deepEqual(headings.map(h => [h.level, h.text, h.slug]), [
      [1, 'Hello World link code', 'hello-world-link-code'],
      [2, 'Setext title', 'setext-title'],
      [2, 'Hello World', 'hello-world'],
      [3, '中文 標題！', '中文-標題'],
      [4, 'snake_case & more', 'snake_case--more'],
    ]);
    assert.deepEqual(headings[1].range, { start: { line: 2, character: 0 }, end: { line: 3, character: 3 } });
    assert.deepEqual(headings[0].range.start, { line: 0, character: 0 });
  });

  it('decodes every HTML5 named character reference, in destinations and heading texts', () => {
    const { links, headings } = scanNote('## Caf&eacute; &Uuml;ber &CounterClockwiseContourIntegral;\n\n[x](x&eacute;.md) [y](&notaname;.md) [z](&eacute.md)\n');
    assert.deepEqual(headings.map(h => [h.text, h.slug]), [['Café Über \u2233', 'café-über-']]);
    // an unknown name, or one without its semicolon, stays as written
    assert.deepEqual(links.map(l => l.path), ['xé.md', '&notaname;.md', '&eacute.md']);
  });

  it('de-duplicates slugs within a note', () => {
    const { headings } = scanNote('# A\n# A\n# A\n# A-1\n');
    assert.deepEqual(headings.map(h => h.slug), ['a', 'a-1', 'a-2', 'a-1-1']);
  });

  it('does not read headings inside code or with more than six #', () => {
    const { headings } = scanNote('```\n# no\n```\n    # no\n####### no\n#no\n');
    assert.deepEqual(headings, []);
  });
});
