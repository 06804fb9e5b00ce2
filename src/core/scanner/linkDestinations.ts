import type { InlineState } from './inlineState';
import { isAsciiPunctuation } from './target';

/**
 * The `>` closing a `<…>` link destination that opens at `open` (before `to`), or -1: no line break and no
 * unescaped `<` inside. Inline links and reference definitions read it alike.
 */
export function angleDestinationClose(text: string, open: number, to: number): number {
  let k = open + 1;
  for (; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 62 || c === 60 || c === 10 || c === 13) break;
    if (c === 92 && k + 1 < to) k++;
  }
  return k < to && text.charCodeAt(k) === 62 ? k : -1;
}

/**
 * The tail of an inline link or image, `(destination "title")`, as CommonMark reads it: a destination in angle
 * brackets or raw (balanced parentheses, at most 32 deep, up to whitespace), then an optional title in quotes or
 * parentheses. A raw destination is read directly when short; a long one uses the content's parenthesis depths,
 * indexed once with the next point where the depth drops, so that many attempts over one content stay linear.
 */

/** `(dest "title")` starting at `text[p] === '('`: sets tailEnd, destStart and destEnd when there is one. */
export function linkTail(st: InlineState, p: number): boolean {
  const { text, to } = st;
  let j = skipSpace(st, p + 1);
  if (j >= to) return false;
  let destStart = j;
  let destEnd = j;
  let c = text.charCodeAt(j);
  if (c === 41 /* ) */) return tail(st, j + 1, j, j);
  if (c === 60 /* < */) {
    const k = angleDestinationClose(text, j, to);
    if (k === -1) return false;
    destStart = j + 1;
    destEnd = k;
    j = k + 1;
  } else {
    const e = rawDestinationEnd(st, j);
    if (e === -1 || e === j) return false;
    destEnd = e;
    j = e;
  }
  let k = skipSpace(st, j);
  if (k >= to) return false;
  c = text.charCodeAt(k);
  if (c === 41) return tail(st, k + 1, destStart, destEnd);
  if (k === j || !(c === 34 || c === 39 || c === 40)) return false;
  const t = titleEnd(st, k);
  if (t === -1) return false;
  k = skipSpace(st, t + 1);
  if (k < to && text.charCodeAt(k) === 41) return tail(st, k + 1, destStart, destEnd);
  return false;
}

function tail(st: InlineState, end: number, destStart: number, destEnd: number): true {
  st.tailEnd = end;
  st.destStart = destStart;
  st.destEnd = destEnd;
  return true;
}

/** Closing delimiter of a link title starting at `text[k]` (`"`, `'` or `(`), or -1. */
function titleEnd(st: InlineState, k: number): number {
  const { text, to } = st;
  const open = text.charCodeAt(k);
  const close = open === 40 ? 41 : open;
  for (let j = k + 1; j < to; j++) {
    const c = text.charCodeAt(j);
    if (c === 92) j++;
    else if (c === close) return j;
    else if (open === 40 && c === 40) return -1;
  }
  return -1;
}

function skipSpace(st: InlineState, j: number): number {
  const { text, to } = st;
  while (j < to) {
    const c = text.charCodeAt(j);
    if (c === 32 || c === 9 || c === 10 || c === 13) j++;
    else break;
  }
  return j;
}

/**
 * End of a raw destination starting at `s`: it stops before whitespace or a control character,
 * or before a `)` that does not close a `(` of the destination; -1 when its parentheses do not
 * balance. Parenthesis depths are indexed once per content and the next point where the depth
 * drops below the starting depth is precomputed, so that many attempts stay linear.
 */
function rawDestinationEnd(st: InlineState, s: number): number {
  // common case: a short destination, read directly (bounded, so repeated attempts stay linear)
  const { text, to } = st;
  const limit = Math.min(to, s + 256);
  let open = 0;
  for (let j = s; j < limit; j++) {
    const c = text.charCodeAt(j);
    if (c <= 32 || c === 127) return open === 0 ? j : -1;
    if (c === 92 && j + 1 < to && isAsciiPunctuation(text.charCodeAt(j + 1))) j++;
    else if (c === 40) {
      if (++open > 32) return -1; // micromark's limit on nested parentheses in a destination
    } else if (c === 41) {
      if (open === 0) return j;
      open--;
    }
  }
  if (limit === to) return open === 0 ? to : -1;
  indexParens(st);
  const pos = st.parenPos!;
  const depth = st.parenDepth!;
  const next = st.parenNext!;
  const m = pos.length;
  const w = nextSpace(st, s);
  const k0 = lowerBound(pos, s);
  const base = depth[k0];
  const j = next[k0];
  if (j !== -1 && j - 1 < m) {
    const close = pos[j - 1];
    if (close < w) return close;
  }
  const kw = lowerBound(pos, w);
  return depth[kw] === base ? w : -1;
}

function indexParens(st: InlineState): void {
  if (st.parenPos) return;
  const { text, from, to } = st;
  const positions: number[] = [];
  const depths: number[] = [];
  let d = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) { if (i + 1 < to && isAsciiPunctuation(text.charCodeAt(i + 1))) i++; continue; }
    if (c === 40 || c === 41) {
      positions.push(i);
      depths.push(d);
      d += c === 40 ? 1 : -1;
    }
  }
  depths.push(d);
  // depth before event k is depths[k]; depths[m] is the final depth. next[k]: first j > k with depths[j] < depths[k]
  const n = depths.length;
  const nextSmaller = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  for (let k = 0; k < n; k++) {
    while (stack.length && depths[stack[stack.length - 1]] > depths[k]) nextSmaller[stack.pop()!] = k;
    stack.push(k);
  }
  st.parenPos = Int32Array.from(positions);
  st.parenDepth = Int32Array.from(depths);
  st.parenNext = nextSmaller;
}

/** First whitespace or control character at or after `s` (or the end); memoised for rising `s`. */
function nextSpace(st: InlineState, s: number): number {
  if (s >= st.wsFrom && s <= st.wsAt) return st.wsAt;
  const { text, to } = st;
  let j = s;
  while (j < to) {
    const c = text.charCodeAt(j);
    if (c <= 32 || c === 127) break;
    j++;
  }
  st.wsFrom = s;
  st.wsAt = j;
  return j;
}

function lowerBound(a: Int32Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
