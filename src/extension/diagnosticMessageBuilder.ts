import type { Diagnostic } from '../core/model';
import { fillTemplate } from '../core/text/template';
import { describeValue } from '../core/rules/frontmatter';
import { joinList, quote } from './listText';

/**
 * Diagnostic messages worded again for the editor, in its display language. The core (shared with the CLI)
 * writes English only; here every message form is one `l10n.t` template filled with the facts of the
 * diagnostic's `data`. The English templates are word for word the core's messages, and a message is only
 * translated when its facts rebuild the core's English message exactly: a form this file does not know (or
 * facts that disagree with the message) shows the core's message unchanged.
 *
 * Pure: the translator is passed in (`vscode.l10n` in the extension, a plain formatter in unit tests). The
 * parameter is named `l10n` so that every template is a literal first argument of an `l10n.t` call, where the
 * bundle check (test/unit/core/l10n.test.ts) finds it.
 */

/** What a message is built from: a diagnostic's code, its facts and the core's English message. */
export type MessageFacts = Pick<Diagnostic, 'code' | 'message' | 'data'>;

/** The part of `vscode.l10n` this file needs. */
export interface Translator {
  t(message: string, ...args: string[]): string;
}

/** Fills `{0}`, `{1}` … like `vscode.l10n.t` does when no translation bundle is loaded. */
export const ENGLISH: Translator = { t: (message, ...args) => fillTemplate(message, args) };

/** The message in the translator's language, or the core's English message when no template rebuilds it. */
export function localize(d: MessageFacts, l10n: Translator): string {
  if (buildMessage(d, ENGLISH) !== d.message) return d.message;
  const message = buildMessage(d, l10n);
  return message === undefined ? d.message : tightQuotes(message);
}

const IDEOGRAPH = '\\u3400-\\u9fff';
/** A space between an ideograph and a 「quoted」 value: the template spaced a placeholder that may hold a number or a quotation. */
const LOOSE_QUOTE = new RegExp(`(?<=[${IDEOGRAPH}]) (?=「)|(?<=」) (?=[${IDEOGRAPH}（，。：；])`, 'g');

/** `的值 「wip」 不是` → `的值「wip」不是`: full-width quotation marks carry their own spacing. */
function tightQuotes(message: string): string {
  return message.includes('「') ? message.replace(LOOSE_QUOTE, '') : message;
}

/** The message of `d` from its code and facts, through `l10n`; undefined for a form no template covers. */
export function buildMessage(d: MessageFacts, l10n: Translator): string | undefined {
  const data: Facts = d.data ?? {};
  switch (d.code) {
    case 'frontmatter-missing':
      return l10n.t('note has no frontmatter (a YAML block between \'---\' lines at the top)');
    case 'frontmatter-invalid':
      return frontmatterInvalid(data, l10n);
    case 'frontmatter-field-missing': {
      const field = text(data, 'field');
      return field === undefined ? undefined : l10n.t('required field "{0}" is missing', field);
    }
    case 'frontmatter-field-invalid':
      return fieldInvalid(data, l10n);
    case 'link-broken':
    case 'link-anchor-broken':
    case 'ref-broken':
    case 'wikilink-broken':
    case 'link-outside-workspace':
      return linkMessage(d.code, data, l10n);
    case 'xref-missing-link':
      return xrefMissingLink(data, l10n);
    case 'chapter-planned':
      return chapterPlanned(d.message, data, l10n);
    case 'chapter-number-unknown':
      return chapterNumberUnknown(d.message, data, l10n);
    case 'priority-mismatch':
      return priorityMismatch(d.message, data, l10n);
    case 'coverage-status-mismatch':
      return statusMismatch(data, l10n);
    case 'coverage-unlisted':
      return coverageUnlisted(data, l10n);
  }
  return undefined;
}

type Facts = Record<string, unknown>;

function text(data: Facts, key: string): string | undefined {
  const v = data[key];
  return typeof v === 'string' ? v : undefined;
}

