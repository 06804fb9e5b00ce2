import type { Nodes, Parent, RootContent } from 'mdast';
export { percentDecode } from '../text/percent';

/**
 * Small helpers over the mdast of the structural parsers (series README, coverage matrix):
 * plain text of a node, source offsets, the inner range of a code span. All linear.
 */

export function startOf(node: Nodes): number {
  return node.position?.start.offset ?? 0;
}

export function endOf(node: Nodes): number {
  return node.position?.end.offset ?? startOf(node);
}

/** An HTML line break as a tag of its own: `<br>`, `<BR/>`, `<br />` (attributes allowed). */
const BR_TAG = /^<br(?:\s[^>]*)?\/?>$/i;

/**
 * The visible text of a node: text, inline code values, link texts … concatenated (no markup). A line break (a
 * hard break, or a `<br>` tag) reads as a space, so that `Line1<br>Line2` is two words; other inline HTML is
 * markup, left out (the text between `<b>` and `</b>` is text nodes of its own, and stays).
 */
export function nodeText(node: Nodes): string {
  const parts: string[] = [];
  const visit = (n: Nodes): void => {
    if ('value' in n && typeof n.value === 'string' && (n.type === 'text' || n.type === 'inlineCode')) {
      parts.push(n.value);
      return;
    }
    if (n.type === 'break' || (n.type === 'html' && BR_TAG.test(n.value.trim()))) {
      parts.push(' ');
      return;
    }
    if ('children' in n) for (const c of (n as Parent).children) visit(c as Nodes);
  };
  visit(node);
  return parts.join('');
}

export function isParent(node: Nodes): node is Nodes & Parent {
  return 'children' in node && Array.isArray((node as Parent).children);
}

/** Calls `fn` on every descendant of `node` (pre-order, document order) with an explicit stack. */
export function walk(node: Nodes, fn: (n: RootContent) => void): void {
  const stack: RootContent[] = isParent(node) ? [...(node.children as RootContent[])].reverse() : [];
  while (stack.length) {
    const n = stack.pop() as RootContent;
    fn(n);
    if (isParent(n)) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as RootContent);
  }
}

/**
 * The offsets of a code span's content in the source, given the span's offsets including the
 * backticks: the backtick runs are dropped, and one space on each side when both sides have one
 * (CommonMark's stripping rule), so the result is exactly the path as written.
 */
export function codeSpanInner(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && text.charCodeAt(s) === 96) s++;
  const ticks = s - start;
  for (let k = 0; k < ticks && e > s && text.charCodeAt(e - 1) === 96; k++) e--;
  if (e - s >= 2 && isSpace(text.charCodeAt(s)) && isSpace(text.charCodeAt(e - 1))) {
    let allSpace = true;
    for (let i = s; i < e && allSpace; i++) allSpace = isSpace(text.charCodeAt(i));
    if (!allSpace) { s++; e--; }
  }
  return { start: s, end: e };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13;
}

/** Offsets of `text.slice(start, end)` without leading and trailing white space. */
export function trimOffsets(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && isBlank(text.charCodeAt(s))) s++;
  while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
  return { start: s, end: e };
}

export function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000 || c === 0xa0;
}

