import type { DraftReason, FileState } from '../model';
import type { Finding } from '../rules/finding';
import type { UnreadableReason } from '../text/unreadable';
import type { ForeignNote, NoteRecord } from './api';
import { fragmentNames, textOnlySlugs } from './noteRecord';

/** What the index keeps of one note: its record, its own findings, and what checking other notes reads of it. */
export interface Entry {
  record: NoteRecord;
  /** findings that depend only on the note's own text (frontmatter rules) */
  local: Finding[];
  slugs?: Set<string>;
  /** slugs of heading texts that differ from the headings' GitHub slugs (see textOnlySlugs; built on first need) */
  textSlugs?: Set<string>;
  /** existing files its links resolve to: computed when first asked (only the series rules ask), or imported for a foreign note */
  targets?: Set<string>;
  structural?: 'readme' | 'matrix';
  /** checked by another index (a parallel check's other thread): known here only by what checking others needs */
  foreign?: { state: FileState; draft?: DraftReason };
}

/** The record of a note whose text the index does not hold: it could not be read, or another index checks it. */
export function recordWithoutText(file: string, title: string, unreadable: string | undefined, facts?: UnreadableReason): NoteRecord {
  const record: NoteRecord = {
    file, title, frontmatter: { fieldRanges: {} }, scan: { headings: [], links: [] }, unreadable, length: 0, end: { line: 0, character: 0 }, preview: '',
  };
  if (facts) record.unreadableReason = facts;
  return record;
}

/** The entry of a note that another index checks (see `WorkspaceIndex.addForeignNote`). */
export function foreignEntry(note: ForeignNote): Entry {
  const record = recordWithoutText(note.file, note.title, note.unreadable);
  if (note.aliases) record.aliases = note.aliases;
  return {
    record, local: [], targets: new Set(), slugs: new Set(note.slugs), textSlugs: new Set(note.textSlugs),
    foreign: note.draft ? { state: note.state, draft: note.draft } : { state: note.state },
  };
}

/** What another index needs to know of note `r` (the inverse of `foreignEntry`), given its coverage state. */
export function foreignNoteFrom(r: NoteRecord, state: FileState, draft: DraftReason | undefined): ForeignNote {
  const note: ForeignNote = { file: r.file, title: r.title, slugs: fragmentNames(r.scan), state };
  const textSlugs = textOnlySlugs(r.scan.headings);
  if (textSlugs.length) note.textSlugs = textSlugs;
  if (r.aliases) note.aliases = r.aliases;
  if (draft) note.draft = draft;
  if (r.unreadable !== undefined) note.unreadable = r.unreadable;
  return note;
}
