import { defaultConfig, type NotesConfig } from '../../../src/core/config';
import { loadWorkspace, type WorkspaceReader } from '../../../src/core/index/load';
import { WorkspaceIndex } from '../../../src/core/index/workspaceIndex';
import type { Diagnostic, RuleCode } from '../../../src/core/model';

/** An in-memory workspace for index tests: path → text (or bytes). */
export class MemoryReader implements WorkspaceReader {
  constructor(readonly files: Record<string, string | Uint8Array>) {}
  async list(): Promise<string[]> {
    return Object.keys(this.files).sort();
  }
  async read(file: string): Promise<Uint8Array> {
    const v = this.files[file];
    if (v === undefined) throw new Error('ENOENT: vanished');
    return typeof v === 'string' ? new TextEncoder().encode(v) : v;
  }
}

export async function indexOf(files: Record<string, string | Uint8Array>, config: NotesConfig = defaultConfig()): Promise<WorkspaceIndex> {
  const index = new WorkspaceIndex(config);
  await loadWorkspace(index, new MemoryReader(files));
  return index;
}

export function codes(index: WorkspaceIndex, file: string): RuleCode[] {
  return index.diagnostics(file).map(d => d.code);
}

export function all(index: WorkspaceIndex): Diagnostic[] {
  return [...index.allDiagnostics().values()].flat();
}

export const FM = (title: string, extra = '') =>
  `---\ntitle: ${title}\nnote_type: chapter\ndomain: backend\ntags: [a]\ncreated: 2026-01-01\nupdated: 2026-01-02\nstatus: active\n${extra}---\n`;

/** What an index says, in a form two indexes can be compared by. */
export function observe(index: WorkspaceIndex, files: readonly string[]): Record<string, unknown> {
  const diags: Record<string, string[]> = {};
  for (const [f, list] of index.allDiagnostics()) {
    if (list.length) diags[f] = list.map(d => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${d.code} ${d.message}`).sort();
  }
  const backlinks: Record<string, string[]> = {};
  for (const f of files) {
    const b = index.backlinks(f).map(x => `${x.from}@${x.link.range.start.line}:${x.link.range.start.character}`).sort();
    if (b.length) backlinks[f] = b;
  }
  const coverage = index.series().map(s => ({ readme: s.readme, rows: index.computeCoverage(s), problems: index.coverage(s)?.problems ?? [] }));
  const series = index.series().map(s => JSON.stringify(s));
  return { diags, backlinks, coverage, series };
}
