import type * as vscode from 'vscode';
import { parseFrontmatter } from '../../core/frontmatter/parse';
import type { IndexView } from '../../core/index/api';
import { ALIAS_FIELDS } from '../../core/index/noteRecord';

/**
 * Fields whose values are unique per note, never offered from what other notes hold: its title, and its aliases (another
 * note's alias would make two notes answer to one wikilink name).
 */
const PER_NOTE_FIELDS = new Set(['title', ...ALIAS_FIELDS]);

/**
 * Frontmatter values seen in the workspace per field (e.g. every tag), most used first, for value completion.
 * Built in one pass over the notes when first asked after a change.
 */
export class FrontmatterValues implements vscode.Disposable {
  private seen: Map<string, Map<string, number>> | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly index: IndexView, onDidChange: vscode.Event<{ files: string[] }>) {
    this.subscription = onDidChange(() => { this.seen = undefined; });
  }

  valuesOf(field: string): string[] {
    const counts = this.build().get(field);
    if (!counts) return [];
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([v]) => v);
  }

  private build(): Map<string, Map<string, number>> {
    if (this.seen) return this.seen;
    const seen = new Map<string, Map<string, number>>();
    const dateFields = new Set(this.index.config.dateFields);
    const add = (field: string, value: string): void => {
      const v = value.trim();
      if (v === '' || v.length > 100) return;
      let counts = seen.get(field);
      if (!counts) {
        counts = new Map();
        seen.set(field, counts);
      }
      counts.set(v, (counts.get(v) ?? 0) + 1);
    };
    for (const note of this.index.notes()) {
      const data = note.frontmatter.data;
      if (!data) continue;
      for (const field of Object.keys(data)) {
        if (PER_NOTE_FIELDS.has(field) || dateFields.has(field)) continue;
        const value = data[field];
        if (typeof value === 'string') add(field, value);
        else if (Array.isArray(value)) for (const item of value) if (typeof item === 'string') add(field, item);
      }
    }
    this.seen = seen;
    return seen;
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

/**
 * A string value as it is written in the frontmatter: plain when YAML reads it back as that string, else
 * double-quoted (`c: d` would be a mapping, `#x` a comment, `2024` a number, `a, b` two items of a flow list).
 */
export function yamlValueText(value: string, flowList: boolean): string {
  const text = flowList ? `---\nv: [${value}]\n---\n` : `---\nv: ${value}\n---\n`;
  const read = parseFrontmatter(text).data?.v;
  const back = flowList ? (Array.isArray(read) && read.length === 1 ? read[0] : undefined) : read;
  // JSON's string syntax is YAML's double-quoted scalar
  return back === value ? value : JSON.stringify(value);
}
