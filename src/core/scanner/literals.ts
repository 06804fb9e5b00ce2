import type { InlineState } from './inlineState';
import { isAsciiPunctuation } from './target';

/**
 * GFM autolink literals (`https://example.com/a`, `www.example.com`) of the inline pass. The scanner reports none
 * of them as links, but what one holds is its text: a `[`, a backtick, a backslash or an emphasis marker inside
 * `https://x.com/[a](b.md)` starts nothing (on GitHub and in remark the whole is one URL). Read as remark
 * (micromark-extension-gfm-autolink-literal) reads them: a prefix (`http://`, `https://`, `www.`) after a
 * character that lets it start, a domain, then a path up to whitespace, less the punctuation that trails it.
 * Email literals hold no link syntax, so they are read only where one ends inside a URL literal's prefix (the
 * email `a@b.http` leaves `://x[a](b.md)` as text with a link) and around an emphasis marker of a heading (see
 * inEmailLiteral).
 */

/**
 * The end of the autolink literal that holds the special character at `j`, or -1 (`plain`: where the text read as
 * text starts, after the last construct). Only the characters of the word `j` ends (back to whitespace, `plain`
 * or the last position asked about) are read, each once per run: a `[` after a space reads one character.
 */
export function literalAt(st: InlineState, j: number, plain: number): number {
  const { text } = st;
  if (st.literalStart >= plain && j < st.literalEnd) return st.literalEnd;
  const lo = st.literalTo > plain ? st.literalTo : plain;
  st.literalTo = j;
  // back to the start of the word
  let w = j;
  while (w > lo) {
    const c = text.charCodeAt(w - 1);
    if (c === 32 || c === 9 || c === 10 || c === 13) break;
    w--;
  }
  // the candidates of the word, in order: a literal found covers what follows up to its end, and so does an email
  // literal (micromark reads `a@b.http://x` as the email `a@b.http`, so no URL literal starts at its `http`)
  for (let p = w; p < j; p++) {
    const raw = text.charCodeAt(p);
    if (raw === 64 /* @ */) {
      if (p >= st.literalEnd && p >= st.literalEmailEnd) {
        const m = emailLiteralEnd(st, p);
        if (m !== -1) {
          st.literalEmailEnd = m;
          p = m - 1;
        }
      }
      continue;
    }
    const c = raw | 32;
    if ((c === 104 || c === 119) && p >= st.literalEnd && p >= st.literalEmailEnd) {
      const e = literalEnd(st, p);
      if (e !== -1) {
        st.literalStart = p;
        st.literalEnd = e;
        if (e > j) return e;
        p = e - 1;
      }
    }
  }
  return -1;
}

/** The end of `http://` or `https://` (any case) at `i`, or -1. */
function protocolEnd(text: string, i: number, to: number): number {
  if (i + 7 > to || (text.charCodeAt(i + 1) | 32) !== 116 || (text.charCodeAt(i + 2) | 32) !== 116
    || (text.charCodeAt(i + 3) | 32) !== 112) return -1;
  let j = i + 4;
  if ((text.charCodeAt(j) | 32) === 115 /* s */) j++;
  return j + 3 <= to && text.charCodeAt(j) === 58 && text.charCodeAt(j + 1) === 47 && text.charCodeAt(j + 2) === 47 ? j + 3 : -1;
}

function isWww(text: string, i: number, to: number): boolean {
  return i + 4 <= to && (text.charCodeAt(i + 1) | 32) === 119 && (text.charCodeAt(i + 2) | 32) === 119 && text.charCodeAt(i + 3) === 46;
}

/**
 * The end of the autolink literal that starts at candidate `s`, or -1 when none does: the character before it
 * must let it start (a protocol: no ASCII letter; `www.`: a space, a tab, a line ending or one of `(*_[]~`), and no `[` may be open
 * (a literal does not start inside a link's text).
 */
