import type { FrontmatterBlock } from '../model';
import type { LineIndex } from '../text/lineIndex';

/**
 * Finds the frontmatter block at the very top of a note: a line `---` (optionally followed by a
 * language name such as `yaml` or `js`) at offset 0, up to the next line that is exactly `---`
 * (or `...`); or a TOML block (Hugo's `+++` fences), language `toml`, which the parser refuses
 * but which is still the note's frontmatter: nothing in it is a link or a heading. Linear in the
 * block's length. The text must already be BOM-free. With the text's line index the line ends are
 * looked up instead of scanned for.
 */
export function findFrontmatterBlock(text: string, lines?: LineIndex): FrontmatterBlock | undefined {
  if (text.startsWith('+++')) return findTomlBlock(text, lines);
  if (!text.startsWith('---')) return undefined;
  let eol = lines ? lines.lineEnd(0) : lineEndAt(text, 0);
  // the common opener is the bare `---`: only a longer line can name a language
  const opener = eol === 3 ? '' : text.slice(3, eol).trim();
  // `----` or `--- text` is a thematic break or prose, not a fence; `---yaml` / `--- js` name a language
  if (opener !== '' && !/^[A-Za-z][\w-]*$/.test(opener)) return undefined;
  const language = opener === '' ? '' : opener.toLowerCase();
  const contentStart = nextLineStart(text, eol);
  let pos = contentStart;
  for (let line = 1; pos < text.length; line++) {
    eol = lines ? lines.lineEnd(line) : lineEndAt(text, pos);
    if (isClosingFence(text, pos, eol)) {
      return { start: 0, end: nextLineStart(text, eol), contentStart, contentEnd: pos, language, closed: true };
    }
    pos = nextLineStart(text, eol);
    if (pos === eol) break; // end of text
  }
  return { start: 0, end: text.length, contentStart, contentEnd: text.length, language, closed: false };
}

/** A `+++` line at offset 0 up to the next `+++` line (both with nothing but blanks after them). */
function findTomlBlock(text: string, lines?: LineIndex): FrontmatterBlock | undefined {
  let eol = lines ? lines.lineEnd(0) : lineEndAt(text, 0);
  if (!isFence(text, 0, eol, 43)) return undefined;
  const contentStart = nextLineStart(text, eol);
  let pos = contentStart;
  for (let line = 1; pos < text.length; line++) {
    eol = lines ? lines.lineEnd(line) : lineEndAt(text, pos);
    if (isFence(text, pos, eol, 43)) {
      return { start: 0, end: nextLineStart(text, eol), contentStart, contentEnd: pos, language: 'toml', closed: true };
    }
    pos = nextLineStart(text, eol);
    if (pos === eol) break; // end of text
  }
  return { start: 0, end: text.length, contentStart, contentEnd: text.length, language: 'toml', closed: false };
}

/** `---` or `...` followed by nothing but blanks (compared in place: no string per line). */
function isClosingFence(text: string, pos: number, eol: number): boolean {
  return isFence(text, pos, eol, 45) || isFence(text, pos, eol, 46);
}

/** Three `c` characters followed by nothing but blanks up to `eol`. */
function isFence(text: string, pos: number, eol: number, c: number): boolean {
  if (eol - pos < 3) return false;
  if (text.charCodeAt(pos) !== c || text.charCodeAt(pos + 1) !== c || text.charCodeAt(pos + 2) !== c) return false;
  for (let i = pos + 3; i < eol; i++) {
    const d = text.charCodeAt(i);
    if (d !== 32 && d !== 9) return false;
  }
  return true;
}

function lineEndAt(text: string, from: number): number {
  // a character scan that stops at the first break: `indexOf('\r')` on LF-only text would scan to
  // the end of the text for every line (quadratic)
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

function nextLineStart(text: string, eol: number): number {
  if (eol >= text.length) return text.length;
  if (text.charCodeAt(eol) === 13 && text.charCodeAt(eol + 1) === 10) return eol + 2;
  return eol + 1;
}
