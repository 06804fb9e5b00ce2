import * as vscode from 'vscode';
import type { FileEdit, Fix } from '../../core/model';
import { requireTrust } from '../commands/args';
import { countPhrase } from '../countPhrases';
import type { IndexService } from '../indexService';
import { FixTexts, fixesWithTexts } from './coreFixes';
import { currentNote } from './currentNote';
import { localToday } from './localDate';
import { mergeFixEdits } from './mergeFixEdits';
import { explainNotANote } from './notANote';

export const FIX_ALL_COMMAND = 'notesNavigator.fixAll';

export interface SafeFixes {
  edits: FileEdit[];
  applied: number;
  /** false once a text the edits were built on changed: applying them then would edit the wrong characters */
  unchanged(): boolean;
}

/**
 * The `safe` fixes of every diagnostic of a document (the preferred one when a diagnostic has several),
 * merged into one list of file edits. With `ownFileOnly`, only fixes that edit nothing but the document itself
 * (what a fix-all run on save may do). Undefined when the document is not an indexed note.
 */
export async function safeFixesOf(service: IndexService, document: vscode.TextDocument,
  options: { ownFileOnly?: boolean } = {}): Promise<SafeFixes | undefined> {
  const current = await currentNote(service, document);
  if (!current) return undefined;
  const texts = new FixTexts(service);
  const text = texts.own(current, document);
  const today = localToday();
  const chosen: Fix[] = [];
  for (const diagnostic of service.index.diagnostics(current.file)) {
    const safe = (await fixesWithTexts(service, diagnostic, text, today, texts))
      .filter(f => f.safe && (!options.ownFileOnly || f.edits.every(e => e.file === current.file)));
    if (safe.length > 0) chosen.push(safe.find(f => f.preferred) ?? safe[0]);
  }
  return { ...mergeFixEdits(chosen), unchanged: () => texts.unchanged() };
}

/** Tries to compute the fixes on a text that stays unchanged until they are returned. */
const ATTEMPTS = 3;

/** `notesNavigator.fixAll [uri]`: applies every safe fix of the active (or given) note as ONE undoable edit. */
export function registerFixAllCommand(service: IndexService): vscode.Disposable {
  return vscode.commands.registerCommand(FIX_ALL_COMMAND, async (arg?: unknown) => {
    // the manifest's enablement keeps it off the palette and menus only: a caller's executeCommand still runs it
    if (!requireTrust()) return false;
    try {
      const document = arg instanceof vscode.Uri
        ? await vscode.workspace.openTextDocument(arg)
        : vscode.window.activeTextEditor?.document;
      if (!document || document.languageId !== 'markdown') {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown note to fix its problems.'));
        return false;
      }
      const file = service.fileOf(document.uri);
      let result = await safeFixesOf(service, document);
      // the buffer (or another file a fix edits) changed while the fixes were computed: compute them again
      for (let attempt = 1; attempt < ATTEMPTS && result && !result.unchanged(); attempt++) result = await safeFixesOf(service, document);
      if (!file || !result) {
        explainNotANote(service, document.uri, document, 'behind');
        return false;
      }
      if (result.applied === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No safe fixes for {0}.', file));
        return false;
      }
      // no await between this check and applyEdit: the edit is handed to the editor for the text it was built on
      const ok = result.unchanged() && await vscode.workspace.applyEdit(service.toWorkspaceEdit(result.edits));
      if (!ok) {
        service.log.warn(`fix all: the edit for ${file} was not applied`);
        void vscode.window.showWarningMessage(vscode.l10n.t('The fixes for {0} could not be applied (the file changed meanwhile?).', file));
        return false;
      }
      service.log.info(`fix all: applied ${result.applied} fix${result.applied === 1 ? '' : 'es'} to ${file}`);
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Notes Navigator: applied {0}', countPhrase.fixes(result.applied)), 4000);
      return true;
    } catch (e) {
      service.log.error(`fix all failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      return false;
    }
  });
}
