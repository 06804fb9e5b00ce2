import type { ForwardFinder } from './search';

/**
 * Raw HTML and autolinks as CommonMark recognises them. Every matcher reads forward from a `<`
 * and stops at the first character that cannot belong to the construct; searches for distant
 * terminators go through a ForwardFinder so repeated failures stay linear.
 */

function isAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isAlnum(c: number): boolean {
  return isAlpha(c) || (c >= 48 && c <= 57);
}

function isSpaceOrLineEnd(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;
}

/** Skips whitespace (line breaks included when `multiline`); returns the new index. */
function skipSpace(text: string, i: number, end: number, multiline: boolean): number {
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || (multiline && (c === 10 || c === 13))) i++;
    else break;
  }
  return i;
}

/**
 * End (exclusive) of an open tag `<a href="x">` or closing tag `</a>` starting at `text[i] === '<'`,
 * or -1. `multiline` allows line breaks inside the tag (inline HTML); block starts use one line.
 */
export function matchTag(text: string, i: number, end: number, multiline: boolean, finder?: ForwardFinder): number {
  let j = i + 1;
  let closing = false;
  if (j < end && text.charCodeAt(j) === 47 /* / */) { closing = true; j++; }
  if (j >= end || !isAlpha(text.charCodeAt(j))) return -1;
  j++;
  while (j < end) {
    const c = text.charCodeAt(j);
    if (isAlnum(c) || c === 45) j++;
    else break;
  }
  if (closing) {
    j = skipSpace(text, j, end, multiline);
    return j < end && text.charCodeAt(j) === 62 /* > */ ? j + 1 : -1;
  }
  for (;;) {
    const beforeSpace = j;
    j = skipSpace(text, j, end, multiline);
    if (j >= end) return -1;
    let c = text.charCodeAt(j);
    if (c === 62) return j + 1;
    if (c === 47) return j + 1 < end && text.charCodeAt(j + 1) === 62 ? j + 2 : -1;
    if (j === beforeSpace) return -1; // attributes must be separated by whitespace
    // attribute name
    if (!(isAlpha(c) || c === 95 || c === 58)) return -1;
    j++;
    while (j < end) {
      c = text.charCodeAt(j);
      if (isAlnum(c) || c === 95 || c === 46 || c === 58 || c === 45) j++;
      else break;
    }
    // optional value
    const afterName = j;
    const k = skipSpace(text, j, end, multiline);
    if (k < end && text.charCodeAt(k) === 61 /* = */) {
      j = skipSpace(text, k + 1, end, multiline);
      if (j >= end) return -1;
      c = text.charCodeAt(j);
      if (c === 34 || c === 39) {
        const q = c === 34 ? '"' : "'";
        let close = -1;
        if (finder) close = finder.find(q, j + 1);
        else {
          for (let t = j + 1; t < end; t++) {
            const d = text.charCodeAt(t);
            if (d === c) { close = t; break; }
            if (!multiline && (d === 10 || d === 13)) break;
          }
        }
        if (close === -1 || close >= end) return -1;
        j = close + 1;
      } else {
        const start = j;
        while (j < end) {
          c = text.charCodeAt(j);
          if (isSpaceOrLineEnd(c) || c === 34 || c === 39 || c === 61 || c === 60 || c === 62 || c === 96) break;
          j++;
        }
        if (j === start) return -1;
      }
    } else {
      j = afterName;
    }
  }
}

/**
 * End of any inline raw HTML construct at `text[i] === '<'`: tag, comment, processing
 * instruction, declaration or CDATA section; -1 when there is none.
 */
export function matchInlineHtml(text: string, i: number, end: number, finder: ForwardFinder): number {
  const c1 = text.charCodeAt(i + 1);
  if (c1 === 33 /* ! */) {
    if (text.startsWith('<!--', i)) {
      if (text.startsWith('<!-->', i)) return i + 5;
      if (text.startsWith('<!--->', i)) return i + 6;
      const close = finder.find('-->', i + 4);
      return close === -1 ? -1 : close + 3;
    }
    if (text.startsWith('<![CDATA[', i)) {
      const close = finder.find(']]>', i + 9);
      return close === -1 ? -1 : close + 3;
    }
    if (i + 2 < end && isAlpha(text.charCodeAt(i + 2))) {
      const close = finder.find('>', i + 2);
      return close === -1 ? -1 : close + 1;
    }
    return -1;
  }
  if (c1 === 63 /* ? */) {
    const close = finder.find('?>', i + 2);
    return close === -1 ? -1 : close + 2;
  }
  return matchTag(text, i, end, true, finder);
}

