import type { IndexView, Resolution } from '../index/api';
import type { FileEdit, LinkRef, Range, TextEdit } from '../model';
import { titleOf } from '../index/noteRecord';
import { basename, dirname, isInside, relative, stem } from '../paths';
import { destinationStyleOf, encodeLinkPath, type DestinationStyle } from './destination';
import { rawFragment } from './links';
import { linkTextFor } from './linkText';
import { movedFolder, spanRewrites } from './matrixSpans';
import { PostMoveWorkspace } from './postMove';
import { isReadmeName } from '../series/readmeSections';

export interface Move {
  from: string;
  to: string;
}

/**
 * A link that points at a moved file but that no text of its kind can point at the file's new path, or whose text is
 * no longer what the index read (changed since, or unreadable): it is left as it is.
 */
export interface SkippedLink {
  /** the note holding the link (its path before the move) */
  file: string;
  /** the link's destination range in that note */
  range: Range;
  /** the destination as written */
  raw: string;
  /** where the link's target moves to */
  target: string;
  /** why it was left as it is */
  reason: string;
}

export interface RenamePlan {
  edits: FileEdit[];
  /** links left unchanged because they cannot be rewritten to follow the move (for the caller to report) */
  skipped: SkippedLink[];
}

/**
 * The edits that keep every link right when notes or folders move: links, images, backtick references and
 * wikilinks pointing at a moved file (README chapter lines and matrix paths included), and the relative links
 * inside the moved notes themselves, and matrix cross-reference ranges of a moved folder. Edits are expressed on the files' current (pre-move) paths, so they can be
 * applied before the move as one undoable edit. `textOf` gives the current text (an unsaved buffer wins) and is
 * used to skip links whose text no longer matches the index (never edit stale positions: renamePlan reports them).
 */
export function renameEdits(index: IndexView, moves: Move[], textOf: (file: string) => string | undefined): FileEdit[] {
  return renamePlan(index, moves, textOf).edits;
}

/** `renameEdits`, plus the links that could not be rewritten (a backtick path cannot hold a space or `#` …). */
export function renamePlan(index: IndexView, moves: Move[], textOf: (file: string) => string | undefined): RenamePlan {
  const fileMoves = expandFileMoves(index, moves);
  const folderMoves = moves.filter(m => m.from !== '' && !index.hasFile(m.from));
  // a path under a moved folder moves with it, whether the file exists or is only planned (a README chapter to write)
  const newPath = (f: string) => fileMoves.get(f) ?? throughFolderMoves(folderMoves, f) ?? f;
  const out = new EditCollector(textOf);

  const post = new PostMoveWorkspace(index, newPath);
  const folderAfter = (folder: string) => movedFolder(index, folder, fileMoves, moves) ?? folder;
  for (const src of sourcesOf(index, fileMoves, folderMoves, post)) {
    const note = index.note(src);
    if (!note) continue;
    const srcAfter = newPath(src);
    for (const link of note.scan.links) {
      const target = targetOf(index, src, link);
      if (target === undefined) continue;
      if (target.kind === 'folder') {
        const text = folderLinkText(post, srcAfter, link, folderAfter(target.folder), destinationStyleOf(textOf(src), link));
        if (text !== undefined) out.replace(src, link, text, folderAfter(target.folder));
        continue;
      }
      const after = newPath(target.file);
      if (leadsTo(post, srcAfter, link, after)) continue; // the text survives the move as it is
      const fragment = link.fragment !== undefined ? rawFragment(link) : undefined;
      const text = linkTextFor(post, srcAfter, link, after, fragment, destinationStyleOf(textOf(src), link), target.exists);
      if (text !== undefined) out.replace(src, link, text, after);
      else out.leave(src, link, after, cannotName(link));
    }
  }
  for (const s of spanRewrites(index, fileMoves, moves, textOf)) out.replaceRange(s.file, s.range, s.start, s.end, s.raw, s.newText, s.folder);
  return { edits: out.fileEdits(), skipped: out.skipped };
}

/** Folder moves expanded into file moves (a path the index has as a file moves as itself). */
function expandFileMoves(index: IndexView, moves: Move[]): Map<string, string> {
  const fileMoves = new Map<string, string>();
  for (const m of moves) {
    if (index.hasFile(m.from)) fileMoves.set(m.from, m.to);
    else for (const f of index.files()) if (isInside(f, m.from)) fileMoves.set(f, m.to + f.slice(m.from.length));
  }
  return fileMoves;
}

