import type { Root, RootContent } from 'mdast';
import type { Point, Position } from 'unist';
import { LineIndex } from '../text/lineIndex';

/** Least length of a section parsed on its own (the seeds' README is 14 KB: real files are one section). */
export const SECTION_SIZE = 16 * 1024;

/**
 * remark's tree of a structural file, parsed a section at a time. micromark copies the events of the whole document
 * each time a list or quote closes, so its time grows with the square of a long file's size (a 2 MB README of short
 * lists under headings took 11 s; half of it 3.7 s). Sections are cut only where every block of the text is closed,
 * so each section's tree, moved to where the section starts, is the whole text's tree over it:
 *  - a cut is at the start of a line that follows a blank line and starts with `#` or a letter: that line closes
 *    every list, quote, paragraph, table and indented code block, and a blank line ends HTML blocks of kinds 6 and 7;
 *  - a section whose last block is a fenced code block or an HTML block of kinds 1 to 5 left open (they run over
 *    blank lines) is parsed again with the text after it, twice as long each time, until it closes or the text ends;
 *  - the frontmatter, which a blank line does not end, stays in the first section;
 *  - a text holding `]:` anywhere (a link reference or footnote definition, which any other section may use) is
 *    parsed whole.
 * `parse` is remark (parseMarkdownTree); `size` is the least length of a section (tests use small ones).
 */
export function parseInSections(text: string, parse: (text: string) => Root, size = SECTION_SIZE): Root {
  if (text.length <= size || text.includes(']:')) return parse(text);
  const cuts = sectionStarts(text);
  if (cuts.length === 0) return parse(text);
  const children: RootContent[] = [];
  let start = 0;
  let line = 1;
  let k = 0; // first cut not yet passed
  let last: Root | undefined;
  while (start < text.length) {
    let length = size;
    let end: number;
    let tree: Root;
    for (;;) {
      while (k < cuts.length && cuts[k].offset < start + length) k++;
      end = k < cuts.length ? cuts[k].offset : text.length;
      tree = parse(text.slice(start, end));
      if (end === text.length || !endsOpen(tree, text, start)) break;
      length = 2 * (end - start);
    }
    for (const child of tree.children) children.push(moved(child, start, line - 1));
    last = tree;
    if (end === text.length) break;
    line = cuts[k].line;
    start = end;
  }
  const root: Root = { type: 'root', children };
  const lastEnd = last?.position?.end;
  if (lastEnd) root.position = { start: { line: 1, column: 1, offset: 0 }, end: movedPoint(lastEnd, start, line - 1) };
  return root;
}

interface Cut {
  offset: number;
  /** its 1-based line */
  line: number;
}

/** Where a section may start (see parseInSections), in text order; none inside the frontmatter. */
function sectionStarts(text: string): Cut[] {
  const lines = new LineIndex(text);
  let from = 1;
  if (/^\uFEFF?---[ \t]*$/.test(lines.lineText(0))) {
    // cuts begin after the frontmatter's closing line; a frontmatter never closed is no frontmatter to remark, but
    // how remark then reads it is not known here: no cuts
    while (from < lines.lineCount && !/^---[ \t]*$/.test(lines.lineText(from))) from++;
    if (from === lines.lineCount) return [];
  }
  const cuts: Cut[] = [];
  for (let l = from; l < lines.lineCount; l++) {
    const at = lines.lineStart(l);
    if (/^[ \t]*$/.test(lines.lineText(l - 1)) && startsSection(text, at)) cuts.push({ offset: at, line: l + 1 });
  }
  return cuts;
}

/** A line starting with `#` or a letter (Latin, CJK …): neither a container's marker nor its indented continuation. */
function startsSection(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c === 0x23 /* # */) return true;
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return /^\p{L}/u.test(text.slice(at, at + 2));
}

/** Whether the last block of a section's tree is a fenced code block or an HTML block (kinds 1-5) still open at its end. */
function endsOpen(tree: Root, text: string, start: number): boolean {
  const lastBlock = tree.children[tree.children.length - 1];
  if (!lastBlock?.position || lastBlock.position.start.offset === undefined || lastBlock.position.end.offset === undefined) return false;
  const source = text.slice(start + lastBlock.position.start.offset, start + lastBlock.position.end.offset);
  if (lastBlock.type === 'code') return openFence(source);
  if (lastBlock.type === 'html') return openHtml(source);
  return false;
}

function openFence(source: string): boolean {
  const opening = /^ {0,3}(`{3,}|~{3,})/.exec(source);
  if (!opening) return false; // indented code: a line at the margin ends it
  const lastBreak = Math.max(source.lastIndexOf('\n'), source.lastIndexOf('\r'));
  if (lastBreak === -1) return true; // the opening line alone
  const fence = opening[1];
  const closing = source.slice(lastBreak + 1).replace(/^ {0,3}/, '');
  let n = 0;
  while (closing[n] === fence[0]) n++;
  return n < fence.length || closing.slice(n).trim() !== '';
}

function openHtml(source: string): boolean {
  const s = source.replace(/^ {0,3}/, '');
  // kind 1 ends at any of the four end tags, not only its own
  if (/^<(?:script|pre|style|textarea)(?=[\s>]|$)/i.test(s)) return !/<\/(?:script|pre|style|textarea)>/i.test(s);
  if (s.startsWith('<!--')) return !s.includes('-->', 2);
  if (s.startsWith('<?')) return !s.includes('?>', 2);
  if (s.startsWith('<![CDATA[')) return !s.includes(']]>', 9);
  if (/^<![A-Za-z]/.test(s)) return !s.includes('>', 2);
  return false;
}

/** `node` and everything under it, moved by `offset` characters and `lines` lines (a section starts a line: columns stay). */
function moved<T extends RootContent>(node: T, offset: number, lines: number): T {
  if (node.position) node.position = movedPosition(node.position, offset, lines);
  if ('children' in node) for (const child of node.children as RootContent[]) moved(child, offset, lines);
  return node;
}

function movedPosition(p: Position, offset: number, lines: number): Position {
  return { start: movedPoint(p.start, offset, lines), end: movedPoint(p.end, offset, lines) };
}

function movedPoint(p: Point, offset: number, lines: number): Point {
  return { line: p.line + lines, column: p.column, offset: p.offset === undefined ? undefined : p.offset + offset };
}
