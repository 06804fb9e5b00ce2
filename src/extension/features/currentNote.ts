import * as vscode from 'vscode';
import type { NoteRecord } from '../../core/index/api';
import { eventWithin } from '../eventWithin';
import type { IndexService } from '../indexService';
import { waitingHelps, whyNotANote } from './notANote';
import { isIndexReady } from './readiness';

export interface CurrentNote {
  file: string;
  record: NoteRecord;
  /** the document's version `record` was found to hold (see `isIndexedAsShown`): the text its ranges are of */
  version: number;
}

/** How long a provider waits for the index to catch up with a buffer that was just edited. */
const CATCH_UP_MS = 1000;

/** How a provider waits for the index to hold a buffer's text. */
export interface CatchUp {
  /**
   * The user asked (a hover, go to definition, a quick fix they opened, Fix All): have a waiting edit indexed now
   * rather than when typing pauses. Requests the editor makes on its own (document links, the light bulb) leave
   * the debounce alone, so that it still paces re-checks while typing.
   */
  now: boolean;
  /** how long to wait at most, in ms (a second by default) */
  waitMs?: number;
}

/**
 * The index record of an open document, as fresh as the buffer: when the index does not hold the buffer's current
 * text (an edit the service has not re-indexed yet: see `isIndexedAsShown`), waits until it does — at most a second,
 * or `waitMs` — having the edit indexed at once when the user asked (`now`), so that link ranges match what is on
 * screen. Undefined before the index is ready, for files outside the workspace, at once for files no wait makes a
 * note of (see `whyNotANote`), for documents the index still does not know after the wait, and while the index
 * still holds other text than the buffer after that wait (a debounce longer than it, a busy index queue): the
 * record's ranges and diagnostics are of that other text, and a fix built on them would edit the wrong characters.
 */
export async function currentNote(service: IndexService, document: vscode.TextDocument,
  catchUp: CatchUp = { now: true }): Promise<CurrentNote | undefined> {
  if (!isIndexReady(service)) return undefined;
  const file = service.fileOf(document.uri);
  if (file === undefined) return undefined;
  const fresh = (): NoteRecord | undefined => {
    const r = service.index.note(file);
    return r !== undefined && service.isIndexedAsShown(document, r.length) ? r : undefined;
  };
  let record = fresh();
  if (record === undefined) {
    // a file no wait can make a note of (excluded, hidden, not `*.md`) answers at once, not after a second
    const reason = whyNotANote(service, document.uri, document);
    if (reason !== undefined && !waitingHelps(reason)) return undefined;
    const deadline = Date.now() + (catchUp.waitMs ?? CATCH_UP_MS);
    let updated = nextUpdateOf(service, file, deadline - Date.now());
    if (catchUp.now) service.feedNow(document);
    // an update of this file can come before its own: another note's edit re-checks it as a dependent
    while ((await updated) && (record = fresh()) === undefined && !document.isClosed && Date.now() < deadline) {
      updated = nextUpdateOf(service, file, deadline - Date.now());
    }
    record ??= fresh();
    if (record === undefined) return undefined;
  }
  return { file, record, version: document.version };
}

/** Whether an update of `file` came within `timeoutMs`. */
function nextUpdateOf(service: IndexService, file: string, timeoutMs: number): Promise<boolean> {
  return eventWithin(service.onDidChange, e => e.files.includes(file), Math.max(0, timeoutMs));
}

/**
 * Waits (at most a second) until the index has caught up with every open note whose buffer differs from what was
 * indexed — e.g. right after a WorkspaceEdit, before the service's debounced re-index ran.
 */
export async function settleOpenNotes(service: IndexService): Promise<void> {
  const pending: Promise<boolean>[] = [];
  for (const document of vscode.workspace.textDocuments) {
    if (document.isClosed) continue;
    const file = service.fileOf(document.uri);
    if (file === undefined) continue;
    const record = service.index.note(file);
    if (record !== undefined && !service.isIndexedAsShown(document, record.length)) pending.push(nextUpdateOf(service, file, CATCH_UP_MS));
  }
  await Promise.all(pending);
}
