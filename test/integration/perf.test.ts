// Performance of the extension in the real extension host on a large workspace (the 10,000-note benchmark
// corpus, prepared by scripts/perf-host.mjs → `npm run perf:host`). Runs only when NN_PERF=1, so the
// normal integration suite (on examples/notes) is unaffected.
// Measures: (a) activate() duration (the extension's own stamp, plus the activate() call seen from here when
// the extension was not yet active), (b) activation → index ready (diagnostics published, tree refreshed) and
// → the Series tree returning its series with groups and chapters, (c) one live re-check: an unsaved edit
// adding / removing a broken link until the note's diagnostics change, (d) the extension host's memory.
// Also: a warm full re-index (service.rescan), the reconcile with a listing of the disk that the window's regained
// focus runs (service.reconcile), the event-loop lag while indexing, and with NN_PERF_PROFILE=1
// CPU profiles (V8, through node:inspector) of the initial load, the live re-checks and a re-index, written next
// to the results as *.cpuprofile and summed up (self time; inclusive time of the extension's own functions).
// Prints a table and writes $NN_PERF_OUT (default .vscode-test/perf-10k.json).
// env: NN_PERF=1, NN_PERF_OUT, NN_PERF_MIN_NOTES (default 10000), NN_PERF_PROFILE=1
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { Session } from 'node:inspector';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as vscode from 'vscode';
import type { NotesNavigatorApi } from '../../src/extension/extension';
import type { TreeNode } from '../../src/extension/tree/treeModel';

const EXTENSION_ID = 'notes-navigator.notes-navigator';
const enabled = process.env.NN_PERF === '1';
/** out/test/integration/perf.test.js → the repository root */
const repoRoot = path.resolve(__dirname, '../../..');
const outFile = process.env.NN_PERF_OUT ?? path.join(repoRoot, '.vscode-test', 'perf-10k.json');
const EDIT_ROUNDS = 5;

const now = (): number => performance.now();
const round = (ms: number): number => Math.round(ms * 10) / 10;
const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter(d => d.source === 'notes-navigator');
}

/** Resolves with the time (performance.now()) at which `check` first held for the diagnostics of `uri`. */
function whenDiagnostics(uri: vscode.Uri, check: (ds: vscode.Diagnostic[]) => boolean, ms: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`diagnostics did not change within ${ms} ms (now: ${ours(uri).map(codeOf).join(', ') || 'none'})`));
    }, ms);
    const sub = vscode.languages.onDidChangeDiagnostics(e => {
      const t = now();
      if (!e.uris.some(u => u.toString() === uri.toString()) || !check(ours(uri))) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(t);
    });
  });
}

/** Longest gap between timer ticks that should come every `everyMs`: how long the event loop was blocked. */
function lagMonitor(everyMs = 10): { stop(): { maxMs: number; over50: number; over200: number } } {
  let last = now();
  let maxMs = 0;
  let over50 = 0;
  let over200 = 0;
  const timer = setInterval(() => {
    const t = now();
    const lag = t - last - everyMs;
    last = t;
    if (lag > maxMs) maxMs = lag;
    if (lag > 50) over50++;
    if (lag > 200) over200++;
  }, everyMs);
  return { stop: () => { clearInterval(timer); return { maxMs: round(maxMs), over50, over200 }; } };
}

/** The extension's output-channel lines, from the LogOutputChannel's file under the profile's logs folder. */
function outputLogLines(workspaceFsPath: string | undefined): string[] {
  if (!workspaceFsPath) return [];
  // runTest.ts puts the workspace copy and the user-data dir side by side in one scratch folder
  const logs = path.join(path.dirname(workspaceFsPath), 'user-data', 'logs');
  const found: string[] = [];
  const walk = (dir: string, depth: number): void => {
    if (depth > 6 || !existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p, depth + 1);
      else if (/Notes Navigator\.log$/.test(name)) found.push(p);
    }
  };
  walk(logs, 0);
  return found.flatMap(f => readFileSync(f, 'utf8').split('\n')).filter(l => l.trim() !== '');
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[] }

/** Starts the V8 CPU profiler of this very process (the extension host) through node:inspector. */
async function startProfiler(): Promise<{ stop(): Promise<CpuProfile> }> {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object): Promise<any> => new Promise((resolve, reject) =>
    session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 500 });
  await post('Profiler.start');
  return {
    async stop() {
      try {
        return (await post('Profiler.stop')).profile as CpuProfile;
      } finally {
        session.disconnect();
      }
    },
  };
}

