import { isAlwaysExcluded, isUnlisted } from '../core/config';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import { isMarkdown } from '../core/paths';

/**
 * The editor's side of the files `files.exclude` hides: the workspace listing skips them, so the index never reads
 * them; a Markdown one is known by file name only (see listHiddenNotes and `WorkspaceIndex.setHiddenNotes`).
 */

/**
 * Whether `files.exclude` hides the file (see `NotesConfig.unlistedGlobs`): the listing skips it, so a file
 * created, changed or edited there stays out of the index as it would after a fresh load: nothing is known of it.
 */
export function isHidden(index: WorkspaceIndex, file: string): boolean {
  return isUnlisted(index.config, file);
}

/** A hidden file is not indexed: drops it should the index hold it; a Markdown one is known by name. */
export function forgetHidden(index: WorkspaceIndex, file: string): string[] {
  const out = index.hasFile(file) ? index.removeFile(file) : [];
  const hidden = index.hiddenNotes();
  if (isMarkdown(file) && !hidden.has(file) && !isAlwaysExcluded(file)) out.push(...index.setHiddenNotes([...hidden, file]));
  return out;
}

/** A deleted path that was (or held) hidden notes: forgets their names. */
export function hiddenNoteGone(index: WorkspaceIndex, path: string): string[] {
  const hidden = index.hiddenNotes();
  const left = [...hidden].filter(f => f !== path && !f.startsWith(path + '/'));
  return left.length === hidden.size ? [] : index.setHiddenNotes(left);
}
