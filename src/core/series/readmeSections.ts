import { findFrontmatterBlock } from '../frontmatter/block';
import { basename } from '../paths';
import { isBlank } from './mdast';

/**
 * What makes a file a series README, read cheaply from its lines (every README of a workspace is asked, before any is
 * parsed), and the names of its sections, which the parser (readme.ts) reads from headings the same way.
 */

/** A file named README.md (any case): the only name a series README has. */
export function isReadmeName(file: string): boolean {
  return basename(file).toLowerCase() === 'readme.md';
}

/**
 * Cheap test: does the text have a level-2 `Chapters` heading outside fenced code, ATX (`## Chapters`) or setext
 * (`Chapters` underlined with `---`), as the tree parser reads one? (The caller checks `isReadmeName`.) A heading
 * indented four spaces is code, and so is anything between fences. For setext headings it follows paragraphs only as
 * far as an underline needs: whether the paragraph open above it started with a `Chapters` line (the heading's text
 * is the whole paragraph) and which lines end a paragraph first.
 */
export function isSeriesReadme(text: string): boolean {
  // the frontmatter is YAML: a first key `chapters:` above the closing `---` is no heading
  const frontmatter = findFrontmatterBlock(text);
  let pos = frontmatter?.closed ? frontmatter.end : 0;
  const n = text.length;
  /** the open fence's character and length (0: none open) */
  let fenceChar = 0;
  let fenceLength = 0;
  /** the paragraph open above the line: none, one whose first line reads `Chapters`, or another */
  let para: 'none' | 'chapters' | 'other' = 'none';
  while (pos < n) {
    let eol = pos;
    while (eol < n && text.charCodeAt(eol) !== 10 && text.charCodeAt(eol) !== 13) eol++;
    let s = pos;
    while (s < eol && s - pos < 3 && text.charCodeAt(s) === 32) s++;
    const c = text.charCodeAt(s);
    // a CRLF is one line break: the LF is no empty line, which would end a paragraph
    pos = eol + (text.charCodeAt(eol) === 13 && text.charCodeAt(eol + 1) === 10 ? 2 : 1);
    if (c === 96 /* ` */ || c === 126 /* ~ */) {
      let e = s;
      while (e < eol && text.charCodeAt(e) === c) e++;
      const run = e - s;
      if (fenceLength === 0 && run >= 3 && (c === 126 || text.slice(e, eol).indexOf('`') === -1)) {
        fenceChar = c;
        fenceLength = run;
        para = 'none';
        continue;
      } else if (fenceLength !== 0 && c === fenceChar && run >= fenceLength && text.slice(e, eol).trim() === '') {
        fenceLength = 0;
        continue;
      }
    }
    if (fenceLength !== 0) continue;
    if (isBlankRun(text, s, eol)) {
      para = 'none';
    } else if (c === 35 /* # */ && isAtxHeading(text, s, eol)) {
      if ((text.startsWith('## ', s) || text.startsWith('##\t', s)) && sectionKind(stripClosingHashes(text.slice(s + 3, eol))) === 'chapters') return true;
      para = 'none';
    } else if (para !== 'none' && (c === 45 /* - */ || c === 61 /* = */) && SETEXT_UNDERLINE.test(text.slice(s, eol))) {
      if (para === 'chapters' && c === 45) return true;
      para = 'none';
    } else if ((c === 45 || c === 42 /* * */ || c === 95 /* _ */) && THEMATIC_BREAK.test(text.slice(s, eol))) {
      para = 'none';
    } else if (para === 'none') {
      // a line indented four columns starts no paragraph: it is code (and only a line starting with c can read Chapters)
      if (c !== 32 && c !== 9) para = (c | 0x20) === 0x63 && sectionKind(text.slice(s, eol)) === 'chapters' ? 'chapters' : 'other';
    } else if (para === 'chapters' && STARTS_CONTAINER.test(text.slice(s, eol))) {
      // a quote or a list item ends the paragraph; the text after it is theirs (lazily continued), never a heading
      para = 'other';
    }
  }
  return false;
}

const SETEXT_UNDERLINE = /^(?:-+|=+)[ \t]*$/;
const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
/** a block quote, or a list item that may interrupt a paragraph (a bullet, or an ordered one starting at 1) */
const STARTS_CONTAINER = /^(?:>|[-*+][ \t]|1[.)][ \t])/;

/** Whether text[s, eol) is only spaces and tabs. */
export function isBlankRun(text: string, s: number, eol: number): boolean {
  while (s < eol && (text.charCodeAt(s) === 32 || text.charCodeAt(s) === 9)) s++;
  return s === eol;
}

/** Whether the line at `s` (a `#`) opens an ATX heading: one to six `#` and then a blank or the end of the line. */
function isAtxHeading(text: string, s: number, eol: number): boolean {
  let e = s;
  while (e < eol && text.charCodeAt(e) === 35) e++;
  return e - s <= 6 && (e === eol || text.charCodeAt(e) === 32 || text.charCodeAt(e) === 9);
}

export type SectionKind = 'chapters' | 'batch' | 'reading' | 'support' | 'time' | 'other';

/** Which of the README's sections a level-2 heading's text opens. */
export function sectionKind(headingText: string): SectionKind {
  const t = headingText.trim().toLowerCase();
  if (/^chapters(?![a-z])/.test(t)) return 'chapters';
  if (t.startsWith('batch learning route')) return 'batch';
  if (t.startsWith('reading priority')) return 'reading';
  if (t.startsWith('support documents')) return 'support';
  if (t.startsWith('estimated time per topic')) return 'time';
  return 'other';
}

function stripClosingHashes(s: string): string {
  let e = s.length;
  while (e > 0 && isBlank(s.charCodeAt(e - 1))) e--;
  let h = e;
  while (h > 0 && s.charCodeAt(h - 1) === 35) h--;
  if (h < e && (h === 0 || isBlank(s.charCodeAt(h - 1)))) e = h;
  return s.slice(0, e);
}
