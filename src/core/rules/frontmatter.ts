import type { NotesConfig } from '../config';
import { fieldSource, type FieldSource } from '../frontmatter/source';
import { MSG_NOT_CLOSED, MSG_NOT_MAPPING, MSG_TOO_DEEP, MSG_TOO_LARGE, unsupportedLanguageMessage } from '../frontmatter/parse';
import type { FrontmatterResult, FrontmatterValue, Range } from '../model';
import type { LineIndex } from '../text/lineIndex';
import type { Finding } from './finding';
import { ALIAS_FIELDS } from '../index/noteRecord';

/**
 * The four frontmatter rules: `frontmatter-missing`, `frontmatter-invalid`,
 * `frontmatter-field-missing` and `frontmatter-field-invalid`. They read only the note's own
 * parsed frontmatter and the configuration.
 */

/** Fields whose value must be one non-empty line of text. */
const TEXT_FIELDS = new Set(['title', 'note_type', 'domain', 'status', 'source']);
/** Fields whose value must be a list of strings. */
const LIST_FIELDS = new Set(['tags']);
/** Fields whose value must be a list of strings or one string: the other names wikilinks may use (see aliasesOf). */
const ALIAS_FIELD_SET = new Set(ALIAS_FIELDS);

export function checkFrontmatter(fm: FrontmatterResult, lines: LineIndex, config: NotesConfig, opts: { structural: boolean }): Finding[] {
  const out: Finding[] = [];
  if (!fm.block) {
    if (!opts.structural) {
      out.push({
        code: 'frontmatter-missing',
        range: missingRange(lines),
        message: 'note has no frontmatter (a YAML block between \'---\' lines at the top)',
      });
    }
    return out;
  }
  if (fm.error) {
    const facts = invalidFacts(fm.error.message, fm.block.language);
    out.push({ code: 'frontmatter-invalid', range: fm.error.range, message: fm.error.message, ...(facts && { data: facts }) });
    return out;
  }
  const data = fm.data;
  if (!data) return out;
  for (const field of config.requiredFields) {
    if (!Object.prototype.hasOwnProperty.call(data, field)) {
      out.push({ code: 'frontmatter-field-missing', range: openingRange(lines), message: `required field "${field}" is missing`, data: { field } });
    }
  }
  // plain arrays: the configured lists are a handful of names, no per-note Set or Map is worth building
  const { requiredFields, dateFields } = config;
  let created: string | undefined;
  let updated: string | undefined;
  for (const field of Object.keys(data)) {
    const value = data[field];
    const problem = fieldProblem(field, value, config, requiredFields, dateFields, fm, lines);
    if (problem) {
      out.push({ code: 'frontmatter-field-invalid', range: fieldRange(fm, field, lines), message: problem.message, data: { field, value, ...problem.data } });
    } else if (typeof value === 'string' && dateFields.includes(field)) {
      if (field === 'created') created = value;
      else if (field === 'updated') updated = value;
    }
  }
  if (created !== undefined && updated !== undefined && updated < created) {
    out.push({
      code: 'frontmatter-field-invalid',
      range: fieldRange(fm, 'updated', lines),
      message: `updated "${updated}" is before created "${created}"`,
      data: { field: 'updated', value: updated, expected: created },
    });
  }
  return out;
}

/**
 * Where a note without frontmatter is told so: its first line, or, when that line holds only blanks, the first line
 * with text (`\n\n# Title`: the heading), else the first line with blanks on it. An empty note, or one of line breaks
 * only, has no character to cover: its range is the empty one at 0:0, which VS Code draws one character wide (a range
 * over a line break would show nothing).
 */
function missingRange(lines: LineIndex): Range {
  let line = 0;
  if (!/\S/.test(lines.lineText(0))) {
    const at = /\S/.exec(lines.text) ?? /[^\r\n]/.exec(lines.text);
    if (at) line = lines.lineAt(at.index);
  }
  return lines.range(lines.lineStart(line), lines.lineEnd(line));
}

/** The opening fence line: where findings without a line of their own go (built only when one needs it). */
function openingRange(lines: LineIndex): Range {
  return lines.range(0, lines.lineEnd(0));
}

function fieldRange(fm: FrontmatterResult, field: string, lines: LineIndex): Range {
  return fm.fieldRanges[field] ?? openingRange(lines);
}

const YAML_ERROR_PREFIX = 'frontmatter is not valid YAML: ';

