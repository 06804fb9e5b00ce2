import type { Resolution } from '../index/api';
import type { LinkRef } from '../model';
import { fragmentTarget, type FragmentNames } from '../index/fragmentTarget';
import { cutText } from '../text/cut';
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

/** What a message calls a link: by its kind, and `media` for the `src` of a `<video>`, `<audio>`, `<source>` or `<track>`. */
type LinkNoun = LinkRef['kind'] | 'media';
const KIND_NAMES: Record<LinkNoun, string> = { link: 'link', image: 'image', media: 'media', ref: 'reference', wikilink: 'wikilink' };
const MEDIA_SOURCES = new Set(['video src', 'audio src', 'source src', 'track src']);

function nounOf(link: LinkRef): LinkNoun {
  return link.html !== undefined && MEDIA_SOURCES.has(link.html) ? 'media' : link.kind;
}

/**
 * `link-broken`, `link-anchor-broken`, `ref-broken`, `wikilink-broken`, `link-outside-workspace` for one note.
 * Each finding covers the destination as written, so a fix can replace exactly that text.
 */
export function checkLinks(links: readonly LinkRef[], ctx: LinkRuleContext): Finding[] {
  const out: Finding[] = [];
  const names = new TargetNames(ctx);
  for (const link of links) {
    if (link.external || ctx.skip?.(link)) continue;
    const r = ctx.resolve(link);
    if (r.kind === 'outside') {
      out.push({ code: 'link-outside-workspace', range: link.targetRange, data: linkData(link),
        message: `${KIND_NAMES[nounOf(link)]} "${shown(link.raw)}" leaves the workspace folder; it is not followed` });
    } else if (r.kind === 'unresolved') {
      out.push({ code: 'wikilink-broken', range: link.targetRange, data: linkData(link),
        message: `wikilink "[[${shown(link.raw)}]]" matches no note by file name, title or alias` });
    } else if (r.kind === 'file' && !r.exists) {
      if (link.kind === 'ref') {
        out.push({ code: 'ref-broken', range: link.targetRange, data: { ...linkData(link), file: r.file },
          message: `referenced file "${shown(link.path)}" does not exist (${shown(r.file)})` });
      } else {
        out.push({ code: 'link-broken', range: link.targetRange, data: { ...linkData(link), file: r.file },
          message: `${KIND_NAMES[nounOf(link)]} target "${shown(link.path)}" does not exist (${shown(r.file)})` });
      }
    } else if (r.kind === 'file' && link.fragment !== undefined && link.fragment !== '') {
      names.reset(r.file);
      if (fragmentTarget(names, link.fragment, link.kind) === undefined) {
        out.push({ code: 'link-anchor-broken', range: link.targetRange, data: { ...linkData(link), file: r.file },
          message: `heading "#${shown(link.fragment)}" not found in ${r.file}` });
      }
    }
  }
  return out;
}

/**
 * The fragment names of the note a link reaches, as fragmentTarget asks for them: one per check of a note, pointed
 * at each link's target in turn (no allocation per link). Its slugs are fetched on the first question (a `#L10`
 * asks none); a note whose headings are unknown (not indexed, unreadable) has every name: nothing is reported.
 */
class TargetNames implements FragmentNames<true> {
  private file = '';
  private slugs: ReadonlySet<string> | undefined | null = null;
  constructor(private readonly ctx: LinkRuleContext) {}

  reset(file: string): void {
    this.file = file;
    this.slugs = null;
  }

  named(name: string): true | undefined {
    if (this.slugs === null) this.slugs = this.ctx.slugsOf(this.file);
    return this.slugs === undefined || this.slugs.has(name) ? true : undefined;
  }

  byTextSlug(slug: string): true | undefined {
    return this.ctx.textSlugsOf?.(this.file)?.has(slug) === true ? true : undefined;
  }
}

/** What a finding's fix needs of its link (built only for a finding: most links are fine). */
function linkData(link: LinkRef): Record<string, unknown> {
  return { kind: nounOf(link), raw: link.raw, path: link.path, fragment: link.fragment };
}

/** Characters of a path or fragment a message quotes: a 1 MB fragment makes a finding, not a 1 MB line. */
const SHOWN = 200;

/** `s` as a message quotes it: cut to SHOWN characters (with an ellipsis), line breaks as spaces. */
function shown(s: string): string {
  const one = s.replace(/[\r\n]+/g, ' ');
  return one.length > SHOWN ? cutText(one, SHOWN) + '…' : one;
}
