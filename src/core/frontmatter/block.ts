import type { FrontmatterBlock } from '../model';

/**
 * Finds the frontmatter block at the very top of a note: a line `---` (optionally followed by a
 * language name such as `yaml` or `js`) at offset 0, up to the next line that is exactly `---`
 * (or `...`). Linear in the block's length. The text must already be BOM-free.
 */
export function findFrontmatterBlock(text: string): FrontmatterBlock | undefined {
  if (!text.startsWith('---')) return undefined;
  let eol = lineEndAt(text, 0);
  const opener = text.slice(3, eol).trim();
  // `----` or `--- text` is a thematic break or prose, not a fence; `---yaml` / `--- js` name a language
  if (opener !== '' && !/^[A-Za-z][\w-]*$/.test(opener)) return undefined;
  const contentStart = nextLineStart(text, eol);
  let pos = contentStart;
  while (pos < text.length) {
    eol = lineEndAt(text, pos);
    const line = text.slice(pos, eol);
    if (/^(---|\.\.\.)[ \t]*$/.test(line)) {
      return { start: 0, end: nextLineStart(text, eol), contentStart, contentEnd: pos, language: opener.toLowerCase(), closed: true };
    }
    pos = nextLineStart(text, eol);
    if (pos === eol) break; // end of text
  }
  return { start: 0, end: text.length, contentStart, contentEnd: text.length, language: opener.toLowerCase(), closed: false };
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
