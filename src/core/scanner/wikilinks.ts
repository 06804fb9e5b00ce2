import { makeDraft } from './inlineTypes';
import type { InlineState } from './inlineState';
import { isSpaceChar } from './target';

/**
 * Wikilinks of the inline pass, `[[target#heading|alias]]` (and `![[…]]` embeds): no CommonMark construct, so they
 * are read before the bracket algorithm sees their brackets, on one line, and give way to CommonMark where a `(` or
 * `[` right after them makes the brackets a link's.
 */

/**
 * `[[target#heading|alias]]` at `text[i] === '['`; returns the end or -1. In a GFM table cell the bar must be
 * written `\|` (Obsidian's form, `[[note\|alias]]`): the backslash then belongs to neither the target nor the alias.
 */
export function wikilink(st: InlineState, i: number): number {
  const { text, to } = st;
  let j = i + 2;
  let bar = -1;
  let targetEnd = -1;
  while (j < to) {
    const c = text.charCodeAt(j);
    if (c === 93 || c === 91 || c === 10 || c === 13) break;
    if (c === 124 && bar === -1) {
      bar = j;
      targetEnd = text.charCodeAt(j - 1) === 92 /* \ */ ? j - 1 : j;
    }
    j++;
  }
  if (j + 1 >= to || text.charCodeAt(j) !== 93 || text.charCodeAt(j + 1) !== 93) return -1;
  const end = j + 2;
  if (end < to) {
    const next = text.charCodeAt(end);
    if (next === 40 || next === 91) return -1; // `[[a]](b)` and `[[a]][b]` are CommonMark brackets
  }
  if (bar === -1) targetEnd = j;
  let ts = i + 2;
  let te = targetEnd;
  while (ts < te && isSpaceChar(text.charCodeAt(ts))) ts++;
  while (te > ts && isSpaceChar(text.charCodeAt(te - 1))) te--;
  if (te === ts) return -1;
  const alias = bar === -1 || !st.linkText ? undefined : text.slice(bar + 1, j).trim();
  const target = text.slice(ts, te);
  st.drafts.push(makeDraft('wikilink', target, alias, st.map(i), st.map(end - 1) + 1,
    st.map(ts), st.map(te - 1) + 1, false, false));
  if (st.wantText) st.pushEdit(i, end, alias || target);
  return end;
}