function texts(data: Facts, key: string): string[] | undefined {
  const v = data[key];
  return Array.isArray(v) && v.every(x => typeof x === 'string') ? (v as string[]) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Frontmatter

function frontmatterInvalid(data: Facts, l10n: Translator): string | undefined {
  switch (data.problem) {
    case 'language': {
      const language = text(data, 'language');
      return language === undefined ? undefined : l10n.t('frontmatter language "{0}" is not supported (only YAML)', language);
    }
    case 'not-closed': return l10n.t('frontmatter block is not closed (missing \'---\')');
    case 'not-mapping': return l10n.t('frontmatter must be a mapping of fields');
    case 'too-large': return l10n.t('frontmatter is too large or too deeply aliased');
    case 'too-deep': return l10n.t('frontmatter is too deeply nested');
    case 'yaml': {
      // js-yaml's own reason stays as it wrote it
      const reason = text(data, 'reason');
      return reason === undefined ? undefined : l10n.t('frontmatter is not valid YAML: {0}', reason);
    }
  }
  return undefined;
}

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A frontmatter value as the core shows it (`"wip"`, `42`, `[1, 2]`), but a plain string in the display language's
 * quotation marks (`「wip」`). A string JSON writes with escapes or the core shortens stays as the core wrote it.
 */
function shownValue(value: unknown, l10n: Translator): string {
  const shown = describeValue(value);
  return typeof value === 'string' && shown === `"${value}"` ? quote(l10n, value) : shown;
}

function fieldInvalid(data: Facts, l10n: Translator): string | undefined {
  const field = text(data, 'field');
  if (field === undefined) return undefined;
  const value = data.value;
  // a number or boolean as the note writes it (`1.00`), when the core found that it reads otherwise
  const written = text(data, 'written');
  const shown = (v: unknown) => written ?? shownValue(v, l10n);
  const allowed = texts(data, 'allowed');
  if (allowed !== undefined) {
    // the message names the first value that is not allowed (the core names it when the value is a list)
    const values: unknown[] = 'item' in data ? [data.item] : Array.isArray(value) ? value : [value];
    const i = values.findIndex(v => typeof v !== 'string' || !allowed.includes(v));
    if (i === -1) return undefined;
    return l10n.t('{0} {1} is not one of {2}', field, shown(values[i]), joinList(l10n, allowed));
  }
  switch (data.expected) {
    case 'a value': return l10n.t('{0} is empty', field);
    case 'a list of strings': return l10n.t('{0} must be a list of strings, got {1}', field, shown(value));
    case 'a string or a list of strings': return l10n.t('{0} must be a string or a list of strings, got {1}', field, shown(value));
    case 'text': return l10n.t('{0} must be text, got {1}', field, shown(value));
    case 'YYYY-MM-DD':
      return typeof value === 'string' && DATE_SHAPE.test(value)
        ? l10n.t('{0} {1} is not a real calendar date', field, shownValue(value, l10n))
        : l10n.t('{0} {1} is not a date in YYYY-MM-DD form', field, shown(value));
  }
  const created = text(data, 'expected');
  if (field === 'updated' && typeof value === 'string' && created !== undefined) {
    return l10n.t('updated "{0}" is before created "{1}"', value, created);
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Links and cross-references

function linkMessage(code: Diagnostic['code'], data: Facts, l10n: Translator): string | undefined {
  const kind = data.kind;
  const raw = text(data, 'raw');
  const path = text(data, 'path');
  const file = text(data, 'file');
  switch (code) {
    case 'link-outside-workspace':
      if (raw === undefined) return undefined;
      switch (kind) {
        case 'link': return l10n.t('link "{0}" leaves the workspace folder; it is not followed', raw);
        case 'image': return l10n.t('image "{0}" leaves the workspace folder; it is not followed', raw);
        case 'media': return l10n.t('media "{0}" leaves the workspace folder; it is not followed', raw);
        case 'ref': return l10n.t('reference "{0}" leaves the workspace folder; it is not followed', raw);
        case 'wikilink': return l10n.t('wikilink "{0}" leaves the workspace folder; it is not followed', raw);
      }
      return undefined;
    case 'wikilink-broken':
      return raw === undefined ? undefined : l10n.t('wikilink "[[{0}]]" matches no note by file name, title or alias', raw);
    case 'ref-broken':
      // a side of a matrix cross-reference that names nothing
      if (path !== undefined && data.problem === 'reversed-range') return l10n.t('the chapter range {0} ends before it starts', path);
      if (path !== undefined && data.problem === 'empty-range') return l10n.t('the chapter range {0} covers no chapter, written or planned', path);
      if (path !== undefined && data.problem === 'unplanned') return l10n.t('{0} does not exist, and neither the README nor a matrix row plans it', path);
      return path === undefined || file === undefined ? undefined : l10n.t('referenced file "{0}" does not exist ({1})', path, file);
    case 'link-broken':
      if (path === undefined || file === undefined) return undefined;
      switch (kind) {
        case 'link': return l10n.t('link target "{0}" does not exist ({1})', path, file);
        case 'image': return l10n.t('image target "{0}" does not exist ({1})', path, file);
        case 'media': return l10n.t('media target "{0}" does not exist ({1})', path, file);
        case 'wikilink': return l10n.t('wikilink target "{0}" does not exist ({1})', path, file);
      }
      return undefined;
    case 'link-anchor-broken': {
      const fragment = text(data, 'fragment');
      return fragment === undefined || file === undefined ? undefined : l10n.t('heading "#{0}" not found in {1}', fragment, file);
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Series README
//
// Three series forms keep the exact `data` their rule tests pin (chapter-planned, an ambiguous
// chapter number, a chapter's priority label), so the chapter label and the reading list's name they
// need are read back from the message, anchored on the facts `data` does hold; `localize` then checks
// the English rebuild against the message before anything is translated.

/** `s` without `prefix` and `suffix`; undefined when it does not start and end with them. */
function between(s: string, prefix: string, suffix: string): string | undefined {
  return s.length >= prefix.length + suffix.length && s.startsWith(prefix) && s.endsWith(suffix)
    ? s.slice(prefix.length, s.length - suffix.length)
    : undefined;
}

/** A workspace path and its tails after each `/`, longest first: the ways a README can show it relative to its folder. */
function pathTails(file: string): string[] {
  const out = [file];
  for (let i = file.indexOf('/'); i !== -1; i = file.indexOf('/', i + 1)) out.push(file.slice(i + 1));
  return out;
}

function chapterPlanned(message: string, data: Facts, l10n: Translator): string | undefined {
  const file = text(data, 'file');
  if (file === undefined) return undefined;
  for (const rel of pathTails(file)) {
    const label = between(message, 'chapter "', `" is planned: ${rel} does not exist yet`);
    if (label !== undefined) return l10n.t('chapter "{0}" is planned: {1} does not exist yet', label, rel);
  }
  return undefined;
}

/** Who names a chapter number: `batch 3` or `reading list "Must-read"`. */
type Namer = { batch: string } | { list: string };

function namer(s: string): Namer | undefined {
  const batch = between(s, 'batch ', '');
  if (batch !== undefined && /^\d+$/.test(batch)) return { batch };
  const list = between(s, 'reading list "', '"');
  return list === undefined ? undefined : { list };
}

function chapterNumberUnknown(message: string, data: Facts, l10n: Translator): string | undefined {
  const num = text(data, 'num');
  const candidates = texts(data, 'candidates');
  if (num === undefined || candidates === undefined) return undefined;
  if (candidates.length === 0) {
    const who = namer(between(message, '', ` names chapter ${num}, but no chapter file of this series starts with that number`) ?? '');
    if (who === undefined) return undefined;
    return 'batch' in who
      ? l10n.t('batch {0} names chapter {1}, but no chapter file of this series starts with that number', who.batch, num)
      : l10n.t('reading list "{0}" names chapter {1}, but no chapter file of this series starts with that number', who.list, num);
  }
  const marker = ` names chapter ${num}, which is ambiguous: `;
  const at = message.indexOf(marker);
  const who = at === -1 ? undefined : namer(message.slice(0, at));
  if (who === undefined) return undefined;
  const named = message.slice(at + marker.length);
  const more = moreSuffix(named);
  // (a candidate shown by its link text, not its path, keeps the core's list)
  const listed = candidateList(more?.shown ?? named, candidates, l10n) ?? more?.shown ?? named;
  if (more === undefined) {
    return 'batch' in who
      ? l10n.t('batch {0} names chapter {1}, which is ambiguous: {2}', who.batch, num, listed)
      : l10n.t('reading list "{0}" names chapter {1}, which is ambiguous: {2}', who.list, num, listed);
  }
  return 'batch' in who
    ? l10n.t('batch {0} names chapter {1}, which is ambiguous: {2} and {3} more', who.batch, num, listed, more.count)
    : l10n.t('reading list "{0}" names chapter {1}, which is ambiguous: {2} and {3} more', who.list, num, listed, more.count);
}

/**
 * The candidates an ambiguity message names (`a.md, b.md`, each as its README shows it: a tail of its workspace
 * path), listed again in the display language. Read back by matching each candidate in turn, so a path that holds
 * `, ` itself is not cut; undefined when the text is not the candidates' paths joined with `, `.
 */
function candidateList(shown: string, files: readonly string[], l10n: Translator): string | undefined {
  const parts: string[] = [];
  let at = 0;
  for (const [i, file] of files.entries()) {
    if (i > 0) {
      if (!shown.startsWith(', ', at)) return undefined;
      at += 2;
    }
    const last = i === files.length - 1;
    const part = pathTails(file).find(t => shown.startsWith(t, at) && (last ? at + t.length === shown.length : shown.startsWith(', ', at + t.length)));
    if (part === undefined) return undefined;
    parts.push(part);
    at += part.length;
  }
  return at === shown.length ? joinList(l10n, parts) : undefined;
}

/** Splits `a.md, b.md and 3 more` into the paths shown and the count left out (undefined without that tail). */
function moreSuffix(s: string): { shown: string; count: string } | undefined {
  if (!s.endsWith(' more')) return undefined;
  let i = s.length - ' more'.length;
  const end = i;
  while (i > 0 && s.charCodeAt(i - 1) >= 48 && s.charCodeAt(i - 1) <= 57) i--;
  if (i === end || !s.startsWith(' and ', i - ' and '.length)) return undefined;
  return { shown: s.slice(0, i - ' and '.length), count: s.slice(i, end) };
}

function priorityMismatch(message: string, data: Facts, l10n: Translator): string | undefined {
  if (data.problem === 'not-a-label') {
    const label = text(data, 'label');
    const labels = texts(data, 'labels');
    return label === undefined || labels === undefined ? undefined
      : l10n.t('"{0}" is not a priority label; expected one of {1}', label, joinList(l10n, labels));
  }
  const expected = text(data, 'expected');
  if (expected === undefined) return undefined;
  const num = text(data, 'num');
  const list = text(data, 'list');
  if (num !== undefined && list !== undefined) {
    return l10n.t('chapter {0} is listed both as "{1}" and as "{2}"', num, expected, list);
  }
  const file = text(data, 'file');
  if (file === undefined) return undefined;
  const LABELLED = '" is labelled "';
  const LIST = ', but the reading list "';
  for (const rel of pathTails(file)) {
    // `<label>" is labelled "<written>"[ (not a priority label)], but the reading list "<list>`
    const head = between(message, 'chapter "', `" names ${rel}: expected "${expected}"`);
    if (head === undefined) continue;
    const labelEnd = head.indexOf(LABELLED);
    const listStart = head.lastIndexOf(LIST);
    if (labelEnd === -1 || listStart < labelEnd + LABELLED.length) return undefined;
    const label = head.slice(0, labelEnd);
    const listLabel = head.slice(listStart + LIST.length);
    const said = head.slice(labelEnd + LABELLED.length, listStart);
    const unknown = between(said, '', '" (not a priority label)');
    if (unknown !== undefined) {
      return l10n.t('chapter "{0}" is labelled "{1}" (not a priority label), but the reading list "{2}" names {3}: expected "{4}"',
        label, unknown, listLabel, rel, expected);
    }
    const written = between(said, '', '"');
    if (written === undefined) return undefined;
    return l10n.t('chapter "{0}" is labelled "{1}", but the reading list "{2}" names {3}: expected "{4}"',
      label, written, listLabel, rel, expected);
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Coverage matrix

function xrefMissingLink(data: Facts, l10n: Translator): string | undefined {
  const from = text(data, 'from');
  const to = text(data, 'to');
  if (from === undefined || to === undefined) return undefined;
  const fromSpan = text(data, 'fromSpan');
  const toSpan = text(data, 'toSpan');
  const fromCount = String(data.fromCount);
  const toCount = String(data.toCount);
  if (fromSpan !== undefined && toSpan !== undefined) {
    return l10n.t('cross-reference declared in the matrix, but none of {0} ({1} notes) links to any of {2} ({3} notes)', fromSpan, fromCount, toSpan, toCount);
  }
  if (fromSpan !== undefined) return l10n.t('cross-reference declared in the matrix, but none of {0} ({1} notes) links to {2}', fromSpan, fromCount, to);
  if (toSpan !== undefined) return l10n.t('cross-reference declared in the matrix, but {0} does not link to any of {1} ({2} notes)', from, toSpan, toCount);
  return l10n.t('cross-reference declared in the matrix, but {0} does not link to {1}', from, to);
}

function statusMismatch(data: Facts, l10n: Translator): string | undefined {
  if (data.problem === 'no-status-column') {
    return l10n.t('the coverage table has no "Status" column (or "狀態"), so its rows declare no status to compare');
  }
  const expected = text(data, 'expected');
  const declared = text(data, 'declaredText');
  if (expected === undefined || declared === undefined) return undefined;
  const href = text(data, 'href');
  switch (data.problem) {
    case 'empty':
      return l10n.t('status is empty: expected "{0}"', expected);
    case 'not-status-word': {
      const words = texts(data, 'statusWords');
      return words === undefined ? undefined
        : l10n.t('status "{0}" is not a status word ({1}): expected "{2}"', declared, joinList(l10n, words), expected);
    }
    case 'negated':
      return l10n.t('status "{0}" negates a status word, so it declares no status: expected "{1}"', declared, expected);
    case 'several-statuses':
      return l10n.t('status "{0}" names more than one status: expected "{1}"', declared, expected);
    case 'all-written':
      return l10n.t('status is "{0}" but all files are written: expected "{1}"', declared, expected);
    case 'missing':
      return href === undefined ? undefined : l10n.t('status is "{0}" but {1} does not exist: expected "{2}"', declared, href, expected);
    case 'draft': {
      if (href === undefined) return undefined;
      const status = text(data, 'draftStatus');
      if (status !== undefined) return l10n.t('status is "{0}" but {1} is still a draft (status "{2}"): expected "{3}"', declared, href, status, expected);
      const chars = data.bodyChars;
      return typeof chars === 'number'
        ? l10n.t('status is "{0}" but {1} is still a draft (only {2} characters of body): expected "{3}"', declared, href, String(chars), expected)
        : undefined;
    }
    case 'no-file':
      return l10n.t('status is "{0}" but the row names no file: expected "{1}"', declared, expected);
    case 'none-exists':
      return l10n.t('status is "{0}" but none of its files exists yet: expected "{1}"', declared, expected);
    case 'started':
      return href === undefined
        ? l10n.t('status is "{0}" but a file exists: expected "{1}"', declared, expected)
        : l10n.t('status is "{0}" but {1} exists: expected "{2}"', declared, href, expected);
  }
  return undefined;
}

function coverageUnlisted(data: Facts, l10n: Translator): string | undefined {
  if (data.problem === 'no-files-column') {
    return data.everyTable === true
      ? l10n.t('the coverage table has no "Coverage Files" column (or "Files"), so its rows name no files: their status is not compared and README chapters are not checked against the matrix')
      : l10n.t('the coverage table has no "Coverage Files" column (or "Files"), so its rows name no files: their status is not compared');
  }
  if (data.problem === 'no-table') {
    return l10n.t('no coverage table found (a table with the columns Capability Area, Required Topic, Coverage Files and Status): README chapters are not checked against the matrix');
  }
  const label = text(data, 'label');
  const matrix = text(data, 'matrix');
  if (label !== undefined && matrix !== undefined) {
    return l10n.t('chapter "{0}" is not listed in the coverage matrix ({1})', label, matrix);
  }
  const href = text(data, 'href');
  const readme = text(data, 'readme');
  if (href !== undefined && readme !== undefined) {
    return l10n.t('{0} is not a chapter or support document of the series README ({1})', href, readme);
  }
  return undefined;
}
