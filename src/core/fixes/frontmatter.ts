import { jsonEqual } from '../coverage/viewModel';
import { topLevelKey } from '../frontmatter/fields';
import { parseFrontmatter } from '../frontmatter/parse';
import { fieldSource, flowRoot, keyText, valueEnd, type FlowCollection, type Span } from '../frontmatter/source';
import { yamlEntry, yamlString, yamlValue, type FieldValue } from '../frontmatter/yamlText';
import type { FrontmatterResult, FrontmatterValue, Position, Range, TextEdit } from '../model';
import { applyTextEdits } from './applyEdits';
import { basename } from '../paths';
import { isDateText } from '../rules/frontmatter';
import { lineEndingOf } from '../text/lineEnding';
import { LineIndex } from '../text/lineIndex';

/**
 * Quick-fix edits for the frontmatter rules: insert a whole block, add a missing field, replace a
 * field's value or one item of a list. Pure text edits on the note as it is (unsaved text included); they touch
 * only the frontmatter text they name, keep the note's line-ending style, and are checked by parsing the result.
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
 * A frontmatter block displaced by blank lines above its opening `---` (a common slip: it is no frontmatter, only a
 * thematic break and text): the edit that deletes those lines, so that the block opens the note, and whether that
 * block then parses to a mapping. Undefined when the note does not start with blank lines and a closed block.
 */
export function displacedFrontmatter(text: string): { edits: TextEdit[]; parses: boolean } | undefined {
  const blank = /^(?:[ \t]*(?:\r\n|\n|\r))+/.exec(text);
  if (!blank) return undefined;
  const rest = text.slice(blank[0].length);
  const moved = parseFrontmatter(rest);
  if (!moved.block?.closed) return undefined;
  const lines = new LineIndex(text);
  return { edits: [{ range: lines.range(0, blank[0].length), newText: '' }], parses: moved.data !== undefined && moved.error === undefined };
}

/**
 * Adds `field: value`: as the last line of a block mapping (before the closing fence), as the last entry of a
 * flow mapping (`{title: X, field: value}`). When the field is already there its value is replaced instead
 * (`setFieldFix`). Without a value the field gets its default (`defaultFieldValue`); `today` is `YYYY-MM-DD`.
 * No edit when the note has no closed block, or when the edit would not leave YAML that parses to the same
 * mapping with this one field set (`checkedEdits`): a fix never breaks the file.
 */
export function addFieldFix(text: string, fm: FrontmatterResult, field: string, value?: FieldValue, today?: string): TextEdit[] {
  return setFieldFix(text, fm, field, value, today);
}

/**
 * Replaces the value of `field` (all of its lines when it spans several), keeping its key, an anchor on it
 * (`&d`, which aliases elsewhere name), a trailing `# comment` and comment lines among its lines; in a flow
 * mapping only the value is rewritten, in place. Adds the field when it is absent (`addFieldFix`). No edit when
 * the note has no closed block or no safe edit can be made (`checkedEdits`).
 */
export function setFieldFix(text: string, fm: FrontmatterResult, field: string, value?: FieldValue, today?: string): TextEdit[] {
  const head = blockText(text, fm);
  if (head === undefined) return [];
  const v = value === undefined ? defaultFieldValue(text, fm, field, today) : value;
  const lines = new LineIndex(head);
  const root = flowRoot(head, fm);
  const r = fm.fieldRanges[field];
  const edits = root ? flowFieldEdits(lines, root, field, v)
    : r ? blockValueEdits(lines, r, v, lineEndingOf(text))
    : [insertAt(lines, fm.block!.contentEnd, yamlEntry(field, v) + lineEndingOf(text))];
  return checkedEdits(head, fm, field, Array.isArray(v) ? [...v] : v as FrontmatterValue, edits);
}

/**
 * Replaces the first item of the list `field` that equals `item` with `value` in place, or drops it (no value, or
 * a value the list already holds), keeping every other item as written (`1.0` stays `1.0`, not the number YAML
 * reads). No edit when the items' text cannot be told apart or the edit is not safe (`checkedEdits`).
 */
