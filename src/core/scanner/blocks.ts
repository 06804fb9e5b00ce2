import type { LineIndex } from '../text/lineIndex';
import { atxHeading, fenceLength, hasChar, isBlankFrom, setextLevel, ThematicBreaks } from './blockStarts';
import { parseDefinitions } from './definitions';
import { htmlBlockEnds, htmlBlockStart } from './html';
import type { InlineSource, LinkDraft } from './inlineTypes';
import { cellEnd, cellStart, isDelimiterRow, isLonePipe, NextChar, splitTableRow, type TableFinder } from './tables';

/**
 * Block pass of the scanner: one walk over the lines that follows CommonMark's container rules
 * (block quotes, list items, lazy continuation) and leaf blocks (paragraphs, ATX and setext
 * headings, fenced and indented code, HTML blocks, thematic breaks, GFM tables). Code and HTML
 * blocks are skipped; everything else becomes a unit of inline content for the inline pass.
 */

/**
 * Receives what the block pass finds, in document order, as it finds it: the scanner parses each
 * run of inline content right away (while its text is fresh, without a list of items in between).
 */
export interface BlockSink {
  /** A run of inline content `text[from, to)`; `toSource` maps its indices to note offsets (undefined: `text` is the note). */
  inline(text: string, from: number, to: number, toSource: ((i: number) => number) | undefined): void;
  /** A heading: its level, its inline content (as for `inline`) and the range of the whole heading in the note. */
  heading(level: number, text: string, from: number, to: number, toSource: ((i: number) => number) | undefined, start: number, end: number): void;
  /** A reference definition: the link it makes and its label as written. */
  definition(draft: LinkDraft, label: string): void;
  /** Whether `[from, to)` of the note may hold link syntax: a table row without any is not split into cells. */
  mayHoldLinks(from: number, to: number): boolean;
  /** A line `[from, to)` of the note inside an HTML block of tags (types 6 and 7, not comments or `<pre>`). */
  htmlLine?(from: number, to: number): void;
}

/** Open container: `>` (block quote, width -1), a list item (its content width) or a footnote definition (4). */
const BLOCK_QUOTE = -1;

/** The indentation that continues a GFM footnote definition (micromark-extension-gfm-footnote). */
const FOOTNOTE_WIDTH = 4;

const enum LeafKind {
  None,
  Para,
  Table,
  Fence,
  Html,
}

/**
 * First characters of a line outside containers: 2 where a container or a block can start
 * (`#`, fences, `<`, `>`, list markers, thematic breaks), 1 where a paragraph line may be a setext
 * underline or a table delimiter row (`=`, `|`, `:`), 0 for the plain text of a paragraph.
 */
const LINE_START = new Uint8Array(128);
for (const ch of '#`~<>-*+_0123456789') LINE_START[ch.charCodeAt(0)] = 2;
for (const ch of '=|:') LINE_START[ch.charCodeAt(0)] = 1;

function colAfter(c: number, col: number): number {
  return c === 9 ? col + 4 - (col % 4) : col + 1;
}

/** Whether `[from, to)` holds only spaces, tabs and line endings (a no-break space is text to CommonMark). */
function isWhitespace(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return false;
  }
  return true;
}

/**
 * End (after the colon) of the GFM footnote definition marker `[^label]:` at `i` (`text[i] === '['`), -1 when
 * there is none. As micromark reads it: the label holds no spaces, tabs or unescaped `[` and at most 999
 * characters, and it ends on its line.
 */
function footnoteMarkerEnd(text: string, i: number, le: number): number {
  if (text.charCodeAt(i + 1) !== 94 /* ^ */) return -1;
  const labelStart = i + 2;
  let j = labelStart;
  for (; j < le; j++) {
    const c = text.charCodeAt(j);
    if (c === 93 /* ] */) break;
    if (c === 91 || c === 32 || c === 9) return -1;
    if (c === 92 /* \ */ && j + 1 < le) {
      const d = text.charCodeAt(j + 1);
      if (d === 91 || d === 92 || d === 93) j++;
    }
  }
  if (j >= le || j === labelStart || j - labelStart > 999 || text.charCodeAt(j + 1) !== 58 /* : */) return -1;
  return j + 2;
}

