import * as vscode from 'vscode';

const KEY = 'notesNavigator.studied';

/** The chapters the user marked as studied, remembered per workspace (workspace-relative paths). */
export class StudiedStore implements vscode.Disposable {
  private readonly files: Set<string>;
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;

  constructor(private readonly memento: vscode.Memento) {
    const saved = memento.get<unknown>(KEY);
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
    await this.memento.update(KEY, [...this.files].sort());
    this.emitter.fire();
  }
}
