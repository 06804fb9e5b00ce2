import * as vscode from 'vscode';
import type { IndexView, NoteRecord } from '../../core/index/api';
import type { IndexService } from '../indexService';
import { isIndexReady } from './readiness';

/** At most this many symbols per query: enough to pick from, cheap to send on 10k notes. */
const MAX_RESULTS = 500;

/**
 * Workspace symbols (Ctrl+T / `#`): notes by title, frontmatter alias or file path. A query matches as a substring
 * (best), else as a subsequence of the characters (fuzzy), case-insensitively.
 */
export function registerWorkspaceSymbols(service: IndexService): vscode.Disposable {
  return vscode.languages.registerWorkspaceSymbolProvider({
    provideWorkspaceSymbols: (query, token) => {
      try {
        if (!isIndexReady(service)) return undefined;
        const ranked = rankScored(service.index, query, () => token.isCancellationRequested);
        const containers = ranked.length > 0 ? chapterContainers(service.index) : new Map<string, string>();
        // VS Code's list keeps only the symbols whose name matches the query: a note found by its path says it
        return ranked.map(({ note, score, alias }) => new vscode.SymbolInformation(
          alias !== undefined ? `${note.title} · ${alias}` : score === BY_PATH || score === BY_PATH_LETTERS ? `${note.title} · ${note.file}` : note.title,
          vscode.SymbolKind.File,
          containers.get(note.file) ?? '',
          new vscode.Location(service.uriOf(note.file), new vscode.Range(0, 0, 0, 0)),
        ));
      } catch (e) {
        service.log.error(`workspace symbols failed: ${e instanceof Error ? e.message : String(e)}`);
        return undefined;
      }
    },
  });
}

/**
 * The container VS Code shows before a symbol's path: where the note sits in its series ("System Design", or
 * "Backend › System Design" with several series); nothing for a note that is no chapter. The folder would repeat
 * the path that VS Code already shows next to it ("backend/sd • backend/sd/01_x.md").
 */
function chapterContainers(index: IndexView): Map<string, string> {
  const all = index.series();
  const out = new Map<string, string>();
  for (const series of all) {
    for (const category of series.categories) {
      const name = all.length > 1 ? `${series.title} › ${category.name}` : category.name;
      for (const chapter of category.chapters) if (!out.has(chapter.file)) out.set(chapter.file, name);
    }
  }
  return out;
}

/** Ties in natural order (`Chapter 2` before `Chapter 10`); one collator: `localeCompare` builds one per call. */
const collator = new Intl.Collator(undefined, { numeric: true });

/**
 * Case-folded text. Not width-folded: VS Code's list keeps only the symbols whose name its own fuzzy matcher
 * (symbolsQuickAccess, `scoreFuzzy2` of the name against the query, case-insensitive, no Unicode normalisation) finds
 * the query in, so a note found by full-width `Ｃｈａｐｔｅｒ　１０` as `Chapter 10` would never show.
 */
function fold(s: string): string {
  return s.toLowerCase();
}

/** Notes matching `query`, best first: title substring, alias substring, path substring, title subsequence, path subsequence. */
export function rankNotes(index: IndexView, query: string, cancelled: () => boolean = () => false): NoteRecord[] {
  return rankScored(index, query, cancelled).map(s => s.note);
}

const BY_ALIAS = 2;
const BY_PATH = 3;
const BY_PATH_LETTERS = 5;

/** rankNotes with each note's score (see matchScore), and the alias that matched when it was one. */
function rankScored(index: IndexView, query: string, cancelled: () => boolean): { note: NoteRecord; score: number; alias?: string }[] {
  const q = fold(query).trim().replace(/\s+/g, ' ');
  const letters = q.replace(/ /g, '');
  const scored: { note: NoteRecord; score: number; alias?: string }[] = [];
  let seen = 0;
  for (const note of index.notes()) {
    if ((++seen & 1023) === 0 && cancelled()) return [];
    const title = fold(note.title);
    const score = q === '' ? 0 : matchScore(q, letters, title, fold(note.file));
    // an alias is the name a wikilink may call the note by: found by substring, after the title
    if (score > 1 || (score < 0 && q !== '')) {
      const alias = note.aliases?.find(a => fold(a).includes(q));
      if (alias !== undefined) {
        scored.push({ note, score: BY_ALIAS, alias });
        continue;
      }
    }
    if (score >= 0) scored.push({ note, score });
  }
  scored.sort((a, b) => a.score - b.score || collator.compare(a.note.title, b.note.title) || (a.note.file < b.note.file ? -1 : 1));
  return scored.slice(0, MAX_RESULTS);
}

/** Lower is better; -1 when it does not match. */
function matchScore(q: string, letters: string, title: string, file: string): number {
  const inTitle = title.indexOf(q);
  if (inTitle === 0) return 0;
  if (inTitle > 0) return 1;
  if (file.includes(q)) return BY_PATH;
  if (isSubsequence(letters, title)) return 4;
  if (isSubsequence(letters, file)) return BY_PATH_LETTERS;
  return -1;
}

function isSubsequence(q: string, s: string): boolean {
  let i = 0;
  for (let j = 0; j < s.length && i < q.length; j++) {
    if (q.charCodeAt(i) === s.charCodeAt(j)) i++;
  }
  return i === q.length;
}
