import type { ListItem, Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import { statusOf, type NotesConfig } from '../config';
import type { CoverageModel, CrossRef, MatrixFileRef, MatrixProblem, MatrixRow, XrefSide } from '../model';
import { basename, dirname, join } from '../paths';
import { chapterTuple, leadingChapterTuple } from './chapterNumbers';
import { structuralTree } from '../reference/tree';
import { LineIndex } from '../text/lineIndex';
import { singleStatusIn } from '../coverage/statusCell';
import { codeSpanInner, endOf, nodeText, startOf, trimOffsets, walk } from './mdast';

/**
 * The coverage matrix parser: GFM tables whose header names the columns Capability Area, Required
 * Topic, Coverage Files and Status (any order, extra columns ignored, Chinese aliases accepted), the
 * `## Cross-references …` bullets `` `a` <-> `b` `` and the `## Remaining Gaps` text. Parsed from
 * the structural mdast (the fast structural parser, or remark when the text leaves its subset);
 * every range points at the source text.
 */

export type MatrixColumn = 'area' | 'topic' | 'files' | 'status';

/** The header names of each column (lower case), the canonical name first: the one place aliases live. */
export const COLUMN_NAMES: Record<MatrixColumn, string[]> = {
  area: ['capability area', '能力領域'],
  topic: ['required topic', '主題'],
  files: ['coverage files', '涵蓋檔案', 'files', '檔案'],
  status: ['status', '狀態'],
};

const DISPLAY_NAMES: Record<MatrixColumn, string> = {
  area: 'Capability Area', topic: 'Required Topic', files: 'Coverage Files', status: 'Status',
};

/** Where one matrix table sits and which column holds what. */
export interface MatrixTableLayout {
  /** column index of each known column (undefined when the table lacks it) */
  columns: Partial<Record<MatrixColumn, number>>;
  /** number of cells in the header row */
  columnCount: number;
  /** offsets of the whole table */
  start: number;
  end: number;
  /** offset of the start of the last row (the header row when the table has no body) */
  lastRowStart: number;
  /** rows below the header and delimiter rows */
  bodyRows: number;
}

/** The column a header cell names, and how far down its alias list the name is (0 = canonical). */
function columnOf(headerText: string): { col: MatrixColumn; rank: number } | undefined {
  const t = headerText.trim().toLowerCase();
  for (const [col, names] of Object.entries(COLUMN_NAMES) as [MatrixColumn, string[]][]) {
    const rank = names.indexOf(t);
    if (rank !== -1) return { col, rank };
  }
  return undefined;
}

/** The known columns of a table's header row, or undefined when the table is not a coverage table. */
function layoutOf(table: Table): MatrixTableLayout | undefined {
  const header = table.children[0];
  if (!header) return undefined;
  const columns: Partial<Record<MatrixColumn, number>> = {};
  const ranks: Partial<Record<MatrixColumn, number>> = {};
  let known = 0;
  header.children.forEach((cell, i) => {
    const named = columnOf(nodeText(cell));
    if (!named) return;
    const { col, rank } = named;
    // the first cell with the most canonical name wins: `Coverage Files` over a `Files` column beside it
    const before = ranks[col];
    if (before === undefined) known++;
    else if (before <= rank) return;
    columns[col] = i;
    ranks[col] = rank;
  });
  if (known < 2 || (columns.files === undefined && columns.status === undefined)) return undefined;
  const last = table.children[table.children.length - 1];
  return {
    columns, columnCount: header.children.length, start: startOf(table), end: endOf(table), lastRowStart: startOf(last),
    bodyRows: table.children.length - 1,
  };
}

/** The coverage tables of a matrix, in document order: not those in `## Remaining Gaps`, which is free text. */
function matrixTables(tree: Root): { table: Table; layout: MatrixTableLayout }[] {
  const out: { table: Table; layout: MatrixTableLayout }[] = [];
  let section: Section = 'other';
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth <= 2) section = sectionOf(nodeText(node));
    if (section === 'gaps') continue;
    const visit = (n: RootContent) => {
      if (n.type !== 'table') return;
      const layout = layoutOf(n);
      if (layout) out.push({ table: n, layout });
    };
    visit(node);
    walk(node, visit);
  }
  return out;
}

