import { strict as assert } from 'node:assert';
import type { Root } from 'mdast';
import { parseMarkdownTree } from '../../../src/core/reference/remark';
import { parseStructureTree } from '../../../src/core/reference/structureTree';
import { structuralTree } from '../../../src/core/reference/tree';
import { generatedDocuments, realDocuments, variantDocuments } from './documents';

/** A tree as plain data without the fields the fast parser does not compute (`spread`) or carry (`data`). */
function normalize(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(normalize);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'spread' || k === 'data') continue;
    out[k] = normalize(v);
  }
  return out;
}

function assertSameTree(fast: Root, text: string, name: string): void {
  assert.deepEqual(normalize(fast), normalize(parseMarkdownTree(text)), `${name}: ${JSON.stringify(text.slice(0, 300))}`);
}

function cpuMs(fn: () => void): number {
  const t = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

describe('fast structural tree', () => {
  describe('equals remark node for node (types, values, positions)', () => {
    for (const doc of [...realDocuments(), ...variantDocuments()]) {
      it(doc.name, () => {
        const fast = parseStructureTree(doc.text);
        assert.equal(fast === undefined, doc.fallback === true, doc.fallback ? 'expected a fallback' : 'expected the fast path');
        if (fast) assertSameTree(fast, doc.text, doc.name);
      });
    }

    it('on 1500 generated documents, and takes the fast path on a fair share of them', () => {
      let fast = 0;
      generatedDocuments(1500, 7).forEach((text, k) => {
        const tree = parseStructureTree(text);
        if (!tree) return;
        fast++;
        assertSameTree(tree, text, `generated #${k}`);
      });
      assert.ok(fast >= 200, `only ${fast} of 1500 generated documents took the fast path`);
    });

    it('keeps positions exact on CJK, astral characters, tabs and CRLF', () => {
      const text = '# 標題 🚀\r\n\r\n- [章節\t一](資料/01_章.md) - 必讀 - 30 分鐘\r\n  - `巢狀` 🚀 x\r\n\r\n| 狀態 | 檔案 |\r\n|:-:|--|\r\n| 完成\t| `a/b.md` |\r\n';
      const fast = parseStructureTree(text);
      assert.ok(fast);
      assertSameTree(fast, text, 'cjk');
      const link = ((fast.children[1] as any).children[0].children[0].children[0]);
      assert.equal(link.type, 'link');
      assert.equal(text.slice(link.position.start.offset, link.position.end.offset), '[章節\t一](資料/01_章.md)');
    });
  });

  describe('returns undefined outside its subset (and answers for the same text without the construct)', () => {
    const pairs: [string, string, string][] = [
      ['fenced code under a paragraph line', 'p\n```md\ncode\n```\n', 'p\n\n```md\ncode\n```\n'],
      ['fenced code inside a list item', '- a\n\n  ~~~\n  code\n  ~~~\n', '- a\n\n~~~\ncode\n~~~\n'],
      ['escape in a fence info string', '```a\\_b\nx\n```\n', '```a_b\nx\n```\n'],
      ['character reference in a fence info string', '```a&amp;b\nx\n```\n', '```ab\nx\n```\n'],
      ['backtick in a backtick fence info string', '```a`b\nx\n', '```ab\nx\n'],
      ['tab in fenced code indentation', ' ```\n\tx\n```\n', ' ```\n x\n```\n'],
      ['indented code', 'para\n\n    code\n', 'para\n\ncode\n'],
      ['HTML block', '<div>\nx\n</div>\n', 'div\nx\n'],
      ['inline HTML', 'a <span>b</span>\n', 'a b\n'],
      ['HTML comment interrupting a paragraph', 'p\n<!-- c -->\n', 'p\n\n<!-- c -->\n'],
      ['HTML comment inside a list item', '- a\n\n  <!-- c -->\n', '- a\n\n<!-- c -->\n'],
      ['unclosed HTML comment', '<!-- c\n\nx\n', '<!-- c -->\n\nx\n'],
      ['HTML comment closed by its own opener', '<!-->\nx\n', '<!-- -->\nx\n'],
      ['lazy block quote continuation', '> quote\nlazy\n', '> quote\n> lazy\n'],
      ['nested block quote', '> > quote\n', '> quote\n'],
      ['list in a block quote', '> - item\n', '> item\n'],
      ['heading in a block quote', '> # h\n', '> h\n'],
      ['setext underline in a block quote', '> a\n> ---\n', '> a\n>\n> b\n'],
      ['block quote under a paragraph line', 'p\n> quote\n', 'p\n\n> quote\n'],
      ['block quote inside a list item', '- a\n\n  > quote\n', '- a\n\n> quote\n'],
      ['empty block quote', '>\n', '> a\n'],
      ['setext heading', 'Title\n=====\n', 'Title\n'],
      ['setext heading level 2', 'Title\n---\n', 'Title\n'],
      ['thematic break under a paragraph line', 'a\n***\n\nb\n', 'a\n\n***\n\nb\n'],
      ['thematic break inside a list item', '- a\n\n  ___\n', '- a\n\n___\n'],
      ['mixed thematic break', 'a\n\n-*-\n', 'a\n\n---\n'],
      ['thematic break with a tab', 'a\n\n-\t-\t-\n', 'a\n\n- - -\n'],
      ['two dashes', 'a\n\n--\n', 'a\n\n---\n'],
      ['reference definition', '[a]\n\n[a]: /url\n', '[a]\n'],
      ['image with a code span in its description', '![a `b`](x.png)\n', '![a b](x.png)\n'],
      ['image with a link in its description', '![a [b](c)](x.png)\n', '![a b](x.png)\n'],
      ['link after a pending image opener', '![a [b](c) d\n', '!a [b](c) d\n'],
      ['footnote after an image opener', '![^1]\n', '![1]\n'],
      ['emphasis run of three', 'a ***b*** c\n', 'a **b** c\n'],
      ['nested emphasis of the same character', 'a *b *c* d* e\n', 'a *b _c_ d* e\n'],
      ['strong nesting emphasis of the same character', '**a *b* c**\n', '**a _b_ c**\n'],
      ['mismatched emphasis runs', '**a* b\n', '*a* b\n'],
      ['crossing emphasis', '*a _b* c_\n', '*a _b_ c*\n'],
      ['delimiter run that both opens and closes', 'a*b*c\n', 'a *b* c\n'],
      ['emphasis crossing a link', '*[a*](b)\n', '*[a](b)*\n'],
      ['emphasis left open in a link', '[*a](b)*\n', '[*a*](b)\n'],
      ['emphasis around a pending bracket', '*a [b* c](d)\n', '*a [b] c*(d)\n'],
      ['strikethrough', 'a ~~b~~\n', 'a b\n'],
      ['named character reference', 'a &amp; b\n', 'a & b\n'],
      ['numeric character reference', 'a &#35; b\n', 'a # b\n'],
      ['hard break (spaces)', 'a  \nb\n', 'a \nb\n'],
      ['hard break (backslash)', 'a\\\nb\n', 'a\nb\n'],
      ['autolink', 'see <https://x.y>\n', 'see x.y\n'],
      ['www literal', 'see www.example.com\n', 'see example.com\n'],
      ['http literal', 'see HTTP://x.y\n', 'see x.y\n'],
      ['e-mail literal', 'mail a@b.co\n', 'mail a at b\n'],
      ['footnote reference', 'a[^1]\n', 'a[1]\n'],
      ['task list item', '- [ ] todo\n', '- todo\n'],
      ['escaped pipe in a table', '| a \\| b |\n| - |\n', '| a b |\n| - |\n'],
      ['tab indentation', '\t- a\n', '- a\n'],
      ['empty list item', '-\n- a\n', '- b\n- a\n'],
      ['unclosed frontmatter', '---\ntitle: x\n', '---\ntitle: x\n---\n'],
      ['heading inside a list item', '- a\n\n  ## h\n', '- a\n\n## h\n'],
      ['table interrupting a paragraph', 'p\n| a |\n| - |\n', 'p\n\n| a |\n| - |\n'],
      ['table followed by a line without pipe', '| a |\n| - |\ntext\n', '| a |\n| - |\n\ntext\n'],
      ['control character', 'a\u0000b\n', 'ab\n'],
      ['byte order mark', '\ufeff# a\n', '# a\n'],
      ['ordered list interrupting a paragraph with start 2', 'para\n2. x\n', 'para\n1. x\n'],
      ['link resource that is not one', '[a](b c)\n', '[a](b)\n'],
      ['code span across lines', 'a `b\nc` d\n', 'a `b c` d\n'],
    ];
    for (const [name, trigger, control] of pairs) {
      it(name, () => {
        assert.equal(parseStructureTree(trigger), undefined);
        const fast = parseStructureTree(control);
        assert.ok(fast, 'the control text takes the fast path');
        assertSameTree(fast, control, name);
      });
    }
  });

  describe('structuralTree', () => {
    it('is the fast tree inside the subset and remark\'s outside it', () => {
      const inside = '# T\n\n- [a](a.md)\n';
      assert.deepEqual(structuralTree(inside), parseStructureTree(inside));
      const outside = '# T\n\n- [a](a.md) ***b***\n';
      const tree = structuralTree(outside);
      assert.deepEqual(tree, parseMarkdownTree(outside));
      assert.ok(JSON.stringify(tree).includes('"strong"'));
    });
  });

  describe('stays linear on hostile input', () => {
    const storms: [string, string][] = [
      ['[ storm', '['.repeat(300_000)],
      ['] storm', ']'.repeat(300_000)],
      ['](  storm', ']('.repeat(150_000)],
      ['[a]( storm', '[a]('.repeat(75_000)],
      ['[a](b storm', '[a](b'.repeat(60_000)],
      ['link storm', '[x](y) '.repeat(40_000)],
      ['nested brackets', '['.repeat(150_000) + ']'.repeat(150_000)],
      ['backtick storm', '`'.repeat(300_000)],
      ['code span storm', '` '.repeat(150_000)],
      ['growing backtick runs', Array.from({ length: 700 }, (_, k) => '`'.repeat(k + 1) + 'a').join('')],
      ['escaped bracket storm', '\\['.repeat(150_000)],
      ['intraword underscores', 'a_'.repeat(150_000) + 'a'],
      ['pipes', '| a '.repeat(75_000) + '\n| - |\n'],
      ['asterisk storm', '*'.repeat(300_000)],
      ['quote marker lines', '>\n'.repeat(100_000) + '> a\n'],
      ['quote lines', '> a *b* [c](d)\n'.repeat(30_000)],
      ['quote marker storm', '>'.repeat(300_000)],
      ['image opener storm', '!['.repeat(150_000)],
      ['image storm', '![a](b) '.repeat(40_000)],
      ['badge storm', '[![a](b)](c) '.repeat(25_000)],
      ['fence lines', '```\n'.repeat(100_000)],
      ['unclosed fences after text', 'a\n\n```x\n' + 'a ``\n'.repeat(60_000)],
      ['backtick fences with a backtick in the info', '```a`\n'.repeat(60_000)],
      ['emphasis storm', '*a* __b__ '.repeat(30_000)],
      ['unclosed openers', 'x *a _b '.repeat(40_000)],
      ['unmatched closers', 'a* b_ '.repeat(50_000)],
      ['emphasis in brackets', '[*a* '.repeat(60_000)],
      ['thematic break lines', '* * *\n'.repeat(50_000)],
      ['comment opener lines', '<!--\n'.repeat(60_000)],
      ['comment lines', '<!-- a -->\n'.repeat(30_000)],
      ['deep list nesting', Array.from({ length: 500 }, (_, k) => ' '.repeat(2 * k) + '- a\n').join('')],
    ];
    for (const [name, text] of storms) {
      it(name, () => {
        let result: Root | undefined;
        const ms = cpuMs(() => { result = parseStructureTree(text); });
        assert.ok(ms < 1500, `${name}: ${ms.toFixed(0)} ms CPU`);
        if (result) assert.equal(result.position?.end.offset, text.length);
      });
    }
  });
});