export function setListItemFix(text: string, fm: FrontmatterResult, field: string, item: FrontmatterValue, value?: string): TextEdit[] {
  const head = blockText(text, fm);
  const list = head !== undefined && Object.hasOwn(fm.data!, field) ? fm.data![field] : undefined;
  const index = Array.isArray(list) ? list.indexOf(item) : -1;
  if (head === undefined || !Array.isArray(list) || index < 0) return [];
  const lines = new LineIndex(head);
  const items = fieldSource(fm, field, lines)?.items;
  if (!items || items.length !== list.length) return [];
  // a value the list holds already, as read or as written (`1.0` is "1.0"), is not written twice
  const drop = value === undefined || list.some((x, i) => i !== index && (x === value || head.slice(items[i].span.start, items[i].span.end) === value));
  const expected = drop ? list.filter((_, i) => i !== index) : list.map((x, i) => (i === index ? value : x));
  // the last item dropped: an empty list, not a field left without a value
  if (expected.length === 0) return setFieldFix(text, fm, field, []);
  const at = items[index];
  // an item of a flow list (`[a, b]`) is quoted when it holds `,` or a bracket; a block list's (`- a`) need not be
  const edit = drop ? replaceSpan(lines, at.remove, '') : replaceSpan(lines, at.span, yamlString(value!, at.flow));
  return checkedEdits(head, fm, field, expected, [edit]);
}

/**
 * The note's text up to the end of its frontmatter block, which every frontmatter edit lies in (and which is all
 * a check of the edit needs to parse again), or undefined without a closed block that parsed to a mapping.
 */
function blockText(text: string, fm: FrontmatterResult): string | undefined {
  return fm.block?.closed && fm.data ? text.slice(0, fm.block.end) : undefined;
}

/** A one-line or multi-line value of a block mapping entry (its key's range `r`) replaced by `v`. */
function blockValueEdits(lines: LineIndex, r: Range, v: FieldValue, eol: string): TextEdit[] {
  const keyLine = lines.lineText(r.start.line);
  const key = topLevelKey(keyLine);
  if (!key) return [];
  const valueText = [anchorOf(keyLine, key.colon + 1), yamlValue(v)].filter(x => x !== '').join(' ');
  const newText = valueText === '' ? '' : ` ${valueText}`;
  const start: Position = { line: r.start.line, character: key.colon + 1 };
  if (r.end.line === r.start.line) {
    return [{ range: { start, end: { line: r.start.line, character: valueEnd(keyLine, key.colon + 1) } }, newText }];
  }
  const keyComment = keyLine.slice(valueEnd(keyLine, key.colon + 1)).trim();
  const kept = commentLines(lines, r.start.line + 1, r.end.line).map(l => eol + l).join('');
  return [{ range: { start, end: r.end }, newText: newText + (keyComment.startsWith('#') ? ` ${keyComment}` : '') + kept }];
}

/**
 * `field` set to `v` in a root flow mapping: its value rewritten in place (`{a: x}`, `{a:}`, `{a}`), or
 * `, field: v` added after the last entry, or ` field: v,` into `{}` and after a trailing comma (`{a: 1, }`). Each
 * added entry carries its own comma, so that several added at the same place (Fix All) stay entries of their own.
 */
