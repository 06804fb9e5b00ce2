import { realpathSync, statSync } from 'node:fs';
import * as vscode from 'vscode';
import { ConfigFileRefused, MAX_CONFIG_BYTES, readConfigFile as readLocalConfigFile } from '../node/configFile';
import { countPhrase } from './countPhrases';
import { filesExcludeGlobs } from './workspaceFiles';
import { defaultConfig, isPlainObject, mergeConfig, parseConfigText, type ConfigProblem, type NotesConfig } from '../core/config';

/** File name of the shared configuration at the workspace root (read by the CLI too). */
export const CONFIG_FILE = '.notes-navigator.json';

/** `notesNavigator.*` settings that overlay `.notes-navigator.json` (same names as its keys). */
const OVERLAY_KEYS = ['rules', 'include', 'exclude', 'requiredFields', 'allowedValues', 'priorityLabels', 'statusWords'] as const;

export type GroupBy = 'category' | 'priority' | 'batch';

/**
 * When the diagnostics are published (`notesNavigator.diagnostics.enabled`): `auto` only in a knowledge base (see
 * diagnosticsGate.ts), `always`, or `never`.
 */
export type DiagnosticsMode = 'auto' | 'always' | 'never';

/** Editor-only settings (not part of NotesConfig). */
export interface EditorSettings {
  diagnostics: DiagnosticsMode;
  debounceMs: number;
  groupBy: GroupBy;
}

export interface LoadedConfig {
  config: NotesConfig;
  /** problems of `.notes-navigator.json` and of the settings, prefixed with where they come from */
  problems: string[];
  /** what the log should say of the configuration that is no problem (the folder is not on disk) */
  notices: string[];
  /** whether the folder has `.notes-navigator.json` (readable or not) */
  hasFile: boolean;
}

/**
 * Builds the NotesConfig: defaults, then `.notes-navigator.json` at the workspace root, then the
 * `notesNavigator.*` settings the user set explicitly (defaults of the settings never override the file).
 */
export async function loadNotesConfig(root: vscode.Uri | undefined): Promise<LoadedConfig> {
  const problems: string[] = [];
  const notices: string[] = [];
  let config = defaultConfig();
  let hasFile = false;
  if (root) {
    const file = await readConfigFile(root);
    hasFile = file.text !== undefined || file.error !== undefined;
    if (file.folderMissing) notices.push(`the notes folder ${root.fsPath} is not on disk (${file.folderMissing}): there is no ${CONFIG_FILE} to read`);
    else if (file.error) problems.push(`${CONFIG_FILE}: could not be read: ${file.error}`);
    else if (file.text !== undefined) {
      const parsed = parseConfigText(file.text, config);
      config = parsed.config;
      problems.push(...parsed.problems.map(p => describe(CONFIG_FILE, p)));
    }
  }
  const overlay = settingsOverlay(root);
  if (Object.keys(overlay).length > 0) {
    const merged = mergeConfig(config, overlay);
    config = merged.config;
    problems.push(...merged.problems.map(p => describe('settings', p)));
  }
  const hidden = filesExcludeGlobs(root);
  if (hidden.length > 0) config = { ...config, unlistedGlobs: hidden };
  return { config, problems, notices, hasFile };
}

/**
 * Tells of the configuration's problems (in the log and a warning) and notices (in the log), each once until it is
 * gone: the file is read again at every reconcile with the disk.
 */
export class ConfigReports {
  /** what was said and is still so */
  private readonly told = new Set<string>();

  constructor(private readonly log: vscode.LogOutputChannel) {}

  /** Forgets what was said (another folder is indexed). */
  clear(): void {
    this.told.clear();
  }

  report({ problems, notices }: LoadedConfig): void {
    // one that is gone is forgotten: should it come back, it is said again
    for (const p of this.told) if (!problems.includes(p) && !notices.includes(p)) this.told.delete(p);
    for (const n of notices.filter(n => !this.told.has(n))) {
      this.told.add(n);
      this.log.info(`configuration: ${n}`);
    }
    const fresh = problems.filter(p => !this.told.has(p));
    if (fresh.length === 0) return;
    for (const p of fresh) {
      this.told.add(p);
      this.log.warn(`configuration: ${p}`);
    }
    const show = vscode.l10n.t('Show Log');
    void vscode.window
      .showWarningMessage(vscode.l10n.t('Notes Navigator: the configuration has {0}; the defaults are used for the values concerned.', countPhrase.problems(fresh.length)), show)
      .then(choice => { if (choice === show) this.log.show(true); });
  }
}

