import type { LineIndex } from '../text/lineIndex';
import { BlockState, colAfter, LeafKind, type BlockSink } from './blockState';
import { atxHeading, fenceLength, hasChar, isBlankFrom, setextLevel } from './blockStarts';
import { htmlBlockEnds, htmlBlockStart } from './html';
import { finishLeaf, paragraphLine, setextHeading } from './paragraphs';
import { startsTable, tableRow } from './tables';

/**
 * Block pass of the scanner: one walk over the lines that follows CommonMark's container rules
 * (block quotes, list items, lazy continuation) and leaf blocks (paragraphs, ATX and setext
 * headings, fenced and indented code, HTML blocks, thematic breaks, GFM tables). Code and HTML
 * blocks are skipped; everything else becomes a unit of inline content for the inline pass.
 */

/** Open container: `>` (block quote, width -1), a list item (its content width) or a footnote definition (4). */
const BLOCK_QUOTE = -1;

/** The indentation that continues a GFM footnote definition (micromark-extension-gfm-footnote). */
const FOOTNOTE_WIDTH = 4;

/**
 * First characters of a line outside containers: 2 where a container or a block can start
 * (`#`, fences, `<`, `>`, list markers, thematic breaks), 1 where a paragraph line may be a setext
 * underline or a table delimiter row (`=`, `|`, `:`), 0 for the plain text of a paragraph.
 */
const LINE_START = new Uint8Array(128);
for (const ch of '#`~<>-*+_0123456789') LINE_START[ch.charCodeAt(0)] = 2;
for (const ch of '=|:') LINE_START[ch.charCodeAt(0)] = 1;

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

function run(st: BlockState): void {
  const { lines, text, bodyStart } = st;
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
    if (st.stack.length === 0 && plainLine(st, ls, le)) continue;
    line(st, ls, le);
  }
  finishLeaf(st);
}

/**
 * Fast path for a line outside containers (the cursor fields are not used): fenced code and
 * HTML block content, blank lines, paragraph text and table rows. False when the line needs the
 * general rules.
 */
function plainLine(st: BlockState, ls: number, le: number): boolean {
  const { text } = st;
  let i = ls;
  let c = 0;
  while (i < le) {
    const ch = text.charCodeAt(i);
    if (ch === 32) c++;
    else if (ch === 9) c += 4 - (c % 4);
    else break;
    i++;
  }
  const leaf = st.leaf;
  if (leaf === LeafKind.Fence) {
    const fch = st.fenceCh;
    if (i < le && c <= 3 && text.charCodeAt(i) === fch) {
      let j = i;
      while (j < le && text.charCodeAt(j) === fch) j++;
      if (j - i >= st.fenceLen && isBlankFrom(text, j, le)) st.leaf = LeafKind.None;
    }
    return true;
  }
  if (leaf === LeafKind.Html) {
    const type = st.htmlType;
    if (type >= 6) st.sink.htmlLine?.(i, le);
    if (type >= 6 ? i >= le : htmlBlockEnds(type, text, i, le)) st.leaf = LeafKind.None;
    return true;
  }
  if (i >= le) {
    finishLeaf(st);
    return true;
  }
  const ch = text.charCodeAt(i);
  if (ch === 91 /* [ */ && text.charCodeAt(i + 1) === 94 /* ^ */) return false; // may be a footnote definition
  const kind = ch < 128 ? LINE_START[ch] : 0;
  if (leaf === LeafKind.Table) {
    // a row unless a container or a block (indented code included) starts here
    if (c >= 4 || kind === 2) return false;
    tableRow(st, i, le);
    return true;
  }
  if (c >= 4 || kind !== 0) return false;
  paragraphLine(st, i, le);
  return true;
}

function consumeQuoteMarker(st: BlockState, i: number, c: number): void {
  const { text, le } = st;
  st.pos = i + 1;
  st.col = c + 1;
  st.base = st.col;
  if (st.pos < le) {
    const ch = text.charCodeAt(st.pos);
    if (ch === 32) { st.pos++; st.col++; st.base = st.col; }
    else if (ch === 9) { st.base = st.col + 1; st.col = colAfter(9, st.col); st.pos++; }
  }
}

