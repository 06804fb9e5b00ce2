import * as vscode from 'vscode';
import type { PriorityKey } from '../../core/model';
import { listsChapter } from '../../core/series/listing';
import type { GroupBy } from '../config';
import type { IndexService } from '../indexService';
import { otherPriorityLabels, priorityName } from '../priorityText';
import { joinList } from '../listText';
import type { SeriesTree } from '../tree/seriesTree';
import { sanitizeFilter } from '../tree/viewState';
import { explainNotANote } from '../features/notANote';
import { fileFromArg } from './args';

/** "Group By": category, priority or batch route (argument or quick pick). */
export async function groupByCommand(tree: SeriesTree, arg?: unknown): Promise<GroupBy | undefined> {
  let g: GroupBy | undefined = arg === 'category' || arg === 'priority' || arg === 'batch' ? arg : undefined;
  if (!g) {
    const current = tree.state.groupBy;
    const items: (vscode.QuickPickItem & { key: GroupBy })[] = [
      { key: 'category', label: '$(folder-library) ' + vscode.l10n.t('Category'), description: vscode.l10n.t('README categories') },
      { key: 'priority', label: '$(star-full) ' + vscode.l10n.t('Priority'), description: vscode.l10n.t('must-read, important, skippable') },
      { key: 'batch', label: '$(layers) ' + vscode.l10n.t('Batch route'), description: vscode.l10n.t('the README batch learning route') },
    ];
    for (const i of items) if (i.key === current) i.detail = vscode.l10n.t('current grouping');
    const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Group Chapters By') });
    g = pick?.key;
  }
  if (g) await tree.state.setGroupBy(g);
  return g;
}

/**
 * "Filter": by priority, planned chapters only, or text. An object argument (`{ priorities, missingOnly,
 * text }`) sets the filter directly; otherwise a quick pick asks.
 */
export async function filterCommand(service: IndexService, tree: SeriesTree, arg?: unknown): Promise<void> {
  if (arg && typeof arg === 'object' && !Array.isArray(arg)) {
    await tree.state.setFilter(sanitizeFilter({ ...tree.state.filter, ...(arg as object) }));
    return;
  }
  const f = tree.state.filter;
  type Item = vscode.QuickPickItem & { action: 'priority' | 'missing' | 'text' | 'clear' };
  const items: Item[] = [
    { action: 'priority', label: '$(star-full) ' + vscode.l10n.t('Priority…'), description: joinList(vscode.l10n, f.priorities.map(priorityName)) },
    // the icon shows the toggle's state; a screen reader does not read icons: the description says it
    {
      action: 'missing', label: (f.missingOnly ? '$(check) ' : '$(circle-large-outline) ') + vscode.l10n.t('Planned chapters only'),
      description: f.missingOnly ? vscode.l10n.t('on') : vscode.l10n.t('off'),
    },
    { action: 'text', label: '$(search) ' + vscode.l10n.t('Text…'), description: f.text },
    { action: 'clear', label: '$(clear-all) ' + vscode.l10n.t('Clear filter') },
  ];
  const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Filter Chapters') });
  if (!pick) return;
  if (pick.action === 'clear') return tree.state.clearFilter();
  if (pick.action === 'missing') return tree.state.setFilter({ missingOnly: !f.missingOnly });
  if (pick.action === 'text') {
    const text = await vscode.window.showInputBox({ title: vscode.l10n.t('Filter Chapters by Text'), value: f.text, prompt: vscode.l10n.t('Matches chapter labels, file paths and note titles') });
    if (text !== undefined) await tree.state.setFilter({ text });
    return;
  }
  const keys: PriorityKey[] = ['must-read', 'important', 'skippable'];
  const labels = service.index.config.priorityLabels;
  const picks = await vscode.window.showQuickPick(
    keys.map(k => ({ label: priorityName(k), description: joinList(vscode.l10n, otherPriorityLabels(k, labels[k])), key: k, picked: f.priorities.includes(k) })),
    { title: vscode.l10n.t('Show Priorities'), canPickMany: true },
  );
  if (picks) await tree.state.setFilter({ priorities: picks.map(p => p.key) });
}

/**
 * "Toggle Studied" on a chapter node, a Uri or the active note. Only a chapter of a series takes the mark (the
 * Series view is the only place that shows it); the status bar tells what happened, for the palette's sake.
 */
export async function toggleStudiedCommand(service: IndexService, tree: SeriesTree, arg?: unknown): Promise<boolean | undefined> {
  const file = fileFromArg(service, arg);
  if (!file) {
    // the palette's active editor holds a file outside the notes folder: say so rather than do nothing
    const editor = vscode.window.activeTextEditor;
    if (arg === undefined && editor) explainNotANote(service, editor.document.uri, undefined, 'outside');
    return undefined;
  }
  if (!service.index.series().some(s => listsChapter(s, file))) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} is not a chapter of a series: only chapters are marked as studied.', file));
    return undefined;
  }
  // a chapter the index does not hold is not read yet; one files.exclude hides is taken to exist, as the tree shows it
  if (!service.index.hasFile(file) && !service.index.takenToExist(file)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} does not exist: create its note before marking it as studied.', file));
    return undefined;
  }
  const now = await tree.studied.toggle(file);
  const name = service.index.note(file)?.title ?? file;
  vscode.window.setStatusBarMessage(now ? vscode.l10n.t('Marked {0} as studied.', name) : vscode.l10n.t('{0} is no longer marked as studied.', name), 3000);
  return now;
}
