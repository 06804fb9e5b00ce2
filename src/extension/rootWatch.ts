import * as vscode from 'vscode';
import { BlindFolders, type FsEventKind } from './blindFolders';

/**
 * What watches the indexed folder: VS Code's file watcher over all of it, and, for a folder on this machine's disk,
 * Node's watcher over the folders VS Code's may not report (see BlindFolders). Both report to `report`. Made for one
 * folder, and replaced when another one is indexed.
 */
export class RootWatch implements vscode.Disposable {
  private readonly blind: BlindFolders | undefined;
  private readonly watcher: vscode.Disposable;

  constructor(root: vscode.Uri, report: (uri: vscode.Uri, kind: FsEventKind) => void, log: vscode.LogOutputChannel) {
    if (root.scheme === 'file') this.blind = new BlindFolders(root, report, log);
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root, '**/*'));
    this.watcher = vscode.Disposable.from(
      watcher,
      watcher.onDidCreate(uri => report(uri, 'create')),
      watcher.onDidChange(uri => report(uri, 'change')),
      watcher.onDidDelete(uri => report(uri, 'delete')),
    );
  }

  /** `files` (workspace-relative) are on disk below `folder`, unreported or possibly so: see `BlindFolders.arrived`. */
  arrived(folder: string, files: readonly string[]): void {
    this.blind?.arrived(folder, files);
  }

  /** `target` (a file or folder) was deleted: Node's watches at and below it go. */
  gone(target: string): void {
    this.blind?.gone(target);
  }

  dispose(): void {
    this.watcher.dispose();
    this.blind?.dispose();
  }
}
