/**
 * Text and paths written into one cell of a GFM table so that they read back as they are (as `nodeText` and an
 * inline code value read them), and stay readable: only what can start Markdown syntax in a cell is escaped.
 */

/** What `markdownText` escapes (a run of `_` as one match: it may stand inside a word). */
const SYNTAX = /\\(?=[!-/:-@[-`{-~])|[`*[~|]|_+|<(?=[a-z/!?])|&(?=#?[a-z0-9]+;)|(?<=https?):(?=\/\/)|(?<=www)\./gi;
/** A letter or digit: neither white space nor punctuation for CommonMark's flanking rules. */
const WORD = /[\p{L}\p{N}]/u;

/**
 * Plain text as inline Markdown that reads back as it is, in a table cell too. Backslash escapes (CommonMark's; GFM
 * keeps them in a cell, where `\|` is a pipe) go before what could open inline syntax (`` ` `` `*` `_` `[` `~`), the
 * pipe that would end a cell, a `<` that could open HTML or an autolink, an `&` that could open an entity (`&lt;`),
 * and a backslash that would escape the character after it (`a\|b` is written `a\\\|b`). GFM reads a URL in text as
 * a link whose text is its source, escapes and all: the `:` of `http://` and `https://` and the `.` of `www.` are
 * escaped so that none is one (an e-mail address ends at a backslash: it may stay one). Other punctuation stays as
 * written (`gRPC & GraphQL`, `CI/CD`, `a <-> b`), and so does a `_` inside a word (`snake_case`: CommonMark's
 * flanking rules let it neither open nor close emphasis). A line break is a space (a row is one line).
 */
export function markdownText(s: string): string {
  const line = s.replace(/\r\n|\r|\n/g, ' ');
  return line.replace(SYNTAX, (m: string, at: number) => {
    if (m[0] !== '_') return '\\' + m;
    return WORD.test(line[at - 1] ?? '') && WORD.test(line[at + m.length] ?? '') ? m : m.replace(/_/g, '\\_');
  });
}

/**
 * A path as a code span in a table cell that reads back as the path: fenced by a backtick run longer than the
 * longest inside it, with a space inside each fence when the path starts or ends with a backtick (or starts and ends
 * with a space: CommonMark strips one from each side), and each `|` escaped (GFM reads `\|` in a code span in a table
 * as `|`). A line break is a space. Backslashes right before a `|` cannot be written in a code span of a table (GFM
 * keeps `\\`): they are doubled, so that the pipe stays escaped and the row keeps its cells. No code span holds
 * nothing: an empty path is an empty string (two backticks would be text, or open a span a later fence closes).
 */
export function markdownCodeCell(s: string): string {
  if (s === '') return '';
  const value = s.replace(/\r\n|\r|\n/g, ' ')
    // one match per backslash run: linear
    .replace(/\\+\|?|\|/g, m => (m.endsWith('|') ? m.slice(0, -1).repeat(2) + '\\|' : m));
  let longest = 0;
  for (const run of value.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') || (/^ [^]* $/.test(value) && /[^ ]/.test(value)) ? ' ' : '';
  return fence + pad + value + pad + fence;
}
