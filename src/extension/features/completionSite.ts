import { HTML_LINK_ATTRIBUTES, srcsetUrls } from '../../core/scanner/htmlTags';
import { isRefPath } from '../../core/scanner/target';

/**
 * What the user is typing, read from the text of the current line before the cursor (pure, linear in the
 * line's length). Columns are UTF-16 offsets in the line.
 */
export type CompletionSite =
  /**
   * a path inside `](…` or a reference definition's `[label]: …` (syntax 'link', `definition` for the latter), the
   * value of an HTML tag's link attribute, `<img src="…` or a `srcset`'s next URL (syntax 'link', `attribute`: the
   * element and attribute, as LinkRef's `html`) or a backtick span (syntax 'ref'); `typed` is the path so far
   */
  | { kind: 'path'; syntax: 'link' | 'ref'; typed: string; start: number; angle: boolean; definition?: true; attribute?: string }
  /**
   * a heading after `#` in `](path#…`, `[label]: path#…` (`definition`), `href="path#…` (`attribute`), `[[name#…` or a
   * backtick path `` `path.md#… `` (syntax 'ref'); `target` is the path/name before `#` ('' = this note)
   */
  | { kind: 'heading'; syntax: 'link' | 'wikilink' | 'ref'; target: string; typed: string; start: number; definition?: true; attribute?: string }
  /** a note name after `[[` */
  | { kind: 'wikilink'; typed: string; start: number };

export function completionSiteAt(prefix: string): CompletionSite | undefined {
  const code = codeSpansOf(prefix);
  // a `[[` or `](` inside a code span is code, not a link (the character before the site is the opener's last)
  const outsideCode = (site: CompletionSite | undefined): CompletionSite | undefined =>
    site && !code.contains(openerOf(site) - 1) ? site : undefined;
  const candidates = [
    outsideCode(wikilinkSite(prefix)), outsideCode(linkSite(prefix)), definitionSite(prefix), refSite(prefix, code), outsideCode(attributeSite(prefix)),
  ]
    .filter((s): s is CompletionSite => s !== undefined);
  if (candidates.length === 0) return undefined;
  // the construct opened last is the one the cursor is in
  return candidates.reduce((a, b) => (openerOf(b) > openerOf(a) ? b : a));
}

/** The column just after what opens the site's construct (`[[`, `](`, a backtick, an attribute's quote …). */
export function openerOf(site: CompletionSite): number {
  if (site.kind === 'heading') return site.start - site.target.length - 1;
  return site.start;
}

/** The inline code spans of a line prefix, as far as they matter to completion. */
interface CodeSpans {
  /** index just after the backticks of the span still open at the end of the prefix, -1 when none */
  openBody: number;
  /** true when the character at this index is inside a code span (a closed one, or the open one) */
  contains(index: number): boolean;
}

/** A run of backticks opens a span that the next run of the same length closes (CommonMark). */
function codeSpansOf(prefix: string): CodeSpans {
  const closed: [number, number][] = [];
  let open = -1;
  let openLength = 0;
  for (let i = 0; i < prefix.length;) {
    if (prefix.charCodeAt(i) !== 96) {
      i++;
      continue;
    }
    const run = i;
    while (i < prefix.length && prefix.charCodeAt(i) === 96) i++;
    if (open === -1) {
      open = run;
      openLength = i - run;
    } else if (i - run === openLength) {
      closed.push([open, i]);
      open = -1;
    }
  }
  const openBody = open === -1 ? -1 : open + openLength;
  return {
    openBody,
    contains: index => (open !== -1 && index >= open) || closed.some(([a, b]) => index >= a && index < b),
  };
}

function wikilinkSite(prefix: string): CompletionSite | undefined {
  const open = prefix.lastIndexOf('[[');
  if (open === -1) return undefined;
  const body = prefix.slice(open + 2);
  if (body.includes(']') || body.includes('|') || body.includes('[')) return undefined;
  const hash = body.indexOf('#');
  if (hash !== -1) {
    return { kind: 'heading', syntax: 'wikilink', target: body.slice(0, hash), typed: body.slice(hash + 1), start: open + 2 + hash + 1 };
  }
  return { kind: 'wikilink', typed: body, start: open + 2 };
}

