import { topLevelKey } from '../frontmatter/fields';
import { yamlEntry, yamlValue, type FieldValue } from '../frontmatter/yamlText';
import type { FrontmatterResult, Position, TextEdit } from '../model';
import { lineEndingOf } from '../text/lineEnding';
import { LineIndex } from '../text/lineIndex';

/**
 * Quick-fix edits for the frontmatter rules: insert a whole block, add a missing field, replace a
 * field's value. Pure text edits on the note as it is (unsaved text included); they touch only
 * the frontmatter lines they name and keep the note's line-ending style.
 */

export type { FieldValue };

export interface InsertFrontmatterOptions {
  title?: string;
  /** `YYYY-MM-DD` for `created` and `updated` */
  today: string;
  noteType?: string;
  domain?: string;
  tags?: string[];
}

/** A complete frontmatter block inserted at the top of a note that has none. */
export function insertFrontmatterFix(text: string, file: string, opts: InsertFrontmatterOptions): TextEdit[] {
  const eol = lineEndingOf(text);
  const title = opts.title ?? firstHeadingTitle(text, 0) ?? titleFromFileName(file);
  const block = [
    '---',
    yamlEntry('title', title),
    yamlEntry('note_type', opts.noteType ?? 'chapter'),
    yamlEntry('domain', opts.domain ?? null),
    yamlEntry('tags', opts.tags ?? []),
    yamlEntry('created', opts.today),
    yamlEntry('updated', opts.today),
    yamlEntry('status', 'draft'),
    '---',
  ].join(eol) + eol;
  const top: Position = { line: 0, character: 0 };
  return [{ range: { start: top, end: top }, newText: block }];
}

/**
 * Adds `field: value` as the last line of the block (before the closing fence). When the field is
 * already there its value is replaced instead. No edit when the note has no closed block.
 * Without a value the field gets its default (`defaultFieldValue`); `today` is `YYYY-MM-DD`.
 */
export function addFieldFix(text: string, fm: FrontmatterResult, field: string, value?: FieldValue, today?: string): TextEdit[] {
  const block = fm.block;
  if (!block || !block.closed) return [];
  if (fm.fieldRanges[field]) return setFieldFix(text, fm, field, value, today);
  const lines = new LineIndex(text);
  const v = value === undefined ? defaultFieldValue(text, fm, field, today) : value;
  const at = lines.positionAt(block.contentEnd);
  return [{ range: { start: at, end: at }, newText: yamlEntry(field, v) + lineEndingOf(text) }];
}

/**
 * Replaces the value of `field` (all of its lines when it spans several), keeping its key, an anchor on it
 * (`&d`, which aliases elsewhere name), a trailing `# comment` and comment lines among its lines. Adds the field
 * when it is absent. No edit when the note has no closed block.
 */
export function setFieldFix(text: string, fm: FrontmatterResult, field: string, value?: FieldValue, today?: string): TextEdit[] {
  const block = fm.block;
  if (!block || !block.closed) return [];
  const r = fm.fieldRanges[field];
  if (!r) return addFieldFix(text, fm, field, value, today);
  const lines = new LineIndex(text);
  const keyLine = lines.lineText(r.start.line);
  const key = topLevelKey(keyLine);
  if (!key) return [];
  const v = yamlValue(value === undefined ? defaultFieldValue(text, fm, field, today) : value);
  const valueText = [anchorOf(keyLine, key.colon + 1), v].filter(x => x !== '').join(' ');
  const newText = valueText === '' ? '' : ` ${valueText}`;
  const start: Position = { line: r.start.line, character: key.colon + 1 };
  if (r.end.line === r.start.line) {
    return [{ range: { start, end: { line: r.start.line, character: valueEnd(keyLine, key.colon + 1) } }, newText }];
  }
  const keyComment = keyLine.slice(valueEnd(keyLine, key.colon + 1)).trim();
  const kept = commentLines(lines, r.start.line + 1, r.end.line).map(l => lineEndingOf(text) + l).join('');
  return [{ range: { start, end: r.end }, newText: newText + (keyComment.startsWith('#') ? ` ${keyComment}` : '') + kept }];
}

/** The anchor (`&name`) a value written after `start` carries, or ''. */
function anchorOf(line: string, start: number): string {
  const m = /^[ \t]*(&[^ \t]+)(?=[ \t]|$)/.exec(line.slice(start));
  return m ? m[1] : '';
}

