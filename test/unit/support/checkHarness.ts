import { strict as assert } from 'node:assert';
import { parseConfigText, type ConfigProblem, type NotesConfig } from '../../../src/core/config';
import { loadWorkspace } from '../../../src/core/index/load';
import { WorkspaceIndex } from '../../../src/core/index/workspaceIndex';
import { RULE_CODES, type Diagnostic } from '../../../src/core/model';
import { decodeNote } from '../../../src/core/text/decode';
import { LineIndex } from '../../../src/core/text/lineIndex';
import { formatCoverageMarkdown } from '../../../src/cli/format/coverage';
import { jsonChunks } from '../../../src/cli/format/jsonChunks';
import { toSarif } from '../../../src/cli/format/sarif';
import { formatTextLine, PLAIN } from '../../../src/cli/format/text';
import { buildReport, coverageReport, sortedDiagnostics, statusLanguages } from '../../../src/cli/report';
import { MemoryReader } from '../index/memoryWorkspace';
import type { Files } from './mutate';

/**
 * The check as the CLI runs it, on an in-memory workspace: the config from `.notes-navigator.json`, every file
 * listed, the notes decoded and checked in one batch, then every report format written. And what every
 * diagnostic must be, whatever the input: in its document, of a known code, with a message that says something.
 */

export const CONFIG_FILE = '.notes-navigator.json';

export function configOf(files: Files): { config: NotesConfig; problems: ConfigProblem[] } {
  const raw = files[CONFIG_FILE];
  if (raw === undefined) return parseConfigText('{}');
  const text = typeof raw === 'string' ? raw : new TextDecoder().decode(raw);
  return parseConfigText(text);
}

/** `seriesFirst`: read the series files and the notes they name first, as the editor's load does (onSeriesRead). */
export async function checkFiles(files: Files, config = configOf(files).config, oneShot = true, seriesFirst = false): Promise<WorkspaceIndex> {
  const index = new WorkspaceIndex(config, { oneShot });
  await loadWorkspace(index, new MemoryReader(files), { concurrency: 1, onSeriesRead: seriesFirst ? () => undefined : undefined });
  return index;
}

/** Every report format of the CLI, written (each must not throw and must say nothing undefined). */
export function writeReports(index: WorkspaceIndex): string {
  const diags = sortedDiagnostics(index);
  let out = diags.map(d => formatTextLine(d, PLAIN)).join('\n');
  jsonChunks(buildReport(index, diags), s => { out += s; });
  jsonChunks(toSarif(diags, '0.0.0', { base: '/tmp', prefix: '' }), s => { out += s; });
  out += formatCoverageMarkdown(coverageReport(index), index.config, statusLanguages(index));
  return out;
}

const CODES = new Set<string>(RULE_CODES);
export const BAD_TEXT = /undefined|\[object Object\]|NaN/;

/** The text a diagnostic's positions count in: the decoded note ('' for a file that is no text). */
export function textOf(files: Files, file: string): string {
  const v = files[file];
  if (v === undefined) return '';
  const bytes = typeof v === 'string' ? new TextEncoder().encode(v) : v;
  const d = decodeNote(bytes);
  return d.ok ? d.text : '';
}

/** What every diagnostic must be. `what` names the case in a failure. */
export function assertDiagnosticsSound(files: Files, diags: Iterable<Diagnostic>, what: string): void {
  const lineIndexes = new Map<string, LineIndex>();
  for (const d of diags) {
    const where = `${what}: ${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} "${d.message}"`;
    assert.ok(CODES.has(d.code), `${where}: unknown code`);
    assert.ok(['error', 'warning', 'information', 'hint'].includes(d.severity), `${where}: severity ${d.severity}`);
    assert.ok(typeof d.message === 'string' && d.message.trim() !== '', `${where}: empty message`);
    assert.ok(!BAD_TEXT.test(d.message) || quotesInput(files, d.message), `${where}: message says undefined/NaN/[object Object]`);
    assert.ok(files[d.file] !== undefined, `${where}: a diagnostic on a file that is not there`);
    let li = lineIndexes.get(d.file);
    if (!li) { li = new LineIndex(textOf(files, d.file)); lineIndexes.set(d.file, li); }
    const { start, end } = d.range;
    for (const p of [start, end]) {
      assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0, `${where}: position ${JSON.stringify(p)}`);
      assert.ok(p.line < li.lineCount, `${where}: line ${p.line + 1} past the end (${li.lineCount} lines)`);
      const len = li.lineEnd(p.line) - li.lineStart(p.line);
      assert.ok(p.character <= len, `${where}: column ${p.character + 1} past the end of line ${p.line + 1} (${len} characters): ${JSON.stringify(li.lineText(p.line).slice(0, 200))}`);
    }
    assert.ok(end.line > start.line || (end.line === start.line && end.character >= start.character), `${where}: end ${JSON.stringify(end)} before start`);
  }
}

/** A message may say `undefined` (or NaN …) when it quotes the input that says so. */
export function quotesInput(files: Files, said: string): boolean {
  const m = BAD_TEXT.exec(said);
  if (!m) return true;
  return Object.entries(files).some(([f, v]) => f.includes(m[0]) || (typeof v === 'string' && v.includes(m[0])));
}
