import type { FixTitleId } from './fixes/titles';

/**
 * Shared data model of Notes Navigator's core. Everything here is plain data: no `vscode`, no `fs`.
 * Positions are 0-based, columns count UTF-16 code units (the same as VS Code); the CLI adds 1.
 * Paths are workspace-relative, POSIX separators, no leading `./` (e.g. `backend/README.md`).
 */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export const RULE_CODES = [
  'frontmatter-missing',
  'frontmatter-invalid',
  'frontmatter-field-missing',
  'frontmatter-field-invalid',
  'link-broken',
  'link-anchor-broken',
  'ref-broken',
  'wikilink-broken',
  'link-outside-workspace',
  'xref-missing-link',
  'chapter-planned',
  'chapter-number-unknown',
  'priority-mismatch',
  'coverage-status-mismatch',
  'coverage-unlisted',
] as const;

export type RuleCode = (typeof RULE_CODES)[number];

export interface Diagnostic {
  /** workspace-relative path of the file the diagnostic is in */
  file: string;
  range: Range;
  severity: Severity;
  code: RuleCode;
  message: string;
  /** rule-specific facts a quick fix needs (target path, field name, expected value …) */
  data?: Record<string, unknown>;
}

/** A pure text edit on one file. */
export interface TextEdit {
  range: Range;
  newText: string;
}

/** Edits to one file; `create` means the file does not exist yet and must be created (never overwritten). */
export interface FileEdit {
  file: string;
  edits: TextEdit[];
  create?: boolean;
}

