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
