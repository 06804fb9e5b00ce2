import type { IndexView } from '../index/api';
import { fragmentTarget, headingNames } from '../index/fragmentTarget';
import type { Diagnostic, Fix, LinkRef, Position, TextEdit } from '../model';
import { basename, compareCodeUnits, dirname, extname, isMarkdown, join, relative, stem } from '../paths';
import { githubSlug } from '../scanner/slug';
import { percentDecode } from '../text/percent';
import { closest, closestAll, editDistance } from '../text/similarity';
import { destinationStyleOf, encodeLinkPath, fitsWikilinkName } from './destination';
import { indexWorld, linkTextFor } from './linkText';
import { titled } from './titles';

/**
 * Fixes for broken links: point the link at the closest existing file, heading or note, or create the missing
 * note. The replacement keeps the link's style (relative path, no-extension form, angle brackets, fragment).
 */

/** The link a diagnostic was reported on (diagnostics cover the destination as written). */
export function linkAt(index: IndexView, d: Diagnostic): LinkRef | undefined {
  const links = index.note(d.file)?.scan.links ?? [];
  return links.find(l => samePos(l.targetRange.start, d.range.start) && samePos(l.targetRange.end, d.range.end));
}

function samePos(a: Position, b: Position): boolean {
  return a.line === b.line && a.character === b.character;
}

export { encodeLinkPath, linkTextFor };

/** The fragment as written in the link (not decoded), so a rewrite never re-encodes it; undefined when there is none. */
export function rawFragment(link: LinkRef): string | undefined {
  const i = link.raw.indexOf('#');
  return i === -1 ? undefined : link.raw.slice(i + 1);
}

function replaceTarget(link: LinkRef, newText: string): TextEdit {
  return { range: link.targetRange, newText };
}

/**
 * `link-broken` / `ref-broken`: the existing file whose name is closest to the one written. `text` is the note's
 * current text (it tells an `<angle>` destination from a plain one). The title shows the path as a reader would
 * say it; the edit writes it as the link needs it.
 */
export function closestFileFix(index: IndexView, d: Diagnostic, text?: string): Fix[] {
  const link = linkAt(index, d);
  if (!link) return [];
  const wanted = basename(link.path);
  const wantMd = isMarkdown(wanted) || extname(wanted) === '';
  const pool: string[] = [];
  // never the linking note itself: a link written to another note is not meant to lead back to its own
  for (const f of index.files()) if (isMarkdown(f) === wantMd && f !== d.file) pool.push(f);
  const best = betterTie(index, d.file, link, pool, bestPath(index, pool, link.path, wanted, dirname(d.file)));
  if (!best) return [];
  const fragment = fragmentIn(index, best, link) ?? rawFragment(link);
  const newText = linkTextFor(indexWorld(index), d.file, link, best, fragment, destinationStyleOf(text, link));
  if (newText === undefined) return [];
  const readable = link.kind === 'link' || link.kind === 'image' ? percentDecode(newText) : newText;
  return [{ ...titled('change-to', readable), preferred: true, safe: false, edits: [{ file: d.file, edits: [replaceTarget(link, newText)] }] }];
}

/**
 * The fragment to write when a broken link is pointed at `file`: when the link's `#fragment` leads nowhere in that
 * file as the link check reads it (`fragmentTarget`: a heading slug in any case, an HTML anchor, `#user-content-…`,
 * `#top`, `#L10` …), the closest heading's slug, so the fix does not trade a broken file for a broken heading.
 * Undefined to keep the fragment as written (the check accepts it, there is none, or nothing is close).
 */
function fragmentIn(index: IndexView, file: string, link: LinkRef): string | undefined {
  const wanted = link.fragment;
  if (wanted === undefined || fragmentLeads(index, file, link)) return undefined;
  const headings = index.headingsOf(file);
  return headings && closest(wanted, headings.map(h => h.slug));
}

/** Whether the link's `#fragment` (if any) leads somewhere in `file` as the link check reads it. */
function fragmentLeads(index: IndexView, file: string, link: LinkRef): boolean {
  if (link.fragment === undefined || link.fragment === '') return true;
  const headings = index.headingsOf(file);
  return headings !== undefined && fragmentTarget(headingNames(headings, index.note(file)?.scan.anchors), link.fragment, link.kind) !== undefined;
}

