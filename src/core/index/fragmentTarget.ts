/**
 * What a link's `#fragment` names in the note it reaches: the one answer the link check (is it broken?) and the
 * editor's navigation (where does it lead?) both read, so they cannot disagree.
 */
import type { Anchor, Heading, LinkKind } from '../model';
import { githubSlug } from '../scanner/slug';

/** How a fragment's names are looked up in one note: by the link check (sets) or by navigation (headings). */
export interface FragmentNames<T> {
  /** the heading whose GitHub slug, or the HTML anchor whose id, is exactly `name` */
  named(name: string): T | undefined;
  /** the heading whose text as users see it slugs to `slug` though its GitHub slug differs (see textSlugOf) */
  byTextSlug(slug: string): T | undefined;
}

/**
 * A fragment that leads into the note without naming a heading: `top` (`#top`, the top of the page), `line`
 * (`#L10`, `#L10-L20`: see lineOfFragment) or `block` (an Obsidian block reference `^id`, not indexed: the top).
 */
export type FragmentPlace = 'top' | 'line' | 'block';

/**
 * The heading or anchor (as `names` gives it) that `fragment` names for a link of `kind`, else the place it
 * leads to, else undefined: the fragment is broken.
 *
 * A Markdown link, image or reference names a heading by its GitHub slug in any case, or an HTML anchor by its id;
 * `#user-content-x` reaches what `#x` does (GitHub's id prefix) and `#top` is the top of a page without such an
 * id. A wikilink may also name a heading by its text in any case (Obsidian, Foam), by its Obsidian heading path
 * `Outer#Inner` (the whole text is tried first: `C# Basics` is a heading) or a block (`^id`). `#L10` is a line.
 * Allocates no more than the lower-casing and slugging it needs (the link check asks once per link).
 */
export function fragmentTarget<T>(names: FragmentNames<T>, fragment: string, kind: LinkKind): T | FragmentPlace | undefined {
  if (fragment === '') return 'top';
  if (isLineFragment(fragment)) return 'line';
  if (kind !== 'wikilink') {
    const found = namedInAnyCase(names, fragment) ?? userContent(names, fragment);
    if (found !== undefined) return found;
    return isTopFragment(fragment) ? 'top' : undefined;
  }
  if (fragment.charCodeAt(0) === 94 /* ^ */) return 'block';
  const whole = namedInWikilink(names, fragment);
  if (whole !== undefined || fragment.indexOf('#') === -1) return whole;
  const inner = innermostHeading(fragment);
  return inner === fragment ? undefined : namedInWikilink(names, inner);
}

/** The 0-based line a `#L10` (`#L10-L20`, `#L10C5`) fragment names, undefined for other fragments. */
export function lineOfFragment(fragment: string): number | undefined {
  if (!isLineFragment(fragment)) return undefined;
  return Math.max(0, parseInt(fragment.slice(1), 10) - 1);
}

/**
 * The slug of a heading's text as users see it (trimmed, image alt text kept) when it differs from its GitHub slug:
 * `## Setup <img …>` is `#setup-` on GitHub, but `[[note#Setup]]` names it by its text. Only a slug that markup at
 * an edge or an image can have touched (a `-` at either end, or `--`) is looked at again.
 */
export function textSlugOf(h: Heading): string | undefined {
  const s = h.slug;
  if (s.charCodeAt(0) !== 45 && s.charCodeAt(s.length - 1) !== 45 && !s.includes('--')) return undefined;
  const t = githubSlug(h.text);
  return t === s ? undefined : t;
}

/** A note's headings and HTML anchors as FragmentNames (an anchor as a level-0 heading named by its id). */
export function headingNames(headings: readonly Heading[], anchors: readonly Anchor[] | undefined): FragmentNames<Heading> {
  return {
    named(name) {
      const h = headings.find(x => x.slug === name);
      if (h) return h;
      const a = anchors?.find(x => x.id === name);
      return a && { level: 0, text: a.id, slug: a.id, range: a.range };
    },
    byTextSlug: slug => headings.find(h => textSlugOf(h) === slug),
  };
}

/** GitHub slugs are lower-case; a fragment written with capitals still reaches the heading. */
function namedInAnyCase<T>(names: FragmentNames<T>, name: string): T | undefined {
  return names.named(name) ?? names.named(name.toLowerCase());
}

/** The prefix of the ids GitHub gives headings and HTML anchors: `#user-content-setup` reaches what `#setup` does. */
const USER_CONTENT = 'user-content-';

function userContent<T>(names: FragmentNames<T>, fragment: string): T | undefined {
  return fragment.length > USER_CONTENT.length && fragment.startsWith(USER_CONTENT)
    ? namedInAnyCase(names, fragment.slice(USER_CONTENT.length))
    : undefined;
}

/** A wikilink's heading: by slug in any case, or by its text (its slug is a heading's slug or text slug). */
function namedInWikilink<T>(names: FragmentNames<T>, fragment: string): T | undefined {
  const found = namedInAnyCase(names, fragment);
  if (found !== undefined) return found;
  const slug = githubSlug(fragment);
  return names.named(slug) ?? names.byTextSlug(slug);
}

/** `#L10`, `#L10-L20` and `#L10C5-L12C3` line anchors point into a file, not at a heading. */
function isLineFragment(f: string): boolean {
  // most fragments are heading slugs: look at the first character before running the pattern
  return f.charCodeAt(0) === 76 /* L */ && /^L\d+(C\d+)?(-L?\d+(C\d+)?)?$/.test(f);
}

/** The last heading of an Obsidian heading path (`Outer#Inner`); the fragment itself when it has no part. */
function innermostHeading(fragment: string): string {
  const parts = fragment.split('#').filter(p => p !== '');
  return parts.length === 0 ? fragment : parts[parts.length - 1];
}

/** `#top` (any case) scrolls to the top of a page that has no such id (HTML's rule): "back to top" links use it. */
function isTopFragment(f: string): boolean {
  return f.length === 3 && f.toLowerCase() === 'top';
}
