import * as vscode from 'vscode';
import type { FileEdit, Fix } from '../../core/model';
import type { IndexService } from '../indexService';
import { fixesWithTexts } from './coreFixes';
import { currentNote } from './currentNote';
import { localToday } from './localDate';
import { mergeFixEdits } from './mergeFixEdits';

export const FIX_ALL_COMMAND = 'notesNavigator.fixAll';

/**
 * The `safe` fixes of every diagnostic of a document (the preferred one when a diagnostic has several),
 * merged into one list of file edits. Undefined when the document is not an indexed note.
 */
export async function safeFixesOf(service: IndexService, document: vscode.TextDocument): Promise<{ edits: FileEdit[]; applied: number } | undefined> {
  const current = await currentNote(service, document);
  if (!current) return undefined;
  const text = document.getText();
  const today = localToday();
  const texts = new Map<string, string | undefined>();
  const chosen: Fix[] = [];
  for (const diagnostic of service.index.diagnostics(current.file)) {
    const safe = (await fixesWithTexts(service, diagnostic, text, today, texts)).filter(f => f.safe);
    if (safe.length > 0) chosen.push(safe.find(f => f.preferred) ?? safe[0]);
  }
  return mergeFixEdits(chosen);
}

/** `notesNavigator.fixAll [uri]`: applies every safe fix of the active (or given) note as ONE undoable edit. */
export function registerFixAllCommand(service: IndexService): vscode.Disposable {
  return vscode.commands.registerCommand(FIX_ALL_COMMAND, async (arg?: unknown) => {
    try {
      const document = arg instanceof vscode.Uri
        ? await vscode.workspace.openTextDocument(arg)
        : vscode.window.activeTextEditor?.document;
      if (!document || document.languageId !== 'markdown') {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown note to fix its problems.'));
        return false;
      }
      const file = service.fileOf(document.uri);
      const result = await safeFixesOf(service, document);
      if (!file || !result) {
        void vscode.window.showInformationMessage(vscode.l10n.t('This file is not a note of the workspace (or the workspace is still being indexed).'));
        return false;
      }
      if (result.applied === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No safe fixes for {0}.', file));
        return false;
      }
      const ok = await vscode.workspace.applyEdit(service.toWorkspaceEdit(result.edits));
      if (!ok) {
        service.log.warn(`fix all: the edit for ${file} was not applied`);
        void vscode.window.showWarningMessage(vscode.l10n.t('The fixes for {0} could not be applied (the file changed meanwhile?).', file));
        return false;
      }
      service.log.info(`fix all: applied ${result.applied} fixes to ${file}`);
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Notes Navigator: applied {0} fixes', result.applied), 4000);
      return true;
    } catch (e) {
      service.log.error(`fix all failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      return false;
    }
  });
}
