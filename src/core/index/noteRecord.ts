/** What the index derives from a note besides its scan: its title, hover preview and the fragments it offers. */
import type { FrontmatterValue, Heading, ScanResult } from '../model';
import { stem } from '../paths';
import { cutIndex, cutText } from '../text/cut';
import { detach } from '../text/detach';
import { textSlugOf } from './fragmentTarget';

/** The title a note answers to: its frontmatter `title`, else its first `#` heading, else its file name. */
export function titleOf(file: string, fmTitle: unknown, headings: Heading[]): string {
  if (typeof fmTitle === 'string' && fmTitle.trim() !== '') return fmTitle.trim();
  const h1 = headings.find(h => h.level === 1);
  if (h1 && h1.text.trim() !== '') return h1.text.trim();
  return stem(file);
}

/** The frontmatter fields whose values are other names of their note (see aliasesOf). */
export const ALIAS_FIELDS: readonly string[] = ['aliases', 'alias'];

/**
 * The other names a note answers to: its frontmatter `aliases` (Obsidian's key, read by Foam and others too) and
 * `alias` (which Obsidian also accepts), each a list of strings or one string. Entries that are no text (numbers,
 * mappings, nested lists) or blank are left out, as are repeats (case-insensitively); undefined when none is left.
 */
export function aliasesOf(data: Readonly<Record<string, FrontmatterValue>> | undefined): string[] | undefined {
  if (data === undefined) return undefined;
  // (allocates nothing for the many notes that have neither)
  let out: string[] | undefined;
  let seen: Set<string> | undefined;
  for (const field of ALIAS_FIELDS) {
    // own keys only (the data has no prototype, but a record built elsewhere may)
    if (!Object.hasOwn(data, field)) continue;
    const value = data[field];
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v !== 'string') continue;
      const name = v.trim();
      const key = name.toLowerCase();
      if (name === '' || seen?.has(key)) continue;
      (seen ??= new Set()).add(key);
      (out ??= []).push(name);
    }
  }
  return out;
}

/** Whether two notes answer to the same aliases (case-insensitively, in any order; undefined: none). */
export function sameAliases(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  const lower = new Set(a.map(x => x.toLowerCase()));
  return b.every(x => lower.has(x.toLowerCase()));
}

/** Whether two scans offer the same `#fragment` targets: heading slugs and texts, and HTML anchor ids, in order. */
export function sameFragments(a: ScanResult, b: ScanResult): boolean {
  if (a.headings.length !== b.headings.length) return false;
  for (let i = 0; i < a.headings.length; i++) {
    if (a.headings[i].slug !== b.headings[i].slug || a.headings[i].text !== b.headings[i].text) return false;
  }
  const x = a.anchors ?? [];
  const y = b.anchors ?? [];
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i].id !== y[i].id) return false;
  return true;
}

/** The first few non-empty lines of the body, for hover previews (at most ~400 characters). */
export function previewOf(text: string, bodyStart: number): string {
  const out: string[] = [];
  let total = 0;
  let pos = bodyStart;
  while (pos < text.length && out.length < 8 && total < 400) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    const line = text.slice(pos, end <= pos + 400 ? end : cutIndex(text, pos + 400)).replace(/\r$/, '').trimEnd();
    if (line.trim() !== '') {
      out.push(line);
      total += line.length;
    }
    pos = end + 1;
  }
  const joined = out.join('\n');
  return detach(joined.length > 400 ? cutText(joined, 400) + '…' : joined);
}

/** The slugs of heading texts as users see them that differ from the headings' GitHub slugs (see textSlugOf). */
export function textOnlySlugs(headings: readonly Heading[]): string[] {
  const out: string[] = [];
  for (const h of headings) {
    const t = textSlugOf(h);
    if (t !== undefined) out.push(t);
  }
  return out;
}

/** What a `#fragment` into a note may name: its headings' slugs and its HTML anchors' ids. */
export function fragmentNames(scan: ScanResult): string[] {
  const names = scan.headings.map(h => h.slug);
  if (scan.anchors) for (const a of scan.anchors) names.push(a.id);
  return names;
}

/**
 * fragmentNames as a set, for the link check (one per note a fragment points into: 10k in a 10k-note check).
 * Filled one name at a time: `new Set(array)` goes through the iterator protocol, 2-3x slower for sets this small.
 */
export function fragmentNameSet(scan: ScanResult): Set<string> {
  const names = new Set<string>();
  for (const h of scan.headings) names.add(h.slug);
  if (scan.anchors) for (const a of scan.anchors) names.add(a.id);
  return names;
}
