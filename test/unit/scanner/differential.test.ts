import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRng, generateNote } from '../../bench/corpus';
import { compare, remarkFacts, scannerFacts, type Facts } from './differentialFacts';

/**
 * Differential test: the fast scanner against the reference parser, on the seeds, on generated notes and on
 * hand-written corners (see differentialFacts.ts for what is compared).
 */

const SEEDS = 'test/fixtures/seeds';

/** Hand-written corners of CommonMark/GFM that a line-oriented scanner easily gets wrong. */
export const TRICKY: Record<string, string> = {
  'nested brackets in text': 'a [link [with] nested] brackets](x.md) and [b [c](d.md) e](f.md)\n',
  'image inside link': '[![alt](img.png)](page.md)\n',
  'link inside image alt': '![a [b](c.md) d](e.png)\n',
  'balanced parens': '[a](foo(bar).md) [b](foo(bar(baz)).md) [c](foo)bar.md)\n',
  'angle destinations': '[a](<my file.md>) [b](<x.md#sec tion>) [c](<>)\n',
  'titles': '[a](a.md "t") [b](b.md \'t\') [c](c.md (t)) [d](d.md "a \\" quote")\n',
  'title on next line': '[a](a.md\n"title")\n',
  'escapes': '\\[not](a.md) [yes\\]](b.md) [c](c\\_d.md) \\![e](e.md)\n',
  'entities in destination': '[a](a&amp;b.md) [b](&#35;frag)\n',
  'percent encoding': '[a](my%20note.md#%E4%B8%AD) [b](bad%zz.md)\n',
  'code span beats link': '`[a](b.md)` and [`c.md`](d.md) and ``x ` [e](e.md) ``\n',
  'code span as link label': '[`a.md`](../docs/a.md), [see `b.md`][r], [`c.md`] and ![`d.md`](d.png) but `e.md`\n\n[r]: b.md\n[`c.md`]: c.md\n',
  'unmatched backticks': '``` not a fence in text `a [b](c.md)\n\nx `` y [d](d.md)\n',
  'backtick refs': 'See `docs/a.md`, ` b.md ` and `c.md#part`, not `*.md`, `x y.md`, `.md` or `a.mdx`.\n',
  'autolinks': '<https://example.com/a> <mailto:a@b.c> <a@b.co> <not a link> <x:y>\n',
  'bare urls are not links': 'www.example.com and https://example.com/x and a@b.com but [x](x.md)\n',
  'inline html': '<span title="[a](b.md)">[c](d.md)</span> <!-- [e](e.md) --> [f](f.md)\n',
  'reference definitions': '[a]: a.md\n[b]: <b c.md> "title"\n[c]:\n  c.md\n  \'t\'\n\n[use][a] and [b] and [c][]\n',
  'definition not at paragraph start': 'text\n[a]: a.md\n\n[b]: b.md\n',
  'footnotes': 'Text[^1] and [x](x.md).\n\n[^1]: A note with [y](y.md).\n',
  'reference link deactivates outer link': '[ok]: ok.md\n\n[outer [ok] x](outer.md) [a [b][ok] c](d.md)\n',
  'headings': '# H1 #\n## H2 ##   \n### H3 \\#\n####### not\n#not\n#\n  ## indented\n    # code\n',
  'setext headings': 'Title\n=====\n\nMulti\nline\n---\n\n- item\n---\n',
  'fenced code': '```\n[a](a.md)\n```\n~~~~\n```\n[b](b.md)\n~~~~\n``` js\n[c](c.md)\n````\n[d](d.md)\n',
  'unclosed fence': 'before [a](a.md)\n\n```\n[b](b.md)\n',
  'indented code': 'para\n    [continuation](c.md)\n\n    [code](no.md)\n\n- item\n\n      [code in item](no2.md)\n',
  'html blocks': '<div>\n[a](a.md)\n</div>\n\n<details>\n\n[b](b.md)\n\n</details>\n<!--\n[c](c.md)\n-->\n[d](d.md)\n',
  'lists and quotes': '- [a](a.md)\n  - [b](b.md)\n1. [c](c.md)\n> [d](d.md)\n> > [e](e.md)\nlazy [f](f.md)\n',
  'link across lines in quote': '> [a\n> b](ab.md) and [c](\n> c.md)\n',
  'list item with fence': '- item\n  ```\n  [no](no.md)\n  ```\n  [yes](yes.md)\n',
  'tables': '| a | b |\n|---|:-:|\n| [x](x.md) | `y.md` |\n| [p\\|q](pq.md) | <https://t.co> |\nafter [z](z.md)\n',
  'crlf': 'Title\r\n=====\r\n\r\n[a](a.md) and\r\n[b](b.md)\r\n```\r\n[c](c.md)\r\n```\r\n',
  'lone cr': '# T\r[a](a.md)\r\r[b](b.md)\r',
  'tabs': '-\t[a](a.md)\n\t[code](no.md)\n>\t[b](b.md)\n',
  'cjk and emoji': '## 中文標題 🚀\n\n請看 [設計](設計/筆記.md#實作細節) 和 ![圖](圖.png) 😀 [e](e.md)\n',
  'wikilinks are text for remark': '[[target]] and [[t#h|alias]] and [x](x.md)\n',
  'brackets without destination': '[a] [b][c] [d]() [e](  ) ![f]()\n',
  'link text with code span': '[`code` text](a.md) [`]`](b.md)\n',
  'empty and whitespace destinations': '[a](<>) [b]( <c.md> ) [d](\n e.md\n)\n',
  'task list': '- [ ] todo [a](a.md)\n- [x] done\n',
  'thematic breaks': '***\n[a](a.md)\n- - -\n___\n',
  'emphasis does not hide links': '*[a](a.md)* __[b](b.md)__ ~~[c](c.md)~~\n',
  'strange schemes': '[a](C:/x.md) [b](//host/x) [c](mailto:x@y.z) [d](#local)\n',
  // minimal inputs of the scanner audit (each one disagreed with remark before its fix)
  'list item after a list item: fence': '1. Clone the repo.\n2. ```bash\n   cat [notes](missing.md) `old.md`\n   ```\n',
  'list item after a list item: heading': '1. First step\n2. ## Second step\n',
  'list item after a quote': '> a\n2) # H\n',
  'empty list item after a list item': '0. ｈ\n0. #',
  'empty list item, blank line, indented code': '-\n\n    [x](x.md)\n',
  'table after a text line': 'Some intro:\n| File | Note |\n|------|------|\n| x | [a](a.md) |\n---\n## Next\n',
  'table after a lazy line in quotes': '>>`\n)|`\n>>-|-\n>>[](|)',
  'table ended by an HTML block (type 7)': '| a | b |\n|---|---|\n| 1 | 2 |\n<img src="d.png">\n[see](x.md)\n',
  'table ended by indented code': '| a |\n|---|\n| b |\n    [x](x.md)\n',
  'footnote definition continued by indented paragraphs': 'Note[^n].\n\n[^n]: Para one.\n\n    Para two with [link](two.md).\n',
  'named character reference of HTML5': '[x](x&eacute;.md) [y](&ThickSpace;y.md) [z](&eacute.md)\n',
  'named character reference in a heading': '## Caf&eacute;\n',
  'heading slug: inline HTML at the end': '## Section <a name="sec"></a>\n',
  'heading slug: inline HTML at the start': '## <img src="i.png"> Title\n',
  'heading slug: image at the start': '## ![icon](i.png) Title\n',
  'heading slug: spaces inside link brackets': '## [ Foo ](x.md)\n',
  'no table under a lone pipe': '|\n|-\n[a](b|c)\n',
  'a table without pipes': ']\n-:\n-',
  'no-break space in reference labels': '[a\u00a0]: a.md\n\n[t [a] u](b.md)\n\n[\u00a0]: x.md\n\n[t [\u00a0] u](c.md)\n',
  'no-break space after definitions, in code spans': '[a]: b.md\n\u00a0\n===\n\n# x` \u00a0 `y\n',
  'closing </pre> starts an HTML block (type 7)': '</pre>\n[x](x.md)\n',
  'emphasis in headings: run lengths and the rule of three': '# _a__\n## *foo**bar*\n### __init__ and _private_\n#### a*~b~*\n',
  'emphasis in headings: link texts and strikethrough': '# _[a_](x.md) b_\n## ~a _b~ c_\n### _a ~b_ c~\n#### ![*a](i.png) b*\n',
  'heading slug: markup at the edges of setext lines': 'a <b>  \n  c\n===\n\n<b> a  \n  c <i>  \n---\n',
  'footnote definitions: content, interruption, nesting': 'a\n[^n]:     # H\n\n        [code](no.md)\n  [^a b]: def.md\n> [^m]: - x\n>\n>       [y](y.md)\n',
  // minimal inputs of the structure-aware fuzzing (fuzz.test.ts; each one disagreed with remark before its fix)
  'hard line break (backslash) in a setext heading': 'a\\\nb\n===\n\n> \\\n> c\n> ---\n\n\\\r\nd\r\n-\r\n',
  'heading slug: whitespace other than spaces and tabs at the edges': '# \u3000 r\n\n# a \u00a0\n\n\u3000 ]\n===\n\n## [x](x.md) \u3000\n',
  'heading text: raw HTML in an image description is alt text': '# ![<a>]()\n\n## a ![i <i>c</i> \\<d](x.png) <b>b</b>\n\n### [![<b>a</b>](i.png) <i>x</i>](l.md)\n',
  'autolink literals: what they hold is text': 'See https://e.com/x[a](b.md), www.e.com[c](d.md) and http://x`a.md` but [ok](ok.md) https://e.com `e.md` [a https://e.com/y](f.md)\n\n# http://x\\# and _https://a.b/c_d_\n',
  'table: a header row indented by four is paragraph text': ']\n    b\n-|\n=\n\n>|\n\t;|]\n>-|-\n    [x](x.md)\n',
  // departures the fuzzing had left (each one disagreed with remark before its fix)
  'code span over the lines of a setext heading in a list item': '- a `b\n  c` d\n  ===\n\n1. `x\n   y`\n   ---\n\n- `a  \n  b`\n  ---\n\n> - ``\n>   `` e\n>   ---\n',
  'emphasis and strikethrough that cross in link texts': '# [a ~~b *c~~ d*](x.md)\n## [a *b ~~c* d~~](x.md)\n### ![_~~_~~](i.png)\n#### *x* [~~a *b~~ c*](y.md) ~~d *e~~ f*\n',
  'footnote call in an image description': '# ![a [^1] [^x] b](i.png)\n\n## ![[^N]]() [^n]\n\n### ![![[^1]](j.png) [^1]](i.png) [^1]\n\n#### ![[^x\\]y] [^a\\b] [^c\\[d]](i.png)\n\n[^1]: one\n[^n]: two\n[^x\\]y]: three\n[^a\\b]: four\n[^c\\[d]: five\n',
  'footnote call right after a ! in an image description': '# ![![^N] c](i.png) and ![b ![^N]](j.png)\n\n## ![![^M]](i.png) a ![^N] b\n\n### ![![^N][x]](i.png) ![![^N][]](k.png)\n\n> ![![^1.5]]()\n> -\n\n[^N]: x\n[^1.5]:\n',
  'email literal holding a _ before emphasis and strikethrough that cross': '# a.b-c_d@a.b. ~~*a_b_~~*\n\n## x a_b@c.de ~~*f~~* and g_h ~~*i~~*\n\n### a_b ~~*c~~*\n\n#### [x a_b@c.de ~~*f~~*](l.md)\n',
  'email literal with a _ in its domain before emphasis and strikethrough that cross': '# x@_.w ~~*~~*\n\n## x@a_b.com ~~*c~~*\n\n### y x@a.b_c.com ~~*~~* and z\n\nv@_.w)~~*~~*\n-\n\n#### /x@_.w ~~*~~*\n',
  // (fuzz seed 292305: `d@.http://e[]()`; the email literal takes the `http`, so no URL literal takes the `[]()`)
  'URL literal whose prefix ends an email literal': 'd@.http://e[]() x@y.http://e[a](a.md) a@b_www.e.com[b](b.md) a@b.c-http://e[c](c.md)\n\nx_y@.http://e_[d](d.md) but /a@b.http://e[e](e.md) and a@bhttp://e[f](f.md)\n',
  'autolink literal www. after a no-break or CJK space': '\u3000www.e.com[a](b.md) and\u00a0www.e.com/[c](d.md)\n\n# \u3000www.e.com/*e*\n',
  // (corners of the comparison itself: mdast's text and positions there)
  'hard line break between lone CR line endings in a setext heading': 'm\r\\\ra\r=\r',
  'setext heading after a definition, holding an autolink literal': '[a]: x.md\n[http://e.com\n-\n',
};