export interface Fix {
  /** in English (the CLI's); the editor words it again from `titleId` and `titleArgs` (see fixes/titles.ts) */
  title: string;
  titleId?: FixTitleId;
  titleArgs?: string[];
  edits: FileEdit[];
  /** the obvious fix for its diagnostic (VS Code's isPreferred) */
  preferred?: boolean;
  /** safe to apply in a "fix all" without review */
  safe?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Scanner output

export type LinkKind = 'link' | 'image' | 'ref' | 'wikilink';

export interface LinkRef {
  kind: LinkKind;
  /** true for a reference definition `[label]: dest` (kind is then 'link') */
  definition?: boolean;
  /**
   * for a link in an HTML tag, the element and attribute it stands in (`a href`, kind 'link'; `img src`,
   * `source srcset`, `video poster` …, kind 'image': see HTML_LINK_ATTRIBUTES); `raw` is the attribute's value (in a
   * `srcset`, one candidate's URL)
   */
  html?: string;
  /** the destination exactly as written (link: without `<>`; ref: the code span text; wikilink: text before `|`) */
  raw: string;
  /** the path part, percent-decoded for links; '' when the link is fragment-only (`#x`) */
  path: string;
  /** the fragment without `#`, decoded; undefined when there is none */
  fragment?: string;
  /** link text / wikilink alias */
  text?: string;
  /** has a URI scheme (`http:`, `mailto:` …) or is protocol-relative: never resolved, never fetched */
  external: boolean;
  /** the whole construct, e.g. `[a](b.md#c)` */
  range: Range;
  /** the destination as written (what a rename rewrites), e.g. `b.md#c` */
  targetRange: Range;
  /** character offsets of targetRange in the note text (for fast edits) */
  targetStart: number;
  targetEnd: number;
}

export interface Heading {
  level: number;
  text: string;
  /** GitHub slug, de-duplicated within the note (`-1`, `-2` …) */
  slug: string;
  range: Range;
}

/** An HTML `id` (or `<a name>`) a fragment may name instead of a heading. */
export interface Anchor {
  id: string;
  /** the attribute's value */
  range: Range;
}

export interface ScanResult {
  headings: Heading[];
  links: LinkRef[];
  /** HTML anchors, when the note has any */
  anchors?: Anchor[];
}

// ---------------------------------------------------------------------------------------------
// Frontmatter

export interface FrontmatterBlock {
  /** offset of the opening `---` (after a BOM) */
  start: number;
  /** offset just after the closing fence line (including its line break); body starts here */
  end: number;
  /** offset of the first character of the YAML text, and just after its last character */
  contentStart: number;
  contentEnd: number;
  /** language named after the opening fence (`---yaml`, `---js` …); '' when none */
  language: string;
  /** false when no closing fence was found */
  closed: boolean;
}

export type FrontmatterValue = string | number | boolean | null | Date | FrontmatterValue[] | { [key: string]: FrontmatterValue };

export interface FrontmatterResult {
  block?: FrontmatterBlock;
  /** parsed mapping (null-prototype object) when the block parsed to a mapping */
  data?: Record<string, FrontmatterValue>;
  /** set when the block did not parse, is not a mapping, or is not YAML */
  error?: { message: string; range: Range };
  /** source range of each top-level key's line (key → range of `key: value`) */
  fieldRanges: Record<string, Range>;
}

// ---------------------------------------------------------------------------------------------
// Series (from a README with a `## Chapters` section)

export type PriorityKey = 'must-read' | 'important' | 'skippable';

export interface Chapter {
  /** link text, e.g. `01_scalability_fundamentals` */
  label: string;
  /** link destination as written, relative to the series folder */
  href: string;
  /** workspace-relative path of the chapter file */
  file: string;
  category: string;
  /** canonical priority, undefined when the label is not a known priority label */
  priority?: PriorityKey;
  /** the label as written (`必讀`, `Must-read` …) */
  priorityLabel?: string;
  minutes?: number;
  /** leading chapter number of the file name as written (`01`, `17_3`), undefined when the name has none */
  number?: string;
  /** the whole list item line */
  range: Range;
  /** the link destination */
  hrefRange: Range;
  /** the priority label */
  priorityRange?: Range;
}

export interface Category {
  name: string;
  range: Range;
  chapters: Chapter[];
}

export interface NumberRef {
  /** as written, e.g. `01` */
  num: string;
  range: Range;
}

export interface BatchStep {
  /** 1-based batch number */
  index: number;
  numbers: NumberRef[];
  theme?: string;
  range: Range;
}

export interface ReadingList {
  priority: PriorityKey;
  label: string;
  numbers: NumberRef[];
  range: Range;
}

export interface UnknownReadingList {
  label: string;
  numbers: NumberRef[];
  /** the label (before the colon) */
  labelRange: Range;
  range: Range;
}

export interface SeriesModel {
  /** workspace-relative path of the README */
  readme: string;
  /** workspace-relative folder of the series ('' for the workspace root) */
  folder: string;
  title: string;
  categories: Category[];
  batches: BatchStep[];
  readingLists: ReadingList[];
  /** reading-priority items that name chapter numbers under a label that is no priority label (`- Optional: `05``) */
  unknownReadingLists?: UnknownReadingList[];
  supportDocs: { label: string; href: string; file: string; range: Range }[];
  /** lines of `## Estimated Time Per Topic` */
  estimatedTime: string[];
}

export type ChapterNumberResolution =
  | { kind: 'found'; chapter: Chapter }
  | { kind: 'ambiguous'; candidates: Chapter[] }
  | { kind: 'unknown' };

// ---------------------------------------------------------------------------------------------
// Coverage matrix (`coverage_matrix.md` beside the series README)

export type CoverageStatus = 'pending' | 'in-progress' | 'done';

export interface MatrixFileRef {
  /** as written inside the backticks, relative to the series folder */
  href: string;
  /** workspace-relative */
  file: string;
  range: Range;
}

export interface MatrixRow {
  area: string;
  topic: string;
  files: MatrixFileRef[];
  /** undefined when the Status cell is empty or not a known status word */
  declared?: CoverageStatus;
  declaredText: string;
  /**
   * the Status cell's text range (what a status sync replaces); undefined when the table has no Status
   * column, or no Coverage Files column (nothing to compare the status with). A row too short to have a Status
   * cell has an empty range at its end, and `statusInsert`.
   */
  statusRange?: Range;
  /**
   * an empty or missing Status cell: what an edit writes around the word at `statusRange` so that the row reads
   * `| Done |` (for a missing cell `' | '` or `' | | '` before and `' |'` after: the cell and any before it)
   */
  statusInsert?: { before: string; after: string };
  /**
   * where a problem with the row's status is shown (set with `statusRange`): the Status cell's text; an empty cell
   * between its pipes, blanks included (`| |`, and `||` with its pipes); the row when the cell is missing. Never
   * empty, unlike `statusRange`, which is an insertion point there.
   */
  statusCellRange?: Range;
  /** the row's table has no Coverage Files column: `files` is empty because the matrix does not say */
  filesUnknown?: true;
  range: Range;
}

export interface XrefSide {
  raw: string;
  range: Range;
  /** a plain path (workspace-relative) */
  file?: string;
  /** a chapter range such as `rust/17_3-17_6`: folder (workspace-relative) and numeric bounds */
  span?: { folder: string; from: number[]; to: number[] };
}

export interface CrossRef {
  a: XrefSide;
  b: XrefSide;
  range: Range;
}

export interface CoverageModel {
  /** workspace-relative path of the matrix file */
  file: string;
  /** workspace-relative series folder */
  folder: string;
  rows: MatrixRow[];
  xrefs: CrossRef[];
  gaps: string;
  /** problems found while reading the matrix itself (no table, no Status column …) */
  problems: MatrixProblem[];
}

/** A problem of the matrix itself, reported as a diagnostic on the matrix (see rules/coverage.ts). */
export interface MatrixProblem {
  kind: 'no-table' | 'no-files-column' | 'no-status-column';
  message: string;
  range: Range;
  /** (no-files-column) no coverage table of the matrix has a files column: the matrix lists no file at all */
  everyTable?: true;
}

/** Per-file state used for computed coverage. */
export type FileState = 'missing' | 'draft' | 'written';

/** How long a note's body is: code points, and their weight (CJK two, anything else one). */
export interface BodySize {
  chars: number;
  weight: number;
}

/** Why a note counts as a draft: its status says so, or it has no status and only `chars` characters of body. */
export type DraftReason = { status: string } | { chars: number };

export interface RowCoverage {
  row: MatrixRow;
  fileStates: FileState[];
  computed: CoverageStatus;
}
