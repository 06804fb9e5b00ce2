import * as vscode from 'vscode';
import { countPhrase } from '../countPhrases';
import { diagnosticsWithheld } from '../diagnosticsGate';
import type { IndexService } from '../indexService';

export interface CheckSummary {
  notes: number;
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  /** hints: the Problems panel does not list them, so they are counted apart (as the CLI's summary does) */
  hints: number;
}

/** Counts the index's diagnostics (files with at least one, and per severity). */
export function summarize(service: IndexService, notes: number): CheckSummary {
  const s: CheckSummary = { notes, files: 0, errors: 0, warnings: 0, infos: 0, hints: 0 };
  for (const list of service.index.allDiagnostics().values()) {
    if (list.length > 0) s.files++;
    for (const d of list) {
      if (d.severity === 'error') s.errors++;
      else if (d.severity === 'warning') s.warnings++;
      else if (d.severity === 'information') s.infos++;
      else s.hints++;
    }
  }
  return s;
}

/**
 * "Check Workspace": re-reads every note from disk (unsaved buffers win) with a progress notification that can be
 * cancelled, then shows a summary with a way to the Problems panel. Cancelled, it stops reading: the notes not
 * re-read keep their last check, and the summary says so.
 */
export async function checkWorkspaceCommand(service: IndexService): Promise<CheckSummary | undefined> {
  if (!service.root) {
    // a keybinding or another extension can still run it in an empty window: "0 notes, no problems" would mislead
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder first: Notes Navigator checks the notes of a workspace folder.'));
    return undefined;
  }
  await service.ready;
  let stopped = false;
  const notes = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Notes Navigator: checking notes'), cancellable: true },
    async (progress, token) => {
      let last = 0;
      let read = true;
      const n = await service.rescan(p => {
        const pct = p.total > 0 ? Math.floor((p.done / p.total) * 100) : 100;
        progress.report({ message: vscode.l10n.t('{0}/{1} files', p.done, p.total), increment: pct - last });
        last = pct;
        read = p.done >= p.total;
      }, token);
      // Cancel pressed once every note was read (while links are resolved) stopped nothing
      stopped = token.isCancellationRequested && !read;
      return n;
    },
  );
  const s = summarize(service, notes);
  service.log.info(`check${stopped ? ' (stopped)' : ''}: ${s.notes} notes, ${s.errors} errors, ${s.warnings} warnings, ${s.infos} infos${s.hints > 0 ? `, ${s.hints} hints` : ''} in ${s.files} files`);
  const summary = checkSummaryMessage(s);
  let message = stopped ? vscode.l10n.t('Check stopped: notes not re-read yet keep their last check. {0}', summary) : summary;
  const show = vscode.l10n.t('Show Problems');
  const openSetting = vscode.l10n.t('Open Setting');
  const listed = s.errors + s.warnings + s.infos > 0;
  let buttons: string[] = [];
  const withheld = listed ? diagnosticsWithheld(service) : undefined;
  if (withheld) {
    // nothing is published: the Problems panel would open empty
    message = withheld === 'never'
      ? vscode.l10n.t('{0} Diagnostics are turned off (notesNavigator.diagnostics.enabled), so the Problems panel lists none of them.', message)
      : vscode.l10n.t('{0} The notes folder holds no series README or .notes-navigator.json, so the Problems panel lists none of them (notesNavigator.diagnostics.enabled is auto).', message);
    buttons = [openSetting];
  } else if (listed) {
    // the Problems panel lists no hints: nothing to show there for hints alone
    buttons = [show];
  }
  void (s.errors > 0 ? vscode.window.showWarningMessage(message, ...buttons) : vscode.window.showInformationMessage(message, ...buttons)).then(choice => {
    if (choice === show) void vscode.commands.executeCommand('workbench.actions.view.problems');
    else if (choice === openSetting) void vscode.commands.executeCommand('workbench.action.openSettings', 'notesNavigator.diagnostics.enabled');
  });
  return s;
}

/**
 * "Checked 12 notes: 1 error, 0 warnings, 3 infos in 2 files.", each count with its singular or plural word; hints
 * are said only when there are any (", 2 hints"), as in the CLI's summary.
 */
export function checkSummaryMessage(s: CheckSummary): string {
  const notes = countPhrase.notes(s.notes);
  if (s.errors + s.warnings + s.infos + s.hints === 0) return vscode.l10n.t('Checked {0}: no problems.', notes);
  const counts = [countPhrase.errors(s.errors), countPhrase.warnings(s.warnings), countPhrase.infos(s.infos)] as const;
  if (s.hints === 0) return vscode.l10n.t('Checked {0}: {1}, {2}, {3} in {4}.', notes, ...counts, countPhrase.files(s.files));
  return vscode.l10n.t('Checked {0}: {1}, {2}, {3}, {4} in {5}.', notes, ...counts, countPhrase.hints(s.hints), countPhrase.files(s.files));
}
