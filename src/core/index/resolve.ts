import { isUnlisted, type FolderAlias, type NotesConfig } from '../config';
import type { LinkRef } from '../model';
import { dirname, extname, join, stem } from '../paths';
import type { NoteRecord, Resolution } from './api';

/** What resolution needs to know about the workspace. */
export interface ResolveContext {
  hasFile(file: string): boolean;
  isNote(file: string): boolean;
  /** folder of the series enclosing `file`, if any */
  seriesFolderOf(file: string): string | undefined;
  /** notes whose file name without `.md` is `name` (case-insensitive), sorted */
  notesByStem(lowerStem: string): readonly string[];
  /** notes whose frontmatter title is `title` (case-insensitive), sorted */
  notesByTitle(lowerTitle: string): readonly string[];
  /** notes with a frontmatter alias `alias` (case-insensitive), sorted; absent: no note has aliases */
  notesByAlias?(lowerAlias: string): readonly string[];
  /**
   * Markdown files the editor's listing hides (`files.exclude`) whose stem is `lowerStem`, sorted: known by name
   * only (never read), so a wikilink finds them by file name but not by title
   */
  hiddenNotesByStem?(lowerStem: string): readonly string[];
  /** files that are not notes (images, Markdown the config leaves out) named `lowerName` (case-insensitive), sorted */
  filesByName(lowerName: string): readonly string[];
  /** true when some workspace file lies inside `folder` (a link to a folder is not broken) */
  hasFolder(folder: string): boolean;
  /** the configuration, for the folders the listing could not read (see `isUnlisted`) */
  readonly config?: Pick<NotesConfig, 'unlistedFolders' | 'unlistedGlobs' | 'folderAliases'>;
}

/**
 * Where a link points, following the SPEC:
 * - Markdown links and images: relative to the note's folder (`/x` = workspace root); a target without an extension
 *   resolves to `<name>.md` when that exists; a fragment-only link points into the note itself.
 * - backtick references: the note's folder, then the series folder, then the workspace folder (first that exists).
 * - wikilinks: by file name (case-insensitive; a path-like name must match the path's end), then by title, then by
 *   frontmatter alias; a name starting with `./` or `../` by that path from the note's folder only (`.md` appended).
 */
export function resolveLink(ctx: ResolveContext, from: string, link: LinkRef, fromFolder = dirname(from)): Resolution {
  if (link.external) return EXTERNAL;
  switch (link.kind) {
    case 'link':
    case 'image':
      return resolvePathLink(ctx, from, fromFolder, link);
    case 'ref':
      return resolveRef(ctx, from, link);
    case 'wikilink':
      return resolveWikilink(ctx, from, link);
  }
}

/** The existing files the links of note `file` (`record`) resolve to; none for a note that could not be read. */
export function linkTargets(ctx: ResolveContext, file: string, record: NoteRecord): Set<string> {
  const targets = new Set<string>();
  if (!record.unreadable) {
    const folder = dirname(file);
    for (const link of record.scan.links) {
      const r = resolveLink(ctx, file, link, folder);
      if (r.kind === 'file' && r.exists) targets.add(r.file);
    }
  }
  return targets;
}

// answers without a file are shared: resolving runs once per link of every note
const EXTERNAL: Resolution = Object.freeze({ kind: 'external' });
const OUTSIDE: Resolution = Object.freeze({ kind: 'outside' });
const UNRESOLVED: Resolution = Object.freeze({ kind: 'unresolved' });

function fileResolution(ctx: ResolveContext, file: string, fragment: string | undefined, exists?: boolean): Resolution {
  // a note is a file: one lookup answers both questions for the usual target
  const isNote = exists !== false && ctx.isNote(file);
  if (isNote) return { kind: 'file', file, exists: true, fragment, isNote };
  if (exists === undefined) exists = ctx.hasFile(file);
  // in a folder that is never listed (`node_modules`, `.git` …) or could not be, a file is taken to exist: nothing says otherwise
  if (!exists && isUnlisted(ctx.config, file)) return { kind: 'file', file, exists: true, fragment, isNote: false };
  return { kind: 'file', file, exists, fragment, isNote: !exists && /\.md$/i.test(file) };
}

