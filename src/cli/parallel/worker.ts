import { parentPort, workerData } from 'node:worker_threads';
import { addLeftOutFiles } from '../../core/index/load';
import { WorkspaceIndex } from '../../core/index/workspaceIndex';
import type { ForeignNote } from '../../core/index/api';
import { FolderReader } from '../walk';
import { feedClaimed } from './claim';
import type { Checked, LocalDone, NoteEvent, Others, WorkerInput } from './protocol';

/**
 * A worker thread of the CLI's parallel check (bundled as dist/checkWorker.js; the main thread's side is
 * parallelLoad.ts). Phase 1: feed the notes it claims into its own index. Phase 2: learn the other threads'
 * notes, check its own and post their diagnostics.
 */
function main(input: WorkerInput): void {
  const port = parentPort!;
  const events: NoteEvent[] = [];
  const current = { at: -1 };
  const reader = FolderReader.withLinked(input.root, input.linked, line => events.push({ at: current.at, line }));
  const index = new WorkspaceIndex(input.config, { oneShot: true });
  index.beginBatch();
  addLeftOutFiles(index, input.all);
  const mine = feedClaimed(index, reader, input.notes, input.queue, new Int32Array(input.counter), input.chunk, events, current, input.deal);
  const notes: ForeignNote[] = [];
  for (const f of mine) notes.push(index.foreignNoteOf(f)!);
  port.postMessage({ type: 'local', notes, events } satisfies LocalDone);

  port.once('message', (others: Others) => {
    for (const n of others.notes) index.addForeignNote(n);
    for (const [file, text] of others.seriesTexts) index.addForeignText(file, text);
    index.endBatch();
    const diagnostics: Checked['diagnostics'] = [];
    for (const f of mine) {
      const list = index.diagnostics(f);
      if (list.length) diagnostics.push([f, list as Checked['diagnostics'][number][1]]);
    }
    const own = new Set(mine);
    const targets: Checked['targets'] = others.wantTargets.filter(f => own.has(f)).map(f => [f, index.targetsOf(f)]);
    port.postMessage({ type: 'checked', diagnostics, targets } satisfies Checked);
    port.close();
  });
}

if (parentPort && (workerData as WorkerInput | undefined)?.notes) main(workerData as WorkerInput);
