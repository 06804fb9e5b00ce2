import { Worker } from 'node:worker_threads';
import type { NotesConfig } from '../../core/config';
import type { ForeignNote } from '../../core/index/api';
import { WorkspaceIndex } from '../../core/index/workspaceIndex';
import { addLeftOutFiles } from '../../core/index/load';
import { basename } from '../../core/paths';
import { isReadmeName } from '../../core/series/readmeSections';
import { decodeFast } from '../../node/decodeFast';
import { FolderReader } from '../walk';
import { feedClaimed, feedOne } from './claim';
import type { Checked, FromWorker, LocalDone, NoteEvent, Others, WorkerInput } from './protocol';

/** A worker thread failed or could not start: the caller checks on one thread instead. */
export class WorkerFailure extends Error {}

export interface ParallelLoadOptions {
  /** threads in all, this one included (2 or more) */
  threads: number;
  /** the worker bundle (dist/checkWorker.js) */
  workerFile: string;
  /** prints a log line; called in listing order once every thread is done */
  log(line: string): void;
  /** deal the notes round-robin rather than first come, first served (tests: every thread gets notes) */
  deal?: boolean;
}

/**
 * The CLI's `loadWorkspace` on several threads, for large workspaces. Every thread (this one and `threads - 1`
 * workers) reads, decodes and scans notes claimed from a shared queue into an index of its own; then each learns
 * the others' notes as `ForeignNote`s and checks the links of its own; this thread imports their diagnostics and
 * checks the series files last, as the one-thread load does. Returns an index with the same diagnostics, coverage
 * and log lines as `loadWorkspace` would give (differentially tested); its foreign notes carry no scan.
 */
export async function loadWorkspaceParallel(
  config: NotesConfig, listing: FolderReader, all: string[], opts: ParallelLoadOptions,
): Promise<WorkspaceIndex> {
  const index = new WorkspaceIndex(config, { oneShot: true });
  const notes = all.filter(f => index.isIncluded(f));
  const seriesNamed: number[] = [];
  const queue: number[] = [];
  notes.forEach((f, i) => (mayBeSeriesFile(f, config) ? seriesNamed : queue).push(i));
  const counter = new SharedArrayBuffer(4);
  const chunk = opts.deal ? 1 : Math.max(8, Math.min(128, Math.ceil(queue.length / (opts.threads * 16))));
  const input: WorkerInput = { root: listing.root, linked: listing.linkedFiles(), all, notes, queue, config, counter, chunk };
  const workers: WorkerLink[] = [];
  try {
    for (let k = 1; k < opts.threads; k++) {
      const workerData: WorkerInput = opts.deal ? { ...input, deal: { thread: k, threads: opts.threads } } : input;
      workers.push(new WorkerLink(new Worker(opts.workerFile, { workerData, resourceLimits: { maxYoungGenerationSizeMb: 16 } })));
    }

    // phase 1: series files on this thread, then notes claimed from the shared queue like the workers do
    const events: NoteEvent[] = [];
    const current = { at: -1 };
    const reader = FolderReader.withLinked(listing.root, input.linked, line => events.push({ at: current.at, line }));
    index.beginBatch();
    addLeftOutFiles(index, all);
    const seriesBytes = new Map<string, Uint8Array>();
    for (const at of seriesNamed) {
      const bytes = feedOne(index, reader, notes, at, events, current);
      if (bytes) seriesBytes.set(notes[at], Buffer.from(bytes));
    }
    const deal = opts.deal ? { thread: 0, threads: opts.threads } : undefined;
    const mine = feedClaimed(index, reader, notes, queue, new Int32Array(counter), chunk, events, current, deal);
    const locals = await Promise.all(workers.map(w => w.next<LocalDone>('local')));

    // phase 2: every thread checks its own notes knowing everyone else's
    for (const l of locals) for (const n of l.notes) index.addForeignNote(n);
    const seriesReadmes = new Set(index.series().map(s => s.readme));
    const ownNotes: ForeignNote[] = [];
    for (const at of seriesNamed) {
      const note = seriesReadmes.has(notes[at]) ? undefined : index.foreignNoteOf(notes[at]); // undefined: it vanished
      if (note) ownNotes.push(note);
    }
    for (const f of mine) ownNotes.push(index.foreignNoteOf(f)!);
    const seriesTexts: [string, string][] = [];
    for (const f of seriesReadmes) {
      const d = decodeFast(seriesBytes.get(f)!);
      if (d.ok) seriesTexts.push([f, d.text]);
    }
    const wantTargets = [...index.filesReadBySeriesRules()];
    workers.forEach((w, k) => {
      const others: ForeignNote[] = ownNotes.slice();
      locals.forEach((l, j) => { if (j !== k) for (const n of l.notes) others.push(n); });
      w.post({ type: 'others', notes: others, seriesTexts, wantTargets } satisfies Others);
    });
    index.checkPendingNotes();
    const results = await Promise.all(workers.map(w => w.next<Checked>('checked')));
    for (const r of results) {
      for (const [f, list] of r.diagnostics) index.importForeignDiagnostics(f, list);
      for (const [f, targets] of r.targets) index.importForeignTargets(f, targets);
    }
    index.endBatch();

    const all_events = events.concat(...locals.map(l => l.events));
    all_events.sort((a, b) => a.at - b.at); // stable: each thread's lines about one note keep their order
    for (const e of all_events) opts.log(e.line);
    return index;
  } finally {
    for (const w of workers) w.stop();
  }
}

/** README and matrix files stay on the main thread: whether they are series files is known only once read. */
function mayBeSeriesFile(file: string, config: NotesConfig): boolean {
  return isReadmeName(file) || basename(file) === config.matrixFileName;
}

/** One worker thread: its messages in arrival order, and its failure as a rejected wait. */
class WorkerLink {
  private readonly inbox: FromWorker[] = [];
  private waiting?: { type: string; resolve(m: FromWorker): void; reject(e: Error): void };
  private failure?: Error;

  constructor(private readonly worker: Worker) {
    worker.on('message', (m: FromWorker) => { this.inbox.push(m); this.deliver(); });
    worker.on('error', e => this.fail(new WorkerFailure(e.message)));
    worker.on('exit', code => this.fail(new WorkerFailure(`worker thread exited (code ${code}) before it finished`)));
  }

  next<T extends FromWorker>(type: T['type']): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting = { type, resolve: resolve as (m: FromWorker) => void, reject };
      this.deliver();
    });
  }

  post(message: Others): void {
    this.worker.postMessage(message);
  }

  stop(): void {
    this.worker.removeAllListeners();
    this.worker.on('error', () => {}); // a late failure of a worker no longer needed is not a crash
    void this.worker.terminate();
  }

  private deliver(): void {
    const w = this.waiting;
    if (!w) return;
    const m = this.inbox.shift();
    if (m) {
      this.waiting = undefined;
      if (m.type === w.type) w.resolve(m);
      else w.reject(new WorkerFailure(`worker thread sent "${m.type}", expected "${w.type}"`));
    } else if (this.failure) {
      this.waiting = undefined;
      w.reject(this.failure);
    }
  }

  private fail(e: Error): void {
    this.failure ??= e;
    this.deliver();
  }
}