/** TRICKY snippets in which remark finds nothing: the scanner must not find anything either. */
const NOTHING_TO_FIND: ReadonlySet<string> = new Set([
  'list item after a list item: fence', 'empty list item, blank line, indented code', 'table after a lazy line in quotes',
  'table ended by an HTML block (type 7)', 'table ended by indented code', 'closing </pre> starts an HTML block (type 7)',
  'a table without pipes',
]);

/**
 * Where the scanner differs from remark and GitHub on purpose, with what each side gives for the facts that
 * differ: each must still differ exactly so (an entry that comes to agree fails, and goes).
 */
const ACCEPTED: Record<string, { text: string; scanner: Partial<Facts>; remark: Partial<Facts> }> = {
  // GitHub shows a wikilink as the text it is (`See [[note|Alias]]`, slug `see-notealias`). The scanner reads it
  // as Obsidian and Foam show it, by its alias (or target): the heading is `See Alias`, and `[[n#See Alias]]` and
  // `#see-alias` name it, as they do in the tools that render wikilinks.
  'wikilink in a heading': {
    text: '## See [[note|Alias]]\n',
    scanner: { texts: ['0|See Alias'], slugs: ['0|see-alias'] },
    remark: { texts: ['0|See [[note|Alias]]'], slugs: ['0|see-notealias'] },
  },
  // remark (micromark) applies the rule for a list that interrupts a paragraph (an ordered one must start at 1, no
  // item may start blank) when there is no paragraph to interrupt: after indented code, and to a list that opens
  // inside a new container (micromark/micromark#228). CommonMark restricts only the list that interrupts a
  // paragraph (spec 0.31.2, §5.3, examples 304 and 305); GitHub and markdown-it start these lists.
  'ordered list starting at 2 after indented code': {
    text: '    code\n\n2. # Step two\n',
    scanner: { headings: ['1|2'], texts: ['2|Step two'], slugs: ['2|step-two'] },
    remark: { headings: [], texts: [], slugs: [] },
  },
  'ordered list starting at 2 in a block quote that follows a paragraph': {
    text: 'Intro\n> 2. # Step two\n',
    scanner: { headings: ['1|1'], texts: ['1|Step two'], slugs: ['1|step-two'] },
    remark: { headings: [], texts: [], slugs: [] },
  },
  'empty list item after indented code': {
    // (an item that starts blank holds indented code from its content column on: here `[x](x.md)` is code)
    text: '    code\n-\n      [x](x.md)\n',
    scanner: { links: [] },
    remark: { links: ['link|x.md|2'] },
  },
  // An HTML block of type 7 (`<b>`) cannot interrupt a paragraph (spec 0.31.2, §4.6, start condition 7), so a lazy
  // `<b>` line continues the paragraph in the quote (§5.1, paragraph continuation text) and the link on the next
  // line is in it; remark starts an HTML block there, which swallows the link. markdown-it agrees with the scanner.
  'lazy line of a paragraph that looks like an HTML block (type 7)': {
    text: '> a\n<b>\n> [x](x.md)\n',
    scanner: { links: ['link|x.md|2'] },
    remark: { links: [] },
  },
  // A title in parentheses holds a `(` only escaped (spec 0.31.2, §6.3, link title (c)): `(a(b)` is no title, and
  // text after the destination makes the line no definition (§4.7). remark takes it for a title; markdown-it
  // agrees with the scanner.
  'unescaped parenthesis in a parenthesised title': {
    text: '[a]: z (a(b)\n\n[a]\n',
    scanner: { links: [] },
    remark: { links: ['definition|z|0'] },
  },
  // A note opening with `---` that is not closed has no frontmatter: the line is a thematic break (§4.1) and the
  // next one starts a block of its own; remark-frontmatter leaves the next line as paragraph text.
  // A paragraph's lines lose their initial spaces and tabs (spec 0.31.2, §4.8; cmark and commonmark.js strip them
  // before inline parsing), so a code span's content has none after a line ending: `b c`. remark keeps what goes
  // beyond the container's indentation (at the top level, all of it) and makes the content `b    c`.
  'code span over an indented continuation line': {
    text: 'a `b\n   c`\n---\n\n> d `e\n>    f`\n> ---\n\n- `g\n     h`\n  ---\n',
    scanner: { texts: ['0|a b c', '4|d e f', '8|g h'], slugs: ['0|a-b-c', '4|d-e-f', '8|g-h'] },
    remark: { texts: ['0|a b    c', '4|d e    f', '8|g    h'], slugs: ['0|a-b----c', '4|d-e----f', '8|g----h'] },
  },
  // An image's alt text is its description's plain string content (spec 0.31.2, §6.4): a hard line break is a line
  // break of it, as a soft one is (cmark renders either as a space in the alt text, commonmark.js as a line
  // ending), and a code span gives its content, line endings made spaces (§6.1). remark's alt drops a hard break
  // and joins the words (`ab`), and keeps a code span's line ending.
  'line breaks in an image description': {
    text: '![a\\\nb](x.png)\n===\n\n![c  \nd](y.png)\n===\n\n![`e\nf`](z.png)\n===\n',
    scanner: { texts: ['0|a\nb', '4|c\nd', '8|e f'] },
    remark: { texts: ['0|ab', '4|cd', '8|e\nf'] },
  },
  // A numeric character reference stands for its code point; only U+0000 and invalid code points (surrogates,
  // past U+10FFFF) become U+FFFD (spec 0.31.2, §2.5; so cmark, and commonmark.js but for C1 controls, which it maps
  // as HTML does: `&#x80;` is `€`). remark also replaces the control characters and the noncharacters (`&#1;`,
  // `&#x7F;`, `&#x80;`, `&#xFFFE;`, `&#1114111;`), which HTML reports as errors. (`&#0;`, `&#xD800;` and
  // `&#x110000;` give U+FFFD on both sides.)
  'numeric character references of control characters and noncharacters': {
    text: '# a&#1;b&#x7F;c&#0;d\n\n[x](a&#x80;&#xD800;.md#&#xFFFE;&#1114111;&#x110000;)\n',
    scanner: { links: ['link|a\u0080\ufffd.md#\ufffe\u{10ffff}\ufffd|2'], texts: ['0|a\u0001b\u007fc\ufffdd'] },
    remark: { links: ['link|a\ufffd\ufffd.md#\ufffd\ufffd\ufffd|2'], texts: ['0|a\ufffdb\ufffdc\ufffdd'] },
  },
  // GitHub (cmark-gfm) tries a bracket for an inline link first and for a footnote call only when no link forms
  // (inlines.c, handle_close_bracket), so `[^1](x.md)` and `[^1][r]` are links even where `[^1]` is a footnote;
  // remark makes them the footnote call. (The GFM spec does not specify footnotes.)
  'footnote label followed by a link destination or label': {
    text: '[^1]:[^1]()\n\na [^1](x.md)\n\n# [^1][r]\n\n[r]: r.md\n',
    scanner: { links: ['definition|r.md|6', 'link|x.md|2', 'link||0'], texts: ['4|^1'], slugs: ['4|1'] },
    remark: { links: ['definition|r.md|6'], texts: ['4|[^1]r'], slugs: ['4|1r'] },
  },
  // A table row cannot be a lazy continuation line (laziness is for paragraph continuation text: spec 0.31.2, §5.1,
  // §5.2), so `d|e` closes the list item whose content ends with a table and starts a paragraph, which the next
  // line, a delimiter row, makes a table's header row (GFM 0.29, §4.10): `[a](b|c)` is a row of two cells. remark
  // keeps `d|e` as paragraph text (after a heading or a fence that ended the item it starts a table). Fuzz seed 123.
  'table right after a table that ended a list item': {
    text: '- a\n  |-\nd|e\n-|-\n[a](b|c)\n',
    scanner: { links: [] },
    remark: { links: ['link|b|c|4'] },
  },
  // An email autolink literal is found in the text nodes that inline parsing leaves (GFM 0.29, §6.9: 'recognised
  // within any text node'; cmark-gfm finds them after parsing), so `_` that opens emphasis is no part of one:
  // `_a@b.c._` is emphasis around the literal `a@b.c`. remark reads the literal first, from the `_` on.
  'email autolink literal inside underscore emphasis': {
    text: '# _a@b.c._\n\n## __x.y@e.com.__\n',
    scanner: { texts: ['0|a@b.c.', '2|x.y@e.com.'], slugs: ['0|abc', '2|xyecom'] },
    remark: { texts: ['0|_a@b.c._', '2|__x.y@e.com.__'], slugs: ['0|_abc_', '2|__xyecom__'] },
  },
  // A footnote definition is continued by four columns of indentation, each one inside another by four more
  // (cmark-gfm, blocks.c, parse_footnote_definition_block_prefix, as for a list item's width). remark's check of
  // the indentation reads the last indentation token, which is the outer definition's when the inner one has none
  // (micromark-extension-gfm-footnote, tokenizeIndent): `    ===` continues both, and underlines `x`.
  'footnote definition inside a footnote definition: continuation lines': {
    text: '[^a]:[^b]: x\n    ===\n\n[^c]:\n    [^d]: y\n    ---\n',
    scanner: { headings: [], texts: [], slugs: [] },
    remark: { headings: ['1|0', '2|4'], texts: ['0|x', '4|y'], slugs: ['0|x', '4|y'] },
  },
  // A shortcut reference is a link label not followed by `[]` or another link label (spec 0.31.2, §6.3): a `[`
  // that no `]` closes leaves it a link (cmark, commonmark.js). remark, after a `[` that starts no full reference,
  // tries only a collapsed one and gives up.
  'shortcut reference followed by an unclosed bracket': {
    text: '[ref]: x.md\n\n# [ref][\n\n## [ref][ a\n',
    scanner: { texts: ['2|ref[', '4|ref[ a'] },
    remark: { texts: ['2|[ref][', '4|[ref][ a'] },
  },
  'unclosed frontmatter fence at the start': {
    text: '---\n- # Title\n',
    scanner: { headings: ['1|1'], texts: ['1|Title'], slugs: ['1|title'] },
    remark: { headings: [], texts: [], slugs: [] },
  },
};

