import { feedBytes, feedReadError } from '../../core/index/load';
import type { WorkspaceIndex } from '../../core/index/workspaceIndex';
import { decodeFast } from '../../node/decodeFast';
import type { FolderReader } from '../walk';
import type { Deal, NoteEvent } from './protocol';

/**
 * Phase 1 of a parallel check on one thread: claims chunks of the shared queue until it is empty (or takes its
 * dealt share) and feeds each note into this thread's index, exactly as the one-thread load does. Returns the
 * notes this thread took and holds (not those that vanished before they could be read).
 */
export function feedClaimed(
  index: WorkspaceIndex, reader: FolderReader, notes: readonly string[], queue: readonly number[],
  counter: Int32Array, chunk: number, events: NoteEvent[], current: { at: number }, deal?: Deal,
): string[] {
  const taken: string[] = [];
  const first = () => (deal ? deal.thread : Atomics.add(counter, 0, 1));
  const next = (c: number) => (deal ? c + deal.threads : Atomics.add(counter, 0, 1));
  for (let c = first(); c * chunk < queue.length; c = next(c)) {
    const end = Math.min(queue.length, (c + 1) * chunk);
    for (let k = c * chunk; k < end; k++) {
      feedOne(index, reader, notes, queue[k], events, current);
      if (index.isNote(notes[queue[k]])) taken.push(notes[queue[k]]);
    }
  }
  return taken;
}

/**
 * Reads and feeds note `at`; a file that cannot be read or decoded is reported as an event and marked unreadable
 * (or left out when it vanished), as `loadWorkspace` does. Returns the bytes read, valid until the reader's next read.
 */
export function feedOne(
  index: WorkspaceIndex, reader: FolderReader, notes: readonly string[], at: number, events: NoteEvent[], current: { at: number },
): Uint8Array | undefined {
  const file = notes[at];
  current.at = at;
  const skip = (f: string, reason: string) => { events.push({ at, line: `skipped ${f}: ${reason}` }); };
  let bytes: Uint8Array | undefined;
  try {
    bytes = reader.readTransient(file);
  } catch (e) {
    feedReadError(index, file, e, skip);
  }
  if (bytes) feedBytes(index, file, bytes, skip, decodeFast);
  return bytes;
}
