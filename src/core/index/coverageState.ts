import { isUnlisted, type NotesConfig } from '../config';
import { draftReason, fileState, sameDraftReason } from '../coverage/compute';
import type { DraftReason, FileState } from '../model';
import type { NoteRecord } from './api';
import type { Entry } from './indexEntry';

/**
 * What the coverage rules read of a file the index knows: missing, draft (and why) or written. A note another index
 * checks is known by the state that index computed; any other note by its record.
 */

/**
 * The state of `file`, whose entry is `e` (undefined: it is no note). A file that exists but is not read as a note
 * (the config leaves it out, it cannot be read, or it lies in a folder the listing could not read) counts as
 * written: it is there, and nothing says it is a draft; calling it missing would contradict the README, which does
 * not call it planned.
 */
export function fileStateOfEntry(e: Entry | undefined, file: string, config: NotesConfig, files: ReadonlySet<string>): FileState {
  if (e?.foreign) return e.foreign.state;
  const r = e?.record;
  if (r && !r.unreadable) return fileState(r, config);
  return files.has(file) || isUnlisted(config, file) ? 'written' : 'missing';
}

/** Why the note whose entry is `e` counts as a draft (its status, or a short body without one); undefined when it is none. */
export function draftReasonOfEntry(e: Entry | undefined, config: NotesConfig): DraftReason | undefined {
  if (e?.foreign) return e.foreign.draft;
  const r = e?.record;
  return r && !r.unreadable ? draftReason(r, config) : undefined;
}

/** How this index knows a series file that another index checks but this one parsed (`r`): by its state. */
export function foreignStateOf(r: NoteRecord, config: NotesConfig): NonNullable<Entry['foreign']> {
  const foreign: NonNullable<Entry['foreign']> = { state: fileState(r, config) };
  const draft = draftReason(r, config);
  if (draft) foreign.draft = draft;
  return foreign;
}

/** Whether a note edited from `before` to `after` looks the same to the coverage rules. */
export function sameCoverageFacts(before: NoteRecord, after: NoteRecord, config: NotesConfig): boolean {
  if (before.unreadable !== after.unreadable) return false;
  if (fileState(before, config) !== fileState(after, config)) return false;
  // the matrix says why a note counts as a draft ("only 78 characters of body")
  return sameDraftReason(draftReason(before, config), draftReason(after, config));
}
