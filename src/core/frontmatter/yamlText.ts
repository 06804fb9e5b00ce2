/**
 * Writing YAML frontmatter values as text: plain scalars when YAML reads them back as the same
 * string, double-quoted (JSON escapes are valid YAML) otherwise. Linear, no regex backtracking.
 */

export type FieldValue = string | number | boolean | null | readonly string[];

/** Characters that cannot start a plain scalar. */
const INDICATORS = new Set(['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);
/** Words that YAML (1.1 or 1.2) reads as null or booleans. */
const RESERVED = new Set(['~', 'null', 'true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n']);
const NUMBER_LIKE = /^[-+]?(?:\.inf|\.nan|0x[0-9a-f_]+|0o[0-7_]+|0b[01_]+|[0-9][0-9_]*(?:\.[0-9_]*)?(?:e[-+]?[0-9]+)?|\.[0-9][0-9_]*(?:e[-+]?[0-9]+)?)$/i;

/** A string as a YAML scalar; `flow` also quotes what would break a `[a, b]` list. */
export function yamlString(s: string, flow = false): string {
  return needsQuotes(s, flow) ? JSON.stringify(s) : s;
}

function needsQuotes(s: string, flow: boolean): boolean {
  if (s === '' || s !== s.trim()) return true;
  if (INDICATORS.has(s[0])) return true;
  if (RESERVED.has(s.toLowerCase()) || NUMBER_LIKE.test(s)) return true;
  if (s.endsWith(':') || s.includes(': ') || s.includes(':\t') || s.includes(' #') || s.includes('\t#')) return true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c === 127 || c === 0x2028 || c === 0x2029 || c === 0xfeff) return true;
    if (flow && (c === 44 || c === 91 || c === 93 || c === 123 || c === 125)) return true;
  }
  return false;
}

/** A list of strings as a one-line flow sequence: `[a, "b: c"]`. */
export function yamlFlowList(items: readonly string[]): string {
  return `[${items.map(i => yamlString(i, true)).join(', ')}]`;
}

/** A field value as the text after `key: ` ('' for null: the key stays with no value); `flow`: inside `{…}`. */
export function yamlValue(value: FieldValue, flow = false): string {
  if (value === null) return '';
  if (typeof value === 'string') return yamlString(value, flow);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return yamlFlowList(value);
}

/** A mapping key: plain when it is a simple identifier, else double-quoted. */
export function yamlKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : JSON.stringify(key);
}

/** `key: value` (or `key:` when the value is null); `flow`: an entry of a `{…}` mapping. */
export function yamlEntry(key: string, value: FieldValue, flow = false): string {
  const v = yamlValue(value, flow);
  return v === '' ? `${yamlKey(key)}:` : `${yamlKey(key)}: ${v}`;
}
