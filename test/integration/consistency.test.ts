// End to end: what the editor shows equals what a fresh check says. Random steps (seeded) on the example workspace
// through the real editor and the real disk: typing into unsaved buffers, saving, reverting, closing unsaved,
// creating, deleting and renaming notes through a WorkspaceEdit and directly on disk, editing the config. After every
// few steps the diagnostics VS Code holds for the whole notes folder must equal a fresh in-process check of the same
// contents (the disk overlaid with the dirty buffers, as the editor shows them); after saving everything they must
// equal the CLI's JSON report of the folder.
// Differences the comparison accounts for, on purpose:
//  - the configuration is read from the disk by both (an unsaved .notes-navigator.json is not applied: config.ts
//    reads the file), so the fresh check takes it from the disk too;
//  - a config that is no JSON object stops the CLI (exit 2, a usage error) while the editor checks with the defaults
//    and warns: no CLI comparison then;
//  - a buffer's text reaches the core as a string (a lone surrogate stays one); saved, the disk holds U+FFFD instead.
// Hunting: many seeds in one host (NN_CONSISTENCY_SEEDS=4-30 NN_CONSISTENCY_STEPS=60 NN_CONSISTENCY_TIMEOUT=600000)
// also find files VS Code's file watcher never reported (a failure's message says which events were seen).
// env: NN_CONSISTENCY_SEEDS    seeds to run ("1,2,3" or "1-40"; default 1,2,3)
//      NN_CONSISTENCY_STEPS    steps per seed (default 40)
//      NN_CONSISTENCY_TIMEOUT  per-seed timeout in ms (default 120000)
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { FolderReader } from '../../src/cli/walk';
import type { JsonDiagnostic } from '../../src/cli/report';
import { CONFIG_FILE } from '../../src/extension/config';
import { createRng, type Rng } from '../bench/corpus';
import { loadWorkspace } from '../../src/core/index/load';
import { WorkspaceIndex } from '../../src/core/index/workspaceIndex';
import { decodeNote } from '../../src/core/text/decode';
import { configOf } from '../unit/support/checkHarness';
import { MemoryReader } from '../unit/index/memoryWorkspace';
import { configText, mutateText, type Files } from '../unit/support/mutate';
import { EXTENSION_ID, service } from './support';

/** One diagnostic as both sides can say it: 0-based positions, severity as a word. */
interface Finding {
  file: string;
  line: number; character: number; endLine: number; endCharacter: number;
  severity: string; code: string; message: string;
}

const SEVERITY_WORD = ['error', 'warning', 'information', 'hint'];
// the message JSON-quoted: a lone surrogate and the U+FFFD it becomes on disk look alike when printed
const key = (f: Finding) => `${f.file}:${f.line}:${f.character}-${f.endLine}:${f.endCharacter} ${f.severity} ${f.code} ${JSON.stringify(f.message)}`;

function seedsOf(spec: string | undefined): number[] {
  if (!spec) return [1, 2, 3];
  const out: number[] = [];
  for (const part of spec.split(',')) {
    const m = /^(\d+)-(\d+)$/.exec(part.trim());
    if (m) for (let s = Number(m[1]); s <= Number(m[2]); s++) out.push(s);
    else out.push(Number(part));
  }
  return out;
}

const pickOf = (r: Rng) => <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

