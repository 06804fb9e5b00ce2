import * as vscode from 'vscode';
import type { NoteRecord } from '../../core/index/api';
import { eventWithin } from '../eventWithin';
import type { IndexService } from '../indexService';
import { isIndexReady } from './readiness';

export interface CurrentNote {
  file: string;
  record: NoteRecord;
  /** the document's version `record` was found to hold (see `isIndexedAsShown`): the text its ranges are of */
  version: number;
}

/** How long a provider waits for the index to catch up with a buffer that was just edited. */
const CATCH_UP_MS = 1000;

/**
 * The index record of an open document, as fresh as the buffer: when the index does not hold the buffer's current
 * text (an edit the service has not re-indexed yet: see `isIndexedAsShown`), has that edit indexed now rather than
 * when typing pauses (the debounce may be seconds long) and waits for that file's next update — at most a
 * second — so that link ranges match what is on screen. Undefined before the index is ready, for files
 * outside the workspace, for documents the index does not know, and while the index still holds other text than the
 * buffer after that second (a debounce of a second or more, a busy index queue): the record's ranges and diagnostics
 * are of that other text, and a fix built on them would edit the wrong characters.
 */
export async function currentNote(service: IndexService, document: vscode.TextDocument): Promise<CurrentNote | undefined> {
  if (!isIndexReady(service)) return undefined;
  const file = service.fileOf(document.uri);
  if (file === undefined) return undefined;
  let record = service.index.note(file);
  if (record === undefined || !service.isIndexedAsShown(document, record.length)) {
    const updated = nextUpdateOf(service, file, CATCH_UP_MS);
    service.feedNow(document);
    await updated;
    record = service.index.note(file);
    if (record === undefined || !service.isIndexedAsShown(document, record.length)) return undefined;
  }
  return { file, record, version: document.version };
}

async function nextUpdateOf(service: IndexService, file: string, timeoutMs: number): Promise<void> {
  await eventWithin(service.onDidChange, e => e.files.includes(file), timeoutMs);
}

/**
 * Waits (at most a second) until the index has caught up with every open note whose buffer differs from what was
 * indexed — e.g. right after a WorkspaceEdit, before the service's debounced re-index ran.
 */
export async function settleOpenNotes(service: IndexService): Promise<void> {
  const pending: Promise<void>[] = [];
  for (const document of vscode.workspace.textDocuments) {
    if (document.isClosed) continue;
    const file = service.fileOf(document.uri);
    if (file === undefined) continue;
    const record = service.index.note(file);
    if (record !== undefined && !service.isIndexedAsShown(document, record.length)) pending.push(nextUpdateOf(service, file, CATCH_UP_MS));
  }
  await Promise.all(pending);
}
