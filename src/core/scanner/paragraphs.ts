import { LeafKind, type BlockState } from './blockState';
import { parseDefinitions } from './definitions';
import type { InlineSource } from './inlineTypes';
import { lastAtOrBefore } from '../text/lineIndex';

/**
 * Paragraphs of the block pass: the open paragraph is kept as line segments (a line's content after its
 * containers) and handed over when it ends, as the note itself when its lines are contiguous, else joined with
 * a map back to note offsets. Its leading reference definitions go to the sink on their own, and a setext
 * underline turns what is left of it into a heading.
 */

/** The line content `[i, le)` goes on the open paragraph, or opens one. */
export function paragraphLine(st: BlockState, i: number, le: number): void {
  if (st.leaf !== LeafKind.Para) {
    st.leaf = LeafKind.Para;
    st.segCount = 0;
    st.indentedSeg = -1;
  }
  st.segStart[st.segCount] = i;
  st.segEnd[st.segCount] = le;
  st.segCount++;
}

/** The open leaf block ends: a paragraph is handed over (after its definitions) as a run of inline content. */
export function finishLeaf(st: BlockState): void {
  const leaf = st.leaf;
  st.leaf = LeafKind.None;
  if (leaf !== LeafKind.Para) return;
  if (contiguous(st)) {
    // the usual case: the paragraph is a stretch of the note (no source object needed)
    const { text } = st;
    const to = st.segEnd[st.segCount - 1];
    const from = definitions(st, text, st.segStart[0], to, undefined);
    if (from < to) st.sink.inline(text, from, to, undefined);
    return;
  }
  const src = joinedSource(st);
  const from = definitions(st, src.text, src.from, src.to, src.toSource);
  if (from < src.to) st.sink.inline(src.text, from, src.to, src.toSource);
}

/**
 * A setext underline of `level` (its line ending at `le`) under the open paragraph: the paragraph, but for its
 * leading definitions, is a heading up to there. False when nothing but definitions is left (the underline is
 * then a thematic break or text).
 */
export function setextHeading(st: BlockState, level: number, le: number): boolean {
  if (st.leaf !== LeafKind.Para) return false;
  const src = paragraphSource(st);
  const from = definitions(st, src.text, src.from, src.to, src.toSource);
  if (isWhitespace(src.text, from, src.to)) {
    // the paragraph held only definitions: the underline is a thematic break or text
    st.leaf = LeafKind.None;
    return false;
  }
  const start = src.toSource ? src.toSource(from) : from;
  pushHeading(st, level, from === src.from ? src : { text: src.text, from, to: src.to, toSource: src.toSource }, start, le);
  st.leaf = LeafKind.None;
  return true;
}

function pushHeading(st: BlockState, level: number, src: InlineSource, start: number, end: number): void {
  st.sink.heading(level, src.text, src.from, src.to, src.toSource, start, end);
}

/** Reads the definitions at the start of a paragraph; returns where the rest starts. */
function definitions(st: BlockState, text: string, from: number, to: number, toSource: ((i: number) => number) | undefined): number {
  let p = from;
  while (p < to && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
  if (p >= to || text.charCodeAt(p) !== 91) return from;
  return parseDefinitions({ text, from, to, toSource }, st.emitDefinition);
}

/** Whether the open paragraph's lines are contiguous in the note (only line breaks and blanks between them). */
function contiguous(st: BlockState): boolean {
  const { text, segStart, segEnd, segCount } = st;
  for (let k = 1; k < segCount; k++) {
    for (let j = segEnd[k - 1]; j < segStart[k]; j++) {
      const c = text.charCodeAt(j);
      if (c !== 10 && c !== 13 && c !== 32 && c !== 9) return false;
    }
  }
  return true;
}

/** The open paragraph as inline content: the note itself when its lines are contiguous, else joined. */
function paragraphSource(st: BlockState): InlineSource {
  if (contiguous(st)) return { text: st.text, from: st.segStart[0], to: st.segEnd[st.segCount - 1] };
  return joinedSource(st);
}

/** The open paragraph's lines joined by line breaks (its lines are not contiguous in the note). */
function joinedSource(st: BlockState): InlineSource {
  const { text, segStart, segEnd, segCount } = st;
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
    const k = lastAtOrBefore(textStarts, i);
    return srcStarts[k] + (i - textStarts[k]);
  };
  return { text: joined, from: 0, to: joined.length, toSource };
}

/** Whether `[from, to)` holds only spaces, tabs and line endings (a no-break space is text to CommonMark). */
function isWhitespace(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return false;
  }
  return true;
}
