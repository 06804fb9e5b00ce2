import { strict as assert } from 'node:assert';
import type { Table } from 'mdast';
import { parseMarkdownTree } from '../../../src/core/reference/remark';
import { nodeText } from '../../../src/core/series/mdast';
import { markdownCodeCell, markdownText } from '../../../src/core/text/markdownCell';

/** Text and a path written into the two cells of a table row, read back as GFM reads them (remark-gfm). */
function readBack(s: string): { cells: number; text: string; code: string } {
  const md = `| h | c |\n| --- | --- |\n| ${markdownText(s)} | ${markdownCodeCell(s)} |\n`;
  const table = parseMarkdownTree(md).children.find((n): n is Table => n.type === 'table');
  const cells = table?.children[1]?.children ?? [];
  const code = cells[1]?.children.length === 1 && cells[1].children[0].type === 'inlineCode' ? cells[1].children[0].value : '(no code span)';
  return { cells: cells.length, text: cells[0] ? nodeText(cells[0]) : '(no cell)', code };
}

describe('Markdown table cells that read back as written (markdownText, markdownCodeCell)', () => {
  it('escapes only what Markdown would take for syntax', () => {
    assert.equal(markdownText('Vec<u8> __init__ and [x](y) &lt; `c` *a* ~b~ a\\|b'),
      'Vec\\<u8> \\_\\_init\\_\\_ and \\[x](y) \\&lt; \\`c\\` \\*a\\* \\~b\\~ a\\\\\\|b');
    assert.equal(markdownText('gRPC & GraphQL, CI/CD, a <-> b, snake_case, 系_統, #1 (b) !c'), 'gRPC & GraphQL, CI/CD, a <-> b, snake_case, 系_統, #1 (b) !c');
    assert.equal(markdownText('x@y.com www.a.com HTTPS://a.b'), 'x@y.com www\\.a.com HTTPS\\://a.b');
    assert.deepEqual(['a.md', 'x`y.md', '`a.md', 'a``b`', ' a ', 'p|q.md'].map(markdownCodeCell),
      ['`a.md`', '``x`y.md``', '`` `a.md ``', '``` a``b` ```', '`  a  `', '`p\\|q.md`']);
    // no code span holds nothing: two backticks would be text, or open a span that a later fence of two closes
    assert.equal(markdownCodeCell(''), '');
  });

  // a pseudo-random walk over strings made of Markdown's characters and the constructs they form (deterministic)
  it('random text and paths read back exactly and stay one cell each', () => {
    const parts = ['a', 'b', ' ', '\\', '`', '*', '_', '[', ']', '(', ')', '<', '>', '&', ';', '#', '~', '|', '!', ':', '/', '.', '@', '-', 'é', '系', '😀',
      'www.a.com', 'HTTPS://x.y/', 'a@b.co', 'x_y@b.c_o.uk', '&lt;', '&#x41;', '<br>', '<T>', '</b>', '<!--', '__init__', '[x](y)', '[^1]', '~~s~~', '***', 'snake_case', '``'];
    let seed = 7;
    const next = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
    const wrong: string[] = [];
    for (let k = 0; k < 1500; k++) {
      let s = '';
      for (let i = 1 + next(12); i > 0; i--) s += parts[next(parts.length)];
      s = s.trim();
      if (s === '') continue;
      const r = readBack(s);
      if (r.cells !== 2 || r.text !== s) wrong.push(`text ${JSON.stringify(s)} read ${JSON.stringify(r.text)} (${r.cells} cells)`);
      // backslashes right before a pipe cannot be written in a code span of a table (GFM keeps `\\`)
      if (r.code !== s && !s.includes('\\|')) wrong.push(`path ${JSON.stringify(s)} read ${JSON.stringify(r.code)}`);
    }
    assert.deepEqual(wrong.slice(0, 10), []);
  });
});
