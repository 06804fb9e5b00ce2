import { defaultConfig, type NotesConfig } from '../../../src/core/config';
import { computeRowCoverage, fileState } from '../../../src/core/coverage/compute';
import type { IndexView, NoteRecord } from '../../../src/core/index/api';
import type { CoverageModel, Diagnostic, FileState, Severity, SeriesModel } from '../../../src/core/model';
import { parseCoverageMatrix } from '../../../src/core/series/matrix';
import { parseSeriesReadme } from '../../../src/core/series/readme';

/**
 * An IndexView over in-memory series built with the real README and matrix parsers; notes are
 * records with a frontmatter status and a body length (what computed coverage looks at).
 */
export class FakeIndex implements IndexView {
  readonly config: NotesConfig = defaultConfig();
  private readonly records = new Map<string, NoteRecord>();
  private readonly otherFiles = new Set<string>();
  private readonly diags = new Map<string, Diagnostic[]>();
  private readonly seriesList: { model: SeriesModel; cov?: CoverageModel }[] = [];

  addSeries(readme: string, readmeText: string, matrixText?: string): this {
    const model = parseSeriesReadme(readmeText, readme, this.config);
    const folder = model.folder;
    const cov = matrixText === undefined ? undefined : parseCoverageMatrix(matrixText, (folder ? folder + '/' : '') + 'coverage_matrix.md', this.config);
    this.seriesList.push({ model, cov });
    this.addNote(readme, { status: 'active', body: 1000 });
    if (cov) this.addNote(cov.file, { status: 'active', body: 1000 });
    return this;
  }

  addNote(file: string, opts: { status?: string; body?: number; title?: string } = {}): this {
    const body = opts.body ?? 1000;
    const data: Record<string, string> = Object.create(null);
    if (opts.status !== undefined) data.status = opts.status;
    this.records.set(file, {
      file,
      title: opts.title ?? file,
      frontmatter: { data, block: { start: 0, end: 0, contentStart: 0, contentEnd: 0, language: '', closed: true }, fieldRanges: {} },
      scan: { headings: [], links: [] },
      length: body,
      end: { line: 0, character: body },
      preview: '',
    });
    return this;
  }

  removeNote(file: string): this {
    this.records.delete(file);
    return this;
  }

  addFile(file: string): this {
    this.otherFiles.add(file);
    return this;
  }

  addDiagnostic(file: string, severity: Severity, message = 'x'): this {
    const list = this.diags.get(file) ?? [];
    list.push({ file, severity, code: 'link-broken', message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } });
    this.diags.set(file, list);
    return this;
  }

  hasFile(file: string): boolean { return this.records.has(file) || this.otherFiles.has(file); }
  note(file: string): NoteRecord | undefined { return this.records.get(file); }
  notes(): Iterable<NoteRecord> { return this.records.values(); }
  files(): Iterable<string> { return [...this.records.keys(), ...this.otherFiles]; }
  hiddenNotes(): ReadonlySet<string> { return new Set(); }
  resolve(): never { throw new Error('not used'); }
  headingsOf(): undefined { return undefined; }
  backlinks(): [] { return []; }
  series(): SeriesModel[] { return this.seriesList.map(s => s.model); }
  seriesOf(file: string): SeriesModel | undefined {
    return this.seriesList.map(s => s.model).find(s => s.folder === '' || file.startsWith(s.folder + '/'));
  }
  coverage(series: SeriesModel): CoverageModel | undefined { return this.seriesList.find(s => s.model === series)?.cov; }
  computeCoverage(series: SeriesModel) {
    const cov = this.coverage(series);
    return cov ? computeRowCoverage(cov.rows, f => this.fileStateOf(f)) : [];
  }
  /** like the real index: a note by its record, any other file that exists as written */
  fileStateOf(file: string): FileState {
    const note = this.records.get(file);
    if (note && !note.unreadable) return fileState(note, this.config);
    return this.otherFiles.has(file) || note !== undefined ? 'written' : 'missing';
  }
  diagnostics(file: string): readonly Diagnostic[] { return this.diags.get(file) ?? []; }
  allDiagnostics(): ReadonlyMap<string, readonly Diagnostic[]> { return this.diags; }
}

export const README = `---
title: Backend Series README
---
# Backend Series README

## Support Documents

- [quality_rubric](quality_rubric.md)
- [coverage_matrix](coverage_matrix.md)

## Chapters

### System Design

- [01_scalability](system_design/01_scalability.md) - 必讀 - 90 min
- [02_availability](system_design/02_availability.md) - 重要 - 75 min
- [03_consistency](system_design/03_consistency.md) - 可跳讀 - 30 min

### Distributed Systems

- [12_cap](distributed_systems/12_cap.md) - Must-read - 60 min
- [13_saga](distributed_systems/13_saga.md) - 重要 - 45 min
- [14_2pc](distributed_systems/14_2pc.md) - unknown-label - 20 min
`;

export const MATRIX = `---
title: Backend Coverage Matrix
---
# Backend Coverage Matrix

| Capability Area | Required Topic | Coverage Files | Status |
| --- | --- | --- | --- |
| System Design | Scalability | \`system_design/01_scalability.md\` | Done |
| System Design | Availability & Consistency | \`system_design/02_availability.md\`, \`system_design/03_consistency.md\` | Pending |
| Distributed Systems | CAP | \`distributed_systems/12_cap.md\` | 完成 |
| Distributed Systems | Extra | \`distributed_systems/99_extra.md\` | ??? |

## Remaining Gaps

- 初始狀態：全部待建立。
- second line
`;

/** The example series: 01 written, 02 draft, 03 missing, 12 a stub (no status, short body: draft), 13 written, 14 missing. */
export function exampleIndex(): FakeIndex {
  return new FakeIndex()
    .addSeries('backend/README.md', README, MATRIX)
    .addNote('backend/system_design/01_scalability.md', { status: 'active', title: 'Scalability' })
    .addNote('backend/system_design/02_availability.md', { status: 'draft' })
    .addNote('backend/distributed_systems/12_cap.md', { body: 50 })
    .addNote('backend/distributed_systems/13_saga.md', { status: 'active' })
    .addFile('backend/quality_rubric.md');
}
