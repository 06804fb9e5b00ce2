import * as vscode from 'vscode';
import { isAlwaysExcluded } from '../core/config';
import type { WorkspaceReader } from '../core/index/load';
import { loadWorkspace } from '../core/index/load';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import { decodeFast } from '../node/decodeFast';
import { LocalFileReader } from '../node/localFiles';
import { CONFIG_FILE } from './config';
import { isHidden } from './hiddenNotes';
import type { FolderListing } from './folderListings';
import { listHiddenNotes } from './workspaceFiles';

export interface LoadProgress {
  done: number;
  total: number;
}

/** What loading (and feeding files from disk) reads of the IndexService. */
export interface IndexHost {
  readonly index: WorkspaceIndex;
  readonly root: vscode.Uri | undefined;
  readonly log: vscode.LogOutputChannel;
  fileOf(uri: vscode.Uri): string | undefined;
  uriOf(file: string): vscode.Uri;
  documentOf(file: string): vscode.TextDocument | undefined;
}

/** Longest stretch of indexing between two turns of the event loop. */
const SLICE_MS = 20;
/** Shortest time between two progress reports of a load. */
const PROGRESS_MS = 100;

/**
 * Reads the whole workspace into the index (unsaved buffers win over the disk, and are recorded in `fromBuffer`
 * with their version and in `fedText` with their text; what was read from the disk leaves `fedText`): forgets the
 * files that vanished or the config now leaves out, loads the listed files in chunks, yielding to the event loop,
 * and builds who-links-to-what. Resolves with the number of notes, the files whose diagnostics were re-checked and the
 * folder's listing.
 * The series files and the notes they name are read first: `seriesRead` is called once they are in the index (see
 * LoadOptions.onSeriesRead), so that the Series view shows them while the rest loads. A cancelled `token` stops the
 * reading: the notes not read yet keep what the index held. `list` lists the folder (see FolderListings.list).
 */
export async function loadAll(
  host: IndexHost,
  { fromBuffer, fedText }: { fromBuffer: Map<string, number>; fedText: Map<string, string> },
  report: (p: LoadProgress | undefined) => void,
  token: vscode.CancellationToken | undefined,
  seriesRead: () => void,
  list: (root: vscode.Uri) => Promise<FolderListing>,
): Promise<{ notes: number; changed: string[]; listing: FolderListing }> {
  const { root, index, log } = host;
  if (!root) return { notes: 0, changed: [], listing: { files: [], confirmed: true } };
  const [listing, hiddenNotes] = await Promise.all([list(root), listHiddenNotes(root, log)]);
  const listed = listing.files;
  const present = new Set(listed);
  // forget files that vanished or are no longer included
  index.beginBatch();
  // the notes files.exclude hides, known by file name only ([[name]] finds them)
  const gone: string[] = index.setHiddenNotes(hiddenNotes);
  for (const f of [...index.files()]) {
    // a note the config now leaves out stops being a note (loading adds it back as a plain file)
    if (!present.has(f) || (index.isNote(f) && !index.isIncluded(f))) gone.push(...index.removeFile(f));
  }
  gone.push(...index.endBatch());
  // a workspace on this machine's disk is read directly, one file at a time (see LocalFileReader)
  const local = root.scheme === 'file' ? localReader(root, log) : undefined;
  const reader: WorkspaceReader = {
    list: async () => listed,
    read: file => readForIndex(host, file, local, fromBuffer),
  };
  report({ done: 0, total: listed.length });
  // the host answers at least every SLICE_MS however slow a note is (the first notes run before the JIT warms up)
  const pause = timeSlicer(SLICE_MS);
  let reportedAt = 0;
  try {
    await loadWorkspace(index, reader, {
      chunkSize: 10,
      // local reads are synchronous and share one buffer: one note at a time
      concurrency: local ? 1 : 64,
      decode: decodeFast,
      yieldEvery: pause,
      onProgress: (done, total) => {
        const now = Date.now();
        if (done < total && now - reportedAt < PROGRESS_MS) return;
        reportedAt = now;
        report({ done, total });
      },
      onSkip: (file, reason) => log.warn(`skipped ${file}: ${reason}`),
      shouldStop: token ? () => token.isCancellationRequested : undefined,
      onSeriesRead: seriesRead,
    });
  } finally {
    report(undefined);
  }
  // who-links-to-what, for incremental updates: built now, not on the first keystroke
  await index.buildDependentsAsync(pause, 20);
  // unsaved buffers win over the disk; a file that is no note (an asset, a Markdown file `include` leaves out) is
  // there while its buffer is unsaved, as DiskFeed.deleted keeps it: a save writes it back (the config is read from
  // the disk only)
  const fromEditors: string[] = [];
  fedText.clear();
  for (const doc of vscode.workspace.textDocuments) {
    const file = host.fileOf(doc.uri);
    if (!file || !doc.isDirty || doc.isClosed || isHidden(index, file) || isAlwaysExcluded(file)) continue;
    if (index.isIncluded(file)) {
      const text = doc.getText();
      fromEditors.push(...index.updateNote(file, text), file);
      fromBuffer.set(file, doc.version);
      fedText.set(file, text);
    } else if (isUnsavedPlainFile(index, file)) {
      fromEditors.push(...index.addFile(file));
      fromBuffer.set(file, doc.version);
    }
  }
  let notes = 0;
  const changed = new Set<string>([...gone, ...fromEditors]);
  for (const n of index.notes()) { notes++; changed.add(n.file); }
  for (const f of index.allDiagnostics().keys()) changed.add(f);
  return { notes, changed: [...changed], listing };
}

