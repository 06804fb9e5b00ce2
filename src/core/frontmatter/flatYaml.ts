import type { FrontmatterValue, Range } from '../model';
import { detach } from '../text/detach';

/**
 * A fast path for the frontmatter almost every note has: one `key: value` per line, values that are plain words,
 * dates, simple quoted strings or flow lists of plain words (`tags: [go, rust]`). It returns exactly what js-yaml's
 * CORE schema returns for such text, or undefined as soon as anything else appears (indentation, block lists,
 * anchors, numbers, booleans, escapes, comments after values, control characters, a lone `\r` …) so that js-yaml
 * handles every other case. One character scan over the block, no regexes, no per-line strings: only the keys
 * and values it returns are allocated. Differentially tested against js-yaml.
 */

export interface FlatFrontmatter {
  /** the parsed mapping (null-prototype object) */
  data: Record<string, FrontmatterValue>;
  /** each key's line: in a flat block every entry is exactly one line, so this equals `findFieldRanges` */
  fieldRanges: Record<string, Range>;
}

/** The YAML text as a whole: the data of `parseFlatBlock`, or undefined when js-yaml must read it. */
export function parseFlatYaml(text: string): Record<string, FrontmatterValue> | undefined {
  return parseFlatBlock(text, 0, text.length, 0)?.data;
}

/**
 * Reads `text[start, end)` (a frontmatter block's content, whose first line is line `firstLine` of the note) as
 * flat YAML; undefined when the text is anything else.
 */
export function parseFlatBlock(text: string, start: number, end: number, firstLine: number): FlatFrontmatter | undefined {
  const data = nullPrototypeObject<FrontmatterValue>();
  const fieldRanges = nullPrototypeObject<Range>();
  let line = firstLine;
  let pos = start;
  while (pos < end) {
    const c0 = text.charCodeAt(pos);
    if (c0 === 35 /* # */) {
      pos = printableEnd(text, pos + 1, end); // a whole-line comment
    } else if (c0 === 32 || c0 === 9) {
      // a blank line: an indented entry is not flat
      pos++;
      while (pos < end && isBlank(text.charCodeAt(pos))) pos++;
    } else if (c0 !== 10 && c0 !== 13) {
      const keyEnd = scanKey(text, pos, end);
      if (keyEnd < 0) return undefined;
      const key = keyAt(text, pos, keyEnd);
      if (key in data) return undefined;
      // the value: from the first non-blank after `: ` to the last non-blank before the line break
      const eol = printableEnd(text, keyEnd + 1, end);
      let vs = keyEnd + 1;
      if (vs < eol && !isBlank(text.charCodeAt(vs))) return undefined; // `a:b` is not a key
      while (vs < eol && isBlank(text.charCodeAt(vs))) vs++;
      let ve = eol;
      while (ve > vs && isBlank(text.charCodeAt(ve - 1))) ve--;
      const value = parseValue(text, vs, ve);
      if (value === undefined) return undefined;
      data[key] = value;
      fieldRanges[key] = { start: { line, character: 0 }, end: { line, character: eol - pos } };
      pos = eol;
    }
    // here `pos` is at a line break (`\n` or `\r\n`), or at the end; anything else stops the fast path
    if (pos < end) {
      const c = text.charCodeAt(pos);
      if (c === 13) {
        // a lone `\r` is a line break to YAML and to the line index: leave such text to js-yaml
        if (text.charCodeAt(pos + 1) !== 10) return undefined;
        pos++;
      } else if (c !== 10) {
        return undefined;
      }
      pos++;
      line++;
    }
  }
  return { data, fieldRanges };
}

/**
 * An empty object without prototype (YAML keys such as `__proto__` stay ordinary properties). Built as a literal
 * re-parented to null rather than with `Object.create(null)`, which V8 starts in dictionary mode: these small
 * objects of a few common keys are then faster to fill, to read and to enumerate.
 */
function nullPrototypeObject<T>(): Record<string, T> {
  return Object.setPrototypeOf({}, null) as Record<string, T>;
}

/** End of a key `[A-Za-z_][A-Za-z0-9_-]*` at `pos` followed by `:` (the colon's index), or -1. */
function scanKey(text: string, pos: number, end: number): number {
  const c0 = text.charCodeAt(pos);
  if (!(isLetter(c0) || c0 === 95)) return -1;
  let i = pos + 1;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 58 /* : */) return i;
    if (!(isLetter(c) || isDigit(c) || c === 95 || c === 45)) return -1;
    i++;
  }
  return -1;
}

/** The keys of the default configuration, returned as constants instead of fresh slices of the note. */
const COMMON_KEYS = ['title', 'note_type', 'domain', 'tags', 'created', 'updated', 'status', 'source'];

function keyAt(text: string, start: number, end: number): string {
  const len = end - start;
  for (const k of COMMON_KEYS) {
    if (k.length === len && text.startsWith(k, start)) return k;
  }
  return detach(text.slice(start, end));
}

