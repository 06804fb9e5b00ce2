import picomatch from 'picomatch';
import * as vscode from 'vscode';
import { ALWAYS_EXCLUDED, isAlwaysExcluded, isUnlisted } from '../core/config';
import { isMarkdown } from '../core/paths';
import { listPlainFolder } from '../node/plainListing';

/** Most files a folder walk visits before it stops (a guard against runaway trees). */
const MAX_WALKED = 200_000;
/** How long `findSomeFiles` waits for the file search before it walks the folder instead. */
const SEARCH_PATIENCE_MS = 10_000;

/**
 * Whether VS Code's file search serves the folder: on this machine's disk or remote. A virtual folder (`memfs`,
 * `sftp`…) is walked with `workspace.fs` instead: its search may need a provider no extension gives, and then never
 * answers (microsoft/vscode#228990).
 */
export function hasFileSearch(folder: vscode.Uri): boolean {
  return folder.scheme === 'file' || folder.scheme === 'vscode-remote';
}

/**
 * Every file under `folder` (workspace-relative paths, prefixed with `prefix` when the folder is not the
 * workspace root), skipping `files.exclude` and the folders that are never indexed. Uses the search service
 * (`findFiles`) for disk and remote workspaces and a `workspace.fs` walk for virtual ones.
 */
export async function listWorkspaceFiles(folder: vscode.Uri, log: vscode.LogOutputChannel, prefix = ''): Promise<string[]> {
  const excludes = excludeGlobs(folder);
  const join = (rel: string) => (prefix ? `${prefix}/${rel}` : rel);
  if (hasFileSearch(folder)) {
    try {
      const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*'), braceGlob(excludes));
      const base = folder.path.endsWith('/') ? folder.path : folder.path + '/';
      const isExcluded = picomatch(excludes, { dot: true });
      const out: string[] = [];
      for (const u of uris) {
        if (!u.path.startsWith(base)) continue;
        const rel = u.path.slice(base.length);
        if (!isExcluded(join(rel))) out.push(join(rel));
      }
      return out.sort();
    } catch (e) {
      log.warn(`file search failed (${(e as Error).message}); walking the folder instead`);
    }
  }
  return walk(folder, excludes, log, join);
}

/**
 * The listing of the notes folder `folder` when it is still `previous` (the last listing the file search gave),
 * found without the search: a walk with Node's `readdir`, with the same excludes, takes ~0.13 s for 10,000 files in
 * the extension host (15-60 ms in a bare process), where the search takes 0.5-1 s of its own process. A walk only
 * confirms: undefined when it finds anything else, and when the folder is not on this machine's disk or holds what
 * the walk does not read as the search does (symbolic links, special files, unreadable folders): the search decides
 * then.
 */
export async function listingIfUnchanged(folder: vscode.Uri, previous: ReadonlySet<string>): Promise<string[] | undefined> {
  const walked = await walkListing(folder, Math.min(MAX_WALKED, 2 * previous.size + 1000));
  return walked !== undefined && sameFiles(walked, previous) ? walked : undefined;
}

/**
 * The files of the notes folder `folder` as a walk with Node's `readdir` finds them, with the excludes the search
 * applies (a folder files.exclude names is left out whole, as the search leaves it out); undefined where the walk
 * cannot stand for the search (see listPlainFolder), or the folder is not on this machine's disk.
 */
export async function walkListing(folder: vscode.Uri, maxEntries = MAX_WALKED): Promise<string[] | undefined> {
  if (folder.scheme !== 'file') return undefined;
  return listPlainFolder(folder.fsPath, picomatch(excludeGlobs(folder), { dot: true }), maxEntries);
}

/** Whether a listing holds exactly the files of `other`. */
export function sameFiles(listing: readonly string[], other: ReadonlySet<string>): boolean {
  if (listing.length !== other.size) return false;
  for (const f of listing) if (!other.has(f)) return false;
  return true;
}

/** Most hidden Markdown files listed (a guard against a huge hidden tree). */
const MAX_HIDDEN = 50_000;

/**
 * VS Code's own `files.exclude` defaults: version-control and OS files, never notes. Left out when looking for hidden
 * notes, so that a workspace whose user hid nothing is not searched a second time.
 */
const VSCODE_DEFAULT_EXCLUDES = new Set(['**/.git', '**/.svn', '**/.hg', '**/.DS_Store', '**/Thumbs.db', '**/CVS']);

/**
 * The Markdown files `files.exclude` hides (workspace-relative paths): the index knows
 * them by file name only, so that `[[name]]` finds them as the CLI does (see `WorkspaceIndex.setHiddenNotes`). Only
 * listed, never read. Empty when the user hid nothing but VS Code's defaults. The search must ignore `files.exclude`
 * (a `null` exclude: findFiles applies the setting as well as any exclude pattern given), so the folders never
 * listed are left out afterwards.
 */
