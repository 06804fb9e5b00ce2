import * as vscode from 'vscode';
import { escapeMarkdown } from './markdownEscape';
import type { Chapter, PriorityKey, SeriesModel } from '../../core/model';
import { ChapterNumberIndex } from '../../core/series/chapterNumbers';
import { formatDuration } from '../../core/series/duration';
import { isMarkdown } from '../../core/paths';
import { countPhrase } from '../countPhrases';
import { quote } from '../listText';
import { otherPriorityLabels, priorityName, priorityText } from '../priorityText';
import { chapterAccessibleLabel, groupAccessibleLabel, spokenClauses, spokenList } from './accessibleLabels';
import type { IndexService } from '../indexService';
import { shownFolderName } from '../notesFolder';
import { linkChapterItem, linkChapterStatus, registerOpenChapterLink } from './linkChapters';
import { revealSelected } from './revealSelected';
import { StudiedStore, studiedKeyIn } from './studied';
import { buildTree, findChapterNode, isFilterActive, type ChapterFacts, type ChapterNode, type GroupNode, type Progress, type SeriesNode, type TreeNode } from './treeModel';
import { ViewState } from './viewState';

export const SERIES_VIEW_ID = 'notesNavigator.series';

/** Delay that folds bursts of index updates (typing, bulk file events) into one tree refresh. */
const REFRESH_DELAY_MS = 120;

const PRIORITY_ICONS: Record<PriorityKey, [string, string]> = {
  'must-read': ['star-full', 'charts.red'],
  important: ['star-half', 'charts.yellow'],
  skippable: ['star-empty', 'charts.blue'],
};

/**
 * The Series view: series → group → chapter. The tree is rebuilt (cheaply, from the index) after index
 * updates, studied changes and grouping / filter changes; stable ids keep the user's expansion state.
 */
