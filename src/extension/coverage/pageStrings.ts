import * as vscode from 'vscode';
import type { CoverageViewModel } from '../../core/coverage/viewModel';
import { PAGE_STRINGS } from '../../webview/strings';
import { buildMessage, type Translator } from '../diagnosticMessageBuilder';

/** The page's strings, translated on the host (the page has no l10n API of its own). */
export function translatedPageStrings(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, english] of Object.entries(PAGE_STRINGS)) out[key] = vscode.l10n.t(english);
  return out;
}

/**
 * The model with each matrix problem worded as the Problems panel words the same diagnostic, in the display
 * language (the editor's message builder, from the problem's code and facts); the page shows `message` as is.
 * A form the builder does not know keeps the core's English message.
 */
export function withLocalizedProblems(model: CoverageViewModel, l10n: Translator = vscode.l10n): CoverageViewModel {
  if (!model.series.some(s => s.matrixProblems.length > 0)) return model;
  return {
    series: model.series.map(s => s.matrixProblems.length === 0 ? s : {
      ...s,
      matrixProblems: s.matrixProblems.map(p => ({ ...p, message: buildMessage(p, l10n) ?? p.message })),
    }),
  };
}
