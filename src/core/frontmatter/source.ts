import type { FrontmatterResult } from '../model';
import type { LineIndex } from '../text/lineIndex';
import { isBlankOrComment, topLevelKey } from './fields';

/**
 * Where a frontmatter field's value is written in the note text, as the author wrote it: the rule compares
 * `version: 1.0` with an allowed `"1.0"` by its text (YAML reads the number 1), and the fixes edit one value or one
 * list item in place. Knows block mappings (`key: value` lines, values on the key line, flow lists `[a, b]` and
 * block lists `- a`) and a root flow mapping (`{title: X, domain: backend}`, over one line or several). Anything
 * else (block scalars, multi-line plain values, nested block lists …) has no source here: callers then keep to
 * the parsed value. Linear in the block's length; only called for the few fields a check or a fix needs.
 */

/** `[start, end)` offsets in the note text. */
export interface Span {
  start: number;
  end: number;
}

/** One entry of a flow collection: an item of `[a, b]`, a `key: value` pair of `{…}`. */
export interface FlowEntry {
  /** from the entry's first to its last significant character */
  span: Span;
  /** a mapping entry's key as written (quotes included) */
  key?: Span;
  /** the value after the key's `:` (an item: the whole item), without an anchor (`&a`) before it; empty when none */
  value?: Span;
  /** the `,` after the entry, or -1 */
  comma: number;
}

export interface FlowCollection {
  /** offsets of the opening and closing bracket */
  open: number;
  close: number;
  entries: FlowEntry[];
}

export interface ItemSource {
  /** the item's scalar as written */
  span: Span;
  /** an item of a flow list (`[a, b]`), where `,` and brackets end it; else of a block list (`- a`) */
  flow: boolean;
  /** the text to delete to drop the item (its separator or its line included) */
  remove: Span;
}

export interface FieldSource {
  /** the value as written on one line or as a flow collection (no anchor, no trailing comment); none for a block list */
  value?: Span;
  /** the items of a list whose items are each one scalar, in order */
  items?: ItemSource[];
}

/** The source of `field`'s value in `lines.text`, or undefined when it is absent or written in a way not read here. */
export function fieldSource(fm: FrontmatterResult, field: string, lines: LineIndex): FieldSource | undefined {
  const text = lines.text;
  const block = fm.block;
  if (!block?.closed || !fm.data || !Object.hasOwn(fm.data, field)) return undefined;
  const root = flowRoot(text, fm);
  if (root) {
    const entry = root.entries.find(e => e.key && keyText(text, e.key) === field);
    if (!entry?.value) return undefined;
    return { value: entry.value, items: flowItems(text, entry.value, block.contentEnd) };
  }
  const r = fm.fieldRanges[field];
  if (!r) return undefined;
  const keyLine = lines.lineText(r.start.line);
  const key = topLevelKey(keyLine);
  if (!key) return undefined;
  const lineStart = lines.lineStart(r.start.line);
  const start = lineStart + skipAnchor(keyLine, key.colon + 1);
  const end = lineStart + valueEnd(keyLine, key.colon + 1);
  const c = text[start];
  if (c === '[' || c === '{') {
    const coll = scanFlowCollection(text, start, block.contentEnd);
    if (!coll) return undefined;
    const value = { start, end: coll.close + 1 };
    return { value, items: c === '[' ? flowItems(text, value, block.contentEnd) : undefined };
  }
  // nothing after the key (or only an anchor): an empty span where the value would go
  if (r.end.line === r.start.line) return { value: end < start ? { start: end, end } : { start, end } };
  if (end > start) return undefined; // a plain or quoted value over several lines, a block scalar (`|`, `>`)
  const items = blockItems(lines, r.start.line + 1, r.end.line);
  return items ? { items } : undefined;
}

/** The root flow mapping of a frontmatter block (`{…}` with nothing but blanks and comments around it), or undefined. */
export function flowRoot(text: string, fm: FrontmatterResult): FlowCollection | undefined {
  const block = fm.block;
  if (!block?.closed) return undefined;
  const open = skipBlanksAndComments(text, block.contentStart, block.contentEnd, true);
  if (text[open] !== '{') return undefined;
  const coll = scanFlowCollection(text, open, block.contentEnd);
  if (!coll || skipBlanksAndComments(text, coll.close + 1, block.contentEnd, false) !== block.contentEnd) return undefined;
  return coll;
}

/**
 * The entries of the flow collection (`[…]` or `{…}`) opening at `open`, read up to `end`; undefined when it does
 * not close before `end` or holds what this reader does not follow (explicit `?` keys, an empty key, brackets that
 * do not match). Nested collections and quoted scalars are skipped over whole.
 */