/**
 * Whether the matrix lists files at all: false when it has no coverage table, or none with a files column. Then no
 * README chapter can be said to be missing from it.
 */
export function matrixListsFiles(cov: CoverageModel): boolean {
  return !cov.problems.some(p => p.kind === 'no-table' || (p.kind === 'no-files-column' && p.everyTable));
}

/** The coverage tables of a matrix text, in document order (used by fixes that add rows). */
export function matrixTableLayouts(text: string): MatrixTableLayout[] {
  return matrixTableLayoutsFromTree(structuralTree(text));
}

/** The coverage tables of a matrix's mdast, in document order. */
export function matrixTableLayoutsFromTree(tree: Root): MatrixTableLayout[] {
  return matrixTables(tree).map(t => t.layout);
}

/**
 * Offsets of a cell's content without its pipes: remark's cell position starts at the leading pipe
 * and (for the last cell) ends after the trailing one. An escaped `\|` stays content (`\\|` is an escaped
 * backslash before the closing pipe).
 */
function cellContent(text: string, cell: TableCell): { start: number; end: number } {
  let s = startOf(cell);
  let e = endOf(cell);
  if (text.charCodeAt(s) === 124) s++;
  if (isClosingPipe(text, e - 1, s)) e--;
  return { start: s, end: e };
}

/**
 * Whether `text[i]` is a pipe that closes a cell: one not escaped, as GFM splits a row (before inline parsing, so a
 * code span's `\|` is escaped too): after an even run of backslashes (none, or `\\` an escaped backslash), counted
 * back to `from`.
 */
function isClosingPipe(text: string, i: number, from: number): boolean {
  if (i < from || text.charCodeAt(i) !== 124) return false;
  let k = i;
  while (k > from && text.charCodeAt(k - 1) === 92) k--;
  return (i - k) % 2 === 0;
}

/** Whether a code span in a Coverage Files cell names a file: it ends in `.md` or has a folder. */
function isMatrixPath(href: string): boolean {
  return /\.md$/i.test(href) || (href.includes('/') && !/\s/.test(href));
}

/**
 * The file part of a Coverage Files path: without its `#fragment`, which names a place in the file, not the file (as
 * a backtick reference in a note reads it: `a/02.md#setup` is `a/02.md`; nor does either take a `?query`).
 */
function filePartOf(href: string): string {
  const hash = href.indexOf('#');
  return hash === -1 ? href : href.slice(0, hash);
}

function parseRow(text: string, lines: LineIndex, row: TableRow, layout: MatrixTableLayout, folder: string, config: NotesConfig): MatrixRow {
  const cell = (col: MatrixColumn): TableCell | undefined => {
    const i = layout.columns[col];
    return i === undefined ? undefined : row.children[i];
  };
  const areaCell = cell('area');
  const topicCell = cell('topic');
  const filesCell = cell('files');
  const statusCell = cell('status');
  const files: MatrixFileRef[] = [];
  if (filesCell) {
    walk(filesCell, n => {
      if (n.type !== 'inlineCode') return;
      const href = n.value.trim();
      const path = filePartOf(href);
      // a path: `a/01_x.md`, `README.md`; other code in the cell (`Go` + `Rust` samples) is prose
      if (!isMatrixPath(path)) return;
      const inner = codeSpanInner(text, startOf(n), endOf(n));
      files.push({ href, file: join(folder, path) ?? '', range: lines.range(inner.start, inner.end) });
    });
  }
  const out: MatrixRow = {
    area: areaCell ? nodeText(areaCell).trim() : '',
    topic: topicCell ? nodeText(topicCell).trim() : '',
    files,
    declaredText: '',
    range: lines.range(startOf(row), endOf(row)),
  };
  if (layout.columns.files === undefined) out.filesUnknown = true;
  if (statusCell) {
    const content = cellContent(text, statusCell);
    const trimmed = trimOffsets(text, content.start, content.end);
    if (trimmed.end > trimmed.start) {
      out.declaredText = text.slice(trimmed.start, trimmed.end);
      // without a files column there is nothing to compare the status with, and nothing to sync
      if (!out.filesUnknown) out.statusRange = out.statusCellRange = lines.range(trimmed.start, trimmed.end);
      const declared = statusOf(config, nodeText(statusCell)) ?? statusOf(config, out.declaredText) ?? singleStatusIn(out.declaredText, config);
      if (declared) out.declared = declared;
    } else if (!out.filesUnknown) {
      // the middle of the blanks; a word written there gets a blank on each side (`||` and `| |` too)
      const middle = content.start + Math.floor((content.end - content.start) / 2);
      out.statusRange = lines.range(middle, middle);
      // shown on the cell's blanks, or on the pipes around a cell without any (`||`)
      const cellStart = content.start - (content.end === content.start && text.charCodeAt(content.start - 1) === 124 ? 1 : 0);
      const cellEnd = content.end + (content.end === content.start && text.charCodeAt(content.end) === 124 ? 1 : 0);
      out.statusCellRange = cellEnd > cellStart ? lines.range(cellStart, cellEnd) : out.range;
      const before = middle > content.start ? '' : ' ';
      const after = middle < content.end ? '' : ' ';
      if (before !== '' || after !== '') out.statusInsert = { before, after };
    }
  } else if (layout.columns.status !== undefined && !out.filesUnknown) {
    // a row too short to reach the Status column: GFM reads the cell as empty; an edit adds the missing cells
    const rowEnd = trimOffsets(text, startOf(row), endOf(row)).end;
    const pipeEnded = isClosingPipe(text, rowEnd - 1, startOf(row));
    out.statusRange = lines.range(rowEnd, rowEnd);
    out.statusCellRange = lines.range(startOf(row), rowEnd);
    out.statusInsert = { before: (pipeEnded ? ' ' : ' | ') + '| '.repeat(layout.columns.status - row.children.length), after: ' |' };
  }
  return out;
}

