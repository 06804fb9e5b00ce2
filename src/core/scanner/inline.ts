import { matchEntity } from './entities';
import { matchAutolink, matchInlineHtml } from './html';
import { ForwardFinder } from './search';
import { isAsciiPunctuation, isRefPath } from './target';

/**
 * Inline pass of the scanner over one run of inline content (a paragraph, a heading, a table
 * cell): code spans, backslash escapes, links and images with the CommonMark bracket algorithm,
 * reference links (for their effect on brackets only), autolinks, raw HTML, wikilinks and
 * backtick `.md` references. Linear time: every search that could be repeated is memoised.
 */

/** Inline content to parse: `text[from, to)`; `toSource` maps an index of `text` to a note offset. */
export interface InlineSource {
  text: string;
  from: number;
  to: number;
  /** undefined when `text` is the note itself (indices are note offsets) */
  toSource?: (i: number) => number;
}

/** A link found by the scanner, in note offsets, before positions are computed. */
export interface LinkDraft {
  kind: 'link' | 'image' | 'ref' | 'wikilink';
  definition?: boolean;
  /** destination as written (angle brackets stripped) */
  raw: string;
  /** autolink e-mail address (`<a@b.c>`), whose destination is `mailto:` + raw */
  email?: boolean;
  text?: string;
  start: number;
  end: number;
  targetStart: number;
  targetEnd: number;
}

/** Normalised reference label: case-folded, inner whitespace collapsed (CommonMark matching). */
export function normalizeLabel(label: string): string {
  return label.trim().replace(/[ \t\r\n]+/g, ' ').toLowerCase().toUpperCase();
}

/** Characters that can start inline syntax (a native regex search skips ordinary text quickly). */
const SPECIAL_LINKS = /[\\`!\[\]<]/g;
const SPECIAL_TEXT = /[\\`!\[\]<&*_~]/g;

/** A bracket opener: `[` or `![` (kept in parallel number arrays: storms of 300k openers allocate nothing). */
interface Opener {
  /** index of `[` or of `!` for an image */
  pos: number;
  image: boolean;
  /** index just after `[` */
  textStart: number;
  /** number of drafts when the opener was seen (an image drops what its description produced) */
  mark: number;
}

interface Edit {
  start: number;
  end: number;
  value: string;
}

interface DelimRun {
  pos: number;
  len: number;
  ch: number;
  canOpen: boolean;
  canClose: boolean;
}

export interface InlineResult {
  /** plain text with inline markup removed (only when asked for) */
  text?: string;
}

function isSpaceChar(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0x3000
    || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f;
}

const PUNCT_RE = /[\p{P}\p{S}]/u;
function isPunctChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return isAsciiPunctuation(c);
  return PUNCT_RE.test(text[i]);
}

class InlineParser {
  private readonly text: string;
  private readonly from: number;
  private readonly to: number;
  private readonly finder: ForwardFinder;
  private readonly openerPos: number[] = [];
  private readonly openerImage: number[] = [];
  private readonly openerMark: number[] = [];
  /** link openers before this index are inactive (a link cannot contain a link) */
  private deactivatedBefore = -1;
  private readonly edits: Edit[] = [];
  private readonly delims: DelimRun[] = [];
  // code span closers: maximal backtick runs by length, with a forward pointer per length
  private codeRuns?: Map<number, number[]>;
  private readonly codePtr = new Map<number, number>();
  // raw destination ends: parenthesis events and next-smaller-depth links
  private parenPos?: Int32Array;
  private parenDepth?: Int32Array;
  private parenNext?: Int32Array;
  private wsFrom = -1;
  private wsAt = -1;

  constructor(
    private readonly src: InlineSource,
    private readonly refDefs: ReadonlySet<string>,
    private readonly drafts: LinkDraft[],
    private readonly wantText: boolean,
  ) {
    this.text = src.text;
    this.from = src.from;
    this.to = src.to;
    this.finder = new ForwardFinder(src.text, src.to);
  }

