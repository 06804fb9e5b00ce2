import * as vscode from 'vscode';
import type { IndexService } from '../indexService';
import type { SeriesTree } from '../tree/seriesTree';
import { checkWorkspaceCommand } from './checkWorkspace';
import { createNoteCommand, newNoteCommand, type NewNoteArgs } from './createNote';
import { createSeriesCommand, type CreateSeriesArgs } from './createSeries';
import { nextChapterCommand, openChapterCommand, revealInTreeCommand } from './navigate';
import { filterCommand, groupByCommand, toggleStudiedCommand } from './treeCommands';

/**
 * Registers engineer A's commands (the manifest contributes all of them; showCoverage / syncStatus and
 * fixAll are registered by the coverage and language-feature modules). Each handler returns a value so
 * integration tests can check what happened.
 */
export function registerCommands(context: vscode.ExtensionContext, service: IndexService, tree: SeriesTree): void {
  const reg = (id: string, fn: (...args: unknown[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(`notesNavigator.${id}`, fn));
  reg('openChapter', arg => openChapterCommand(service, arg));
  reg('nextChapter', () => nextChapterCommand(service, tree));
  reg('newNote', arg => newNoteCommand(service, isObject(arg) ? (arg as NewNoteArgs) : {}));
  reg('createNote', arg => createNoteCommand(service, arg));
  reg('createSeries', arg => createSeriesCommand(service, typeof arg === 'string' ? { folder: arg } : isObject(arg) ? (arg as CreateSeriesArgs) : {}));
  reg('checkWorkspace', () => checkWorkspaceCommand(service));
  reg('revealInTree', arg => revealInTreeCommand(service, tree, arg));
  reg('showLog', () => service.log.show(true));
  reg('toggleStudied', arg => toggleStudiedCommand(service, tree, arg));
  reg('groupBy', arg => groupByCommand(tree, arg));
  reg('filter', arg => filterCommand(service, tree, arg));
  reg('clearFilter', () => tree.state.clearFilter());
  reg('refresh', () => service.rescan());
}

function isObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !(v instanceof vscode.Uri) && !Array.isArray(v);
}