function scanFlowCollection(text: string, open: number, end: number): FlowCollection | undefined {
  const mapping = text[open] === '{';
  const closer = mapping ? '}' : ']';
  const entries: FlowEntry[] = [];
  let first = -1; // the entry's first significant character
  let last = -1; // end of its last token
  let colon = -1;
  let keyEnd = -1;
  let valueStart = -1;
  let quoteEnd = -1; // end of the quoted scalar just read: `"a":b` has its `:` right after it
  let blank = true;
  const finish = (comma: number) => {
    if (first < 0) return;
    // a key without a value (`a:`) ends at its colon
    const entry: FlowEntry = { span: { start: first, end: colon >= 0 ? Math.max(last, colon + 1) : last }, comma };
    if (colon >= 0) {
      entry.key = { start: first, end: keyEnd };
      entry.value = valueStart >= 0 ? { start: valueStart, end: last } : { start: Math.max(colon + 1, last), end: Math.max(colon + 1, last) };
    } else if (mapping) {
      entry.key = entry.span;
    } else {
      entry.value = valueStart >= 0 ? { start: valueStart, end: last } : { start: last, end: last };
    }
    entries.push(entry);
    first = last = colon = keyEnd = valueStart = -1;
  };
  let i = open + 1;
  while (i < end) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') { blank = true; i++; continue; }
    if (c === '#' && blank) { i = lineEndFrom(text, i, end); continue; }
    blank = false;
    if (c === ',') {
      if (first < 0) return undefined;
      finish(i);
      blank = true;
      i++;
      continue;
    }
    if (c === closer) {
      finish(-1);
      return { open, close: i, entries };
    }
    if (c === ']' || c === '}') return undefined;
    if (first < 0 && c === '?' && isSeparator(text, i + 1, end)) return undefined;
    if (c === ':' && colon < 0 && (isSeparator(text, i + 1, end) || i === quoteEnd)) {
      if (first < 0) return undefined;
      colon = i;
      keyEnd = last;
      valueStart = -1;
      i++;
      continue;
    }
    const tokenStart = i;
    if (c === '"' || c === "'") {
      i = quotedEnd(text, i, end);
      quoteEnd = i;
    } else if (c === '[' || c === '{') {
      i = nestedEnd(text, i, end);
    } else {
      i = plainEnd(text, i + 1, end);
    }
    if (i < 0) return undefined;
    if (first < 0) first = tokenStart;
    // an anchor before a value names it: it is not part of the value
    if (valueStart < 0 && !(c === '&' && (colon >= 0 || !mapping))) valueStart = tokenStart;
    last = i;
  }
  return undefined;
}

/** A mapping key as YAML reads it: plain (blanks folded), single- or double-quoted; undefined when it cannot tell. */
export function keyText(text: string, key: Span): string | undefined {
  const s = text.slice(key.start, key.end);
  if (s.startsWith('"')) {
    try {
      const v: unknown = JSON.parse(s);
      return typeof v === 'string' ? v : undefined;
    } catch {
      return undefined;
    }
  }
  if (s.startsWith("'")) return s.length >= 2 && s.endsWith("'") && !s.includes('\n') ? s.slice(1, -1).replace(/''/g, "'") : undefined;
  return s.replace(/[ \t]*\r?\n[ \t]*/g, ' ');
}

/**
 * Where a one-line value written from `start` ends: before a trailing `# comment` and trailing blanks.
 * Quotes are followed where YAML opens them (at the value's start or after a flow indicator).
 */
export function valueEnd(line: string, start: number): number {
  let quote = '';
  let prev = '';
  let i = start;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  const first = i;
  for (; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (quote === '"' && c === '\\') { i++; continue; }
      if (c === quote) {
        if (quote === "'" && line[i + 1] === "'") { i++; continue; }
        quote = '';
        prev = c;
      }
      continue;
    }
    if ((c === '"' || c === "'") && (i === first || prev === '[' || prev === '{' || prev === ',' || prev === ':')) { quote = c; continue; }
    if (c === '#' && i > start && (line[i - 1] === ' ' || line[i - 1] === '\t')) break;
    if (c !== ' ' && c !== '\t') prev = c;
  }
  let end = i;
  while (end > start && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  return end;
}

/** The items of the flow list written at `value` when each is one scalar (no `key: value` item, no nested list). */
function flowItems(text: string, value: Span, end: number): ItemSource[] | undefined {
  if (text[value.start] !== '[') return undefined;
  const coll = scanFlowCollection(text, value.start, end);
  if (!coll) return undefined;
  const items: ItemSource[] = [];
  const { entries } = coll;
  for (let k = 0; k < entries.length; k++) {
    const e = entries[k];
    if (e.key || !e.value || e.value.start === e.value.end || isCollection(text[e.value.start])) return undefined;
    // drop `, item` (the comma before it), or the first item with the comma after it
    const remove = k > 0 ? { start: entries[k - 1].comma, end: e.span.end }
      : e.comma >= 0 ? { start: e.span.start, end: entries[k + 1]?.span.start ?? e.comma + 1 } : e.span;
    items.push({ span: e.value, flow: true, remove });
  }
  return items;
}