/**
 * Most containers (block quotes, list items, footnotes) open at once. CommonMark sets no limit, but each line
 * walks every open container, so 10,000 nested markers followed by blank lines cost 10,000 steps a line; no note
 * nests anywhere near this deep.
 */
export const MAX_CONTAINERS = 100;

class BlockScanner {
  /** open containers, outermost first: BLOCK_QUOTE or a list item's width */
  private readonly stack: number[] = [];
  /**
   * Index in `stack` of the list item that began with a blank line (nothing after its marker) and has held
   * nothing since, -1 when there is none: a blank line ends it (CommonMark §5.2, a list item can begin with at
   * most one blank line). Only the container opened last on a line can be one, and a line that holds anything
   * after the containers ends that.
   */
  private emptyItem = -1;
  private leaf = LeafKind.None;
  // the open paragraph's line segments
  private readonly segStart: number[] = [];
  private readonly segEnd: number[] = [];
  private segCount = 0;
  // the open code fence
  private fenceCh = 0;
  private fenceLen = 0;
  // the open HTML block
  private htmlType = 0;
  // cursor within the current line
  private pos = 0;
  private col = 0;
  private base = 0;
  private le = 0;

  private readonly breaks: ThematicBreaks;

  constructor(
    private readonly text: string, private readonly bodyStart: number, private readonly lines: LineIndex,
    private readonly sink: BlockSink,
  ) {
    this.breaks = new ThematicBreaks(text);
  }

  run(): void {
    const { lines, text, bodyStart } = this;
    const count = lines.lineCount;
    const first = lines.positionAt(bodyStart).line;
    // line bounds read from the index's own array (the usual LF-only text needs no lookups)
    const starts = lines.lineStarts;
    const lf = lines.lfBreaks;
    for (let l = first; l < count; l++) {
      const start = starts[l];
      const ls = start > bodyStart ? start : bodyStart;
      const le = l + 1 === count ? text.length : lf ? starts[l + 1] - 1 : lines.lineEnd(l);
      if (ls > le) continue;
      if (this.stack.length === 0 && this.plainLine(ls, le)) continue;
      this.line(ls, le);
    }
    this.finishLeaf();
  }

  /**
   * Fast path for a line outside containers (the cursor fields are not used): fenced code and
   * HTML block content, blank lines, paragraph text and table rows. False when the line needs the
   * general rules.
   */
  private plainLine(ls: number, le: number): boolean {
    const { text } = this;
    let i = ls;
    let c = 0;
    while (i < le) {
      const ch = text.charCodeAt(i);
      if (ch === 32) c++;
      else if (ch === 9) c += 4 - (c % 4);
      else break;
      i++;
    }
    const leaf = this.leaf;
    if (leaf === LeafKind.Fence) {
      const fch = this.fenceCh;
      if (i < le && c <= 3 && text.charCodeAt(i) === fch) {
        let j = i;
        while (j < le && text.charCodeAt(j) === fch) j++;
        if (j - i >= this.fenceLen && isBlankFrom(text, j, le)) this.leaf = LeafKind.None;
      }
      return true;
    }
    if (leaf === LeafKind.Html) {
      const type = this.htmlType;
      if (type >= 6) this.sink.htmlLine?.(i, le);
      if (type >= 6 ? i >= le : htmlBlockEnds(type, text, i, le)) this.leaf = LeafKind.None;
      return true;
    }
    if (i >= le) {
      this.finishLeaf();
      return true;
    }
    const ch = text.charCodeAt(i);
    if (ch === 91 /* [ */ && text.charCodeAt(i + 1) === 94 /* ^ */) return false; // may be a footnote definition
    const kind = ch < 128 ? LINE_START[ch] : 0;
    if (leaf === LeafKind.Table) {
      // a row unless a container or a block (indented code included) starts here
      if (c >= 4 || kind === 2) return false;
      this.tableRow(i, le);
      return true;
    }
    if (c >= 4 || kind !== 0) return false;
    this.paragraphLine(i, le);
    return true;
  }