/** The candidate files a relative link path may mean, most likely first (for dependency tracking too). */
export function pathLinkCandidates(from: string, path: string): string[] | undefined {
  if (path === '') return [from];
  const file = join(dirname(from), path);
  if (file === undefined) return undefined;
  if (extname(file) === '' && file !== '') return [file, file + '.md'];
  return [file];
}

/** `pathLinkCandidates` without the list: the first candidate that exists, else the first. */
function resolvePathLink(ctx: ResolveContext, from: string, fromFolder: string, link: LinkRef): Resolution {
  const path = filePathOf(link);
  if (path === '') return fileResolution(ctx, from, link.fragment);
  const file = throughFolderLinks(ctx.config, join(fromFolder, path));
  if (file === undefined) return OUTSIDE;
  if (ctx.isNote(file)) return { kind: 'file', file, exists: true, fragment: link.fragment, isNote: true };
  const exists = ctx.hasFile(file);
  if (!exists && file !== '' && extname(file) === '') {
    const md = file + '.md';
    if (ctx.hasFile(md)) return fileResolution(ctx, md, link.fragment, true);
  }
  if (!exists && ctx.hasFolder(file)) return { kind: 'folder', folder: file };
  return fileResolution(ctx, file, link.fragment, exists);
}

/**
 * A link's path without its `?query` (`diagram.png?raw=true`, `a.md?plain=1`): browsers, GitHub and VS Code drop it
 * before they look for the file. Only a `?` written as such starts a query (an encoded `%3F` is part of the name).
 */
export function filePathOf(link: LinkRef): string {
  const rawQuery = link.raw.indexOf('?');
  if (rawQuery === -1) return link.path;
  // the decoded path has a `?` for each `%3F` before the query too: it starts at the one after them
  let q = link.path.indexOf('?');
  for (let encoded = link.raw.slice(0, rawQuery).match(/%3F/gi)?.length ?? 0; encoded > 0 && q !== -1; encoded--) q = link.path.indexOf('?', q + 1);
  return q === -1 ? link.path : link.path.slice(0, q);
}

/** Candidate files of a backtick reference, in resolution order (note folder, series folder, root). */
export function refCandidates(ctx: Pick<ResolveContext, 'seriesFolderOf' | 'config'>, from: string, path: string): (string | undefined)[] {
  const noteFolder = dirname(from);
  const out: (string | undefined)[] = [join(noteFolder, path)];
  const series = ctx.seriesFolderOf(from);
  if (series !== undefined && series !== noteFolder) out.push(join(series, path));
  if (noteFolder !== '' && series !== '') out.push(join('', path));
  if (ctx.config?.folderAliases?.length) for (let i = 0; i < out.length; i++) out[i] = throughFolderLinks(ctx.config, out[i]);
  return out;
}

/**
 * `path` as the listing knows it: a leading folder that is a symbolic link to a folder listed under another path (see
 * `NotesConfig.folderAliases`) is replaced by that path, again while one leads the result (`loop/loop/x.md`, with
 * `loop` a link to the root, is `x.md`). Each step keeps the place on disk the path names, so the answer is the path
 * the file was listed under when it was.
 */
export function throughFolderLinks(config: ResolveContext['config'], path: string | undefined): string | undefined {
  const aliases = config?.folderAliases;
  if (aliases === undefined || aliases.length === 0 || path === undefined) return path;
  // a step through a loop shortens the path; one to a longer target ends in another folder: bounded either way
  for (let steps = path.split('/').length + aliases.length; steps > 0; steps--) {
    const a = aliases.find(a => path!.startsWith(a.alias) && (path!.length === a.alias.length || path!.charCodeAt(a.alias.length) === 47 /* / */));
    if (a === undefined) return path;
    const rest = path.slice(a.alias.length + 1);
    path = a.target === '' ? rest : rest === '' ? a.target : a.target + '/' + rest;
  }
  return path;
}

