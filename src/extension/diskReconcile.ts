import * as vscode from 'vscode';
import { hasFileSearch } from './workspaceFiles';

/** What a reconcile with the disk changed in the index (workspace-relative files). */
export interface Reconciled {
  /** indexed files that were gone from the disk (an unsaved buffer's note is not among them: it stays) */
  gone: string[];
  /** files on disk the index did not know, now read */
  added: string[];
}

/** Wait before the disk is listed (focus, and the watcher's confused reports, often come in a burst). */
export const RECONCILE_DELAY_MS = 500;

/** Least time between two reconciles of a virtual notes folder, each of which walks it whole. */
export const VIRTUAL_RECONCILE_GAP_MS = 30_000;

/** How often reconciles may run. */
export interface ReconcilePace {
  /** least time between the start of two reconciles (0: no least) */
  gapMs(): number;
  /** told when a reconcile is put off to keep that gap, once until one runs */
  deferred(waitMs: number): void;
  /** the clock (Date.now unless a test gives another) */
  now?(): number;
}

/**
 * Runs a reconcile a moment after the last call of `soon` (calls in between put it off), and, with a `pace`, not
 * sooner than its gap after the last one: a call within the gap runs once the gap is over.
 */
export class ReconcileSoon implements vscode.Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastRun: number | undefined;
  private toldDeferred = false;

  constructor(private readonly run: () => void, private readonly delayMs = RECONCILE_DELAY_MS, private readonly pace?: ReconcilePace) {}

  soon(): void {
    this.stop();
    this.arm(this.delayMs);
  }

  private arm(ms: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.fire();
    }, ms);
  }

  private fire(): void {
    const now = this.pace?.now?.() ?? Date.now();
    const wait = this.lastRun === undefined ? 0 : this.lastRun + (this.pace?.gapMs() ?? 0) - now;
    if (wait > 0) {
      if (!this.toldDeferred) this.pace?.deferred(wait);
      this.toldDeferred = true;
      this.arm(wait);
      return;
    }
    this.lastRun = now;
    this.toldDeferred = false;
    this.run();
  }

  stop(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  dispose(): void {
    this.stop();
  }
}

/**
 * The pace of the reconciles of the notes folder `root()`: at most one per VIRTUAL_RECONCILE_GAP_MS for a virtual
 * folder, whose listing is a `workspace.fs` walk of the whole tree (no file search, no quick walk with Node), said
 * in the log when a reconcile waits; no limit for a folder on disk or remote.
 */
export function virtualFolderPace(root: () => vscode.Uri | undefined, log: vscode.LogOutputChannel): ReconcilePace {
  return {
    gapMs: () => {
      const uri = root();
      return uri && !hasFileSearch(uri) ? VIRTUAL_RECONCILE_GAP_MS : 0;
    },
    deferred: waitMs => log.info(`the disk listing waits ${Math.ceil(waitMs / 1000)} s: the notes folder is virtual (${root()?.scheme}), `
      + `each listing walks it whole, and it is listed at most once every ${VIRTUAL_RECONCILE_GAP_MS / 1000} s`),
  };
}

/**
 * Reconciles (`soon`) once the window has regained focus and kept it for a moment. Files may have been created or
 * deleted meanwhile by other programs, and VS Code's file watcher does not report every one of them (a folder
 * created together with folders inside it is watched at its top only on Linux; `files.watcherExclude`).
 */
export function reconcileOnFocus(trigger: ReconcileSoon): vscode.Disposable {
  return vscode.window.onDidChangeWindowState(state => (state.focused ? trigger.soon() : trigger.stop()));
}

/** `window.onDidEndTerminalShellExecution` (VS Code 1.93+; the extension supports 1.90, where it is missing). */
type ShellExecutionEnd = vscode.Event<unknown> | undefined;

/**
 * Reconciles (`soon`) after a task's process ends and after a command run in a terminal with shell integration
 * ends (`git checkout`, a code generator, `mkdir -p` in the integrated terminal): the window keeps its focus then,
 * and what such a command wrote below a folder the watcher does not watch would go unnoticed until a Refresh.
 */
export function reconcileAfterCommands(trigger: ReconcileSoon): vscode.Disposable {
  const subscriptions = [vscode.tasks.onDidEndTaskProcess(() => trigger.soon())];
  const shellEnd = (vscode.window as { onDidEndTerminalShellExecution?: ShellExecutionEnd }).onDidEndTerminalShellExecution;
  if (shellEnd) subscriptions.push(shellEnd(() => trigger.soon()));
  return vscode.Disposable.from(...subscriptions);
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
