import type { IndexView } from '../index/api';
import type { FileEdit, LinkRef, TextEdit } from '../model';
import { isInside } from '../paths';
import { destinationStyleOf } from './destination';
import { linkTextFor, rawFragment } from './links';

export interface Move {
  from: string;
  to: string;
}

/**
 * The edits that keep every link right when notes or folders move: links, images, backtick references and
 * wikilinks pointing at a moved file (README chapter lines and matrix paths included), and the relative links
 * inside the moved notes themselves. Edits are expressed on the files' current (pre-move) paths, so they can be
 * applied before the move as one undoable edit. `textOf` gives the current text (an unsaved buffer wins) and is
 * used to skip links whose text no longer matches the index (never edit stale positions).
 */
export function renameEdits(index: IndexView, moves: Move[], textOf: (file: string) => string | undefined): FileEdit[] {
  // expand folder moves into file moves
  const fileMoves = new Map<string, string>();
  for (const m of moves) {
    if (index.hasFile(m.from)) fileMoves.set(m.from, m.to);
    else for (const f of index.files()) if (isInside(f, m.from)) fileMoves.set(f, m.to + f.slice(m.from.length));
  }
  const newPath = (f: string) => fileMoves.get(f) ?? f;
  const byFile = new Map<string, TextEdit[]>();
  const push = (file: string, link: LinkRef, newText: string) => {
    const text = textOf(file);
    if (text === undefined || text.slice(link.targetStart, link.targetEnd) !== originalTarget(text, link)) return;
    if (text.slice(link.targetStart, link.targetEnd) === newText) return;
    let list = byFile.get(file);
    if (!list) byFile.set(file, (list = []));
    if (!list.some(e => e.range.start.line === link.targetRange.start.line && e.range.start.character === link.targetRange.start.character)) {
      list.push({ range: link.targetRange, newText });
    }
  };

  // notes whose links may change: those linking to a moved file, and the moved notes themselves
  const sources = new Set<string>();
  for (const from of fileMoves.keys()) {
    for (const b of index.backlinks(from)) sources.add(b.from);
    if (index.note(from)) sources.add(from);
  }
  for (const src of sources) {
    const note = index.note(src);
    if (!note) continue;
    const srcAfter = newPath(src);
    for (const link of note.scan.links) {
      if (link.external) continue;
      const r = index.resolve(src, link);
      if (r.kind !== 'file') continue;
      const target = r.file;
      const targetMoved = fileMoves.has(target);
      if (!targetMoved && srcAfter === src) continue;
      if (link.kind === 'wikilink') {
        // names survive a move; only a renamed file name (or a path-like wikilink) needs a new text
        if (!targetMoved) continue;
        const byTitle = !link.path.includes('/') && stemLower(link.path) !== stemLower(target) ;
        if (byTitle) continue;
      }
      if (link.path === '' && link.kind !== 'wikilink') continue; // `#fragment` stays in the same note
      const after = newPath(target);
      const fragment = link.fragment !== undefined ? rawFragment(link) : undefined;
      const text = linkTextFor(index, srcAfter, link, after, fragment, destinationStyleOf(textOf(src), link));
      push(src, link, text);
    }
  }
  return [...byFile.entries()].map(([file, edits]) => ({ file, edits }));
}

function stemLower(p: string): string {
  const b = p.slice(p.lastIndexOf('/') + 1).toLowerCase();
  return b.endsWith('.md') ? b.slice(0, -3) : b;
}

/** What the text at the link's destination should be if the index is current. */
function originalTarget(text: string, link: LinkRef): string {
  return text.slice(link.targetStart, link.targetEnd) === link.raw ? link.raw : '\u0000';
}
