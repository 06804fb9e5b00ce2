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