  private paragraphLine(i: number, le: number): void {
    if (this.leaf !== LeafKind.Para) {
      this.leaf = LeafKind.Para;
      this.segCount = 0;
    }
    this.segStart[this.segCount] = i;
    this.segEnd[this.segCount] = le;
    this.segCount++;
  }

  /** First non-blank index from the cursor (`mi`) and its column (`mc`). */
  private mi = 0;
  private mc = 0;
  private measure(): void {
    const { text, le } = this;
    let i = this.pos;
    let c = this.col;
    while (i < le) {
      const ch = text.charCodeAt(i);
      if (ch === 32 || ch === 9) { c = colAfter(ch, c); i++; }
      else break;
    }
    this.mi = i;
    this.mc = c;
  }

  /** Moves the cursor over whitespace until the column reaches `target`; the base becomes `target`. */
  private advanceTo(target: number): void {
    const { text, le } = this;
    while (this.col < target && this.pos < le) {
      const ch = text.charCodeAt(this.pos);
      if (ch !== 32 && ch !== 9) break;
      this.col = colAfter(ch, this.col);
      this.pos++;
    }
    this.base = target;
  }

  private consumeQuoteMarker(i: number, c: number): void {
    const { text, le } = this;
    this.pos = i + 1;
    this.col = c + 1;
    this.base = this.col;
    if (this.pos < le) {
      const ch = text.charCodeAt(this.pos);
      if (ch === 32) { this.pos++; this.col++; this.base = this.col; }
      else if (ch === 9) { this.base = this.col + 1; this.col = colAfter(9, this.col); this.pos++; }
    }
  }

