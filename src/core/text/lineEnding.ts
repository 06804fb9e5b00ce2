/** Line breaks of a text, so that inserted lines match the ones around them. */

/** The text's line break: its first one (`\r\n`, `\n` or a lone `\r`); `\n` when it has none. */
export function lineEndingOf(text: string): string {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  if (cr === -1) return '\n';
  if (lf === -1 || cr < lf) return text.charCodeAt(cr + 1) === 10 ? '\r\n' : '\r';
  return '\n';
}

/** True when the text ends with a line break of any kind (or is empty). */
export function endsWithLineBreak(text: string): boolean {
  if (text === '') return true;
  const c = text.charCodeAt(text.length - 1);
  return c === 10 || c === 13;
}

/**
 * Whether two texts differ in their line breaks only (`\r\n`, `\n` and a lone `\r` count as one): a file and the
 * editor's buffer of it, whose line endings VS Code makes one style when it opens a file that mixes them.
 */
export function sameUpToLineEnds(a: string, b: string): boolean {
  if (a === b) return true;
  return a.replace(/\r\n?/g, '\n') === b.replace(/\r\n?/g, '\n');
}