function literalEnd(st: InlineState, s: number): number {
  const { text, to } = st;
  if (s + 4 > to) return -1;
  const prev = s > st.from ? text.charCodeAt(s - 1) : -1;
  if (st.openerPos.length !== 0) return -1;
  let d: number;
  const p = protocolEnd(text, s, to);
  if (p === -1 && !isWww(text, s, to)) return -1;
  if (p !== -1) {
    if (prev !== -1 && ((prev | 32) >= 97 && (prev | 32) <= 122)) return -1;
    if (p >= to) return -1;
    const c = text.charCodeAt(p);
    if (c < 32 || c === 127 || isWhite(c) || isPunctuation(text, p)) return -1;
    d = p;
  } else {
    // (only a space, a tab or a line ending: micromark's markdownLineEndingOrSpace, not a no-break or CJK space)
    if (!(prev === -1 || prev === 32 || prev === 9 || prev === 10 || prev === 13 || prev === 40 || prev === 42 || prev === 95
      || prev === 91 || prev === 93 || prev === 126)) return -1;
    d = s;
  }
  const pathStart = domainEnd(text, d, to);
  return pathStart === -1 ? -1 : pathEnd(text, pathStart, to);
}

/** After the domain starting at `i` (none: -1): up to whitespace or punctuation but `-`, `.` and `_` inside it. */
function domainEnd(text: string, i: number, to: number): number {
  let seen = false;
  let underscoreLast = false;
  let underscoreBefore = false;
  let j = i;
  while (j < to) {
    const c = text.charCodeAt(j);
    if (c === 46 || c === 95) {
      if (trails(text, j, to)) break;
      if (c === 95) underscoreLast = true;
      else {
        underscoreBefore = underscoreLast;
        underscoreLast = false;
      }
      j++;
      continue;
    }
    if (isWhite(c) || (c !== 45 && isPunctuation(text, j))) break;
    seen = true;
    j++;
  }
  return seen && !underscoreLast && !underscoreBefore ? j : -1;
}

/** The end of the path from `i`: up to whitespace, less the trailing punctuation (unbalanced `)` included). */
function pathEnd(text: string, i: number, to: number): number {
  let open = 0;
  let close = 0;
  let j = i;
  while (j < to) {
    const c = text.charCodeAt(j);
    if (c === 40) {
      open++;
      j++;
      continue;
    }
    if (c === 41 && close < open) {
      close++;
      j++;
      continue;
    }
    if (TRAIL_START[c] === 1) {
      if (trails(text, j, to)) return j;
      if (c === 41) close++;
      j++;
      continue;
    }
    if (isWhite(c)) return j;
    j++;
  }
  return j;
}

/** Characters that may begin the punctuation trailing a literal: `!"&')*,.:;<?]_~`. */
const TRAIL_START = new Uint8Array(128);
for (const ch of '!"&\')*,.:;<?]_~') TRAIL_START[ch.charCodeAt(0)] = 1;

/**
 * A stretch known to trail nothing: `trails` said no from its start, after reading up to its end, so it says no
 * from anywhere inside it too (runs of punctuation stay linear).
 */
let noTrailText = '';
let noTrailFrom = 0;
let noTrailTo = 0;

/** Whether what starts at `j` is trailing punctuation up to the literal's end (whitespace, `<` or the end). */
function trails(text: string, j: number, to: number): boolean {
  if (text === noTrailText && j >= noTrailFrom && j < noTrailTo) return false;
  const from = j;
  const answer = trailsFrom(text, j, to);
  if (!answer.trails) {
    noTrailText = text;
    noTrailFrom = from;
    noTrailTo = answer.at;
  }
  return answer.trails;
}

const TRAILS = { trails: true, at: 0 };

/** `trails`, with where it decided. */
function trailsFrom(text: string, j: number, to: number): { trails: boolean; at: number } {
  while (j < to) {
    const c = text.charCodeAt(j);
    if (c === 33 || c === 34 || c === 39 || c === 41 || c === 42 || c === 44 || c === 46 || c === 58 || c === 59
      || c === 63 || c === 95 || c === 126) {
      j++;
    } else if (c === 38) {
      // `&name;` trails as a whole; any other `&` is part of the URL
      let k = j + 1;
      while (k < to && isAsciiLetter(text.charCodeAt(k))) k++;
      if (k === j + 1 || k >= to || text.charCodeAt(k) !== 59) return answer(false, k);
      j = k + 1;
    } else if (c === 93) {
      // `]` before a resource, a reference, whitespace or the end ends the literal
      const n = j + 1 < to ? text.charCodeAt(j + 1) : -1;
      if (n === -1 || n === 40 || n === 91 || isWhite(n)) return answer(true, j);
      j++;
    } else return answer(c === 60 || isWhite(c), j);
  }
  return answer(true, j);
}