/** The lines from `first` to `last` (inclusive) that hold only a `# comment`, as written. */
function commentLines(lines: LineIndex, first: number, last: number): string[] {
  const out: string[] = [];
  for (let i = first; i <= last && i < lines.lineCount; i++) {
    const t = lines.lineText(i);
    if (t.trimStart().startsWith('#')) out.push(t);
  }
  return out;
}

/**
 * The value a fix writes for a field when none is given: `today` (default: the local date now) for
 * `created` / `updated` (but `created` never after an `updated` the note has, nor `updated` before its `created`), `draft` for status, `chapter` for note_type, `[]` for tags, the first
 * `#` heading for title; other fields get an empty value for the author to fill in.
 */
export function defaultFieldValue(text: string, fm: FrontmatterResult, field: string, today?: string): FieldValue {
  switch (field) {
    case 'created': {
      // never after `updated`: a note updated before today was created no later than that
      const now = today ?? todayString();
      const updated = fm.data?.updated;
      return typeof updated === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(updated) && updated < now ? updated : now;
    }
    case 'updated': {
      const now = today ?? todayString();
      const created = fm.data?.created;
      return typeof created === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(created) && created > now ? created : now;
    }
    case 'status': return 'draft';
    case 'note_type': return 'chapter';
    case 'tags': return [];
    case 'title': return firstHeadingTitle(text, fm.block?.end ?? 0) ?? null;
    default: return null;
  }
}

/** `01_scalability_fundamentals.md` → `Scalability Fundamentals` (number prefix dropped, words capitalised). */
export function titleFromFileName(file: string): string {
  const base = file.slice(file.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  let i = 0;
  // a chapter number prefix: digits, optionally `.`/`_`/`-` separated (`17_3_`), then a separator
  while (i < stem.length && isDigit(stem.charCodeAt(i))) {
    let j = i;
    while (j < stem.length && isDigit(stem.charCodeAt(j))) j++;
    if (j < stem.length && isSeparator(stem.charCodeAt(j))) i = j + 1;
    else break;
  }
  const words = stem.slice(i).split(/[\s_-]+/).filter(w => w !== '');
  if (words.length === 0) return stem;
  return words.map(w => w[0].toUpperCase() + w.slice(1)).join(' ');
}

/** Today's local date as `YYYY-MM-DD`. */
export function todayString(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${String(now.getFullYear()).padStart(4, '0')}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** The text of the first level-1 ATX heading (`# Title`) at or after `from`, outside fenced code. */
export function firstHeadingTitle(text: string, from: number): string | undefined {
  const lines = new LineIndex(text);
  let fence = '';
  for (let line = lines.positionAt(from).line; line < lines.lineCount; line++) {
    const t = lines.lineText(line);
    const lead = t.length - t.trimStart().length;
    const body = t.trimStart();
    if (lead <= 3 && (body.startsWith('```') || body.startsWith('~~~'))) {
      const marker = body.slice(0, 3);
      if (fence === '') fence = marker;
      else if (marker === fence && body.replace(/^[`~]+/, '').trim() === '') fence = '';
      continue;
    }
    if (fence !== '' || lead > 3 || !body.startsWith('#')) continue;
    if (body.length > 1 && body[1] !== ' ' && body[1] !== '\t') continue;
    const title = stripClosingHashes(body.slice(1).trim());
    if (title !== '') return title;
  }
  return undefined;
}

function stripClosingHashes(s: string): string {
  let end = s.length;
  while (end > 0 && s[end - 1] === '#') end--;
  if (end === s.length) return s;
  if (end === 0) return '';
  return s[end - 1] === ' ' || s[end - 1] === '\t' ? s.slice(0, end).trimEnd() : s;
}

/**
 * Where a one-line value written from `start` ends: before a trailing `# comment` and trailing blanks.
 * Quotes are followed where YAML opens them (at the value's start or after a flow indicator).
 */
function valueEnd(line: string, start: number): number {
  let quote = '';
  let prev = '';
  let i = start;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  const first = i;
  for (; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (quote === '"' && c === '\\') { i++; continue; }
      if (c === quote) {
        if (quote === "'" && line[i + 1] === "'") { i++; continue; }
        quote = '';
        prev = c;
      }
      continue;
    }
    if ((c === '"' || c === "'") && (i === first || prev === '[' || prev === '{' || prev === ',' || prev === ':')) { quote = c; continue; }
    if (c === '#' && i > start && (line[i - 1] === ' ' || line[i - 1] === '\t')) break;
    if (c !== ' ' && c !== '\t') prev = c;
  }
  let end = i;
  while (end > start && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  return end;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isSeparator(c: number): boolean {
  return c === 95 || c === 45 || c === 46 || c === 32;
}