/**
 * Reads the indexed folder's configuration (loadNotesConfig), tells of its problems (ConfigReports), and keeps whether
 * the folder has `.notes-navigator.json`: a sign that it is a knowledge base (see diagnosticsGate.ts), announced when
 * it changes. The folder is read again at every reconcile with the disk and when the watcher reports the file.
 */
export class ConfigReader implements vscode.Disposable {
  private readonly reports: ConfigReports;
  private readonly hasFileEmitter = new vscode.EventEmitter<boolean>();
  private hasFileValue = false;
  /** the folder got `.notes-navigator.json`, or lost it */
  readonly onDidChangeHasFile = this.hasFileEmitter.event;

  constructor(log: vscode.LogOutputChannel) {
    this.reports = new ConfigReports(log);
  }

  /** Whether the folder had `.notes-navigator.json` when it was last read. */
  get hasFile(): boolean {
    return this.hasFileValue;
  }

  async read(root: vscode.Uri | undefined): Promise<NotesConfig> {
    const loaded = await loadNotesConfig(root);
    this.reports.report(loaded);
    if (loaded.hasFile !== this.hasFileValue) {
      this.hasFileValue = loaded.hasFile;
      this.hasFileEmitter.fire(loaded.hasFile);
    }
    return loaded.config;
  }

  /** Forgets what was said and read (another folder is indexed: the next `read` tells of it). */
  clear(): void {
    this.reports.clear();
    this.hasFileValue = false;
  }

  dispose(): void {
    this.hasFileEmitter.dispose();
  }
}

/** Whether the workspace or its folder sets one of the settings that stand in for `.notes-navigator.json` keys. */
export function hasWorkspaceOverlay(root: vscode.Uri | undefined): boolean {
  const section = vscode.workspace.getConfiguration('notesNavigator', root);
  return OVERLAY_KEYS.some(key => {
    const i = section.inspect<unknown>(key);
    return i?.workspaceValue !== undefined || i?.workspaceFolderValue !== undefined;
  });
}

/**
 * Explicitly set values of the overlay settings: the user's, workspace's and workspace folder's values merged as VS
 * Code merges them for `get` (the declared default left out, so that it never overrides the file).
 */