export class SeriesTree implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  readonly view: vscode.TreeView<TreeNode>;
  readonly state: ViewState;
  readonly studied: StudiedStore;
  private readonly emitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  private roots: SeriesNode[] | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The reveal being tried (see revealFile). */
  private revealing: { file: string; focus: boolean } | undefined;

  constructor(private readonly service: IndexService, memento: vscode.Memento) {
    this.state = new ViewState(memento, service.settings.groupBy);
    const firstFolder = () => vscode.workspace.workspaceFolders?.[0]?.uri.toString();
    this.studied = new StudiedStore(memento, () => studiedKeyIn(memento, service.root?.toString(), firstFolder()));
    this.view = vscode.window.createTreeView(SERIES_VIEW_ID, { treeDataProvider: this, showCollapseAll: true, manageCheckboxStateManually: true });
    this.disposables.push(
      this.view, this.emitter, this.state, this.studied, registerOpenChapterLink(),
      this.view.onDidChangeCheckboxState(e => {
        const on: string[] = [];
        const off: string[] = [];
        for (const [node, state] of e.items) {
          if (node.kind !== 'chapter') continue;
          (state === vscode.TreeItemCheckboxState.Checked ? on : off).push(node.chapter.file);
        }
        void this.studied.set(on, true).then(() => this.studied.set(off, false));
      }),
      service.onDidChange(() => this.scheduleRefresh()),
      service.onDidChangeRoot(() => {
        this.studied.reload();
        this.updateDescription();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.updateDescription()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.refreshNow()),
      service.onDidProgress(p => this.showProgress(p)),
      service.onDidChangeSettings(s => {
        if (s.groupBy !== this.defaultGroupBy) {
          this.defaultGroupBy = s.groupBy;
          void this.state.setDefaultGroupBy(s.groupBy);
        }
      }),
      this.state.onDidChange(() => this.refreshNow()),
      this.studied.onDidChange(() => this.refreshNow()),
      vscode.workspace.onDidRenameFiles(e => {
        for (const f of e.files) {
          const from = service.fileOf(f.oldUri);
          const to = service.fileOf(f.newUri);
          if (from && to) void this.studied.move(from, to);
        }
      }),
      vscode.window.onDidChangeActiveTextEditor(ed => { if (ed && this.view.visible) void this.revealFile(service.fileOf(ed.document.uri), false); }),
      this.view.onDidChangeVisibility(e => {
        const ed = vscode.window.activeTextEditor;
        if (e.visible && ed) void this.revealFile(service.fileOf(ed.document.uri), false);
      }),
    );
    this.defaultGroupBy = service.settings.groupBy;
    // the series are shown as soon as a load has read them, and again with every note's problems when it ends
    this.disposables.push(service.onDidReadSeries(() => this.refreshNow()));
    void service.ready.then(() => this.refreshNow());
  }

  private defaultGroupBy: string;

  // ------------------------------------------------------------------------------------ data provider

  getChildren(element?: TreeNode): TreeNode[] {
    if (!element) return this.currentRoots();
    if (element.kind === 'series') return element.groups;
    if (element.kind === 'group') return element.chapters;
    return [];
  }

  getParent(element: TreeNode): TreeNode | undefined {
    return element.kind === 'series' ? undefined : element.parent;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    if (node.kind === 'series') return this.seriesItem(node);
    if (node.kind === 'group') return this.groupItem(node);
    return this.chapterItem(node);
  }

  /** The current tree (rebuilt on demand after a change). */
  currentRoots(): SeriesNode[] {
    if (!this.roots) this.roots = this.build();
    return this.roots;
  }

  /** Rebuilds now (commands that change state call this; index updates go through the debounce). */
  refreshNow(): void {
    if (this.timer) { clearTimeout(this.timer); this.timer = undefined; }
    this.roots = undefined;
    this.updateDescription();
    this.emitter.fire(undefined);
  }

  /**
   * Selects the chapter node of `file` (of several: the one selected, else the one in its own series, else the first:
   * see findChapterNode); false when the tree shows no such chapter. A refresh that lands while VS Code reveals the
   * node (an index update's debounce, or the reveal the active editor's change starts) can make the reveal fail or do
   * nothing: see revealSelected.
   */
  async revealFile(file: string | undefined, focus: boolean): Promise<boolean> {
    if (!file) return false;
    // the newest reveal is the one tried (the active editor's change, the view's becoming visible and the command
    // often ask at once); it keeps the focus an older reveal of the same file asked for
    const wanted = { file, focus: focus || (this.revealing?.file === file && this.revealing.focus) };
    // a refresh about to land (an index update's debounce) is sent first: VS Code holds a reveal until the refreshes
    // sent before it are done, where one sent during it would empty the view's copy of the tree under it
    if (this.timer) this.refreshNow();
    this.revealing = wanted;
    const prefer = () => ({ selected: this.view.selection, series: this.service.index.seriesOf(file)?.readme });
    const outcome = await revealSelected(this.view, () => findChapterNode(this.currentRoots(), file, prefer()), wanted.focus, () => this.revealing !== wanted);
    if (this.revealing === wanted) this.revealing = undefined;
    if (outcome === 'dropped') this.service.log.warn(`the Series view did not select ${file}: VS Code dropped each reveal`);
    return outcome !== 'absent';
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }

  // ------------------------------------------------------------------------------------ building

  private scheduleRefresh(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => { this.timer = undefined; this.refreshNow(); }, REFRESH_DELAY_MS);
  }

  private build(): SeriesNode[] {
    const index = this.service.index;
    const numberIndexes = new Map<SeriesModel, ChapterNumberIndex>();
    const resolveNumber = (series: SeriesModel, num: string): Chapter | undefined => {
      let ni = numberIndexes.get(series);
      if (!ni) { ni = new ChapterNumberIndex(series); numberIndexes.set(series, ni); }
      const r = ni.resolve(num);
      return r.kind === 'found' ? r.chapter : undefined;
    };
    return buildTree(index.series(), {
      groupBy: this.state.groupBy,
      filter: this.state.filter,
      isStudied: f => this.studied.has(f),
      factsOf: f => this.factsOf(f),
      resolveNumber,
    });
  }

  factsOf(file: string): ChapterFacts {
    const index = this.service.index;
    const note = index.note(file);
    let problems = 0;
    let errors = 0;
    for (const d of index.diagnostics(file)) {
      if (d.severity === 'error') { errors++; problems++; } else if (d.severity === 'warning') problems++;
    }
    // a chapter in a folder files.exclude hides is not planned, as the README check and coverage say (nothing is known of it)
    const exists = note !== undefined || index.takenToExist(file);
    return { exists, draft: exists && index.fileStateOf(file) === 'draft', problems, errors, title: note?.title };
  }

  // ------------------------------------------------------------------------------------ rendering

  private seriesItem(node: SeriesNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.series.title || node.series.readme, vscode.TreeItemCollapsibleState.Expanded);
    item.id = node.id;
    item.iconPath = new vscode.ThemeIcon('library');
    item.description = groupDescription(node);
    item.contextValue = 'series';
    item.resourceUri = undefined;
    const md = new vscode.MarkdownString();
    // a series without a title is named by its README path, shown just below
    if (node.series.title) md.appendMarkdown(`**${escapeMarkdown(node.series.title)}**\n\n`);
    md.appendText(node.series.readme);
    md.appendMarkdown('\n\n');
    appendProgress(md, node);
    item.tooltip = md;
    item.accessibilityInformation = { label: groupAccessibleLabel(vscode.l10n.t('Series {0}', node.series.title || node.series.readme), progressInWords(node)) };
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Open README'), arguments: [this.service.uriOf(node.series.readme)] };
    return item;
  }

  private groupItem(node: GroupNode): vscode.TreeItem {
    let label: string;
    let icon: vscode.ThemeIcon;
    if (node.groupBy === 'category') {
      label = node.key;
      icon = new vscode.ThemeIcon('folder-library');
    } else if (node.groupBy === 'priority') {
      if (node.key === '') {
        label = vscode.l10n.t('No priority');
        icon = new vscode.ThemeIcon('circle-slash');
      } else {
        const p = node.key as PriorityKey;
        label = priorityText(p, otherPriorityLabels(p, this.service.index.config.priorityLabels[p] ?? [])[0]);
        icon = new vscode.ThemeIcon(PRIORITY_ICONS[p][0], new vscode.ThemeColor(PRIORITY_ICONS[p][1]));
      }
    } else if (node.key === '') {
      label = vscode.l10n.t('Not in the batch route');
      icon = new vscode.ThemeIcon('circle-slash');
    } else {
      label = node.theme ? vscode.l10n.t('Batch {0}: {1}', node.key, node.theme) : vscode.l10n.t('Batch {0}', node.key);
      icon = new vscode.ThemeIcon('layers');
    }
    // an empty README category has nothing to expand
    const item = new vscode.TreeItem(label, node.chapters.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.iconPath = icon;
    item.description = groupDescription(node);
    item.tooltip = appendProgress(new vscode.MarkdownString().appendMarkdown(`**${escapeMarkdown(label)}**\n\n`), node);
    item.accessibilityInformation = { label: groupAccessibleLabel(label, progressInWords(node)) };
    item.contextValue = `group.${node.groupBy}`;
    return item;
  }

  private chapterItem(node: ChapterNode): vscode.TreeItem {
    const { chapter: c, facts } = node;
    const item = new vscode.TreeItem(c.label, vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    const parts: string[] = [];
    if (c.priorityLabel) parts.push(c.priorityLabel);
    if (c.minutes !== undefined) parts.push(vscode.l10n.t('{0} min', c.minutes));
    if (!facts.exists && c.file !== '') parts.push(vscode.l10n.t('planned'));
    else if (facts.draft) parts.push(vscode.l10n.t('draft'));
    if (facts.problems > 0) parts.push(countPhrase.problems(facts.problems));
    item.description = parts.join(' · ');
    // the description reads as `必讀 · 90 min`, the priority is the icon's shape, studied only the checkbox
    item.accessibilityInformation = {
      label: chapterAccessibleLabel(c, facts, node.studied, ch => (ch.priority ? priorityName(ch.priority) : ch.priorityLabel)),
    };
    if (c.file === '') {
      linkChapterItem(item, c);
    } else if (facts.exists) {
      const [icon, color] = c.priority ? PRIORITY_ICONS[c.priority] : ['file', ''];
      item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
      item.resourceUri = this.service.uriOf(c.file);
      item.command = { command: 'vscode.open', title: vscode.l10n.t('Open Note'), arguments: [item.resourceUri] };
      item.contextValue = 'chapter.written';
      item.checkboxState = {
        state: node.studied ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked,
        tooltip: node.studied ? vscode.l10n.t('Studied (click to unmark)') : vscode.l10n.t('Mark as studied'),
      };
    } else {
      item.iconPath = new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('disabledForeground'));
      // a missing file that is no note (`scripts/build.sh`) has no "Create Note": the note template is not its content
      item.contextValue = isMarkdown(c.file) ? 'chapter.planned' : 'chapter.missing';
    }
    item.tooltip = this.chapterTooltip(node);
    return item;
  }

  private chapterTooltip(node: ChapterNode): vscode.MarkdownString {
    const { chapter: c, facts } = node;
    const md = new vscode.MarkdownString();
    md.appendMarkdown(`**${escapeMarkdown(facts.title ?? c.label)}**\n\n`);
    const meta: string[] = [];
    if (c.priority) meta.push(priorityText(c.priority, c.priorityLabel));
    if (c.minutes !== undefined) meta.push(vscode.l10n.t('{0} min', c.minutes));
    meta.push(c.category);
    md.appendText(meta.join(' · '));
    md.appendMarkdown('\n\n');
    md.appendText(c.file || c.href);
    md.appendMarkdown('\n\n');
    if (c.file === '') md.appendText(linkChapterStatus(c));
    else if (!facts.exists) {
      // an untrusted workspace hides Create Note (it writes a file): the tooltip does not send the user looking for it
      md.appendText(!isMarkdown(c.file) ? vscode.l10n.t('Missing: {0} does not exist', c.file)
        : vscode.workspace.isTrusted ? vscode.l10n.t('Planned: the note does not exist yet. Use "Create Note" to create it from a template.')
          : vscode.l10n.t('Planned: the note does not exist yet.'));
    }
    else {
      const status: string[] = [];
      status.push(node.studied ? vscode.l10n.t('Studied') : vscode.l10n.t('Not studied yet'));
      if (facts.draft) status.push(vscode.l10n.t('draft'));
      if (facts.problems > 0) status.push(vscode.l10n.t('{0}, {1}', countPhrase.errors(facts.errors), countPhrase.warnings(facts.problems - facts.errors)));
      md.appendText(status.join(' · '));
      const preview = this.service.index.note(c.file)?.preview;
      if (preview) {
        md.appendMarkdown('\n\n---\n\n');
        md.appendText(preview);
      }
    }
    return md;
  }

  private showProgress(p: { done: number; total: number } | undefined): void {
    this.view.message = p ? vscode.l10n.t('Indexing notes… {0}/{1}', p.done, p.total) : undefined;
    if (!p) this.updateDescription();
  }

  private updateDescription(): void {
    // in a multi-root workspace: which folder's series these are
    const folder = shownFolderName(this.service.root);
    const parts: string[] = folder === undefined ? [] : [folder];
    const g = this.state.groupBy;
    if (g === 'priority') parts.push(vscode.l10n.t('by priority'));
    else if (g === 'batch') parts.push(vscode.l10n.t('by batch'));
    const f = this.state.filter;
    if (isFilterActive(f)) {
      const bits: string[] = [...f.priorities.map(priorityName)];
      if (f.missingOnly) bits.push(vscode.l10n.t('planned only'));
      if (f.text.trim()) bits.push(quote(vscode.l10n, f.text.trim()));
      parts.push(vscode.l10n.t('filter: {0}', spokenList(bits)));
    }
    this.view.description = parts.length ? parts.join(' · ') : undefined;
  }
}

