import * as vscode from 'vscode';
import { isUnlisted } from '../../core/config';
import { todayString } from '../../core/fixes/frontmatter';
import type { FileEdit } from '../../core/model';
import { basename, typedRelativePath } from '../../core/paths';
import type { IndexService } from '../indexService';
import { shownFolderName } from '../notesFolder';
import { openFile, requireTrust } from './args';
import { exists } from '../fileStat';
import { matrixTemplate, seriesReadmeTemplate } from './noteTemplate';

export interface CreateSeriesArgs {
  /** workspace-relative folder ('' for the workspace root); asked when absent */
  folder?: string;
  title?: string;
}

/**
 * "Create Series": writes a README.md (with a `## Chapters` section) and a coverage matrix from templates
 * into a folder the user picks. Existing files are never overwritten: the README is opened instead.
 */
export async function createSeriesCommand(service: IndexService, args: CreateSeriesArgs = {}): Promise<'created' | 'existed' | 'cancelled' | 'failed'> {
  if (!requireTrust()) return 'cancelled';
  const root = service.root;
  if (!root) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder first: a series lives in a workspace folder.'));
    return 'cancelled';
  }
  let folder = args.folder;
  if (folder === undefined) {
    // a path typed in a box, not a folder dialog: the dialog of the web, remote and simple-dialog windows only
    // picks folders that exist ("Please enter a path that exists"), so a series could not get a folder of its own
    const notesFolder = shownFolderName(root);
    const answer = await vscode.window.showInputBox({
      title: vscode.l10n.t('Folder of the new series'),
      prompt: notesFolder === undefined
        ? vscode.l10n.t('Relative to the workspace folder; created when missing. Leave it empty for the workspace folder itself.')
        : vscode.l10n.t('Relative to the notes folder {0}; created when missing. Leave it empty for {0} itself.', notesFolder),
      validateInput: v => (typedRelativePath(v) !== undefined ? undefined : notesFolder === undefined
        ? vscode.l10n.t('Pick a folder inside the workspace folder.')
        : vscode.l10n.t('Pick a folder inside the notes folder {0}.', notesFolder)),
    });
    if (answer === undefined) return 'cancelled';
    folder = typedRelativePath(answer);
    if (folder === undefined) return 'cancelled';
  }
  const normalized = typedRelativePath(folder);
  if (normalized === undefined) return 'cancelled';
  const readme = normalized ? `${normalized}/README.md` : 'README.md';
  if (service.index.hasFile(readme) || await exists(service.uriOf(readme))) {
    await openFile(service, readme);
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} already exists; it was opened, not overwritten. Add a "## Chapters" section to make it a series.', readme));
    return 'existed';
  }
  const config = service.index.config;
  if (!service.index.isIncluded(readme) || isUnlisted(config, readme)) {
    // notesNavigator.include / exclude or files.exclude: the README would not be read, the series never shown
    const anyway = vscode.l10n.t('Create Anyway');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} would not be checked: the notesNavigator.include / exclude settings or files.exclude leave it out, so the series would not appear in the Series view.', readme),
      { modal: true }, anyway);
    if (choice !== anyway) return 'cancelled';
  }
  // file content, not UI: the README's and the matrix's other lines are English, so is the title offered
  const defaultTitle = `${titleCase(normalized ? basename(normalized) : basename(root.path) || 'Notes')} Series`;
  const title = args.title ?? await vscode.window.showInputBox({ title: vscode.l10n.t('Create Series: title'), value: defaultTitle, validateInput: v => (v.trim() ? undefined : vscode.l10n.t('The title cannot be empty.')) });
  if (!title?.trim()) return 'cancelled';
  const opts = { title: title.trim(), domain: (normalized ? basename(normalized) : 'notes').toLowerCase(), today: todayString(), config };
  const matrix = normalized ? `${normalized}/${config.matrixFileName}` : config.matrixFileName;
  const at = { line: 0, character: 0 };
  const edits: FileEdit[] = [{ file: readme, create: true, edits: [{ range: { start: at, end: at }, newText: seriesReadmeTemplate(opts) }] }];
  if (!service.index.hasFile(matrix) && !await exists(service.uriOf(matrix))) {
    edits.push({ file: matrix, create: true, edits: [{ range: { start: at, end: at }, newText: matrixTemplate(opts) }] });
  }
  const ok = await vscode.workspace.applyEdit(service.toWorkspaceEdit(edits));
  if (!ok) {
    service.log.error(`could not create series ${readme}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not create {0}.', readme));
    return 'failed';
  }
  service.log.info(`created series ${readme}`);
  await openFile(service, readme);
  return 'created';
}

function titleCase(s: string): string {
  return s.split(/[\s_-]+/).filter(Boolean).map(w => w[0].toUpperCase() + w.slice(1)).join(' ');
}
