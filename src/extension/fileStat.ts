import * as vscode from 'vscode';
import type { IndexService } from './indexService';

/**
 * What VS Code's file system says is at a Uri, for any workspace (local, remote or virtual): a failed `stat`
 * (nothing there, no permission, a provider error) reads as "no".
 */

/** Whether something (a file or a folder) is at `uri`. */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/**
 * What is at `uri` under exactly its name: undefined when nothing is, or when what `stat` found bears the name in
 * another case only. A disk that ignores case (macOS's, Windows') finds `Alpha.md` after it was renamed `alpha.md`:
 * `Alpha.md` is gone all the same. Looks in the parent folder when `stat` finds something (VS Code's
 * `existsChildStrictCase` does the same); names that differ only in Unicode normalization are the same file there.
 */
export async function statExact(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
  let stat: vscode.FileStat;
  try {
    stat = await vscode.workspace.fs.stat(uri);
  } catch {
    return undefined;
  }
  const slash = uri.path.lastIndexOf('/');
  const name = uri.path.slice(slash + 1);
  if (slash <= 0 || name === '') return stat;
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(uri.with({ path: uri.path.slice(0, slash) }));
  } catch {
    return stat; // the folder cannot be listed: stat has the last word
  }
  const wanted = name.normalize('NFC');
  return entries.some(([n]) => n === name || n.normalize('NFC') === wanted) ? stat : undefined;
}

/** Whether `stat` is a file's (a link to a file too). */
export function isFile(stat: vscode.FileStat | undefined): boolean {
  return stat !== undefined && (stat.type & vscode.FileType.File) !== 0;
}

/** Whether a folder is at `uri`. */
export async function isFolder(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
  } catch {
    return false;
  }
}

/**
 * Whether a workspace file exists: one the index holds, or one it does not hold because it is hidden from it
 * (files.exclude, an unlisted folder: the Series view and the coverage page show such a file written) and is on disk.
 */
export async function fileExists(service: Pick<IndexService, 'index' | 'uriOf'>, file: string): Promise<boolean> {
  return service.index.hasFile(file) || (service.index.takenToExist(file) && await exists(service.uriOf(file)));
}
