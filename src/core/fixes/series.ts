import { defaultConfig, priorityOf, type NotesConfig } from '../config';
import type { Chapter, CoverageModel, CoverageStatus, PriorityKey, TextEdit } from '../model';
import { dominantStatusText } from '../coverage/sync';
import { relative } from '../paths';
import { allPriorityLabels } from '../rules/series';
import { matrixTableLayouts } from '../series/matrix';
import { ownPriorityLabels, priorityLabelLike, statusWordLike } from '../series/wording';
import { LineIndex } from '../text/lineIndex';
import { markdownCodeCell, markdownText } from '../text/markdownCell';
import { editDistance } from '../text/similarity';

/**
 * Quick-fix edits for the series rules: align a chapter's priority label with the reading lists,
 * and add a README chapter missing from the coverage matrix as a new `Pending` row.
 */

/**
 * Replaces the chapter's priority label with a label of `priority`, written in the language the line already uses
 * (`必讀` stays Chinese, `Must-read` stays English). Undefined when the line has no label, or when no label reads
 * back as `priority` (the configuration may give all of its labels to other priorities, or none).
 */
export function alignPriorityEdit(chapter: Chapter, priority: PriorityKey, config: NotesConfig = defaultConfig()): TextEdit | undefined {
  if (!chapter.priorityRange || ownPriorityLabels(config, priority).length === 0) return undefined;
  return { range: chapter.priorityRange, newText: priorityLabelLike(config, priority, chapter.priorityLabel) };
}

/**
 * The priority label a chapter label that is none most likely means, when one is clearly closest: the same once
 * letter case, blanks, `-` and `_` are set aside and simplified characters read as traditional (`Must read` →
 * `Must-read`, `必读` → `必讀`), else one edit away from a label of five or more characters (`Importnt`). Undefined
 * when nothing is that close (`Urgent`) or labels of different priorities are as close.
 */
export function closestPriorityLabel(config: NotesConfig, written: string): string | undefined {
  const w = labelKey(written);
  const max = w.length >= 5 ? 1 : 0;
  let best: string | undefined;
  let bestD = max + 1;
  let tied = false;
  for (const label of allPriorityLabels(config)) {
    const d = editDistance(w, labelKey(label), max);
    if (d < bestD) [best, bestD, tied] = [label, d, false];
    else if (d === bestD && best !== undefined && priorityOf(config, label) !== priorityOf(config, best)) tied = true;
  }
  return tied ? undefined : best;
}

/** Simplified characters of reading-priority words, and their traditional forms. */
const TRADITIONAL: Readonly<Record<string, string>> = {
  读: '讀', 阅: '閱', 过: '過', 选: '選', 须: '須', 优: '優', 级: '級', 进: '進', 阶: '階', 础: '礎', 关: '關', 键: '鍵',
  荐: '薦', 议: '議', 参: '參', 补: '補', 额: '額', 条: '條', 览: '覽', 细: '細',
};

function labelKey(label: string): string {
  let out = '';
  for (const c of label.trim().toLowerCase().replace(/[\s_-]+/g, '')) out += TRADITIONAL[c] ?? c;
  return out;
}

function lineBreakAfter(text: string, offset: number): string {
  if (text.startsWith('\r\n', offset)) return '\r\n';
  if (text.startsWith('\n', offset)) return '\n';
  if (text.startsWith('\r', offset)) return '\r';
  const m = /\r\n|\n|\r/.exec(text);
  return m ? m[0] : '\n';
}

/** A first cell that can start a line of a table body as it is: a letter, or digits that are not a list marker. */
const SAFE_LINE_START = /^(?:\p{L}|\d+(?![\d.)]))/u;

/**
 * Appends `| Category | label | `path` | Pending |` (in the table's column order, extra columns left
 * empty; the status is `status`, the one the row's file gives, so the new row is not itself a mismatch) after the last row of the last coverage table that has a files column. Undefined when the text has no coverage
 * table or the chapter has no workspace file.
 */
export function addChapterToMatrixEdit(text: string, cov: CoverageModel, chapter: Chapter, config: NotesConfig = defaultConfig(),
  status: CoverageStatus = 'pending'): TextEdit | undefined {
  // the last table that lists files (a table without a files column cannot list the chapter)
  const layouts = matrixTableLayouts(text).filter(l => l.columns.files !== undefined);
  const layout = layouts[layouts.length - 1];
  if (!layout || chapter.file === '') return undefined;
  const lines = new LineIndex(text);
  const rowLine = lines.positionAt(layout.lastRowStart).line;
  const rowText = lines.lineText(rowLine);
  // a table of only a header gets its first row after the delimiter row, the line below the header
  const line = layout.bodyRows === 0 ? rowLine + 1 : rowLine;
  const prefix = /^[ \t>]*/.exec(rowText)?.[0] ?? '';
  const body = rowText.slice(prefix.length).trimEnd();
  const leadingPipe = body.startsWith('|');
  const trailingPipe = body.length > 1 && body.endsWith('|') && !body.endsWith('\\|');

  const cells: string[] = new Array<string>(layout.columnCount).fill('');
  const set = (i: number | undefined, value: string) => {
    if (i !== undefined && i < cells.length) cells[i] = value;
  };
  set(layout.columns.area, markdownText(chapter.category));
  set(layout.columns.topic, markdownText(chapter.label));
  set(layout.columns.files, markdownCodeCell(relative(cov.folder, chapter.file)));
  set(layout.columns.status, statusWordLike(config, status, dominantStatusText(cov)));

  // a row without outer pipes starts with its first cell: one that could open a block there (`1. x`, `# x`, `> x`,
  // `- x`, `+ x`, an indentation) would end the table, and an empty one would read as a leading pipe (the row loses a
  // cell). Such a row gets a leading pipe: GFM lets rows of one table differ in that.
  const pipe = leadingPipe || !SAFE_LINE_START.test(cells[0]);
  const row = prefix + (pipe ? '| ' : '') + cells.join(' | ') + (trailingPipe ? ' |' : '');
  const at = lines.lineEnd(line);
  const pos = lines.positionAt(at);
  return { range: { start: pos, end: pos }, newText: lineBreakAfter(text, at) + row };
}
