import * as vscode from 'vscode';
import type { IndexService } from '../indexService';

/**
 * Commands are invoked from the tree (a node), from menus (a Uri), from other code and tests (a
 * workspace-relative path or an object with `file`) and from the palette (nothing: the active editor).
 */
export function fileFromArg(service: IndexService, arg: unknown, fallbackToActiveEditor = true): string | undefined {
  if (arg instanceof vscode.Uri) return service.fileOf(arg);
  if (typeof arg === 'string') return arg.replace(/^\.?\/+/, '');
  if (arg && typeof arg === 'object') {
    const o = arg as { file?: unknown; chapter?: { file?: unknown }; resourceUri?: unknown };
    if (o.chapter && typeof o.chapter.file === 'string') return o.chapter.file;
    if (typeof o.file === 'string') return o.file;
    if (o.resourceUri instanceof vscode.Uri) return service.fileOf(o.resourceUri);
  }
  if (!fallbackToActiveEditor) return undefined;
  const ed = vscode.window.activeTextEditor;
  return ed ? service.fileOf(ed.document.uri) : undefined;
}

/** Write commands are refused in an untrusted workspace (the extension is read-only there). */
export function requireTrust(): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showInformationMessage(vscode.l10n.t('Notes Navigator only reads notes in an untrusted workspace. Trust the workspace to create or edit notes.'));
  return false;
}

export async function openFile(service: IndexService, file: string, preview = false): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(service.uriOf(file));
  return vscode.window.showTextDocument(doc, { preview });
}