  private map(i: number): number {
    return this.src.toSource ? this.src.toSource(i) : i;
  }

  run(): InlineResult {
    const { text, to } = this;
    const special = this.wantText ? SPECIAL_TEXT : SPECIAL_LINKS;
    let i = this.from;
    while (i < to) {
      special.lastIndex = i;
      const m = special.exec(text);
      if (!m || m.index >= to) break;
      i = m.index;
      const c = text.charCodeAt(i);
      switch (c) {
        case 92: // backslash
          if (i + 1 < to && isAsciiPunctuation(text.charCodeAt(i + 1))) {
            if (this.wantText) this.edits.push({ start: i, end: i + 1, value: '' });
            i += 2;
          } else i++;
          break;
        case 96: // backtick
          i = this.codeSpan(i);
          break;
        case 33: // !
          if (i + 1 < to && text.charCodeAt(i + 1) === 91) {
            if (i + 2 < to && text.charCodeAt(i + 2) === 91) {
              const w = this.wikilink(i + 1);
              if (w !== -1) { i = w; break; }
            }
            this.pushOpener(i, 1);
            i += 2;
          } else i++;
          break;
        case 91: { // [
          if (i + 1 < to && text.charCodeAt(i + 1) === 91) {
            const w = this.wikilink(i);
            if (w !== -1) { i = w; break; }
          }
          this.pushOpener(i, 0);
          i++;
          break;
        }
        case 93: // ]
          i = this.closeBracket(i);
          break;
        case 60: // <
          i = this.angle(i);
          break;
        case 38: { // & (text mode only)
          const e = matchEntity(text, i, to);
          if (e) {
            this.edits.push({ start: i, end: i + e.length, value: e.value });
            i += e.length;
          } else i++;
          break;
        }
        default: // * _ ~ (text mode only)
          i = this.delimiterRun(i, c);
      }
    }
    return this.wantText ? { text: this.plainText() } : {};
  }

  // ---- code spans ---------------------------------------------------------------------------

  private codeSpan(i: number): number {
    const { text, to } = this;
    let j = i;
    while (j < to && text.charCodeAt(j) === 96) j++;
    const len = j - i;
    const close = this.codeCloser(j, len);
    if (close === -1) return j;
    const end = close + len;
    // CommonMark: line endings become spaces; one space is stripped from each side when both exist
    let cs = j;
    let ce = close;
    const raw = text.slice(cs, ce).replace(/\r\n|\r|\n/g, ' ');
    let content = raw;
    if (content.length >= 2 && content[0] === ' ' && content[content.length - 1] === ' ' && content.trim() !== '') {
      content = content.slice(1, -1);
    }
    if (this.wantText) this.edits.push({ start: i, end, value: content });
    // trimmed content range, for a `.md` reference
    while (cs < ce && isSpaceChar(text.charCodeAt(cs))) cs++;
    while (ce > cs && isSpaceChar(text.charCodeAt(ce - 1))) ce--;
    if (ce - cs >= 4 && ce - cs <= 4096) {
      const path = text.slice(cs, ce);
      if (isRefPath(path)) {
        this.drafts.push({
          kind: 'ref', raw: path, start: this.map(i), end: this.map(end - 1) + 1,
          targetStart: this.map(cs), targetEnd: this.map(ce - 1) + 1,
        });
      }
    }
    return end;
  }

  /** Start of the next maximal backtick run of exactly `len` characters at or after `from`, or -1. */
  private codeCloser(from: number, len: number): number {
    if (!this.codeRuns) {
      const runs = new Map<number, number[]>();
      const { text, to } = this;
      let k = text.indexOf('`', this.from);
      while (k !== -1 && k < to) {
        let e = k;
        while (e < to && text.charCodeAt(e) === 96) e++;
        const n = e - k;
        let list = runs.get(n);
        if (!list) runs.set(n, (list = []));
        list.push(k);
        k = text.indexOf('`', e);
      }
      this.codeRuns = runs;
    }
    const list = this.codeRuns.get(len);
    if (!list) return -1;
    let p = this.codePtr.get(len) ?? 0;
    while (p < list.length && list[p] < from) p++;
    this.codePtr.set(len, p);
    return p < list.length ? list[p] : -1;
  }