describe('consistency: the editor shows what the CLI says', function () {
  this.timeout(Number(process.env.NN_CONSISTENCY_TIMEOUT ?? 120_000));
  const seeds = seedsOf(process.env.NN_CONSISTENCY_SEEDS);
  const steps = Number(process.env.NN_CONSISTENCY_STEPS ?? 40);
  // code-server saves edited buffers after a second (files.autoSave: afterDelay): the test saves when it means to
  const files = () => vscode.workspace.getConfiguration('files');
  let autoSave: string | undefined;
  let root = '';
  let snapshot = new Map<string, Buffer>();
  let recorder: vscode.Disposable | undefined;

  before(async () => {
    const s = await service();
    assert.ok(s.root, 'no notes folder');
    root = s.root.fsPath;
    autoSave = files().inspect<string>('autoSave')?.workspaceValue;
    await files().update('autoSave', 'off', vscode.ConfigurationTarget.Workspace);
    snapshot = readDisk(root);
    recorder = await recordEvents(root);
  });
  after(async () => {
    recorder?.dispose();
    await restore(root, snapshot);
    await files().update('autoSave', autoSave, vscode.ConfigurationTarget.Workspace);
  });

  for (const seed of seeds) {
    it(`seed ${seed}: ${steps} random steps`, async () => {
      const r = createRng(seed);
      const log: string[] = [];
      const fail = (what: string) => assert.fail(`seed ${seed}, after steps:\n  ${log.slice(-40).join('\n  ')}\n${what}`);
      try {
        for (let k = 1; k <= steps; k++) {
          log.push(`${k}. @${Date.now() - t0} ${await randomStep(root, r)}`);
          if (k % 4 === 0 || k === steps) {
            const problem = await editorAgrees(root);
            if (problem) fail(problem);
          }
          if (k % 25 === 0 || k === steps) {
            await saveAll();
            log.push(`${k}. save all`);
            const problem = (await editorAgrees(root)) ?? (await cliAgrees(root));
            if (problem) fail(problem);
          }
        }
      } finally {
        await restore(root, snapshot);
      }
      const problem = await editorAgrees(root);
      if (problem) fail(`after restoring the workspace: ${problem}`);
    });
  }
});

// ------------------------------------------------------------------------------------------------ the steps

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

function relOf(root: string, uri: vscode.Uri): string | undefined {
  if (uri.scheme !== 'file') return undefined;
  const rel = path.relative(root, uri.fsPath);
  return rel.startsWith('..') || path.isAbsolute(rel) ? undefined : rel.split(path.sep).join('/');
}

const uriIn = (root: string, rel: string) => vscode.Uri.file(path.join(root, ...rel.split('/')));

