import type { UnreadableReason } from '../core/text/unreadable';
import type { Translator } from './diagnosticMessageBuilder';

/**
 * Why a note could not be read, in the editor's display language, from the facts the core recorded (the core's
 * English sentence, `NoteRecord.unreadable`, is the CLI's and the log's). The translator is `vscode.l10n`.
 */
export function unreadableText(reason: UnreadableReason, l10n: Translator): string {
  switch (reason.kind) {
    case 'binary': return l10n.t('The file is binary (it contains NUL bytes), not Markdown text: it is not checked.');
    case 'invalid-utf8': return l10n.t('The file is not valid UTF-8 (the first bad byte is at offset {0}): it is not checked.', String(reason.offset));
    case 'utf-16': return l10n.t('The file is UTF-16 {0} text: save it as UTF-8 to have it checked.', reason.order);
    case 'too-large': return l10n.t('The file is larger than {0} MB: it is not checked.', String(reason.megabytes));
    case 'read-error': return l10n.t('The file could not be read: {0}', reason.error);
  }
}