function parseValue(text: string, s: number, e: number): FrontmatterValue | undefined {
  if (s === e) return null;
  const c = text.charCodeAt(s);
  if (c === 91 /* [ */) return flowList(text, s + 1, e);
  if (c === 34 /* " */ || c === 39 /* ' */) {
    // a quoted string without escapes: `"…"` with no `"` or `\` inside, `'…'` with no `'` inside
    if (e - s < 2 || text.charCodeAt(e - 1) !== c) return undefined;
    for (let i = s + 1; i < e - 1; i++) {
      const d = text.charCodeAt(i);
      if (d === c || (c === 34 && d === 92)) return undefined;
    }
    return detach(text.slice(s + 1, e - 1));
  }
  return isPlain(text, s, e) ? plainString(text, s, e) : undefined;
}

/** `[a, b c, d]` of plain items, `s` just after the `[`; the line must end with `]`. */
function flowList(text: string, s: number, e: number): FrontmatterValue[] | undefined {
  if (text.charCodeAt(e - 1) !== 93 /* ] */) return undefined;
  const close = e - 1;
  const items: FrontmatterValue[] = [];
  let i = s;
  while (i < close && isBlank(text.charCodeAt(i))) i++;
  if (i === close) return items; // `[]`, `[ ]`
  while (true) {
    let comma = i;
    while (comma < close && text.charCodeAt(comma) !== 44 /* , */) comma++;
    let ie = comma;
    while (ie > i && isBlank(text.charCodeAt(ie - 1))) ie--;
    if (!isPlain(text, i, ie)) return undefined; // also rejects an empty item: `[a, ]`, `[a,,b]`
    const item = plainString(text, i, ie);
    if (item === undefined) return undefined;
    items.push(item);
    if (comma === close) return items;
    i = comma + 1;
    while (i < close && isBlank(text.charCodeAt(i))) i++;
  }
}

/**
 * True when `text[s, e)` has the shape of a plain scalar that js-yaml's core schema reads as this very string:
 * a `YYYY-MM-DD` date, or a word starting with a letter, digit or non-ASCII character without YAML indicators
 * inside, which no number form can match. Reserved words are ruled out by `plainString`.
 */
function isPlain(text: string, s: number, e: number): boolean {
  if (s >= e) return false;
  if (isDateShape(text, s, e)) return true;
  const c0 = text.charCodeAt(s);
  if (!(isLetter(c0) || isDigit(c0) || c0 >= 0xa0)) return false;
  // String.prototype.trim would remove these: leave values that start or end with one to js-yaml
  if (isOtherSpace(c0) || isOtherSpace(text.charCodeAt(e - 1))) return false;
  // a word starting with a digit is a string only when some character rules out every number form
  let numberLike = isDigit(c0);
  for (let i = s + 1; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (PLAIN_EXCLUDED[c] === 1) return false;
      if (numberLike && NUMBER_CHAR[c] !== 1) numberLike = false;
    } else {
      numberLike = false;
    }
  }
  return !numberLike;
}

/** The plain word as a string, or undefined for the words YAML reads as null, booleans or special floats. */
function plainString(text: string, s: number, e: number): string | undefined {
  const v = text.slice(s, e);
  if (e - s <= 5 && RESERVED.has(v.toLowerCase())) return undefined;
  return detach(v);
}

const RESERVED = new Set(['null', 'true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n', 'nan', 'inf']);

/** A lookup table over ASCII: 1 for the given characters. */
function asciiSet(chars: string): Uint8Array {
  const t = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)] = 1;
  return t;
}

/** ASCII characters a plain word leaves to js-yaml after its first character: YAML indicators and controls. */
const PLAIN_EXCLUDED = asciiSet(':#[]{},"\'&*!|>%@`\\');
// a tab inside a word is left to js-yaml; any other control character makes it reject the stream
for (let c = 0; c < 32; c++) PLAIN_EXCLUDED[c] = 1;
PLAIN_EXCLUDED[127] = 1;

/** Characters of every YAML number form (`0x1F`, `1_000`, `1e5`, `.5` …). */
const NUMBER_CHAR = asciiSet('0123456789abcdefABCDEFxXoObB_.eE+-');

function isDateShape(text: string, s: number, e: number): boolean {
  if (e - s !== 10 || text.charCodeAt(s + 4) !== 45 || text.charCodeAt(s + 7) !== 45) return false;
  for (let i = s; i < e; i++) {
    if (i !== s + 4 && i !== s + 7 && !isDigit(text.charCodeAt(i))) return false;
  }
  return true;
}

/**
 * End of the printable text from `i`: the index of the first line break, end, or character js-yaml rejects as
 * non-printable (controls other than tab, DEL, C1 controls, U+FFFE/U+FFFF, unpaired surrogates). The caller
 * stops the fast path unless that index holds a line break.
 */
function printableEnd(text: string, i: number, end: number): number {
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 32 && c < 127) || c === 9) continue;
    if (c < 0xa0 || c >= 0xfffe) return i;
    if (c >= 0xd800 && c <= 0xdfff) {
      // only a high surrogate followed by a low one (an astral character such as an emoji) is printable
      const d = text.charCodeAt(i + 1);
      if (c > 0xdbff || i + 1 >= end || d < 0xdc00 || d > 0xdfff) return i;
      i++;
    }
  }
  return i;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Whitespace to String.prototype.trim beyond space and tab (the controls among them are rejected anyway). */
function isOtherSpace(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f
    || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
