import { CORE_SCHEMA, load, types } from 'js-yaml';
import type { FrontmatterBlock, FrontmatterResult, FrontmatterValue, Range } from '../model';
import { LineIndex } from '../text/lineIndex';
import { findFrontmatterBlock } from './block';
import { findFieldRanges } from './fields';
import { parseFlatBlock } from './flatYaml';
import { flowRoot, keyText } from './source';
import { detach } from '../text/detach';

/**
 * Parses a note's frontmatter block. Only YAML is accepted, and it is read with js-yaml's CORE
 * schema (strings, numbers, booleans, null, lists, mappings) and YAML's merge key (`<<: *defaults`,
 * which copies a mapping's fields, as js-yaml's default schema and GitHub read it): nothing is ever
 * evaluated, and a date such as `2026-02-17` stays the string it was written as. gray-matter is deliberately not
 * used: its default engines include an `eval`-based JavaScript one and it caches every string it
 * parses. The parsed data is copied into null-prototype objects with a node budget, so YAML keys
 * such as `__proto__` pollute nothing and alias bombs fail fast instead of exploding.
 */

/**
 * CORE and the merge key: data only (a merge copies the keys of mappings already read). js-yaml (4.3.2, pinned) stops
 * a document whose merges copy more than 10,000 keys in all (`maxTotalMergeKeys`), before any quadratic work.
 */
const FRONTMATTER_SCHEMA = CORE_SCHEMA.extend({ implicit: [types.merge] });

/** Languages after the opening fence that mean YAML (`---`, `---yaml`, `---yml`). */
const YAML_LANGUAGES = new Set(['', 'yaml', 'yml']);

/** Whether a frontmatter block of this language (FrontmatterBlock's, lower case) is YAML, the one language read. */
export function isYamlLanguage(language: string): boolean {
  return YAML_LANGUAGES.has(language);
}

/** Most values (scalars, lists, mappings, alias expansions counted each time) copied from one block. */
export const MAX_FRONTMATTER_NODES = 100_000;
/** Deepest nesting of lists/mappings kept. */
export const MAX_FRONTMATTER_DEPTH = 500;

export const MSG_NOT_CLOSED = "frontmatter block is not closed (missing '---')";
export const MSG_NOT_MAPPING = 'frontmatter must be a mapping of fields';
export const MSG_TOO_LARGE = 'frontmatter is too large or too deeply aliased';
export const MSG_TOO_DEEP = 'frontmatter is too deeply nested';

export function unsupportedLanguageMessage(language: string): string {
  return `frontmatter language "${language}" is not supported (only YAML)`;
}

export function parseFrontmatter(text: string, lines = new LineIndex(text)): FrontmatterResult {
  const block = findFrontmatterBlock(text, lines);
  if (!block) return { fieldRanges: Object.create(null) };
  if (!isYamlLanguage(block.language)) {
    return { block, error: { message: unsupportedLanguageMessage(block.language), range: openingLineRange(lines) }, fieldRanges: Object.create(null) };
  }
  if (!block.closed) {
    return { block, error: { message: MSG_NOT_CLOSED, range: openingLineRange(lines) }, fieldRanges: Object.create(null) };
  }
  // the common case: a flat block read in one scan, with its field ranges found on the way (the block opens
  // the note, so its content starts on line 1)
  const flat = parseFlatBlock(text, block.contentStart, block.contentEnd, 1);
  if (flat) return { block, data: flat.data, fieldRanges: flat.fieldRanges };
  const fieldRanges = findFieldRanges(lines, block.contentStart, block.contentEnd);
  // a root flow mapping (`{title: X, domain: backend}`) has no key lines: each field's range is its entry
  const flow = flowRoot(text, { block, fieldRanges });
  for (const entry of flow?.entries ?? []) {
    const key = entry.key && keyText(text, entry.key);
    if (key !== undefined && !(key in fieldRanges)) fieldRanges[key] = lines.range(entry.span.start, entry.span.end);
  }
  const yamlText = text.slice(block.contentStart, block.contentEnd);
  const opening = openingLineRange(lines);
  let raw: unknown;
  try {
    raw = load(yamlText, { schema: FRONTMATTER_SCHEMA, onWarning: () => undefined });
  } catch (e) {
    return { block, error: yamlError(e, block, lines, opening), fieldRanges };
  }
  if (raw === null || raw === undefined) return { block, data: Object.create(null), fieldRanges };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { block, error: { message: MSG_NOT_MAPPING, range: contentRange(block, lines, opening) }, fieldRanges };
  }
  try {
    const data = copyValue(raw, { nodes: 0 }, 0) as Record<string, FrontmatterValue>;
    return { block, data, fieldRanges };
  } catch (e) {
    if (e instanceof LimitExceeded) return { block, error: { message: e.message, range: opening }, fieldRanges };
    throw e;
  }
}

