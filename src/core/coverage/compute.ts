import type { NotesConfig } from '../config';
import type { BodySize, CoverageStatus, DraftReason, FileState, FrontmatterResult, MatrixRow, RowCoverage } from '../model';

/**
 * Computed coverage: the state of each file a matrix row names, and the status those states imply.
 */

/**
 * A note that has no `status` and whose body (after the frontmatter, blanks around it trimmed)
 * weighs less than this is still a draft: a stub. CJK characters weigh two (they carry about twice
 * the meaning of a Latin letter), so 100 Chinese characters are enough. A note with a `status` is a
 * draft exactly when that status is one of `draftStatuses`, however short it is.
 */
export const MIN_WRITTEN_BODY = 200;

function isWide(c: number): boolean {
  return (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef);
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xfeff || c === 0xa0 || c === 0x3000;
}

/**
 * The size of the body from `start` on, blanks around it trimmed. Counting stops once the weight
 * reaches `MIN_WRITTEN_BODY` (all that the draft test needs): a long note costs no more than a short one.
 */
export function bodySize(text: string, start: number): BodySize {
  let s = start;
  let e = text.length;
  while (s < e && isBlank(text.charCodeAt(s))) s++;
  while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
  let chars = 0;
  let weight = 0;
  for (let i = s; i < e && weight < MIN_WRITTEN_BODY; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < e) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
      weight += 2;
    } else {
      weight += isWide(c) ? 2 : 1;
    }
    chars++;
  }
  return { chars, weight: Math.min(weight, MIN_WRITTEN_BODY) };
}

/** What the draft test reads of a note; `body` is `bodySize` of its text (else the body's UTF-16 length stands in). */
export interface DraftFacts {
  frontmatter: FrontmatterResult;
  length: number;
  body?: BodySize;
}

/** Why a note is a draft, or undefined when it is written. */
export function draftReason(note: DraftFacts, config: NotesConfig): DraftReason | undefined {
  const status = note.frontmatter.data?.status;
  if (typeof status === 'string' && status.trim() !== '') {
    const s = status.trim().toLowerCase();
    return config.draftStatuses.some(d => d.toLowerCase() === s) ? { status } : undefined;
  }
  let body = note.body;
  if (!body) {
    const n = Math.max(0, note.length - (note.frontmatter.block?.end ?? 0));
    body = { chars: n, weight: n };
  }
  return body.weight < MIN_WRITTEN_BODY ? { chars: body.chars } : undefined;
}

export function fileState(note: DraftFacts | undefined, config: NotesConfig): FileState {
  if (!note) return 'missing';
  return draftReason(note, config) ? 'draft' : 'written';
}

/** all files written → done; all missing (or no files at all) → pending; anything else → in progress. */
export function statusFromStates(states: readonly FileState[]): CoverageStatus {
  if (states.length === 0) return 'pending';
  if (states.every(s => s === 'written')) return 'done';
  if (states.every(s => s === 'missing')) return 'pending';
  return 'in-progress';
}

/**
 * Whether a row's declared status is out of date: it has a Status cell (or room for one) and files to compare it
 * with, and says something other than the computed status. The check, the coverage page, Sync and the CLI's
 * coverage report all count a mismatch this way.
 */
export function statusOutOfDate(rc: Pick<RowCoverage, 'row' | 'computed'>): boolean {
  return rc.row.statusRange !== undefined && rc.row.declared !== rc.computed;
}

/**
 * The computed status of each row from the states of its files. `unknown` tells the files nothing is known about
 * (where the listing does not look: see `isUnlisted`): their state is a guess (taken to exist, so written), and a
 * row naming one keeps its declared status whenever its files could have it. Only what the known files rule out
 * contradicts the matrix; a guess never does.
 */
export function computeRowCoverage(rows: MatrixRow[], stateOf: (file: string) => FileState, unknown?: (file: string) => boolean): RowCoverage[] {
  return rows.map(row => {
    const fileStates = row.files.map(f => (f.file === '' ? 'missing' : stateOf(f.file)));
    let computed = statusFromStates(fileStates);
    const declared = row.declared;
    if (unknown && declared !== undefined && declared !== computed && couldHave(row, fileStates, unknown, declared)) computed = declared;
    return { row, fileStates, computed };
  });
}

/** Whether some states of the row's unknown files (each missing, a draft or written) give it `status`. */
function couldHave(row: MatrixRow, fileStates: readonly FileState[], unknown: (file: string) => boolean, status: CoverageStatus): boolean {
  let unknowns = 0;
  let knownAllWritten = true;
  let knownAllMissing = true;
  row.files.forEach((f, i) => {
    if (f.file !== '' && unknown(f.file)) {
      unknowns++;
      return;
    }
    if (fileStates[i] !== 'written') knownAllWritten = false;
    if (fileStates[i] !== 'missing') knownAllMissing = false;
  });
  if (unknowns === 0) return false;
  // an unknown file that is a draft makes any row in progress
  return status === 'in-progress' || (status === 'done' && knownAllWritten) || (status === 'pending' && knownAllMissing);
}

/** Whether two notes count as drafts for the same reason (the matrix message says it). */
export function sameDraftReason(a: DraftReason | undefined, b: DraftReason | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return 'status' in a ? 'status' in b && a.status === b.status : 'chars' in b && a.chars === b.chars;
}
