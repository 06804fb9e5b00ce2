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
//      TEST_TIMEOUT_MS         the whole run's limit (harness/code-test-shim.mjs, default 600000): a seed of 300 steps
//                              takes ~75 s, so a long hunt raises it too
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { FolderReader } from '../../src/cli/walk';
import type { JsonDiagnostic } from '../../src/cli/report';
import { CONFIG_FILE } from '../../src/extension/config';
import { createRng } from '../bench/corpus';
import { loadWorkspace } from '../../src/core/index/load';
import { WorkspaceIndex } from '../../src/core/index/workspaceIndex';
import { decodeNote } from '../../src/core/text/decode';
import { configOf } from '../unit/support/checkHarness';
import { MemoryReader } from '../unit/index/memoryWorkspace';
import type { Files } from '../unit/support/mutate';
import { randomStep, relOf, openDoc, restartWatcher, saveAll } from './consistencyWalk';
import { EXTENSION_ID, autoSaveOffInThisSuite, diagnosticsAlwaysInThisSuite, service } from './support';

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

describe('consistency: the editor shows what the CLI says', function () {
  this.timeout(Number(process.env.NN_CONSISTENCY_TIMEOUT ?? 120_000));
  const seeds = seedsOf(process.env.NN_CONSISTENCY_SEEDS);
  const steps = Number(process.env.NN_CONSISTENCY_STEPS ?? 40);
  let root = '';
  let snapshot = new Map<string, Buffer>();
  let recorder: vscode.Disposable | undefined;

  before(async () => {
    const s = await service();
    assert.ok(s.root, 'no notes folder');
    root = s.root.fsPath;
    snapshot = readDisk(root);
    recorder = await recordEvents(root);
  });
  after(async () => {
    recorder?.dispose();
    await restore(root, snapshot);
  });
  // the test saves when it means to (set up after the snapshot, and put back after the restore: hooks run in order)
  autoSaveOffInThisSuite();
  // a random step may delete or rename the only series README (no .notes-navigator.json either): the editor must
  // still publish what a fresh check finds, which `auto` would then withhold
  diagnosticsAlwaysInThisSuite();

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
  const end = Date.now() + ms;
  // the fresh check is made again at every look, not once: VS Code may still be writing a save when a step returns
  // (a buffer is marked saved before its file is written, and a refactoring's files are saved after the step), and
  // a check of the disk made then holds what the file was before
  let diff = difference(await expected(root), shown(root));
  let agreedAt = diff.length === 0 ? Date.now() : 0;
  while (Date.now() < end) {
    if (agreedAt && Date.now() - agreedAt >= 300) return undefined;
    await new Promise(res => setTimeout(res, 25));
    diff = difference(await expected(root), shown(root));
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
  const named = diff.map(l => l.slice(2, l.indexOf(':')));
  // and the files a message names (relative to a series folder: matched against the files the index, the disk or a
  // buffer knows), such as the chapter a "planned" finding says does not exist
  const known = new Set([...s.index.files(), ...readDisk(root).keys(), ...vscode.workspace.textDocuments.map(d => relOf(root, d.uri) ?? '')]);
  for (const l of diff) {
    for (const m of l.matchAll(/[\w./-]+\.md\b/g)) for (const k of known) if (k === m[0] || k.endsWith(`/${m[0]}`)) named.push(k);
  }
  const files = [...new Set(named)].slice(0, 8);
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
    const lingering = vscode.workspace.textDocuments.filter(d => d.isClosed && relOf(root, d.uri) === f).length;
    return `  ${f}: disk ${existsSync(path.join(root, f)) ? 'yes' : 'no'}, buffer ${doc ? `v${doc.version}${doc.isDirty ? ' dirty' : ''}` : 'none'}${lingering ? ` (+${lingering} closed)` : ''}, `
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
  // folders written back here with folders inside them are not watched (see restartWatcher): the next seed must not
  // inherit a blind watcher
  await restartWatcher(root, 'backend/assets');
  // the next seed starts from what the disk holds: VS Code's file watcher does not always report every one of the
  // many files written at once here (see the report of this test), so the index is re-read as "Refresh" does
  await (await service()).rescan();
}
