import type { LinkRef } from '../model';
import { dirname } from '../paths';
import type { Finding } from '../rules/finding';
import { checkLinks } from '../rules/links';
import type { Resolution } from './api';
import type { Entry } from './indexEntry';
import { fragmentNameSet, textOnlySlugs } from './noteRecord';
import { resolveLink, type ResolveContext } from './resolve';

/** Notes with more links than this resolve each distinct written path once per check. */
const MEMO_FROM_LINKS = 100;

/**
 * The link rules' findings for note `file` (its entry `e`): each link resolved through `ctx`, each fragment
 * checked against the headings of the note it reaches (read from `entries`). `skip`: links that other rules check.
 */
export function linkFindings(ctx: ResolveContext, entries: ReadonlyMap<string, Entry>, file: string, e: Entry, skip?: (l: LinkRef) => boolean): Finding[] {
  if (e.record.unreadable) return [];
  const folder = dirname(file);
  const links = e.record.scan.links;
  let resolve = (link: LinkRef) => resolveLink(ctx, file, link, folder);
  if (links.length > MEMO_FROM_LINKS) {
    // a long note names the same targets again and again: each written path is resolved once per check (the
    // link rules read the fragment from the link, not from the shared resolution)
    const direct = resolve;
    const memo = { link: new Map<string, Resolution>(), ref: new Map<string, Resolution>(), wikilink: new Map<string, Resolution>() };
    resolve = link => {
      if (link.external) return direct(link);
      const byPath = memo[link.kind === 'image' ? 'link' : link.kind];
      let r = byPath.get(link.path);
      if (r === undefined) byPath.set(link.path, (r = direct(link)));
      return r;
    };
  }
  return checkLinks(links, { resolve, slugsOf: f => slugsOf(entries, f), textSlugsOf: f => textSlugsOf(entries, f), skip });
}

/** Slugs of a note's heading texts that are no GitHub slug of it (see textOnlySlugs); built on first need. */
function textSlugsOf(entries: ReadonlyMap<string, Entry>, file: string): ReadonlySet<string> | undefined {
  const e = entries.get(file);
  if (!e || e.record.unreadable) return undefined;
  if (!e.textSlugs) e.textSlugs = new Set(textOnlySlugs(e.record.scan.headings));
  return e.textSlugs;
}

function slugsOf(entries: ReadonlyMap<string, Entry>, file: string): ReadonlySet<string> | undefined {
  const e = entries.get(file);
  // no note, or one that could not be read: its headings are unknown, so no fragment into it is reported
  if (!e || e.record.unreadable) return undefined;
  if (!e.slugs) e.slugs = fragmentNameSet(e.record.scan);
  return e.slugs;
}
