// Shared helpers of the integration tests (they run inside the real extension host).
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { NotesNavigatorApi } from '../../src/extension/extension';
import type { IndexService } from '../../src/extension/indexService';

export const EXTENSION_ID = 'notes-navigator.notes-navigator';

/** The extension's API once its index has loaded the workspace. */
export async function api(): Promise<NotesNavigatorApi> {
  const ext = vscode.extensions.getExtension<NotesNavigatorApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed`);
  const a = await ext.activate();
  await a.service.ready;
  return a;
}

export async function service(): Promise<IndexService> {
  return (await api()).service;
}

/** The URI of a workspace-relative path in the (copied) example workspace. */
export function uriOf(file: string): vscode.Uri {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(root, 'no workspace folder');
  return vscode.Uri.joinPath(root, ...file.split('/'));
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** Our diagnostics on a file. */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter(d => d.source === 'notes-navigator');
}

/** Polls `probe` until it returns a value (not undefined, null or false); fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | null | false, timeoutMs = 8000, everyMs = 10): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== undefined && v !== null && v !== false) return v;
    if (Date.now() > end) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise(r => setTimeout(r, everyMs));
  }
}

/** `waitFor`, whose failure also says what `state` finds at that moment (what the test saw instead). */
export async function waitForExplained<T>(what: string, probe: () => T | undefined | null | false, state: () => unknown, timeoutMs = 8000): Promise<T> {
  try {
    return await waitFor(what, probe, timeoutMs);
  } catch (e) {
    throw new Error(`${(e as Error).message}: ${JSON.stringify(await state())}`);
  }
}

/** A chapter note with complete frontmatter, titled `title`, with `body` under its heading. */
export function chapterNote(title: string, body: string): string {
  return `---\ntitle: ${title}\nnote_type: chapter\ndomain: backend\ntags: []\ncreated: 2026-01-01\nupdated: 2026-01-01\nstatus: draft\n---\n# ${title}\n\n${body}\n`;
}

/**
 * Turns `files.autoSave` off (workspace scope) for the tests of the enclosing `describe`, and puts it back after
 * them. code-server saves an edited buffer a second after the edit (afterDelay): a save landing in the middle of a
 * test's own edits changes what it looks at (a buffer meant to stay unsaved, a file brought back on disk).
 */
export function autoSaveOffInThisSuite(): void {
  const files = () => vscode.workspace.getConfiguration('files');
  let previous: string | undefined;
  before(async () => {
    previous = files().inspect<string>('autoSave')?.workspaceValue;
    await files().update('autoSave', 'off', vscode.ConfigurationTarget.Workspace);
  });
  after(async () => {
    await files().update('autoSave', previous, vscode.ConfigurationTarget.Workspace);
  });
}

/**
 * Sets `notesNavigator.diagnostics.enabled` to `always` (workspace scope) for the tests of the enclosing `describe`,
 * and puts it back after them: by default (`auto`) nothing is published once the notes folder has no series README
 * nor `.notes-navigator.json`, which a test that deletes or renames files at random may bring about.
 */
export function diagnosticsAlwaysInThisSuite(): void {
  const section = () => vscode.workspace.getConfiguration('notesNavigator');
  let previous: unknown;
  before(async () => {
    previous = section().inspect('diagnostics.enabled')?.workspaceValue;
    await section().update('diagnostics.enabled', 'always', vscode.ConfigurationTarget.Workspace);
  });
  after(async () => {
    await section().update('diagnostics.enabled', previous, vscode.ConfigurationTarget.Workspace);
  });
}
