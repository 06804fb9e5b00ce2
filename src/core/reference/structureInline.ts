import type { Emphasis, Image, InlineCode, Link, PhrasingContent, Strong, Text } from 'mdast';
import type { Position } from 'unist';
import { isAsciiPunctuation } from '../scanner/target';
import { BACKSLASH, BACKTICK, isAsciiAlnum, isEol, isSpaceOrTab, PIPE, SPACE, unsupported } from './structureChars';

/** Where inline content sits in the source: the block parser answers for the strings it hands over. */
export interface SourcePositions {
  /** source position of the content range [from, to) of a string whose character k is at `map[k]` (or `base + k`) */
  sourcePosition(map: Int32Array | null, base: number, from: number, to: number): Position;
}

/** Replaces backslash escapes of ASCII punctuation by the character itself. */
function unescapeMarkdown(s: string): string {
  if (s.indexOf('\\') === -1) return s;
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) === BACKSLASH && i + 1 < s.length && isAsciiPunctuation(s.charCodeAt(i + 1))) {
      out += s.slice(from, i);
      from = i + 1;
      i++;
    }
  }
  return out + s.slice(from);
}

/**
 * The inline scanner, reused for every content string of a document. The flat list of pending
 * inline items (text runs, code spans, links, images, emphasis, and the `[`, `![`, `*` and `_` runs that may
 * open one) is kept in parallel
 * arrays, so bracket storms allocate no object per bracket.
 */
export class InlineParser {
  private s = '';
  private map: Int32Array | null = null;
  private base = 0;
  private inTable = false;
  /** items [0, count): node (or null for a text), text value, content range */
  private count = 0;
  private readonly itemNode: (PhrasingContent | null)[] = [];
  private readonly itemValue: string[] = [];
  private readonly itemFrom: number[] = [];
  private readonly itemTo: number[] = [];
  /** indices of the items that are a `[` which may open a link */
  private readonly openers: number[] = [];
  /** openers below this index can no longer open a link (links do not nest) */
  private inactiveBelow = 0;
  /** how many of the openers are `![` (an image's) */
  private imageOpeners = 0;
  /** the pending text run: its value and content range */
  private run = '';
  private runFrom = -1;
  private runTo = -1;
  /** item indices of the `*`, `**`, `_` and `__` runs that may open emphasis, innermost last */
  private readonly emphasis: number[] = [];
  /** backtick runs by length: their starts, and how far the search has advanced */
  private readonly ticks = new Map<number, { starts: number[]; next: number }>();

  constructor(private readonly owner: SourcePositions) {}

