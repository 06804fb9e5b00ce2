import { scanBlocks } from '../scanner/blocks';
import type { BlockSink } from '../scanner/blockState';
import { LineIndex } from '../text/lineIndex';

/**
 * Whether the character at `offset` of a note is Markdown prose that may hold a link: inside the inline content
 * of a paragraph, heading or table cell (as the scanner's block pass finds them, containers included) and not
 * inside a code span there. Code blocks (fenced or indented), HTML blocks and the frontmatter are not prose.
 * `bodyStart` is where the frontmatter ends. One block pass over the note: for a single lookup (a hover, a
 * go-to-definition), not for every link of a workspace.
 */
export function isProseAt(text: string, bodyStart: number, offset: number): boolean {
  let answer: boolean | undefined;
  const visit = (run: string, from: number, to: number, toSource: ((i: number) => number) | undefined): void => {
    if (answer !== undefined) return;
    const i = indexInRun(from, to, toSource, offset);
    if (i !== -1) answer = !insideCodeSpan(run, from, to, i);
  };
  const sink: BlockSink = {
    inline: visit,
    heading: (_level, run, from, to, toSource) => visit(run, from, to, toSource),
    definition: () => undefined,
    mayHoldLinks: () => true,
  };
  scanBlocks(text, bodyStart, new LineIndex(text), sink);
  return answer === true;
}

/** The index in the run `[from, to)` of the note offset `offset`, or -1 when the run does not hold it. */
function indexInRun(from: number, to: number, toSource: ((i: number) => number) | undefined, offset: number): number {
  if (from >= to) return -1;
  if (!toSource) return offset >= from && offset < to ? offset : -1;
  if (offset < toSource(from) || offset > toSource(to - 1)) return -1;
  // the mapping grows with the index (container markers are left out, nothing is reordered)
  let lo = from;
  let hi = to - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toSource(mid) < offset) lo = mid + 1;
    else hi = mid;
  }
  return toSource(lo) === offset ? lo : -1;
}

/**
 * Whether index `i` of the run `[from, to)` lies in a code span (CommonMark: a backtick string up to the next
 * backtick string of the same length; a backslash escapes a backtick outside code; an unmatched backtick string
 * is literal text).
 */
export function insideCodeSpan(run: string, from: number, to: number, i: number): boolean {
  // for each backtick string length, where a search for its closer found none (none after that either)
  const noCloserFrom = new Map<number, number>();
  let k = from;
  while (k < to && k <= i) {
    const c = run.charCodeAt(k);
    if (c === 92 /* \ */) {
      k += 2;
      continue;
    }
    if (c !== 96 /* ` */) {
      k++;
      continue;
    }
    let n = k;
    while (n < to && run.charCodeAt(n) === 96) n++;
    const length = n - k;
    const close = closerOf(run, n, to, length, noCloserFrom);
    if (close === -1) {
      k = n;
      continue;
    }
    if (i < close) return true;
    k = close;
  }
  return false;
}

/** The end of the first backtick string of exactly `length` at or after `from`, or -1. */
function closerOf(run: string, from: number, to: number, length: number, noCloserFrom: Map<number, number>): number {
  const known = noCloserFrom.get(length);
  if (known !== undefined && from >= known) return -1;
  for (let m = from; m < to;) {
    const j = run.indexOf('`', m);
    if (j === -1 || j >= to) break;
    let e = j;
    while (e < to && run.charCodeAt(e) === 96) e++;
    if (e - j === length) return e;
    m = e;
  }
  noCloserFrom.set(length, from);
  return -1;
}