function resolveRef(ctx: ResolveContext, from: string, link: LinkRef): Resolution {
  const cands = refCandidates(ctx, from, link.path);
  for (const c of cands) if (c !== undefined && ctx.hasFile(c)) return fileResolution(ctx, c, link.fragment);
  // any place looked that is never listed (`node_modules`, a locked folder) may hold it: nothing says otherwise
  for (const c of cands) if (c !== undefined && isUnlisted(ctx.config, c)) return fileResolution(ctx, c, link.fragment);
  const first = cands.find((c): c is string => c !== undefined);
  if (first === undefined) return OUTSIDE;
  // report against the series folder when there is one (that is where series paths are written from, and where
  // *Create* puts the note), else against the note's folder, the first place looked
  const series = ctx.seriesFolderOf(from);
  const inSeries = series === undefined ? undefined : throughFolderLinks(ctx.config, join(series, link.path));
  return fileResolution(ctx, inSeries ?? first, link.fragment);
}

function resolveWikilink(ctx: ResolveContext, from: string, link: LinkRef): Resolution {
  const name = link.path.trim();
  if (name === '') return fileResolution(ctx, from, link.fragment);
  const { files, isNote, outside } = wikilinkMatches(ctx, name, from);
  if (outside) return OUTSIDE;
  const pick = pickNearest(files, from);
  if (pick === undefined) return UNRESOLVED;
  // a hidden note is matched by name but is not read: no note to check a fragment against, as for a hidden path
  return { kind: 'file', file: pick, exists: true, fragment: link.fragment, isNote: isNote && ctx.isNote(pick) };
}

/** Whether a wikilink name is written relative to the linking note's folder: `./note`, `../other/note`. */
export function isRelativeWikilink(name: string): boolean {
  // most names start with a letter: one character decides
  return name.charCodeAt(0) === 46 /* . */ && (name.startsWith('./') || name.startsWith('../'));
}

const NO_FILES: readonly string[] = Object.freeze([]);
const OUTSIDE_MATCHES = Object.freeze({ files: NO_FILES, isNote: false, outside: true });

/**
 * Every file a wikilink name (not empty) answers to, before the nearest is picked: notes by file name (a path-like
 * name must match whole folders at the path's end; Markdown files the editor hides count, see `hiddenNotesByStem`),
 * else notes by title, else notes by alias, else other files by file name. A name written from the note's folder (`./x`, `../y/x`, see
 * `isRelativeWikilink`; only when `from` is given) names that one path, as a rooted `[[/y/x]]` would, never a
 * title; `outside` when its `..` leaves the workspace.
 */
export function wikilinkMatches(ctx: ResolveContext, name: string, from?: string): { files: readonly string[]; isNote: boolean; outside?: boolean } {
  let lowerName = name.trim().toLowerCase();
  let byTitle = true;
  if (from !== undefined && isRelativeWikilink(lowerName)) {
    const path = throughFolderLinks(ctx.config, join(dirname(from), name.trim()));
    if (path === undefined) return OUTSIDE_MATCHES;
    if (path === '' || lowerName.endsWith('/')) return { files: NO_FILES, isNote: false };
    lowerName = '/' + path.toLowerCase();
    byTitle = false;
  }
  const lower = lowerName.endsWith('.md') ? lowerName.slice(0, -3) : lowerName;
  const slash = lower.lastIndexOf('/');
  const key = slash === -1 ? lower : lower.slice(slash + 1);
  const listed = ctx.notesByStem(key);
  const hidden = ctx.hiddenNotesByStem?.(key);
  const byStem = hidden === undefined || hidden.length === 0 ? listed : [...listed, ...hidden];
  let matches = slash === -1 ? byStem : byStem.filter(f => endsWithPath(f.toLowerCase().replace(/\.md$/, ''), lower));
  if (matches.length === 0 && slash !== -1 && ctx.config?.folderAliases?.length) {
    matches = byStem.filter(f => aliasedPaths(ctx.config!.folderAliases!, f).some(a => endsWithPath(a.toLowerCase().replace(/\.md$/, ''), lower)));
  }
  if (matches.length > 0) return { files: matches, isNote: true };
  const titled = byTitle ? ctx.notesByTitle(lowerName) : NO_FILES;
  if (titled.length > 0) return { files: titled, isNote: true };
  const aliased = byTitle && ctx.notesByAlias ? ctx.notesByAlias(lowerName) : NO_FILES;
  if (aliased.length > 0) return { files: aliased, isNote: true };
  return { files: filesNamed(ctx, lowerName), isNote: false };
}

