import { colAfter, LeafKind, type BlockState } from './blockState';
import { isBlankFrom, setextLevel } from './blockStarts';
import { finishLeaf } from './paragraphs';

/**
 * Containers of the block pass: block quotes, list items and GFM footnote definitions, kept on `stack` by the
 * width that continues them: how a line continues the open ones (CommonMark's first step), which markers open new
 * ones (a list item under the rules for interrupting a paragraph) and where the cursor goes past a marker. The
 * driver's loop over a line's new markers uses these.
 */

/** Open container: `>` (block quote, width -1), a list item (its content width) or a footnote definition (4). */
export const BLOCK_QUOTE = -1;

/** The indentation that continues a GFM footnote definition (micromark-extension-gfm-footnote). */
export const FOOTNOTE_WIDTH = 4;

/**
 * Most containers (block quotes, list items, footnotes) open at once. CommonMark sets no limit, but each line
 * walks every open container, so 10,000 nested markers followed by blank lines cost 10,000 steps a line; no note
 * nests anywhere near this deep.
 */
export const MAX_CONTAINERS = 100;

/** How many open containers the line (cursor at its start, ending at `le`) continues; the cursor moves past them. */
export function matchContainers(st: BlockState, le: number): number {
  const { text, stack } = st;
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
  return matched;
}

/**
 * A new container (`width` as in `stack`) starts after the `matched` ones: the open leaf ends and so do
 * unmatched containers. Returns how many containers match now (all of them).
 */
export function openContainer(st: BlockState, matched: number, width: number): number {
  finishLeaf(st);
  const { stack } = st;
  if (stack.length !== matched) stack.length = matched; // (setting it is a runtime call)
  stack.push(width);
  return stack.length;
}

/**
 * End (after the colon) of the GFM footnote definition marker `[^label]:` at `i` (`text[i] === '['`), -1 when
 * there is none. As micromark reads it: the label holds no spaces, tabs or unescaped `[` and at most 999
 * characters, and it ends on its line.
 */
export function footnoteMarkerEnd(text: string, i: number, le: number): number {
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
 * Width (content column relative to the current base) of a list item whose marker is at `i`,
 * column `c`; 0 when the line does not start a list item here. `paragraphContinues`: every open
 * container matched and none was opened on this line, so an open paragraph would go on.
 */
export function listItemWidth(st: BlockState, i: number, c: number, paragraphContinues: boolean): number {
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

/** End of the list item marker at `i` (a bullet, or digits and their `.` or `)`). */
export function listMarkerEnd(st: BlockState, i: number): number {
  const { text } = st;
  const ch = text.charCodeAt(i);
  if (ch === 45 || ch === 42 || ch === 43) return i + 1;
  let j = i;
  while (text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
  return j + 1;
}

/** Moves the cursor past the block quote marker `>` at `i` (column `c`) and the one space or tab after it. */
export function consumeQuoteMarker(st: BlockState, i: number, c: number): void {
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