/** The items of a block list on lines `first`…`last` (`- a`, one scalar per line), or undefined. */
function blockItems(lines: LineIndex, first: number, last: number): ItemSource[] | undefined {
  const items: ItemSource[] = [];
  let indent = -1;
  for (let line = first; line <= last; line++) {
    const t = lines.lineText(line);
    if (isBlankOrComment(t)) continue;
    const lead = t.length - t.trimStart().length;
    if (t[lead] !== '-' || (lead + 1 < t.length && t[lead + 1] !== ' ' && t[lead + 1] !== '\t')) return undefined;
    if (indent >= 0 && lead !== indent) return undefined;
    indent = lead;
    const s = skipAnchor(t, lead + 1);
    const e = valueEnd(t, lead + 1);
    const c = t[s];
    if (e <= s || isCollection(c) || c === '-' || c === '|' || c === '>' || topLevelKey(t.slice(s, e))) return undefined;
    const at = lines.lineStart(line);
    items.push({ span: { start: at + s, end: at + e }, flow: false, remove: { start: at, end: line + 1 < lines.lineCount ? lines.lineStart(line + 1) : lines.lineEnd(line) } });
  }
  return items.length > 0 ? items : undefined;
}

function isCollection(c: string | undefined): boolean {
  return c === '[' || c === '{';
}

/** The index of a value's first character after `start`, past blanks and an anchor (`&a `) before it. */
function skipAnchor(line: string, start: number): number {
  let i = start;
  while (line[i] === ' ' || line[i] === '\t') i++;
  if (line[i] !== '&') return i;
  let j = i;
  while (j < line.length && line[j] !== ' ' && line[j] !== '\t') j++;
  if (j === line.length) return j;
  while (line[j] === ' ' || line[j] === '\t') j++;
  return j;
}

/** The first offset from `i` that is not a blank, a line break or (with `comments`, or after a blank) a comment. */
function skipBlanksAndComments(text: string, i: number, end: number, comments: boolean): number {
  let blank = comments;
  while (i < end) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') { blank = true; i++; } else if (c === '#' && blank) i = lineEndFrom(text, i, end);
    else return i;
  }
  return end;
}

/** `:` is a key separator when a blank, a line break, a flow indicator or the end follows it. */
function isSeparator(text: string, i: number, end: number): boolean {
  if (i >= end) return true;
  const c = text[i];
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === ',' || c === ']' || c === '}';
}

function lineEndFrom(text: string, i: number, end: number): number {
  while (i < end && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** The end of the quoted scalar opening at `i` (after its closing quote), or -1. */
function quotedEnd(text: string, i: number, end: number): number {
  const q = text[i];
  for (let j = i + 1; j < end; j++) {
    const c = text[j];
    if (q === '"' && c === '\\') { j++; continue; }
    if (c === q) {
      if (q === "'" && text[j + 1] === "'") { j++; continue; }
      return j + 1;
    }
  }
  return -1;
}

/** The end of the flow collection opening at `i` (after its closing bracket), or -1; quotes and comments skipped. */
function nestedEnd(text: string, i: number, end: number): number {
  const stack: string[] = [];
  let blank = false;
  let prev = '';
  while (i < end) {
    const c = text[i];
    if (c === '[' || c === '{') stack.push(c === '[' ? ']' : '}');
    else if (c === ']' || c === '}') {
      if (stack.pop() !== c) return -1;
      if (stack.length === 0) return i + 1;
    } else if ((c === '"' || c === "'") && (blank || prev === '[' || prev === '{' || prev === ',' || prev === ':')) {
      i = quotedEnd(text, i, end);
      if (i < 0) return -1;
      blank = false;
      prev = c;
      continue;
    } else if (c === '#' && blank) {
      i = lineEndFrom(text, i, end);
      continue;
    }
    blank = c === ' ' || c === '\t' || c === '\n' || c === '\r';
    if (!blank) prev = c;
    i++;
  }
  return -1;
}

/** The end of a plain scalar's run of characters from `i`: before a blank, a flow indicator or a `:` separator. */
function plainEnd(text: string, i: number, end: number): number {
  while (i < end) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === ',' || c === '[' || c === ']' || c === '{' || c === '}') break;
    if (c === ':' && isSeparator(text, i + 1, end)) break;
    i++;
  }
  return i;
}