describe('scanner differential test against remark', () => {
  for (const file of readdirSync(SEEDS).sort()) {
    it(`agrees on seed ${file}`, () => compare(file, readFileSync(path.join(SEEDS, file), 'utf8')));
  }

  // 200 generated notes in batches of 50 (remark is slow: ~1.6 MB/s)
  const rng = createRng(42);
  const generated: string[] = [];
  for (let k = 0; k < 200; k++) generated.push(generateNote(rng, k, 500, 0.1));
  for (let batch = 0; batch < 4; batch++) {
    it(`agrees on generated notes ${batch * 50}-${batch * 50 + 49}`, function () {
      this.timeout(180_000);
      let facts = 0;
      for (let k = batch * 50; k < batch * 50 + 50; k++) facts += compare(`generated note ${k}`, generated[k]);
      assert.ok(facts > 50 * 20, 'the generated notes hold links and headings');
    });
  }

  for (const [name, { text, scanner, remark }] of Object.entries(ACCEPTED)) {
    it(`differs as accepted on: ${name}`, () => {
      const expected = remarkFacts(text);
      const actual = scannerFacts(text);
      assert.deepEqual(actual, { ...expected, ...scanner });
      assert.deepEqual(expected, { ...actual, ...remark });
    });
  }

  for (const [name, text] of Object.entries(TRICKY)) {
    it(`agrees on: ${name}`, () => {
      assert.ok(compare(name, text) > 0 || NOTHING_TO_FIND.has(name), 'the snippet holds something to compare');
    });
  }
});