/**
 * An autolink `<scheme:…>` or `<user@host>` at `text[i] === '<'`: the end (after `>`) and whether
 * it is an e-mail address; undefined when there is none.
 */
export function matchAutolink(text: string, i: number, end: number): { end: number; email: boolean } | undefined {
  let j = i + 1;
  if (j < end && isAlpha(text.charCodeAt(j))) {
    // scheme: 2..32 characters
    let k = j + 1;
    while (k < end && k - j < 33) {
      const c = text.charCodeAt(k);
      if (isAlnum(c) || c === 43 || c === 46 || c === 45) k++;
      else break;
    }
    const len = k - j;
    if (k < end && text.charCodeAt(k) === 58 && len >= 2 && len <= 32) {
      k++;
      while (k < end) {
        const c = text.charCodeAt(k);
        if (c === 62) return { end: k + 1, email: false };
        if (c <= 32 || c === 60 || c === 127) break;
        k++;
      }
    }
  }
  // e-mail: local part, @, labels of letters/digits/hyphens separated by dots
  j = i + 1;
  const localStart = j;
  while (j < end) {
    const c = text.charCodeAt(j);
    if (isAlnum(c) || (c > 32 && c < 127 && ".!#$%&'*+/=?^_`{|}~-".indexOf(text[j]) !== -1)) j++;
    else break;
  }
  if (j === localStart || j >= end || text.charCodeAt(j) !== 64 /* @ */) return undefined;
  j++;
  for (;;) {
    const labelStart = j;
    while (j < end && j - labelStart < 63) {
      const c = text.charCodeAt(j);
      if (isAlnum(c) || (c === 45 && j > labelStart)) j++;
      else break;
    }
    if (j === labelStart || text.charCodeAt(j - 1) === 45) return undefined;
    if (j >= end) return undefined;
    const c = text.charCodeAt(j);
    if (c === 62) return { end: j + 1, email: true };
    if (c !== 46) return undefined;
    j++;
  }
}

const TYPE1 = ['script', 'pre', 'style', 'textarea'];
const TYPE6 = new Set(('address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt '
  + 'fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main '
  + 'menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead title tr track ul').split(' '));

/**
 * The CommonMark HTML block type (1-7) a line starts, given the index of its first non-blank
 * character (`text[i] === '<'`) and the line end; 0 when it starts none. Type 7 cannot interrupt a
 * paragraph.
 */
export function htmlBlockStart(text: string, i: number, lineEnd: number, paragraphOpen: boolean): number {
  if (text.charCodeAt(i) !== 60) return 0;
  const c1 = text.charCodeAt(i + 1);
  if (c1 === 33) {
    if (text.startsWith('<!--', i)) return 2;
    if (text.startsWith('<![CDATA[', i)) return 5;
    if (i + 2 < lineEnd && isAlpha(text.charCodeAt(i + 2))) return 4;
    return 0;
  }
  if (c1 === 63) return 3;
  let j = i + 1;
  const closing = c1 === 47;
  if (closing) j++;
  const nameStart = j;
  while (j < lineEnd && (isAlnum(text.charCodeAt(j)) || (j > nameStart && text.charCodeAt(j) === 45))) j++;
  if (j === nameStart || !isAlpha(text.charCodeAt(nameStart))) return 0;
  const name = text.slice(nameStart, j).toLowerCase();
  const after = j < lineEnd ? text.charCodeAt(j) : -1;
  if (!closing && TYPE1.includes(name) && (after === -1 || after === 32 || after === 9 || after === 62)) return 1;
  if (TYPE6.has(name) && (after === -1 || after === 32 || after === 9 || after === 62
    || (after === 47 && text.charCodeAt(j + 1) === 62))) return 6;
  // (a closing `</pre>` is no type 1 start: it may start type 7 like any closing tag)
  if (paragraphOpen || (!closing && TYPE1.includes(name))) return 0;
  const tagEnd = matchTag(text, i, lineEnd, false);
  if (tagEnd === -1) return 0;
  for (let k = tagEnd; k < lineEnd; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9) return 0;
  }
  return 7;
}

const TYPE1_ENDS = ['</script>', '</pre>', '</style>', '</textarea>'];

/** Whether the line [from, to) ends an HTML block of the given type (types 6 and 7 end at a blank line). */
export function htmlBlockEnds(type: number, text: string, from: number, to: number): boolean {
  const line = text.slice(from, to);
  switch (type) {
    case 1: {
      const lower = line.toLowerCase();
      return TYPE1_ENDS.some(e => lower.includes(e));
    }
    case 2: return line.includes('-->');
    case 3: return line.includes('?>');
    case 4: return line.includes('>');
    case 5: return line.includes(']]>');
    default: return false;
  }
}
