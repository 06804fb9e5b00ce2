import { promises as fs, realpath as portableRealpath } from 'node:fs';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import {
  buildViewModel, diffViewModel, overallCoverage, type CoverageViewModel,
} from '../../core/coverage/viewModel';
import {
  COVERAGE_VIEW_TYPE, filesOfModel, isWorkspaceRelativePath, parsePageMessage, type HostMessage, type PageMessage, type PathRule, type ProbeResult,
} from '../../webview/protocol';
import { isMarkdown } from '../../core/paths';
import { realPathInsideRoot, realpathWithFallback, type RealPaths } from '../../node/localFiles';
import type { IndexService } from '../indexService';
import { fileExists } from '../fileStat';
import { shownFolderName } from '../notesFolder';
import { createPlannedNote } from './createNote';
import { coverageHtml, coverageWebviewOptions } from './html';
import { openBesidePanel } from './openFile';
import { translatedPageStrings, withLocalizedProblems } from './pageStrings';
import { syncStatus } from './syncStatus';

/** Delay that coalesces index changes while the panel is visible (about one animation frame). */
/** Real paths for the page's requests: the native realpath, Node's JavaScript one where the native fails. */
const REAL_PATHS: RealPaths = { realpath: realpathWithFallback(p => fs.realpath(p), promisify(portableRealpath)), lstat: p => fs.lstat(p) };

const VISIBLE_TICK_MS = 16;
/** Delay while only the status bar needs the figures. */
const HIDDEN_TICK_MS = 150;

export interface PostedModel {
  version: number;
  model: CoverageViewModel;
  /** ms from the first index change of this update to the post */
  queuedMs: number;
  /** ms spent building the view model and its diff */
  buildMs: number;
  /** Date.now() when it was posted */
  postedAt: number;
}

/**
 * The coverage panel's host: one panel per workspace. Rebuilds the view model when the index
 * changes (coalesced), posts only the difference to the page, and acts on the page's requests
 * after validating them (paths must be files the model names, inside the workspace).
 */
