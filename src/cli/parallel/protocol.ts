import type { NotesConfig } from '../../core/config';
import type { ForeignNote } from '../../core/index/api';
import type { Diagnostic } from '../../core/model';

/**
 * Messages between the CLI's main thread and the worker threads of a parallel check (parallelLoad.ts, worker.ts).
 * Phase 1: every thread reads notes claimed from a shared queue and computes what depends on each note alone.
 * Phase 2: every thread learns the others' notes (as `ForeignNote`s) and checks the links of its own notes.
 */

/** The workerData a worker starts with. */
export interface WorkerInput {
  root: string;
  /** files the listing reached through symbolic links (re-checked when read) */
  linked: string[];
  /** the whole listing: notes and other files */
  all: string[];
  /** the notes, in listing order; `queue` and events refer to them by index */
  notes: string[];
  /** indices of the notes the threads share (series files stay on the main thread) */
  queue: number[];
  config: NotesConfig;
  /** Int32 [next chunk to claim] */
  counter: SharedArrayBuffer;
  chunk: number;
  /** deal the chunks round-robin instead (thread `thread` of `threads` takes every `threads`-th): tests use it so that every thread holds notes */
  deal?: Deal;
}

export interface Deal {
  thread: number;
  threads: number;
}

/** A log line about one note, to be printed in listing order whichever thread met it. */
export interface NoteEvent {
  /** index of the note in `notes` */
  at: number;
  line: string;
}

/** Worker → main, end of phase 1: the worker's notes as the other threads must know them. */
export interface LocalDone {
  type: 'local';
  notes: ForeignNote[];
  events: NoteEvent[];
}

/** Main → worker, start of phase 2: everything the worker does not hold itself. */
export interface Others {
  type: 'others';
  notes: ForeignNote[];
  /** series READMEs, whole: they decide where backtick references resolve */
  seriesTexts: [file: string, text: string][];
  /** notes whose link targets the series rules read */
  wantTargets: string[];
}

/** Worker → main, end of phase 2: the diagnostics of the worker's notes (those that have any). */
export interface Checked {
  type: 'checked';
  diagnostics: [file: string, diagnostics: Diagnostic[]][];
  targets: [file: string, targets: string[]][];
}

export type FromWorker = LocalDone | Checked;
