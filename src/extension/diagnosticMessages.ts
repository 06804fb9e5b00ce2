import * as vscode from 'vscode';
import type { Diagnostic } from '../core/model';
import { localize } from './diagnosticMessageBuilder';

/** A diagnostic's message in VS Code's display language (the core's English message for a form it does not know). */
export function localizedMessage(d: Diagnostic): string {
  return localize(d, vscode.l10n);
}
