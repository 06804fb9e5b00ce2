import { Uri, EventEmitter, workspace } from './vscodeStub';
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { CoverageController } from '../../../src/extension/coverage/panel';
import type { IndexService } from '../../../src/extension/indexService';
import { settle, startLive, type Live } from './liveService';

/** A series with a written chapter (01-one.md once written) and a planned one (02-two.md), and its matrix. */
export const PANEL_SERIES = '# Basics\n\n## Chapters\n\n### Start\n\n- [One](01-one.md) - Must-read - 10 min\n- [Two](02-two.md) - Important - 10 min\n';
export const PANEL_MATRIX = '# Coverage\n\n| Capability Area | Required Topic | Coverage Files | Status |\n| --- | --- | --- | --- |\n'
  + '| Basics | One | `01-one.md` | Covered |\n| Basics | Two | `02-two.md` | Pending |\n';

/** What the panel asked the user and wrote, through the stubbed window and workspace. */
export interface PanelUi {
  /** the paths each applied WorkspaceEdit touched */
  applied: string[][];
  /** the information messages shown, with their buttons */
  asked: { message: string; items: string[] }[];
  /** the paths of the files shown in an editor */
  opened: string[];
  /** how the user answers a message (default: dismissed) */
  answer: (message: string, items: string[]) => Promise<string | undefined>;
  restore(): void;
}

/** Stubs the window and workspace calls the panel makes (messages, edits, editors); `restore` puts them back. */
export function stubPanelUi(): PanelUi {
  const win = vscode.window as unknown as Record<string, unknown>;
  const ws = workspace as unknown as Record<string, unknown>;
  const saved = { ...win };
  const savedApply = ws.applyEdit;
  const ui: PanelUi = {
    applied: [], asked: [], opened: [], answer: async () => undefined,
    restore: () => {
      ws.applyEdit = savedApply;
      for (const k of ['showInformationMessage', 'showErrorMessage', 'showTextDocument', 'visibleTextEditors']) win[k] = saved[k];
    },
  };
  ws.applyEdit = async (edit: { ops: { uri: Uri }[] }) => { ui.applied.push(edit.ops.map(o => o.uri.path)); return true; };
  win.showInformationMessage = (message: string, ...items: string[]) => { ui.asked.push({ message, items }); return ui.answer(message, items); };
  win.showErrorMessage = async () => undefined;
  win.showTextDocument = async (uri: Uri) => { ui.opened.push(uri.path); return {}; };
  win.visibleTextEditors = [];
  return ui;
}

/** A coverage panel over a live service (vscode stub, a folder on disk), its page answered by a fake webview. */
export interface OpenPage {
  live: Live;
  controller: CoverageController;
  service: IndexService;
  /** sends a message from the page */
  say(message: unknown): void;
  /** the warnings the service logged since the page opened */
  warnings: string[];
  /** what the panel posted to the page */
  posted: Record<string, unknown>[];
}

/** Waits until `done()` holds (the panel handles the page's messages asynchronously); fails after `ms`. */
export async function until(done: () => boolean, what: string, ms = 2000): Promise<void> {
  for (const end = Date.now() + ms; !done(); await settle(5)) if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
}

/**
 * Indexes `files` in `dir`, opens the coverage panel on them and waits for the page's first model; `platform` is the
 * host's the panel believes it runs on (this process's by default).
 */
export async function openCoveragePage(dir: string, files: Record<string, string>, platform: NodeJS.Platform = process.platform): Promise<OpenPage> {
  const live = await startLive(dir, files);
  const service = live.service as IndexService;
  const fromPage = new EventEmitter<unknown>();
  const noop = new EventEmitter<unknown>();
  const posted: Record<string, unknown>[] = [];
  const panel = {
    webview: {
      options: {}, html: '', cspSource: '', asWebviewUri: (u: Uri) => u,
      onDidReceiveMessage: fromPage.event,
      postMessage: async (m: Record<string, unknown>) => { posted.push(m); return true; },
    },
    onDidChangeViewState: noop.event, onDidDispose: noop.event,
    visible: true, viewColumn: 2, reveal: () => undefined, dispose: () => undefined,
  };
  const controller = new CoverageController({ extensionUri: Uri.file('/ext'), subscriptions: [] } as unknown as vscode.ExtensionContext, service, platform);
  controller.restore(panel as unknown as vscode.WebviewPanel);
  fromPage.fire({ type: 'ready' });
  await settle(30);
  assert.ok(posted.some(m => m.type === 'model'));
  const warnings: string[] = [];
  const log = service.log as unknown as { warn(m: string): void };
  const warn = log.warn.bind(log);
  log.warn = (m: string) => { warnings.push(m); warn(m); };
  return { live, controller, service, say: (m: unknown) => fromPage.fire(m), warnings, posted };
}

/** Disposes what openCoveragePage started. */
export function closeCoveragePage(page: OpenPage | undefined): void {
  page?.controller.dispose();
  page?.live.service.dispose();
  for (const s of page?.live.subscriptions ?? []) s.dispose();
}