  // ---- wikilinks ----------------------------------------------------------------------------

  /** `[[target#heading|alias]]` at `text[i] === '['`; returns the end or -1. */
  private wikilink(i: number): number {
    const { text, to } = this;
    let j = i + 2;
    let bar = -1;
    while (j < to) {
      const c = text.charCodeAt(j);
      if (c === 93 || c === 91 || c === 10 || c === 13) break;
      if (c === 124 && bar === -1) bar = j;
      j++;
    }
    if (j + 1 >= to || text.charCodeAt(j) !== 93 || text.charCodeAt(j + 1) !== 93) return -1;
    const end = j + 2;
    if (end < to) {
      const next = text.charCodeAt(end);
      if (next === 40 || next === 91) return -1; // `[[a]](b)` and `[[a]][b]` are CommonMark brackets
    }
    const targetEnd = bar === -1 ? j : bar;
    let ts = i + 2;
    let te = targetEnd;
    while (ts < te && isSpaceChar(text.charCodeAt(ts))) ts++;
    while (te > ts && isSpaceChar(text.charCodeAt(te - 1))) te--;
    if (te === ts) return -1;
    const alias = bar === -1 ? undefined : text.slice(bar + 1, j).trim();
    const target = text.slice(ts, te);
    this.drafts.push({
      kind: 'wikilink', raw: target, text: alias, start: this.map(i), end: this.map(end - 1) + 1,
      targetStart: this.map(ts), targetEnd: this.map(te - 1) + 1,
    });
    if (this.wantText) this.edits.push({ start: i, end, value: alias || target });
    return end;
  }

  // ---- brackets -----------------------------------------------------------------------------

  private pushOpener(pos: number, image: number): void {
    this.openerPos.push(pos);
    this.openerImage.push(image);
    this.openerMark.push(this.drafts.length);
  }

  private popOpener(): Opener | undefined {
    const pos = this.openerPos.pop();
    if (pos === undefined) return undefined;
    const image = this.openerImage.pop() === 1;
    const mark = this.openerMark.pop()!;
    return { pos, image, textStart: pos + (image ? 2 : 1), mark };
  }

  private closeBracket(i: number): number {
    const { text, to } = this;
    const opener = this.popOpener();
    if (!opener) return i + 1;
    if (!opener.image && opener.pos < this.deactivatedBefore) return i + 1;
    const next = i + 1 < to ? text.charCodeAt(i + 1) : -1;
    if (next === 40 /* ( */) {
      const tail = this.linkTail(i + 1);
      if (tail) {
        if (opener.image) this.drafts.length = opener.mark;
        this.drafts.push({
          kind: opener.image ? 'image' : 'link',
          raw: text.slice(tail.destStart, tail.destEnd),
          text: text.slice(opener.textStart, i),
          start: this.map(opener.pos),
          end: this.map(tail.end - 1) + 1,
          targetStart: this.map(tail.destStart),
          targetEnd: tail.destEnd > tail.destStart ? this.map(tail.destEnd - 1) + 1 : this.map(tail.destStart),
        });
        this.formed(opener, i, tail.end);
        return tail.end;
      }
    }
    if (next === 91 /* [ */) {
      const labelEnd = this.labelEnd(i + 1);
      if (labelEnd !== -1) {
        const label = labelEnd === i + 2 ? this.shortcutLabel(opener, i) : text.slice(i + 2, labelEnd);
        if (label !== undefined && this.refDefs.has(normalizeLabel(label))) {
          if (opener.image) this.drafts.length = opener.mark;
          this.formed(opener, i, labelEnd + 1);
          return labelEnd + 1;
        }
        return i + 1;
      }
    }
    const label = this.shortcutLabel(opener, i);
    if (label !== undefined && this.refDefs.has(normalizeLabel(label))) {
      if (opener.image) this.drafts.length = opener.mark;
      this.formed(opener, i, i + 1);
    }
    return i + 1;
  }