  private line(ls: number, le: number): void {
    const { text, stack } = this;
    this.pos = ls;
    this.col = 0;
    this.base = 0;
    this.le = le;

    // 1. existing containers
    let matched = 0;
    for (; matched < stack.length; matched++) {
      const width = stack[matched];
      this.measure();
      const i = this.mi;
      const c = this.mc;
      if (width === BLOCK_QUOTE) {
        if (i < le && c - this.base <= 3 && text.charCodeAt(i) === 62) this.consumeQuoteMarker(i, c);
        else break;
      } else if (i >= le) {
        if (matched === this.emptyItem) break;
        this.advanceTo(this.base + width);
      } else if (c - this.base >= width) {
        this.advanceTo(this.base + width);
      } else break;
    }
    const allMatched = matched === stack.length;

    // 2. open code fence / HTML block
    if (this.leaf === LeafKind.Fence || this.leaf === LeafKind.Html) {
      if (allMatched) {
        this.measure();
        const i = this.mi;
        const c = this.mc;
        if (this.leaf === LeafKind.Fence) {
          const fch = this.fenceCh;
          if (i < le && c - this.base <= 3 && text.charCodeAt(i) === fch) {
            let j = i;
            while (j < le && text.charCodeAt(j) === fch) j++;
            if (j - i >= this.fenceLen && isBlankFrom(text, j, le)) this.leaf = LeafKind.None;
          }
          return;
        }
        const type = this.htmlType;
        if (type >= 6) {
          this.sink.htmlLine?.(i, le);
          if (i >= le) this.leaf = LeafKind.None;
        } else if (htmlBlockEnds(type, text, i, le)) this.leaf = LeafKind.None;
        return;
      }
      this.leaf = LeafKind.None;
    }

    // 3. new containers
    let opened = false;
    // whether the container opened last is a list item
    let openedItem = false;
    for (;;) {
      this.measure();
      const i = this.mi;
      const c = this.mc;
      // (past MAX_CONTAINERS levels markers are text: every line walks the open containers, so depth costs per line)
      if (i >= le || c - this.base >= 4 || matched >= MAX_CONTAINERS) break;
      const ch = text.charCodeAt(i);
      if (ch === 62) {
        matched = this.openContainer(matched, BLOCK_QUOTE);
        this.consumeQuoteMarker(i, c);
        opened = true;
        openedItem = false;
        continue;
      }
      if (ch === 91) {
        // a footnote definition: its content starts after all the blanks that follow the marker (it never
        // starts indented code); deeper lines continue it when indented by four
        const markerEnd = footnoteMarkerEnd(text, i, le);
        if (markerEnd === -1) break;
        matched = this.openContainer(matched, FOOTNOTE_WIDTH);
        opened = true;
        openedItem = false;
        this.pos = markerEnd;
        this.col = c + (markerEnd - i);
        this.measure();
        this.pos = this.mi;
        this.col = this.mc;
        this.base = this.mc;
        continue;
      }
      const width = this.listItemWidth(i, c, allMatched && !opened);
      if (width === 0) break;
      matched = this.openContainer(matched, width);
      opened = true;
      openedItem = true;
      // move over the marker, then to the content column
      const markerEnd = this.markerEnd(i);
      this.col = c + (markerEnd - i);
      this.pos = markerEnd;
      this.advanceTo(this.base + width);
    }

    this.measure();
    const i = this.mi;
    const c = this.mc;
    const blank = i >= le;
    const indent = c - this.base;
    if (opened) this.emptyItem = blank && openedItem ? stack.length - 1 : -1;
    else if (!blank) this.emptyItem = -1;

    // 4. lazy continuation of a paragraph whose containers did not all match
    if (matched < stack.length) {
      if (this.leaf === LeafKind.Para && !blank && this.continuesParagraph(i, indent)) {
        this.paragraphLine(i, le);
        return;
      }
      this.finishLeaf();
      if (stack.length !== matched) stack.length = matched;
    }

    // 5. leaf blocks
    if (blank) {
      this.finishLeaf();
      return;
    }
    if (this.leaf === LeafKind.Table) {
      if (this.endsTable(i, le, indent)) this.finishLeaf();
      else {
        this.tableRow(i, le);
        return;
      }
    }
    if (indent >= 4) {
      if (this.leaf === LeafKind.Para) this.paragraphLine(i, le);
      return; // indented code
    }
    const ch = text.charCodeAt(i);
    if (ch === 35) {
      const h = atxHeading(text, i, le);
      if (h) {
        this.finishLeaf();
        this.sink.heading(h.level, text, h.cs, h.ce, undefined, i, le);
        return;
      }
    }
    if (ch === 96 || ch === 126) {
      const len = fenceLength(text, i, le);
      if (len) {
        this.finishLeaf();
        this.leaf = LeafKind.Fence;
        this.fenceCh = ch;
        this.fenceLen = len;
        return;
      }
    }
    if (ch === 60) {
      const type = htmlBlockStart(text, i, le, this.leaf === LeafKind.Para);
      if (type) {
        this.finishLeaf();
        if (type >= 6) this.sink.htmlLine?.(i, le);
        if (type <= 5 && htmlBlockEnds(type, text, i, le)) this.leaf = LeafKind.None;
        else {
          this.leaf = LeafKind.Html;
          this.htmlType = type;
        }
        return;
      }
    }
    if (this.leaf === LeafKind.Para && !opened) {
      const level = setextLevel(text, i, le);
      if (level && this.setextHeading(level, le)) return;
    }
    if (this.breaks.at(i, le)) {
      this.finishLeaf();
      return;
    }
    if (this.leaf === LeafKind.Para && !opened && (ch === 124 || ch === 45 || ch === 58)) {
      // a delimiter row makes the paragraph's last line a table's header row (GFM): the lines before it stay
      // a paragraph of their own
      const last = this.segCount - 1;
      const hs = this.segStart[last];
      const he = this.segEnd[last];
      const n = isDelimiterRow(text, i, le);
      if (n > 0 && (hasChar(text, i, le, 124) || hasChar(text, i, le, 58)) && !isLonePipe(text, hs, he)
        && splitTableRow(text, hs, he) === n) {
        if (last > 0) {
          this.segCount = last;
          this.finishLeaf();
        }
        this.leaf = LeafKind.Table;
        this.tableRow(hs, he);
        return;
      }
    }
    this.paragraphLine(i, le);
  }

  /**
   * A new container (`width` as in `stack`) starts after the `matched` ones: the open leaf ends and so do
   * unmatched containers. Returns how many containers match now (all of them).
   */
  private openContainer(matched: number, width: number): number {
    this.finishLeaf();
    const { stack } = this;
    if (stack.length !== matched) stack.length = matched; // (setting it is a runtime call)
    stack.push(width);
    return stack.length;
  }

