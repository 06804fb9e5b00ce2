import type { Blockquote, Heading, List, ListItem, Paragraph, PhrasingContent, Root, ThematicBreak, Yaml } from 'mdast';
import type { Position } from 'unist';
import { InlineParser, type SourcePositions } from './structureInline';
import { BACKSLASH, BACKTICK, isDigit, isSpaceOrTab, PIPE, SPACE, TAB, UNSUPPORTED, unsupported } from './structureChars';
import { SourceLines } from './structureLines';
import { fencedCodeAt, htmlCommentAt, isFenceStart } from './structureLeafBlocks';
import { isDelimiterRow, parseTable } from './structureTable';

/**
 * A fast, linear, line-oriented producer of the mdast subset the structural parsers (series README,
 * coverage matrix) read: YAML frontmatter, ATX headings, paragraphs, bullet and ordered lists
 * (nested by indentation), GFM pipe tables, thematic breaks, HTML comment blocks, fenced code and block
 * quotes of paragraphs between top-level blocks, and inline text, code spans, inline links, images with a plain-text description
 * and simple emphasis — with remark's types, values and positions (line, column, offset). It answers only
 * when it is sure: any construct outside that subset (indented code, other HTML, other quotes, entities, autolinks, references,
 * footnotes, hard breaks, setext headings, blocks inside lists or under a paragraph, ambiguous
 * emphasis …) makes it return undefined,
 * and the caller falls back to the reference parser (remark). `spread` is not computed.
 */
export function parseStructureTree(text: string): Root | undefined {
  try {
    return new StructureParser(text).parse();
  } catch (e) {
    if (e === UNSUPPORTED) return undefined;
    throw e;
  }
}

type LineStart =
  | { kind: 'text' }
  | { kind: 'heading'; depth: number }
  | { kind: 'table' }
  | { kind: 'item'; ordered: boolean; marker: number; start: number; markerEnd: number; one: boolean };

/** One open list item: its list, and the column its content starts at (no tabs in indentation, so columns are offsets). */
interface Frame {
  list: List;
  item: ListItem;
  content: number;
  ordered: boolean;
  marker: number;
}

interface OpenParagraph {
  parent: Root | ListItem | Blockquote;
  /** per line: where its content starts, and its index */
  starts: number[];
  lines: number[];
}

class StructureParser implements SourcePositions {
  private readonly lines: SourceLines;
  private readonly starts: readonly number[];
  private readonly ends: readonly number[];
  private readonly stack: Frame[] = [];
  private para: OpenParagraph | undefined;
  private readonly root: Root;
  private readonly inliner = new InlineParser(this);

  constructor(private readonly text: string) {
    this.lines = new SourceLines(text);
    this.starts = this.lines.starts;
    this.ends = this.lines.ends;
    this.root = { type: 'root', children: [], position: undefined };
  }

  parse(): Root {
    const { text } = this;
    if (text.charCodeAt(0) === 0xfeff) unsupported();
    let li = this.frontmatter();
    const bodyStart = li < this.starts.length ? this.starts[li] : text.length;
    if (text.indexOf(']:', bodyStart) !== -1) unsupported();
    const count = this.starts.length;
    for (; li < count; li++) li = this.line(li);
    this.closeParagraph();
    this.closeFrames(0);
    this.root.position = { start: { line: 1, column: 1, offset: 0 }, end: this.lines.point(text.length) };
    return this.root;
  }

  private isFence(li: number): boolean {
    const { text } = this;
    const s = this.starts[li];
    const e = this.ends[li];
    if (!text.startsWith('---', s)) return false;
    for (let i = s + 3; i < e; i++) if (!isSpaceOrTab(text.charCodeAt(i))) return false;
    return true;
  }

  /** A YAML frontmatter block on the first line: returns the index of the first line after it. */
  private frontmatter(): number {
    if (this.starts.length < 2 || !this.isFence(0)) return 0;
    let close = 1;
    while (close < this.starts.length && !this.isFence(close)) close++;
    if (close === this.starts.length) unsupported();
    const value = close === 1 ? '' : this.text.slice(this.starts[1], this.ends[close - 1]);
    const node: Yaml = { type: 'yaml', value, position: this.lines.position(0, this.ends[close]) };
    this.root.children.push(node);
    return close + 1;
  }

