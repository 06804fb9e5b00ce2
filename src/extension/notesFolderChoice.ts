/**
 * Which workspace folder holds the notes (the extension indexes one folder): pure rules, no editor nor disk.
 * In order: the folder the `notesNavigator.notesFolder` setting names; the first folder with
 * `.notes-navigator.json` at its root; the first folder with a series README; the first folder.
 */

/** What is known of one workspace folder, in workspace order. */
export interface FolderFacts {
  name: string;
  /** `.notes-navigator.json` at its root (undefined: not looked at) */
  hasConfig?: boolean;
  /** a README.md with a `## Chapters` heading somewhere in it (undefined: not looked at) */
  hasSeriesReadme?: boolean;
}

/** Why a folder was chosen. */
export type FolderReason = 'setting' | 'config' | 'seriesReadme' | 'only' | 'first';

export interface FolderChoice {
  /** index of the chosen folder in the list given */
  index: number;
  reason: FolderReason;
  /** the setting's value when it named no folder of the workspace (it was then ignored) */
  unknownSetting?: string;
}

/** The setting's folder name: trimmed, undefined when empty or not a string. */
export function settingName(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * Chooses the notes folder; undefined when there is no folder. Facts not looked at count as absent, so a caller
 * may skip looking when the answer cannot depend on them (see `needsFacts`).
 */
export function chooseNotesFolder(folders: readonly FolderFacts[], setting: unknown): FolderChoice | undefined {
  if (folders.length === 0) return undefined;
  const wanted = settingName(setting);
  const named = wanted === undefined ? -1 : folders.findIndex(f => f.name === wanted);
  if (named >= 0) return { index: named, reason: 'setting' };
  const unknown = wanted === undefined ? {} : { unknownSetting: wanted };
  if (folders.length === 1) return { index: 0, reason: 'only', ...unknown };
  const withConfig = folders.findIndex(f => f.hasConfig === true);
  if (withConfig >= 0) return { index: withConfig, reason: 'config', ...unknown };
  const withSeries = folders.findIndex(f => f.hasSeriesReadme === true);
  if (withSeries >= 0) return { index: withSeries, reason: 'seriesReadme', ...unknown };
  return { index: 0, reason: 'first', ...unknown };
}

/** Whether the choice can depend on the folders' contents: several folders, none named by the setting. */
export function needsFacts(names: readonly string[], setting: unknown): boolean {
  const wanted = settingName(setting);
  return names.length > 1 && (wanted === undefined || !names.includes(wanted));
}

/** One line for the log: which folder, and why. */
export function describeChoice(name: string, choice: FolderChoice): string {
  const why: Record<FolderReason, string> = {
    setting: 'named by the notesNavigator.notesFolder setting',
    config: 'the first folder with .notes-navigator.json at its root',
    seriesReadme: 'the first folder with a series README (a README.md with a "## Chapters" heading)',
    only: 'the only workspace folder',
    first: 'the first workspace folder (no folder has .notes-navigator.json nor a series README)',
  };
  const ignored = choice.unknownSetting === undefined ? '' : `; the notesNavigator.notesFolder setting names no folder of this workspace ("${choice.unknownSetting}")`;
  return `notes folder: ${name} (${why[choice.reason]}${ignored})`;
}
