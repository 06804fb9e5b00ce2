import * as vscode from 'vscode';
import { relatedPlaces, type RelatedPlace } from '../core/index/relatedPlaces';
import type { Diagnostic, Severity } from '../core/model';
import { localizedMessage } from './diagnosticMessages';
import { diagnosticsWithheld, judgeAgain, withheldLogLine } from './diagnosticsGate';
import type { IndexService } from './indexService';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** Source shown next to every diagnostic in the Problems panel. */
export const DIAGNOSTIC_SOURCE = 'notes-navigator';

/**
 * Where the README's Rules section documents every code (the repository's README, as package.json `repository`
 * names it; the README has no heading per rule): the Problems panel and the hover show the code as a link to it.
 */
export const RULES_DOCUMENTATION = { scheme: 'https', authority: 'github.com', path: '/notes-navigator/notes-navigator', fragment: 'rules' } as const;

let rulesDocumentation: vscode.Uri | undefined;

export function toVscodeDiagnostic(service: IndexService, d: Diagnostic): vscode.Diagnostic {
  const out = new vscode.Diagnostic(service.toRange(d.range), localizedMessage(d), SEVERITY[d.severity]);
  out.source = DIAGNOSTIC_SOURCE;
  // (what reads the code back takes either form: see ruleCodeOf)
  out.code = { value: d.code, target: rulesDocumentation ??= vscode.Uri.from(RULES_DOCUMENTATION) };
  const related = relatedInformationOf(service, d);
  if (related.length > 0) out.relatedInformation = related;
  return out;
}

/**
 * The other files a diagnostic is about, as links under it in the Problems panel: the note that lacks a declared
 * cross-reference, the matrix or README a chapter is missing from, the chapters an ambiguous number may mean; each
 * at the line the index knows (see relatedPlaces).
 */
function relatedInformationOf(service: IndexService, d: Diagnostic): vscode.DiagnosticRelatedInformation[] {
  return relatedPlaces(service.index, d).map(p =>
    new vscode.DiagnosticRelatedInformation(new vscode.Location(service.uriOf(p.file), service.toRange(p.range)), relatedMessage(p)));
}

function relatedMessage(p: RelatedPlace): string {
  switch (p.kind) {
    case 'lacks-link': return vscode.l10n.t('{0} does not link to {1}', p.file, p.to);
    case 'matrix': return vscode.l10n.t('the coverage matrix of this series');
    case 'readme': return vscode.l10n.t('the README of this series');
    case 'candidate': return vscode.l10n.t('a chapter numbered {0}', p.num);
  }
}

/**
 * Publishes the index's diagnostics into one DiagnosticCollection. Only the files the index reports as
 * re-checked are touched, so an edit costs work proportional to what it changed, not to the workspace.
 * Nothing is published while the setting withholds them (see diagnosticsGate.ts); whether it does is looked at again
 * with every change the index announces (a series README written or deleted), before its files are published, and
 * when the settings, the indexed folder or its `.notes-navigator.json` come or go.
 */
export function registerDiagnostics(context: vscode.ExtensionContext, service: IndexService): vscode.DiagnosticCollection {
  const collection = vscode.languages.createDiagnosticCollection('notes-navigator');
  let enabled = diagnosticsWithheld(service) === undefined;
  /** the notes folders whose withheld findings the log told of (once per folder) */
  const toldWithheld = new Set<string>();

  /** files that have diagnostics in the collection now (clearing a file that has none sends nothing) */
  const shown = new Set<string>();
  /** files waiting to be published; a large batch drains in chunks so the host keeps answering */
  const queue = new Set<string>();
  let draining = false;
  const CHUNK = 250;

  /** Publishes a chunk of files: the new lists in one `set` call (one message to the editor, not one per file). */
  const publishFiles = (files: string[]): void => {
    const entries: [vscode.Uri, vscode.Diagnostic[]][] = [];
    for (const file of files) {
      const list = service.index.diagnostics(file);
      if (list.length === 0) {
        if (shown.delete(file)) collection.delete(service.uriOf(file));
      } else {
        shown.add(file);
        entries.push([service.uriOf(file), list.map(d => toVscodeDiagnostic(service, d))]);
      }
    }
    // a file given twice would have its lists merged: each file is in `files` once (they come from a Set)
    if (entries.length > 0) collection.set(entries);
  };
  const drain = (): void => {
    const chunk: string[] = [];
    for (const file of queue) {
      queue.delete(file);
      chunk.push(file);
      if (chunk.length >= CHUNK) break;
    }
    publishFiles(chunk);
    draining = queue.size > 0;
    if (draining) setImmediate(drain);
  };
  /** Tells the log, once per notes folder, that `auto` withholds findings, when one of `files` has any. */
  const tellWithheld = (files: Iterable<string>): void => {
    const root = service.root;
    if (!root || toldWithheld.has(root.toString()) || diagnosticsWithheld(service) !== 'auto') return;
    for (const file of files) {
      if (service.index.diagnostics(file).length === 0) continue;
      toldWithheld.add(root.toString());
      service.log.info(withheldLogLine(root));
      return;
    }
  };
  const publish = (files: Iterable<string>): void => {
    if (!enabled) {
      tellWithheld(files);
      return;
    }
    for (const f of files) queue.add(f);
    if (draining) return;
    if (queue.size <= CHUNK) drain();
    else {
      draining = true;
      setImmediate(drain);
    }
  };
  const publishAll = (): void => {
    collection.clear();
    shown.clear();
    queue.clear();
    publish(service.index.allDiagnostics().keys());
  };
  /** Follows the setting and the folder: true when that publishes everything, or withdraws it. */
  const follow = (): boolean => {
    const now = diagnosticsWithheld(service) === undefined;
    if (now === enabled) return false;
    enabled = now;
    publishAll();
    return true;
  };

  context.subscriptions.push(
    collection,
    // (a change that turns them on publishes every file, these among them)
    service.onDidChange(e => { if (!follow()) publish(e.files); }),
    service.onDidChangeRoot(() => { // another folder: the old one's findings go (its paths would be misread)
      enabled = diagnosticsWithheld(service) === undefined;
      publishAll();
    }),
    service.onDidChangeSettings(() => { judgeAgain(service); follow(); }), // (any notesNavigator.* setting: notesFolder too)
    // the file is announced as it is read, before the index has its configuration (a narrower include, rules turned
    // off): followed once that read's work is over, or the old configuration's findings would show meanwhile
    service.configFile.onDidChangeHasFile(() => void service.afterQueued().then(() => { judgeAgain(service); follow(); })),
  );
  // the initial load reports every note through onDidChange: nothing to publish again when it is ready
  return collection;
}