function settingsOverlay(root: vscode.Uri | undefined): Record<string, unknown> {
  const section = vscode.workspace.getConfiguration('notesNavigator', root);
  const out: Record<string, unknown> = {};
  for (const key of OVERLAY_KEYS) {
    const i = section.inspect<unknown>(key);
    const value = [i?.globalValue, i?.workspaceValue, i?.workspaceFolderValue].reduce(mergeScopes, undefined);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/**
 * A setting's value in a narrower scope over its value in a wider one, as VS Code merges them (its
 * ConfigurationModel.mergeContents): two objects key by key, and so on down; anything else (an array, a string, one
 * object and one other value) is replaced by the narrower value.
 */
export function mergeScopes(wider: unknown, narrower: unknown): unknown {
  if (narrower === undefined) return wider;
  if (!isPlainObject(wider) || !isPlainObject(narrower)) return narrower;
  const merged = new Map(Object.entries(wider));
  for (const [key, value] of Object.entries(narrower)) merged.set(key, merged.has(key) ? mergeScopes(merged.get(key), value) : value);
  return Object.fromEntries(merged); // (own properties, even one named __proto__)
}

/**
 * The editor-only settings. A value of the wrong type or out of range (a hand-edited settings.json) falls back to the
 * declared default, or is clamped, and `warn` is told which setting and why.
 */
export function editorSettings(root: vscode.Uri | undefined, warn: (message: string) => void = () => undefined): EditorSettings {
  const section = vscode.workspace.getConfiguration('notesNavigator', root);
  const groupBy = section.get<unknown>('tree.groupBy', 'category');
  const debounce = section.get<unknown>('diagnostics.debounceMs', 40);
  const enabled = section.get<unknown>('diagnostics.enabled', 'auto');
  const refuse = (key: string, value: unknown, used: unknown) =>
    warn(`setting notesNavigator.${key}: ${JSON.stringify(value) ?? String(value)} is not valid, ${JSON.stringify(used)} is used`);
  const diagnostics = diagnosticsMode(enabled);
  if (diagnostics === undefined) refuse('diagnostics.enabled', enabled, 'auto');
  let debounceMs = 40;
  if (typeof debounce === 'number' && Number.isFinite(debounce)) {
    // whole milliseconds (the setting is an integer): a fraction is rounded and reported, as an out-of-range value is clamped
    debounceMs = Math.min(5000, Math.max(0, Math.round(debounce)));
    if (debounceMs !== debounce) refuse('diagnostics.debounceMs', debounce, debounceMs);
  } else refuse('diagnostics.debounceMs', debounce, debounceMs);
  const group: GroupBy = groupBy === 'priority' || groupBy === 'batch' || groupBy === 'category' ? groupBy : 'category';
  if (group !== groupBy) refuse('tree.groupBy', groupBy, group);
  return { diagnostics: diagnostics ?? 'auto', debounceMs, groupBy: group };
}

/**
 * The mode a value of `notesNavigator.diagnostics.enabled` means: one of the modes, or the boolean the setting was
 * before them (`true` is `always`, `false` is `never`), also as the string a hand-edited settings.json may hold
 * (`"false"` must not turn them on); in any letter case, blanks around it ignored. Undefined for anything else.
 */
export function diagnosticsMode(value: unknown): DiagnosticsMode | undefined {
  const word = typeof value === 'string' ? value.trim().toLowerCase() : value;
  if (word === true || word === 'true') return 'always';
  if (word === false || word === 'false') return 'never';
  return word === 'auto' || word === 'always' || word === 'never' ? word : undefined;
}

/** True when only rule severities differ: the index can re-apply them without re-reading the notes. */
export function onlySeveritiesDiffer(a: NotesConfig, b: NotesConfig): boolean {
  const strip = (c: NotesConfig) => JSON.stringify({ ...c, rules: undefined });
  return strip(a) === strip(b);
}

/** True when the set of files to index may differ. */
export function filesDiffer(a: NotesConfig, b: NotesConfig): boolean {
  return JSON.stringify([a.include, a.exclude, a.unlistedGlobs]) !== JSON.stringify([b.include, b.exclude, b.unlistedGlobs]);
}

/**
 * The text of `.notes-navigator.json` (the workspace is untrusted, as in the CLI): only a regular file inside the
 * workspace folder of at most MAX_CONFIG_BYTES, never a FIFO or device (which could hang or never end) nor a link
 * out of the folder. On this machine's disk the CLI's reader checks it; elsewhere `workspace.fs.stat` tells its
 * type and size, and a symbolic link is refused (its target cannot be told).
 */
async function readConfigFile(root: vscode.Uri): Promise<{ text?: string; error?: string; folderMissing?: string }> {
  const uri = vscode.Uri.joinPath(root, CONFIG_FILE);
  try {
    if (root.scheme === 'file') {
      let folderReal: string;
      try {
        folderReal = realpathSync(root.fsPath);
        if (!statSync(folderReal).isDirectory()) return { folderMissing: 'ENOTDIR' };
      } catch (e) {
        // the workspace folder is gone, or was never there: no configuration, rather than one that cannot be read
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return { folderMissing: code };
        throw e;
      }
      return { text: readLocalConfigFile(uri.fsPath, folderReal) };
    }
    const st = await vscode.workspace.fs.stat(uri);
    if (st.type !== vscode.FileType.File) return { error: 'not a regular file inside the folder' };
    if (st.size > MAX_CONFIG_BYTES) return { error: `larger than ${MAX_CONFIG_BYTES / (1024 * 1024)} MB` };
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (bytes.length > MAX_CONFIG_BYTES) return { error: `larger than ${MAX_CONFIG_BYTES / (1024 * 1024)} MB` };
    return { text: new TextDecoder('utf-8').decode(bytes) };
  } catch (e) {
    if (e instanceof ConfigFileRefused) return { error: e.message.replace(/^is /, '') };
    // a missing file is the normal case; anything else is worth reporting
    if (e instanceof vscode.FileSystemError && (e.code === 'FileNotFound' || e.code === 'EntryNotFound')) return {};
    return { error: (e as NodeJS.ErrnoException).code ?? (e as Error).message ?? String(e) };
  }
}

function describe(where: string, p: ConfigProblem): string {
  return p.path ? `${where}: ${p.path}: ${p.message}` : `${where}: ${p.message}`;
}