  parse(s: string, map: Int32Array | null, base: number, inTable: boolean): PhrasingContent[] {
    this.s = s;
    this.map = map;
    this.base = base;
    this.inTable = inTable;
    this.count = 0;
    if (this.openers.length) this.openers.length = 0;
    if (this.emphasis.length) this.emphasis.length = 0;
    this.inactiveBelow = 0;
    this.imageOpeners = 0;
    this.run = '';
    this.runFrom = -1;
    if (this.ticks.size) this.ticks.clear();
    const n = s.length;
    if (s.indexOf('`') !== -1) this.indexTicks();
    let i = 0;
    let plain = 0;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === 42 || c === 95) {
        // a run that is no delimiter stays in the plain text around it
        const j = this.delimiterRun(c, i, plain);
        if (j < 0) {
          i = -j;
        } else {
          i = j;
          plain = j;
        }
      } else if (c === BACKTICK || c === BACKSLASH || c === 91 || c === 93 || (c === 33 && s.charCodeAt(i + 1) === 91)) {
        if (plain < i) this.append(s.slice(plain, i), plain, i);
        i = this.structural(c, i);
        plain = i;
      } else {
        if (c < 128 && CHECKED[c]) this.check(c, i);
        i++;
      }
    }
    if (plain < n) this.append(s.slice(plain, n), plain, n);
    this.flush();
    return this.nodes(0);
  }

  private indexTicks(): void {
    const { s } = this;
    let i = s.indexOf('`');
    while (i !== -1) {
      let j = i;
      while (j < s.length && s.charCodeAt(j) === BACKTICK) j++;
      const len = j - i;
      let entry = this.ticks.get(len);
      if (!entry) {
        entry = { starts: [], next: 0 };
        this.ticks.set(len, entry);
      }
      entry.starts.push(i);
      i = s.indexOf('`', j);
    }
  }

  /** Start of the first backtick run of exactly `len` characters starting at or after `from`, or -1. */
  private closer(len: number, from: number): number {
    const entry = this.ticks.get(len);
    if (!entry) return -1;
    while (entry.next < entry.starts.length && entry.starts[entry.next] < from) entry.next++;
    return entry.next < entry.starts.length ? entry.starts[entry.next] : -1;
  }

  private append(value: string, from: number, to: number): void {
    if (this.runFrom === -1) this.runFrom = from;
    this.run += value;
    this.runTo = to;
  }

  private push(node: PhrasingContent | null, value: string, from: number, to: number): void {
    const k = this.count++;
    this.itemNode[k] = node;
    this.itemValue[k] = value;
    this.itemFrom[k] = from;
    this.itemTo[k] = to;
  }

  private flush(): void {
    if (this.runFrom === -1) return;
    this.push(null, this.run, this.runFrom, this.runTo);
    this.run = '';
    this.runFrom = -1;
  }

  /** Characters that stay text but may not open anything outside the subset; throws when they might. */
  private check(c: number, i: number): void {
    const { s } = this;
    const n = s.length;
    const next = i + 1 < n ? s.charCodeAt(i + 1) : -1;
    switch (c) {
      case 126: /* ~ strikethrough */
      case 64: /* @ e-mail autolink literal */
        unsupported();
        break;
      case 60: /* < html, autolink */
        if ((next >= 65 && next <= 90) || (next >= 97 && next <= 122) || next === 47 || next === 33 || next === 63) unsupported();
        return;
      case 38: /* & character reference */ {
        if (next === 35) unsupported();
        let j = i + 1;
        while (j < n && j - i <= 48 && isAsciiAlnum(s.charCodeAt(j))) j++;
        if (j > i + 1 && s.charCodeAt(j) === 59) unsupported();
        return;
      }
      case 119: /* w */
      case 87: /* W */
        if (s.charCodeAt(i + 3) === 46 && (next | 32) === 119 && (s.charCodeAt(i + 2) | 32) === 119) unsupported();
        return;
      case 104: /* h */
      case 72: /* H */
        if (startsWithLower(s, i, 'http://') || startsWithLower(s, i, 'https://')) unsupported();
        return;
    }
  }

  /** Handles a backtick run, an escape or a bracket at `i`; returns where scanning resumes. */
  private structural(c: number, i: number): number {
    const { s } = this;
    const n = s.length;
    if (c === BACKTICK) {
      let j = i;
      while (j < n && s.charCodeAt(j) === BACKTICK) j++;
      const len = j - i;
      const close = this.closer(len, j);
      if (close === -1) {
        // remark's positions after a failed code span that spans lines are irregular; cells split at pipes
        if (this.inTable || this.map) unsupported();
        this.append(s.slice(i, j), i, j);
        return j;
      }
      let value = s.slice(j, close);
      let allSpace = true;
      for (let k = 0; k < value.length; k++) {
        const v = value.charCodeAt(k);
        if (isEol(v)) unsupported();
        if (v !== SPACE) allSpace = false;
      }
      if (!allSpace && value.length >= 2 && value.charCodeAt(0) === SPACE && value.charCodeAt(value.length - 1) === SPACE) {
        value = value.slice(1, -1);
      }
      this.flush();
      const node: InlineCode = { type: 'inlineCode', value, position: this.owner.sourcePosition(this.map, this.base, i, close + len) };
      this.push(node, '', i, close + len);
      return close + len;
    }
    if (c === BACKSLASH) {
      const next = i + 1 < n ? s.charCodeAt(i + 1) : -1;
      if (isEol(next) || next === BACKTICK || (this.inTable && next === PIPE)) unsupported();
      if (next !== -1 && isAsciiPunctuation(next)) {
        this.append(s[i + 1], i, i + 2);
        return i + 2;
      }
      this.append('\\', i, i + 1);
      return i + 1;
    }
    if (c === 91 /* [ */ || c === 33 /* ![ */) {
      const image = c === 33;
      const at = image ? i + 1 : i;
      if (s.charCodeAt(at + 1) === 94 /* ^ footnote */) unsupported();
      this.flush();
      this.openers.push(this.count);
      if (image) this.imageOpeners++;
      this.push(null, s.slice(i, at + 1), i, at + 1);
      return at + 1;
    }
    return this.closeBracket(i);
  }

  /**
   * A run of `*` or `_` at `i` (CommonMark's delimiter run), in its simple, unambiguous cases only: a run of one or
   * two that can either open or close (by the flanking rules) but not both; it closes the innermost pending
   * opener when that is the same run, and stays text when nothing of its kind is pending. Runs of three or more,
   * runs that could both open and close, nesting of the same character, mismatched or crossing runs, and emphasis
   * across a pending `[` are outside the subset. Returns where scanning resumes, negated when the run stays
   * plain text (the text since `plain` is then left pending).
   */
  private delimiterRun(c: number, i: number, plain: number): number {
    const { s } = this;
    let j = i;
    while (j < s.length && s.charCodeAt(j) === c) j++;
    const len = j - i;
    if (len > 2) unsupported();
    const before = classify(i > 0 ? s.charCodeAt(i - 1) : -1);
    const after = classify(j < s.length ? s.charCodeAt(j) : -1);
    const left = after !== WHITESPACE && (after !== PUNCTUATION || before !== OTHER);
    const right = before !== WHITESPACE && (before !== PUNCTUATION || after !== OTHER);
    const opens = c === 42 ? left : left && (!right || before === PUNCTUATION);
    const closes = c === 42 ? right : right && (!left || after === PUNCTUATION);
    if (opens && closes) unsupported();
    if (!opens && !closes) return -j;
    const { emphasis } = this;
    let same = -1;
    for (let k = emphasis.length - 1; k >= 0; k--) {
      if (this.itemValue[emphasis[k]].charCodeAt(0) === c) {
        same = k;
        break;
      }
    }
    if (!opens && same === -1) return -j;
    if (plain < i) this.append(s.slice(plain, i), plain, i);
    const value = s.slice(i, j);
    if (opens) {
      if (same !== -1) unsupported();
      this.flush();
      emphasis.push(this.count);
      this.push(null, value, i, j);
      return j;
    }
    // a closer, with a pending opener of its character: it must be the innermost run and the same run
    const at = emphasis[same];
    if (same !== emphasis.length - 1 || this.itemValue[at] !== value) unsupported();
    // a `[` pending inside the emphasis may still become a link that the emphasis would cross
    if (this.openers.length > 0 && this.openers[this.openers.length - 1] > at) unsupported();
    this.flush();
    emphasis.pop();
    const from = this.itemFrom[at];
    const node: Emphasis | Strong = {
      type: len === 1 ? 'emphasis' : 'strong',
      children: this.nodes(at + 1) as Emphasis['children'],
      position: this.owner.sourcePosition(this.map, this.base, from, j),
    };
    this.count = at;
    this.push(node, '', from, j);
    return j;
  }

  /** A `]`: closes an inline link with the nearest active `[`, or stays literal. */
  private closeBracket(i: number): number {
    const { s } = this;
    if (this.openers.length > 0) {
      const top = this.openers.length - 1;
      if (top >= this.inactiveBelow && s.charCodeAt(i + 1) === 40 /* ( */) {
        const resource = this.resource(i + 2);
        this.flush();
        const at = this.openers.pop() as number;
        // an emphasis opened inside the link text and still pending would need remark's fallback rules
        if (this.emphasis.length > 0 && this.emphasis[this.emphasis.length - 1] > at) unsupported();
        const from = this.itemFrom[at];
        if (this.itemValue[at] === '![') return this.closeImage(at, from, resource);
        // a link leaves the `![` below it active (only `[` openers become inactive): remark's rules then apply
        if (this.imageOpeners > 0) unsupported();
        const link: Link = {
          type: 'link',
          title: resource.title,
          url: resource.url,
          children: this.nodes(at + 1) as Link['children'],
          position: this.owner.sourcePosition(this.map, this.base, from, resource.end),
        };
        this.count = at;
        this.push(link, '', from, resource.end);
        this.inactiveBelow = this.openers.length;
        return resource.end;
      }
      if (this.itemValue[this.openers.pop() as number] === '![') this.imageOpeners--;
      this.inactiveBelow = Math.min(this.inactiveBelow, this.openers.length);
    }
    this.append(']', i, i + 1);
    return i + 1;
  }

  /** An image whose `![` is item `at`: its description must be plain text (the alt); it deactivates no opener. */
  private closeImage(at: number, from: number, resource: { url: string; title: string | null; end: number }): number {
    this.imageOpeners--;
    let alt = '';
    for (let k = at + 1; k < this.count; k++) {
      if (this.itemNode[k]) unsupported();
      alt += this.itemValue[k];
    }
    const image: Image = {
      type: 'image',
      title: resource.title,
      url: resource.url,
      alt,
      position: this.owner.sourcePosition(this.map, this.base, from, resource.end),
    };
    this.count = at;
    this.push(image, '', from, resource.end);
    return resource.end;
  }

  /** `dest "title")` after `](`: the link's url, title and the index after `)`; unsupported when it is no resource. */
  private resource(from: number): { url: string; title: string | null; end: number } {
    const { s } = this;
    const n = s.length;
    let k = this.skipBlanks(from);
    let raw: string;
    if (s.charCodeAt(k) === 60 /* < */) {
      let j = k + 1;
      for (;;) {
        if (j >= n) unsupported();
        const c = s.charCodeAt(j);
        if (c === 62) break;
        if (c === 60 || isEol(c)) unsupported();
        j += c === BACKSLASH && j + 1 < n && isAsciiPunctuation(s.charCodeAt(j + 1)) ? 2 : 1;
      }
      raw = s.slice(k + 1, j);
      k = j + 1;
    } else {
      let j = k;
      let depth = 0;
      while (j < n) {
        const c = s.charCodeAt(j);
        if (c <= SPACE || c === 127) break;
        if (c === BACKSLASH && j + 1 < n && isAsciiPunctuation(s.charCodeAt(j + 1))) {
          j += 2;
          continue;
        }
        if (c === 60) unsupported();
        if (c === 40) {
          if (++depth > 32) unsupported();
        } else if (c === 41) {
          if (depth === 0) break;
          depth--;
        }
        j++;
      }
      if (depth !== 0) unsupported();
      raw = s.slice(k, j);
      k = j;
    }
    if (raw.indexOf('&') !== -1) unsupported();
    const afterDest = k;
    k = this.skipBlanks(k);
    let title: string | null = null;
    if (s.charCodeAt(k) !== 41 /* ) */) {
      const open = s.charCodeAt(k);
      if (k === afterDest || !(open === 34 || open === 39 || open === 40)) unsupported();
      const close = open === 40 ? 41 : open;
      let j = k + 1;
      for (;;) {
        if (j >= n) unsupported();
        const c = s.charCodeAt(j);
        if (c === close) break;
        if (isEol(c) || c === 38 || (open === 40 && c === 40)) unsupported();
        j += c === BACKSLASH && j + 1 < n && isAsciiPunctuation(s.charCodeAt(j + 1)) ? 2 : 1;
      }
      title = unescapeMarkdown(s.slice(k + 1, j));
      k = this.skipBlanks(j + 1);
      if (s.charCodeAt(k) !== 41) unsupported();
    }
    return { url: unescapeMarkdown(raw), title, end: k + 1 };
  }

  /** Skips spaces and tabs; a line ending or the end of the content there is outside the subset. */
  private skipBlanks(from: number): number {
    const { s } = this;
    let k = from;
    while (k < s.length && isSpaceOrTab(s.charCodeAt(k))) k++;
    if (k >= s.length || isEol(s.charCodeAt(k))) unsupported();
    return k;
  }

  /** The items from index `from` on as mdast nodes, adjacent texts merged into one text node. */
  private nodes(from: number): PhrasingContent[] {
    const { itemNode, itemValue, itemFrom, itemTo, count } = this;
    const out: PhrasingContent[] = [];
    let k = from;
    while (k < count) {
      const node = itemNode[k];
      if (node) {
        out.push(node);
        k++;
        continue;
      }
      const start = itemFrom[k];
      let value = itemValue[k];
      let to = itemTo[k];
      k++;
      while (k < count && !itemNode[k]) {
        value += itemValue[k];
        to = itemTo[k];
        k++;
      }
      const text: Text = { type: 'text', value, position: this.owner.sourcePosition(this.map, this.base, start, to) };
      out.push(text);
    }
    return out;
  }
}

