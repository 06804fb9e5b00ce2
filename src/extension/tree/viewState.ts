import * as vscode from 'vscode';
import type { PriorityKey } from '../../core/model';
import type { GroupBy } from '../config';
import { isFilterActive, NO_FILTER, type TreeFilter } from './treeModel';

const GROUP_KEY = 'notesNavigator.tree.groupBy';
const FILTER_KEY = 'notesNavigator.tree.filter';
const PRIORITIES: PriorityKey[] = ['must-read', 'important', 'skippable'];

/**
 * Grouping and filter of the Series view, remembered per workspace. The grouping starts from the
 * `notesNavigator.tree.groupBy` setting; changing the setting resets it.
 */
export class ViewState implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;

  constructor(private readonly memento: vscode.Memento, private defaultGroupBy: GroupBy) {
    void this.updateContext();
  }

  get groupBy(): GroupBy {
    const v = this.memento.get<string>(GROUP_KEY);
    return v === 'category' || v === 'priority' || v === 'batch' ? v : this.defaultGroupBy;
  }

  get filter(): TreeFilter {
    return sanitizeFilter(this.memento.get<unknown>(FILTER_KEY));
  }

  async setGroupBy(g: GroupBy): Promise<void> {
    await this.memento.update(GROUP_KEY, g);
    this.emitter.fire();
  }

  /** The setting changed: it becomes the grouping. */
  async setDefaultGroupBy(g: GroupBy): Promise<void> {
    this.defaultGroupBy = g;
    await this.memento.update(GROUP_KEY, undefined);
    this.emitter.fire();
  }

  async setFilter(f: Partial<TreeFilter>): Promise<void> {
    await this.memento.update(FILTER_KEY, sanitizeFilter({ ...this.filter, ...f }));
    await this.updateContext();
    this.emitter.fire();
  }

  async clearFilter(): Promise<void> {
    await this.memento.update(FILTER_KEY, undefined);
    await this.updateContext();
    this.emitter.fire();
  }

  dispose(): void {
    this.emitter.dispose();
  }

  private async updateContext(): Promise<void> {
    await vscode.commands.executeCommand('setContext', 'notesNavigator.filterActive', isFilterActive(this.filter));
  }
}

/** A filter from untrusted storage or command arguments: unknown parts are dropped. */
export function sanitizeFilter(v: unknown): TreeFilter {
  if (typeof v !== 'object' || v === null) return { ...NO_FILTER };
  const o = v as Record<string, unknown>;
  const priorities = Array.isArray(o.priorities) ? PRIORITIES.filter(p => (o.priorities as unknown[]).includes(p)) : [];
  return {
    priorities,
    missingOnly: o.missingOnly === true,
    text: typeof o.text === 'string' ? o.text.slice(0, 200) : '',
  };
}
