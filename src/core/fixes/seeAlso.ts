import { parseNote } from '../index/parseNote';
import type { Heading, Position, TextEdit } from '../model';
import { dirname, relative } from '../paths';
import { endsWithLineBreak, lineEndingOf } from '../text/lineEnding';
import { LineIndex } from '../text/lineIndex';
import { applyTextEdits } from './applyEdits';
import { encodeLinkPath } from './destination';

/**
 * The `xref-missing-link` fix: a link from note `from` to `to`, in the note's own line endings. When the note has a
 * "See also" / "Related" section (`## 延伸閱讀`, `## 相關筆記` …) the link becomes a `- [label](path)` item at the end
 * of its last such section; otherwise a `- See also: [label](path)` line is appended. The text is scanned before it
 * is offered: when the note ends inside an unclosed code fence (where the line would be code, not a link) the fence
 * is closed first; when even that leaves no link, there is no fix (undefined).
 *
 * The edits are inserts, and what one fix inserts before its link line (the missing last line break, the fence
 * closer) is an edit of its own, the same for every link added to the note: "fix all" keeps it once, so a second
 * link lands after the first one rather than after a second fence line that would open a new code block.
 */
export function seeAlsoEdits(text: string, from: string, to: string, label: string): TextEdit[] | undefined {
  const eol = lineEndingOf(text);
  const destination = encodeLinkPath(relative(dirname(from), to));
  const link = `[${label.replace(/[[\]]/g, '')}](${destination})`;
  const inSection = sectionEdits(text, link, eol);
  if (inSection && addsLink(text, inSection, destination)) return inSection;
  const lead = endsWithLineBreak(text) ? '' : eol;
  const end = new LineIndex(text).positionAt(text.length);
  const insert = (newText: string): TextEdit => ({ range: { start: end, end }, newText });
  for (const closer of ['', fenceCloser(text)]) {
    if (closer === undefined) continue;
    const prefix = lead + (closer === '' ? '' : closer + eol);
    const edits = [...(prefix === '' ? [] : [insert(prefix)]), insert(`${eol}- See also: ${link}${eol}`)];
    if (addsLink(text, edits, destination)) return edits;
  }
  return undefined;
}

/** The heading of a section that lists related notes, in English or Chinese (leading emoji and numbering skipped). */
const SEE_ALSO_HEADING = /^[^\p{L}]*(?:see also|related\b|further reading|延伸閱讀|延伸阅读|相關|相关|參見|参见|另見|另见|參考|参考)/iu;
/** The index of a note's last "See also" / "Related" heading (where its related notes are listed), else -1. */
export function lastSeeAlsoHeading(headings: readonly Heading[]): number {
  let found = -1;
  for (let i = 0; i < headings.length; i++) if (SEE_ALSO_HEADING.test(headings[i].text.trim())) found = i;
  return found;
}

const LIST_ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])[ \t]/;

/**
 * An item for `link` at the end of the note's last "See also" section (the section runs to the next heading of the
 * same or a higher level): after its last list item, in the same list style; else as a new list after its last
 * line (a list of its own). Undefined when the note has no such section.
 */
function sectionEdits(text: string, link: string, eol: string): TextEdit[] | undefined {
  const { lines, scan } = parseNote(text, { linkText: false });
  const headings = scan.headings;
  const found = lastSeeAlsoHeading(headings);
  if (found === -1) return undefined;
  const heading = headings[found];
  const next = headings.slice(found + 1).find(h => h.level <= heading.level);
  const endLine = next ? next.range.start.line : lines.lineCount;
  let last = heading.range.end.line;
  for (let l = endLine - 1; l > heading.range.end.line; l--) {
    if (lines.lineText(l).trim() !== '') { last = l; break; }
  }
  const item = last === heading.range.end.line ? undefined : LIST_ITEM.exec(lines.lineText(last));
  const at = lines.positionAt(lines.lineEnd(last));
  const insert = (pos: Position, newText: string): TextEdit => ({ range: { start: pos, end: pos }, newText });
  if (item) {
    const marker = /^\d/.test(item[2]) ? nextNumber(item[2].slice(0, -1)) + item[2].slice(-1) : item[2];
    return [insert(at, `${eol}${item[1]}${marker} ${link}`)];
  }
  // a new list: a blank line before it, and one after it when a heading follows right below (each its own edit,
  // the same for every link added, so two links make one list)
  const edits = [insert(at, eol), insert(at, `${eol}- ${link}`)];
  if (last + 1 < lines.lineCount && lines.lineText(last + 1).trim() !== '') edits.push(insert({ line: last + 1, character: 0 }, eol));
  return edits;
}

/** The number after `digits` in the width they were written with (`09` → `10`, `01` → `02`, `9` → `10`). */
function nextNumber(digits: string): string {
  const next = String(Number(digits) + 1);
  return digits.startsWith('0') ? next.padStart(digits.length, '0') : next;
}

/** An insert that adds a numbered list item on a line of its own: line break, indent, number, delimiter. */
const INSERTED_ITEM = /^(\r?\n)( {0,3})(\d{1,9})([.)])(?=[ \t])/;

/**
 * Each see-also fix numbers its item after the last item written, so "fix all" gets several inserts at one position
 * that all carry the same number. Given one file's edits (sorted by position, inserts at one position in the order
 * they apply), each such insert after the first continues the numbering of the one before it (same indent and
 * delimiter): two items added to a list ending in `2.` become `3.` and `4.`. Other edits are returned as they are.
 */
export function continueInsertedNumbering(edits: readonly TextEdit[]): TextEdit[] {
  let prev: { at: Position; indent: string; delimiter: string; number: string } | undefined;
  return edits.map(e => {
    const { start, end } = e.range;
    const m = start.line === end.line && start.character === end.character ? INSERTED_ITEM.exec(e.newText) : null;
    if (!m) { prev = undefined; return e; }
    const [whole, eol, indent, digits, delimiter] = m;
    const follows = prev !== undefined && prev.at.line === start.line && prev.at.character === start.character
      && prev.indent === indent && prev.delimiter === delimiter && Number(digits) <= Number(prev.number);
    const number = follows ? nextNumber(prev!.number) : digits;
    prev = { at: start, indent, delimiter, number };
    return follows ? { range: e.range, newText: eol + indent + number + delimiter + e.newText.slice(whole.length) } : e;
  });
}

/** Whether the edits give the note a link with `destination` that it did not have. */
function addsLink(text: string, edits: TextEdit[], destination: string): boolean {
  const count = (t: string) => parseNote(t, { linkText: false }).scan.links.filter(l => l.kind === 'link' && l.raw === destination).length;
  const after = applyTextEdits(text, edits);
  return count(after) > count(text);
}

/** The line that closes a code fence still open at the end of the note (same character, same length); else undefined. */
function fenceCloser(text: string): string | undefined {
  const lines = new LineIndex(text);
  let open: string | undefined;
  for (let i = 0; i < lines.lineCount; i++) {
    const m = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(lines.lineText(i));
    if (!m) continue;
    if (open === undefined) {
      if (m[1][0] === '~' || !m[2].includes('`')) open = m[1];
    } else if (m[1][0] === open[0] && m[1].length >= open.length && m[2].trim() === '') open = undefined;
  }
  return open;
}
