import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { coverageApi, registerCoverage, type CoverageApi } from './coverage';
import { registerDiagnostics } from './diagnostics';
import { registerLanguageFeatures } from './features';
import { IndexService } from './indexService';
import { provisionalNotesFolder, registerNotesFolder } from './notesFolder';
import { registerBacklinksView, type BacklinksView } from './tree/backlinksView';
import { registerSeriesTree, type SeriesTree } from './tree/seriesTree';

/** What `activate` returns: integration tests reach the index through it. */
export interface NotesNavigatorApi {
  service: IndexService;
  /** the Series view's data provider (tests read its nodes and items) */
  seriesTree: SeriesTree;
  /** the Backlinks view's data provider */
  backlinks: BacklinksView;
  /** the coverage webview's probe (engineer C's integration tests) */
  coverage: CoverageApi | undefined;
  /**
   * performance.now() stamps: activate() started, how long it took, when the first index load had read the series
   * (the Series view shows them) and when it was ready
   */
  timing: { activateStart: number; activateMs: number; seriesReadAt?: number; readyAt?: number };
}

/**
 * Activation wires the adapters and returns at once: the index loads afterwards, in chunks that yield to
 * the event loop (see IndexService.start), so activation stays far below 50 ms on any workspace size.
 */
export function activate(context: vscode.ExtensionContext): NotesNavigatorApi {
  const t0 = performance.now();
  const log = vscode.window.createOutputChannel('Notes Navigator', { log: true });
  context.subscriptions.push(log);
  // one folder is indexed: which one (in a multi-root workspace) is known once start() has looked at the folders
  const service = new IndexService(provisionalNotesFolder(), log);
  context.subscriptions.push(service);
  const notesFolder = registerNotesFolder(context, service);
  void vscode.commands.executeCommand('setContext', 'notesNavigator.ready', false);

  registerDiagnostics(context, service);
  const tree = registerSeriesTree(context, service);
  const backlinks = registerBacklinksView(context, service);
  registerCommands(context, service, tree);
  registerLanguageFeatures(context, service);
  registerCoverage(context, service);

  void service.start(notesFolder.initial);
  const timing: NotesNavigatorApi['timing'] = { activateStart: t0, activateMs: 0 };
  context.subscriptions.push(service.onDidReadSeries(() => { timing.seriesReadAt ??= performance.now(); }));
  void service.ready.then(() => { timing.readyAt = performance.now(); });
  timing.activateMs = performance.now() - t0;
  log.info(`activated in ${Math.round(timing.activateMs)} ms${vscode.workspace.isTrusted ? '' : ' (untrusted workspace: read-only)'}`);
  return { service, seriesTree: tree, backlinks, coverage: coverageApi(), timing };
}

export function deactivate(): void {
  // everything is disposed through context.subscriptions
}
