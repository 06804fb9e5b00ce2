import { scanBlocks } from '../scanner/blocks';
import type { BlockSink } from '../scanner/blockState';
import { LineIndex } from '../text/lineIndex';

/**
 * Whether the character at `offset` of a note is Markdown prose that may hold a link: inside the inline content
 * of a paragraph, heading or table cell (as the scanner's block pass finds them, containers included) and not
 * inside a code span there. Code blocks (fenced or indented), HTML blocks and the frontmatter are not prose.
 * `bodyStart` is where the frontmatter ends. One block pass over the note up to the cursor's paragraph: for a single
 * lookup (a hover, a go-to-definition, a completion), not for every link of a workspace.
 */
export function isProseAt(text: string, bodyStart: number, offset: number): boolean {
  return linkPlaceAt(text, bodyStart, offset) === 'prose';
}

/** What holds a character of a note, as the scanner reads the note's blocks (see linkPlaceAt). */
export type LinkPlace =
  /** the inline content of a paragraph, heading or table cell, outside code spans */
  | 'prose'
  /** the first backtick of a code span in such content (the span that a backtick path is) */
  | 'code span'
  /** a reference definition (`[label]: destination "title"`) */
  | 'definition'
  /** a line of an HTML block of tags (`<img src="…">` alone on its line), whose tags' links the scanner reads */
  | 'html'
  /** anything else: code (a block, or inside a span), an HTML comment or `<pre>` block, the frontmatter … */
  | 'other';

/**
 * What holds the character at `offset` of a note (`bodyStart`: where the frontmatter ends): where each kind of link
 * may be written, as the scanner would read it. See isProseAt for the cost.
 */
export function linkPlaceAt(text: string, bodyStart: number, offset: number): LinkPlace {
  let answer: LinkPlace | undefined;
  const visit = (run: string, from: number, to: number, toSource: ((i: number) => number) | undefined): void => {
    if (answer !== undefined) return;
    const i = indexInRun(from, to, toSource, offset);
    if (i === -1) return;
    const span = codeSpanAt(run, from, to, i);
    answer = span === -1 ? 'prose' : span === i ? 'code span' : 'other';
  };
  const sink: BlockSink = {
    inline: visit,
    heading: (_level, run, from, to, toSource) => visit(run, from, to, toSource),
    definition: draft => {
      if (answer === undefined && offset >= draft.start && offset < draft.end) answer = 'definition';
    },
    htmlLine: (from, to) => {
      if (answer === undefined && offset >= from && offset < to) answer = 'html';
    },
    mayHoldLinks: () => true,
  };
  const upTo = text.slice(0, blankLineAfter(text, offset));
  scanBlocks(upTo, bodyStart, new LineIndex(upTo), sink);
  return answer ?? 'other';
}

/**
 * Where the first blank line after `offset` ends (the text's end when there is none). What follows a blank line
 * changes nothing before it — a blank line ends every paragraph, so no code span, table or definition crosses it, and
 * a fence or HTML block open before it is open whatever comes — so the block pass may stop there.
 */
function blankLineAfter(text: string, offset: number): number {
  BLANK_LINE.lastIndex = offset;
  const m = BLANK_LINE.exec(text);
  return m ? m.index + m[0].length : text.length;
}

/** A line break (`\r\n`, `\n` or a lone `\r`) followed by a line of nothing but blanks. */
const BLANK_LINE = /(?:\r\n|\r(?!\n)|\n)[ \t]*(?=[\r\n]|$)/g;

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
 * Where the code span that index `i` of the run `[from, to)` lies in starts (its first backtick), -1 when none
 * (CommonMark: a backtick string up to the next backtick string of the same length; a backslash escapes a backtick
 * outside code; an unmatched backtick string is literal text).
 */
function codeSpanAt(run: string, from: number, to: number, i: number): number {
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
    if (i < close) return k;
    k = close;
  }
  return -1;
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
