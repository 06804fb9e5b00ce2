import type { LineIndex } from '../text/lineIndex';
import { htmlBlockEnds, htmlBlockStart } from './html';
import type { InlineSource, LinkDraft } from './inline';
import { normalizeLabel } from './inline';
import { parseDefinitions } from './definitions';

/**
 * Block pass of the scanner: one walk over the lines that follows CommonMark's container rules
 * (block quotes, list items, lazy continuation) and leaf blocks (paragraphs, ATX and setext
 * headings, fenced and indented code, HTML blocks, thematic breaks, GFM tables). Code and HTML
 * blocks are skipped; everything else becomes a unit of inline content for the inline pass.
 */

export type BlockItem =
  | { kind: 'definition'; draft: LinkDraft }
  | { kind: 'inline'; src: InlineSource }
  | { kind: 'heading'; level: number; src: InlineSource; start: number; end: number };

export interface BlockResult {
  items: BlockItem[];
  /** normalised labels of every reference definition */
  refDefs: Set<string>;
}

type Container = { kind: 'bq' } | { kind: 'li'; width: number };

interface Segment {
  start: number;
  end: number;
}

type Leaf =
  | { kind: 'none' }
  | { kind: 'para'; segs: Segment[] }
  | { kind: 'table' }
  | { kind: 'fence'; ch: number; len: number }
  | { kind: 'html'; type: number };

const NONE: Leaf = { kind: 'none' };

function colAfter(c: number, col: number): number {
  return c === 9 ? col + 4 - (col % 4) : col + 1;
}