function line(st: BlockState, ls: number, le: number): void {
  const { text, stack } = st;
  st.pos = ls;
  st.col = 0;
  st.base = 0;
  st.le = le;

  // 1. existing containers
  let matched = 0;
  for (; matched < stack.length; matched++) {
    const width = stack[matched];
    st.measure();
    const i = st.mi;
    const c = st.mc;
    if (width === BLOCK_QUOTE) {
      if (i < le && c - st.base <= 3 && text.charCodeAt(i) === 62) consumeQuoteMarker(st, i, c);
      else break;
    } else if (i >= le) {
      if (matched === st.emptyItem) break;
      st.advanceTo(st.base + width);
    } else if (c - st.base >= width) {
      st.advanceTo(st.base + width);
    } else break;
  }
  const allMatched = matched === stack.length;

  // 2. open code fence / HTML block
  if (st.leaf === LeafKind.Fence || st.leaf === LeafKind.Html) {
    if (allMatched) {
      st.measure();
      const i = st.mi;
      const c = st.mc;
      if (st.leaf === LeafKind.Fence) {
        const fch = st.fenceCh;
        if (i < le && c - st.base <= 3 && text.charCodeAt(i) === fch) {
          let j = i;
          while (j < le && text.charCodeAt(j) === fch) j++;
          if (j - i >= st.fenceLen && isBlankFrom(text, j, le)) st.leaf = LeafKind.None;
        }
        return;
      }
      const type = st.htmlType;
      if (type >= 6) {
        st.sink.htmlLine?.(i, le);
        if (i >= le) st.leaf = LeafKind.None;
      } else if (htmlBlockEnds(type, text, i, le)) st.leaf = LeafKind.None;
      return;
    }
    st.leaf = LeafKind.None;
  }

  // 3. new containers
  let opened = false;
  // whether the container opened last is a list item
  let openedItem = false;
  for (;;) {
    st.measure();
    const i = st.mi;
    const c = st.mc;
    // (past MAX_CONTAINERS levels markers are text: every line walks the open containers, so depth costs per line)
    if (i >= le || c - st.base >= 4 || matched >= MAX_CONTAINERS) break;
    const ch = text.charCodeAt(i);
    if (ch === 62) {
      matched = openContainer(st, matched, BLOCK_QUOTE);
      consumeQuoteMarker(st, i, c);
      opened = true;
      openedItem = false;
      continue;
    }
    if (ch === 91) {
      // a footnote definition: its content starts after all the blanks that follow the marker (it never
      // starts indented code); deeper lines continue it when indented by four
      const markerEnd = footnoteMarkerEnd(text, i, le);
      if (markerEnd === -1) break;
      matched = openContainer(st, matched, FOOTNOTE_WIDTH);
      opened = true;
      openedItem = false;
      st.pos = markerEnd;
      st.col = c + (markerEnd - i);
      st.measure();
      st.pos = st.mi;
      st.col = st.mc;
      st.base = st.mc;
      continue;
    }
    const width = listItemWidth(st, i, c, allMatched && !opened);
    if (width === 0) break;
    matched = openContainer(st, matched, width);
    opened = true;
    openedItem = true;
    // move over the marker, then to the content column
    const markerEnd = listMarkerEnd(st, i);
    st.col = c + (markerEnd - i);
    st.pos = markerEnd;
    st.advanceTo(st.base + width);
  }

  st.measure();
  const i = st.mi;
  const c = st.mc;
  const blank = i >= le;
  const indent = c - st.base;
  if (opened) st.emptyItem = blank && openedItem ? stack.length - 1 : -1;
  else if (!blank) st.emptyItem = -1;

  // 4. lazy continuation of a paragraph whose containers did not all match
  if (matched < stack.length) {
    if (st.leaf === LeafKind.Para && !blank && continuesParagraph(st, i, indent)) {
      paragraphLine(st, i, le);
      return;
    }
    finishLeaf(st);
    if (stack.length !== matched) stack.length = matched;
  }

  // 5. leaf blocks
  if (blank) {
    finishLeaf(st);
    return;
  }
  if (st.leaf === LeafKind.Table) {
    if (endsTable(st, i, le, indent)) finishLeaf(st);
    else {
      tableRow(st, i, le);
      return;
    }
  }
  if (indent >= 4) {
    if (st.leaf === LeafKind.Para) paragraphLine(st, i, le);
    return; // indented code
  }
  const ch = text.charCodeAt(i);
  if (ch === 35) {
    const h = atxHeading(text, i, le);
    if (h) {
      finishLeaf(st);
      st.sink.heading(h.level, text, h.cs, h.ce, undefined, i, le);
      return;
    }
  }
  if (ch === 96 || ch === 126) {
    const len = fenceLength(text, i, le);
    if (len) {
      finishLeaf(st);
      st.leaf = LeafKind.Fence;
      st.fenceCh = ch;
      st.fenceLen = len;
      return;
    }
  }
  if (ch === 60) {
    const type = htmlBlockStart(text, i, le, st.leaf === LeafKind.Para);
    if (type) {
      finishLeaf(st);
      if (type >= 6) st.sink.htmlLine?.(i, le);
      if (type <= 5 && htmlBlockEnds(type, text, i, le)) st.leaf = LeafKind.None;
      else {
        st.leaf = LeafKind.Html;
        st.htmlType = type;
      }
      return;
    }
  }
  if (st.leaf === LeafKind.Para && !opened) {
    const level = setextLevel(text, i, le);
    if (level && setextHeading(st, level, le)) return;
  }
  if (st.breaks.at(i, le)) {
    finishLeaf(st);
    return;
  }
  // a delimiter row makes the paragraph's last line a table's header row (GFM)
  if (st.leaf === LeafKind.Para && !opened && (ch === 124 || ch === 45 || ch === 58) && startsTable(st, i, le)) return;
  paragraphLine(st, i, le);
}

