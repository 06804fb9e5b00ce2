import * as vscode from 'vscode';
import type { IndexService } from '../indexService';

/**
 * Opens a workspace file next to the coverage panel without taking the focus from it: in the
 * column of a visible text editor other than the panel's, else beside.
 */
export async function openBesidePanel(service: IndexService, file: string, line: number | undefined, panelColumn: vscode.ViewColumn | undefined): Promise<void> {
  const uri = service.uriOf(file);
  const other = vscode.window.visibleTextEditors.find(e => e.viewColumn !== undefined && e.viewColumn !== panelColumn);
  const viewColumn = other?.viewColumn ?? vscode.ViewColumn.Beside;
  const options: vscode.TextDocumentShowOptions = { viewColumn, preserveFocus: true, preview: true };
  if (line !== undefined) {
    const pos = new vscode.Position(line, 0);
    options.selection = new vscode.Range(pos, pos);
  }
  await vscode.window.showTextDocument(uri, options);
}
