import type { Translator } from './diagnosticMessageBuilder';

/**
 * Lists, quotations and labels inside a sentence, in the display language: English writes `a, b, c`, `"kafka"` and
 * `Backend: 3/10`, zh-TW `a、b、c`, `「kafka」` and `後端：3/10`. A list joined with `', '`, a value wrapped in
 * ASCII quotes or a label followed by `': '` in code would show English punctuation inside a Chinese sentence. The parameter is named `l10n` so that the bundle check
 * (test/unit/core/l10n.test.ts) finds the templates.
 */

/** `a, b, c` with the display language's list separator. */
export function joinList(l10n: Translator, parts: readonly string[]): string {
  return parts.reduce((list, part) => (list === '' ? part : l10n.t('{0}, {1}', list, part)), '');
}

/** `"text"` with the display language's quotation marks. */
export function quote(l10n: Translator, text: string): string {
  return l10n.t('"{0}"', text);
}

/** `label: value` with the display language's colon. */
export function labelled(l10n: Translator, label: string, value: string): string {
  return l10n.t('{0}: {1}', label, value);
}
