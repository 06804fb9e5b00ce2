import type { IndexView, Resolution } from '../index/api';
import { isRelativeWikilink } from '../index/resolve';
import type { LinkRef } from '../model';
import { isExternalLink } from '../scanner/target';
import { basename, dirname, extname, isMarkdown, relative } from '../paths';
import { encodeLinkPath, fitsRef, fitsWikilinkName, notAnUrl, percentEncodesNonAscii, type DestinationStyle } from './destination';

/**
 * Writing a link so that it points at a given file: the candidate texts in the link's own style (relative path,
 * no-extension form, angle brackets, the base a backtick path was written against, a bare wikilink name) and,
 * when those do not lead to the file, the other forms of the same kind. A text is only chosen when the
 * workspace resolves it to the file, so no other file can shadow it.
 */

/** What choosing a link text needs to know about the workspace (the index, or the workspace after a move). */
export interface LinkWorld {
  resolve(from: string, link: LinkRef): Resolution;
  seriesFolderOf(file: string): string | undefined;
  /** true for a series' coverage matrix: its paths are read relative to the series folder only */
  isMatrix(file: string): boolean;
  /** the notes a wikilink name in note `from` could mean; when given, a written wikilink must name exactly one note */
  wikilinkCandidates?(from: string, name: string): readonly string[];
}

export function indexWorld(index: IndexView): LinkWorld {
  return {
    resolve: (from, link) => index.resolve(from, link),
    seriesFolderOf: file => index.seriesOf(file)?.folder,
    isMatrix: file => basename(file) === index.config.matrixFileName && index.seriesOf(file)?.folder === dirname(file),
  };
}

/** A text to write, and the path the scanner will read from it. */
interface Candidate {
  text: string;
  path: string;
}

/**
 * How `link` (in note `from`) should be written to point at `file#fragment` (`fragment` as it should be written,
 * not decoded). `style` is the form of the link's destination in the note (see `destinationStyleOf`). `exists`
 * false skips the check that the text resolves to `file` (a missing file resolves nowhere). Undefined when no
 * text of the link's kind both can be written and leads to the file.
 */
export function linkTextFor(world: LinkWorld, from: string, link: LinkRef, file: string, fragment: string | undefined,
  style: DestinationStyle = 'plain', exists = true): string | undefined {
  const frag = fragment !== undefined && fragment !== '' ? fragment : undefined;
  const query = queryOf(link);
  // `[[b # Sec]]` keeps its blanks before the `#` (the fragment as written keeps those after it)
  const gap = link.kind === 'wikilink' && frag !== undefined ? blanksBeforeHash(link.raw) : '';
  for (const c of candidatesFor(world, from, link, file, frag, style)) {
    if (!exists || leadsTo(world, from, link, c, file)) return c.text + query + (frag === undefined ? '' : `${gap}#${frag}`);
  }
  return undefined;
}

function blanksBeforeHash(raw: string): string {
  const hash = raw.indexOf('#');
  return hash === -1 ? '' : /[ \t]*$/.exec(raw.slice(0, hash))![0];
}

/** The `?query` of a Markdown link or image as written (`?raw=true`), kept when its path is rewritten; else ''. */
function queryOf(link: LinkRef): string {
  if (link.kind !== 'link' && link.kind !== 'image') return '';
  const q = link.raw.indexOf('?');
  if (q === -1) return '';
  const hash = link.raw.indexOf('#', q);
  return hash === -1 ? link.raw.slice(q) : link.raw.slice(q, hash);
}

function candidatesFor(world: LinkWorld, from: string, link: LinkRef, file: string, frag: string | undefined, style: DestinationStyle): Candidate[] {
  switch (link.kind) {
    case 'wikilink': return isRelativeWikilink(link.path.trim()) ? relativeWikilinkCandidates(from, link, file) : wikilinkCandidates(link, file);
    case 'ref': return refCandidates(world, from, link, file).filter(c => fitsRef(c.path, frag));
    default: return pathLinkCandidates(from, link, file, frag, style);
  }
}

