import * as vscode from 'vscode';

/** What a reconcile with the disk changed in the index (workspace-relative files). */
export interface Reconciled {
  /** indexed files that were gone from the disk (an unsaved buffer's note is not among them: it stays) */
  gone: string[];
  /** files on disk the index did not know, now read */
  added: string[];
}

/** Wait after the window regains focus before the disk is listed (focus often comes and goes in a burst). */
export const FOCUS_RECONCILE_DELAY_MS = 500;

/**
 * Runs `reconcile` once the window has regained focus and kept it for a moment. Files may have been created or
 * deleted meanwhile by other programs, and VS Code's file watcher does not report every one of them (a folder
 * created together with folders inside it is watched at its top only on Linux; `files.watcherExclude`).
 */
export function reconcileOnFocus(reconcile: () => void, delayMs = FOCUS_RECONCILE_DELAY_MS): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const sub = vscode.window.onDidChangeWindowState(state => {
    stop();
    if (state.focused) timer = setTimeout(() => { timer = undefined; reconcile(); }, delayMs);
  });
  return vscode.Disposable.from(sub, { dispose: stop });
}

/** The output channel's line about a reconcile that corrected the index; undefined when it changed nothing. */
export function reconciledText(r: Reconciled, ms: number): string | undefined {
  if (r.gone.length === 0 && r.added.length === 0) return undefined;
  const some = (files: string[]) => files.slice(0, 5).join(', ') + (files.length > 5 ? `, … ${files.length - 5} more` : '');
  const parts: string[] = [];
  if (r.gone.length) parts.push(`${r.gone.length} gone from the disk (${some(r.gone)})`);
  if (r.added.length) parts.push(`${r.added.length} new on the disk (${some(r.added)})`);
  return `the disk listing found files the file watcher did not report: ${parts.join('; ')}; index corrected in ${ms} ms`;
}