/** Where `file` goes when it lies under one of the moved folders; undefined when it stays. */
function throughFolderMoves(folderMoves: readonly Move[], file: string): string | undefined {
  for (const m of folderMoves) if (isInside(file, m.from)) return m.to + file.slice(m.from.length);
  return undefined;
}

/**
 * Notes whose links may change: those linking to a moved file, the moved notes themselves, those whose series
 * changes (see seriesChanged), those linking to a file the moved files may shadow (see shadowable) and, when a folder moves, every note with a link to a folder or to a
 * missing file in a moved folder (no index keeps links to folders, nor lists planned files: they are few, and folder
 * moves rare).
 */
function sourcesOf(index: IndexView, fileMoves: Map<string, string>, folderMoves: readonly Move[], post: PostMoveWorkspace): Set<string> {
  const sources = new Set<string>();
  for (const file of seriesChanged(index, fileMoves, post)) sources.add(file);
  for (const from of fileMoves.keys()) {
    for (const b of index.backlinks(from)) sources.add(b.from);
    if (index.note(from)) sources.add(from);
  }
  for (const file of shadowable(index, fileMoves)) for (const b of index.backlinks(file)) sources.add(b.from);
  if (folderMoves.length > 0) {
    const follows = (t: ReturnType<typeof targetOf>) =>
      t !== undefined && (t.kind === 'folder' || (!t.exists && throughFolderMoves(folderMoves, t.file) !== undefined));
    for (const note of index.notes()) {
      if (!sources.has(note.file) && note.scan.links.some(l => follows(targetOf(index, note.file, l)))) sources.add(note.file);
    }
  }
  return sources;
}

/**
 * Notes that stay where they are but in another series (or none) after the move: a series README moved, renamed or
 * taking the name makes, moves or ends a series, and their backtick paths are read from another series folder.
 */
function seriesChanged(index: IndexView, fileMoves: ReadonlyMap<string, string>, post: PostMoveWorkspace): string[] {
  if (![...fileMoves].some(([from, to]) => isReadmeName(from) || isReadmeName(to))) return [];
  const out: string[] = [];
  for (const note of index.notes()) {
    if (!fileMoves.has(note.file) && index.seriesOf(note.file)?.folder !== post.seriesFolderOf(note.file)) out.push(note.file);
  }
  return out;
}

/**
 * Files that stay where they are but whose links a moved file may take over: a wikilink picks a note by file name
 * before one by title and the nearest of same-named notes, a backtick path the first of note folder, series folder
 * and root, and `[x](x)` a file `x` before `x.md`. So every unmoved file sharing a name, stem, title or alias with a
 * moved file's new name, stem, title or aliases.
 */
function shadowable(index: IndexView, fileMoves: ReadonlyMap<string, string>): string[] {
  const names = new Set<string>();
  for (const [from, to] of fileMoves) {
    names.add(basename(to).toLowerCase());
    names.add(stem(to).toLowerCase());
    const note = index.note(from);
    if (note) names.add(titleOf(from, note.frontmatter.data?.title, note.scan.headings).toLowerCase());
    for (const a of note?.aliases ?? []) names.add(a.toLowerCase());
  }
  // a hidden note answers a wikilink by its file name (see WorkspaceFiles.replaceHiddenNotes)
  const out = [...index.hiddenNotes()].filter(file => names.has(stem(file).toLowerCase()));
  for (const file of index.files()) {
    if (fileMoves.has(file)) continue;
    const note = index.note(file);
    if (names.has(basename(file).toLowerCase()) || names.has(stem(file).toLowerCase())
      || (note && names.has(titleOf(file, note.frontmatter.data?.title, note.scan.headings).toLowerCase()))
      || note?.aliases?.some(a => names.has(a.toLowerCase()))) out.push(file);
  }
  return out;
}

/**
 * The destination that leads from `srcAfter` to `folder` after the move, keeping a trailing slash, the query and
 * the fragment as written; undefined when the link as written already does (or no text would).
 */