/**
 * Whether an unsaved buffer of `file` adds a file the index lacks that is no note (an asset, a Markdown file the
 * config leaves out): a save would write it back, so links to it resolve. Not the config file, whose unsaved text is
 * not applied.
 */
export function isUnsavedPlainFile(index: WorkspaceIndex, file: string): boolean {
  return !index.isIncluded(file) && !index.hasFile(file) && file !== CONFIG_FILE && !isHidden(index, file) && !isAlwaysExcluded(file);
}

/**
 * Bytes of a note for the loader: the open buffer's text when the document is open (possibly unsaved). A dirty
 * buffer's read is recorded in `fromBuffer` at once: closed unsaved while the load runs, the buffer sends the index
 * back to the disk (see BufferFeed), as it does once the load has ended.
 */
async function readForIndex(host: IndexHost, file: string, local: LocalFileReader | undefined, fromBuffer: Map<string, number>): Promise<Uint8Array> {
  const doc = host.documentOf(file);
  if (doc && doc.isDirty) {
    fromBuffer.set(file, doc.version);
    return new TextEncoder().encode(doc.getText());
  }
  return local ? local.readTransient(file) : vscode.workspace.fs.readFile(host.uriOf(file));
}

/**
 * A file's bytes as they are on disk: read directly in a `file:` workspace (never outside it, see
 * LocalFileReader), through `workspace.fs` otherwise.
 */
export async function diskBytes(host: Pick<IndexHost, 'root' | 'uriOf'>, file: string): Promise<Uint8Array> {
  const root = host.root;
  if (root?.scheme !== 'file') return vscode.workspace.fs.readFile(host.uriOf(file));
  // a fresh reader: folders may have been replaced by links since the last read
  return Buffer.from(new LocalFileReader(root.fsPath).readTransient(file));
}

/** A direct reader for a `file:` workspace; undefined (read through `workspace.fs`) when its folder cannot be resolved. */
function localReader(root: vscode.Uri, log: vscode.LogOutputChannel): LocalFileReader | undefined {
  try {
    return new LocalFileReader(root.fsPath);
  } catch (e) {
    log.warn(`reading through the editor's file system: ${errorText(e)}`);
    return undefined;
  }
}

/**
 * A pause for long work done in small steps: it yields to the event loop once `sliceMs` have passed since it last
 * did, and otherwise lets the work go on at once.
 */
function timeSlicer(sliceMs: number): () => Promise<void> {
  let last = Date.now();
  return async () => {
    if (Date.now() - last < sliceMs) return;
    await yieldToEventLoop();
    last = Date.now();
  };
}

export function yieldToEventLoop(): Promise<void> {
  return new Promise(resolve => setImmediate(resolve));
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
