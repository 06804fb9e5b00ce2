/**
 * GFM tables in the block pass: a delimiter row under a paragraph's last line makes that line a header row with as
 * many cells, and the rows after it are split into cells at unescaped pipes, each cell a run of inline content.
 * Rows are split into shared buffers (a row allocates nothing), and without a backslash in them they jump from pipe
 * to pipe with remembered native searches, so that a table costs linear time.
 */

/** Cell bounds written by splitTableRow (shared buffers: a row allocates nothing). */
export const cellStart: number[] = [];
export const cellEnd: number[] = [];

/**
 * Cells of a table row `[start, end)` split at unescaped pipes (outer pipes dropped), trimmed:
 * their bounds go to cellStart/cellEnd; returns their number.
 */
export function splitTableRow(text: string, start: number, end: number, finder?: TableFinder): number {
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

/**
 * The next occurrence of one character from rising positions (native searches), remembered so that a
 * whole table costs linear time however far the next occurrence is. NONE when there is none.
 */
export class NextChar {
  private from = NONE;
  private at = NONE;

  constructor(private readonly text: string, private readonly ch: string) {}

  next(from: number): number {
    if (from < this.from || from > this.at) {
      const k = this.text.indexOf(this.ch, from);
      this.at = k === -1 ? NONE : k;
      this.from = from;
    }
    return this.at;
  }
}

const NONE = 0x7fffffff;

/** Pipes and backslashes of one note's table rows. */
export interface TableFinder {
  pipe: NextChar;
  backslash: NextChar;
}

/** Number of cells of a GFM table delimiter row (`| --- | :-: |`), 0 when the line is not one. */
export function isDelimiterRow(text: string, i: number, le: number): number {
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
export function isLonePipe(text: string, from: number, to: number): boolean {
  let pipes = 0;
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    if (c === 124) pipes++;
    else if (c !== 32 && c !== 9) return false;
  }
  return pipes === 1;
}
