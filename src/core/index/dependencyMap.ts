/**
 * Who depends on what: dependency key (a file a link may mean, a wikilink name, a title) → the notes whose links
 * name it, with the keys each note registered. A note's keys are computed by `keysOf`, which answers undefined
 * for a note that is gone.
 *
 * A note marked stale (re-checked since) is brought up to date only when someone next asks who depends on a key:
 * typing in a note re-checks it at every pause, but seldom changes anything another note's check depends on.
 * Bringing it up to date touches only the keys that came or went.
 */
export class DependencyMap {
  private readonly notesByKey = new Map<string, Set<string>>();
  private readonly keysByNote = new Map<string, ReadonlySet<string>>();
  private readonly stale = new Set<string>();

  constructor(private readonly keysOf: (note: string) => ReadonlySet<string> | undefined) {}

  /** Registers `note` under its current keys. */
  register(note: string): void {
    this.stale.delete(note);
    const keys = this.keysOf(note);
    const old = this.keysByNote.get(note);
    if (!keys) {
      this.remove(note);
      return;
    }
    for (const k of old ?? []) if (!keys.has(k)) this.drop(k, note);
    for (const k of keys) if (!old?.has(k)) this.add(k, note);
    this.keysByNote.set(note, keys);
  }

  /** `note` is gone (or has no links any more): it depends on nothing. */
  remove(note: string): void {
    this.stale.delete(note);
    for (const k of this.keysByNote.get(note) ?? []) this.drop(k, note);
    this.keysByNote.delete(note);
  }

  /** `note` was re-checked: its keys are refreshed before the map is next read. */
  markStale(note: string): void {
    this.stale.add(note);
  }

  /** Adds the notes that depend on `key` to `into`. */
  dependentsOf(key: string, into: Set<string>): void {
    for (const note of [...this.stale]) this.register(note);
    this.notesByKey.get(key)?.forEach(f => into.add(f));
  }

  private add(key: string, note: string): void {
    let set = this.notesByKey.get(key);
    if (!set) this.notesByKey.set(key, (set = new Set()));
    set.add(note);
  }

  private drop(key: string, note: string): void {
    const set = this.notesByKey.get(key);
    if (set) {
      set.delete(note);
      if (set.size === 0) this.notesByKey.delete(key);
    }
  }
}