/** The series folder (or other marked folder) nearest above `file`: its own folder first, the root last. */
export function nearestFolderIn(folders: { has(folder: string): boolean }, file: string): string | undefined {
  let folder = dirname(file);
  for (;;) {
    if (folders.has(folder)) return folder;
    if (folder === '') return undefined;
    folder = dirname(folder);
  }
}

/**
 * Files that are not notes a wikilink names by file name: `[[diagram.png]]` (Obsidian's and Foam's embeds), or
 * `[[old-note]]` when the config leaves `old-note.md` out of the check (it exists, it is only not checked).
 */
function filesNamed(ctx: ResolveContext, lowerName: string): readonly string[] {
  const slash = lowerName.lastIndexOf('/');
  const base = slash === -1 ? lowerName : lowerName.slice(slash + 1);
  let withExt = lowerName;
  let files = ctx.filesByName(base);
  if (files.length === 0 && !base.endsWith('.md')) {
    withExt = lowerName + '.md';
    files = ctx.filesByName(base + '.md');
  }
  return slash === -1 ? files : files.filter(f => endsWithPath(f.toLowerCase(), withExt));
}

/** The other paths `file` has through symbolic links to a folder above it (one link deep; see `throughFolderLinks`). */
function aliasedPaths(aliases: readonly FolderAlias[], file: string): string[] {
  const out: string[] = [];
  for (const a of aliases) {
    if (a.target === '') out.push(a.alias + '/' + file);
    else if (file.startsWith(a.target + '/')) out.push(a.alias + file.slice(a.target.length));
  }
  return out;
}

/** Whether `path` ends with the whole segments of `tail` (`f1/dup` ends with `dup` but not with `1/dup`); a leading `/` anchors `tail` at the root. */
function endsWithPath(path: string, tail: string): boolean {
  if (tail.startsWith('/')) return path === tail.slice(1);
  return path === tail || path.endsWith('/' + tail);
}

/** Deterministic choice among same-named notes: same folder first, then the shortest path, then alphabetical. */
function pickNearest(files: readonly string[], from: string): string | undefined {
  if (files.length <= 1) return files[0];
  const folder = dirname(from);
  let best: string | undefined;
  for (const f of files) {
    if (best === undefined) { best = f; continue; }
    const fs = dirname(f) === folder ? 0 : 1;
    const bs = dirname(best) === folder ? 0 : 1;
    if (fs !== bs ? fs < bs : f.length !== best.length ? f.length < best.length : f < best) best = f;
  }
  return best;
}

/** Lower-cased wikilink keys a note answers to (its stem); used to find dependents when notes come and go. */
export function wikilinkKeyOfFile(file: string): string {
  return stem(file).toLowerCase();
}

/** Every folder that holds one of `files` (at any depth), for `ResolveContext.hasFolder`. */
export function foldersOf(files: Iterable<string>): Set<string> {
  const folders = new Set<string>();
  for (const f of files) {
    for (let d = dirname(f); d !== '' && !folders.has(d); d = dirname(d)) folders.add(d);
  }
  return folders;
}
