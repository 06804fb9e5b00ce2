import { posix } from 'node:path';
import * as vscode from 'vscode';
import { isReadmeName, isSeriesReadme } from '../core/series/readmeSections';
import { CONFIG_FILE } from './config';
import type { IndexService } from './indexService';
import { chooseNotesFolder, describeChoice, namedFolder, needsFacts, settingFor, type FolderFacts } from './notesFolderChoice';
import { findSomeFiles } from './workspaceFiles';
import { errorText } from './workspaceLoad';

/**
 * The notes folder of a multi-root workspace (the extension indexes one folder): chosen by the rules of
 * notesFolderChoice.ts once the extension is active, again when the `notesNavigator.notesFolder` setting changes or
 * the indexed folder leaves the workspace, and by hand with "Choose Notes Folder" (which writes the setting).
 */

const SECTION = 'notesNavigator';
const KEY = 'notesFolder';
/** At most this many README.md files per folder are read when looking for a series. */
const README_LIMIT = 50;
/** A walk looking for them (in a folder the file search cannot search) visits at most this many entries. */
const README_WALK_LIMIT = 20_000;

function workspaceFolders(): readonly vscode.WorkspaceFolder[] {
  return vscode.workspace.workspaceFolders ?? [];
}

function settingValue(): unknown {
  return vscode.workspace.getConfiguration(SECTION).get<unknown>(KEY);
}

/**
 * What the setting may give for each folder: its name, and its paths (relative to the workspace file when it is in
 * the same file system, on disk, its URI), which tell apart folders of the same name.
 */
function folderFacts(folders: readonly vscode.WorkspaceFolder[]): FolderFacts[] {
  const file = vscode.workspace.workspaceFile;
  return folders.map(f => {
    const paths: string[] = [];
    if (file && file.scheme === f.uri.scheme && file.authority === f.uri.authority && file.scheme !== 'untitled') {
      paths.push(posix.relative(posix.dirname(file.path), f.uri.path) || '.');
    }
    if (f.uri.scheme === 'file') paths.push(f.uri.fsPath);
    paths.push(f.uri.toString());
    return { name: f.name, paths };
  });
}

/** The folder the setting names, if any. */
function settingFolder(): vscode.WorkspaceFolder | undefined {
  const folders = workspaceFolders();
  const named = namedFolder(folderFacts(folders), settingValue());
  return named && folders[named.index];
}

/** Whether the `notesNavigator.notesFolder` setting names `root`: the user chose it as the notes folder. */
export function namesNotesFolder(root: vscode.Uri | undefined): boolean {
  return root !== undefined && settingFolder()?.uri.toString() === root.toString();
}

/**
 * The folder to index until `chooseFolder` answers, without reading the disk (activation must not wait for it): the
 * folder the setting names, else the first one.
 */
export function provisionalNotesFolder(): vscode.Uri | undefined {
  return (settingFolder() ?? workspaceFolders()[0])?.uri;
}

/**
 * The name of the indexed folder when the workspace has several (the Series view says which one it shows), with its
 * path when another folder has the same name.
 */
export function shownFolderName(root: vscode.Uri | undefined): string | undefined {
  const folders = workspaceFolders();
  if (!root || folders.length < 2) return undefined;
  const index = folders.findIndex(f => f.uri.toString() === root.toString());
  if (index < 0) return undefined;
  const name = folders[index].name;
  if (!folders.some((f, i) => i !== index && f.name === name)) return name;
  return `${name} (${folderFacts(folders)[index].paths![0]})`;
}

/** Chooses the notes folder, reading of the folders only what the choice depends on, and logs why. */
export async function chooseFolder(log: vscode.LogOutputChannel): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = [...workspaceFolders()];
  const setting = settingValue();
  const facts = folderFacts(folders);
  if (needsFacts(facts, setting)) {
    const configs = await Promise.all(folders.map(f => hasConfigFile(f.uri)));
    configs.forEach((has, i) => { facts[i].hasConfig = has; });
    // a series README matters only when no folder has a configuration file
    if (!configs.includes(true)) {
      const series = await Promise.all(folders.map(f => hasSeriesReadme(f.uri, log)));
      series.forEach((has, i) => { facts[i].hasSeriesReadme = has; });
    }
  }
  const choice = chooseNotesFolder(facts, setting);
  if (!choice) {
    log.info('no workspace folder: nothing to index');
    return undefined;
  }
  log.info(describeChoice(folders[choice.index].name, choice));
  return folders[choice.index];
}

async function hasConfigFile(folder: vscode.Uri): Promise<boolean> {
  try {
    return (await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder, CONFIG_FILE))).type === vscode.FileType.File;
  } catch {
    return false;
  }
}