  private markerEnd(i: number): number {
    const { text } = this;
    const ch = text.charCodeAt(i);
    if (ch === 45 || ch === 42 || ch === 43) return i + 1;
    let j = i;
    while (text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
    return j + 1;
  }

  /**
   * Width (content column relative to the current base) of a list item whose marker is at `i`,
   * column `c`; 0 when the line does not start a list item here. `paragraphContinues`: every open
   * container matched and none was opened on this line, so an open paragraph would go on.
   */
  private listItemWidth(i: number, c: number, paragraphContinues: boolean): number {
    const { text, le } = this;
    const ch = text.charCodeAt(i);
    let markerEnd: number;
    let ordered = false;
    let startsWithOne = false;
    if (ch === 45 || ch === 42 || ch === 43) markerEnd = i + 1;
    else if (ch >= 48 && ch <= 57) {
      let j = i;
      while (j < le && j - i < 10 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      if (j - i > 9 || j >= le) return 0;
      const d = text.charCodeAt(j);
      if (d !== 46 && d !== 41) return 0;
      ordered = true;
      startsWithOne = Number(text.slice(i, j)) === 1;
      markerEnd = j + 1;
    } else return 0;
    if (markerEnd < le) {
      const after = text.charCodeAt(markerEnd);
      if (after !== 32 && after !== 9) return 0;
    }
    if (!ordered && this.breaks.at(i, le)) return 0;
    const restBlank = isBlankFrom(text, markerEnd, le);
    if (paragraphContinues && this.leaf === LeafKind.Para) {
      // the item would interrupt the open paragraph (CommonMark 0.31 §5.2): `---` underlines it, and an item
      // that interrupts must hold something and, ordered, start with 1. An item whose paragraph's container
      // ended on this line (`2.` after `1. text`) interrupts nothing: it is free of these restrictions.
      if (ch === 45 && setextLevel(text, i, le) === 2) return 0;
      if (restBlank) return 0;
      if (ordered && !startsWithOne) return 0;
    }
    const markerCol = c + (markerEnd - i);
    if (restBlank) return markerCol + 1 - this.base;
    let k = markerEnd;
    let col = markerCol;
    while (k < le) {
      const d = text.charCodeAt(k);
      if (d === 32 || d === 9) { col = colAfter(d, col); k++; }
      else break;
    }
    const spaces = col - markerCol;
    return (spaces > 4 ? markerCol + 1 : col) - this.base;
  }

  /** Whether a line (not blank, no new container) would continue an open paragraph lazily. */
  private continuesParagraph(i: number, indent: number): boolean {
    if (indent >= 4) return true;
    return !this.startsBlock(i, this.le);
  }

  /**
   * Whether a line ends an open table instead of being its next row: indented code or a block start, an HTML
   * block of any type included (type 7 cannot interrupt a paragraph, but a table is none).
   */
  private endsTable(i: number, le: number, indent: number): boolean {
    if (indent >= 4) return true;
    if (this.text.charCodeAt(i) === 60) return htmlBlockStart(this.text, i, le, false) !== 0;
    return this.startsBlock(i, le);
  }

  /** ATX heading, code fence, HTML block (types 1-6) or thematic break at `i`. */
  private startsBlock(i: number, le: number): boolean {
    const { text } = this;
    const ch = text.charCodeAt(i);
    if (ch === 35 && atxHeading(text, i, le)) return true;
    if ((ch === 96 || ch === 126) && fenceLength(text, i, le)) return true;
    if (ch === 60 && htmlBlockStart(text, i, le, true)) return true;
    if (ch === 62) return true;
    return this.breaks.at(i, le);
  }

  private setextHeading(level: number, le: number): boolean {
    if (this.leaf !== LeafKind.Para) return false;
    const src = this.paragraphSource();
    const from = this.definitions(src.text, src.from, src.to, src.toSource);
    if (isWhitespace(src.text, from, src.to)) {
      // the paragraph held only definitions: the underline is a thematic break or text
      this.leaf = LeafKind.None;
      return false;
    }
    const start = src.toSource ? src.toSource(from) : from;
    this.pushHeading(level, from === src.from ? src : { text: src.text, from, to: src.to, toSource: src.toSource }, start, le);
    this.leaf = LeafKind.None;
    return true;
  }

  private pushHeading(level: number, src: InlineSource, start: number, end: number): void {
    this.sink.heading(level, src.text, src.from, src.to, src.toSource, start, end);
  }

  private tableFinder: TableFinder | undefined = undefined;

  private tableRow(start: number, end: number): void {
    // a row without link syntax holds no link in any cell: it need not be split
    if (!this.sink.mayHoldLinks(start, end)) return;
    const { text } = this;
    this.tableFinder ??= { pipe: new NextChar(text, '|'), backslash: new NextChar(text, '\\') };
    const n = splitTableRow(text, start, end, this.tableFinder);
    for (let k = 0; k < n; k++) {
      const a = cellStart[k];
      const b = cellEnd[k];
      if (b > a) this.sink.inline(text, a, b, undefined);
    }
  }

  private readonly emitDefinition = (draft: LinkDraft, label: string): void => this.sink.definition(draft, label);

  /** Reads the definitions at the start of a paragraph; returns where the rest starts. */
  private definitions(text: string, from: number, to: number, toSource: ((i: number) => number) | undefined): number {
    let p = from;
    while (p < to && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
    if (p >= to || text.charCodeAt(p) !== 91) return from;
    return parseDefinitions({ text, from, to, toSource }, this.emitDefinition);
  }

  private finishLeaf(): void {
    const leaf = this.leaf;
    this.leaf = LeafKind.None;
    if (leaf !== LeafKind.Para) return;
    if (this.contiguous()) {
      // the usual case: the paragraph is a stretch of the note (no source object needed)
      const { text } = this;
      const to = this.segEnd[this.segCount - 1];
      const from = this.definitions(text, this.segStart[0], to, undefined);
      if (from < to) this.sink.inline(text, from, to, undefined);
      return;
    }
    const src = this.joinedSource();
    const from = this.definitions(src.text, src.from, src.to, src.toSource);
    if (from < src.to) this.sink.inline(src.text, from, src.to, src.toSource);
  }

  /** Whether the open paragraph's lines are contiguous in the note (only line breaks and blanks between them). */
  private contiguous(): boolean {
    const { text, segStart, segEnd, segCount } = this;
    for (let k = 1; k < segCount; k++) {
      for (let j = segEnd[k - 1]; j < segStart[k]; j++) {
        const c = text.charCodeAt(j);
        if (c !== 10 && c !== 13 && c !== 32 && c !== 9) return false;
      }
    }
    return true;
  }

  /** The open paragraph as inline content: the note itself when its lines are contiguous, else joined. */
  private paragraphSource(): InlineSource {
    if (this.contiguous()) return { text: this.text, from: this.segStart[0], to: this.segEnd[this.segCount - 1] };
    return this.joinedSource();
  }

  /** The open paragraph's lines joined by line breaks (its lines are not contiguous in the note). */
  private joinedSource(): InlineSource {
    const { text, segStart, segEnd, segCount } = this;
    const textStarts: number[] = [];
    const srcStarts: number[] = [];
    let joined = '';
    for (let k = 0; k < segCount; k++) {
      if (joined.length) joined += '\n';
      textStarts.push(joined.length);
      srcStarts.push(segStart[k]);
      joined += text.slice(segStart[k], segEnd[k]);
    }
    const toSource = (i: number): number => {
      let lo = 0;
      let hi = textStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (textStarts[mid] <= i) lo = mid;
        else hi = mid - 1;
      }
      return srcStarts[lo] + (i - textStarts[lo]);
    };
    return { text: joined, from: 0, to: joined.length, toSource };
  }
}

/** Runs the block pass over `text` from `bodyStart`, handing what it finds to `sink`. */
export function scanBlocks(text: string, bodyStart: number, lines: LineIndex, sink: BlockSink): void {
  new BlockScanner(text, bodyStart, lines, sink).run();
}
