import { events, settings, Uri, warnings, workspace, type DiagnosticCollection } from './vscodeStub';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type * as vscode from 'vscode';
import { registerDiagnostics } from '../../../src/extension/diagnostics';
import { ruleCodeOf } from '../../../src/extension/features/codeActions';
import { IndexService } from '../../../src/extension/indexService';

/**
 * A real IndexService over a temporary folder on disk, driven through the vscode stub: what the lifecycle tests
 * share (indexService.test.ts, deletedWhileOpen.test.ts).
 */

/** An editor buffer over `text` for a file of the workspace folder. */
export function buffer(uri: Uri, text: string, dirty: boolean, version = 1) {
  return { uri, version, isDirty: dirty, isClosed: false, getText: () => text };
}
export type Buffer = ReturnType<typeof buffer>;

export const settle = (ms = 15) => new Promise(r => setTimeout(r, ms));

export interface Live {
  service: IndexService;
  collection: DiagnosticCollection;
  subscriptions: { dispose(): unknown }[];
  /** what the service wrote in its log */
  logged: string[];
}

/** A new empty folder, and the stub's settings, warnings and open documents reset (no debounce). */
export function freshFolder(prefix: string): string {
  settings.clear();
  settings.set('notesNavigator.diagnostics.debounceMs', 0);
  warnings.length = 0;
  workspace.textDocuments = [];
  return realpathSync(mkdtempSync(path.join(tmpdir(), prefix)));
}

export function writeIn(dir: string, file: string, text: string | Uint8Array): void {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
}

/** Writes the files, starts a service over `dir` with its diagnostics collection and waits for the initial load. */
export async function startLive(dir: string, files: Record<string, string | Uint8Array>): Promise<Live> {
  for (const [file, text] of Object.entries(files)) writeIn(dir, file, text);
  const logged: string[] = [];
  const line = (m: string) => { logged.push(m); };
  const log = { trace: line, debug: line, info: line, warn: line, error: line, show: () => undefined, dispose: () => undefined };
  const service = new IndexService(Uri.file(dir) as unknown as vscode.Uri, log as unknown as vscode.LogOutputChannel);
  const subscriptions: { dispose(): unknown }[] = [];
  const collection = registerDiagnostics({ subscriptions } as unknown as vscode.ExtensionContext, service) as unknown as DiagnosticCollection;
  void service.start();
  await service.ready;
  await idleOf(service);
  return { service, collection, subscriptions, logged };
}

/** Waits for the debounce timers and the service's queue to drain. */
export async function idleOf(service: IndexService): Promise<void> {
  await settle();
  await (service as unknown as { enqueue(t: () => Promise<void>): Promise<void> }).enqueue(async () => undefined);
  await settle(1);
}

/** Stops the service and removes the folder. */
export function stopLive(live: Live | undefined, dir: string): void {
  live?.service.dispose();
  for (const s of live?.subscriptions ?? []) s.dispose();
  workspace.textDocuments = [];
  rmSync(dir, { recursive: true, force: true });
}

/**
 * One live folder per test of a `describe` (its hooks are registered by the constructor), with the steps the
 * lifecycle tests take: start the service, edit or close buffers, read the findings.
 */
export class LiveFolder {
  dir = '';
  private live: Live | undefined;

  /** `settings`: what each test of the `describe` starts with (full keys), beside the delay of 0 */
  constructor(prefix: string, settingsOfEach: Record<string, unknown> = {}) {
    beforeEach(() => {
      this.dir = freshFolder(prefix);
      for (const [key, value] of Object.entries(settingsOfEach)) settings.set(key, value);
    });
    afterEach(() => stopLive(this.live, this.dir));
  }

  get service(): IndexService {
    return this.live!.service;
  }

  get collection(): DiagnosticCollection {
    return this.live!.collection;
  }

  /** what the service wrote in its log */
  get logged(): string[] {
    return this.live!.logged;
  }

  /** Writes the files, starts the service over the folder and waits for the initial load. */
  start = async (files: Record<string, string | Uint8Array>): Promise<void> => {
    this.live = await startLive(this.dir, files);
  };

  write = (file: string, text: string | Uint8Array): void => writeIn(this.dir, file, text);

  uri = (file: string): Uri => Uri.file(`${this.dir}/${file}`);

  idle = (): Promise<void> => idleOf(this.service);

  /** `doc` was edited (it becomes what `workspace.textDocuments` lists, with `others`). */
  edited = async (doc: Buffer, ...others: Buffer[]): Promise<void> => {
    workspace.textDocuments = [doc, ...others];
    events.changeTextDocument.fire({ document: doc, contentChanges: [{}] });
    await this.idle();
  };

  /** The editor closes `doc` without saving it. */
  closeUnsaved = async (doc: { isClosed: boolean }): Promise<void> => {
    doc.isClosed = true;
    workspace.textDocuments = workspace.textDocuments.filter(d => d !== doc);
    events.closeTextDocument.fire(doc);
    await this.idle();
  };

  // the notes have no frontmatter: only the other findings are looked at
  codes = (file: string): string[] => this.service.index.diagnostics(file).map(d => d.code).filter(c => c !== 'frontmatter-missing');

  published = (file: string): unknown[] =>
    (this.collection.byPath.get(`${this.dir}/${file}`) ?? []).map(d => ruleCodeOf(d as unknown as vscode.Diagnostic)).filter(c => c !== 'frontmatter-missing');
}