/** Which parse failure a `frontmatter-invalid` message says, for an editor that words it again (undefined: another one). */
function invalidFacts(message: string, language: string): Record<string, string> | undefined {
  if (message === unsupportedLanguageMessage(language)) return { problem: 'language', language };
  if (message === MSG_NOT_CLOSED) return { problem: 'not-closed' };
  if (message === MSG_NOT_MAPPING) return { problem: 'not-mapping' };
  if (message === MSG_TOO_LARGE) return { problem: 'too-large' };
  if (message === MSG_TOO_DEEP) return { problem: 'too-deep' };
  if (message.startsWith(YAML_ERROR_PREFIX)) return { problem: 'yaml', reason: message.slice(YAML_ERROR_PREFIX.length) };
  return undefined;
}

interface Problem {
  message: string;
  data?: Record<string, unknown>;
}

function fieldProblem(field: string, value: FrontmatterValue, config: NotesConfig, required: readonly string[],
  dateFields: readonly string[], fm: FrontmatterResult, lines: LineIndex): Problem | undefined {
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0 && !LIST_FIELDS.has(field))) {
    return required.includes(field) ? { message: `${field} is empty`, data: { expected: 'a value' } } : undefined;
  }
  // the field's place is looked up only for a date that is wrong: nothing is built for the valid ones
  if (dateFields.includes(field)) return isDateValue(value) ? undefined : dateProblem(fieldAt(lines, fm, field), value);
  // own keys only: a field named `constructor` has no allowed values
  const allowed = Object.hasOwn(config.allowedValues, field) ? config.allowedValues[field] : undefined;
  const written = allowed ? new WrittenAllowed(lines, fm, field, allowed) : undefined;
  if (LIST_FIELDS.has(field) || (ALIAS_FIELD_SET.has(field) && typeof value !== 'string')) {
    if (!isListOfText(value, written)) {
      const expected = ALIAS_FIELD_SET.has(field) ? 'a string or a list of strings' : 'a list of strings';
      const data: Record<string, unknown> = { expected };
      return { message: `${field} must be ${expected}, got ${shownAs(written ?? fieldAt(lines, fm, field), value, data)}`, data };
    }
  } else if (TEXT_FIELDS.has(field)) {
    if (typeof value !== 'string') {
      if (!written?.has(value)) {
        const data: Record<string, unknown> = { expected: 'text' };
        return { message: `${field} must be text, got ${shownAs(written ?? fieldAt(lines, fm, field), value, data)}`, data };
      }
    } else if (value.trim() === '') return { message: `${field} is empty`, data: { expected: 'a value' } };
  }
  if (allowed && written) {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const v = value[i];
        if (!isAllowed(v, allowed) && !written.has(v, i)) return notAllowed(written, v, allowed, { allowed: [...allowed], item: v }, i);
      }
    } else if (!isAllowed(value, allowed) && !written.has(value)) {
      return notAllowed(written, value, allowed, { allowed: [...allowed] });
    }
  }
  return undefined;
}

function fieldAt(lines: LineIndex, fm: FrontmatterResult, field: string): FieldAt {
  return { lines, fm, field, source: null };
}

/**
 * Whether a number or boolean is written in the note exactly as one of the allowed values: YAML reads `version: 1.0`
 * as the number 1, which is `"1.0"` as the author wrote it. The value's source is looked up only for such values.
 */
class WrittenAllowed implements FieldAt {
  source: FieldSource | undefined | null = null;
  constructor(readonly lines: LineIndex, readonly fm: FrontmatterResult, readonly field: string,
    private readonly allowed: readonly string[]) {}

  /** `v` is the field's value, or its item `item` when it is a list. */
  has(v: FrontmatterValue, item?: number): boolean {
    const written = writtenScalar(this, v, item);
    return written !== undefined && this.allowed.includes(written);
  }
}

/** Where a field's value is read from: the note and the field. */
interface FieldAt {
  readonly lines: LineIndex;
  readonly fm: FrontmatterResult;
  readonly field: string;
  /** the field's source, once looked up (null: not yet) */
  source: FieldSource | undefined | null;
}

/**
 * A number or boolean value (or list item `item`) as the note writes it (`1.00`, `0x1F`, `True`), which is what
 * the author looks for in a message; a flow list holding one (`[a, 1.50]`) likewise. Undefined for other values, or
 * when the source is not known.
 */
