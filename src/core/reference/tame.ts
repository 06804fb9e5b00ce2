/**
 * Keeps the reference parser (remark) linear on structural files that hold pathological Markdown. remark nests
 * one call per container (6,000 `> ` markers overflow the stack), resolves emphasis and brackets in time that
 * grows with the square of their number in one paragraph (100 KB of `_*` takes minutes), and copies the whole
 * document's events for each setext heading (`a` over `=`, 4,000 of them in 16 KB take 3.5 s). None of these shapes
 * carries anything the series parsers read (their headings are `#` ones), so before remark sees such a file the
 * excess is blanked out: the same text with those characters replaced by spaces, so every offset, line and column
 * stays where it was. Files without such shapes (every real README and matrix) are passed through unchanged.
 */

/** Containers (quotes, list items) kept on one line; deeper markers become spaces. */
export const MAX_CONTAINER_DEPTH = 64;
/** Emphasis delimiters (`*`, `_`) allowed in one paragraph before they are all blanked out. */
export const MAX_EMPHASIS_PER_BLOCK = 256;
/** Brackets allowed on one line before that line's `[`, `]` and `!` are blanked out. */
export const MAX_BRACKETS_PER_LINE = 64;
/** Lines that may underline a setext heading (`===` or `---` under a line of text) kept; later ones are blanked out. */
export const MAX_SETEXT_UNDERLINES = 256;

/** A line that underlines a setext heading when it follows a paragraph's line (indented at most 3 columns). */
const UNDERLINE = / {0,3}(?:=+|-+)[ \t]*/.source;
/** UNDERLINE as a whole line, its own line break included (lines are split with their breaks), and over a text. */
const UNDERLINE_LINE = new RegExp(`^${UNDERLINE}(?:\\r\\n|\\r|\\n)?$`);
const UNDERLINE_LINES = new RegExp(`^${UNDERLINE}$`, 'gm');

export function tamePathologies(text: string): string {
  if (!mayNeedTaming(text)) return text;
  const lines = text.split(/(?<=\r\n|\r(?!\n)|\n)/); // each line keeps its own break: LF, CRLF or CR
  const out: string[] = new Array(lines.length);
  let blockStart = 0;
  let underlines = 0;
  const flushBlock = (end: number) => {
    let emphasis = 0;
    for (let k = blockStart; k < end; k++) emphasis += countEmphasis(out[k]);
    if (emphasis > MAX_EMPHASIS_PER_BLOCK) for (let k = blockStart; k < end; k++) out[k] = blankEmphasis(out[k]);
    blockStart = end + 1;
  };
  for (let k = 0; k < lines.length; k++) {
    let line = capDepth(lines[k]);
    if (count(line, '[') + count(line, ']') > MAX_BRACKETS_PER_LINE) line = line.replace(/[[\]!]/g, ' ');
    if (k > 0 && out[k - 1].trim() !== '' && UNDERLINE_LINE.test(line) && ++underlines > MAX_SETEXT_UNDERLINES) line = line.replace(/[=-]/g, ' ');
    out[k] = line;
    if (line.trim() === '') flushBlock(k);
  }
  flushBlock(lines.length);
  return out.join('');
}

/** A quick look: only a text with a long run of markers or many delimiters can need taming. */
function mayNeedTaming(text: string): boolean {
  return count(text, '*') + count(text, '_') > MAX_EMPHASIS_PER_BLOCK
    || count(text, '[') > MAX_BRACKETS_PER_LINE
    || /(?:[>*+-][ \t]*){65}/.test(text)
    || (text.match(UNDERLINE_LINES)?.length ?? 0) > MAX_SETEXT_UNDERLINES;
}

function count(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i !== -1; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

/** Blanks container markers (`>`, `-`, `*`, `+`) at the start of a line beyond MAX_CONTAINER_DEPTH of them. */
function capDepth(line: string): string {
  let depth = 0;
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === ' ' || c === '\t') { i++; continue; }
    if (c !== '>' && c !== '-' && c !== '*' && c !== '+') break;
    if (++depth > MAX_CONTAINER_DEPTH) {
      let j = i;
      while (j < line.length && ' \t>*+-'.includes(line[j])) j++;
      return line.slice(0, i) + ' '.repeat(j - i) + line.slice(j);
    }
    i++;
  }
  return line;
}

/**
 * The offsets in `line` of the emphasis delimiters remark would weigh: `*` and `_` outside code spans, except a
 * list marker (`* ` at the start of the line's content) and `_` inside a word (`area_00` never emphasises).
 */
function emphasisAt(line: string): number[] {
  const out: number[] = [];
  const marker = /^[ \t>]*\*[ \t]/.exec(line);
  for (let i = marker ? marker[0].length : 0; i < line.length; i++) {
    const c = line[i];
    if (c === '`') {
      let run = 1;
      while (line[i + run] === '`') run++;
      const close = line.indexOf('`'.repeat(run), i + run);
      if (close !== -1) { i = close + run - 1; continue; }
      i += run - 1;
    } else if (c === '*' || (c === '_' && !(isWordChar(line[i - 1]) && isWordChar(line[i + 1])))) {
      out.push(i);
    }
  }
  return out;
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

function countEmphasis(line: string): number {
  return emphasisAt(line).length;
}

function blankEmphasis(line: string): string {
  const chars = line.split('');
  for (const i of emphasisAt(line)) chars[i] = ' ';
  return chars.join('');
}
