// The random steps of the consistency test (consistency.test.ts) on the notes folder `root`, through the real editor
// and the real disk: typing into buffers (TextEditor.edit or WorkspaceEdit), saving, reverting, closing unsaved,
// undoing, creating, deleting and renaming files and folders (WorkspaceEdit or node fs), assets, the config. Each
// step returns what it did, for a failure's message.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { FolderReader } from '../../src/cli/walk';
import { CONFIG_FILE } from '../../src/extension/config';
import type { Rng } from '../bench/corpus';
import { configText, mutateText } from '../unit/support/mutate';
import { chapterNote } from './support';

const pickOf = (r: Rng) => <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

/** Workspace-relative paths of the Markdown files on disk and in open buffers. */
function markdownFiles(root: string): string[] {
  const out = new Set<string>();
  for (const f of new FolderReader(root, () => undefined).listSync()) if (/\.md$/i.test(f)) out.add(f);
  for (const d of vscode.workspace.textDocuments) {
    const rel = relOf(root, d.uri);
    if (rel && !d.isClosed && /\.md$/i.test(rel)) out.add(rel);
  }
  return [...out].sort();
}

export function relOf(root: string, uri: vscode.Uri): string | undefined {
  if (uri.scheme !== 'file') return undefined;
  const rel = path.relative(root, uri.fsPath);
  return rel.startsWith('..') || path.isAbsolute(rel) ? undefined : rel.split(path.sep).join('/');
}

const uriIn = (root: string, rel: string) => vscode.Uri.file(path.join(root, ...rel.split('/')));

const sleep = (ms: number) => new Promise(res => setTimeout(res, ms));

/**
 * Restarts VS Code's file watcher and waits until it reports a file written in the folder `rel`. Its Linux backend
 * (@parcel/watcher 2.5, inotify; parcel-bundler/watcher#97) watches a folder that arrives with folders already inside
 * it (`mkdir -p a/b`, a folder moved or renamed) at its top only: nothing below is ever reported again, and a moved
 * folder's subfolders report under their old paths. The extension cannot see those changes until the window regains
 * focus (IndexService.reconcile; the silent-watcher tests cover it). After a step that leaves such folders, the walk
 * restarts the watcher (any change of files.watcherExclude does), so that the steps after it judge what the
 * extension does with the events it gets, and so that a seed does not inherit a blind watcher from the one before.
 */
export async function restartWatcher(root: string, rel: string): Promise<void> {
  // the step's own events first: they are reported a moment after it, and a restart drops what is pending
  await sleep(1000);
  const files = vscode.workspace.getConfiguration('files');
  const before = files.inspect<Record<string, boolean>>('watcherExclude')?.workspaceValue;
  await files.update('watcherExclude', { ...before, '**/nn_watcher_restart': true }, vscode.ConfigurationTarget.Workspace);
  await files.update('watcherExclude', before, vscode.ConfigurationTarget.Workspace);
  // (a folder gone meanwhile: any folder shows the restart)
  const folder = existsSync(path.join(root, rel)) ? path.join(root, ...rel.split('/')) : root;
  const seen = new Set<string>();
  const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(root), '**/nn_restart_probe_*'));
  w.onDidCreate(u => seen.add(path.basename(u.fsPath)));
  try {
    for (let k = 0; k < 25; k++) {
      const name = `nn_restart_probe_${k}.txt`;
      writeFileSync(path.join(folder, name), 'probe');
      await sleep(200);
      rmSync(path.join(folder, name), { force: true });
      if (seen.has(name)) return;
    }
  } finally {
    w.dispose();
  }
  throw new Error(`the file watcher does not report files in ${rel} after a restart`);
}

/** The folders `rel` (a folder) would add, outermost first: those of its path that are not on disk. */
function missingFolders(root: string, rel: string): string[] {
  const out: string[] = [];
  for (let d = rel; d && d !== '.' && !existsSync(path.join(root, d)); d = path.posix.dirname(d)) out.unshift(d);
  return out;
}

/** Whether the folder `rel` has folders inside it. */
function hasSubfolders(root: string, rel: string): boolean {
  try {
    return readdirSync(path.join(root, rel), { withFileTypes: true }).some(e => e.isDirectory());
  } catch {
    return false;
  }
}

export function openDoc(root: string, rel: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find(d => !d.isClosed && relOf(root, d.uri) === rel);
}

/** The smallest replacement that turns `before` into `after` (common prefix and suffix kept). */
function diffOf(before: string, after: string): { start: number; end: number; text: string } {
  let a = 0;
  while (a < before.length && a < after.length && before[a] === after[a]) a++;
  let b = 0;
  while (b < before.length - a && b < after.length - a && before[before.length - 1 - b] === after[after.length - 1 - b]) b++;
  return { start: a, end: before.length - b, text: after.slice(a, after.length - b) };
}