const ARROWS = ['<->', '↔', '⟷', '<=>'];

function arrowIn(s: string): boolean {
  return ARROWS.some(a => s.includes(a));
}

const SPAN = /^(\d+(?:[._]\d+)*)-(\d+(?:[._]\d+)*)$/;

/** One side of a cross-reference: a path, or a chapter span such as `rust/17_3-17_6`. */
export function parseXrefSide(raw: string, folder: string, range: XrefSide['range']): XrefSide {
  const side: XrefSide = { raw, range };
  const base = basename(raw);
  const m = SPAN.exec(base);
  if (m) {
    const dir = dirname(raw);
    const spanFolder = dir === '' ? folder : join(folder, dir);
    if (spanFolder !== undefined) side.span = { folder: spanFolder, from: chapterTuple(m[1]), to: chapterTuple(m[2]) };
    return side;
  }
  const hash = raw.indexOf('#');
  const file = join(folder, hash === -1 ? raw : raw.slice(0, hash));
  if (file !== undefined && file !== '') side.file = file;
  return side;
}

function parseXrefItem(text: string, lines: LineIndex, item: ListItem, folder: string): CrossRef | undefined {
  const para = item.children[0];
  if (!para || para.type !== 'paragraph') return undefined;
  let a: XrefSide | undefined;
  let lastCode: XrefSide | undefined;
  for (const child of para.children) {
    if (child.type === 'inlineCode') {
      const inner = codeSpanInner(text, startOf(child), endOf(child));
      const side = parseXrefSide(child.value.trim(), folder, lines.range(inner.start, inner.end));
      if (a) {
        const start = startOf(item);
        const line = lines.positionAt(start).line;
        return { a, b: side, range: lines.range(start, trimOffsets(text, start, lines.lineEnd(line)).end) };
      }
      lastCode = side;
    } else if (child.type === 'text' && arrowIn(child.value) && lastCode) {
      a = lastCode;
    }
  }
  return undefined;
}

type Section = 'xrefs' | 'gaps' | 'other';

function sectionOf(headingText: string): Section {
  const t = headingText.trim().toLowerCase();
  if (t.startsWith('cross-references') || t.startsWith('cross references') || t.startsWith('cross-reference')) return 'xrefs';
  if (t.startsWith('remaining gaps')) return 'gaps';
  return 'other';
}

export function parseCoverageMatrix(text: string, matrixFile: string, config: NotesConfig, lines = new LineIndex(text)): CoverageModel {
  return parseCoverageMatrixFromTree(structuralTree(text), text, matrixFile, config, lines);
}

