import type { Translator } from './diagnosticMessageBuilder';

/**
 * Lists and quotations inside a sentence, in the display language: English writes `a, b, c` and `"kafka"`,
 * zh-TW `a、b、c` and `「kafka」`. A list joined with `', '` or a value wrapped in ASCII quotes in code would
 * show English punctuation inside a Chinese sentence. The parameter is named `l10n` so that the bundle check
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