  /** Handles line `li`; returns the last line it consumed. */
  private line(li: number): number {
    const { text } = this;
    const ls = this.starts[li];
    const le = this.ends[li];
    let p = ls;
    while (p < le && text.charCodeAt(p) === SPACE) p++;
    if (p < le && text.charCodeAt(p) === TAB) {
      let q = p;
      while (q < le && isSpaceOrTab(text.charCodeAt(q))) q++;
      if (q < le) unsupported();
      p = le;
    }
    if (p === le) {
      this.closeParagraph();
      return li;
    }
    const rule = this.checkLine(p, le);
    const indent = p - ls;
    let matched = 0;
    while (matched < this.stack.length && indent >= this.stack[matched].content) matched++;
    const base = matched ? this.stack[matched - 1].content : 0;
    if (indent - base >= 4) {
      if (!this.para) unsupported();
      this.continueParagraph(li, p);
      return li;
    }
    const fence = isFenceStart(text, p, le);
    if (rule || fence || text.startsWith('<!--', p)) {
      // under a paragraph line `---` is a setext underline, a comment or a fence interrupts it; inside a list
      // item they belong to the item: all stay with remark
      if (this.para || matched > 0) unsupported();
      this.closeFrames(0);
      if (rule) {
        const node: ThematicBreak = { type: 'thematicBreak', position: this.lines.position(p, le) };
        this.root.children.push(node);
        return li;
      }
      const leaf = fence ? fencedCodeAt(this.lines, li, p) : htmlCommentAt(this.lines, li, p);
      this.root.children.push(leaf.node);
      return leaf.last;
    }
    if (text.charCodeAt(p) === 62 /* > */) {
      if (this.para || matched > 0) unsupported();
      this.closeFrames(0);
      return this.blockquote(li, p);
    }
    const start = this.classify(li, p, le);
    if (this.para) {
      if (start.kind === 'text') {
        this.continueParagraph(li, p);
        return li;
      }
      if (start.kind === 'table') unsupported();
      if (start.kind === 'item' && !start.one && matched === this.stack.length) unsupported();
    }
    this.closeParagraph();
    switch (start.kind) {
      case 'heading':
        if (matched > 0) unsupported();
        this.closeFrames(0);
        this.root.children.push(this.heading(p, le, start.depth));
        return li;
      case 'table':
        if (matched > 0) unsupported();
        this.closeFrames(0);
        return this.table(p, li);
      case 'item':
        this.listItem(li, p, le, matched, start);
        return li;
      case 'text': {
        this.closeFrames(matched);
        const parent = matched ? this.stack[matched - 1].item : this.root;
        this.para = { parent, starts: [p], lines: [li] };
        return li;
      }
    }
  }

  /**
   * Whether the line whose content starts at `p` is a thematic break: three or more of one of `-*_`,
   * with spaces between and after. The other lines of only `-=*_` and blanks (setext underlines, mixed
   * or tabbed rules) and table delimiter rows that no supported table consumed (only `|-:` and blanks)
   * are outside the subset.
   */
  private checkLine(p: number, le: number): boolean {
    const { text } = this;
    let rule = true;
    let delimiter = true;
    let dash = false;
    let tab = false;
    for (let i = p; i < le && (rule || delimiter); i++) {
      const c = text.charCodeAt(i);
      if (c === 45) dash = true;
      if (c === TAB) tab = true;
      const blank = isSpaceOrTab(c);
      if (!(blank || c === 45 || c === 61 || c === 42 || c === 95)) rule = false;
      if (!(blank || c === 45 || c === 58 || c === PIPE)) delimiter = false;
    }
    if (rule) {
      const mark = text.charCodeAt(p);
      let marks = 0;
      for (let i = p; i < le; i++) {
        const c = text.charCodeAt(i);
        if (c === mark) marks++;
        else if (c !== SPACE) unsupported();
      }
      if (tab || mark === 61 || marks < 3) unsupported();
      return true;
    }
    if (delimiter && dash) unsupported();
    return false;
  }

  /**
   * A block quote at `p` on line `li` holding only paragraphs: every line starts with `>` (no lazy continuation),
   * a bare `>` separates paragraphs, a blank line ends it. Returns its last line.
   */
  private blockquote(li: number, p: number): number {
    const { text, starts, ends } = this;
    const quote: Blockquote = { type: 'blockquote', children: [], position: undefined };
    this.root.children.push(quote);
    let j = li;
    for (; j < starts.length; j++) {
      const ls = starts[j];
      const le = ends[j];
      let q = ls;
      while (q < le && text.charCodeAt(q) === SPACE) q++;
      if (q === le) break;
      if (q - ls > 3 || text.charCodeAt(q) !== 62) unsupported();
      q++;
      if (text.charCodeAt(q) === SPACE) q++;
      let c = q;
      while (c < le && text.charCodeAt(c) === SPACE) c++;
      if (c < le && text.charCodeAt(c) === TAB) unsupported();
      if (c === le) {
        this.closeParagraph();
        continue;
      }
      if (c - q >= 4 || this.checkLine(c, le) || isFenceStart(text, c, le) || this.classify(j, c, le).kind !== 'text') unsupported();
      if (this.para) this.continueParagraph(j, c);
      else this.para = { parent: quote, starts: [c], lines: [j] };
    }
    this.closeParagraph();
    if (quote.children.length === 0) unsupported();
    quote.position = this.lines.position(p, ends[j - 1]);
    return j - 1;
  }