function linkSite(prefix: string): CompletionSite | undefined {
  const open = prefix.lastIndexOf('](');
  if (open === -1) return undefined;
  return destinationSite(prefix, open + 2);
}

/**
 * `[label]: ` at the start of a line (indented at most 3 columns: 4 make it code) opens a reference definition;
 * `[^label]: ` opens a footnote's text (GitHub), no destination.
 */
const DEFINITION = /^ {0,3}\[(?!\^)(?:[^[\]\\]|\\.){1,999}\]:[ \t]*/;

function definitionSite(prefix: string): CompletionSite | undefined {
  const m = DEFINITION.exec(prefix);
  if (!m) return undefined;
  const site = destinationSite(prefix, m[0].length);
  return site && { ...site, definition: true } as CompletionSite;
}

/** The path or heading being typed in a link destination that starts at `start` (after `](` or `]: `). */
function destinationSite(prefix: string, start: number): CompletionSite | undefined {
  let body = prefix.slice(start);
  const angle = body.startsWith('<');
  if (angle) {
    start++;
    body = body.slice(1);
    if (body.includes('>')) return undefined;
  } else if (/[\s()]/.test(body)) {
    return undefined;
  }
  const hash = body.indexOf('#');
  if (hash !== -1) {
    return { kind: 'heading', syntax: 'link', target: body.slice(0, hash), typed: body.slice(hash + 1), start: start + hash + 1 };
  }
  return { kind: 'path', syntax: 'link', typed: body, start, angle };
}

/**
 * A tag opened before the cursor (`<img `), and the link attribute whose value the cursor is in (open): see
 * HTML_LINK_ATTRIBUTES. In a quoted `srcset` the value is a list, and the cursor must be in one of its URLs (not in a
 * `2x` or `480w` descriptor).
 */