function startsWithLower(s: string, at: number, lower: string): boolean {
  if (at + lower.length > s.length) return false;
  for (let k = 0; k < lower.length; k++) {
    const c = s.charCodeAt(at + k);
    const l = lower.charCodeAt(k);
    if (c !== l && !(l >= 97 && l <= 122 && c === l - 32)) return false;
  }
  return true;
}

const WHITESPACE = 1;
const PUNCTUATION = 2;
const OTHER = 0;
const UNICODE_WHITESPACE = /\s/;
const UNICODE_PUNCTUATION = /\p{P}|\p{S}/u;

/** micromark's class of the UTF-16 code unit next to a delimiter run (-1: the edge of the content, a whitespace). */
function classify(c: number): number {
  if (c === -1) return WHITESPACE;
  if (c < 128) return c === SPACE || (c >= 9 && c <= 13) ? WHITESPACE : isAsciiPunctuation(c) ? PUNCTUATION : OTHER;
  const ch = String.fromCharCode(c);
  if (UNICODE_WHITESPACE.test(ch)) return WHITESPACE;
  return UNICODE_PUNCTUATION.test(ch) ? PUNCTUATION : OTHER;
}

/** ASCII characters the inline scanner checks (they stay text unless they could open something outside the subset). */
const CHECKED = new Uint8Array(128);
for (const ch of '~@<&wWhH') CHECKED[ch.charCodeAt(0)] = 1;
