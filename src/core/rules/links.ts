import type { Resolution } from '../index/api';
import type { LinkRef } from '../model';
import { githubSlug } from '../scanner/slug';
import type { Finding } from './finding';

/** What the link rules need from the index for one note. */
export interface LinkRuleContext {
  /** where the link points; its `fragment` is not read (the link's own is checked), so links of one path may share it */
  resolve(link: LinkRef): Resolution;
  /** the heading slugs of a note, undefined for a file that is not an indexed note */
  slugsOf(file: string): ReadonlySet<string> | undefined;
  /**
   * the slugs of a note's heading texts as users see them (trimmed, image alt text kept), which a wikilink's
   * `#Heading Text` may name; asked only when the fragment names no GitHub slug
   */
  textSlugsOf?(file: string): ReadonlySet<string> | undefined;
  /** links a structural file (series README, matrix) checks with its own rules instead */
  skip?(link: LinkRef): boolean;
}

const KIND_NAMES: Record<LinkRef['kind'], string> = { link: 'link', image: 'image', ref: 'reference', wikilink: 'wikilink' };

/**
 * `link-broken`, `link-anchor-broken`, `ref-broken`, `wikilink-broken`, `link-outside-workspace` for one note.
 * Each finding covers the destination as written, so a fix can replace exactly that text.
 */
export function checkLinks(links: readonly LinkRef[], ctx: LinkRuleContext): Finding[] {
  const out: Finding[] = [];
  for (const link of links) {
    if (link.external || ctx.skip?.(link)) continue;
    const r = ctx.resolve(link);
    if (r.kind === 'outside') {
      out.push({ code: 'link-outside-workspace', range: link.targetRange, data: linkData(link),
        message: `${KIND_NAMES[link.kind]} "${shown(link.raw)}" leaves the workspace folder; it is not followed` });
    } else if (r.kind === 'unresolved') {
      out.push({ code: 'wikilink-broken', range: link.targetRange, data: linkData(link),
        message: `wikilink "[[${shown(link.raw)}]]" matches no note by file name or title` });
    } else if (r.kind === 'file' && !r.exists) {
      if (link.kind === 'ref') {
        out.push({ code: 'ref-broken', range: link.targetRange, data: { ...linkData(link), file: r.file },
          message: `referenced file "${shown(link.path)}" does not exist (${shown(r.file)})` });
      } else {
        out.push({ code: 'link-broken', range: link.targetRange, data: { ...linkData(link), file: r.file },
          message: `${KIND_NAMES[link.kind]} target "${shown(link.path)}" does not exist (${shown(r.file)})` });
      }
    } else if (r.kind === 'file' && link.fragment !== undefined && link.fragment !== '' && !isLineFragment(link.fragment)
      && !(link.kind !== 'wikilink' && isTopFragment(link.fragment))) {
      const slugs = ctx.slugsOf(r.file);
      // Obsidian: `[[b#Outer#Inner]]` names Inner by its heading path, `[[b#^id]]` a block (not checked)
      const inner = link.kind === 'wikilink' ? innermostHeading(link.fragment) : link.fragment;
      if (slugs && inner !== undefined && !fragmentFound(ctx, slugs, r.file, link.fragment, link.kind)
        && (inner === link.fragment || !fragmentFound(ctx, slugs, r.file, inner, link.kind))) {
        out.push({ code: 'link-anchor-broken', range: link.targetRange, data: { ...linkData(link), file: r.file },
          message: `heading "#${shown(link.fragment)}" not found in ${r.file}` });
      }
    }
  }
  return out;
}

/** Whether `fragment` names a heading or anchor of `file` (whose fragment names are `slugs`) for a link of `kind`. */
function fragmentFound(ctx: LinkRuleContext, slugs: ReadonlySet<string>, file: string, fragment: string, kind: LinkRef['kind']): boolean {
  return namesHeading(slugs, fragment, kind) || namesUserContent(slugs, fragment, kind)
    || (kind === 'wikilink' && ctx.textSlugsOf?.(file)?.has(githubSlug(fragment)) === true);
}

/** What a finding's fix needs of its link (built only for a finding: most links are fine). */
function linkData(link: LinkRef): Record<string, unknown> {
  return { kind: link.kind, raw: link.raw, path: link.path, fragment: link.fragment };
}

/** GitHub slugs are lower-case; a fragment written with capitals still reaches the heading. */
export function hasSlug(slugs: ReadonlySet<string>, fragment: string): boolean {
  return slugs.has(fragment) || slugs.has(fragment.toLowerCase());
}

/**
 * Whether a link's fragment names one of its target's headings. A Markdown link or image names a heading by its
 * GitHub slug (`#core-concepts`), as GitHub renders it. A wikilink may also name it by its text, in any case
 * (`[[note#Core Concepts]]`, Obsidian's and Foam's convention): the text's slug is then one of the heading slugs.
 */
export function namesHeading(slugs: ReadonlySet<string>, fragment: string, kind: LinkRef['kind']): boolean {
  return hasSlug(slugs, fragment) || (kind === 'wikilink' && slugs.has(githubSlug(fragment)));
}

/** The prefix of the ids GitHub gives headings and HTML anchors: `#user-content-setup` reaches what `#setup` does. */
const USER_CONTENT = 'user-content-';

/** Whether a Markdown link's `#user-content-x` names a heading or anchor `x`, as it does on GitHub (not wikilinks). */
function namesUserContent(slugs: ReadonlySet<string>, fragment: string, kind: LinkRef['kind']): boolean {
  return kind !== 'wikilink' && fragment.length > USER_CONTENT.length && fragment.startsWith(USER_CONTENT)
    && hasSlug(slugs, fragment.slice(USER_CONTENT.length));
}

/** `#L10`, `#L10-L20` and `#L10C5-L12C3` line anchors point into a file, not at a heading. */
function isLineFragment(f: string): boolean {
  // most fragments are heading slugs: look at the first character before running the pattern
  return f.charCodeAt(0) === 76 /* L */ && /^L\d+(C\d+)?(-L?\d+(C\d+)?)?$/.test(f);
}

/**
 * The heading a wikilink's fragment names: the last of an Obsidian heading path (`Outer#Inner`), undefined for a
 * block reference (`^id`), whose markers are not indexed.
 */
function innermostHeading(fragment: string): string | undefined {
  if (fragment.charCodeAt(0) === 94 /* ^ */) return undefined;
  if (fragment.indexOf('#') === -1) return fragment;
  const parts = fragment.split('#').filter(p => p !== '');
  return parts.length === 0 ? fragment : parts[parts.length - 1];
}

/** `#top` (any case) scrolls to the top of a page that has no such id (HTML's rule): "back to top" links use it. */
function isTopFragment(f: string): boolean {
  return f.length === 3 && f.toLowerCase() === 'top';
}

/** Characters of a path or fragment a message quotes: a 1 MB fragment makes a finding, not a 1 MB line. */
const SHOWN = 200;

/** `s` as a message quotes it: cut to SHOWN characters (with an ellipsis), line breaks as spaces. */
function shown(s: string): string {
  const one = s.replace(/[\r\n]+/g, ' ');
  return one.length > SHOWN ? one.slice(0, SHOWN) + '…' : one;
}