function writtenScalar(at: FieldAt, v: FrontmatterValue, item?: number): string | undefined {
  const list = Array.isArray(v) && item === undefined;
  if (list ? !v.some(x => typeof x === 'number' || typeof x === 'boolean') : typeof v !== 'number' && typeof v !== 'boolean') return undefined;
  if (at.source === null) at.source = fieldSource(at.fm, at.field, at.lines);
  if (list) {
    const span = at.source?.value;
    return span === undefined ? undefined : at.lines.text.slice(span.start, span.end);
  }
  const s = at.source;
  const items = at.fm.data?.[at.field];
  const span = item === undefined ? s?.value
    : Array.isArray(items) && s?.items?.length === items.length ? s.items[item].span : undefined;
  return span === undefined ? undefined : at.lines.text.slice(span.start, span.end);
}

/**
 * A value for a message: a number or boolean as the note writes it when that differs from how it reads (`1.00`,
 * not `1`), with the written text in `facts.written` for an editor that words the message again; else describeValue.
 */
function shownAs(at: FieldAt, v: FrontmatterValue, facts: Record<string, unknown>, item?: number): string {
  const shown = describeValue(v);
  // a flow list over several lines is shown on one
  const written = writtenScalar(at, v, item)?.replace(/\s*[\r\n]\s*/g, ' ');
  if (written === undefined || written === shown || written.length > 60) return shown;
  facts.written = written;
  return written;
}

function isListOfText(value: FrontmatterValue, written: WrittenAllowed | undefined): boolean {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) {
    const v = value[i];
    if (typeof v === 'string' ? v.trim() === '' : !written?.has(v, i)) return false;
  }
  return true;
}

/**
 * Whether a value is one of the allowed values (which the config writes as strings): YAML reads `priority: 1` as a
 * number and `draft: true` as a boolean, which match `"1"` and `"true"`.
 */
function isAllowed(v: FrontmatterValue, allowed: readonly string[]): boolean {
  if (typeof v === 'string') return allowed.includes(v);
  return (typeof v === 'number' || typeof v === 'boolean') && allowed.includes(String(v));
}

function notAllowed(at: FieldAt, v: FrontmatterValue, allowed: readonly string[], data: Record<string, unknown>, item?: number): Problem {
  return { message: `${at.field} ${shownAs(at, v, data, item)} is not one of ${allowed.join(', ')}`, data };
}

function dateProblem(at: FieldAt, value: FrontmatterValue): Problem | undefined {
  const field = at.field;
  const expected = 'YYYY-MM-DD';
  if (typeof value !== 'string' || !isDateShape(value)) {
    const data: Record<string, unknown> = { expected };
    return { message: `${field} ${shownAs(at, value, data)} is not a date in YYYY-MM-DD form`, data };
  }
  if (!isCalendarDate(digits(value, 0, 4), digits(value, 5, 7), digits(value, 8, 10))) {
    return { message: `${field} ${describeValue(value)} is not a real calendar date`, data: { expected } };
  }
  return undefined;
}

function isDateValue(value: FrontmatterValue): boolean {
  return typeof value === 'string' && isDateText(value);
}

/** Whether `s` is a `YYYY-MM-DD` date of the calendar, as the date rule accepts one. */
export function isDateText(s: string): boolean {
  return isDateShape(s) && isCalendarDate(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10));
}

/** `YYYY-MM-DD` with ASCII digits, read in place (no match array, no substrings). */
function isDateShape(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  for (let i = 0; i < 10; i++) {
    const c = s.charCodeAt(i);
    if (i !== 4 && i !== 7 && (c < 48 || c > 57)) return false;
  }
  return true;
}

/** The decimal number written with ASCII digits in `s[from, to)`. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}

/** True when year-month-day names a day of the proleptic Gregorian calendar. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

/**
 * A short, quoted rendering of a value for messages: `"drafty"`, `42`, `["a",1]` (at most ~60 characters). Numbers
 * JSON has no words for are written as YAML spells them (`.nan`, `.inf`, `-.inf`), since YAML is where they came
 * from: JSON.stringify would say `null` for them, String `NaN`.
 */
export function describeValue(value: unknown): string {
  const s = renderValue(value, 61);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** `value` rendered as JSON but for the numbers above; stops adding to a list or mapping once past `budget` characters. */
function renderValue(value: unknown, budget: number): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid date' : JSON.stringify(value.toISOString());
  if (value === null || typeof value !== 'object') return String(value);
  const list = Array.isArray(value);
  const parts: string[] = [];
  let length = 2;
  for (const [k, v] of list ? value.entries() : Object.entries(value)) {
    if (length > budget) break;
    const part = (list ? '' : JSON.stringify(k) + ':') + renderValue(v, budget - length);
    parts.push(part);
    length += part.length + 1;
  }
  return list ? `[${parts.join(',')}]` : `{${parts.join(',')}}`;
}
