import * as vscode from 'vscode';
import type { Diagnostic, Severity } from '../core/model';
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
  const out = new vscode.Diagnostic(service.toRange(d.range), d.message, SEVERITY[d.severity]);
  out.source = DIAGNOSTIC_SOURCE;
  out.code = d.code;
  return out;
}

/**
 * Publishes the index's diagnostics into one DiagnosticCollection. Only the files the index reports as
 * re-checked are touched, so an edit costs work proportional to what it changed, not to the workspace.
 */
export function registerDiagnostics(context: vscode.ExtensionContext, service: IndexService): vscode.DiagnosticCollection {
  const collection = vscode.languages.createDiagnosticCollection('notes-navigator');
  let enabled = service.settings.diagnosticsEnabled;

  const publish = (files: Iterable<string>): void => {
    if (!enabled) return;
    for (const file of files) {
      const uri = service.uriOf(file);
      const list = service.index.diagnostics(file);
      if (list.length === 0) collection.delete(uri);
      else collection.set(uri, list.map(d => toVscodeDiagnostic(service, d)));
    }
  };
  const publishAll = (): void => {
    collection.clear();
    if (enabled) publish(service.index.allDiagnostics().keys());
  };

  context.subscriptions.push(
    collection,
    service.onDidChange(e => publish(e.files)),
    service.onDidChangeSettings(s => {
      if (s.diagnosticsEnabled === enabled) return;
      enabled = s.diagnosticsEnabled;
      publishAll();
    }),
  );
  void service.ready.then(publishAll);
  return collection;
}
