import * as vscode from 'vscode';
import { todayString } from '../../core/fixes/frontmatter';
import { requireTrust } from '../commands/args';
import { exists } from '../fileStat';
import { newNoteEdits, oneCreationAtATime, refusedAsNoNote } from '../commands/createNote';
import { plannedNoteText } from '../commands/noteTemplate';
import type { IndexService } from '../indexService';
import { openBesidePanel } from './openFile';

/**
 * Creates a planned note (a README chapter or matrix file that does not exist yet) from the coverage page: the same
 * note the Series tree's "Create Note" writes (see `plannedNoteText`), with the same matrix status edit (see
 * `newNoteEdits`), refused in an untrusted workspace like every write command.
 */

/**
 * Creates the note (never overwrites an existing file) and opens it next to the panel (`panelColumn`), in the editor
 * column the panel's Open uses: not in a new group beside the panel.
 */
export function createPlannedNote(service: IndexService, file: string, panelColumn: vscode.ViewColumn | undefined): Promise<boolean> {
  // a second Create of the file (a double click) waits for the first, then finds the note and opens it
  return oneCreationAtATime(service, file, () => createPlannedNoteNow(service, file, panelColumn));
}

async function createPlannedNoteNow(service: IndexService, file: string, panelColumn: vscode.ViewColumn | undefined): Promise<boolean> {
  if (await exists(service.uriOf(file))) {
    await openBesidePanel(service, file, undefined, panelColumn, true);
    return false;
  }
  if (!requireTrust() || refusedAsNoNote(service, file)) return false;
  // the note, and its matrix row's status when the new draft changes it (one undoable edit)
  const ok = await vscode.workspace.applyEdit(service.toWorkspaceEdit(await newNoteEdits(service, file, plannedNoteText(service.index, file, todayString()))));
  if (!ok) {
    service.log.error(`coverage: could not create ${file}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not create {0}.', file));
    return false;
  }
  // the WorkspaceEdit creates the file with its text (never overwriting): open it next to the panel
  await openBesidePanel(service, file, undefined, panelColumn, true);
  return true;
}
