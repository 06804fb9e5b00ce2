import { strict as assert } from 'node:assert';
import { applyTextEdits } from '../../../src/core/fixes/applyEdits';
import { renameEdits, renamePlan, type Move, type SkippedLink } from '../../../src/core/fixes/rename';
import type { NotesConfig } from '../../../src/core/config';
import type { WorkspaceIndex } from '../../../src/core/index/workspaceIndex';
import { indexOf } from '../index/memoryWorkspace';

export type Files = Record<string, string>;

/** What a rename did: the texts after the edits, at their new paths, and the index of that workspace. */
export interface Renamed {
  /** every file after the edits and the move, by its new path */
  after: Files;
  index: WorkspaceIndex;
  before: WorkspaceIndex;
  /** links the rename could not rewrite */
  skipped: SkippedLink[];
}

/** Expands folder moves the way the extension does (every file under the folder moves). */
export function fileMovesOf(files: Files, moves: Move[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of moves) {
    if (files[m.from] !== undefined) out.set(m.from, m.to);
    else for (const f of Object.keys(files)) if (f.startsWith(m.from + '/')) out.set(f, m.to + f.slice(m.from.length));
  }
  return out;
}

/**
 * Runs the rename edits on an in-memory workspace, applies them, moves the files and indexes the result. `hidden`:
 * Markdown files the editor hides (known by name only, see WorkspaceIndex.setHiddenNotes), which move with a folder.
 */
export async function rename(files: Files, moves: Move[], options: { hidden?: string[]; config?: NotesConfig } = {}): Promise<Renamed> {
  const before = await indexOf(files, options.config);
  const hidden = options.hidden ?? [];
  if (hidden.length > 0) before.setHiddenNotes(hidden);
  const plan = renamePlan(before, moves, f => files[f]);
  assert.deepEqual(renameEdits(before, moves, f => files[f]), plan.edits, 'renameEdits returns the plan\'s edits');
  const edited: Files = { ...files };
  for (const fe of plan.edits) edited[fe.file] = applyTextEdits(edited[fe.file], fe.edits);
  const fileMoves = fileMovesOf(files, moves);
  const after: Files = {};
  for (const [f, t] of Object.entries(edited)) after[fileMoves.get(f) ?? f] = t;
  const index = await indexOf(after, options.config);
  if (hidden.length > 0) index.setHiddenNotes(hidden.map(h => hiddenAfter(files, moves, h)));
  return { after, index, before, skipped: plan.skipped };
}

/** Where a hidden file is after the moves: it moves with a folder it lies in. */
function hiddenAfter(files: Files, moves: Move[], file: string): string {
  const m = moves.find(m => files[m.from] === undefined && file.startsWith(m.from + '/'));
  return m ? m.to + file.slice(m.from.length) : file;
}

/** The file each existing link target of `file` resolves to, in link order (undefined: broken or not a file). */
export function targetsOf(index: WorkspaceIndex, file: string): (string | undefined)[] {
  return (index.note(file)?.scan.links ?? []).map(l => {
    const r = index.resolve(file, l);
    return r.kind === 'file' && r.exists ? r.file : undefined;
  });
}

/**
 * Asserts that every link that pointed at an existing file before the rename still exists (same count, same
 * order) and points at the same file, now at its new path.
 */
export function assertLinksFollow(r: Renamed, files: Files, moves: Move[]): void {
  const fileMoves = fileMovesOf(files, moves);
  const np = (f: string) => fileMoves.get(f) ?? f;
  for (const note of r.before.notes()) {
    const was = targetsOf(r.before, note.file).map(t => (t === undefined ? undefined : np(t)));
    const now = targetsOf(r.index, np(note.file));
    assert.deepEqual(now, was, `links of ${note.file} after the rename:\n${r.after[np(note.file)]}`);
  }
}

/** The body of a note (after its frontmatter), to compare link lines. */
export function body(text: string): string {
  return text.replace(/^---[\s\S]*?\n---\r?\n/, '');
}
