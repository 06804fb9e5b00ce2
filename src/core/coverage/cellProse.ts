import type { Nodes } from 'mdast';
import { structuralTree } from '../reference/tree';
import { codeSpanInner, endOf, isParent, startOf } from '../series/mdast';

/**
 * Where a Status cell's prose is, as the table parser reads the cell: its text, not a link's destination
 * (`[backlog](../backlog/pending.md)`), an autolink or a bare URL (`https://example.com/board/pending`), a code
 * span (`` `pending.md` ``), an image or raw HTML (`<!-- was Done -->`). A status word counts only there, so
 * that reading the cell and rewriting it agree, and no edit ever renames a link's target. A code span's content is
 * listed apart: a code span that holds nothing but a status word (`` `Done` ``, a badge) still says it.
 */

export interface CellProse {
  /** [start, end) offsets in the cell of its text runs (a link's text included) */
  text: [number, number][];
  /** [start, end) offsets in the cell of the contents of its code spans */
  code: [number, number][];
}

/** What can make part of a cell no prose: code spans, links, autolinks, HTML, and the URLs and e-mail addresses GFM links. */
const MARKUP = /[`[<@]|:\/\/|www\./i;

/** The cell as the second row of a one-column table, so that it parses as a table cell does (`\|` included). */
const BEFORE = '|x|\n|-|\n|';

export function cellProse(cell: string): CellProse {
  if (!MARKUP.test(cell)) return { text: [[0, cell.length]], code: [] };
  const source = `${BEFORE}${cell} |\n`;
  const out: CellProse = { text: [], code: [] };
  const at = (offset: number) => Math.min(Math.max(offset - BEFORE.length, 0), cell.length);
  const table = structuralTree(source).children[0];
  const cellNode = table?.type === 'table' ? table.children[1]?.children[0] : undefined;
  const stack: Nodes[] = cellNode ? [...cellNode.children].reverse() : [];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'text') out.text.push([at(startOf(n)), at(endOf(n))]);
    else if (n.type === 'inlineCode') {
      const inner = codeSpanInner(source, startOf(n), endOf(n));
      out.code.push([at(inner.start), at(inner.end)]);
    } else if (n.type === 'link' && source.charCodeAt(startOf(n)) !== 91 /* [ */) {
      // an autolink (`<https://…>`) or a bare URL: its text is its destination
    } else if (isParent(n)) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as Nodes);
  }
  return out;
}