  private shortcutLabel(opener: Opener, close: number): string | undefined {
    if (close - opener.textStart > 999) return undefined;
    const label = this.text.slice(opener.textStart, close);
    return label.trim() === '' ? undefined : label;
  }

  /** A link or image was formed from `opener` whose text ends at `close`, the construct at `end`. */
  private formed(opener: Opener, close: number, end: number): void {
    if (!opener.image) this.deactivatedBefore = opener.pos;
    if (this.wantText) {
      this.edits.push({ start: opener.pos, end: opener.textStart, value: '' });
      this.edits.push({ start: close, end, value: '' });
    }
  }

  /** `]` of a link label starting at `text[i] === '['`, or -1 (no unescaped `[`, at most 999 characters). */
  private labelEnd(i: number): number {
    const { text, to } = this;
    const limit = Math.min(to, i + 1001);
    for (let j = i + 1; j < limit; j++) {
      const c = text.charCodeAt(j);
      if (c === 92 && j + 1 < limit) j++;
      else if (c === 91) return -1;
      else if (c === 93) return j;
    }
    return -1;
  }

  /** `(dest "title")` starting at `text[p] === '('`. */
  private linkTail(p: number): { end: number; destStart: number; destEnd: number } | undefined {
    const { text, to } = this;
    let j = this.skipSpace(p + 1);
    if (j >= to) return undefined;
    let destStart = j;
    let destEnd = j;
    let c = text.charCodeAt(j);
    if (c === 41 /* ) */) return { end: j + 1, destStart: j, destEnd: j };
    if (c === 60 /* < */) {
      let k = j + 1;
      for (; k < to; k++) {
        const d = text.charCodeAt(k);
        if (d === 62 || d === 60 || d === 10 || d === 13) break;
        if (d === 92 && k + 1 < to) k++;
      }
      if (k >= to || text.charCodeAt(k) !== 62) return undefined;
      destStart = j + 1;
      destEnd = k;
      j = k + 1;
    } else {
      const e = this.rawDestinationEnd(j);
      if (e === -1 || e === j) return undefined;
      destEnd = e;
      j = e;
    }
    let k = this.skipSpace(j);
    if (k >= to) return undefined;
    c = text.charCodeAt(k);
    if (c === 41) return { end: k + 1, destStart, destEnd };
    if (k === j || !(c === 34 || c === 39 || c === 40)) return undefined;
    const t = this.titleEnd(k);
    if (t === -1) return undefined;
    k = this.skipSpace(t + 1);
    if (k < to && text.charCodeAt(k) === 41) return { end: k + 1, destStart, destEnd };
    return undefined;
  }

