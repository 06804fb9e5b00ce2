import { fragmentTarget, headingNames, lineOfFragment, type FragmentPlace } from '../../core/index/fragmentTarget';
import type { IndexView, NoteRecord, Resolution } from '../../core/index/api';
import type { Chapter, Heading, LinkKind, LinkRef, Position, Range } from '../../core/model';
import { normalizeLabel } from '../../core/scanner/inlineTypes';
import { LineIndex, rangeContains } from '../../core/text/lineIndex';
import { isProseAt } from '../../core/index/proseAt';

/** The link (any kind, reference definitions included) under a position of a note. */
export function linkAt(record: NoteRecord, pos: Position): LinkRef | undefined {
  for (const link of record.scan.links) {
    if (rangeContains(link.range, pos)) return link;
  }
  return undefined;
}

/** A bracket pair `[…]`, optionally followed by a second `[…]` (full or collapsed reference). */
const REFERENCE_USAGE = /\[((?:[^[\]\\]|\\.){0,999})\](?:\[((?:[^[\]\\]|\\.){0,999})\])?/g;

/** The text of a note as an editor holds it (a vscode.TextDocument is one). */
export interface NoteText {
  lineAt(line: number): { text: string };
  getText(): string;
}

/**
 * The link under a position of a note: a link the scanner found, or else a reference-style use — `[text][label]`,
 * `[label][]` or `[label]` — of one of the note's reference definitions, as that definition's link spanning the
 * use (the scanner records definitions, not their uses). A use written in code (a code span, a fenced or
 * indented code block) is no link.
 */
export function linkOrReferenceAt(record: NoteRecord, document: NoteText, pos: Position): LinkRef | undefined {
  const link = linkAt(record, pos);
  if (link) return link;
  const definitions = record.scan.links.filter(l => l.definition && l.text !== undefined);
  if (definitions.length === 0) return undefined;
  const lineText = document.lineAt(pos.line).text;
  // a use spans at most ~2,000 characters (two labels of 999): look only that far around the cursor
  const from = Math.max(0, pos.character - 2002);
  const window = lineText.slice(from, pos.character + 2002);
  const at = pos.character - from;
  REFERENCE_USAGE.lastIndex = 0;
  for (let m = REFERENCE_USAGE.exec(window); m; m = REFERENCE_USAGE.exec(window)) {
    if (m.index > at) break;
    const end = m.index + m[0].length;
    if (at > end) continue;
    const label = normalizeLabel(m[2] !== undefined && m[2].trim() !== '' ? m[2] : m[1]);
    if (label === '') continue;
    const definition = definitions.find(d => normalizeLabel(d.text!) === label);
    if (!definition) continue;
    const range: Range = { start: { line: pos.line, character: from + m.index }, end: { line: pos.line, character: from + end } };
    if (!inProse(record, document, range.start)) return undefined;
    return { ...definition, definition: false, range, targetRange: range };
  }
  return undefined;
}

/** Whether a position of a note is in prose (not in code), read from the note's text as the editor holds it. */
function inProse(record: NoteRecord, document: NoteText, pos: Position): boolean {
  const text = document.getText();
  return isProseAt(text, record.frontmatter.block?.end ?? 0, new LineIndex(text).offsetAt(pos));
}

/** The heading whose line holds a position, if any. */
export function headingAt(record: NoteRecord, pos: Position): Heading | undefined {
  return record.scan.headings.find(h => h.range.start.line <= pos.line && pos.line <= h.range.end.line);
}

/** Where a link leads, with the heading its fragment names when the target exists. */
export interface LinkTarget {
  resolution: Resolution;
  /** the target file (existing or not) when the link names a workspace file */
  file?: string;
  exists: boolean;
  isNote: boolean;
  fragment?: string;
  /** the heading (or HTML anchor) named by the fragment, when found */
  heading?: Heading;
  /** the place a fragment that names no heading leads to (`#top`, `#L10`, a block `^id`): it is not broken */
  place?: FragmentPlace;
  /** the 0-based line a `#L10` fragment names */
  line?: number;
}

export function targetOf(index: IndexView, from: string, link: LinkRef): LinkTarget {
  const resolution = index.resolve(from, link);
  if (resolution.kind !== 'file') return { resolution, exists: false, isNote: false };
  const target: LinkTarget = {
    resolution,
    file: resolution.file,
    exists: resolution.exists,
    isNote: resolution.isNote,
    fragment: resolution.fragment,
  };
  const fragment = resolution.fragment;
  if (resolution.exists && fragment !== undefined && fragment !== '') {
    const t = fragmentTargetIn(index, resolution.file, fragment, link.kind);
    if (typeof t === 'object') target.heading = t;
    else if (t !== undefined) target.place = t;
    if (t === 'line') target.line = lineOfFragment(fragment);
  }
  return target;
}

/** The heading (or HTML anchor, as a heading) of `file` that a fragment of a link of that kind names. */
export function headingNamed(index: IndexView, file: string, fragment: string, kind: LinkKind): Heading | undefined {
  const t = fragmentTargetIn(index, file, fragment, kind);
  return typeof t === 'object' ? t : undefined;
}

function fragmentTargetIn(index: IndexView, file: string, fragment: string, kind: LinkKind): Heading | FragmentPlace | undefined {
  return fragmentTarget(headingNames(index.headingsOf(file) ?? [], index.note(file)?.scan.anchors), fragment, kind);
}

/** The page that stands for a folder: its README.md (any case of `readme`), else its index.md, when it has one. */
export function folderPage(index: IndexView, folder: string): string | undefined {
  const prefix = folder === '' ? '' : folder.replace(/\/+$/, '') + '/';
  return ['README.md', 'readme.md', 'Readme.md', 'index.md'].map(name => prefix + name).find(file => index.hasFile(file));
}

/** The README chapter entry of a file in its series, if the series lists it. */
export function chapterOf(index: IndexView, file: string): Chapter | undefined {
  const series = index.seriesOf(file);
  if (!series) return undefined;
  for (const category of series.categories) {
    for (const chapter of category.chapters) {
      if (chapter.file === file) return chapter;
    }
  }
  return undefined;
}

/** A LinkRef built from typed text, to resolve what the user is typing with the index's own rules. */
export function syntheticLink(kind: LinkKind, path: string, fragment?: string): LinkRef {
  const zero: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return {
    kind,
    raw: fragment === undefined ? path : `${path}#${fragment}`,
    path,
    fragment,
    external: false,
    range: zero,
    targetRange: zero,
    targetStart: 0,
    targetEnd: 0,
  };
}
