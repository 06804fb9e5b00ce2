import * as vscode from 'vscode';
import type { IndexService } from '../indexService';

/**
 * Opens a workspace file next to the coverage panel: in the column of a visible text editor other than the
 * panel's, else beside. A file opened to read leaves the focus on the panel (in a preview tab); a note just created
 * (`focus`) takes it, to be written.
 */
export async function openBesidePanel(service: IndexService, file: string, line: number | undefined, panelColumn: vscode.ViewColumn | undefined,
  focus = false): Promise<void> {
  const uri = service.uriOf(file);
  const other = vscode.window.visibleTextEditors.find(e => e.viewColumn !== undefined && e.viewColumn !== panelColumn);
  const viewColumn = other?.viewColumn ?? vscode.ViewColumn.Beside;
  const options: vscode.TextDocumentShowOptions = { viewColumn, preserveFocus: !focus, preview: !focus };
  if (line !== undefined) {
    const pos = new vscode.Position(line, 0);
    options.selection = new vscode.Range(pos, pos);
  }
  await vscode.window.showTextDocument(uri, options);
}
