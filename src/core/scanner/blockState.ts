import type { LineIndex } from '../text/lineIndex';
import { ThematicBreaks } from './blockStarts';
import type { LinkDraft } from './inlineTypes';
import type { NextChar } from './search';

/**
 * The state of the block pass over one note, shared by the modules that read its constructs (containers,
 * paragraphs, tables, the leaf-block tests): each of them is a set of functions over this one object, so that the
 * pass is split by construct without a call through anything but a plain function. It holds the open containers,
 * the open leaf block and the cursor within the current line, with the cursor's two moves every construct makes.
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
  /** A GFM footnote definition's label as written (without its `^`). */
  footnote?(label: string): void;
  /** Whether `[from, to)` of the note may hold link syntax: a table row without any is not split into cells. */
  mayHoldLinks(from: number, to: number): boolean;
  /**
   * A line `[from, to)` of the note (after its containers and indentation) inside an HTML block of tags (types 6 and 7,
   * not comments or `<pre>`): `first` for the block's first line; an empty line ends the block (so may the end of a
   * container, or of the note, without a call).
   */
  htmlLine?(from: number, to: number, first: boolean): void;
}

/** The open leaf block (None: no leaf block is open). */
export const enum LeafKind {
  None,
  Para,
  Table,
  Fence,
  Html,
}

/** The column after the character `c` at column `col` (a tab moves to the next multiple of 4). */
export function colAfter(c: number, col: number): number {
  return c === 9 ? col + 4 - (col % 4) : col + 1;
}

/** Pipes and backslashes of one note's table rows. */
export interface TableFinder {
  pipe: NextChar;
  backslash: NextChar;
}

/** One pass's state; functions elsewhere read and change it (its fields are theirs as much as its own). */
export class BlockState {
  /** open containers, outermost first: BLOCK_QUOTE, a list item's width or FOOTNOTE_WIDTH */
  readonly stack: number[] = [];
  /**
   * Index in `stack` of the list item that began with a blank line (nothing after its marker) and has held
   * nothing since, -1 when there is none: a blank line ends it (CommonMark §5.2, a list item can begin with at
   * most one blank line). Only the container opened last on a line can be one, and a line that holds anything
   * after the containers ends that.
   */
  emptyItem = -1;
  leaf = LeafKind.None;
  // the open paragraph's line segments
  readonly segStart: number[] = [];
  readonly segEnd: number[] = [];
  segCount = 0;
  /** the last of the open paragraph's lines indented by four or more (no table's header row), -1 when none is */
  indentedSeg = -1;
  // the open code fence
  fenceCh = 0;
  fenceLen = 0;
  // the open HTML block
  htmlType = 0;
  // cursor within the current line
  pos = 0;
  col = 0;
  base = 0;
  le = 0;
  /** First non-blank index from the cursor (`mi`) and its column (`mc`), as `measure` left them. */
  mi = 0;
  mc = 0;
  /**
   * The run of spaces (no tab) `measure` crossed last, from `spacesFrom` to `spacesTo`, on the line ending at
   * `spacesLe`: a cursor still inside it is measured without crossing it again (a line indented by thousands of
   * columns under a hundred open containers is crossed once, not once per container).
   */
  private spacesFrom = -1;
  private spacesTo = -1;
  private spacesLe = -1;

  readonly breaks: ThematicBreaks;
  tableFinder: TableFinder | undefined = undefined;
  readonly emitDefinition = (draft: LinkDraft, label: string): void => this.sink.definition(draft, label);

  constructor(
    readonly text: string, readonly bodyStart: number, readonly lines: LineIndex, readonly sink: BlockSink,
  ) {
    this.breaks = new ThematicBreaks(text);
  }

  /** Sets `mi` and `mc`: the first non-blank index from the cursor and its column. */
  measure(): void {
    const { text, le } = this;
    let i = this.pos;
    if (le === this.spacesLe && i >= this.spacesFrom && i <= this.spacesTo) {
      this.mi = this.spacesTo;
      this.mc = this.col + (this.spacesTo - i);
      return;
    }
    const from = i;
    let c = this.col;
    let tab = false;
    while (i < le) {
      const ch = text.charCodeAt(i);
      if (ch === 32) { c++; i++; }
      else if (ch === 9) { c = colAfter(ch, c); i++; tab = true; }
      else break;
    }
    this.mi = i;
    this.mc = c;
    if (!tab) {
      this.spacesFrom = from;
      this.spacesTo = i;
      this.spacesLe = le;
    }
  }

  /** Moves the cursor over whitespace until the column reaches `target`; the base becomes `target`. */
  advanceTo(target: number): void {
    const { text, le } = this;
    while (this.col < target && this.pos < le) {
      const ch = text.charCodeAt(this.pos);
      if (ch !== 32 && ch !== 9) break;
      this.col = colAfter(ch, this.col);
      this.pos++;
    }
    this.base = target;
  }
}
