import { parseNote } from '../index/parseNote';
import type { TextEdit } from '../model';
import { dirname, relative } from '../paths';
import { endsWithLineBreak, lineEndingOf } from '../text/lineEnding';
import { LineIndex } from '../text/lineIndex';
import { encodeLinkPath } from './destination';

/**
 * The `xref-missing-link` fix: a `- See also: [label](path)` line appended to note `from`, in the note's own line
 * endings. The appended text is scanned before it is offered: when the note ends inside an unclosed code fence
 * (where the line would be code, not a link) the fence is closed first; when even that leaves no link, there is
 * no fix (undefined).
 */
export function seeAlsoEdit(text: string, from: string, to: string, label: string): TextEdit | undefined {
  const eol = lineEndingOf(text);
  const destination = encodeLinkPath(relative(dirname(from), to));
  const line = `- See also: [${label.replace(/[[\]]/g, '')}](${destination})${eol}`;
  const lead = endsWithLineBreak(text) ? '' : eol;
  for (const closer of ['', fenceCloser(text)]) {
    if (closer === undefined) continue;
    const added = lead + (closer === '' ? '' : closer + eol) + eol + line;
    if (addsLink(text, added, destination)) {
      const end = new LineIndex(text).positionAt(text.length);
      return { range: { start: end, end }, newText: added };
    }
  }
  return undefined;
}

/** Whether appending `added` gives the note a link with `destination` after its current end. */
function addsLink(text: string, added: string, destination: string): boolean {
  const scan = parseNote(text + added, { linkText: false }).scan;
  return scan.links.some(l => l.kind === 'link' && l.targetStart >= text.length && l.raw === destination);
}

/** The line that closes a code fence still open at the end of the note (same character, same length); else undefined. */
function fenceCloser(text: string): string | undefined {
  const lines = new LineIndex(text);
  let open: string | undefined;
  for (let i = 0; i < lines.lineCount; i++) {
    const m = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(lines.lineText(i));
    if (!m) continue;
    if (open === undefined) {
      if (m[1][0] === '~' || !m[2].includes('`')) open = m[1];
    } else if (m[1][0] === open[0] && m[1].length >= open.length && m[2].trim() === '') open = undefined;
  }
  return open;
}
