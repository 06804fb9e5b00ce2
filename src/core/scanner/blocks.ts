import type { LineIndex } from '../text/lineIndex';
import { atxHeading, fenceLength, isBlankFrom, setextLevel } from './blockStarts';
import { BlockState, LeafKind, type BlockSink } from './blockState';
import {
  BLOCK_QUOTE, consumeQuoteMarker, FOOTNOTE_WIDTH, footnoteMarkerEnd, listItemWidth, listMarkerEnd, matchContainers,
  MAX_CONTAINERS, openContainer,
} from './containers';
import { htmlBlockEnds, htmlBlockStart } from './html';
import { finishLeaf, paragraphLine, setextHeading } from './paragraphs';
import { startsTable, tableRow } from './tables';

/**
 * Block pass of the scanner: one walk over the lines that follows CommonMark's container rules
 * (block quotes, list items, lazy continuation) and leaf blocks (paragraphs, ATX and setext
 * headings, fenced and indented code, HTML blocks, thematic breaks, GFM tables). Code and HTML
 * blocks are skipped; everything else becomes a unit of inline content for the inline pass.
 *
 * This module is the driver: the walk over the lines, the fast path for lines outside containers,
 * and the steps of a line in CommonMark's order (containers continued, open fence or HTML block,
 * new containers, lazy continuation, leaf blocks), with fenced and indented code and HTML blocks,
 * which need only a few lines each. The rest is by construct, all functions over one BlockState:
 * containers, paragraphs (with setext headings and definitions), tables, and blockStarts, the
 * tests for what leaf block a line starts.
 */

/**
 * First characters of a line outside containers: 2 where a container or a block can start
 * (`#`, fences, `<`, `>`, list markers, thematic breaks), 1 where a paragraph line may be a setext
 * underline or a table delimiter row (`=`, `|`, `:`), 0 for the plain text of a paragraph.
 */
const LINE_START = new Uint8Array(128);
for (const ch of '#`~<>-*+_0123456789') LINE_START[ch.charCodeAt(0)] = 2;
for (const ch of '=|:') LINE_START[ch.charCodeAt(0)] = 1;

/** Walks the lines of the body; the open leaf block ends with the note. */
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
    if (type >= 6) st.sink.htmlLine?.(i, le, false);
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

/** The general rules for the line `[ls, le)`, in CommonMark's order (see the steps below). */
function line(st: BlockState, ls: number, le: number): void {
  const { text, stack } = st;
  st.pos = ls;
  st.col = 0;
  st.base = 0;
  st.le = le;

  // 1. existing containers
  let matched = matchContainers(st, le);
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
        st.sink.htmlLine?.(i, le, false);
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
      st.sink.footnote?.(text.slice(i + 2, markerEnd - 2));
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
      if (indent >= 4) st.indentedSeg = st.segCount - 1;
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
    if (st.leaf === LeafKind.Para) {
      paragraphLine(st, i, le);
      st.indentedSeg = st.segCount - 1;
    }
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
      if (type >= 6) st.sink.htmlLine?.(i, le, true);
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
