import * as vscode from 'vscode';
import { PAGE_STRINGS } from '../../webview/strings';

/** The page's strings, translated on the host (the page has no l10n API of its own). */
export function translatedPageStrings(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, english] of Object.entries(PAGE_STRINGS)) out[key] = vscode.l10n.t(english);
  return out;
}
