import type { Code, Html } from 'mdast';
import { BACKSLASH, BACKTICK, isSpaceOrTab, SPACE, TAB, unsupported } from './structureChars';
import type { SourceLines } from './structureLines';

/**
 * The leaf blocks of the fast structural parser that hold no inline content: fenced code and HTML comment blocks.
 * Each reads its lines on its own and says which line it ended on; the parser places the node.
 */

/** A block's node and the index of its last line. */
export interface LeafBlock<N> {
  node: N;
  last: number;
}

/**
 * A fenced code block whose opening fence starts at `p` on line `li` (3+ backticks or tildes, up to 3 spaces in):
 * up to a closing fence of the same character at least as long, or to the end of the document.
 */
export function fencedCodeAt(lines: SourceLines, li: number, p: number): LeafBlock<Code> {
  const { text, starts, ends } = lines;
  const le = ends[li];
  const indent = p - starts[li];
  const mark = text.charCodeAt(p);
  let q = p;
  while (q < le && text.charCodeAt(q) === mark) q++;
  const size = q - p;
  let k = q;
  while (k < le && isSpaceOrTab(text.charCodeAt(k))) k++;
  // remark decodes escapes and character references in the info string
  for (let i = k; i < le; i++) if (text.charCodeAt(i) === BACKSLASH || text.charCodeAt(i) === 38) unsupported();
  let lang: string | null = null;
  let meta: string | null = null;
  if (k < le) {
    let w = k;
    while (w < le && !isSpaceOrTab(text.charCodeAt(w))) w++;
    lang = text.slice(k, w);
    while (w < le && isSpaceOrTab(text.charCodeAt(w))) w++;
    if (w < le) meta = text.slice(w, le);
  }
  const count = starts.length;
  let value = '';
  let close = -1;
  let j = li + 1;
  for (; j < count; j++) {
    const ls = starts[j];
    const e = ends[j];
    let sp = ls;
    while (sp < e && text.charCodeAt(sp) === SPACE) sp++;
    if (sp < e && text.charCodeAt(sp) === TAB) unsupported();
    if (sp - ls < 4 && isClosingFence(text, sp, e, mark, size)) {
      close = j;
      break;
    }
    if (j > li + 1) value += text.slice(ends[j - 1], ls);
    value += text.slice(Math.min(sp, ls + indent), e);
  }
  // remark drops the line ending that ends an unclosed block's value (it holds when the last line is empty after its indentation)
  if (close === -1) value = value.replace(/(?:\r\n|\n|\r)$/, '');
  const end = close === -1 ? text.length : ends[close];
  const node: Code = { type: 'code', lang, meta, value, position: lines.position(p, end) };
  return { node, last: close === -1 ? count - 1 : close };
}

/** An HTML comment block (CommonMark HTML block type 2) starting at `p` on line `li`: up to the first line holding `-->`. */
export function htmlCommentAt(lines: SourceLines, li: number, p: number): LeafBlock<Html> {
  const { text, starts, ends } = lines;
  // `<!-->` and `<!--->` end where they start in CommonMark 0.31 but not in older readings: remark decides
  if (text.startsWith('>', p + 4) || text.startsWith('->', p + 4)) unsupported();
  const close = text.indexOf('-->', p + 4);
  if (close === -1) unsupported();
  let last = li;
  while (ends[last] < close + 3) last++;
  const ls = starts[li];
  const node: Html = { type: 'html', value: text.slice(ls, ends[last]), position: lines.position(ls, ends[last]) };
  return { node, last };
}

/** Whether a fenced code block opens at `p`: three or more backticks (with no backtick after them on the line) or tildes. */
export function isFenceStart(text: string, p: number, le: number): boolean {
  const c = text.charCodeAt(p);
  if (c !== BACKTICK && c !== 126) return false;
  let q = p;
  while (q < le && text.charCodeAt(q) === c) q++;
  if (q - p < 3) return false;
  if (c === BACKTICK) for (let i = q; i < le; i++) if (text.charCodeAt(i) === BACKTICK) return false;
  return true;
}

/** Whether the line content [p, e) closes a fence of `size` `mark`s: at least as many, then only blanks. */
function isClosingFence(text: string, p: number, e: number, mark: number, size: number): boolean {
  let q = p;
  while (q < e && text.charCodeAt(q) === mark) q++;
  if (q - p < size) return false;
  while (q < e && isSpaceOrTab(text.charCodeAt(q))) q++;
  return q === e;
}