function openingLineRange(lines: LineIndex): Range {
  return lines.range(0, lines.lineEnd(0));
}

/** From the first to the last non-blank character of the YAML text (the opening line when it is blank). */
function contentRange(block: FrontmatterBlock, lines: LineIndex, fallback: Range): Range {
  const t = lines.text;
  let s = block.contentStart;
  let e = block.contentEnd;
  while (s < e && isSpace(t.charCodeAt(s))) s++;
  while (e > s && isSpace(t.charCodeAt(e - 1))) e--;
  return s < e ? lines.range(s, e) : fallback;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function yamlError(e: unknown, block: FrontmatterBlock, lines: LineIndex, opening: Range): { message: string; range: Range } {
  if (e instanceof RangeError) return { message: MSG_TOO_DEEP, range: opening };
  const err = e as { reason?: unknown; message?: unknown; mark?: { position?: unknown } };
  const reason = typeof err.reason === 'string' && err.reason !== '' ? err.reason : String(err.message ?? e);
  const position = typeof err.mark?.position === 'number' ? err.mark.position : undefined;
  if (position === undefined) return { message: `frontmatter is not valid YAML: ${reason}`, range: opening };
  // js-yaml may append a line break to its input: clamp to the YAML text
  const offset = block.contentStart + Math.max(0, Math.min(position, block.contentEnd - block.contentStart));
  const start = lines.positionAt(offset);
  const lineEnd = lines.lineEnd(start.line);
  const end = lineEnd > offset ? lines.positionAt(lineEnd) : start;
  return { message: `frontmatter is not valid YAML: ${reason}`, range: { start, end } };
}

/** Thrown by the copy step when a limit is hit; caught by parseFrontmatter. */
class LimitExceeded extends Error {}

/**
 * Copies js-yaml output into plain data: null-prototype mappings, fresh arrays, primitives. Shared
 * (aliased) nodes are copied each time they are reached, so the budget bounds the work whatever
 * the DAG's shape; cyclic structures run into the depth or node limit.
 */
function copyValue(v: unknown, budget: { nodes: number }, depth: number): FrontmatterValue {
  if (++budget.nodes > MAX_FRONTMATTER_NODES) throw new LimitExceeded(MSG_TOO_LARGE);
  if (depth > MAX_FRONTMATTER_DEPTH) throw new LimitExceeded(MSG_TOO_DEEP);
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'string':
      return detach(v as string);
    case 'number':
    case 'boolean':
      return v;
    case 'bigint':
      return String(v);
    case 'object':
      break;
    default:
      return null;
  }
  if (v instanceof Date) return formatDate(v);
  if (Array.isArray(v)) {
    const out: FrontmatterValue[] = [];
    for (const item of v) {
      out.push(copyValue(item, budget, depth + 1));
    }
    return out;
  }
  const out: Record<string, FrontmatterValue> = Object.create(null);
  for (const key of Object.keys(v)) {
    const c = copyValue((v as Record<string, unknown>)[key], budget, depth + 1);
    // `out` has no prototype, hence no inherited `__proto__` setter: every key, `__proto__`
    // included, becomes an ordinary own property
    out[detach(key)] = c;
  }
  return out;
}

/** A YAML timestamp as text: `YYYY-MM-DD` at UTC midnight, else the ISO form. */
function formatDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return String(d);
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}
