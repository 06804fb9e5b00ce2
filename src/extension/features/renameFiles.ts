import * as vscode from 'vscode';
import { isAlwaysExcluded } from '../../core/config';
import { renamePlan, type SkippedLink } from '../../core/fixes/rename';
import { isMarkdown } from '../../core/paths';
import type { IndexView } from '../../core/index/api';
import type { FileEdit } from '../../core/model';
import { countPhrase } from '../countPhrases';
import type { IndexService } from '../indexService';
import { settleOpenNotes } from './currentNote';
import { isIndexReady } from './readiness';

export interface Move {
  from: string;
  to: string;
}

/** Rounds of "fetch the texts renameEdits asked for and try again" before giving up on a file. */
const MAX_FETCH_ROUNDS = 4;

/**
 * Renaming or moving notes (or folders of notes) — from the explorer or a WorkspaceEdit — rewrites every link to
 * them (Markdown links, images, reference definitions, backtick paths, wikilinks; README chapter lines and
 * coverage-matrix paths included) and the moved notes' own relative links. The edit is handed to
 * `waitUntil`, so VS Code applies it with the rename as one undoable operation; texts come from open
 * buffers when there are any, so unsaved edits are respected.
 */
export function registerRenameParticipant(service: IndexService): vscode.Disposable {
  return vscode.workspace.onWillRenameFiles(event => {
    try {
      const renames = event.files.map(f => ({ from: service.fileOf(f.oldUri), to: service.fileOf(f.newUri) }));
      if (!isIndexReady(service)) {
        reportNotReady(service, renames);
        return;
      }
      const moves = expandMoves(service.index, renames);
      if (moves.length === 0) return;
      event.waitUntil(linkUpdatesFor(service, moves, folderMovesOf(service.index, renames)).then(
        edit => edit,
        (e: unknown) => {
          service.log.error(`updating links after a rename failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
          return new vscode.WorkspaceEdit();
        },
      ));
    } catch (e) {
      service.log.error(`rename participant failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    }
  });
}

/**
 * A rename of workspace files before the first index load ended: the links to them are not known yet, so none is
 * updated. Said in the log, and once in a warning that does not wait for an answer.
 */
function reportNotReady(service: IndexService, renames: readonly Rename[]): void {
  // a note, or a folder that may hold notes (a name without an extension): images and the folders never walked
  // have no links to update
  const mayHoldLinks = (f: string) => !isAlwaysExcluded(f) && (isMarkdown(f) || !/\.[^/]*$/.test(f.slice(f.lastIndexOf('/') + 1)));
  const inside = renames.filter(r => r.from !== undefined && r.to !== undefined && r.from !== r.to && mayHoldLinks(r.from));
  if (inside.length === 0) return;
  for (const r of inside) service.log.warn(`rename: ${r.from} → ${r.to} before the notes were indexed: links to it were not updated`);
  void vscode.window.showWarningMessage(vscode.l10n.t('The notes were still being indexed: links to the renamed files were not updated.'));
}

/** A rename VS Code reports, as workspace paths (undefined: outside the workspace). */
type Rename = { from: string | undefined; to: string | undefined };

/** The renamed paths that are folders (matrix cross-reference ranges name folders: they follow a folder's move). */
export function folderMovesOf(index: IndexView, renames: readonly Rename[]): Move[] {
  const folders: Move[] = [];
  for (const { from, to } of renames) {
    if (from === undefined || to === undefined || from === to || from === '' || index.hasFile(from)) continue;
    folders.push({ from, to });
  }
  return folders;
}

/**
 * File moves for renamed paths: a known file moves as itself; a folder moves every file the index has under it.
 * Moves into or out of the workspace, and paths the index does not know, are left alone.
 */
export function expandMoves(index: IndexView, renames: readonly Rename[]): Move[] {
  const moves: Move[] = [];
  const folders = folderMovesOf(index, renames);
  for (const { from, to } of renames) {
    if (from !== undefined && to !== undefined && from !== to && index.hasFile(from)) moves.push({ from, to });
  }
  if (folders.length > 0) {
    for (const file of index.files()) {
      for (const folder of folders) {
        if (file.startsWith(folder.from + '/')) {
          moves.push({ from: file, to: folder.to + file.slice(folder.from.length) });
          break;
        }
      }
    }
  }
  return moves;
}

/** The link updates for a set of moves as one WorkspaceEdit, addressed to the files as they are before the move. */
export async function linkUpdatesFor(service: IndexService, moves: readonly Move[], folders: readonly Move[] = []): Promise<vscode.WorkspaceEdit> {
  // links are found through the index: let it see buffers edited a moment ago (e.g. by a previous rename)
  await settleOpenNotes(service);
  const texts = new Map<string, string | undefined>();
  const fetch = async (files: Iterable<string>): Promise<void> => {
    const wanted = [...new Set(files)].filter(f => !texts.has(f));
    const got = await Promise.all(wanted.map(f => service.textOf(f)));
    wanted.forEach((f, i) => texts.set(f, got[i]));
  };
  // the moved files (their own relative links) and every file linking to them
  const first: string[] = [];
  for (const m of moves) {
    first.push(m.from);
    for (const b of service.index.backlinks(m.from)) first.push(b.from);
  }
  await fetch(first);
  let edits: FileEdit[] = [];
  let skipped: SkippedLink[] = [];
  for (let round = 0; round < MAX_FETCH_ROUNDS; round++) {
    const missing: string[] = [];
    ({ edits, skipped } = renamePlan(service.index, [...moves, ...folders], file => {
      if (texts.has(file)) return texts.get(file);
      missing.push(file);
      return undefined;
    }));
    if (missing.length === 0) break;
    await fetch(missing);
  }
  reportSkipped(service, skipped);
  return service.toWorkspaceEdit(addressBeforeMove(edits));
}

/** Links the rename had to leave as they were: one log line each, and one warning pointing at the log. */
function reportSkipped(service: IndexService, skipped: readonly SkippedLink[]): void {
  if (skipped.length === 0) return;
  for (const s of skipped) {
    service.log.warn(`rename: left ${s.file}:${s.range.start.line + 1}:${s.range.start.character + 1} "${s.raw}" unchanged (now ${s.target}): ${s.reason}`);
  }
  const show = vscode.l10n.t('Show Log');
  void vscode.window
    .showWarningMessage(vscode.l10n.t('Not updated for the new name: {0}, listed in the Notes Navigator log.', countPhrase.links(skipped.length)), show)
    .then(choice => {
      if (choice === show) service.log.show(true);
    });
}

/**
 * The participant's edit is applied before the files move, so it is addressed to the files' current paths, which
 * is how renamePlan gives it: no path is translated, since in a chain of renames (`b.md` → `c.md` and `a.md` →
 * `b.md` in one WorkspaceEdit) a moved file's new path is another file's current one. Empty file edits are
 * dropped and edits to one file merged.
 */
export function addressBeforeMove(edits: readonly FileEdit[]): FileEdit[] {
  const merged = new Map<string, FileEdit>();
  for (const fe of edits) {
    if (fe.edits.length === 0 && !fe.create) continue;
    const prev = merged.get(fe.file);
    if (prev) prev.edits = prev.edits.concat(fe.edits);
    else merged.set(fe.file, { ...fe, edits: fe.edits.slice() });
  }
  return [...merged.values()];
}