/** Whether one of the folder's first README.md files (any case, outside node_modules and .git) has `## Chapters`. */
async function hasSeriesReadme(folder: vscode.Uri, log: vscode.LogOutputChannel): Promise<boolean> {
  try {
    const found = await findSomeFiles(folder, '**/[Rr][Ee][Aa][Dd][Mm][Ee].[Mm][Dd]', README_LIMIT, log, README_WALK_LIMIT);
    const readmes = found.filter(uri => isReadmeName(uri.path)).slice(0, README_LIMIT);
    const answers = await Promise.all(readmes.map(async uri => {
      try {
        return isSeriesReadme(new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)));
      } catch {
        return false;
      }
    }));
    return answers.includes(true);
  } catch (e) {
    log.warn(`looking for a series README in ${folder.toString(true)} failed: ${errorText(e)}`);
    return false;
  }
}

/** Chooses the folder for the service, one choice at a time, and re-roots the service when it differs. */
export class NotesFolderChooser implements vscode.Disposable {
  private chain: Promise<unknown> = Promise.resolve();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly service: IndexService) {
    this.subscriptions = [
      vscode.workspace.onDidChangeConfiguration(e => {
        if (e.affectsConfiguration(`${SECTION}.${KEY}`)) void this.repick();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(e => {
        const root = this.service.root?.toString();
        const named = settingFolder()?.uri.toString(); // as the choice reads it
        const lost = root !== undefined && e.removed.some(f => f.uri.toString() === root);
        const first = root === undefined && e.added.length > 0;
        const wanted = named !== root && e.added.some(f => f.uri.toString() === named);
        if (lost || first || wanted) void this.repick();
      }),
    ];
  }

  /** The folder to index first (for IndexService.start). */
  initial = (): Promise<vscode.Uri | undefined> => this.serial(async () => (await chooseFolder(this.service.log))?.uri);

  /** Chooses again; resolves once the service indexes the chosen folder (at once when it already did). */
  repick(): Promise<void> {
    // the switch is queued in the order of the choices, but not waited for here: the service's queue waits for the
    // first load, which waits for `initial`, which would wait behind this choice (no folder ever indexed)
    let switched: Promise<void> = Promise.resolve();
    return this.serial(async () => {
      const folder = await chooseFolder(this.service.log);
      switched = this.service.reroot(folder?.uri);
    }).then(() => switched);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.chain.then(task);
    this.chain = run.catch(e => this.service.log.error(`choosing the notes folder failed: ${errorText(e)}`));
    return run;
  }
}

interface FolderItem extends vscode.QuickPickItem {
  folder: vscode.WorkspaceFolder;
}

/**
 * "Choose Notes Folder": a quick pick of the workspace folders (the indexed one marked); the pick is saved in the
 * workspace's `notesNavigator.notesFolder` setting (its name, or its path when another folder has the same name)
 * and indexed. Resolves with the picked folder's name.
 */
export async function chooseNotesFolderCommand(service: IndexService, chooser: NotesFolderChooser): Promise<string | undefined> {
  const folders = workspaceFolders();
  if (folders.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder first: Notes Navigator checks the notes of a workspace folder.'));
    return undefined;
  }
  const current = service.root?.toString();
  const items: FolderItem[] = folders.map(folder => ({
    label: folder.name,
    description: folder.uri.toString() === current ? vscode.l10n.t('indexed now') : undefined,
    detail: folder.uri.scheme === 'file' ? folder.uri.fsPath : folder.uri.toString(true),
    folder,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Notes Navigator: Choose Notes Folder'),
    placeHolder: vscode.l10n.t('The workspace folder whose notes are indexed'),
  });
  if (!picked) return undefined;
  const index = folders.indexOf(picked.folder);
  const value = settingFor(folderFacts(folders), index) ?? picked.folder.uri.toString();
  try {
    await vscode.workspace.getConfiguration(SECTION).update(KEY, value, vscode.ConfigurationTarget.Workspace);
  } catch (e) {
    // not saved: the folder is still indexed for this session
    void vscode.window.showWarningMessage(vscode.l10n.t('Notes Navigator: the notes folder could not be saved in the settings: {0}', errorText(e)));
    await service.reroot(picked.folder.uri);
    return picked.folder.name;
  }
  await chooser.repick();
  return picked.folder.name;
}

/** Wires the chooser and its command; the returned chooser gives IndexService.start the first folder. */
export function registerNotesFolder(context: vscode.ExtensionContext, service: IndexService): NotesFolderChooser {
  const chooser = new NotesFolderChooser(service);
  context.subscriptions.push(
    chooser,
    vscode.commands.registerCommand('notesNavigator.chooseNotesFolder', () => chooseNotesFolderCommand(service, chooser)),
  );
  return chooser;
}
