import { hasChar } from './blockStarts';
import { LeafKind, type BlockState, type TableFinder } from './blockState';
import { finishLeaf } from './paragraphs';
import { NextChar } from './search';

/**
 * GFM tables in the block pass: a delimiter row under a paragraph's last line makes that line a header row with as
 * many cells, and the rows after it are split into cells at unescaped pipes, each cell a run of inline content.
 * Rows are split into shared buffers (a row allocates nothing), and without a backslash in them they jump from pipe
 * to pipe with remembered native searches, so that a table costs linear time.
 */

/** Cell bounds written by splitTableRow (shared buffers: a row allocates nothing). */
const cellStart: number[] = [];
const cellEnd: number[] = [];

/**
 * Cells of a table row `[start, end)` split at unescaped pipes (outer pipes dropped), trimmed:
 * their bounds go to cellStart/cellEnd; returns their number.
 */
function splitTableRow(text: string, start: number, end: number, finder?: TableFinder): number {
  let s = start;
  let e = end;
  while (s < e && (text.charCodeAt(s) === 32 || text.charCodeAt(s) === 9)) s++;
  while (e > s && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
  if (s < e && text.charCodeAt(s) === 124) s++;
  if (e > s && text.charCodeAt(e - 1) === 124 && !(e - 2 >= s && text.charCodeAt(e - 2) === 92)) e--;
  // a pipe may be escaped by a backslash: rows without one jump from pipe to pipe with native searches
  const plain = finder !== undefined && !(finder.backslash.next(s) < e);
  let n = 0;
  let cs = s;
  for (let j = s; j <= e; j++) {
    if (plain) {
      j = finder.pipe.next(j);
      if (j > e) j = e;
    }
    const c = j < e ? text.charCodeAt(j) : 124;
    if (c === 92 && j + 1 < e) { j++; continue; }
    if (c === 124) {
      let a = cs;
      let b = j;
      while (a < b && (text.charCodeAt(a) === 32 || text.charCodeAt(a) === 9)) a++;
      while (b > a && (text.charCodeAt(b - 1) === 32 || text.charCodeAt(b - 1) === 9)) b--;
      cellStart[n] = a;
      cellEnd[n] = b;
      n++;
      cs = j + 1;
    }
  }
  return n;
}

/** Number of cells of a GFM table delimiter row (`| --- | :-: |`), 0 when the line is not one. */
function isDelimiterRow(text: string, i: number, le: number): number {
  const n = splitTableRow(text, i, le);
  for (let k = 0; k < n; k++) {
    let a = cellStart[k];
    let b = cellEnd[k];
    if (a < b && text.charCodeAt(a) === 58) a++;
    if (b > a && text.charCodeAt(b - 1) === 58) b--;
    if (b === a) return 0;
    for (let x = a; x < b; x++) if (text.charCodeAt(x) !== 45) return 0;
  }
  return n;
}

/**
 * Whether `[from, to)` is a single `|` between blanks: no table header row for micromark, which wants a delimiter
 * row with a `|` or a `:` (a row of dashes alone underlines a setext heading) under any other header row.
 */
function isLonePipe(text: string, from: number, to: number): boolean {
  let pipes = 0;
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    if (c === 124) pipes++;
    else if (c !== 32 && c !== 9) return false;
  }
  return pipes === 1;
}

/** A row `[start, end)` of the open table: each cell that holds anything is a run of inline content. */
export function tableRow(st: BlockState, start: number, end: number): void {
  // a row without link syntax holds no link in any cell: it need not be split
  if (!st.sink.mayHoldLinks(start, end)) return;
  const { text } = st;
  st.tableFinder ??= { pipe: new NextChar(text, '|'), backslash: new NextChar(text, '\\') };
  const n = splitTableRow(text, start, end, st.tableFinder);
  for (let k = 0; k < n; k++) {
    const a = cellStart[k];
    const b = cellEnd[k];
    if (b > a) st.sink.inline(text, a, b, undefined);
  }
}

/**
 * Whether the line `[i, le)` (no container opened on it) is a delimiter row that makes the open paragraph's last
 * line a table's header row (GFM); the table is then open with its header row read, and the lines before it stay
 * a paragraph of their own.
 */
export function startsTable(st: BlockState, i: number, le: number): boolean {
  const { text } = st;
  const last = st.segCount - 1;
  const hs = st.segStart[last];
  const he = st.segEnd[last];
  // (a paragraph's continuation line indented by four is no header row: remark and markdown-it make no table of
  // it, as a line of its own that indented could only be code)
  if (st.indentedSeg === last) return false;
  const n = isDelimiterRow(text, i, le);
  if (n > 0 && (hasChar(text, i, le, 124) || hasChar(text, i, le, 58)) && !isLonePipe(text, hs, he)
    && splitTableRow(text, hs, he) === n) {
    if (last > 0) {
      st.segCount = last;
      finishLeaf(st);
    }
    st.leaf = LeafKind.Table;
    tableRow(st, hs, he);
    return true;
  }
  return false;
}
