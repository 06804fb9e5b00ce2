import type { DelimRun, InlineState } from './inlineState';
import { inEmailLiteral } from './literals';
import { isAsciiPunctuation, isSpaceChar } from './target';

/**
 * Emphasis and strikethrough in headings: no link depends on them, but a heading's plain text drops the `*`, `_`
 * and `~` that pair up, so the runs are read with CommonMark's flanking rules (and micromark's for `~`) and paired
 * as micromark pairs them: run lengths, the rule of three, links pairing their own runs first, and which kind of
 * run goes first where an emphasis and a strikethrough cross. Pairing stays linear (see pairRunsOf).
 */

/** The run of `c` (`*`, `_` or `~`) at `i`, kept when it can open or close; returns its end. */
export function delimiterRun(st: InlineState, i: number, c: number): number {
  const { text, to } = st;
  let j = i;
  while (j < to && text.charCodeAt(j) === c) j++;
  const before = i > st.from ? i - 1 : -1;
  const after = j < to ? j : -1;
  const prevSpace = before === -1 || isSpaceChar(text.charCodeAt(before));
  const nextSpace = after === -1 || isSpaceChar(text.charCodeAt(after));
  const prevPunct = before !== -1 && isPunctChar(text, before);
  const nextPunct = after !== -1 && isPunctChar(text, after);
  let left = !nextSpace && (!nextPunct || prevSpace || prevPunct);
  let right = !prevSpace && (!prevPunct || nextSpace || nextPunct);
  if (c !== 126) {
    // micromark: a `*` or `_` run next to a `~` (another construct's marker) may open or close on that side
    if (after !== -1 && text.charCodeAt(after) === 126) left = true;
    if (before !== -1 && text.charCodeAt(before) === 126) right = true;
  }
  let canOpen = left;
  let canClose = right;
  if (c === 95) {
    canOpen = left && (!right || prevPunct);
    canClose = right && (!left || nextPunct);
  }
  if (c === 126 && j - i > 2) { canOpen = false; canClose = false; } // (no strikethrough at all)
  // (a `_` inside an email literal is the literal's: micromark's emphasis never sees it)
  else if (st.firstRun === 0 && !(c === 95 && inEmailLiteral(st, i, j))) st.firstRun = c;
  if (canOpen || canClose) {
    const run: DelimRun = { pos: i, len: j - i, ch: c, canOpen, canClose, left: j - i };
    st.delims.push(run);
    st.pending?.push(run);
  }
  return j;
}

/**
 * Pairs the pending delimiter runs from index `from` on; a link's (`link`) then leave the pending ones. Which kind
 * of run pairs first (`tildesFirst`) decides which wins where an emphasis and a strikethrough cross. micromark
 * resolves a link's text with its list of resolvers inside spans, where GFM's strikethrough comes before emphasis
 * (an extension's constructs go before the built-in ones): strikethrough first; the whole content by the
 * resolvers of the constructs in the order they first occur: first the kind of run that occurs first.
 */
export function pairRuns(st: InlineState, from: number, tildesFirst: boolean, link: boolean): void {
  // (the pending runs get a list of their own when a link's leave them)
  const pending = link ? st.pending ??= st.delims.slice() : st.pending ?? st.delims;
  const rest: DelimRun[] = [];
  pairRunsOf(tildesFirst, pending, from, rest);
  if (rest.length !== 0) pairRunsOf(!tildesFirst, rest, 0, undefined);
  if (link) pending.length = from;
}

/**
 * Pairs one kind of delimiter run over `runs[from..]` (in order) as micromark resolves it: emphasis (`*` and `_`)
 * or, with `tilde`, GFM strikethrough (`~`). A closer pairs with the nearest opener it may pair with (see
 * mayPair), and the runs of its kind between them are text from then on. Emphasis uses two characters of each
 * run when both have two, one otherwise, so that a run may pair again; strikethrough uses whole runs. Runs of
 * the other kind go to `others` when it is given: those inside a pair are paired among themselves right away
 * (micromark resolves the inside of a pair then: they cannot pair outside it), the rest stay there for the
 * caller. Linear: a closer whose search fails leaves a floor, per kind of closer (character, whether it can
 * open, length left mod 3), under which later ones of that kind do not search again.
 */
function pairRunsOf(tilde: boolean, runs: DelimRun[], from: number, others: DelimRun[] | undefined): void {
  const openers: DelimRun[] = [];
  // per opener: the length of `others` when it was pushed (the runs after that lie inside a pair it makes)
  const marks: number[] = [];
  // per kind of closer: the position of the highest opener that one of that kind refused (-1: none); the
  // openers up to it were all refused, and those pushed later lie above it
  const floors = new Int32Array(12).fill(-1);
  for (let k = from; k < runs.length; k++) {
    const closer = runs[k];
    if ((closer.ch === 126) !== tilde) {
      others?.push(closer);
      continue;
    }
    while (closer.canClose && closer.left > 0) {
      const kind = tilde ? closer.len : (closer.ch === 42 ? 0 : 6) + (closer.canOpen ? 3 : 0) + (closer.left % 3);
      const floor = floors[kind];
      let s = openers.length - 1;
      while (s >= 0 && openers[s].pos > floor && !mayPair(openers[s], closer)) s--;
      if (s < 0 || openers[s].pos <= floor) {
        if (openers.length !== 0) floors[kind] = openers[openers.length - 1].pos;
        break;
      }
      const opener = openers[s];
      const use = tilde ? closer.len : opener.left > 1 && closer.left > 1 ? 2 : 1;
      opener.left -= use;
      closer.left -= use;
      if (others !== undefined && others.length > marks[s]) {
        pairRunsOf(!tilde, others, marks[s], undefined);
        others.length = marks[s];
      }
      if (opener.left > 0) {
        // (it changed: the floors at or above it no longer hold for it)
        for (let f = 0; f < floors.length; f++) if (floors[f] >= opener.pos) floors[f] = opener.pos - 1;
        s++;
      }
      while (openers.length > s) { // (a few at most: cheaper than setting the length)
        openers.pop();
        marks.pop();
      }
    }
    if (closer.canOpen && closer.left > 0) {
      openers.push(closer);
      marks.push(others === undefined ? 0 : others.length);
    }
  }
}

/**
 * Whether a closer may pair with an opener: strikethrough runs of one length; emphasis runs of one character,
 * unless the rule of three forbids it (one of them can both open and close, the closer's length is no multiple
 * of 3 and their sum is; micromark counts the characters left).
 */
function mayPair(opener: DelimRun, closer: DelimRun): boolean {
  if (closer.ch === 126) return opener.len === closer.len;
  return opener.ch === closer.ch
    && !((opener.canClose || closer.canOpen) && closer.left % 3 !== 0 && (opener.left + closer.left) % 3 === 0);
}

const PUNCT_RE = /[\p{P}\p{S}]/u;

function isPunctChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return isAsciiPunctuation(c);
  return PUNCT_RE.test(text[i]);
}
