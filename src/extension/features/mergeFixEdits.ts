import type { FileEdit, Fix, Position, TextEdit } from '../../core/model';
import { continueInsertedNumbering } from '../../core/fixes/seeAlso';
import { comparePositions } from '../../core/text/lineIndex';

/**
 * Combines the edits of several fixes into one list of FileEdits that a single WorkspaceEdit can apply:
 * identical edits are kept once, a file is created at most once, and an edit that overlaps one already
 * taken is dropped together with the rest of its fix (a fix applies whole or not at all).
 * Inserts at the same position are both kept (in fix order); numbered list items inserted there continue the
 * numbering (see `continueInsertedNumbering`).
 */
export function mergeFixEdits(fixes: readonly Fix[]): { edits: FileEdit[]; applied: number } {
  const byFile = new Map<string, { create: boolean; edits: TextEdit[] }>();
  let applied = 0;
  for (const fix of fixes) {
    if (!fits(byFile, fix)) continue;
    applied++;
    for (const fe of fix.edits) {
      let entry = byFile.get(fe.file);
      if (!entry) {
        entry = { create: false, edits: [] };
        byFile.set(fe.file, entry);
      }
      if (fe.create) entry.create = true;
      for (const e of fe.edits) {
        if (!entry.edits.some(x => sameEdit(x, e))) entry.edits.push(e);
      }
    }
  }
  const edits: FileEdit[] = [];
  for (const [file, entry] of byFile) {
    const sorted = entry.edits.slice().sort((a, b) => comparePositions(a.range.start, b.range.start));
    const numbered = continueInsertedNumbering(sorted);
    edits.push(entry.create ? { file, edits: numbered, create: true } : { file, edits: numbered });
  }
  return { edits, applied };
}

function fits(byFile: Map<string, { create: boolean; edits: TextEdit[] }>, fix: Fix): boolean {
  for (const fe of fix.edits) {
    const entry = byFile.get(fe.file);
    if (!entry) continue;
    // two fixes creating the same file would write it twice: the second one is redundant at best
    if (fe.create && entry.create) return false;
    for (const e of fe.edits) {
      for (const x of entry.edits) {
        if (!sameEdit(x, e) && overlaps(x, e)) return false;
      }
    }
  }
  return true;
}

function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return a.newText === b.newText && samePos(a.range.start, b.range.start) && samePos(a.range.end, b.range.end);
}

function samePos(a: Position, b: Position): boolean {
  return a.line === b.line && a.character === b.character;
}

/** True when the replaced ranges share characters, or an insert falls strictly inside a replaced range. */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  const aEmpty = comparePositions(a.range.start, a.range.end) === 0;
  const bEmpty = comparePositions(b.range.start, b.range.end) === 0;
  if (aEmpty && bEmpty) return false;
  if (aEmpty) return comparePositions(b.range.start, a.range.start) < 0 && comparePositions(a.range.start, b.range.end) < 0;
  if (bEmpty) return comparePositions(a.range.start, b.range.start) < 0 && comparePositions(b.range.start, a.range.end) < 0;
  return comparePositions(a.range.start, b.range.end) < 0 && comparePositions(b.range.start, a.range.end) < 0;
}