function isBlankFrom(text: string, i: number, end: number): boolean {
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** `#`…`######` heading at `i`: level and trimmed content range. */
function atxHeading(text: string, i: number, le: number): { level: number; cs: number; ce: number } | undefined {
  let j = i;
  while (j < le && text.charCodeAt(j) === 35 && j - i < 7) j++;
  const level = j - i;
  if (level < 1 || level > 6) return undefined;
  if (j < le) {
    const c = text.charCodeAt(j);
    if (c !== 32 && c !== 9) return undefined;
  }
  let cs = j;
  while (cs < le && (text.charCodeAt(cs) === 32 || text.charCodeAt(cs) === 9)) cs++;
  let ce = le;
  while (ce > cs && (text.charCodeAt(ce - 1) === 32 || text.charCodeAt(ce - 1) === 9)) ce--;
  let k = ce;
  while (k > cs && text.charCodeAt(k - 1) === 35) k--;
  if (k === cs) ce = cs;
  else if (k < ce && (text.charCodeAt(k - 1) === 32 || text.charCodeAt(k - 1) === 9)) {
    ce = k;
    while (ce > cs && (text.charCodeAt(ce - 1) === 32 || text.charCodeAt(ce - 1) === 9)) ce--;
  }
  return { level, cs, ce };
}

/** Opening code fence at `i`: its character and length. */
function fenceStart(text: string, i: number, le: number): { ch: number; len: number } | undefined {
  const ch = text.charCodeAt(i);
  if (ch !== 96 && ch !== 126) return undefined;
  let j = i;
  while (j < le && text.charCodeAt(j) === ch) j++;
  const len = j - i;
  if (len < 3) return undefined;
  if (ch === 96 && text.slice(j, le).includes('`')) return undefined;
  return { ch, len };
}

function isThematicBreak(text: string, i: number, le: number): boolean {
  const ch = text.charCodeAt(i);
  if (ch !== 42 && ch !== 45 && ch !== 95) return false;
  let n = 0;
  for (let j = i; j < le; j++) {
    const c = text.charCodeAt(j);
    if (c === ch) n++;
    else if (c !== 32 && c !== 9) return false;
  }
  return n >= 3;
}

/** 1 for `===`, 2 for `---` (trailing spaces allowed), 0 otherwise. */
function setextLevel(text: string, i: number, le: number): number {
  const ch = text.charCodeAt(i);
  if (ch !== 61 && ch !== 45) return 0;
  let j = i;
  while (j < le && text.charCodeAt(j) === ch) j++;
  if (!isBlankFrom(text, j, le)) return 0;
  return ch === 61 ? 1 : 2;
}

/** Cells of a table row `[start, end)` split at unescaped pipes (outer pipes dropped), trimmed. */
export function splitTableRow(text: string, start: number, end: number): Segment[] {
  let s = start;
  let e = end;
  while (s < e && (text.charCodeAt(s) === 32 || text.charCodeAt(s) === 9)) s++;
  while (e > s && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
  if (s < e && text.charCodeAt(s) === 124) s++;
  if (e > s && text.charCodeAt(e - 1) === 124 && !(e - 2 >= s && text.charCodeAt(e - 2) === 92)) e--;
  const cells: Segment[] = [];
  let cellStart = s;
  for (let j = s; j <= e; j++) {
    const c = j < e ? text.charCodeAt(j) : 124;
    if (c === 92 && j + 1 < e) { j++; continue; }
    if (c === 124) {
      let a = cellStart;
      let b = j;
      while (a < b && (text.charCodeAt(a) === 32 || text.charCodeAt(a) === 9)) a++;
      while (b > a && (text.charCodeAt(b - 1) === 32 || text.charCodeAt(b - 1) === 9)) b--;
      cells.push({ start: a, end: b });
      cellStart = j + 1;
    }
  }
  return cells;
}

/** Number of cells of a GFM table delimiter row (`| --- | :-: |`), 0 when the line is not one. */
function isDelimiterRow(text: string, i: number, le: number): number {
  const cells = splitTableRow(text, i, le);
  for (const cell of cells) {
    let a = cell.start;
    let b = cell.end;
    if (a < b && text.charCodeAt(a) === 58) a++;
    if (b > a && text.charCodeAt(b - 1) === 58) b--;
    if (b === a) return 0;
    for (let k = a; k < b; k++) if (text.charCodeAt(k) !== 45) return 0;
  }
  return cells.length;
}

class BlockScanner {
  private readonly items: BlockItem[] = [];
  private readonly refDefs = new Set<string>();
  private readonly stack: Container[] = [];
  private leaf: Leaf = NONE;
  // cursor within the current line
  private pos = 0;
  private col = 0;
  private base = 0;
  private le = 0;

  constructor(private readonly text: string, private readonly bodyStart: number, private readonly lines: LineIndex) {}

  run(): BlockResult {
    const { lines } = this;
    const first = lines.positionAt(this.bodyStart).line;
    for (let l = first; l < lines.lineCount; l++) {
      const ls = Math.max(lines.lineStart(l), this.bodyStart);
      const le = lines.lineEnd(l);
      if (ls > le) continue;
      this.line(ls, le);
    }
    this.finishLeaf();
    return { items: this.items, refDefs: this.refDefs };
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
      const box = stack[matched];
      this.measure();
      const i = this.mi;
      const c = this.mc;
      if (box.kind === 'bq') {
        if (i < le && c - this.base <= 3 && text.charCodeAt(i) === 62) this.consumeQuoteMarker(i, c);
        else break;
      } else if (i >= le) {
        this.advanceTo(this.base + box.width);
      } else if (c - this.base >= box.width) {
        this.advanceTo(this.base + box.width);
      } else break;
    }
    const allMatched = matched === stack.length;

    // 2. open code fence / HTML block
    if (this.leaf.kind === 'fence' || this.leaf.kind === 'html') {
      if (allMatched) {
        this.measure();
      const i = this.mi;
      const c = this.mc;
        if (this.leaf.kind === 'fence') {
          if (i < le && c - this.base <= 3 && text.charCodeAt(i) === this.leaf.ch) {
            let j = i;
            while (j < le && text.charCodeAt(j) === this.leaf.ch) j++;
            if (j - i >= this.leaf.len && isBlankFrom(text, j, le)) this.leaf = NONE;
          }
          return;
        }
        const type = this.leaf.type;
        if (type >= 6) {
          if (i >= le) this.leaf = NONE;
        } else if (htmlBlockEnds(type, text, i, le)) this.leaf = NONE;
        return;
      }
      this.leaf = NONE;
    }

    // 3. new containers
    let opened = false;
    for (;;) {
      this.measure();
      const i = this.mi;
      const c = this.mc;
      if (i >= le || c - this.base >= 4) break;
      const ch = text.charCodeAt(i);
      if (ch === 62) {
        this.openContainer(matched);
        matched = stack.length;
        this.consumeQuoteMarker(i, c);
        stack.push({ kind: 'bq' });
        matched++;
        opened = true;
        continue;
      }
      const width = this.listItemWidth(i, c, allMatched && !opened);
      if (width === 0) break;
      this.openContainer(matched);
      matched = stack.length;
      stack.push({ kind: 'li', width });
      matched++;
      opened = true;
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

    // 4. lazy continuation of a paragraph whose containers did not all match
    if (matched < stack.length) {
      if (this.leaf.kind === 'para' && !blank && this.continuesParagraph(i, indent)) {
        this.leaf.segs.push({ start: i, end: le });
        return;
      }
      this.finishLeaf();
      stack.length = matched;
    }

    // 5. leaf blocks
    if (blank) {
      this.finishLeaf();
      return;
    }
    const leaf = this.leaf;
    if (leaf.kind === 'table') {
      if (indent < 4 && this.startsBlock(i, le)) this.finishLeaf();
      else {
        this.tableRow(i, le);
        return;
      }
    }
    if (indent >= 4) {
      if (this.leaf.kind === 'para') this.leaf.segs.push({ start: i, end: le });
      return; // indented code
    }
    const ch = text.charCodeAt(i);
    if (ch === 35) {
      const h = atxHeading(text, i, le);
      if (h) {
        this.finishLeaf();
        this.items.push({ kind: 'heading', level: h.level, src: { text, from: h.cs, to: h.ce }, start: i, end: le });
        return;
      }
    }
    if (ch === 96 || ch === 126) {
      const f = fenceStart(text, i, le);
      if (f) {
        this.finishLeaf();
        this.leaf = { kind: 'fence', ch: f.ch, len: f.len };
        return;
      }
    }
    if (ch === 60) {
      const type = htmlBlockStart(text, i, le, this.leaf.kind === 'para');
      if (type) {
        this.finishLeaf();
        this.leaf = type <= 5 && htmlBlockEnds(type, text, i, le) ? NONE : { kind: 'html', type };
        return;
      }
    }
    if (this.leaf.kind === 'para' && !opened) {
      const level = setextLevel(text, i, le);
      if (level && this.setextHeading(level, le)) return;
    }
    if (isThematicBreak(text, i, le)) {
      this.finishLeaf();
      return;
    }
    if (this.leaf.kind === 'para' && this.leaf.segs.length === 1 && !opened && (ch === 124 || ch === 45 || ch === 58)) {
      const header = this.leaf.segs[0];
      const n = isDelimiterRow(text, i, le);
      if (n > 0 && (text.slice(header.start, header.end).includes('|') || text.slice(i, le).includes('|'))
        && splitTableRow(text, header.start, header.end).length === n) {
        this.leaf = { kind: 'table' };
        this.tableRow(header.start, header.end);
        return;
      }
    }
    if (this.leaf.kind === 'para') this.leaf.segs.push({ start: i, end: le });
    else this.leaf = { kind: 'para', segs: [{ start: i, end: le }] };
  }

  /** A new container starts: the open leaf ends and so do unmatched containers. */
  private openContainer(matched: number): void {
    this.finishLeaf();
    this.stack.length = matched;
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
   * column `c`; 0 when the line does not start a list item here.
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
    if (!ordered && isThematicBreak(text, i, le)) return 0;
    const restBlank = isBlankFrom(text, markerEnd, le);
    if (this.leaf.kind === 'para') {
      if (paragraphContinues && ch === 45 && setextLevel(text, i, le) === 2) return 0;
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
    const { text, le } = this;
    if (this.startsBlock(i, le)) return false;
    return true;
  }

  /** ATX heading, code fence, HTML block (types 1-6) or thematic break at `i`. */
  private startsBlock(i: number, le: number): boolean {
    const { text } = this;
    const ch = text.charCodeAt(i);
    if (ch === 35 && atxHeading(text, i, le)) return true;
    if ((ch === 96 || ch === 126) && fenceStart(text, i, le)) return true;
    if (ch === 60 && htmlBlockStart(text, i, le, true)) return true;
    if (ch === 62) return true;
    return isThematicBreak(text, i, le);
  }

  private setextHeading(level: number, le: number): boolean {
    const leaf = this.leaf;
    if (leaf.kind !== 'para') return false;
    const src = this.paragraphSource(leaf.segs);
    const from = parseDefinitions(src, this.emitDefinition);
    if (isBlankFrom(src.text, from, src.to) || src.text.slice(from, src.to).trim() === '') {
      // the paragraph held only definitions: the underline is a thematic break or text
      this.leaf = NONE;
      return false;
    }
    const start = src.toSource ? src.toSource(from) : from;
    this.items.push({ kind: 'heading', level, src: { ...src, from }, start, end: le });
    this.leaf = NONE;
    return true;
  }

  private tableRow(start: number, end: number): void {
    for (const cell of splitTableRow(this.text, start, end)) {
      if (cell.end > cell.start) this.items.push({ kind: 'inline', src: { text: this.text, from: cell.start, to: cell.end } });
    }
  }

  private readonly emitDefinition = (draft: LinkDraft, label: string): void => {
    this.refDefs.add(normalizeLabel(label));
    this.items.push({ kind: 'definition', draft });
  };

  private finishLeaf(): void {
    const leaf = this.leaf;
    this.leaf = NONE;
    if (leaf.kind !== 'para') return;
    const src = this.paragraphSource(leaf.segs);
    const from = parseDefinitions(src, this.emitDefinition);
    if (from < src.to) this.items.push({ kind: 'inline', src: { ...src, from } });
  }

  /** The paragraph as inline content: the note itself when its lines are contiguous, else joined. */
  private paragraphSource(segs: Segment[]): InlineSource {
    const { text } = this;
    let contiguous = true;
    for (let k = 1; k < segs.length && contiguous; k++) {
      for (let j = segs[k - 1].end; j < segs[k].start; j++) {
        const c = text.charCodeAt(j);
        if (c !== 10 && c !== 13 && c !== 32 && c !== 9) { contiguous = false; break; }
      }
    }
    if (contiguous) return { text, from: segs[0].start, to: segs[segs.length - 1].end };
    const textStarts: number[] = [];
    const srcStarts: number[] = [];
    let joined = '';
    for (const seg of segs) {
      if (joined.length) joined += '\n';
      textStarts.push(joined.length);
      srcStarts.push(seg.start);
      joined += text.slice(seg.start, seg.end);
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

/** Runs the block pass over `text` from `bodyStart`. */
export function scanBlocks(text: string, bodyStart: number, lines: LineIndex): BlockResult {
  return new BlockScanner(text, bodyStart, lines).run();
}
