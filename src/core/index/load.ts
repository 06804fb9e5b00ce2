import { basename } from '../paths';
import { isReadmeName } from '../series/readmeSections';
import { decodeNote, type DecodeResult } from '../text/decode';
import { unreadableMessage, type UnreadableReason } from '../text/unreadable';
import type { WorkspaceIndex } from './workspaceIndex';

/** The only way the core reads files: the CLI implements it over `fs`, the extension over `workspace.fs`. */
export interface WorkspaceReader {
  /** every file of the workspace (workspace-relative POSIX paths), Markdown or not */
  list(): Promise<string[]>;
  read(file: string): Promise<Uint8Array>;
  /**
   * told once, before the first `read`, which files will be read and in what order (a reader may read ahead); not
   * told when the series are read first (`LoadOptions.onSeriesRead`: that order depends on what the series name)
   */
  willRead?(files: readonly string[]): void;
}

export interface LoadOptions {
  /** files read concurrently (default 32) */
  concurrency?: number;
  onProgress?(done: number, total: number): void;
  /** awaited every `chunkSize` notes so an editor stays responsive (default: never) */
  yieldEvery?(): Promise<void>;
  chunkSize?: number;
  /** a file that could not be read or decoded: it is marked unreadable (or, when it vanished, skipped) and reported here */
  onSkip?(file: string, reason: string): void;
  /** a faster decoder with the same answers as `decodeNote` (the CLI passes Node's native one) */
  decode?(bytes: Uint8Array): DecodeResult;
  /**
   * Asked before each note: true stops reading (a cancelled re-check). The notes not read keep what the index held
   * for them, and the batch still ends, so the index stays whole.
   */
  shouldStop?(): boolean;
  /**
   * When given, the series files (every README and coverage matrix) are read first, then the notes their series
   * name (chapters, the files of the matrices' rows), and this is awaited before any other note is read: a view can
   * show the series, whose chapters are then known to exist and to be drafts or not, while the rest loads. Their
   * diagnostics still come with the end of the load. The index ends the same whatever the order.
   */
  onSeriesRead?(): void | Promise<void>;
}

/** Largest note read (bigger files are reported and skipped). */
export const MAX_NOTE_BYTES = 16 * 1024 * 1024;

/**
 * Feeds every file of the workspace into the index in one batch: each note is scanned once and checked once.
 * Files that vanish mid-scan or cannot be read are reported through `onSkip`, never thrown (see `feedReadError`).
 */
export async function loadWorkspace(index: WorkspaceIndex, reader: WorkspaceReader, opts: LoadOptions = {}): Promise<void> {
  const all = await reader.list();
  const notes: string[] = [];
  index.beginBatch();
  try {
    addLeftOutFiles(index, all);
    for (const f of all) if (index.isIncluded(f)) notes.push(f);
    const total = notes.length;
    let done = 0;
    const chunk = opts.chunkSize ?? 200;
    // reads `files` in order, `concurrency` at a time
    const feedAll = async (files: readonly string[]) => {
      let next = 0;
      const worker = async () => {
        while (next < files.length && !opts.shouldStop?.()) {
          const file = files[next++];
          let bytes: Uint8Array | undefined;
          try {
            bytes = await reader.read(file);
          } catch (e) {
            feedReadError(index, file, e, opts.onSkip);
          }
          if (bytes) feedBytes(index, file, bytes, opts.onSkip, opts.decode);
          done++;
          if (opts.yieldEvery && done % chunk === 0) {
            opts.onProgress?.(done, total);
            await opts.yieldEvery();
          }
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 32) }, worker));
    };
    if (opts.onSeriesRead) {
      const seriesFiles = notes.filter(f => isReadmeName(f) || basename(f) === index.config.matrixFileName);
      await feedAll(seriesFiles);
      const read = new Set(seriesFiles);
      // (a chapter that is only planned has no file to read)
      const listed = new Set(notes);
      const named = filesNamedBySeries(index).filter(f => listed.has(f) && !read.has(f));
      await feedAll(named);
      for (const f of named) read.add(f);
      if (!opts.shouldStop?.()) await opts.onSeriesRead();
      await feedAll(notes.filter(f => !read.has(f)));
    } else {
      reader.willRead?.(notes);
      await feedAll(notes);
    }
    opts.onProgress?.(done, total);
  } catch (e) {
    index.endBatch();
    throw e;
  }
  if (opts.yieldEvery) await index.endBatchAsync(opts.yieldEvery, opts.chunkSize ?? 200);
  else index.endBatch();
}

/** The files the series of the index name (chapters, then the files of the matrices' rows), each once, in that order. */
export function filesNamedBySeries(index: WorkspaceIndex): string[] {
  const named = new Set<string>();
  for (const series of index.series()) {
    for (const category of series.categories) for (const chapter of category.chapters) named.add(chapter.file);
    for (const row of index.coverage(series)?.rows ?? []) for (const ref of row.files) named.add(ref.file);
  }
  return [...named];
}

/**
 * Registers the listed files that are not notes to check (images, PDFs, and Markdown files the config's
 * include/exclude leave out): they are never read, but they exist, so links to them resolve.
 */
export function addLeftOutFiles(index: WorkspaceIndex, all: readonly string[]): void {
  for (const f of all) if (!index.isIncluded(f)) index.addFile(f);
}

/**
 * A note the reader could not read: reported through `onSkip`, and marked unreadable, since it exists (permission
 * denied, a folder in its place …) and links to it are not broken; unless it vanished since it was listed.
 */
export function feedReadError(index: WorkspaceIndex, file: string, error: unknown, onSkip?: (file: string, reason: string) => void): string[] {
  const why: UnreadableReason = { kind: 'read-error', error: String((error as Error)?.message ?? error) };
  const reason = unreadableMessage(why);
  onSkip?.(file, reason);
  return vanished(error) ? [] : index.setUnreadable(file, reason, why);
}

/** Whether a read failed because the file (or a folder on its path) no longer exists: Node's codes, and `workspace.fs`'s. */
function vanished(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'FileNotFound';
}

/** Decodes a note's bytes and feeds the index; undecodable content marks the note unreadable with the reason. */
export function feedBytes(
  index: WorkspaceIndex, file: string, bytes: Uint8Array, onSkip?: (file: string, reason: string) => void,
  decode: (bytes: Uint8Array) => DecodeResult = decodeNote,
): string[] {
  if (bytes.length > MAX_NOTE_BYTES) {
    const why: UnreadableReason = { kind: 'too-large', megabytes: MAX_NOTE_BYTES / 1024 / 1024 };
    const reason = unreadableMessage(why);
    onSkip?.(file, reason);
    return index.setUnreadable(file, reason, why);
  }
  const decoded = decode(bytes);
  if (!decoded.ok) {
    onSkip?.(file, decoded.message);
    return index.setUnreadable(file, decoded.message, decoded.unreadable);
  }
  return index.updateNote(file, decoded.text);
}