/** A new file's name next to `rel`. */
function siblingName(rel: string, r: Rng): string {
  const dir = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/') + 1) : '';
  const base = rel.slice(rel.lastIndexOf('/') + 1);
  return dir + pickOf(r)([`copy_${base}`, `new_${Math.floor(r() * 1000)}.md`, base.replace(/^(\d+)/, d => String(Number(d) + 1).padStart(d.length, '0')), `x_${base}`]);
}

/** One random step; returns what it did. */
export async function randomStep(root: string, r: Rng): Promise<string> {
  const pick = pickOf(r);
  const mds = markdownFiles(root);
  // the series README and matrix are where the structural rules look: picked more often
  const special = mds.filter(f => /(README|coverage_matrix)\.md$/.test(f));
  const target = r() < 0.35 && special.length ? pick(special) : pick(mds);
  const dirty = vscode.workspace.textDocuments.filter(d => !d.isClosed && d.isDirty && relOf(root, d.uri));
  const op = r();
  if (op < 0.45) return typeInto(root, target, r);
  if (op < 0.52 && dirty.length) {
    const doc = pick(dirty);
    await doc.save();
    return `save ${relOf(root, doc.uri)}`;
  }
  if (op < 0.58 && dirty.length) {
    const doc = pick(dirty);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    return `revert ${relOf(root, doc.uri)}`;
  }
  if (op < 0.63 && dirty.length) {
    const doc = pick(dirty);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    return `close unsaved ${relOf(root, doc.uri)}`;
  }
  if (op < 0.69) {
    const to = siblingName(target, r);
    if (mds.includes(to)) return `(create ${to}: exists)`;
    const text = r() < 0.5 && existsSync(path.join(root, target)) ? readFileSync(path.join(root, target), 'utf8')
      : chapterNote('New', pick(['[back](README.md)', '[[README]]', '[x](nowhere.md)', 'Plain.', `[t](${target.slice(target.lastIndexOf('/') + 1)}#intro)`]));
    // (the folders made on the way: more than one at once leaves the inner ones unwatched, see restartWatcher)
    const made = missingFolders(root, path.posix.dirname(to));
    let how = 'disk';
    if (r() < 0.5) {
      const edit = new vscode.WorkspaceEdit();
      edit.createFile(uriIn(root, to), { contents: new TextEncoder().encode(text), ignoreIfExists: true });
      await vscode.workspace.applyEdit(edit);
      how = 'WorkspaceEdit';
    } else {
      mkdirSync(path.dirname(path.join(root, to)), { recursive: true });
      writeFileSync(path.join(root, to), text);
    }
    if (made.length > 1 && existsSync(path.join(root, to))) {
      await restartWatcher(root, path.posix.dirname(to));
      return `create ${to} (${how}; folders ${made.join(', ')} made: watcher restarted)`;
    }
    return `create ${to} (${how})`;
  }
  if (op < 0.75) {
    if (r() < 0.5) {
      const edit = new vscode.WorkspaceEdit();
      edit.deleteFile(uriIn(root, target), { ignoreIfNotExists: true });
      await vscode.workspace.applyEdit(edit);
      return `delete ${target} (WorkspaceEdit)`;
    }
    rmSync(path.join(root, target), { force: true });
    return `delete ${target} (disk)`;
  }
  if (op < 0.83) {
    const to = siblingName(target, r);
    if (mds.includes(to) || to === target) return `(rename ${target} → ${to}: exists)`;
    if (r() < 0.5) {
      const edit = new vscode.WorkspaceEdit();
      edit.renameFile(uriIn(root, target), uriIn(root, to), { ignoreIfExists: true });
      await vscode.workspace.applyEdit(edit);
      return `rename ${target} → ${to} (WorkspaceEdit)`;
    }
    if (!existsSync(path.join(root, target))) return `(rename ${target}: not on disk)`;
    renameSync(path.join(root, target), path.join(root, to));
    return `rename ${target} → ${to} (disk)`;
  }
  if (op < 0.86) return folderStep(root, target, r);
  if (op < 0.88) {
    await vscode.commands.executeCommand('undo');
    return `undo (${vscode.window.activeTextEditor ? relOf(root, vscode.window.activeTextEditor.document.uri) : 'no editor'})`;
  }
  if (op < 0.9) {
    // the config typed into and saved in the editor (an unsaved config is not applied: see `expected`)
    const uri = uriIn(root, CONFIG_FILE);
    if (!existsSync(uri.fsPath)) writeFileSync(uri.fsPath, '{}\n');
    const doc = await vscode.workspace.openTextDocument(uri);
    const text = configText(r);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
    await vscode.workspace.applyEdit(edit);
    await doc.save();
    return `config typed and saved ${JSON.stringify(text.slice(0, 200))}`;
  }
  if (op < 0.92) {
    // a file that is no note (links to it resolve)
    const asset = pick(['backend/assets/cache_aside.svg', 'backend/assets/new.svg', 'backend/assets/saga_flow.svg']);
    if (existsSync(path.join(root, asset))) {
      rmSync(path.join(root, asset));
      return `delete ${asset} (disk)`;
    }
    const made = missingFolders(root, path.posix.dirname(asset));
    mkdirSync(path.dirname(path.join(root, asset)), { recursive: true });
    writeFileSync(path.join(root, asset), '<svg xmlns="http://www.w3.org/2000/svg"/>\n');
    if (made.length > 1) {
      await restartWatcher(root, path.posix.dirname(asset));
      return `create ${asset} (disk; folders ${made.join(', ')} made: watcher restarted)`;
    }
    return `create ${asset} (disk)`;
  }
  if (op < 0.95) {
    const file = path.join(root, CONFIG_FILE);
    if (r() < 0.4) {
      rmSync(file, { force: true });
      return `config deleted`;
    }
    const text = configText(r);
    writeFileSync(file, text);
    return `config ${JSON.stringify(text.slice(0, 200))}`;
  }
  return typeInto(root, target, r);
}

