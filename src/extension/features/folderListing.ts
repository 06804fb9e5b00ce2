import type * as vscode from 'vscode';
import type { IndexView } from '../../core/index/api';

export interface FolderEntries {
  folders: string[];
  files: string[];
}

/**
 * Folder contents of the workspace as the index knows them, for path completion. Built in one pass over the
 * index's files on first use and rebuilt only after a file appears or disappears (not on every re-check).
 */
export class FolderListing implements vscode.Disposable {
  private tree: Map<string, { folders: Set<string>; files: Set<string> }> | undefined;
  private known = new Set<string>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly index: IndexView, onDidChange: vscode.Event<{ files: string[] }>) {
    this.subscription = onDidChange(e => {
      if (!this.tree) return;
      for (const f of e.files) {
        if (this.known.has(f) !== this.index.hasFile(f)) {
          this.tree = undefined;
          return;
        }
      }
    });
  }

  /** Entries of a workspace-relative folder ('' = root), folders and files sorted by name. */
  entries(folder: string): FolderEntries {
    const node = this.build().get(folder);
    if (!node) return { folders: [], files: [] };
    const byName = (a: string, b: string): number => a.localeCompare(b);
    return { folders: [...node.folders].sort(byName), files: [...node.files].sort(byName) };
  }

  private build(): Map<string, { folders: Set<string>; files: Set<string> }> {
    if (this.tree) return this.tree;
    const tree = new Map<string, { folders: Set<string>; files: Set<string> }>();
    const known = new Set<string>();
    const nodeOf = (folder: string): { folders: Set<string>; files: Set<string> } => {
      let node = tree.get(folder);
      if (!node) {
        node = { folders: new Set(), files: new Set() };
        tree.set(folder, node);
      }
      return node;
    };
    for (const file of this.index.files()) {
      known.add(file);
      let slash = file.lastIndexOf('/');
      nodeOf(slash === -1 ? '' : file.slice(0, slash)).files.add(file.slice(slash + 1));
      // register each ancestor folder in its parent, stopping at the first one already known
      while (slash !== -1) {
        const folder = file.slice(0, slash);
        const parentSlash = folder.lastIndexOf('/');
        const parent = parentSlash === -1 ? '' : folder.slice(0, parentSlash);
        const siblings = nodeOf(parent).folders;
        const name = folder.slice(parentSlash + 1);
        if (siblings.has(name)) break;
        siblings.add(name);
        slash = parentSlash;
      }
    }
    this.tree = tree;
    this.known = known;
    return tree;
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