const OPEN_TAG = /^<([A-Za-z][A-Za-z0-9-]*)\s/;
const LINK_ATTRIBUTE = /\s([A-Za-z_:][\w.:-]*)\s*=\s*["']?([^"'<>\s`=]*)$/;
const SRCSET_VALUE = /\ssrcset\s*=\s*["']([^"'<>`]*)$/i;

function attributeSite(prefix: string): CompletionSite | undefined {
  const lt = prefix.lastIndexOf('<');
  if (lt === -1) return undefined;
  const tag = OPEN_TAG.exec(prefix.slice(lt, lt + 12));
  const attrs = tag ? HTML_LINK_ATTRIBUTES.get(tag[1].toLowerCase()) : undefined;
  if (!tag || !attrs) return undefined;
  const name = tag[1].toLowerCase();
  let body: string | undefined;
  let attribute: string | undefined;
  const srcset = attrs.includes('srcset') ? SRCSET_VALUE.exec(prefix.slice(lt)) : null;
  if (srcset) {
    body = srcsetUrlAtEnd(srcset[1]);
    attribute = `${name} srcset`;
  } else {
    const attr = LINK_ATTRIBUTE.exec(prefix.slice(lt));
    // (an unquoted srcset holds one URL: no space can separate a descriptor)
    if (attr && attrs.includes(attr[1].toLowerCase()) && (attr[1].toLowerCase() !== 'srcset' || !/["']/.test(attr[0]))) {
      body = attr[2];
      attribute = `${name} ${attr[1].toLowerCase()}`;
    }
  }
  if (body === undefined || attribute === undefined) return undefined;
  const start = prefix.length - body.length;
  const hash = body.indexOf('#');
  if (hash !== -1) {
    return { kind: 'heading', syntax: 'link', target: body.slice(0, hash), typed: body.slice(hash + 1), start: start + hash + 1, attribute };
  }
  return { kind: 'path', syntax: 'link', typed: body, start, angle: false, attribute };
}

/**
 * The URL of a `srcset` value that the value so far ends in (its start typed so far), '' where a URL may start (at
 * the beginning, after a comma), undefined in a candidate's descriptors.
 */
function srcsetUrlAtEnd(value: string): string | undefined {
  const urls = srcsetUrls(value);
  const lastEnd = urls.length === 0 ? 0 : urls[urls.length - 1];
  if (urls.length !== 0 && lastEnd === value.length) return value.slice(urls[urls.length - 2]);
  const tail = value.slice(lastEnd);
  return urls.length === 0 || /^[^,]*,[\s,]*$/.test(tail) ? '' : undefined;
}

function refSite(prefix: string, code: CodeSpans): CompletionSite | undefined {
  // a backtick path reference is a single-backtick code span
  if (code.openBody === -1 || (code.openBody >= 2 && prefix.charCodeAt(code.openBody - 2) === 96)) return undefined;
  const body = prefix.slice(code.openBody);
  if (/\s/.test(body)) return undefined;
  const hash = body.indexOf('#');
  if (hash !== -1) {
    // a heading of the note the path names (a `#` elsewhere makes no backtick reference)
    const target = body.slice(0, hash);
    if (!isRefPath(target)) return undefined;
    return { kind: 'heading', syntax: 'ref', target, typed: body.slice(hash + 1), start: code.openBody + hash + 1 };
  }
  return { kind: 'path', syntax: 'ref', typed: body, start: code.openBody, angle: false };
}

/** What is being typed inside the frontmatter block. */
export type FrontmatterSite =
  /** a field name at the start of a line */
  | { kind: 'key'; typed: string; start: number }
  /** a value of `key` (`key: …`, `key: [a, …` or a `- …` item under `key:`) */
  | { kind: 'value'; key: string; typed: string; start: number; list: boolean; taken?: string[] };

const KEY_LINE = /^([A-Za-z_][\w-]*)[ \t]*:(.*)$/;

/**
 * @param prefix the current line up to the cursor
 * @param keyAbove the key of the nearest line above that starts a mapping entry (for `- item` lines)
 */
export function frontmatterSiteAt(prefix: string, keyAbove: () => string | undefined): FrontmatterSite | undefined {
  const item = /^([ \t]*-[ \t]+)(.*)$/.exec(prefix);
  if (item) {
    const key = keyAbove();
    if (key === undefined) return undefined;
    return valueSite(key, item[2], item[1].length, true);
  }
  const entry = KEY_LINE.exec(prefix);
  if (entry) {
    const key = entry[1];
    const rest = entry[2];
    const valueStart = prefix.length - rest.length;
    const lead = rest.length - rest.trimStart().length;
    const value = rest.slice(lead);
    // a flow mapping (`key: {a: …`) has keys of its own that nothing here knows
    if (value.startsWith('{')) return undefined;
    if (value.startsWith('[')) {
      if (value.includes(']')) return undefined;
      const sep = Math.max(value.lastIndexOf(','), 0);
      const after = value.slice(sep + 1);
      const pad = after.length - after.trimStart().length;
      const site = valueSite(key, after.slice(pad), valueStart + lead + sep + 1 + pad, true);
      // the items already in the list are not offered again
      const taken = sep === 0 ? [] : value.slice(1, sep).split(',').map(unquote).filter(v => v !== '');
      return taken.length === 0 ? site : { ...site, taken } as FrontmatterSite;
    }
    return valueSite(key, value, valueStart + lead, false);
  }
  if (/^[A-Za-z_][\w-]*$|^$/.test(prefix)) return { kind: 'key', typed: prefix, start: 0 };
  return undefined;
}

function valueSite(key: string, typed: string, start: number, list: boolean): FrontmatterSite {
  // a quote the user opened is kept; completion replaces what follows it
  if (typed.startsWith('"') || typed.startsWith("'")) return { kind: 'value', key, typed: typed.slice(1), start: start + 1, list };
  return { kind: 'value', key, typed, start, list };
}

/** A YAML scalar as written in a flow list or a `- item` line, without quotes and surrounding blanks. */
export function unquote(item: string): string {
  const v = item.trim();
  return v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0] ? v.slice(1, -1) : v;
}

/** The key of a mapping entry line (`key: …` at column 0), else undefined. */
export function keyOfLine(line: string): string | undefined {
  return KEY_LINE.exec(line)?.[1];
}