export class CoverageController implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  /** what the page currently holds (undefined until it said `ready`) */
  private pageModel: CoverageViewModel | undefined;
  /** the folder's name sent with the page's last whole model (its heading) */
  private pageFolder: string | undefined;
  /** the latest model built (for the status bar and for validating page requests) */
  private current: CoverageViewModel | undefined;
  private version = 0;
  private applied = 0;
  private posted: PostedModel | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private firstChangeAt = 0;
  /** when the index change behind each posted patch happened (version → ms timestamp) */
  private readonly changeTimes = new Map<number, number>();
  private latency: number | undefined;
  private renderMs: number | undefined;
  private probeId = 0;
  private readonly probes = new Map<number, (r: ProbeResult) => void>();
  private readonly appliedWaiters: { version: number; resolve: () => void }[] = [];
  private readonly modelEmitter = new vscode.EventEmitter<CoverageViewModel>();
  /** fires after every rebuild of the model (the status bar listens) */
  readonly onDidBuildModel = this.modelEmitter.event;

  /** the paths this host's file system can take: on Windows no `:` (a drive, or an NTFS alternate data stream) */
  private readonly pathRule: PathRule;

  /** `platform`: the host's (`process.platform`; tests give another) */
  constructor(private readonly context: vscode.ExtensionContext, private readonly service: IndexService, platform: NodeJS.Platform = process.platform) {
    this.pathRule = platform === 'win32' ? 'windows' : 'posix';
    this.disposables.push(this.modelEmitter);
    this.disposables.push(
      service.onDidChange(() => this.schedule()),
      // the matrices and the files they name are read first: the coverage is known before the load ends
      service.onDidReadSeries(() => this.schedule()),
      // another folder is indexed (emptied already): the page is told at once, so that a request it makes for a file of
      // the folder it showed is checked against the new model (and refused), not resolved in the new folder
      service.onDidChangeRoot(() => {
        if (this.timer !== undefined) { clearTimeout(this.timer); this.timer = undefined; }
        this.firstChangeAt = Date.now();
        // the whole model, with the new folder's name (a patch would change every row anyway)
        this.flush(true);
      }),
      // the same folder indexed, but its name on the page is another: a second folder added (or all but one removed),
      // the folder renamed in the .code-workspace, another folder now sharing its name
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        if (this.panel && this.pageModel && shownFolderName(this.service.root) !== this.pageFolder) this.sendFullModel();
      }),
    );
    void service.ready.then(() => this.schedule(), () => this.schedule());
  }

  /** Opens the panel beside the active editor, or reveals it. */
  show(): void {
    if (this.panel) {
      this.panel.reveal(undefined, true);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      COVERAGE_VIEW_TYPE,
      vscode.l10n.t('Coverage'),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      coverageWebviewOptions(this.context.extensionUri),
    );
    this.attach(panel);
  }

  /** Adopts a panel VS Code restored after a reload (WebviewPanelSerializer). */
  restore(panel: vscode.WebviewPanel): void {
    if (this.panel && this.panel !== panel) {
      panel.dispose();
      this.panel.reveal(undefined, true);
      return;
    }
    this.attach(panel);
  }

  get isOpen(): boolean { return this.panel !== undefined; }

  lastPosted(): PostedModel | undefined { return this.posted; }

  lastApplied(): number { return this.applied; }

  /** ms from the first index change to the page's acknowledgement of the resulting patch (last one). */
  lastLatency(): number | undefined { return this.latency; }

  /** ms the page spent rendering the last update it acknowledged (as it reported). */
  lastRenderMs(): number | undefined { return this.renderMs; }

  /** Resolves when the page has rendered `version` (or a later one). */
  whenApplied(version: number): Promise<void> {
    if (this.applied >= version) return Promise.resolve();
    return new Promise(resolve => this.appliedWaiters.push({ version, resolve }));
  }

  /** Asks the page what it rendered, after scrolling it to `scrollTo` px when given (tests). */
  probe(scrollTo?: number, timeoutMs = 5000): Promise<ProbeResult | undefined> {
    const panel = this.panel;
    if (!panel) return Promise.resolve(undefined);
    const id = ++this.probeId;
    return new Promise(resolve => {
      // a page that is still (re)loading drops messages: ask again until it answers or time runs out
      const msg: HostMessage = scrollTo === undefined ? { type: 'probe', id } : { type: 'probe', id, scrollTo };
      const ask = setInterval(() => void this.post(msg), 400);
      const timer = setTimeout(() => { clearInterval(ask); this.probes.delete(id); resolve(undefined); }, timeoutMs);
      this.probes.set(id, r => { clearTimeout(timer); clearInterval(ask); resolve(r); });
      void this.post(msg);
    });
  }

  /** The latest model (built now when none was built yet). */
  model(): CoverageViewModel {
    if (!this.current) this.current = withLocalizedProblems(buildViewModel(this.service.index));
    return this.current;
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.pageModel = undefined;
    panel.title = vscode.l10n.t('Coverage');
    const media = vscode.Uri.joinPath(this.context.extensionUri, 'media');
    panel.iconPath = { light: vscode.Uri.joinPath(media, 'coverage-light.svg'), dark: vscode.Uri.joinPath(media, 'coverage-dark.svg') };
    panel.webview.options = coverageWebviewOptions(this.context.extensionUri);
    panel.webview.html = coverageHtml(panel.webview, this.context.extensionUri, {
      title: vscode.l10n.t('Coverage'), loading: vscode.l10n.t('Loading coverage…'),
    });
    this.panelDisposables.push(
      panel.webview.onDidReceiveMessage(raw => { void this.onMessage(raw); }),
      panel.onDidChangeViewState(e => {
        // without retainContextWhenHidden the page is destroyed when hidden; it says `ready` when shown again
        if (!e.webviewPanel.visible) this.pageModel = undefined;
      }),
      panel.onDidDispose(() => this.detach()),
    );
  }

  private detach(): void {
    for (const d of this.panelDisposables) d.dispose();
    this.panelDisposables = [];
    this.panel = undefined;
    this.pageModel = undefined;
    for (const [, resolve] of this.probes) resolve({ images: 0, scripts: 0, frames: 0, inlineHandlers: 0, texts: [], rows: 0, scrollY: 0 });
    this.probes.clear();
  }

  private schedule(): void {
    if (this.timer !== undefined) return;
    this.firstChangeAt = Date.now();
    const delay = this.panel?.visible ? VISIBLE_TICK_MS : HIDDEN_TICK_MS;
    this.timer = setTimeout(() => { this.timer = undefined; this.flush(); }, delay);
  }

  /** Rebuilds the model and sends the page what changed (`full`: the whole model). */
  private flush(full = false): void {
    const t0 = Date.now();
    let next: CoverageViewModel;
    try {
      next = withLocalizedProblems(buildViewModel(this.service.index));
    } catch (e) {
      this.service.log.error(`coverage: building the view model failed: ${(e as Error).stack ?? String(e)}`);
      return;
    }
    this.current = next;
    this.modelEmitter.fire(next);
    if (!this.panel || !this.pageModel) return;
    if (full) { this.sendFullModel(); return; }
    const patch = diffViewModel(this.pageModel, next);
    if (!patch) return;
    this.pageModel = next;
    const version = ++this.version;
    const now = Date.now();
    this.posted = { version, model: next, queuedMs: now - this.firstChangeAt, buildMs: now - t0, postedAt: now };
    this.changeTimes.set(version, this.firstChangeAt);
    void this.post({ type: 'patch', version, patch });
  }

  private sendFullModel(): void {
    const model = this.model();
    this.pageModel = model;
    const version = ++this.version;
    this.posted = { version, model, queuedMs: 0, buildMs: 0, postedAt: Date.now() };
    const folder = shownFolderName(this.service.root);
    this.pageFolder = folder;
    const msg: HostMessage = { type: 'model', version, model, strings: translatedPageStrings() };
    if (folder !== undefined) msg.folder = folder;
    if (this.pathRule === 'windows') msg.pathRule = this.pathRule;
    void this.post(msg);
  }

  private async post(msg: HostMessage): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    try {
      const ok = await panel.webview.postMessage(msg);
      if (!ok && msg.type !== 'probe') this.pageModel = undefined;
    } catch (e) {
      this.service.log.warn(`coverage: posting to the page failed: ${(e as Error).message}`);
      this.pageModel = undefined;
    }
  }

  private async onMessage(raw: unknown): Promise<void> {
    const msg = parsePageMessage(raw);
    if (!msg) return;
    try {
      await this.handle(msg);
    } catch (e) {
      this.service.log.error(`coverage: handling "${msg.type}" failed: ${(e as Error).stack ?? String(e)}`);
    }
  }

  /** A path the page may act on: inside the workspace and named by the model the page holds. */
  private allowed(file: string, mustBeMissing: boolean): boolean {
    if (!isWorkspaceRelativePath(file, this.pathRule)) return false;
    const known = filesOfModel(this.pageModel ?? this.model());
    if (!(mustBeMissing ? known.missing : known.all).has(file)) return false;
    return this.service.fileOf(this.service.uriOf(file)) === file;
  }

  /**
   * A path the page asked for whose real path leaves the notes folder: a folder of it that is a symbolic link to
   * `/etc` (or a dangling link) would have the page open or create a file outside. Logged when refused, and the user is
   * told which was refused. A folder that is not on the local disk (a virtual workspace) has no links to follow here.
   */
  private async leadsOutside(file: string, action: 'open' | 'create'): Promise<boolean> {
    const root = this.service.root;
    const uri = this.service.uriOf(file);
    if (root?.scheme !== 'file' || uri.scheme !== 'file') return false;
    const rootReal = await REAL_PATHS.realpath(root.fsPath).catch(() => undefined);
    if (rootReal !== undefined && await realPathInsideRoot(rootReal, uri.fsPath, REAL_PATHS)) return false;
    this.service.log.warn(`coverage: refused to ${action} ${JSON.stringify(file)}: its real path is outside the notes folder`);
    void vscode.window.showWarningMessage(action === 'open'
      ? vscode.l10n.t('{0} was not opened: its real path is outside the notes folder (a symbolic link leads out of it).', file)
      : vscode.l10n.t('{0} was not created: its real path is outside the notes folder (a symbolic link leads out of it).', file));
    return true;
  }

  private async handle(msg: PageMessage): Promise<void> {
    switch (msg.type) {
      case 'ready':
        this.sendFullModel();
        return;
      case 'applied': {
        if (msg.version > this.version) return;
        this.applied = Math.max(this.applied, msg.version);
        this.renderMs = msg.renderMs;
        const changedAt = this.changeTimes.get(msg.version);
        if (changedAt !== undefined) this.latency = Date.now() - changedAt;
        for (const v of [...this.changeTimes.keys()]) if (v <= msg.version) this.changeTimes.delete(v);
        for (let i = this.appliedWaiters.length - 1; i >= 0; i--) {
          const w = this.appliedWaiters[i];
          if (w && w.version <= this.applied) { this.appliedWaiters.splice(i, 1); w.resolve(); }
        }
        return;
      }
      case 'probeResult': {
        const resolve = this.probes.get(msg.id);
        this.probes.delete(msg.id);
        resolve?.(msg.result);
        return;
      }
      case 'open': {
        if (!this.allowed(msg.file, false)) { this.service.log.warn(`coverage: ignored a request to open ${JSON.stringify(msg.file)}`); return; }
        if (await this.leadsOutside(msg.file, 'open')) return;
        // a file files.exclude hides is not in the index, but the page shows it written: it is opened when on disk
        if (!await fileExists(this.service, msg.file)) {
          // Create is offered for a missing note, not for another file (`scripts/build.sh`: the template is no content for it)
          const create = vscode.l10n.t('Create');
          const root = this.service.root?.toString();
          const offer = isMarkdown(msg.file) ? [create] : [];
          const pick = await vscode.window.showInformationMessage(vscode.l10n.t('{0} does not exist yet.', msg.file), ...offer);
          if (pick !== create) return;
          // another folder was indexed while the user was asked: the path named a note of the old one
          if (this.service.root?.toString() !== root) { this.service.log.warn(`coverage: not creating ${msg.file}: the notes folder changed`); return; }
          await createPlannedNote(this.service, msg.file, this.panel?.viewColumn);
          return;
        }
        await openBesidePanel(this.service, msg.file, msg.line, this.panel?.viewColumn);
        return;
      }
      case 'create': {
        if (!this.allowed(msg.file, true)) { this.service.log.warn(`coverage: ignored a request to create ${JSON.stringify(msg.file)}`); return; }
        if (await this.leadsOutside(msg.file, 'create')) return;
        await createPlannedNote(this.service, msg.file, this.panel?.viewColumn);
        return;
      }
      case 'sync': {
        const known = (this.pageModel ?? this.model()).series.some(s => s.id === msg.series && s.matrix !== undefined);
        if (!known) return;
        await syncStatus(this.service, msg.series);
        return;
      }
    }
  }

  /** Overall figure of the latest model. */
  overall(): ReturnType<typeof overallCoverage> {
    return overallCoverage(this.model());
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.panel?.dispose();
    this.detach();
    for (const d of this.disposables) d.dispose();
  }
}
