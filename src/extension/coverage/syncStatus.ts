import * as vscode from 'vscode';
import { syncStatusEdits } from '../../core/coverage/sync';
import type { SeriesModel } from '../../core/model';
import { parseCoverageMatrix } from '../../core/series/matrix';
import { requireTrust } from '../commands/args';
import { countPhrase } from '../countPhrases';
import type { IndexService } from '../indexService';

/**
 * "Sync Coverage Status": writes the computed statuses into the matrix table as one undoable
 * WorkspaceEdit. The matrix is read from its editor buffer when open (unsaved edits count) and
 * parsed again here, so the edit always matches the text it applies to.
 */

function matrixFileOf(service: IndexService, series: SeriesModel): string | undefined {
  return service.index.coverage(series)?.file;
}

/** The series named by a command argument (README path or a URI inside it), else the active editor's, else a pick. */
export async function pickSeries(service: IndexService, arg: unknown): Promise<SeriesModel | undefined> {
  const index = service.index;
  const withMatrix = index.series().filter(s => matrixFileOf(service, s) !== undefined);
  if (typeof arg === 'string') return withMatrix.find(s => s.readme === arg);
  let file: string | undefined;
  if (arg instanceof vscode.Uri) file = service.fileOf(arg);
  else {
    const active = vscode.window.activeTextEditor?.document.uri;
    if (active) file = service.fileOf(active);
  }
  if (file !== undefined) {
    const s = index.seriesOf(file);
    if (s && matrixFileOf(service, s) !== undefined) return s;
  }
  if (withMatrix.length <= 1) return withMatrix[0];
  const pick = await vscode.window.showQuickPick(
    withMatrix.map(s => ({ label: s.title, description: s.readme, series: s })),
    { title: vscode.l10n.t('Sync Coverage Status'), placeHolder: vscode.l10n.t('Sync the coverage status of which series?') },
  );
  return pick?.series;
}

/** Returns the number of Status cells changed (0 when already in sync or nothing to do). */
export async function syncStatus(service: IndexService, arg?: unknown): Promise<number> {
  // the coverage page calls this directly: the manifest's enablement does not stop it
  if (!requireTrust()) return 0;
  await service.ready;
  const series = await pickSeries(service, arg);
  if (!series) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No series with a coverage matrix found.'));
    return 0;
  }
  const matrix = matrixFileOf(service, series);
  if (matrix === undefined) return 0;
  const text = await service.textOf(matrix);
  if (text === undefined) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not read {0}.', matrix));
    return 0;
  }
  const config = service.index.config;
  const cov = parseCoverageMatrix(text, matrix, config);
  // the index's file states, as the check and the coverage page count them (a file the config leaves out exists,
  // one files.exclude hides does not contradict the row)
  const rows = service.index.rowCoverage(cov.rows);
  const edits = syncStatusEdits(text, cov, rows, config);
  if (edits.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The coverage matrix is already in sync.'));
    return 0;
  }
  const ok = await vscode.workspace.applyEdit(service.toWorkspaceEdit([{ file: matrix, edits }]));
  if (!ok) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not update {0}.', matrix));
    return 0;
  }
  service.log.info(`coverage: synced ${edits.length} status cell(s) in ${matrix}`);
  void vscode.window.setStatusBarMessage(vscode.l10n.t('Coverage status synced: {0} updated', countPhrase.rows(edits.length)), 4000);
  return edits.length;
}
