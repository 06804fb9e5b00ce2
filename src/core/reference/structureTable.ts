import type { AlignType, PhrasingContent, Table, TableCell, TableRow } from 'mdast';
import { isSpaceOrTab, PIPE, BACKSLASH, SPACE, TAB, unsupported } from './structureChars';
import type { SourceLines } from './structureLines';

/** Inline content of `s`, whose character k sits at source offset `map[k]` (or `base + k` without a map). */
export type InlineOf = (s: string, map: Int32Array | null, base: number, inTable: boolean) => PhrasingContent[];

/** A row's cells as [cell start, cell end, content start, content end], and the row's end. */
interface Row {
  cells: number[][];
  end: number;
}

/** Whether line `li` holds only `|`, `:`, blanks and at least one `-` (a table's delimiter row). */
export function isDelimiterRow(lines: SourceLines, li: number): boolean {
  const { text } = lines;
  let dash = false;
  for (let i = lines.starts[li]; i < lines.ends[li]; i++) {
    const c = text.charCodeAt(i);
    if (c === 45) dash = true;
    else if (!(isSpaceOrTab(c) || c === 58 || c === PIPE)) return false;
  }
  return dash;
}

/**
 * A GFM table whose header is line `li` (starting with `|` at `p`): the table node and its last line. Anything
 * outside the structure parser's subset (escaped pipes, tabs in indentation, a row that is not a pipe row) throws.
 */
export function parseTable(lines: SourceLines, li: number, p: number, inline: InlineOf): { node: Table; last: number } {
  const { text } = lines;
  const header = rowCells(lines, p, lines.ends[li]);
  const dl = li + 1;
  let dp = lines.starts[dl];
  while (dp < lines.ends[dl] && text.charCodeAt(dp) === SPACE) dp++;
  if (dp - lines.starts[dl] > 3 || text.charCodeAt(dp) !== PIPE) unsupported();
  const delimiter = rowCells(lines, dp, lines.ends[dl]);
  if (delimiter.cells.length !== header.cells.length) unsupported();
  const align: AlignType[] = delimiter.cells.map(([, , cs, ce]) => {
    let s = cs;
    let e = ce;
    const left = text.charCodeAt(s) === 58;
    if (left) s++;
    const right = e > s && text.charCodeAt(e - 1) === 58;
    if (right) e--;
    if (e <= s) unsupported();
    for (let i = s; i < e; i++) if (text.charCodeAt(i) !== 45) unsupported();
    return left && right ? 'center' : left ? 'left' : right ? 'right' : null;
  });
  const rows: TableRow[] = [tableRow(lines, header, inline)];
  let last = dl;
  let end = lines.ends[dl];
  for (let r = dl + 1; r < lines.count; r++) {
    const rs = lines.starts[r];
    const re = lines.ends[r];
    let q = rs;
    while (q < re && isSpaceOrTab(text.charCodeAt(q))) q++;
    if (q === re) break;
    if (q - rs > 3 || text.charCodeAt(q) !== PIPE || isDelimiterRow(lines, r)) unsupported();
    for (let i = rs; i < q; i++) if (text.charCodeAt(i) === TAB) unsupported();
    const row = rowCells(lines, q, re);
    rows.push(tableRow(lines, row, inline));
    last = r;
    end = row.end;
  }
  return { node: { type: 'table', align, children: rows, position: lines.position(p, end) }, last };
}

/** Pipe positions of a table row starting with `|` at `p`, or unsupported on escaped pipes. */
function pipes(text: string, p: number, le: number): number[] {
  const out: number[] = [];
  for (let i = p; i < le; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH && text.charCodeAt(i + 1) === PIPE) unsupported();
    if (c === PIPE) out.push(i);
  }
  return out;
}

/** A row's cells. As in remark, a cell starts at its leading pipe, and the last one (like the row) ends at the end of the line. */
function rowCells(lines: SourceLines, p: number, le: number): Row {
  const { text } = lines;
  const at = pipes(text, p, le);
  const lastPipe = at[at.length - 1];
  let tail = lastPipe + 1;
  while (tail < le && isSpaceOrTab(text.charCodeAt(tail))) tail++;
  const closed = tail === le;
  const cells: number[][] = [];
  const count = closed ? at.length - 1 : at.length;
  if (count < 1) unsupported();
  for (let k = 0; k < count; k++) {
    const from = at[k];
    const to = k + 1 < at.length ? at[k + 1] : le;
    const cellEnd = k === count - 1 ? le : to;
    let cs = from + 1;
    let ce = to;
    while (cs < ce && isSpaceOrTab(text.charCodeAt(cs))) cs++;
    while (ce > cs && isSpaceOrTab(text.charCodeAt(ce - 1))) ce--;
    cells.push([from, cellEnd, cs, ce]);
  }
  return { cells, end: le };
}

function tableRow(lines: SourceLines, row: Row, inline: InlineOf): TableRow {
  const { text } = lines;
  const cells: TableCell[] = row.cells.map(([from, to, cs, ce]) => ({
    type: 'tableCell',
    children: ce > cs ? inline(text.slice(cs, ce), null, cs, true) : [],
    position: lines.position(from, to),
  }));
  return { type: 'tableRow', children: cells, position: lines.position(row.cells[0][0], row.end) };
}