function openDoc(root: string, rel: string): vscode.TextDocument | undefined {
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

const NEW_NOTE = (title: string, body: string) =>
  `---\ntitle: ${title}\nnote_type: chapter\ndomain: backend\ntags: []\ncreated: 2026-01-01\nupdated: 2026-01-01\nstatus: draft\n---\n# ${title}\n\n${body}\n`;

/** One random step; returns what it did. */
async function randomStep(root: string, r: Rng): Promise<string> {
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
      : NEW_NOTE('New', pick(['[back](README.md)', '[[README]]', '[x](nowhere.md)', 'Plain.', `[t](${target.slice(target.lastIndexOf('/') + 1)}#intro)`]));
    if (r() < 0.5) {
      const edit = new vscode.WorkspaceEdit();
      edit.createFile(uriIn(root, to), { contents: new TextEncoder().encode(text), ignoreIfExists: true });
      await vscode.workspace.applyEdit(edit);
      return `create ${to} (WorkspaceEdit)`;
    }
    mkdirSync(path.dirname(path.join(root, to)), { recursive: true });
    writeFileSync(path.join(root, to), text);
    return `create ${to} (disk)`;
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
    mkdirSync(path.dirname(path.join(root, asset)), { recursive: true });
    writeFileSync(path.join(root, asset), '<svg xmlns="http://www.w3.org/2000/svg"/>\n');
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
    if (viaEdit) {
      const edit = new vscode.WorkspaceEdit();
      edit.renameFile(uriIn(root, dir), uriIn(root, to));
      await vscode.workspace.applyEdit(edit);
    } else renameSync(full, path.join(root, to));
    return `rename folder ${dir} → ${to} (${viaEdit ? 'WorkspaceEdit' : 'disk'})`;
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
    doc = await vscode.workspace.openTextDocument(uri);
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
async function saveAll(): Promise<void> {
  for (const d of vscode.workspace.textDocuments) if (d.isDirty && !d.isUntitled) await d.save();
  for (const d of vscode.workspace.textDocuments) {
    if (!d.isDirty || d.isUntitled) continue;
    await vscode.window.showTextDocument(d);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
}

// ------------------------------------------------------------------------------------------------ the comparison

/** Every file of the folder as the CLI lists and reads it. */
function readDisk(root: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const f of new FolderReader(root, () => undefined).listSync()) {
    try { out.set(f, readFileSync(path.join(root, f))); } catch { /* gone meanwhile */ }
  }
  return out;
}

/**
 * What the editor should show: a fresh check (the core, in this process) of the disk overlaid with the text of every
 * unsaved buffer. The configuration is read from the disk, as the extension does (an unsaved config buffer is not
 * applied; the steps never leave one).
 */
async function expected(root: string): Promise<Finding[]> {
  const files: Files = {};
  for (const [f, bytes] of readDisk(root)) files[f] = new Uint8Array(bytes);
  // a buffer's text goes to the core as a string (IndexService.schedule: `updateNote(file, doc.getText())`), never
  // through bytes: a lone surrogate the buffer holds stays one
  const buffers = new WeakMap<Uint8Array, string>();
  for (const d of vscode.workspace.textDocuments) {
    const rel = relOf(root, d.uri);
    if (!rel || d.isClosed || !d.isDirty || rel === CONFIG_FILE) continue;
    const bytes = new TextEncoder().encode(d.getText());
    buffers.set(bytes, d.getText());
    files[rel] = bytes;
  }
  const index = new WorkspaceIndex(configOf(files).config, { oneShot: true });
  await loadWorkspace(index, new MemoryReader(files), {
    concurrency: 1,
    decode: bytes => {
      const text = buffers.get(bytes);
      return text === undefined ? decodeNote(bytes) : { ok: true, text, bom: false };
    },
  });
  const out: Finding[] = [];
  for (const list of index.allDiagnostics().values()) {
    for (const d of list) {
      out.push({
        file: d.file, line: d.range.start.line, character: d.range.start.character, endLine: d.range.end.line,
        endCharacter: d.range.end.character, severity: d.severity, code: d.code, message: d.message,
      });
    }
  }
  return out;
}

/** What the editor shows: our diagnostics on every file under the folder. */
function shown(root: string): Finding[] {
  const out: Finding[] = [];
  for (const [uri, list] of vscode.languages.getDiagnostics()) {
    const rel = relOf(root, uri);
    if (!rel) continue;
    for (const d of list) {
      if (d.source !== 'notes-navigator') continue;
      out.push({
        file: rel, line: d.range.start.line, character: d.range.start.character, endLine: d.range.end.line,
        endCharacter: d.range.end.character, severity: SEVERITY_WORD[d.severity], code: typeof d.code === 'object' ? String(d.code.value) : String(d.code),
        message: d.message,
      });
    }
  }
  return out;
}

/** Lines of a multiset difference: what `want` has and `got` lacks (-), and the reverse (+). */
function difference(want: Finding[], got: Finding[]): string[] {
  const count = new Map<string, number>();
  for (const f of want) count.set(key(f), (count.get(key(f)) ?? 0) + 1);
  for (const f of got) count.set(key(f), (count.get(key(f)) ?? 0) - 1);
  const out: string[] = [];
  for (const [k, n] of [...count].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (n > 0) out.push(`- ${k}${n > 1 ? ` (×${n})` : ''}`);
    if (n < 0) out.push(`+ ${k}${n < -1 ? ` (×${-n})` : ''}`);
  }
  return out;
}

/**
 * Waits until the editor's diagnostics equal a fresh check of what it shows (and still do a moment later: a late
 * file-system event must not change them), up to `ms`. Undefined when they agree, else the difference.
 */
async function editorAgrees(root: string, ms = 8000): Promise<string | undefined> {
  const want = await expected(root);
  const end = Date.now() + ms;
  let diff = difference(want, shown(root));
  let agreedAt = diff.length === 0 ? Date.now() : 0;
  while (Date.now() < end) {
    if (agreedAt && Date.now() - agreedAt >= 300) return undefined;
    await new Promise(res => setTimeout(res, 25));
    diff = difference(want, shown(root));
    if (diff.length > 0) agreedAt = 0;
    else if (!agreedAt) agreedAt = Date.now();
  }
  if (diff.length === 0) return undefined;
  return `the editor (+) differs from a fresh check (-) after ${ms} ms:\n${diff.slice(0, 40).join('\n')}${diff.length > 40 ? `\n… ${diff.length - 40} more` : ''}\n${await stateOf(root, diff)}`;
}

/** The last file-system and index events of each file (for a failure's message), in ms since the test started. */
const events = new Map<string, string[]>();
const t0 = Date.now();
function note(file: string, what: string): void {
  const list = events.get(file) ?? [];
  list.push(`${what}@${Date.now() - t0}`);
  if (list.length > 8) list.shift();
  events.set(file, list);
}

/** Records what VS Code's file watcher and the extension's index announce. */
async function recordEvents(root: string): Promise<vscode.Disposable> {
  const s = await service();
  const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(root), '**/*'));
  const on = (kind: string) => (uri: vscode.Uri) => { const rel = relOf(root, uri); if (rel) note(rel, kind); };
  return vscode.Disposable.from(
    watcher, watcher.onDidCreate(on('fs-create')), watcher.onDidChange(on('fs-change')), watcher.onDidDelete(on('fs-delete')),
    s.onDidChange(e => { for (const f of e.files) note(f, 'checked'); }),
  );
}