  /** What a line starts, at its first non-blank character `p` (below the indented-code threshold). */
  private classify(li: number, p: number, le: number): LineStart {
    const { text } = this;
    const c = text.charCodeAt(p);
    if (c === 35 /* # */) {
      let q = p;
      while (q < le && text.charCodeAt(q) === 35) q++;
      const depth = q - p;
      if (depth > 6) return { kind: 'text' };
      if (q === le || text.charCodeAt(q) === SPACE) return { kind: 'heading', depth };
      if (text.charCodeAt(q) === TAB) unsupported();
      return { kind: 'text' };
    }
    if (c === 45 || c === 43 || c === 42) {
      const next = p + 1 < le ? text.charCodeAt(p + 1) : -1;
      if (next === SPACE) return { kind: 'item', ordered: false, marker: c, start: 0, markerEnd: p + 1, one: true };
      if (next === -1 || next === TAB) unsupported();
      return { kind: 'text' };
    }
    if (isDigit(c)) {
      let q = p;
      while (q < le && isDigit(text.charCodeAt(q))) q++;
      const d = text.charCodeAt(q);
      if (q - p > 9 || q === le || (d !== 46 && d !== 41)) return { kind: 'text' };
      const next = q + 1 < le ? text.charCodeAt(q + 1) : -1;
      if (next === SPACE) {
        const digits = text.slice(p, q);
        return { kind: 'item', ordered: true, marker: d, start: Number(digits), markerEnd: q + 1, one: digits === '1' };
      }
      if (next === -1 || next === TAB) unsupported();
      return { kind: 'text' };
    }
    if (c === 62 /* > */ || c === 60 /* < */) unsupported();
    if ((c === BACKTICK || c === 126) && text.charCodeAt(p + 1) === c && text.charCodeAt(p + 2) === c) unsupported();
    if (c === PIPE && li + 1 < this.starts.length && isDelimiterRow(this.lines, li + 1)) return { kind: 'table' };
    return { kind: 'text' };
  }

  private continueParagraph(li: number, p: number): void {
    const para = this.para as OpenParagraph;
    para.starts.push(p);
    para.lines.push(li);
  }

  private closeParagraph(): void {
    const para = this.para;
    if (!para) return;
    this.para = undefined;
    const { text } = this;
    const last = para.lines.length - 1;
    const segments: number[] = [];
    for (let k = 0; k <= last; k++) {
      const li = para.lines[k];
      const s = para.starts[k];
      let e = this.ends[li];
      if (k === last) {
        while (e > s && isSpaceOrTab(text.charCodeAt(e - 1))) e--;
      } else {
        if (text.charCodeAt(e - 1) === TAB || text.charCodeAt(e - 1) === BACKSLASH) unsupported();
        if (text.charCodeAt(e - 1) === SPACE) {
          if (text.charCodeAt(e - 2) === SPACE || text.charCodeAt(e - 2) === TAB) unsupported();
          e--;
        }
      }
      segments.push(s, e);
    }
    const start = para.starts[0];
    const end = this.ends[para.lines[last]];
    const node: Paragraph = {
      type: 'paragraph',
      children: this.inlineSegments(segments, para.lines),
      position: this.lines.position(start, end),
    };
    para.parent.children.push(node);
  }

  /** Inline content of a paragraph's lines: `segments` holds [start, end) per line; the lines are joined with their line endings. */
  private inlineSegments(segments: number[], lines: number[]): PhrasingContent[] {
    const { text } = this;
    if (segments.length === 2) return this.inline(text.slice(segments[0], segments[1]), null, segments[0], false);
    let s = '';
    let total = 0;
    for (let k = 0; k < segments.length; k += 2) {
      total += segments[k + 1] - segments[k];
      if (k + 2 < segments.length) total += this.starts[lines[k / 2 + 1]] - this.ends[lines[k / 2]];
    }
    const map = new Int32Array(total);
    let at = 0;
    for (let k = 0; k < segments.length; k += 2) {
      const parts: [number, number][] = [[segments[k], segments[k + 1]]];
      if (k + 2 < segments.length) parts.push([this.ends[lines[k / 2]], this.starts[lines[k / 2 + 1]]]);
      for (const [from, to] of parts) {
        s += text.slice(from, to);
        for (let o = from; o < to; o++) map[at++] = o;
      }
    }
    return this.inline(s, map, 0, false);
  }

