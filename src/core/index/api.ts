import type { NotesConfig } from '../config';
import type {
  BodySize, CoverageModel, Diagnostic, DraftReason, FileState, FrontmatterResult, Heading, LinkRef, Range, RowCoverage, ScanResult, SeriesModel,
} from '../model';
import type { UnreadableReason } from '../text/unreadable';

/**
 * The read side of the workspace index, as the extension, the CLI and the rules see it.
 * Implemented by `WorkspaceIndex` (workspaceIndex.ts).
 */

/** What one note looks like to the index (its text is not kept). */
export interface NoteRecord {
  file: string;
  /** frontmatter `title`, else the first `#` heading, else the file name */
  title: string;
  /** the other names a wikilink may call it by: frontmatter `aliases` / `alias` (see aliasesOf); absent when none */
  aliases?: readonly string[];
  frontmatter: FrontmatterResult;
  scan: ScanResult;
  /** the text could not be read as Markdown (binary, invalid UTF-8, unreadable): why, in English */
  unreadable?: string;
  /** the same, as facts the editor words in its own language (absent when the reason was given as text only) */
  unreadableReason?: UnreadableReason;
  /** number of characters in the note */
  length: number;
  /** the size of the body after the frontmatter, counted up to what the draft test needs (see `bodySize`) */
  body?: BodySize;
  /** position just after the last character (where an appended line goes) */
  end: Range["end"];
  /** the first lines of the body (after frontmatter), for hover previews; at most ~400 characters ('' in a one-shot index, see WorkspaceIndex) */
  preview: string;
}

/**
 * What checking other notes needs to know of a note that another index checks (the other thread of a parallel
 * check): it exists, its name and title (wikilinks), its heading slugs (fragments) and its coverage state.
 */
export interface ForeignNote {
  file: string;
  title: string;
  /** its aliases (see NoteRecord); absent when none */
  aliases?: readonly string[];
  slugs: string[];
  /** slugs of heading texts that are no GitHub slug (see textOnlySlugs in noteRecord.ts); absent when none */
  textSlugs?: string[];
  state: FileState;
  /** why it is a draft (when `state` is `draft`) */
  draft?: DraftReason;
  unreadable?: string;
}

export type Resolution =
  /** `http:`, `mailto:` … never fetched */
  | { kind: 'external' }
  /** leaves the workspace folder: never read */
  | { kind: 'outside' }
  /** a workspace file (may not exist: see `exists`); `fragment` decoded, without `#` */
  | { kind: 'file'; file: string; exists: boolean; fragment?: string; isNote: boolean }
  /** a wikilink that names no note */
  | { kind: 'unresolved' }
  /** a Markdown link to a workspace folder (GitHub shows its listing): nothing to check */
  | { kind: 'folder'; folder: string };

export interface Backlink {
  from: string;
  link: LinkRef;
}

export interface IndexView {
  readonly config: NotesConfig;
  /** true when the workspace has this file (any kind, Markdown or not) */
  hasFile(file: string): boolean;
  note(file: string): NoteRecord | undefined;
  notes(): Iterable<NoteRecord>;
  /** every workspace file known to the index (notes and other files) */
  files(): Iterable<string>;
  /** Markdown files the editor's listing hides (`files.exclude`): a wikilink finds them by file name, never read */
  hiddenNotes(): ReadonlySet<string>;
  resolve(fromFile: string, link: LinkRef): Resolution;
  headingsOf(file: string): Heading[] | undefined;
  /** notes that link to `file` (every link kind, README and matrix included) */
  backlinks(file: string): Backlink[];
  /** all series found (README with a `## Chapters` section) */
  series(): SeriesModel[];
  /** the series whose folder holds `file` (nearest enclosing series) */
  seriesOf(file: string): SeriesModel | undefined;
  coverage(series: SeriesModel): CoverageModel | undefined;
  /** declared vs computed status per matrix row */
  computeCoverage(series: SeriesModel): RowCoverage[];
  /**
   * Missing, draft or written, as coverage counts a file: a file that exists but is not read as a note, or lies
   * where the listing does not look, counts as written (the README check does not call it planned either).
   */
  fileStateOf(file: string): FileState;
  diagnostics(file: string): readonly Diagnostic[];
  allDiagnostics(): ReadonlyMap<string, readonly Diagnostic[]>;
}

/** The write side: feed the index with file contents (from disk or an unsaved editor buffer). */
export interface IndexWriter {
  /** a Markdown note was added or changed; returns the files whose diagnostics were recomputed */
  updateNote(file: string, text: string): string[];
  /** a note could not be decoded or read; it gets a diagnostic saying why */
  setUnreadable(file: string, reason: string, facts?: UnreadableReason): string[];
  /** a non-Markdown file exists (image, PDF …): links to it resolve */
  addFile(file: string): string[];
  removeFile(file: string): string[];
  setConfig(config: NotesConfig): string[];
}

export type { Range };
