import './vscodeStub';
import * as vscode from 'vscode';
import type { WorkspaceIndex } from '../../../src/core/index/workspaceIndex';
import type { IndexService } from '../../../src/extension/indexService';
import { SeriesTree } from '../../../src/extension/tree/seriesTree';

// the stub that answers `require('vscode')` (each test file bundles its own copy of vscodeStub.ts)
const { Uri, EventEmitter } = vscode as unknown as typeof import('./vscodeStub');
const win = vscode.window as unknown as Record<string, unknown>;

/**
 * A Series view over `index`, with a stand-in tree view (hidden), a stand-in service whose events never fire unless
 * `service` gives them, and an in-memory workspace state. Call restoreWindowAfterEach in the suite.
 */
export function seriesTreeOver(index: WorkspaceIndex, service: Record<string, unknown> = {}): SeriesTree {
  const noop = new EventEmitter<unknown>();
  win.createTreeView = () => ({ description: undefined, message: undefined, visible: false, onDidChangeCheckboxState: noop.event, onDidChangeVisibility: noop.event, dispose: () => undefined });
  win.onDidChangeActiveTextEditor = noop.event;
  const stub = {
    index, ready: Promise.resolve(), root: Uri.file('/ws'), settings: { groupBy: 'category' },
    onDidChange: noop.event, onDidProgress: noop.event, onDidChangeSettings: noop.event, onDidChangeRoot: noop.event, onDidReadSeries: noop.event,
    fileOf: () => undefined, uriOf: (file: string) => Uri.file('/ws/' + file),
    ...service,
  };
  const state = new Map<string, unknown>();
  const memento = { get: (k: string) => state.get(k), update: async (k: string, v: unknown) => { state.set(k, v); } } as unknown as vscode.Memento;
  return new SeriesTree(stub as unknown as IndexService, memento);
}

/** Puts back, after each test of the suite, what seriesTreeOver replaces in `vscode.window`. */
export function restoreWindowAfterEach(): void {
  const saved = { ...win };
  afterEach(() => {
    for (const k of ['createTreeView', 'onDidChangeActiveTextEditor']) win[k] = saved[k];
  });
}