  private heading(p: number, le: number, depth: number): Heading {
    const { text } = this;
    let s = p + depth;
    while (s < le && isSpaceOrTab(text.charCodeAt(s))) s++;
    let e = le;
    while (e > s && isSpaceOrTab(text.charCodeAt(e - 1))) e--;
    let h = e;
    while (h > s && text.charCodeAt(h - 1) === 35) h--;
    if (h < e && (h === s || isSpaceOrTab(text.charCodeAt(h - 1)))) {
      e = h;
      while (e > s && isSpaceOrTab(text.charCodeAt(e - 1))) e--;
    }
    return {
      type: 'heading',
      depth: depth as Heading['depth'],
      children: e > s ? this.inline(text.slice(s, e), null, s, false) : [],
      position: this.lines.position(p, le),
    };
  }

  private listItem(li: number, p: number, le: number, matched: number, start: Extract<LineStart, { kind: 'item' }>): void {
    const { text } = this;
    const candidate = matched < this.stack.length ? this.stack[matched] : undefined;
    this.closeFrames(matched);
    const parent = matched ? this.stack[matched - 1].item : this.root;
    let list: List;
    if (candidate && candidate.ordered === start.ordered && candidate.marker === start.marker) {
      list = candidate.list;
    } else {
      list = {
        type: 'list', ordered: start.ordered, start: start.ordered ? start.start : null, children: [], position: this.lines.position(p, p),
      };
      parent.children.push(list);
    }
    let c = start.markerEnd;
    while (c < le && text.charCodeAt(c) === SPACE) c++;
    if (c === le) unsupported();
    if (c - start.markerEnd > 4 || text.charCodeAt(c) === TAB) unsupported();
    if (isTaskMarker(text, c, le)) unsupported();
    const inner = this.classify(li, c, le);
    if (inner.kind !== 'text') unsupported();
    const item: ListItem = { type: 'listItem', checked: null, children: [], position: this.lines.position(p, p) };
    list.children.push(item);
    this.stack.push({ list, item, content: c - this.starts[li], ordered: start.ordered, marker: start.marker });
    this.para = { parent: item, starts: [c], lines: [li] };
  }

  /** Closes the open list items deeper than `depth`, setting their (and their lists') end positions. */
  private closeFrames(depth: number): void {
    while (this.stack.length > depth) {
      const frame = this.stack.pop() as Frame;
      const { item, list } = frame;
      const last = item.children[item.children.length - 1];
      if (last?.position && item.position) item.position.end = { ...last.position.end };
      if (item.position && list.position) list.position.end = { ...item.position.end };
    }
  }

  /** A GFM table whose header is line `li` (starting with `|` at `p`); returns its last line. */
  private table(p: number, li: number): number {
    const { node, last } = parseTable(this.lines, li, p, (s, map, base, inTable) => this.inline(s, map, base, inTable));
    this.root.children.push(node);
    return last;
  }

  /**
   * Inline content: text, code spans, inline links, images and simple emphasis; anything else in the subset's way throws.
   * `s` is the content; its character k sits at source offset `map[k]` (or `base + k` without a map).
   */
  private inline(s: string, map: Int32Array | null, base: number, inTable: boolean): PhrasingContent[] {
    return this.inliner.parse(s, map, base, inTable);
  }

  /** Source position of the content range [from, to) of an inline parser. */
  sourcePosition(map: Int32Array | null, base: number, from: number, to: number): Position {
    return map ? this.lines.position(map[from], map[to - 1] + 1) : this.lines.position(base + from, base + to);
  }
}

/** A GFM task list item marker `[ ]`, `[x]` or `[X]` followed by a blank or the end of the line at `c`. */
function isTaskMarker(text: string, c: number, le: number): boolean {
  const m = text.charCodeAt(c + 1);
  return text.charCodeAt(c) === 91 && (m === SPACE || m === TAB || m === 120 || m === 88) && text.charCodeAt(c + 2) === 93
    && (c + 3 >= le || isSpaceOrTab(text.charCodeAt(c + 3)));
}
