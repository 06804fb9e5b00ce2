import type { InlineSource, LinkDraft } from './inlineTypes';
import { angleDestinationClose } from './linkDestinations';

/**
 * Link reference definitions `[label]: destination "title"` at the start of a paragraph, as
 * CommonMark reads them: the label may span lines, the destination may sit on the next line, the
 * title may follow on the same or the next line. A GFM footnote definition `[^note]: …` is a container of the
 * block pass, not a paragraph; `[^a b]: …` (no footnote: its label holds a space) is a definition.
 */

function skipInlineSpace(text: string, j: number, to: number): number {
  while (j < to && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
  return j;
}

/** Skips spaces and tabs and at most one line ending. */
function skipSpaceOneLine(text: string, j: number, to: number): number {
  j = skipInlineSpace(text, j, to);
  if (j < to && text.charCodeAt(j) === 13) j++;
  if (j < to && text.charCodeAt(j) === 10) j++;
  return skipInlineSpace(text, j, to);
}

function isLineEnd(text: string, j: number, to: number): boolean {
  return j >= to || text.charCodeAt(j) === 10 || text.charCodeAt(j) === 13;
}

function afterLineEnd(text: string, j: number, to: number): number {
  if (j < to && text.charCodeAt(j) === 13) j++;
  if (j < to && text.charCodeAt(j) === 10) j++;
  return j;
}

interface Parsed {
  /** index after the definition's line ending */
  next: number;
  /** index after its last character */
  end: number;
  label: string;
  destStart: number;
  destEnd: number;
}

function parseOne(text: string, p: number, to: number): Parsed | undefined {
  if (text.charCodeAt(p) !== 91) return undefined;
  // label
  let j = p + 1;
  let nonBlank = false;
  for (; j < to; j++) {
    const c = text.charCodeAt(j);
    if (c === 92 && j + 1 < to) { j++; nonBlank = true; continue; }
    if (c === 91) return undefined;
    if (c === 93) break;
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) nonBlank = true;
    if (j - p > 1000) return undefined;
  }
  if (j >= to || !nonBlank || j - p - 1 > 999) return undefined;
  const labelEnd = j;
  if (j + 1 >= to || text.charCodeAt(j + 1) !== 58 /* : */) return undefined;
  // destination
  j = skipSpaceOneLine(text, j + 2, to);
  if (j >= to) return undefined;
  let destStart: number;
  let destEnd: number;
  if (text.charCodeAt(j) === 60) {
    const k = angleDestinationClose(text, j, to);
    if (k === -1) return undefined;
    destStart = j + 1;
    destEnd = k;
    j = k + 1;
  } else {
    let depth = 0;
    let k = j;
    for (; k < to; k++) {
      const c = text.charCodeAt(k);
      if (c <= 32 || c === 127) break;
      if (c === 92 && k + 1 < to && text.charCodeAt(k + 1) > 32) { k++; continue; }
      if (c === 40) { depth++; if (depth > 32) return undefined; }
      else if (c === 41) { if (depth === 0) break; depth--; }
    }
    if (k === j || depth !== 0) return undefined;
    if (k < to && text.charCodeAt(k) === 41) return undefined;
    destStart = j;
    destEnd = k;
    j = k;
  }
  const label = text.slice(p + 1, labelEnd);
  // end of the line without a title
  const afterDest = skipInlineSpace(text, j, to);
  const plainOk = isLineEnd(text, afterDest, to);
  // optional title: after whitespace, on this line or the next
  const t = skipSpaceOneLine(text, j, to);
  if (t > j && t < to) {
    const open = text.charCodeAt(t);
    if (open === 34 || open === 39 || open === 40) {
      const close = open === 40 ? 41 : open;
      let k = t + 1;
      for (; k < to; k++) {
        const c = text.charCodeAt(k);
        if (c === 92) { k++; continue; }
        if (c === close) break;
        if (open === 40 && c === 40) { k = to; break; }
      }
      if (k < to) {
        const after = skipInlineSpace(text, k + 1, to);
        if (isLineEnd(text, after, to)) return { next: afterLineEnd(text, after, to), end: k + 1, label, destStart, destEnd };
      }
    }
  }
  if (!plainOk) return undefined;
  return { next: afterLineEnd(text, afterDest, to), end: destEnd + (text.charCodeAt(destEnd) === 62 ? 1 : 0), label, destStart, destEnd };
}

/**
 * Reads the definitions at the start of a paragraph, passing each to `emit` (with its label), and
 * returns the index where the rest of the paragraph starts.
 */
export function parseDefinitions(src: InlineSource, emit: (draft: LinkDraft, label: string) => void): number {
  const { text, to } = src;
  const map = (i: number): number => (src.toSource ? src.toSource(i) : i);
  let p = src.from;
  while (p < to) {
    const d = parseOne(text, skipInlineSpace(text, p, to), to);
    if (!d) break;
    const start = skipInlineSpace(text, p, to);
    emit({
      kind: 'link', definition: true, raw: text.slice(d.destStart, d.destEnd), text: d.label,
      start: map(start), end: map(d.end - 1) + 1,
      targetStart: map(d.destStart), targetEnd: d.destEnd > d.destStart ? map(d.destEnd - 1) + 1 : map(d.destStart), html: '',
    }, d.label);
    p = d.next;
  }
  return p;
}