/** A folder (the one of `rel`) renamed or deleted, through a WorkspaceEdit or on disk. */
async function folderStep(root: string, rel: string, r: Rng): Promise<string> {
  if (!rel.includes('/')) return `(folder of ${rel}: the root)`;
  const dir = rel.slice(0, rel.lastIndexOf('/'));
  if (dir === 'backend' && r() < 0.8) return `(folder ${dir}: left alone)`;
  const full = path.join(root, dir);
  if (!existsSync(full)) return `(folder ${dir}: gone)`;
  const viaEdit = r() < 0.5;
  if (r() < 0.6) {
    const to = `${dir}_${Math.floor(r() * 100)}`;
    if (existsSync(path.join(root, to))) return `(rename ${dir} → ${to}: exists)`;
    const nested = hasSubfolders(root, dir);
    if (viaEdit) {
      const edit = new vscode.WorkspaceEdit();
      edit.renameFile(uriIn(root, dir), uriIn(root, to));
      await vscode.workspace.applyEdit(edit);
    } else renameSync(full, path.join(root, to));
    const how = viaEdit ? 'WorkspaceEdit' : 'disk';
    if (nested && existsSync(path.join(root, to))) {
      await restartWatcher(root, to);
      return `rename folder ${dir} → ${to} (${how}; it has folders inside: watcher restarted)`;
    }
    return `rename folder ${dir} → ${to} (${how})`;
  }
  if (viaEdit) {
    const edit = new vscode.WorkspaceEdit();
    edit.deleteFile(uriIn(root, dir), { recursive: true, ignoreIfNotExists: true });
    await vscode.workspace.applyEdit(edit);
  } else rmSync(full, { recursive: true, force: true });
  return `delete folder ${dir} (${viaEdit ? 'WorkspaceEdit' : 'disk'})`;
}

/** Types a random change into the (possibly unsaved) buffer of `rel`, through the editor or a WorkspaceEdit. */
async function typeInto(root: string, rel: string, r: Rng): Promise<string> {
  const uri = uriIn(root, rel);
  let doc = openDoc(root, rel);
  if (!doc) {
    if (!existsSync(uri.fsPath)) return `(type into ${rel}: gone)`;
    try {
      doc = await vscode.workspace.openTextDocument(uri);
    } catch (e) {
      // a note saved with a NUL in it is binary, and VS Code will not open it as text (found by seed 316 at 120 steps)
      return `(type into ${rel}: VS Code would not open it: ${(e as Error).message.slice(0, 100)})`;
    }
  }
  const before = doc.getText();
  const change = diffOf(before, mutateText(before, r, rel));
  const range = new vscode.Range(doc.positionAt(change.start), doc.positionAt(change.end));
  const via = r() < 0.5 ? 'editor' : 'WorkspaceEdit';
  if (via === 'editor') {
    const editor = await vscode.window.showTextDocument(doc);
    // the editor may be gone already (its document closed meanwhile): VS Code refuses the edit, nothing changed
    const ok = await Promise.resolve(editor.edit(b => b.replace(range, change.text))).catch(() => false);
    if (!ok) return `(type into ${rel}: the editor refused)`;
  } else {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, range, change.text);
    await vscode.workspace.applyEdit(edit);
  }
  return `type into ${rel} (${via}) at ${change.start}-${change.end}: ${JSON.stringify(change.text.slice(0, 80))}`;
}

/** Saves every buffer; one that cannot be saved (its file changed on disk meanwhile) is reverted. */
export async function saveAll(): Promise<void> {
  for (const d of vscode.workspace.textDocuments) if (d.isDirty && !d.isUntitled) await d.save();
  for (const d of vscode.workspace.textDocuments) {
    if (!d.isDirty || d.isUntitled) continue;
    await vscode.window.showTextDocument(d);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
}
