import * as vscode from 'vscode';
import type { Diagnostic, Severity } from '../core/model';
import { localizedMessage } from './diagnosticMessages';
import type { IndexService } from './indexService';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** Source shown next to every diagnostic in the Problems panel. */
export const DIAGNOSTIC_SOURCE = 'notes-navigator';

export function toVscodeDiagnostic(service: IndexService, d: Diagnostic): vscode.Diagnostic {
  const out = new vscode.Diagnostic(service.toRange(d.range), localizedMessage(d), SEVERITY[d.severity]);
  out.source = DIAGNOSTIC_SOURCE;
  out.code = d.code;
  const related = relatedInformationOf(service, d);
  if (related.length > 0) out.relatedInformation = related;
  return out;
}

/**
 * The other files a diagnostic is about, as links under it in the Problems panel: the note that lacks a declared
 * cross-reference, the matrix or README a chapter is missing from, the chapters an ambiguous number may mean.
 */
function relatedInformationOf(service: IndexService, d: Diagnostic): vscode.DiagnosticRelatedInformation[] {
  const data = d.data ?? {};
  const str = (k: string): string | undefined => (typeof data[k] === 'string' && data[k] !== '' ? data[k] as string : undefined);
  const at = (file: string, message: string) =>
    new vscode.DiagnosticRelatedInformation(new vscode.Location(service.uriOf(file), new vscode.Range(0, 0, 0, 0)), message);
  switch (d.code) {
    case 'xref-missing-link': {
      const from = str('from');
      const to = str('toSpan') ?? str('to');
      // a span of notes lacking the link has no one note to point at
      return from && to && data.fromSpan === undefined ? [at(from, vscode.l10n.t('{0} does not link to {1}', from, to))] : [];
    }
    case 'coverage-unlisted': {
      const matrix = str('matrix');
      if (matrix) return [at(matrix, vscode.l10n.t('the coverage matrix of this series'))];
      const readme = str('readme');
      return readme ? [at(readme, vscode.l10n.t('the README of this series'))] : [];
    }
    case 'chapter-number-unknown': {
      const candidates = Array.isArray(data.candidates) ? data.candidates.filter((c): c is string => typeof c === 'string') : [];
      return candidates.map(c => at(c, vscode.l10n.t('a chapter numbered {0}', String(data.num))));
    }
    default:
      return [];
  }
}

/**
 * Publishes the index's diagnostics into one DiagnosticCollection. Only the files the index reports as
 * re-checked are touched, so an edit costs work proportional to what it changed, not to the workspace.
 */
export function registerDiagnostics(context: vscode.ExtensionContext, service: IndexService): vscode.DiagnosticCollection {
  const collection = vscode.languages.createDiagnosticCollection('notes-navigator');
  let enabled = service.settings.diagnosticsEnabled;

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
  const publish = (files: Iterable<string>): void => {
    if (!enabled) return;
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
    if (enabled) publish(service.index.allDiagnostics().keys());
  };

  context.subscriptions.push(
    collection,
    service.onDidChange(e => publish(e.files)),
    service.onDidChangeRoot(() => publishAll()), // another folder: the old one's findings go (its paths would be misread)
    service.onDidChangeSettings(s => {
      if (s.diagnosticsEnabled === enabled) return;
      enabled = s.diagnosticsEnabled;
      publishAll();
    }),
  );
  // the initial load reports every note through onDidChange: nothing to publish again when it is ready
  return collection;
}
