import type { NotesConfig } from '../config';
import type { CoverageStatus, FileState, FrontmatterResult, MatrixRow, RowCoverage } from '../model';

/**
 * Computed coverage: the state of each file a matrix row names, and the status those states imply.
 */

/** A note whose body (after the frontmatter) is shorter than this is still a draft. */
export const MIN_WRITTEN_BODY = 200;

export function fileState(note: { frontmatter: FrontmatterResult; length: number } | undefined, config: NotesConfig): FileState {
  if (!note) return 'missing';
  const status = note.frontmatter.data?.status;
  if (typeof status === 'string') {
    const s = status.trim().toLowerCase();
    if (config.draftStatuses.some(d => d.toLowerCase() === s)) return 'draft';
  }
  const body = note.length - (note.frontmatter.block?.end ?? 0);
  return body < MIN_WRITTEN_BODY ? 'draft' : 'written';
}

/** all files written → done; all missing (or no files at all) → pending; anything else → in progress. */
export function statusFromStates(states: readonly FileState[]): CoverageStatus {
  if (states.length === 0) return 'pending';
  if (states.every(s => s === 'written')) return 'done';
  if (states.every(s => s === 'missing')) return 'pending';
  return 'in-progress';
}

export function computeRowCoverage(rows: MatrixRow[], stateOf: (file: string) => FileState): RowCoverage[] {
  return rows.map(row => {
    const fileStates = row.files.map(f => (f.file === '' ? 'missing' : stateOf(f.file)));
    return { row, fileStates, computed: statusFromStates(fileStates) };
  });
}