/** The coverage model of a matrix from its mdast (`tree` must be the tree of `text`: fast or remark's). */
export function parseCoverageMatrixFromTree(tree: Root, text: string, matrixFile: string, config: NotesConfig, lines = new LineIndex(text)): CoverageModel {
  const folder = dirname(matrixFile);
  const model: CoverageModel = { file: matrixFile, folder, rows: [], xrefs: [], gaps: '', problems: [] };

  const tables = matrixTables(tree);
  const noneListsFiles = tables.every(t => t.layout.columns.files === undefined);
  for (const { table, layout } of tables) {
    for (const col of ['files', 'status'] as const) {
      if (layout.columns[col] === undefined) {
        const problem: MatrixProblem = {
          kind: col === 'files' ? 'no-files-column' : 'no-status-column',
          message: `the coverage table has no "${DISPLAY_NAMES[col]}" column`,
          range: lines.range(startOf(table.children[0]), endOf(table.children[0])),
        };
        if (col === 'files' && noneListsFiles) problem.everyTable = true;
        model.problems.push(problem);
      }
    }
    for (const row of table.children.slice(1)) model.rows.push(parseRow(text, lines, row, layout, folder, config));
  }
  if (tables.length === 0) {
    const anchor = tree.children.find(n => n.type === 'heading') ?? tree.children.find(n => n.type !== 'yaml');
    const at = anchor ? startOf(anchor) : 0;
    model.problems.push({
      kind: 'no-table',
      message: 'no coverage table found: expected a table with the columns Capability Area, Required Topic, Coverage Files and Status',
      range: lines.range(at, at),
    });
  }

  let section: Section = 'other';
  let gapsStart = -1;
  let gapsEnd = -1;
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth <= 2) {
      if (section === 'gaps' && gapsEnd === -1) gapsEnd = startOf(node);
      section = sectionOf(nodeText(node));
      if (section === 'gaps' && gapsStart === -1) gapsStart = endOf(node);
      continue;
    }
    if (section === 'xrefs' && node.type === 'list') {
      walk(node, n => {
        if (n.type !== 'listItem') return;
        const x = parseXrefItem(text, lines, n, folder);
        if (x) model.xrefs.push(x);
      });
    }
  }
  if (gapsStart !== -1) model.gaps = text.slice(gapsStart, gapsEnd === -1 ? text.length : gapsEnd).trim();
  return model;
}

/** Compares `t` truncated to the bound's length with the bound (lexicographic; a shorter tuple is smaller). */
function compareToBound(t: number[], bound: number[]): number {
  const n = Math.min(t.length, bound.length);
  for (let i = 0; i < n; i++) if (t[i] !== bound[i]) return t[i] - bound[i];
  return t.length >= bound.length ? 0 : -1;
}

/** A chapter span as `parseXrefSide` reads it: `rust/17_3-17_6` is folder `…/rust`, from [17, 3] to [17, 6]. */
export type ChapterSpan = NonNullable<XrefSide['span']>;

/**
 * expandSpan for many spans over one list of files: the files (read once, on the first span) are grouped by folder,
 * so that each span reads its own folder's files only. A matrix of thousands of spans in a workspace of thousands of
 * notes cost their product before (3,000 spans over 10,000 notes: ~9 s a check).
 */
export function spanExpander(files: () => Iterable<string>): (span: ChapterSpan) => string[] {
  let byFolder: Map<string, string[]> | undefined;
  return span => {
    if (!byFolder) {
      byFolder = new Map();
      for (const f of files()) {
        const folder = dirname(f);
        const list = byFolder.get(folder);
        if (list) list.push(f);
        else byFolder.set(folder, [f]);
      }
    }
    return expandSpan(span, byFolder.get(span.folder) ?? []);
  };
}

/** The Markdown files directly in `span.folder` whose chapter number lies in [from, to] (inclusive), sorted. */
export function expandSpan(span: ChapterSpan, files: Iterable<string>): string[] {
  const out: string[] = [];
  for (const f of files) {
    if (dirname(f) !== span.folder || !/\.md$/i.test(f)) continue;
    const t = leadingChapterTuple(basename(f));
    if (!t) continue;
    if (compareToBound(t, span.from) >= 0 && compareToBound(t, span.to) <= 0) out.push(f);
  }
  return out.sort();
}
