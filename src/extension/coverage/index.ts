import * as vscode from 'vscode';
import type { CoverageViewModel } from '../../core/coverage/viewModel';
import { COVERAGE_VIEW_TYPE, type ProbeResult } from '../../webview/protocol';
import type { IndexService } from '../indexService';
import { shownFolderName } from '../notesFolder';
import { CoverageController, type PostedModel } from './panel';
import { CoverageStatusBar } from './statusBar';
import { syncStatus } from './syncStatus';

/** What integration tests reach through the extension's API (`activate()` returns `{ service, coverage }`). */
export interface CoverageApi {
  /** the last model posted to the page, with its version */
  lastPosted(): PostedModel | undefined;
  /** the last version the page acknowledged as rendered */
  lastApplied(): number;
  /** resolves when the page has rendered `version` or later */
  whenApplied(version: number): Promise<void>;
  /** ms from the first index change to the page's acknowledgement, for the last patch */
  lastLatency(): number | undefined;
  /** ms the page spent rendering the last update (its own measure) */
  lastRenderMs(): number | undefined;
  /** describes what the page rendered (counts of img/script/inline handlers, texts of topics and titles, scroll offset), after scrolling it to `scrollTo` px when given */
  probe(scrollTo?: number): Promise<ProbeResult | undefined>;
  /** the latest view model (built now if needed) */
  model(): CoverageViewModel;
  isOpen(): boolean;
  /** the status-bar text */
  statusText(): string | undefined;
}

let api: CoverageApi | undefined;

/** The coverage API for activate()'s return value; undefined before registerCoverage ran. */
export function coverageApi(): CoverageApi | undefined {
  return api;
}

/** Registers showCoverage / syncStatus, the panel serializer and the status-bar item. */
export function registerCoverage(context: vscode.ExtensionContext, service: IndexService): void {
  const controller = new CoverageController(context, service);
  const statusBar = new CoverageStatusBar();
  let statusText: string | undefined;
  // the model and folder name the status bar shows: the tooltip names the folder again when its name changes
  let shown: { model: CoverageViewModel; folder: string | undefined } | undefined;
  const showStatus = (model: CoverageViewModel) => {
    shown = { model, folder: shownFolderName(service.root) };
    statusBar.update(model, shown.folder);
    statusText = statusBar.text;
  };
  context.subscriptions.push(
    controller,
    statusBar,
    controller.onDidBuildModel(showStatus),
    // a second folder added, the folder renamed in the .code-workspace: the same figures, another name
    vscode.workspace.onDidChangeWorkspaceFolders(() => {
      if (shown && shownFolderName(service.root) !== shown.folder) showStatus(shown.model);
    }),
    vscode.commands.registerCommand('notesNavigator.showCoverage', () => controller.show()),
    vscode.commands.registerCommand('notesNavigator.syncStatus', (arg?: unknown) => syncStatus(service, arg)),
    vscode.window.registerWebviewPanelSerializer(COVERAGE_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel) => { controller.restore(panel); },
    }),
  );
  api = {
    lastPosted: () => controller.lastPosted(),
    lastApplied: () => controller.lastApplied(),
    whenApplied: v => controller.whenApplied(v),
    lastLatency: () => controller.lastLatency(),
    lastRenderMs: () => controller.lastRenderMs(),
    probe: scrollTo => controller.probe(scrollTo),
    model: () => controller.model(),
    isOpen: () => controller.isOpen,
    statusText: () => statusText,
  };
}