/** What the disk, the editor and the extension's index hold of the files a difference names (for a failure's message). */
async function stateOf(root: string, diff: string[]): Promise<string> {
  const s = await service();
  const files = [...new Set(diff.map(l => l.slice(2, l.indexOf(':'))))].slice(0, 8);
  // whether VS Code's file watcher still reports anything: a probe file written and removed on disk
  const probe = path.join(root, 'backend', `watcher_probe_${Date.now()}.txt`);
  const seen = new Promise<boolean>(res => {
    const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(root), '**/watcher_probe_*'));
    const done = (v: boolean) => { w.dispose(); res(v); };
    w.onDidCreate(() => done(true));
    setTimeout(() => done(false), 3000);
  });
  mkdirSync(path.dirname(probe), { recursive: true });
  writeFileSync(probe, 'probe');
  const alive = await seen;
  rmSync(probe, { force: true });
  return `now @${Date.now() - t0}; the file watcher ${alive ? 'reports' : 'reported nothing in 3 s'}\n` + files.map(f => {
    const doc = openDoc(root, f);
    return `  ${f}: disk ${existsSync(path.join(root, f)) ? 'yes' : 'no'}, buffer ${doc ? `v${doc.version}${doc.isDirty ? ' dirty' : ''}` : 'none'}, `
      + `indexed ${s.index.hasFile(f) ? (s.index.isNote(f) ? 'as a note' : 'as a file') : 'no'}; ${(events.get(f) ?? []).join(' ')}`;
  }).join('\n');
}

/** The CLI's JSON report of the folder (everything saved) against the editor's diagnostics. */
async function cliAgrees(root: string): Promise<string | undefined> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext);
  const run = spawnSync('node', [path.join(ext.extensionPath, 'dist', 'cli.js'), 'check', root, '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.status === 2) {
    // a config file that is no JSON object stops the CLI (a usage error); the editor checks with the defaults then
    // and says so in a warning (IndexService.readConfig): nothing to compare
    if (/notes-navigator\.json/.test(run.stderr)) return undefined;
    return `the CLI failed: ${run.stderr}`;
  }
  const report = JSON.parse(run.stdout) as { diagnostics: JsonDiagnostic[] };
  const cli: Finding[] = report.diagnostics.map(d => ({
    file: d.file, line: d.line - 1, character: d.column - 1, endLine: d.endLine - 1, endCharacter: d.endColumn - 1,
    severity: d.severity, code: d.code, message: d.message,
  }));
  const diff = difference(cli, shown(root));
  return diff.length === 0 ? undefined : `the editor (+) differs from the CLI (-):\n${diff.slice(0, 40).join('\n')}`;
}

/** Closes every editor without saving and puts the files back as they were. */
async function restore(root: string, snapshot: Map<string, Buffer>): Promise<void> {
  for (const d of vscode.workspace.textDocuments) {
    if (d.isDirty && relOf(root, d.uri)) {
      await vscode.window.showTextDocument(d);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      // a buffer whose file is gone cannot be reverted: closed without saving
      if (d.isDirty) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const now = readDisk(root);
  // the workspace settings (autoSave) are the test's own, not a step's
  for (const f of now.keys()) if (!snapshot.has(f) && !f.startsWith('.vscode/')) rmSync(path.join(root, f), { force: true });
  for (const [f, bytes] of snapshot) {
    if (now.get(f)?.equals(bytes)) continue;
    mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    writeFileSync(path.join(root, f), bytes);
  }
  // the next seed starts from what the disk holds: VS Code's file watcher does not always report every one of the
  // many files written at once here (see the report of this test), so the index is re-read as "Refresh" does
  await (await service()).rescan();
}