/**
 * A new container (`width` as in `stack`) starts after the `matched` ones: the open leaf ends and so do
 * unmatched containers. Returns how many containers match now (all of them).
 */
function openContainer(st: BlockState, matched: number, width: number): number {
  finishLeaf(st);
  const { stack } = st;
  if (stack.length !== matched) stack.length = matched; // (setting it is a runtime call)
  stack.push(width);
  return stack.length;
}

function listMarkerEnd(st: BlockState, i: number): number {
  const { text } = st;
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
function listItemWidth(st: BlockState, i: number, c: number, paragraphContinues: boolean): number {
  const { text, le } = st;
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
  if (!ordered && st.breaks.at(i, le)) return 0;
  const restBlank = isBlankFrom(text, markerEnd, le);
  if (paragraphContinues && st.leaf === LeafKind.Para) {
    // the item would interrupt the open paragraph (CommonMark 0.31 §5.2): `---` underlines it, and an item
    // that interrupts must hold something and, ordered, start with 1. An item whose paragraph's container
    // ended on this line (`2.` after `1. text`) interrupts nothing: it is free of these restrictions.
    if (ch === 45 && setextLevel(text, i, le) === 2) return 0;
    if (restBlank) return 0;
    if (ordered && !startsWithOne) return 0;
  }
  const markerCol = c + (markerEnd - i);
  if (restBlank) return markerCol + 1 - st.base;
  let k = markerEnd;
  let col = markerCol;
  while (k < le) {
    const d = text.charCodeAt(k);
    if (d === 32 || d === 9) { col = colAfter(d, col); k++; }
    else break;
  }
  const spaces = col - markerCol;
  return (spaces > 4 ? markerCol + 1 : col) - st.base;
}

/** Whether a line (not blank, no new container) would continue an open paragraph lazily. */
function continuesParagraph(st: BlockState, i: number, indent: number): boolean {
  if (indent >= 4) return true;
  return !startsBlock(st, i, st.le);
}

/**
 * Whether a line ends an open table instead of being its next row: indented code or a block start, an HTML
 * block of any type included (type 7 cannot interrupt a paragraph, but a table is none).
 */
function endsTable(st: BlockState, i: number, le: number, indent: number): boolean {
  if (indent >= 4) return true;
  if (st.text.charCodeAt(i) === 60) return htmlBlockStart(st.text, i, le, false) !== 0;
  return startsBlock(st, i, le);
}

/** ATX heading, code fence, HTML block (types 1-6) or thematic break at `i`. */
function startsBlock(st: BlockState, i: number, le: number): boolean {
  const { text } = st;
  const ch = text.charCodeAt(i);
  if (ch === 35 && atxHeading(text, i, le)) return true;
  if ((ch === 96 || ch === 126) && fenceLength(text, i, le)) return true;
  if (ch === 60 && htmlBlockStart(text, i, le, true)) return true;
  if (ch === 62) return true;
  return st.breaks.at(i, le);
}

/** Runs the block pass over `text` from `bodyStart`, handing what it finds to `sink`. */
export function scanBlocks(text: string, bodyStart: number, lines: LineIndex, sink: BlockSink): void {
  run(new BlockState(text, bodyStart, lines, sink));
}
