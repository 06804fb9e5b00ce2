import type { Range } from '../model';
import type { LineIndex } from '../text/lineIndex';

/**
 * Line-level view of the top-level keys of a YAML frontmatter block: where each `key: value`
 * entry starts and ends in the note text. Used for diagnostic ranges and for fix edits; the
 * parsed values come from the YAML parser, this only locates them. Linear in the block's length.
 */

export interface KeyLine {
  key: string;
  /** index of the `:` that ends the key, within the line */
  colon: number;
}

/**
 * The key of a top-level mapping entry written on this line (`title: x`, `"a b": x`, `'k': x`),
 * or undefined when the line is not one (indented, blank, comment, sequence item, fence).
 */
export function topLevelKey(line: string): KeyLine | undefined {
  if (line.length === 0) return undefined;
  const first = line.charCodeAt(0);
  // space, tab, '#', '?', '%', '&', '*', '!', '|', '>', '[', '{', '@', '`': no plain key starts with these (a root
  // flow mapping `{title: X}` has its keys read by flowRoot)
  if (first === 32 || first === 9 || first === 35 || first === 63 || first === 37 || first === 38 || first === 42
    || first === 33 || first === 124 || first === 62 || first === 91 || first === 123 || first === 64 || first === 96) return undefined;
  if (first === 45 && (line.length === 1 || isBlankChar(line.charCodeAt(1)) || line.startsWith('---'))) return undefined;
  if (first === 34 || first === 39) return quotedKey(line, first);
  let i = line.indexOf(':');
  while (i !== -1) {
    if (i + 1 === line.length || isBlankChar(line.charCodeAt(i + 1))) {
      const key = line.slice(0, i).trimEnd();
      return key === '' ? undefined : { key, colon: i };
    }
    i = line.indexOf(':', i + 1);
  }
  return undefined;
}

function quotedKey(line: string, quote: number): KeyLine | undefined {
  let key = '';
  let i = 1;
  for (; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (quote === 34 && c === 92 && i + 1 < line.length) { key += line[i + 1]; i++; continue; }
    if (c === quote) {
      if (quote === 39 && line.charCodeAt(i + 1) === 39) { key += "'"; i++; continue; }
      break;
    }
    key += line[i];
  }
  if (i >= line.length) return undefined;
  let j = i + 1;
  while (j < line.length && isBlankChar(line.charCodeAt(j))) j++;
  if (line.charCodeAt(j) !== 58) return undefined;
  return { key, colon: j };
}

function isBlankChar(c: number): boolean {
  return c === 32 || c === 9;
}

/** True for a line that holds nothing but blanks or a `#` comment. */
export function isBlankOrComment(line: string): boolean {
  const t = line.trimStart();
  return t === '' || t.startsWith('#');
}

/**
 * Range of each top-level key's entry in the original text, from the start of its key line to the
 * end of its last non-blank, non-comment line (continuation lines and block sequences included).
 * The first occurrence of a key wins. Returns a null-prototype object.
 */
export function findFieldRanges(lines: LineIndex, contentStart: number, contentEnd: number): Record<string, Range> {
  const ranges: Record<string, Range> = Object.create(null);
  if (contentEnd <= contentStart) return ranges;
  const firstLine = lines.positionAt(contentStart).line;
  // contentEnd is the start of the closing fence line: the content's last line is the one before it
  const lastLine = lines.positionAt(contentEnd).line - 1;
  let currentKey: string | undefined;
  let currentStart = 0;
  let lastContentLine = -1;
  const close = () => {
    if (currentKey !== undefined && !(currentKey in ranges)) {
      ranges[currentKey] = { start: { line: currentStart, character: 0 }, end: { line: lastContentLine, character: lines.lineEnd(lastContentLine) - lines.lineStart(lastContentLine) } };
    }
  };
  for (let line = firstLine; line <= lastLine; line++) {
    const t = lines.lineText(line);
    const k = topLevelKey(t);
    if (k) {
      close();
      currentKey = k.key;
      currentStart = line;
      lastContentLine = line;
    } else if (!isBlankOrComment(t)) {
      lastContentLine = line;
    }
  }
  close();
  return ranges;
}
