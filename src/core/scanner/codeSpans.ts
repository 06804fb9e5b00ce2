import { makeDraft } from './inlineTypes';
import type { InlineState } from './inlineState';
import { isRefPath, isSpaceChar } from './target';

/**
 * Code spans of the inline pass: a backtick run and the next run of the same length close one (CommonMark), its
 * content stands for itself in a heading's plain text, and a content naming a `.md` file is a backtick reference.
 * Closers are found with a native search for the next run; when that one has the wrong length, the content's runs
 * are indexed once by length, so that storms of unmatched backticks stay linear.
 */

/** Only space characters: a code span's content keeps its padding then. */
const ONLY_SPACES = /^ *$/;

/** A line ending in a code span's content, with the indentation of the line it starts. */
const LINE_ENDING = /(?:\r\n|\r|\n)[ \t]*/g;

/** The code span that may open with the backtick run at `i`; returns where to go on (after the run when none). */
export function codeSpan(st: InlineState, i: number): number {
  const { text, to } = st;
  let j = i;
  while (j < to && text.charCodeAt(j) === 96) j++;
  const len = j - i;
  const close = codeCloser(st, j, len);
  if (close === -1) return j;
  const end = close + len;
  let cs = j;
  let ce = close;
  if (st.wantText) {
    // CommonMark: line endings become spaces; one space is stripped from each side when both exist. A paragraph's
    // lines lose their initial spaces and tabs (§4.8), so what indents a continuation line (a list item's
    // indentation, or more) is no content: `- a \`b\n  c\`` holds `b c`.
    let content = text.slice(cs, ce).replace(LINE_ENDING, ' ');
    if (content.length >= 2 && content[0] === ' ' && content[content.length - 1] === ' ' && !ONLY_SPACES.test(content)) {
      content = content.slice(1, -1);
    }
    st.pushEdit(i, end, content);
  }
  // trimmed content range, for a `.md` reference
  while (cs < ce && isSpaceChar(text.charCodeAt(cs))) cs++;
  while (ce > cs && isSpaceChar(text.charCodeAt(ce - 1))) ce--;
  if (ce - cs >= 4 && ce - cs <= 4096) {
    const path = text.slice(cs, ce);
    if (isRefPath(path)) {
      st.drafts.push(makeDraft('ref', path, undefined, st.map(i), st.map(end - 1) + 1,
        st.map(cs), st.map(ce - 1) + 1, false, false));
    }
  }
  return end;
}

/**
 * Start of the next maximal backtick run of exactly `len` characters at or after `from` (which
 * is not a backtick), or -1. The next run is read directly: when it has the length, it is the
 * answer and everything up to it is consumed; otherwise the runs of the content are indexed
 * once by length, so that storms of unmatched runs stay linear.
 */
function codeCloser(st: InlineState, from: number, len: number): number {
  const { text, to } = st;
  if (!st.codeRuns) {
    // the next backtick by native search: each search ends at the first backtick after an
    // opener, so all of them together read the text once
    const k = text.indexOf('`', from);
    if (k === -1 || k >= to) return -1;
    let e = k;
    while (e < to && text.charCodeAt(e) === 96) e++;
    if (e - k === len) return k;
    indexCodeRuns(st);
  }
  const list = st.codeRuns!.get(len);
  if (!list) return -1;
  const ptr = st.codePtr!;
  let p = ptr.get(len) ?? 0;
  while (p < list.length && list[p] < from) p++;
  ptr.set(len, p);
  return p < list.length ? list[p] : -1;
}

function indexCodeRuns(st: InlineState): void {
  const runs = new Map<number, number[]>();
  const { text, to } = st;
  let k = st.from;
  while (k < to) {
    if (text.charCodeAt(k) !== 96) { k++; continue; }
    let e = k;
    while (e < to && text.charCodeAt(e) === 96) e++;
    const n = e - k;
    let list = runs.get(n);
    if (!list) runs.set(n, (list = []));
    list.push(k);
    k = e;
  }
  st.codeRuns = runs;
  st.codePtr = new Map();
}