  /** Closing delimiter of a link title starting at `text[k]` (`"`, `'` or `(`), or -1. */
  private titleEnd(k: number): number {
    const { text, to } = this;
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

  private skipSpace(j: number): number {
    const { text, to } = this;
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
  private rawDestinationEnd(s: number): number {
    // common case: a short destination, read directly (bounded, so repeated attempts stay linear)
    const { text, to } = this;
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
    this.indexParens();
    const pos = this.parenPos!;
    const depth = this.parenDepth!;
    const next = this.parenNext!;
    const m = pos.length;
    const w = this.nextSpace(s);
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

  private indexParens(): void {
    if (this.parenPos) return;
    const { text, from, to } = this;
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
    this.parenPos = Int32Array.from(positions);
    this.parenDepth = Int32Array.from(depths);
    this.parenNext = nextSmaller;
  }

  /** First whitespace or control character at or after `s` (or the end); memoised for rising `s`. */
  private nextSpace(s: number): number {
    if (s >= this.wsFrom && s <= this.wsAt) return this.wsAt;
    const { text, to } = this;
    let j = s;
    while (j < to) {
      const c = text.charCodeAt(j);
      if (c <= 32 || c === 127) break;
      j++;
    }
    this.wsFrom = s;
    this.wsAt = j;
    return j;
  }

  // ---- autolinks and raw HTML ---------------------------------------------------------------

  private angle(i: number): number {
    const { text, to } = this;
    const auto = matchAutolink(text, i, to);
    if (auto) {
      const raw = text.slice(i + 1, auto.end - 1);
      this.drafts.push({
        kind: 'link', raw, email: auto.email || undefined, text: raw, start: this.map(i), end: this.map(auto.end - 1) + 1,
        targetStart: this.map(i + 1), targetEnd: this.map(auto.end - 2) + 1,
      });
      if (this.wantText) this.edits.push({ start: i, end: auto.end, value: raw });
      return auto.end;
    }
    const html = matchInlineHtml(text, i, to, this.finder);
    if (html !== -1) {
      if (this.wantText) this.edits.push({ start: i, end: html, value: '' });
      return html;
    }
    return i + 1;
  }

  // ---- plain text (headings) ----------------------------------------------------------------

  private delimiterRun(i: number, c: number): number {
    const { text, to } = this;
    let j = i;
    while (j < to && text.charCodeAt(j) === c) j++;
    const before = i > this.from ? i - 1 : -1;
    const after = j < to ? j : -1;
    const prevSpace = before === -1 || isSpaceChar(text.charCodeAt(before));
    const nextSpace = after === -1 || isSpaceChar(text.charCodeAt(after));
    const prevPunct = before !== -1 && isPunctChar(text, before);
    const nextPunct = after !== -1 && isPunctChar(text, after);
    const left = !nextSpace && (!nextPunct || prevSpace || prevPunct);
    const right = !prevSpace && (!prevPunct || nextSpace || nextPunct);
    let canOpen = left;
    let canClose = right;
    if (c === 95) {
      canOpen = left && (!right || prevPunct);
      canClose = right && (!left || nextPunct);
    }
    if (c === 126 && j - i > 2) { canOpen = false; canClose = false; }
    if (canOpen || canClose) this.delims.push({ pos: i, len: j - i, ch: c, canOpen, canClose });
    return j;
  }

  private plainText(): string {
    // pair emphasis / strikethrough delimiter runs (nearest opener of the same character)
    // one stack per character; a closer pairs with the top opener of its character (O(1) each)
    const stacks = new Map<number, DelimRun[]>();
    for (const d of this.delims) {
      let stack = stacks.get(d.ch);
      if (!stack) stacks.set(d.ch, (stack = []));
      const top = stack[stack.length - 1];
      if (d.canClose && top && (d.ch !== 126 || top.len === d.len)) {
        stack.pop();
        this.edits.push({ start: top.pos, end: top.pos + top.len, value: '' });
        this.edits.push({ start: d.pos, end: d.pos + d.len, value: '' });
        continue;
      }
      if (d.canOpen) stack.push(d);
    }
    const edits = this.edits.sort((a, b) => a.start - b.start || a.end - b.end);
    let out = '';
    let last = this.from;
    for (const e of edits) {
      if (e.start < last) continue; // inside an edit already applied (e.g. a run inside a code span)
      out += this.text.slice(last, e.start) + e.value;
      last = e.end;
    }
    out += this.text.slice(last, this.to);
    return out.split(/\r\n|\r|\n/).map(line => line.trim()).join('\n').trim();
  }
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

/**
 * Parses one run of inline content, appending the links it holds to `drafts` (in the order they
 * close) and, when `wantText`, returning its plain text.
 */
export function parseInline(src: InlineSource, refDefs: ReadonlySet<string>, drafts: LinkDraft[], wantText: boolean): InlineResult {
  return new InlineParser(src, refDefs, drafts, wantText).run();
}
