import * as vscode from 'vscode';
import type { Heading, LinkRef, Position, ScanResult } from '../../core/model';
import { builtInHeadingSlugs, builtInSlug } from './builtInSlug';

/**
 * What VS Code's own Markdown support (the built-in `vscode.markdown-language-features`) lists for Find All
 * References at a position, as far as it overlaps our list: VS Code shows both lists, and the same link with two
 * ranges (ours: the whole link; its own: the destination or label) reads as a duplicate. Where it answers, the links
 * it lists are left to it. It answers
 * - on the destination of a Markdown link or image: the Markdown links and images to the same file (the cursor on
 *   the path; not that file's own `[x](#heading)` links) or to the same heading (on the `#fragment`);
 * - on a heading's first line: the Markdown links to that heading;
 * where a link's fragment names a heading when it slugs the same as the heading's text or the fragment under the
 * cursor, its way (see builtInSlug), which is not how ours match.
 * - on the use of a reference link (`[text][label]`) or the label of its definition: the uses of that label in the
 *   same note, and its definition;
 * - inside the brackets of a wikilink: it reads `[[name]]` as the shortcut reference link `[name]` and lists every
 *   `[[name]]` of the same note written with the same text (case and runs of spaces aside).
 * Wikilinks elsewhere and backtick paths are ours alone. It reads the `href` of `<a>` and the `src` of `<img>`,
 * `<video>` and `<source>` tags as Markdown links (VS Code 1.100 does: its list holds them, with their value's range),
 * so they count as such here (see readByBuiltIn); a `srcset`, a `poster` and the `src` of `<audio>` and `<track>` it
 * does not read, and they are ours alone.
 */
export type BuiltInSite =
  /** Markdown links and images to the whole file (the cursor on the path) */
  | { kind: 'markdown'; file: true }
  /**
   * Markdown links and images to a heading: those whose fragment has the built-in's slug `slug` (see builtInSlug),
   * that of the heading (the cursor on it) or of the fragment under the cursor
   */
  | { kind: 'markdown'; file: false; slug: string }
  /** the wikilinks of the current note written `[[label]]` (normalised: see labelOf) */
  | { kind: 'label'; label: string }
  /** the current note's `[label]: …` definitions of this label */
  | { kind: 'definition'; label: string };

export const BUILT_IN_MARKDOWN = 'vscode.markdown-language-features';

/** The attributes of HTML tags whose links VS Code's own Markdown support reads as Markdown links (1.100). */
const BUILT_IN_HTML = new Set(['a href', 'img src', 'video src', 'source src']);

/** Whether VS Code's own Markdown support reads the links of an HTML attribute (`img src`: element and attribute). */
export function builtInReadsAttribute(attribute: string): boolean {
  return BUILT_IN_HTML.has(attribute);
}

/**
 * Whether VS Code's own Markdown support reads `link` as a Markdown link or image (and makes it clickable, lists it
 * among references and completes its path): Markdown links and images, and the HTML attributes of BUILT_IN_HTML.
 */
export function readByBuiltIn(link: LinkRef): boolean {
  return (link.kind === 'link' || link.kind === 'image') && (link.html === undefined || builtInReadsAttribute(link.html));
}

/** Whether VS Code's own Markdown support is there (a disabled extension is not found). */
export function builtInMarkdownOn(): boolean {
  return vscode.extensions.getExtension(BUILT_IN_MARKDOWN) !== undefined;
}

/**
 * Where VS Code's own Markdown references answer at `pos` in a note (`scan`: what the scanner found in it): on `link`
 * (the link under the cursor as `linkOrReferenceAt` found it among the note's links, if any), else on the first line
 * of `heading` (the heading whose lines hold `pos`, if any: it knows a heading by its first line only, so on a setext
 * heading's underline, or the second line of its text, it says nothing). `lineText(n)` is the note's line `n`.
 * Undefined where it says nothing.
 */