/** `3/21 studied · 2 written` */
export function progressText(p: Progress): string {
  return vscode.l10n.t('{0}/{1} studied · {2} written', p.studied, p.total, p.written);
}

/**
 * A series' or group's description. Progress counts all its chapters, also those a filter hides, so under a filter
 * it first says how many are shown (`2 of 7 shown · 3/7 studied · 5 written`), as the Problems view says `Showing 5 of 20`.
 */
export function groupDescription(node: SeriesNode | GroupNode): string {
  const progress = progressText(node.progress);
  return node.shown === undefined ? progress : `${vscode.l10n.t('{0} of {1} shown', node.shown, node.progress.total)} · ${progress}`;
}

/** The long progress sentence, and under a filter how many chapters match it. */
function progressInWords(node: SeriesNode | GroupNode): string {
  const long = progressLong(node.progress);
  return node.shown === undefined ? long : spokenClauses([shownLong(node.shown, node.progress.total), long]);
}

function appendProgress(md: vscode.MarkdownString, node: SeriesNode | GroupNode): vscode.MarkdownString {
  if (node.shown !== undefined) md.appendText(shownLong(node.shown, node.progress.total)).appendMarkdown('\n\n');
  return md.appendText(progressLong(node.progress));
}

function shownLong(shown: number, total: number): string {
  return total === 1 ? vscode.l10n.t('{0} of 1 chapter matches the filter', shown) : vscode.l10n.t('{0} of {1} chapters match the filter', shown, total);
}

function progressLong(p: Progress): string {
  return vscode.l10n.t('{0} of {1} studied, {2} written, {3} of reading left', p.studied, countPhrase.chapters(p.total), p.written, readingTime(p.minutesLeft));
}

/** `45 min`, `2 h`, `1 h 30 min`: as the coverage page writes its totals. */
function readingTime(minutes: number): string {
  return formatDuration(minutes, {
    minutes: m => vscode.l10n.t('{0} min', m),
    hours: h => vscode.l10n.t('{0} h', h),
    hoursMinutes: (h, m) => vscode.l10n.t('{0} h {1} min', h, m),
  });
}

export function registerSeriesTree(context: vscode.ExtensionContext, service: IndexService): SeriesTree {
  const tree = new SeriesTree(service, context.workspaceState);
  context.subscriptions.push(tree);
  return tree;
}