export async function listHiddenNotes(folder: vscode.Uri, log: vscode.LogOutputChannel): Promise<string[]> {
  const hidden = filesExcludeGlobs(folder).filter(g => !VSCODE_DEFAULT_EXCLUDES.has(g));
  if (hidden.length === 0) return [];
  const isHiddenNote = (rel: string) => isMarkdown(rel) && !isAlwaysExcluded(rel) && isUnlisted({ unlistedGlobs: hidden }, rel);
  let rels: string[];
  if (hasFileSearch(folder)) {
    const base = folder.path.endsWith('/') ? folder.path : folder.path + '/';
    const found = new Set<string>();
    try {
      // a glob hides a file (`**/*.draft.md`) or a folder and everything below it (`archive`)
      for (const g of hidden) {
        for (const pattern of [g, `${g}/**/*.md`]) {
          for (const u of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, pattern), null, MAX_HIDDEN)) {
            if (u.path.startsWith(base)) found.add(u.path.slice(base.length));
          }
        }
      }
    } catch (e) {
      log.warn(`could not list the notes files.exclude hides (${(e as Error).message}): wikilinks to them are reported`);
      return [];
    }
    rels = [...found];
  } else {
    rels = await walk(folder, [...ALWAYS_EXCLUDED], log, rel => rel);
  }
  return rels.filter(isHiddenNote).sort();
}

/**
 * The first `most` files of `folder` whose workspace-relative path matches `glob`, outside the folders never indexed
 * (a walk visits the folders nearest the top first, and at most `maxVisited` entries). The file search finds them in
 * a folder on disk or remote; elsewhere, and when the search has not answered within `patienceMs`, a `workspace.fs`
 * walk does: the search of a scheme no extension provides a search for never answers (microsoft/vscode#228990).
 */
export async function findSomeFiles(folder: vscode.Uri, glob: string, most: number, log: vscode.LogOutputChannel,
  maxVisited: number, patienceMs = SEARCH_PATIENCE_MS): Promise<vscode.Uri[]> {
  if (hasFileSearch(folder)) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<undefined>(resolve => { timer = setTimeout(() => resolve(undefined), patienceMs); });
    try {
      const search = vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), braceGlob([...ALWAYS_EXCLUDED]), most);
      const found = await Promise.race([search, late]);
      if (found) return found;
      log.warn(`the file search of ${folder.toString(true)} did not answer within ${patienceMs / 1000} s: walking the folder instead`);
    } catch (e) {
      log.warn(`file search failed (${(e as Error).message}); walking the folder instead`);
    } finally {
      clearTimeout(timer);
    }
  }
  const matches = picomatch(glob, { dot: true });
  const rels = await walk(folder, [...ALWAYS_EXCLUDED], log, rel => rel, { keep: matches, most, maxVisited });
  return rels.map(rel => vscode.Uri.joinPath(folder, ...rel.split('/')));
}

/** `files.exclude` globs that are on (conditional `when` entries are skipped) plus the always-excluded folders. */
function excludeGlobs(folder: vscode.Uri): string[] {
  return [...new Set([...ALWAYS_EXCLUDED, ...filesExcludeGlobs(folder)])];
}

/**
 * The `files.exclude` globs that are on, as workspace-relative globs. The listing skips what they match, so the
 * index is told (`NotesConfig.unlistedGlobs`) that nothing is known about those paths: a link to a hidden file
 * is not broken, as the CLI, which lists it, agrees.
 */
export function filesExcludeGlobs(folder: vscode.Uri | undefined): string[] {
  const filesExclude = vscode.workspace.getConfiguration('files', folder).get<Record<string, unknown>>('exclude') ?? {};
  const out: string[] = [];
  for (const [glob, on] of Object.entries(filesExclude)) {
    if (on === true) out.push(glob.startsWith('/') ? glob.slice(1) : glob);
  }
  return out.sort();
}

/** One brace glob for findFiles; globs that would break the braces are left to the post-filter. */
function braceGlob(globs: string[]): string | undefined {
  const simple = globs.filter(g => !/[{},]/.test(g));
  return simple.length ? `{${simple.join(',')}}` : undefined;
}

/**
 * The files below `root` (paths given by `join`), the folders nearest the top first; with `keep`, only the files it
 * accepts, at most `most` of them. Stops after `maxVisited` entries.
 */
async function walk(root: vscode.Uri, excludes: string[], log: vscode.LogOutputChannel, join: (rel: string) => string,
  { keep = () => true, most = Infinity, maxVisited = MAX_WALKED }: { keep?: (rel: string) => boolean; most?: number; maxVisited?: number } = {}): Promise<string[]> {
  const isExcluded = picomatch(excludes, { dot: true });
  const out: string[] = [];
  const queue: { uri: vscode.Uri; rel: string }[] = [{ uri: root, rel: '' }];
  let visited = 0;
  for (let next = 0; next < queue.length; next++) {
    const { uri, rel } = queue[next];
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(uri);
    } catch (e) {
      log.warn(`skipped folder ${rel || '.'}: ${(e as Error).message}`);
      continue;
    }
    for (const [name, type] of entries) {
      const childRel = rel ? `${rel}/${name}` : name;
      if (isExcluded(join(childRel)) || isExcluded(join(childRel) + '/')) continue;
      if (++visited > maxVisited) {
        log.warn(`stopped listing ${root.toString(true)} after ${maxVisited} entries`);
        return out.sort();
      }
      // symbolic links to folders are not followed (no loops)
      if (type & vscode.FileType.Directory) {
        if (!(type & vscode.FileType.SymbolicLink)) queue.push({ uri: vscode.Uri.joinPath(uri, name), rel: childRel });
      } else if (type & vscode.FileType.File && keep(childRel)) {
        out.push(join(childRel));
        if (out.length >= most) return out.sort();
      }
    }
  }
  return out.sort();
}
