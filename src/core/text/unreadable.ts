/**
 * Why a note's text could not be read as Markdown, with the facts of the case: the CLI and the log print its English
 * sentence (`unreadableMessage`), the editor words it again in its display language from these facts.
 */
export type UnreadableReason =
  /** a NUL byte at `offset` (in the first 8 KB): what git and editors treat as binary */
  | { kind: 'binary'; offset: number }
  /** the first byte that breaks UTF-8 is at `offset` */
  | { kind: 'invalid-utf8'; offset: number }
  /** UTF-16 text (with its byte order mark) */
  | { kind: 'utf-16'; order: 'LE' | 'BE' }
  /** larger than `megabytes` MB: not read */
  | { kind: 'too-large'; megabytes: number }
  /** the reader failed: its error's message */
  | { kind: 'read-error'; error: string };

/** The English sentence the CLI prints after "skipped <file>: ". */
export function unreadableMessage(reason: UnreadableReason): string {
  switch (reason.kind) {
    case 'binary': return 'file is binary (contains NUL bytes), not Markdown text';
    case 'invalid-utf8': return `file is not valid UTF-8 (first bad byte at offset ${reason.offset})`;
    case 'utf-16': return `file is UTF-16 ${reason.order} text; save it as UTF-8 to have it checked`;
    case 'too-large': return `is larger than ${reason.megabytes} MB; not checked`;
    case 'read-error': return `could not be read: ${reason.error}`;
  }
}
