import * as vscode from 'vscode';
import type { Backlink } from '../../core/index/api';
import type { LinkKind } from '../../core/model';
import type { IndexService } from '../indexService';
import { labelled } from '../listText';
import { backlinkAccessibleLabel, backlinkSourceAccessibleLabel, linkKindName } from './accessibleLabels';

export const BACKLINKS_VIEW_ID = 'notesNavigator.backlinks';

interface SourceNode {
  kind: 'source';
  from: string;
  links: Backlink[];
}

interface LinkNode {
  kind: 'link';
  backlink: Backlink;
  parent: SourceNode;
}

type Node = SourceNode | LinkNode;

const KIND_ICONS: Record<LinkKind, string> = { link: 'link', image: 'file-media', ref: 'symbol-string', wikilink: 'symbol-reference' };

/** The notes that link to the active note (every link kind), grouped by linking note. */
export class BacklinksView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  readonly view: vscode.TreeView<Node>;
  private readonly disposables: vscode.Disposable[] = [];
  private target: string | undefined;
  private roots: SourceNode[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stale = true;

  constructor(private readonly service: IndexService) {
    this.view = vscode.window.createTreeView(BACKLINKS_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view, this.emitter,
      vscode.window.onDidChangeActiveTextEditor(() => {
        const file = this.activeNote();
        if (file) this.setTarget(file);
      }),
      service.onDidChange(() => this.schedule()),
      // another folder is indexed: the note shown was a path of the old one (the new folder may hold another note there)
      service.onDidChangeRoot(() => {
        this.target = undefined;
        this.schedule();
      }),
      this.view.onDidChangeVisibility(e => { if (e.visible && this.stale) this.update(); }),
    );
    void service.ready.then(() => this.update());
  }

  getChildren(element?: Node): Node[] {
    if (!element) return this.roots;
    if (element.kind === 'source') return element.links.map(backlink => ({ kind: 'link', backlink, parent: element }));
    return [];
  }

  getParent(element: Node): Node | undefined {
    return element.kind === 'link' ? element.parent : undefined;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const index = this.service.index;
    if (node.kind === 'source') {
      const title = index.note(node.from)?.title ?? node.from;
      const item = new vscode.TreeItem(title, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `backlink:${node.from}`;
      item.resourceUri = this.service.uriOf(node.from);
      item.iconPath = vscode.ThemeIcon.File;
      item.description = node.links.length === 1 ? node.from : `${node.from} · ${node.links.length}`;
      item.tooltip = node.from;
      item.accessibilityInformation = { label: backlinkSourceAccessibleLabel(title, node.from, node.links.length) };
      item.contextValue = 'backlink.source';
      return item;
    }
    const l = node.backlink.link;
    const label = l.text && l.text.trim() ? l.text.trim() : l.raw;
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = `backlink:${node.backlink.from}:${l.range.start.line}:${l.range.start.character}`;
    item.iconPath = new vscode.ThemeIcon(KIND_ICONS[l.kind]);
    item.description = vscode.l10n.t('line {0}', l.range.start.line + 1);
    // the icon's shape is the link's kind: the tooltip and the screen reader say it
    item.tooltip = labelled(vscode.l10n, linkKindName(l.kind), `${node.backlink.from}:${l.range.start.line + 1}:${l.range.start.character + 1} — ${l.raw}`);
    item.accessibilityInformation = { label: backlinkAccessibleLabel(label, l.kind, l.range.start.line + 1) };
    item.command = {
      command: 'vscode.open',
      title: vscode.l10n.t('Open Note'),
      arguments: [this.service.uriOf(node.backlink.from), { selection: this.service.toRange(l.range) } satisfies vscode.TextDocumentShowOptions],
    };
    return item;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }

  /** The active editor's note; undefined for a non-note editor (output, settings, a file the index does not read). */
  private activeNote(): string | undefined {
    const ed = vscode.window.activeTextEditor;
    const file = ed ? this.service.fileOf(ed.document.uri) : undefined;
    return file !== undefined && this.service.index.note(file) ? file : undefined;
  }

  private setTarget(file: string): void {
    if (file === this.target) return;
    this.target = file;
    this.update();
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => { this.timer = undefined; this.update(); }, 150);
  }

  private update(): void {
    if (!this.view.visible) {
      // a hidden view costs nothing: recomputed when it becomes visible
      this.stale = true;
      return;
    }
    this.stale = false;
    // the active editor may have moved to a note the index did not know yet (a rename: the editor shows the new
    // name before the index has it); the last note is kept when focus moved to a non-note editor, unless it is gone
    const active = this.activeNote();
    if (active) this.target = active;
    else if (this.target !== undefined && !this.service.index.note(this.target)) this.target = undefined;
    const file = this.target;
    const bySource = new Map<string, Backlink[]>();
    if (file) {
      for (const b of this.service.index.backlinks(file)) {
        if (b.from === file) continue;
        const list = bySource.get(b.from);
        if (list) list.push(b);
        else bySource.set(b.from, [b]);
      }
    }
    this.roots = [...bySource].map(([from, links]) => ({ kind: 'source' as const, from, links }));
    const title = file ? this.service.index.note(file)?.title ?? file : undefined;
    this.view.description = title;
    this.view.message = file && this.roots.length === 0 ? vscode.l10n.t('No notes link to {0}.', title ?? file) : undefined;
    this.emitter.fire(undefined);
  }
}

export function registerBacklinksView(context: vscode.ExtensionContext, service: IndexService): BacklinksView {
  const view = new BacklinksView(service);
  context.subscriptions.push(view);
  return view;
}