function answer(trails: boolean, at: number): { trails: boolean; at: number } {
  TRAILS.trails = trails;
  TRAILS.at = at;
  return TRAILS;
}

function isAsciiLetter(c: number): boolean {
  return (c | 32) >= 97 && (c | 32) <= 122;
}

function isWhite(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || (c > 127 && WHITE.test(String.fromCharCode(c)));
}

const WHITE = /\s/u;
const PUNCTUATION = /[\p{P}\p{S}]/u;

/** Unicode punctuation or symbol (what micromark takes for punctuation) at `j`. */
function isPunctuation(text: string, j: number): boolean {
  const c = text.charCodeAt(j);
  if (c < 128) return isAsciiPunctuation(c);
  return PUNCTUATION.test(String.fromCodePoint(text.codePointAt(j)!));
}

/**
 * Whether the `_` run `[i, j)` of a heading lies inside a GFM email autolink literal as micromark reads one: the word
 * of atext (letters, digits, `+`, `-`, `.`, `_`) not after a `/` nor inside an open bracket, an `@`, and a domain of
 * letters, digits, `-` and `_` with a dot inside it, ending with a letter. The run may lie in the local part (after a
 * character of the word) or in the domain (`x@_.w`, `x@a_b.com`). Only asked until the first run of a heading is
 * found (see delimiterRun): each word is read once, and a literal found is remembered for the runs after this one.
 */
export function inEmailLiteral(st: InlineState, i: number, j: number): boolean {
  const { text, to } = st;
  if (i < st.emailEnd) return true;
  if (st.openerPos.length !== 0) return false;
  const at = atBefore(text, i, st.from);
  if (at !== -1) {
    // in the domain: the literal is the one whose `@` that is
    const m = emailLiteralEnd(st, at);
    if (m === -1 || m <= i) return false;
    st.emailEnd = m;
    return true;
  }
  if (!localPartBefore(st, i)) return false;
  let k = j;
  while (k < to && isAtext(text.charCodeAt(k))) k++;
  if (k >= to || text.charCodeAt(k) !== 64 /* @ */) return false;
  const m = emailDomainEnd(text, k, to);
  if (m === -1) return false;
  st.emailEnd = m;
  return true;
}

/** The `@` that the characters of an email domain (letters, digits, `-`, `_`, `.`) just before `i` follow, or -1. */
function atBefore(text: string, i: number, from: number): number {
  let k = i;
  while (k > from) {
    const c = text.charCodeAt(k - 1);
    if (c === 64) return k - 1;
    if (!(c === 45 || c === 46 || c === 95 || isAsciiAlnum(c))) return -1;
    k--;
  }
  return -1;
}

/**
 * The end of the email literal whose `@` is at `at` (see inEmailLiteral), or -1. Each local part is read back once:
 * it ends at this `@`, which literalAt reads once.
 */
function emailLiteralEnd(st: InlineState, at: number): number {
  return localPartBefore(st, at) ? emailDomainEnd(st.text, at, st.to) : -1;
}

/** Whether an email literal's local part may end at `i`: a character of atext before it, its run of atext not after a `/`. */
function localPartBefore(st: InlineState, i: number): boolean {
  const { text, from } = st;
  if (i === from || !isAtext(text.charCodeAt(i - 1))) return false;
  let w = i - 1;
  while (w > from && isAtext(text.charCodeAt(w - 1))) w--;
  return !(w > from && text.charCodeAt(w - 1) === 47 /* / */);
}

/** The end of a GFM email literal's domain after the `@` at `at`, or -1: letters, digits, `-` and `_`, a dot inside, a letter last. */
function emailDomainEnd(text: string, at: number, to: number): number {
  let m = at + 1;
  let dot = false;
  let data = false;
  while (m < to) {
    const c = text.charCodeAt(m);
    if (c === 46) {
      if (m + 1 >= to || !isAsciiAlnum(text.charCodeAt(m + 1))) break;
      dot = true;
    } else if (c === 45 || c === 95 || isAsciiAlnum(c)) data = true;
    else break;
    m++;
  }
  return data && dot && isAsciiLetter(text.charCodeAt(m - 1)) ? m : -1;
}

function isAtext(c: number): boolean {
  return c === 43 || c === 45 || c === 46 || c === 95 || isAsciiAlnum(c);
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || isAsciiLetter(c);
}