interface ProfileSummary { file: string; wallMs: number; idlePct: number; topSelf: { fn: string; ms: number; pct: number }[]; topOurs: { fn: string; ms: number; pct: number }[] }

/** Writes the profile next to the results and sums it up: self time, and inclusive time of our bundle's functions. */
function summarize(prof: CpuProfile, phase: string, ourRoot: string): ProfileSummary {
  const file = outFile.replace(/\.json$/, '') + `-${phase}.cpuprofile`;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(prof));
  const total = prof.samples.length || 1;
  const usPerSample = (prof.endTime - prof.startTime) / total;
  const toMs = (hits: number) => round((hits * usPerSample) / 1000);
  // the extension's own bundles (dist/); the kit under .vscode-test/ lives below the same root
  const ourPrefix = pathToFileURL(ourRoot).href + '/';
  const isOurs = (url: string) => url.startsWith(ourPrefix + 'dist/') || url.startsWith(path.join(ourRoot, 'dist') + path.sep);
  // our bundle's frames as `dist/extension.js:LINE`, others with the last three path segments
  const label = (n: ProfileNode): string => {
    const cf = n.callFrame;
    let where = '';
    if (cf.url) {
      const p = isOurs(cf.url) ? cf.url.slice(cf.url.startsWith(ourPrefix) ? ourPrefix.length : ourRoot.length + 1)
        : cf.url.replace(/^file:\/\//, '').split('/').slice(-3).join('/');
      where = ` ${p}:${cf.lineNumber + 1}`;
    }
    return `${cf.functionName || '(anonymous)'}${where}`;
  };
  const byId = new Map(prof.nodes.map(n => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  for (const n of prof.nodes) if (n.hitCount) self.set(label(n), (self.get(label(n)) ?? 0) + n.hitCount);
  // inclusive time of functions in dist/extension.js: each sample counts once per function on its stack
  const perLeaf = new Map<number, number>();
  for (const id of prof.samples) perLeaf.set(id, (perLeaf.get(id) ?? 0) + 1);
  const ours = new Map<string, number>();
  for (const [leaf, hits] of perLeaf) {
    const seen = new Set<string>();
    for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) {
      const n = byId.get(id)!;
      if (!isOurs(n.callFrame.url)) continue;
      const k = label(n);
      if (!seen.has(k)) { seen.add(k); ours.set(k, (ours.get(k) ?? 0) + hits); }
    }
  }
  const top = (m: Map<string, number>, n: number) => [...m.entries()].sort((x, y) => y[1] - x[1]).slice(0, n)
    .map(([fn, hits]) => ({ fn, ms: toMs(hits), pct: round((100 * hits) / total) }));
  return {
    file,
    wallMs: round((prof.endTime - prof.startTime) / 1000),
    idlePct: round((100 * (self.get('(idle)') ?? 0)) / total),
    topSelf: top(self, 15),
    topOurs: top(ours, 15),
  };
}

/** Heap in use after a full garbage collection (gc exposed at run time through V8 flags). */
function heapAfterGc(): number | undefined {
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as (() => void) | undefined;
    if (typeof gc !== 'function') return undefined;
    gc();
    return process.memoryUsage().heapUsed;
  } catch {
    return undefined;
  }
}