/**
 * Among the files as close by name as `best` (`api_v1.md` and `api_v2.md` for `api_v3.md`), one where the link's
 * `#fragment` leads rather than the first in name order; `best` when no other one is better.
 */
function betterTie(index: IndexView, from: string, link: LinkRef, pool: string[], best: string | undefined): string | undefined {
  if (best === undefined || fragmentLeads(index, best, link)) return best;
  const w = stem(basename(link.path)).toLowerCase();
  const distance = editDistance(w, stem(best).toLowerCase(), Infinity);
  const leading = pool.filter(f => f !== best && editDistance(w, stem(f).toLowerCase(), distance) === distance && fragmentLeads(index, f, link));
  return leading.length > 0 ? (bestPath(index, leading, link.path, basename(link.path), dirname(from)) ?? best) : best;
}

/**
 * Closest by file name. Among the files as close (`setups.md` and `../s1/setup2.md` for `setup.md`, or files of one
 * name in several folders): one in the folder the link points into, else one in that folder's series, else the
 * closest full path, else the first in name order. `folder` is the linking note's.
 */
function bestPath(index: IndexView, pool: string[], writtenPath: string, wanted: string, folder: string): string | undefined {
  const ties = closestAll(stem(wanted), pool, f => stem(f));
  if (ties.length <= 1) return ties[0];
  const slash = writtenPath.lastIndexOf('/');
  const target = (slash === -1 ? folder : join(folder, writtenPath.slice(0, slash))) ?? folder;
  const series = index.seriesOf(target === '' ? wanted : target + '/' + wanted)?.folder;
  const rank = (f: string) => (dirname(f) === target ? 0 : 2) + (series !== undefined && index.seriesOf(f)?.folder === series ? 0 : 1);
  // the path tie-break has no "plausible typo" bound: one of these is the answer, the nearest path wins
  const written = writtenPath.toLowerCase();
  const key = (f: string) => {
    const rel = relative(folder, f).toLowerCase();
    return extname(written) === '' && isMarkdown(rel) ? rel.slice(0, -3) : rel;
  };
  let best = '';
  let bestRank = Infinity;
  let bestD = Infinity;
  for (const f of ties.sort(compareCodeUnits)) {
    const r = rank(f);
    if (r > bestRank) continue;
    const dist = editDistance(written, key(f), r < bestRank ? Infinity : bestD);
    if (r < bestRank || dist < bestD) { best = f; bestRank = r; bestD = dist; }
  }
  return best;
}

/**
 * `link-anchor-broken`: the closest heading of the target note, written as its slug. A wikilink that named the
 * heading by its text (anything that is not already a slug) gets the closest heading's text instead, when that
 * text can stand inside `[[…]]`.
 */
export function closestHeadingFix(index: IndexView, d: Diagnostic): Fix[] {
  const link = linkAt(index, d);
  const file = typeof d.data?.file === 'string' ? d.data.file : undefined;
  if (!link || !file || link.fragment === undefined) return [];
  const headings = index.headingsOf(file) ?? [];
  const byText = link.kind === 'wikilink' && githubSlug(link.fragment) !== link.fragment;
  const best = closest(link.fragment, headings.map(h => (byText && fitsWikilink(h.text) ? h.text : h.slug)));
  if (!best) return [];
  const hash = link.raw.lastIndexOf('#');
  const newText = (hash === -1 ? link.raw : link.raw.slice(0, hash)) + '#' + best;
  return [{ ...titled('change-fragment', '#' + best), preferred: true, safe: false, edits: [{ file: d.file, edits: [replaceTarget(link, newText)] }] }];
}

