import type * as vscode from 'vscode';
import { CONFIG_FILE, hasWorkspaceOverlay } from './config';
import type { IndexService } from './indexService';
import { namesNotesFolder } from './notesFolder';

/**
 * Whether the Problems panel lists the index's findings (`notesNavigator.diagnostics.enabled`): `always`, `never`, or
 * by default `auto`, only when the notes folder is a knowledge base. The extension activates in any folder holding
 * Markdown (its views and Create Series help to start one); a code repository's README, CHANGELOG and docs are no
 * notes, and a warning per file would fill the panel uninvited. An explicit check (Check Workspace, the CLI) checks
 * every note whatever the mode.
 */

/** Why the findings are not published now: turned off (`never`), or `auto` in a folder that is no knowledge base; undefined when they are. */
export function diagnosticsWithheld(service: IndexService): 'never' | 'auto' | undefined {
  switch (service.settings.diagnostics) {
    case 'always': return undefined;
    case 'never': return 'never';
    case 'auto': return isKnowledgeBase(service) ? undefined : 'auto';
  }
}

/**
 * Whether the notes folder is a knowledge base: the index holds a series (a README with a `## Chapters` section), the
 * folder has `.notes-navigator.json`, the `notesNavigator.notesFolder` setting names it, or the workspace (or the
 * folder) sets one of the settings that stand in for `.notes-navigator.json` (`rules`, `include` …): a user's own
 * settings, which reach every window, do not count. Cheap enough for every
 * change the index announces: the index knows whether it has a series, the configuration reader whether it read the
 * file; the setting is looked up only in a folder with neither.
 */
export function isKnowledgeBase(service: IndexService): boolean {
  const root = service.root?.toString() ?? '';
  if (knowledgeBases.get(service) === root) return true;
  const is = service.index.hasSeries() || service.configFile.hasFile || namesNotesFolder(service.root)
    || hasWorkspaceOverlay(service.root);
  if (is) knowledgeBases.set(service, root);
  return is;
}

/**
 * The notes folder each service found a knowledge base, which it stays until another folder is indexed or a setting or
 * the configuration file changes (see judgeAgain): a series README whose `## Chapters` is being retyped, or renamed
 * (removed, then added), must not empty the Problems panel and publish every finding again.
 */
const knowledgeBases = new WeakMap<IndexService, string>();

/** Judges the folder afresh at the next question (a setting changed, `.notes-navigator.json` came or went). */
export function judgeAgain(service: IndexService): void {
  knowledgeBases.delete(service);
}

/** What the log says (once per notes folder) when `auto` withholds the findings of `root`. */
export function withheldLogLine(root: vscode.Uri): string {
  return `diagnostics: ${root.toString(true)} holds no series README (a README.md with a "## Chapters" section) nor ${CONFIG_FILE}, `
    + 'and the notesNavigator.notesFolder setting does not name it: the Problems panel lists none of its findings '
    + '(notesNavigator.diagnostics.enabled is "auto"; "always" lists them; Check Workspace tells what it finds)';
}