function flowFieldEdits(lines: LineIndex, root: FlowCollection, field: string, v: FieldValue): TextEdit[] {
  const written = yamlValue(v, true);
  const entry = root.entries.find(e => e.key && keyText(lines.text, e.key) === field);
  if (entry) {
    // a key without a value (`{a}`, `{a:}`) is rewritten from its start, key as written: an insert at its end would
    // share its place with an entry added after it (`, b: v`), and their order is the merge's
    if (!entry.value) return written === '' ? [] : [replaceSpan(lines, entry.span, `${lines.text.slice(entry.span.start, entry.span.end)}: ${written}`)];
    const empty = entry.value.start === entry.value.end;
    if (!empty) return [replaceSpan(lines, entry.value, written)];
    const head = lines.text.slice(entry.span.start, entry.value.start);
    return [replaceSpan(lines, { start: entry.span.start, end: entry.value.end }, written === '' ? head : `${head} ${written}`)];
  }
  const newEntry = yamlEntry(field, v, true);
  const last = root.entries[root.entries.length - 1];
  // into `{}` and after a trailing comma (`{a: 1, }`) the entry is followed by its comma, leaving one trailing
  if (!last) return [insertAt(lines, root.open + 1, ` ${newEntry},`)];
  return last.comma >= 0 ? [insertAt(lines, last.comma + 1, ` ${newEntry},`)] : [insertAt(lines, last.span.end, `, ${newEntry}`)];
}

function insertAt(lines: LineIndex, offset: number, newText: string): TextEdit {
  return replaceSpan(lines, { start: offset, end: offset }, newText);
}

function replaceSpan(lines: LineIndex, span: Span, newText: string): TextEdit {
  return { range: lines.range(span.start, span.end), newText };
}

/**
 * The edits when the block they make (`head`: the note up to the end of its frontmatter block, which the edits
 * lie in) is still a closed frontmatter block ending where `head` ends, that parses to a mapping in which `field`
 * holds `expected`, every other field keeps its value (or follows the field's new one, as an alias of it) and no
 * field appears; else none. Every frontmatter fix goes through this.
 */
function checkedEdits(head: string, fm: FrontmatterResult, field: string, expected: FrontmatterValue, edits: TextEdit[]): TextEdit[] {
  const before = fm.data;
  if (edits.length === 0 || !before) return [];
  const out = applyTextEdits(head, edits);
  const after = parseFrontmatter(out);
  const data = after.data;
  if (!data || after.error || !after.block?.closed || after.block.end !== out.length) return [];
  if (!Object.hasOwn(data, field) || !jsonEqual(data[field], expected)) return [];
  for (const k of Object.keys(data)) if (k !== field && !Object.hasOwn(before, k)) return [];
  for (const k of Object.keys(before)) {
    if (k === field) continue;
    if (!Object.hasOwn(data, k)) return [];
    const aliased = Object.hasOwn(before, field) && jsonEqual(before[k], before[field]) && jsonEqual(data[k], expected);
    if (!jsonEqual(data[k], before[k]) && !aliased) return [];
  }
  return edits;
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
      return typeof updated === 'string' && isDateText(updated) && updated < now ? updated : now;
    }
    case 'updated': {
      const now = today ?? todayString();
      const created = fm.data?.created;
      return typeof created === 'string' && isDateText(created) && created > now ? created : now;
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

/**
 * The title of a chapter's note from its README label: a label that is a file name (`01_scalability_fundamentals`,
 * `05_api_design.md`, or the base name of the chapter's `file`) → `Scalability Fundamentals`; a prose label is the
 * title as written (`Node.js Event Loop`, `17.3 async`, `CI/CD Deployment`, `gRPC & GraphQL`).
 */
export function chapterTitle(label: string, file?: string): string {
  const l = label.trim();
  if (l === '') return file !== undefined ? titleFromFileName(file) : l;
  const isFileName = FILE_NAME_LIKE.test(l) || (file !== undefined && l === basename(file).replace(/\.md$/i, ''));
  return isFileName ? titleFromFileName(/\.md$/i.test(l) ? l : `${l}.md`) : l;
}

/** A label written as a file name: no blanks, and a `.md` extension, a number prefix (`01_`, `01-`) or a `_`. */
const FILE_NAME_LIKE = /^(?:\S+\.md|\d+[_-]\S*|\S*_\S*)$/i;

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

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isSeparator(c: number): boolean {
  return c === 95 || c === 45 || c === 46 || c === 32;
}
