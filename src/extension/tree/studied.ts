import * as vscode from 'vscode';

const KEY = 'notesNavigator.studied';

/**
 * Where the studied marks of the notes folder `folder` are kept: the first workspace folder (the only one a
 * single-folder window has, and the one indexed before the notes folder of a multi-root workspace could be chosen)
 * under the key used from the start, any other folder under a key of its own, so that two folders of a multi-root
 * workspace with the same relative paths do not share their marks.
 */
export function studiedKey(folder: string | undefined, firstFolder: string | undefined): string {
  return folder === undefined || folder === firstFolder ? KEY : `${KEY}@${folder}`;
}

/** Which folder's marks the key used from the start holds (recorded the first time that folder is indexed). */
const OWNER_KEY = 'notesNavigator.studied.folder';

/**
 * `studiedKey` in `memento`: the folder whose marks the original key holds (the first one) is remembered the first time one is
 * indexed, so that the marks stay with their folder when the workspace folders are reordered (another folder first).
 */
export function studiedKeyIn(memento: vscode.Memento, folder: string | undefined, firstFolder: string | undefined): string {
  if (folder === undefined) return KEY;
  const owner = memento.get<unknown>(OWNER_KEY);
  if (typeof owner === 'string') return studiedKey(folder, owner);
  // recorded whichever folder is indexed: a notes folder indexed under a key of its own must keep that key once
  // the folders are reordered and it comes first
  if (firstFolder !== undefined) void memento.update(OWNER_KEY, firstFolder);
  return studiedKey(folder, firstFolder);
}

/** The chapters the user marked as studied, remembered per workspace and notes folder (folder-relative paths). */
export class StudiedStore implements vscode.Disposable {
  private files = new Set<string>();
  private key = '';
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;

  /** `keyOf`: the memento key of the notes folder indexed now (see `studiedKey`). */
  constructor(private readonly memento: vscode.Memento, private readonly keyOf: () => string = () => KEY) {
    this.load();
  }

  /** The indexed folder changed: shows that folder's marks. */
  reload(): void {
    if (this.keyOf() === this.key) return;
    this.load();
    this.emitter.fire();
  }

  private load(): void {
    this.key = this.keyOf();
    const saved = this.memento.get<unknown>(this.key);
    this.files = new Set(Array.isArray(saved) ? saved.filter((f): f is string => typeof f === 'string') : []);
  }

  has(file: string): boolean {
    return this.files.has(file);
  }

  async set(files: readonly string[], studied: boolean): Promise<void> {
    let changed = false;
    for (const f of files) {
      if (studied === this.files.has(f)) continue;
      if (studied) this.files.add(f);
      else this.files.delete(f);
      changed = true;
    }
    if (changed) await this.save();
  }

  async toggle(file: string): Promise<boolean> {
    const now = !this.files.has(file);
    await this.set([file], now);
    return now;
  }

  /** A note (or a folder of notes) was renamed: its studied mark follows it. */
  async move(from: string, to: string): Promise<void> {
    let changed = false;
    for (const f of [...this.files]) {
      let target: string | undefined;
      if (f === from) target = to;
      else if (f.startsWith(from + '/')) target = to + f.slice(from.length);
      if (target === undefined) continue;
      this.files.delete(f);
      this.files.add(target);
      changed = true;
    }
    if (changed) await this.save();
  }

  dispose(): void {
    this.emitter.dispose();
  }

  private async save(): Promise<void> {
    await this.memento.update(this.key, [...this.files].sort());
    this.emitter.fire();
  }
}