/** Whether a heading's text can name it inside `[[note#…]]` (no `|`, `#`, brackets or line break to end it early). */
function fitsWikilink(text: string): boolean {
  return text.trim() !== '' && !/[[\]|#\r\n]/.test(text);
}

/**
 * `wikilink-broken`: the note whose file name (the written name's last segment), title or frontmatter alias is
 * closest, the closest of the three (on a tie in that order, the order in which a wikilink resolves). A file name is
 * written as the shortest name that leads to that note alone (as many folders as the link had, more when other notes
 * share the name); a title or an alias is written as it stands, when it can stand in `[[…]]` and leads to that note.
 * The `#heading` is kept; the `|alias` lies outside the replaced range. Never the linking note itself.
 */
export function closestWikilinkFix(index: IndexView, d: Diagnostic, link: LinkRef): Fix[] {
  const wanted = link.path.trim().replace(/\.md$/i, '');
  const wantedName = wanted.slice(wanted.lastIndexOf('/') + 1);
  const files: string[] = [];
  const titles = new Map<string, string>();
  const aliases = new Map<string, string>();
  for (const n of index.notes()) {
    // never the linking note itself (by file name, title or alias), as for the other links
    if (n.unreadable || n.file === d.file) continue;
    files.push(n.file);
    if (n.title && fitsWikilinkName(n.title) && !titles.has(n.title)) titles.set(n.title, n.file);
    if (n.aliases) for (const a of n.aliases) if (fitsWikilinkName(a) && !aliases.has(a)) aliases.set(a, n.file);
  }
  const distance = (a: string, b: string) => editDistance(a.toLowerCase(), b.toLowerCase());
  // a wikilink names a note by its whole stem: `.md` added, so that `[[v1.2 note]]` is not cut at its dot
  const byFile = bestPath(index, files, wanted, wantedName + '.md', dirname(d.file));
  const byFileText = byFile === undefined ? undefined : linkTextFor(indexWorld(index), d.file, link, byFile, undefined);
  // each way of naming the note: the text to write and how far it is from what was written
  const choices: { text: string; distance: number }[] = [];
  if (byFileText !== undefined) choices.push({ text: byFileText, distance: distance(wantedName, stem(byFile!)) });
  for (const names of [titles, aliases]) {
    const name = closest(wanted, names.keys());
    if (name !== undefined && resolvesTo(index, d.file, link, name, names.get(name)!)) choices.push({ text: name, distance: distance(wanted, name) });
  }
  if (choices.length === 0) return [];
  const best = choices.reduce((a, b) => (b.distance < a.distance ? b : a));
  const newText = best.text + (link.fragment ? '#' + link.fragment : '');
  return [{ ...titled('change-to', `[[${newText}]]`), preferred: true, safe: false, edits: [{ file: d.file, edits: [replaceTarget(link, newText)] }] }];
}

/**
 * Whether a wikilink name ends in a file extension other than `.md` that files of the workspace have
 * (`[[diagram.png]]`, `![[arch.svg]]`): it names such a file, not a note (`[[v1.2 notes]]` still names a note).
 */
export function namesOtherFile(index: Pick<IndexView, 'files'>, name: string): boolean {
  const ext = extname(name).toLowerCase();
  if (!/^\.[a-z0-9]{1,8}$/.test(ext) || ext === '.md') return false;
  for (const f of index.files()) if (f.toLowerCase().endsWith(ext) && !isMarkdown(f)) return true;
  return false;
}

/**
 * The wikilink fix for a name of a file that is not a note (see `namesOtherFile`): the closest such file by name, an
 * embed kept an embed.
 */
export function closestOtherFileFix(index: IndexView, d: Diagnostic, link: LinkRef): Fix[] {
  const wanted = link.path.trim();
  const wantedName = basename(wanted);
  const ext = extname(wantedName).toLowerCase();
  const pool = [...index.files()].filter(f => !isMarkdown(f) && extname(f).toLowerCase() === ext);
  const best = bestPath(index, pool, wanted, wantedName, dirname(d.file));
  const text = best === undefined ? undefined : linkTextFor(indexWorld(index), d.file, link, best, undefined);
  if (text === undefined) return [];
  return [{ ...titled('change-to', `[[${text}]]`), preferred: true, safe: false, edits: [{ file: d.file, edits: [replaceTarget(link, text)] }] }];
}

function resolvesTo(index: IndexView, from: string, link: LinkRef, name: string, file: string): boolean {
  const r = index.resolve(from, { ...link, raw: name, path: name });
  return r.kind === 'file' && r.file === file;
}