/** The candidate resolves to `file`; a wikilink must also name no other note (resolution would pick among them). */
function leadsTo(world: LinkWorld, from: string, link: LinkRef, c: Candidate, file: string): boolean {
  if (link.kind === 'wikilink' && world.wikilinkCandidates) {
    const names = world.wikilinkCandidates(from, c.path);
    if (names.length !== 1 || names[0] !== file) return false;
  }
  // the text read afresh: a path that reads as a URL (`Kafka: intro.md`) makes it an external link
  const r = world.resolve(from, { ...link, raw: c.text, path: c.path, external: isExternalLink(link.kind, c.text, c.path) });
  return r.kind === 'file' && r.file === file;
}

/**
 * A path (without `.md` when the link had no extension, then with it), encoded for the destination, in the link's
 * style: from the workspace root when it was (`/docs/b.md`), else relative, with `./` when it had one, and with
 * characters beyond ASCII percent-encoded when it had them so. A link to its own note keeps the form the author
 * wrote: `#x` stays a bare fragment, `a.md#x` a file name.
 */
function pathLinkCandidates(from: string, link: LinkRef, file: string, frag: string | undefined, style: DestinationStyle): Candidate[] {
  if (file === from && frag !== undefined && link.path === '') return [{ text: '', path: '' }];
  const rel = link.path.startsWith('/') ? '/' + file : relative(dirname(from), file);
  const written = link.path.startsWith('./') && !rel.startsWith('../') ? './' + rel : rel;
  const paths = extname(link.path) === '' && isMarkdown(rel) && link.path !== '' ? [written.slice(0, -3), written] : [written];
  const nonAscii = percentEncodesNonAscii(link.raw);
  return paths.map(notAnUrl).map(path => ({ text: encodeLinkPath(path, style, nonAscii), path }));
}

/**
 * A backtick path from each base a reference resolves against: first the one it was written against (the note's
 * folder for `../` paths and files below the note, else the series folder for files in the series, else the
 * root), then the note's folder, the series folder and the root. A matrix reads paths from its series folder only.
 */
function refCandidates(world: LinkWorld, from: string, link: LinkRef, file: string): Candidate[] {
  const noteFolder = dirname(from);
  const series = world.seriesFolderOf(from);
  const bases = world.isMatrix(from) && series !== undefined ? [series]
    : [writtenBase(noteFolder, series, link, file), noteFolder, series ?? noteFolder, ''];
  return [...new Set(bases)].map(base => relative(base, file)).map(path => ({ text: path, path }));
}

function writtenBase(noteFolder: string, series: string | undefined, link: LinkRef, file: string): string {
  if (link.path.startsWith('../') || series === undefined || file.startsWith(noteFolder + '/')) return noteFolder;
  return series === '' || file.startsWith(series + '/') ? series : '';
}

/**
 * Wikilink names for `file`: its name, then longer and longer path suffixes (`x2/c`, then the whole path), then the
 * whole path anchored at the root (`/c`, `/x2/c`: the only name left for a root note when the linking note has a
 * same-named one beside it); a path-like link starts with as many folders as it had, a rooted one stays rooted.
 * `.md` is kept when the link wrote it.
 */
function wikilinkCandidates(link: LinkRef, file: string): Candidate[] {
  const parts = file.replace(/\.md$/i, '').split('/');
  const writtenName = link.path.trim().replace(/\/+$/, '');
  const written = writtenName.split('/').length;
  const ext = isMarkdown(link.path.trim()) ? '.md' : '';
  const out: Candidate[] = [];
  const rooted = writtenName.startsWith('/');
  for (let n = Math.min(written, parts.length); n <= parts.length && !rooted; n++) {
    const name = parts.slice(parts.length - n).join('/') + ext;
    if (fitsWikilinkName(name)) out.push({ text: name, path: name });
  }
  const name = '/' + parts.join('/') + ext;
  if (fitsWikilinkName(name)) out.push({ text: name, path: name });
  return out;
}

/**
 * A wikilink written from the note's folder (`[[./b]]`, `[[../x/b]]`) stays so: the path from `from`'s folder to
 * `file`, starting with `./` or `../`, without `.md` unless the link wrote it.
 */
function relativeWikilinkCandidates(from: string, link: LinkRef, file: string): Candidate[] {
  const rel = relative(dirname(from), file);
  const path = isMarkdown(rel) && !isMarkdown(link.path.trim()) ? rel.slice(0, -3) : rel;
  const name = path.startsWith('../') ? path : './' + path;
  return fitsWikilinkName(name) ? [{ text: name, path: name }] : [];
}