function folderLinkText(post: PostMoveWorkspace, srcAfter: string, link: LinkRef, folder: string, style: DestinationStyle): string | undefined {
  const leads = (l: LinkRef) => { const r = post.resolve(srcAfter, l); return r.kind === 'folder' && r.folder === folder; };
  if (leads(link)) return undefined;
  const rel = relative(dirname(srcAfter), folder) || '.';
  const path = link.path.endsWith('/') && rel !== '.' && !rel.endsWith('/') ? rel + '/' : rel;
  if (!leads({ ...link, path, raw: path })) return undefined;
  const hash = link.raw.indexOf('#');
  const query = link.raw.indexOf('?');
  const tail = query !== -1 && (hash === -1 || query < hash) ? link.raw.slice(query) : hash !== -1 ? link.raw.slice(hash) : '';
  return encodeLinkPath(path, style) + tail;
}

/**
 * The file or folder (`[Rust](rust/)`) `link` points at now; undefined for external links, unresolved wikilinks
 * and `#fragment` links.
 */
function targetOf(index: IndexView, src: string, link: LinkRef): Extract<Resolution, { kind: 'file' | 'folder' }> | undefined {
  if (link.external || (link.path === '' && link.kind !== 'wikilink')) return undefined;
  const r = index.resolve(src, link);
  return r.kind === 'file' || r.kind === 'folder' ? r : undefined;
}

/** Whether the link, as written, resolves to `file` in the workspace after the move. */
function leadsTo(post: PostMoveWorkspace, srcAfter: string, link: LinkRef, file: string): boolean {
  const r = post.resolve(srcAfter, link);
  return r.kind === 'file' && r.file === file;
}

/** Why a link of this kind was left as it is (for the log: see SkippedLink). */
export function cannotName(link: Pick<LinkRef, 'kind'>): string {
  switch (link.kind) {
    case 'ref': return 'no backtick path leads to the new path (it cannot hold a space, `#`, `?` or Markdown characters, or read as a URL, or another file shadows it)';
    case 'wikilink': return 'no wikilink names the note alone (a name cannot hold `#`, `|` or brackets, or other notes share it)';
    default: return 'no relative path leads to the new path (another file answers it first)';
  }
}

/**
 * Collects destination replacements per file, only where the text still holds what the index read; a link whose
 * text could not be read or changed since (typed into a moment ago) is reported as skipped instead, as is one that no
 * text can rewrite.
 */
class EditCollector {
  private readonly byFile = new Map<string, TextEdit[]>();
  readonly skipped: SkippedLink[] = [];

  constructor(private readonly textOf: (file: string) => string | undefined) {}

  replace(file: string, link: LinkRef, newText: string, target: string): void {
    this.replaceRange(file, link.targetRange, link.targetStart, link.targetEnd, link.raw, newText, target);
  }

  /** A link left as it is, for `reason`, or because its text is not what the index read. */
  leave(file: string, link: LinkRef, target: string, reason: string): void {
    const stale = this.staleness(file, link.targetStart, link.targetEnd, link.raw);
    this.skipped.push({ file, range: link.targetRange, raw: link.raw, target, reason: stale ?? reason });
  }

  /**
   * Replaces `[start, end)` of `file` (expected to hold `expected`) with `newText`; once per position. `target`:
   * where the link's target moves to (for the report when the text is not what the index read).
   */
  replaceRange(file: string, range: Range, start: number, end: number, expected: string, newText: string, target: string): void {
    if (expected === newText) return;
    const stale = this.staleness(file, start, end, expected);
    if (stale !== undefined) {
      this.skipped.push({ file, range, raw: expected, target, reason: stale });
      return;
    }
    let list = this.byFile.get(file);
    if (!list) this.byFile.set(file, (list = []));
    if (!list.some(e => e.range.start.line === range.start.line && e.range.start.character === range.start.character)) {
      list.push({ range, newText });
    }
  }

  /** Why `[start, end)` of the file's current text cannot be edited (not what the index read); undefined when it can. */
  private staleness(file: string, start: number, end: number, expected: string): string | undefined {
    const text = this.textOf(file);
    if (text === undefined) return 'the file could not be read';
    return text.slice(start, end) === expected ? undefined : 'the file changed since it was read (edit it again, or undo and rename again)';
  }

  fileEdits(): FileEdit[] {
    return [...this.byFile.entries()].map(([file, edits]) => ({ file, edits }));
  }
}
