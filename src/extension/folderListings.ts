import type * as vscode from 'vscode';
import { listingIfUnchanged, listWorkspaceFiles, sameFiles, walkListing } from './workspaceFiles';

/** A listing of the notes folder, and whether the file search stands behind it (false: a walk not yet confirmed). */
export interface FolderListing {
  files: string[];
  confirmed: boolean;
}

/**
 * How the notes folder is listed (by loads and reconciles). VS Code's file search has the last word on which files are
 * there, but takes 0.5-1 s of its own process for 10,000 files; a walk with Node's `readdir` (~0.13 s in the extension
 * host) stands for it when it finds what the search listed last. Remembered for the indexed folder of one `epoch`
 * (IndexService counts the folder switches).
 */
export class FolderListings {
  private searched: { epoch: number; files: ReadonlySet<string> } | undefined;
  private readonly tally = { searched: 0, walked: 0 };

  constructor(private readonly log: vscode.LogOutputChannel) {}

  /** How many listings the search made, and how many a walk made that found the search's last listing. */
  get counts(): { searched: number; walked: number } {
    return { ...this.tally };
  }

  /**
   * The files of `root`, the indexed folder of `epoch`: a walk when it finds the search's last listing of it; else,
   * when the search has not listed it yet and `unconfirmed` allows, a walk of a plain folder, which `confirm` is to
   * put to the search (`confirmed` false); else the search.
   */
  async list(root: vscode.Uri, epoch: number, unconfirmed: boolean): Promise<FolderListing> {
    const last = this.searched?.epoch === epoch ? this.searched.files : undefined;
    const walked = last ? await listingIfUnchanged(root, last) : unconfirmed ? await walkListing(root) : undefined;
    if (walked === undefined) return { files: await this.search(root, epoch), confirmed: true };
    if (last) this.tally.walked++;
    return { files: walked, confirmed: last !== undefined };
  }

  /** The search's listing of `root` after a walk listed `walked` there: undefined when it lists the same files. */
  async confirm(root: vscode.Uri, epoch: number, walked: readonly string[]): Promise<string[] | undefined> {
    const files = await this.search(root, epoch);
    return sameFiles(walked, new Set(files)) ? undefined : files;
  }

  private async search(root: vscode.Uri, epoch: number): Promise<string[]> {
    const files = await listWorkspaceFiles(root, this.log);
    this.tally.searched++;
    // (a search of a folder indexed before does not replace the current folder's)
    if (this.searched === undefined || epoch >= this.searched.epoch) this.searched = { epoch, files: new Set(files) };
    return files;
  }
}
