import * as vscode from 'vscode';
import { applyTextEdits } from '../core/fixes/applyEdits';
import type { FileEdit, Position, Range } from '../core/model';
import { normalize } from '../core/paths';

/**
 * Conversions between the core's terms (workspace-relative paths, positions, ranges, file edits) and the editor's
 * (URIs, `vscode.Range`, `WorkspaceEdit`). IndexService offers them with its workspace root.
 */

/** Whether this machine's file paths are compared without case (Windows, macOS by default). */
const CASE_INSENSITIVE_PATHS = process.platform === 'win32' || process.platform === 'darwin';

/** The workspace-relative path of `uri`; undefined when it lies outside the workspace `root` (or is the root). */
export function fileOfUri(root: vscode.Uri | undefined, uri: vscode.Uri): string | undefined {
  if (!root || uri.scheme !== root.scheme || uri.authority !== root.authority) return undefined;
  const base = root.path.endsWith('/') ? root.path : root.path + '/';
  let p = uri.path;
  if (!p.startsWith(base)) {
    // drive letters and case-insensitive file systems: compare the root prefix case-insensitively (on Linux
    // `/notes` and `/Notes` are two folders: a file of the other one is outside the workspace)
    if (!(uri.scheme === 'file' && CASE_INSENSITIVE_PATHS && p.toLowerCase().startsWith(base.toLowerCase()))) return undefined;
  }
  p = p.slice(base.length);
  return p === '' ? undefined : p;
}

/** The scheme of a path's URI when no folder is open: no file system serves it. */
export const NO_FOLDER_SCHEME = 'notes-navigator-no-folder';

/**
 * The URI of the workspace-relative path `file`. Without a workspace folder there is nothing for it to be relative to:
 * the URI's scheme is one no file system serves, so reading, opening or creating it fails instead of reaching the
 * file system's root (`/` + `file`).
 */
export function uriOfFile(root: vscode.Uri | undefined, file: string): vscode.Uri {
  if (!root) return vscode.Uri.from({ scheme: NO_FOLDER_SCHEME, path: '/' + file });
  return vscode.Uri.joinPath(root, ...file.split('/'));
}

export function toVscodeRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export function fromVscodePosition(p: vscode.Position): Position {
  return { line: p.line, character: p.character };
}

/**
 * Turns core edits into one WorkspaceEdit. A file to create gets its whole text as the creation contents
 * with `ignoreIfExists`, so an existing file is never overwritten nor edited by accident. Edits naming a file that is
 * no normalised workspace-relative path (`../x.md`, `/x.md`, `a/../x.md`: `uriOf` would place it outside the workspace
 * folder or elsewhere than named) give an empty edit: nothing of them is applied.
 */
export function workspaceEditOf(
  edits: FileEdit[],
  uriOf: (file: string) => vscode.Uri,
  exists: (file: string) => boolean,
  log: vscode.LogOutputChannel,
): vscode.WorkspaceEdit {
  const we = new vscode.WorkspaceEdit();
  const stray = edits.find(fe => !isWorkspacePath(fe.file));
  if (stray) {
    log.warn(`not editing: ${JSON.stringify(stray.file)} is no path inside the workspace folder`);
    return we;
  }
  for (const fe of edits) {
    const uri = uriOf(fe.file);
    if (fe.create) {
      if (exists(fe.file)) {
        log.warn(`not creating ${fe.file}: it already exists`);
        continue;
      }
      const text = applyTextEdits('', fe.edits);
      we.createFile(uri, { ignoreIfExists: true, contents: new TextEncoder().encode(text) });
      continue;
    }
    for (const e of fe.edits) we.replace(uri, toVscodeRange(e.range), e.newText);
  }
  return we;
}

/** Whether `file` is a workspace-relative path as the core writes them: normalised, not rooted, not climbing out. */
function isWorkspacePath(file: string): boolean {
  return file !== '' && normalize(file) === file && !file.startsWith('/') && !file.startsWith('../');
}

/** Number of characters in the document, without copying its text. */
export function documentLength(document: vscode.TextDocument): number {
  if (document.lineCount === 0) return 0;
  return document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
}
