/**
 * Which workspace folder holds the notes (the extension indexes one folder): pure rules, no editor nor disk.
 * In order: the folder the `notesNavigator.notesFolder` setting names (by its name, else by one of its paths); the
 * first folder with `.notes-navigator.json` at its root; the first folder with a series README; the first folder.
 */

/** What is known of one workspace folder, in workspace order. */
export interface FolderFacts {
  name: string;
  /**
   * Other values of the setting that name this folder: its path relative to the workspace file, its path on disk,
   * its URI (they tell apart folders that share a name)
   */
  paths?: readonly string[];
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
  /** how many folders have the name the setting gives, when several do (the first of them is taken) */
  sharedName?: number;
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
  const named = namedFolder(folders, setting);
  if (named) return { index: named.index, reason: 'setting', ...(named.shared > 1 ? { sharedName: named.shared } : {}) };
  const unknown = wanted === undefined ? {} : { unknownSetting: wanted };
  if (folders.length === 1) return { index: 0, reason: 'only', ...unknown };
  const withConfig = folders.findIndex(f => f.hasConfig === true);
  if (withConfig >= 0) return { index: withConfig, reason: 'config', ...unknown };
  const withSeries = folders.findIndex(f => f.hasSeriesReadme === true);
  if (withSeries >= 0) return { index: withSeries, reason: 'seriesReadme', ...unknown };
  return { index: 0, reason: 'first', ...unknown };
}

/**
 * The folder the setting names: the first folder of that name (`shared`: how many have it), else the folder one of
 * whose paths it is (`./` before it and `/` after it ignored); undefined when it names none.
 */
export function namedFolder(folders: readonly FolderFacts[], setting: unknown): { index: number; shared: number } | undefined {
  const wanted = settingName(setting);
  if (wanted === undefined) return undefined;
  const byName = folders.flatMap((f, i) => (f.name === wanted ? [i] : []));
  if (byName.length > 0) return { index: byName[0], shared: byName.length };
  const path = plainPath(wanted);
  const byPath = folders.findIndex(f => f.paths?.some(p => plainPath(p) === path));
  return byPath >= 0 ? { index: byPath, shared: 1 } : undefined;
}

function plainPath(p: string): string {
  const trimmed = p.replace(/^(\.\/)+/, '');
  return trimmed.length > 1 ? trimmed.replace(/\/+$/, '') : trimmed;
}

/**
 * The value of the setting that names the folder at `index`: its name when no other folder has it, else the first
 * of its paths that names it alone; undefined when none does.
 */
export function settingFor(folders: readonly FolderFacts[], index: number): string | undefined {
  const folder = folders[index];
  return [folder.name, ...(folder.paths ?? [])].find(value => {
    const named = namedFolder(folders, value);
    return named?.index === index && named.shared === 1;
  });
}

/** Whether the choice can depend on the folders' contents: several folders, none named by the setting. */
export function needsFacts(folders: readonly FolderFacts[], setting: unknown): boolean {
  return folders.length > 1 && namedFolder(folders, setting) === undefined;
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
  const shared = choice.sharedName === undefined ? ''
    : `; ${choice.sharedName} workspace folders are named "${name}": the first is indexed (Choose Notes Folder saves a path that tells them apart)`;
  return `notes folder: ${name} (${why[choice.reason]}${ignored}${shared})`;
}
