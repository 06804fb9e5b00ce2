import type { FrontmatterValue } from '../model';
import { detach } from '../text/detach';

/**
 * A fast path for the frontmatter almost every note has: one `key: value` per line, values that are plain words,
 * dates, simple quoted strings or flow lists of plain words (`tags: [go, rust]`). It returns exactly what js-yaml's
 * CORE schema returns for such text, or undefined as soon as anything else appears (indentation, block lists,
 * anchors, numbers, booleans, escapes, comments after values …) so that js-yaml handles every other case.
 * Linear, no regex backtracking. Differentially tested against js-yaml.
 */
export function parseFlatYaml(text: string): Record<string, FrontmatterValue> | undefined {
  const out: Record<string, FrontmatterValue> = Object.create(null);
  let pos = 0;
  const n = text.length;
  while (pos < n) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = n;
    let line = text.slice(pos, end);
    pos = end + 1;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.trim() === '') continue;
    const c0 = line.charCodeAt(0);
    if (c0 === 35 /* # */) continue; // whole-line comment
    const colon = line.indexOf(':');
    if (colon <= 0) return undefined;
    const key = line.slice(0, colon);
    if (!KEY.test(key) || key in out) return undefined;
    const after = line.charCodeAt(colon + 1);
    if (colon + 1 < line.length && after !== 32 && after !== 9) return undefined;
    const raw = line.slice(colon + 1).trim();
    const value = parseValue(raw);
    if (value === undefined) return undefined;
    out[detach(key)] = typeof value === 'string' ? detach(value) : Array.isArray(value) ? value.map(v => (typeof v === 'string' ? detach(v) : v)) : value;
  }
  return out;
}

const KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** plain scalars js-yaml's core schema keeps as strings: start with a letter/CJK, no YAML indicators inside */
const WORD = /^[A-Za-z0-9\u00a0-\uffff][^:#\[\]{},"'&*!|>%@`\\]*$/;
/** a plain scalar starting with a digit is a string only when some character rules out every number form */
const NOT_NUMBER = /[^0-9a-fA-FxXoObB_.eE+-]/;
const RESERVED = /^(null|true|false|yes|no|on|off|y|n|nan|inf)$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function plain(s: string): string | undefined {
  if (s === '' || s.trim() !== s) return undefined;
  if (DATE.test(s)) return s;
  if (!WORD.test(s) || RESERVED.test(s) || s.includes(' #') || s.includes('\t')) return undefined;
  const c = s.charCodeAt(0);
  if (c >= 48 && c <= 57 && !NOT_NUMBER.test(s)) return undefined;
  return s;
}

function parseValue(raw: string): FrontmatterValue | undefined {
  if (raw === '') return null;
  const c = raw.charCodeAt(0);
  if (c === 91 /* [ */) {
    if (!raw.endsWith(']')) return undefined;
    const inner = raw.slice(1, -1).trim();
    if (inner === '') return [];
    const items: FrontmatterValue[] = [];
    for (const part of inner.split(',')) {
      const v = plain(part.trim());
      if (v === undefined) return undefined;
      items.push(v);
    }
    return items;
  }
  if (c === 34 /* " */) {
    if (raw.length < 2 || !raw.endsWith('"')) return undefined;
    const inner = raw.slice(1, -1);
    return inner.includes('"') || inner.includes('\\') ? undefined : inner;
  }
  if (c === 39 /* ' */) {
    if (raw.length < 2 || !raw.endsWith("'")) return undefined;
    const inner = raw.slice(1, -1);
    return inner.includes("'") ? undefined : inner;
  }
  return plain(raw);
}