export function builtInSiteAt(link: LinkRef | undefined, scan: ScanResult, heading: Heading | undefined, pos: Position,
  lineText: (line: number) => string): BuiltInSite | undefined {
  if (!link) {
    if (heading?.range.start.line !== pos.line) return undefined;
    return { kind: 'markdown', file: false, slug: builtInHeadingSlugs(scan.headings)[scan.headings.indexOf(heading)] };
  }
  if (builtInDefinesAt(link, scan.links)) return link.text === undefined ? undefined : { kind: 'definition', label: labelOf(link.text) };
  if (readByBuiltIn(link)) {
    if (!within(pos, link.targetRange.start, link.targetRange.end)) {
      // on the label of a `[label]: …` definition it lists the label's uses and the definition
      return link.definition && link.text !== undefined ? { kind: 'definition', label: labelOf(link.text) } : undefined;
    }
    const hash = link.raw.indexOf('#');
    // the path part runs up to the `#` (single-line: a destination holds no line break)
    const onPath = hash === -1 || pos.line !== link.targetRange.start.line || pos.character <= link.targetRange.start.character + hash;
    // on an empty fragment (`q.md#`) it lists the links to the file
    return onPath || !link.fragment ? { kind: 'markdown', file: true } : { kind: 'markdown', file: false, slug: builtInSlug(link.fragment) };
  }
  if (link.kind !== 'wikilink') return undefined;
  const inner = innerOf(link, lineText);
  if (inner === undefined || !within(pos, inner.start, inner.end)) return undefined;
  return { kind: 'label', label: labelOf(inner.text) };
}

/**
 * Whether the built-in lists `link` (a link of note `from` to `target`; `current`: the note asked about) at `site`.
 * Of the links to the whole file it leaves out the target's own links to its headings (`[x](#heading)`).
 */
export function listedByBuiltIn(site: BuiltInSite, current: string, target: string, from: string, link: LinkRef,
  lineText: (line: number) => string): boolean {
  if (site.kind === 'markdown') {
    if (!readByBuiltIn(link)) return false;
    if (site.file) return !(from === target && link.raw.startsWith('#'));
    // a fragment it slugs otherwise than we match it (`#user-content-x`, a `_`) leads elsewhere or nowhere there
    return link.fragment !== undefined && builtInSlug(link.fragment) === site.slug;
  }
  if (site.kind === 'definition') return from === current && link.definition === true && link.text !== undefined && labelOf(link.text) === site.label;
  if (link.kind !== 'wikilink' || from !== current) return false;
  const inner = innerOf(link, lineText);
  return inner !== undefined && labelOf(inner.text) === site.label;
}

/**
 * Whether VS Code's own Markdown support answers go to definition on `link` (as `linkOrReferenceAt` found it among
 * the note's `scanned` links): on the use of a reference link (`[text][label]`, `[label]`), which is no scanned link
 * but stands for the `[label]: …` definition it uses, it goes to that definition. Inline links, definitions,
 * wikilinks and backtick paths it leaves to us.
 */
export function builtInDefinesAt(link: LinkRef, scanned: readonly LinkRef[]): boolean {
  return link.kind === 'link' && !scanned.includes(link);
}

/** The text between a one-line wikilink's `[[` and `]]`, and where it lies; undefined for anything else. */
function innerOf(link: LinkRef, lineText: (line: number) => string): { text: string; start: Position; end: Position } | undefined {
  const { start, end } = link.range;
  if (start.line !== end.line) return undefined;
  const whole = lineText(start.line).slice(start.character, end.character);
  const open = whole.indexOf('[[');
  if (open === -1 || !whole.endsWith(']]') || whole.length < open + 4) return undefined;
  const from = start.character + open + 2;
  const to = end.character - 2;
  return { text: whole.slice(open + 2, -2), start: { line: start.line, character: from }, end: { line: start.line, character: to } };
}

/** A reference label as CommonMark matches it: case-folded, inner whitespace collapsed, trimmed. */
function labelOf(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

function within(pos: Position, start: Position, end: Position): boolean {
  const afterStart = pos.line > start.line || (pos.line === start.line && pos.character >= start.character);
  const beforeEnd = pos.line < end.line || (pos.line === end.line && pos.character <= end.character);
  return afterStart && beforeEnd;
}