(enabled ? describe : describe.skip)('perf: large workspace in the real extension host', function () {
  this.timeout(600_000);

  it('activates, indexes, fills the Series tree and re-checks an edit', async () => {
    const profiling = process.env.NN_PERF_PROFILE === '1';
    const profiles: Record<string, ProfileSummary> = {};
    const testStart = now();
    const ext = vscode.extensions.getExtension<NotesNavigatorApi>(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed`);
    const wasActive = ext.isActive;
    const tCall = now();
    const api = await ext.activate();
    const activateCallMs = now() - tCall;
    const { service, seriesTree, timing } = api;
    assert.ok(timing, 'the extension API has no timing field (rebuild dist/)');
    const activateEnd = timing.activateStart + timing.activateMs;

    // (b) index ready: watched live (with the event-loop lag while indexing) when it is still loading
    const readyBeforeTest = timing.readyAt !== undefined;
    const initialProfiler = profiling && !readyBeforeTest ? await startProfiler() : undefined;
    const lag = lagMonitor();
    let lastProgress = service.progress;
    const progressSub = service.onDidProgress(p => { if (p) lastProgress = p; });
    await service.ready;
    const lagDuringIndexing = lag.stop();
    progressSub.dispose();
    if (initialProfiler) profiles.initialLoad = summarize(await initialProfiler.stop(), 'initial', ext.extensionPath);
    const readyAt = timing.readyAt ?? now();

    // (b) the Series tree: series → groups → chapters, as the view asks for them (first build after a refresh)
    seriesTree.refreshNow();
    const tTree = now();
    const roots = seriesTree.getChildren() as TreeNode[];
    let groups = 0;
    let chapters = 0;
    for (const s of roots) {
      seriesTree.getTreeItem(s);
      for (const g of seriesTree.getChildren(s) as TreeNode[]) {
        groups++;
        seriesTree.getTreeItem(g);
        for (const c of seriesTree.getChildren(g) as TreeNode[]) { chapters++; seriesTree.getTreeItem(c); }
      }
    }
    const treeBuildMs = now() - tTree;
    assert.ok(roots.length >= 1, 'the Series tree has no series');
    assert.ok(groups >= 1 && chapters >= 1, `the series has ${groups} groups and ${chapters} chapters`);
    // the tree was already refreshed when `ready` resolved: populated = ready + one build
    const treePopulatedAt = readyAt + treeBuildMs;

    const notes = [...service.index.notes()].length;
    const files = [...service.index.files()].length;
    const diagnosticsTotal = [...service.index.allDiagnostics().values()].reduce((s, l) => s + l.length, 0);
    const minNotes = Number(process.env.NN_PERF_MIN_NOTES ?? 10_000);
    assert.ok(notes >= minNotes, `only ${notes} notes indexed (expected at least ${minNotes})`);
    const memAfterIndex = process.memoryUsage();
    const heapAfterIndexGc = heapAfterGc();

    // (c) live re-check: an unsaved edit that adds a broken link, then one that removes it again; timed to the
    // index update (service.onDidChange) and to the diagnostics change seen through the VS Code API
    const target = 'area_00/topic_00/0000_note.md';
    const uri = service.uriOf(service.index.hasFile(target) ? target : [...service.index.notes()][0].file);
    const file = service.fileOf(uri)!;
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    // times from the moment the extension host sees the change (onDidChangeTextDocument): applyEdit itself is
    // a round trip through the workbench (browser), which the extension does not control
    const rounds: { kind: 'add' | 'remove'; applyEditMs: number; indexMs: number; diagnosticsMs: number; changedFiles: number }[] = [];
    const editAndWait = async (edit: vscode.WorkspaceEdit, kind: 'add' | 'remove', expected: number): Promise<void> => {
      let changeAt: number | undefined;
      let indexAt: number | undefined;
      let changedFiles = 0;
      const subs = [
        vscode.workspace.onDidChangeTextDocument(e => { if (changeAt === undefined && e.document === doc) changeAt = now(); }),
        service.onDidChange(e => {
          if (indexAt === undefined && e.files.includes(file)) { indexAt = now(); changedFiles = e.files.length; }
        }),
      ];
      const t0 = now();
      const seen = whenDiagnostics(uri, ds => ds.filter(d => codeOf(d) === 'link-broken').length === expected, 20_000);
      try {
        assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was not applied');
        const at = await seen;
        const from = changeAt ?? t0;
        rounds.push({ kind, applyEditMs: round(from - t0), indexMs: round((indexAt ?? at) - from), diagnosticsMs: round(at - from), changedFiles });
      } finally {
        subs.forEach(d => d.dispose());
      }
    };
    const recheckProfiler = profiling ? await startProfiler() : undefined;
    for (let i = 0; i < EDIT_ROUNDS; i++) {
      const before = ours(uri).filter(d => codeOf(d) === 'link-broken').length;
      const line = `\nSee [perf probe ${i}](./perf_probe_missing_${i}.md).\n`;
      const add = new vscode.WorkspaceEdit();
      add.insert(uri, new vscode.Position(doc.lineCount, 0), line);
      await editAndWait(add, 'add', before + 1);
      assert.ok(doc.isDirty, 'the edit is in an unsaved buffer');
      const start = doc.getText().lastIndexOf(line);
      const remove = new vscode.WorkspaceEdit();
      remove.delete(uri, new vscode.Range(doc.positionAt(start), doc.positionAt(start + line.length)));
      await editAndWait(remove, 'remove', before);
    }
    if (recheckProfiler) profiles.liveRecheck = summarize(await recheckProfiler.stop(), 'recheck', ext.extensionPath);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    const recheck = rounds.map(r => r.diagnosticsMs);
    const recheckIndex = rounds.map(r => r.indexMs);
    const applyEditRoundTrip = rounds.map(r => r.applyEditMs);

    // warm full re-index (what "Check Workspace" / "Refresh" do), then the same under the CPU profiler
    const lag2 = lagMonitor();
    const tRescan = now();
    const rescanned = await service.rescan();
    const rescanMs = now() - tRescan;
    const lagDuringRescan = lag2.stop();
    const heapAfterRescanGc = heapAfterGc();
    if (profiling) {
      const p = await startProfiler();
      await service.rescan();
      profiles.rescan = summarize(await p.stop(), 'rescan', ext.extensionPath);
    }

    // the listing the window's regained focus runs (files the watcher did not report): nothing to correct here
    const lag3 = lagMonitor();
    const listingsBefore = service.listingCounts;
    const tReconcile = now();
    const reconciled = await service.reconcile();
    const reconcileMs = now() - tReconcile;
    // after a load, a walk of the folder confirms the file search's listing (the search runs when anything differs)
    const reconcileListedBy = service.listingCounts.walked > listingsBefore.walked ? 'a walk' : 'the file search';
    const lagDuringReconcile = lag3.stop();
    assert.deepEqual(reconciled, { gone: [], added: [] }, 'the index already follows the disk');

    // (a) code loading: the bundle evaluated again in a fresh module record (warm disk cache)
    const bundle = path.join(ext.extensionPath, 'dist', 'extension.js');
    const req = createRequire(bundle);
    const key = req.resolve(bundle);
    const cached = req.cache[key];
    delete req.cache[key];
    const tLoad = now();
    req(bundle);
    const codeLoadMs = now() - tLoad;
    if (cached) req.cache[key] = cached;

    const mem = process.memoryUsage();
    const logLines = outputLogLines(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath);
    const result = {
      when: new Date().toISOString(),
      vscode: vscode.version,
      node: process.version,
      profiled: profiling,
      workspace: { notes, files, series: roots.length, groups, chapters, diagnostics: diagnosticsTotal, listed: lastProgress?.total },
      activation: {
        activateMs: round(timing.activateMs),
        activateCallFromTestMs: wasActive ? undefined : round(activateCallMs),
        wasActiveWhenTestStarted: wasActive,
        codeLoadMs: round(codeLoadMs),
        testStartedAfterActivationMs: round(testStart - activateEnd),
      },
      index: {
        readyBeforeTestStarted: readyBeforeTest,
        activationToSeriesShownMs: timing.seriesReadAt === undefined ? undefined : round(timing.seriesReadAt - timing.activateStart),
        activationToReadyMs: round(readyAt - timing.activateStart),
        treeFirstBuildMs: round(treeBuildMs),
        activationToTreePopulatedMs: round(treePopulatedAt - timing.activateStart),
        eventLoopWhileIndexing: readyBeforeTest ? undefined : lagDuringIndexing,
        warmRescanMs: round(rescanMs),
        warmRescanNotes: rescanned,
        eventLoopWhileRescanning: lagDuringRescan,
        focusReconcileMs: round(reconcileMs),
        focusReconcileListedBy: reconcileListedBy,
        eventLoopWhileReconciling: lagDuringReconcile,
      },
      liveRecheck: {
        file,
        rounds,
        diagnosticsMedianMs: round(median(recheck)),
        diagnosticsMaxMs: round(Math.max(...recheck)),
        indexMedianMs: round(median(recheckIndex)),
        applyEditRoundTripMedianMs: round(median(applyEditRoundTrip)),
        debounceMs: service.settings.debounceMs,
      },
      memory: {
        rssAfterIndexMB: mb(memAfterIndex.rss),
        heapUsedAfterIndexMB: mb(memAfterIndex.heapUsed),
        heapAfterIndexAndGcMB: heapAfterIndexGc === undefined ? undefined : mb(heapAfterIndexGc),
        heapAfterRescanAndGcMB: heapAfterRescanGc === undefined ? undefined : mb(heapAfterRescanGc),
        rssAtEndMB: mb(mem.rss),
        heapUsedAtEndMB: mb(mem.heapUsed),
      },
      outputLog: logLines.filter(l => /activated in|indexed \d+ notes|re-indexed|failed|skipped/.test(l)).slice(0, 20),
      cpuProfiles: profiling ? profiles : undefined,
    };
    mkdirSync(path.dirname(outFile), { recursive: true });
    writeFileSync(outFile, JSON.stringify(result, null, 2) + '\n');

    const lagText = (l: { maxMs: number; over50: number }) => `max event-loop lag ${l.maxMs} ms (${l.over50} gaps > 50 ms)`;
    const rows: [string, string][] = [
      ['notes indexed / files listed', `${notes} / ${files}`],
      ['series / groups / chapters', `${roots.length} / ${groups} / ${chapters}`],
      ['diagnostics in the index', String(diagnosticsTotal)],
      ['(a) activate() (extension stamp)', `${round(timing.activateMs)} ms`],
      ['(a) activate() call from the test', wasActive ? 'already active' : `${round(activateCallMs)} ms`],
      ['(a) code loading of dist/extension.js', `${round(codeLoadMs)} ms`],
      ['(b) activation → series read (the Series view shows them, the rest still loading)',
        timing.seriesReadAt === undefined ? 'not recorded' : `${round(timing.seriesReadAt - timing.activateStart)} ms`],
      ['(b) activation → index ready', `${round(readyAt - timing.activateStart)} ms`],
      ['(b) Series tree first build', `${round(treeBuildMs)} ms`],
      ['(b) activation → tree populated', `${round(treePopulatedAt - timing.activateStart)} ms`],
      ['(b) while indexing', readyBeforeTest ? 'n/a (ready before the test started)' : lagText(lagDuringIndexing)],
      ['warm full re-index (rescan)', `${round(rescanMs)} ms, ${lagText(lagDuringRescan)}`],
      ['reconcile with the disk (on focus), nothing to correct', `${round(reconcileMs)} ms (listed by ${reconcileListedBy}), ${lagText(lagDuringReconcile)}`],
      ['(c) applyEdit → host sees the change', `median ${round(median(applyEditRoundTrip))} ms (workbench round trip)`],
      ['(c) change → index updated', `median ${round(median(recheckIndex))} ms (debounce ${service.settings.debounceMs} ms) [${recheckIndex.map(Math.round).join(', ')}]`],
      ['(c) change → diagnostics changed', `median ${round(median(recheck))} ms, max ${round(Math.max(...recheck))} ms [${recheck.map(Math.round).join(', ')}]`],
      ['(d) host RSS / heap after indexing', `${mb(memAfterIndex.rss)} / ${mb(memAfterIndex.heapUsed)} MB` +
        (heapAfterIndexGc === undefined ? '' : ` (heap after GC ${mb(heapAfterIndexGc)} MB)`)],
      ['(d) heap after a re-index + GC', heapAfterRescanGc === undefined ? 'n/a' : `${mb(heapAfterRescanGc)} MB`],
      ['(d) host RSS / heap at the end', `${mb(mem.rss)} / ${mb(mem.heapUsed)} MB`],
    ];
    const w = Math.max(...rows.map(r => r[0].length));
    console.log(`\n    perf on ${notes} notes (VS Code ${vscode.version}, Node ${process.version})${profiling ? ' — PROFILED: times include profiler overhead' : ''}`);
    for (const [k, v] of rows) console.log(`    ${k.padEnd(w)}  ${v}`);
    for (const l of result.outputLog) console.log(`    log: ${l}`);
    for (const [phase, p] of Object.entries(profiles)) {
      console.log(`    CPU profile "${phase}": ${p.wallMs} ms, ${p.idlePct}% idle (${p.file})`);
      console.log('      top self time:');
      for (const t of p.topSelf.slice(0, 12)) console.log(`        ${String(t.ms).padStart(8)} ms ${String(t.pct).padStart(5)}%  ${t.fn}`);
      console.log('      top inclusive time in dist/extension.js:');
      for (const t of p.topOurs.slice(0, 12)) console.log(`        ${String(t.ms).padStart(8)} ms ${String(t.pct).padStart(5)}%  ${t.fn}`);
    }
    console.log(`    written to ${outFile}\n`);

    assert.ok(timing.readyAt !== undefined, 'the ready stamp was not recorded');
    assert.ok(readyBeforeTest || (timing.seriesReadAt !== undefined && timing.seriesReadAt <= timing.readyAt), 'the load did not say it had read the series before it was ready');
    assert.equal(rounds.length, 2 * EDIT_ROUNDS);
  });
});
