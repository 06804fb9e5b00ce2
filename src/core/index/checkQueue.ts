import type { NotesConfig } from '../config';
import type { Diagnostic } from '../model';
import { compareCodeUnits, dirname } from '../paths';
import type { Finding } from '../rules/finding';
import type { Dependents } from './dependents';
import type { Entry } from './indexEntry';
import { linkFindings } from './linkCheck';
import type { ResolveContext } from './resolve';
import { chapterLinksOf, seriesFindings, tableRefsOf, type SeriesRuleReader } from './seriesFolderCheck';
import { matrixFileIn, type SeriesFolders } from './seriesFolders';

/**
 * The index's checking: the notes waiting to be checked (at once, or at the end of a batch), checking them, and
 * the diagnostics that result per file. Ordinary notes are checked first (their link targets feed the series
 * rules), then each series README and matrix together. WorkspaceIndex owns the notes and says what to re-check.
 */
export class CheckQueue {
  /** diagnostics per file (files without any are left out) */
  readonly diags = new Map<string, Diagnostic[]>();
  private batch = 0;
  private readonly pending = new Set<string>();

  constructor(
    /** the index: links resolve through it and the series rules read it */
    private readonly index: ResolveContext & SeriesRuleReader,
    private readonly entries: ReadonlyMap<string, Entry>,
    private readonly seriesMap: SeriesFolders,
    private readonly dependents: Dependents,
    /** the existing files a note's links resolve to (see WorkspaceIndex.targetSet) */
    private readonly targetSet: (file: string) => ReadonlySet<string>,
  ) {}

  /** Defers re-checks until the outermost `endBatch`. */
  beginBatch(): void {
    this.batch++;
  }

  endBatch(): string[] {
    if (--this.batch > 0) return [];
    return this.flush();
  }

  /** `endBatch` checking the pending notes `chunk` at a time, awaiting `pause` in between. */
  async endBatchAsync(pause: () => Promise<void>, chunk: number): Promise<string[]> {
    if (--this.batch > 0) return [];
    const done: string[] = [];
    this.dependents.markLoaded();
    // the series whose matrices cross-reference a note checked here: checked with the other series files (see flush)
    const xrefFolders = new Set<string>();
    while (this.pending.size > 0) {
      const slice: string[] = [];
      for (const f of this.pending) {
        const e = this.entries.get(f);
        if (e?.structural) continue; // series files last: they read the notes' link targets
        slice.push(f);
        if (slice.length >= chunk) break;
      }
      if (slice.length === 0) break;
      for (const f of slice) {
        this.pending.delete(f);
        const e = this.entries.get(f);
        if (!e) this.diags.delete(f); // removed during the batch
        else if (!e.foreign) {
          this.checkNote(f, e);
          this.seriesMap.foldersCrossReferencing(f, xrefFolders);
        }
        done.push(f);
      }
      await pause();
    }
    done.push(...this.flush(xrefFolders));
    return done;
  }

  /** Queues `files` for checking: now, or at the end of the batch. Returns the files checked now. */
  recheck(files: Set<string>): string[] {
    files.forEach(f => this.pending.add(f));
    return this.batch > 0 ? [] : this.flush();
  }

  /** Checks the pending ordinary notes now; series files stay pending (see `WorkspaceIndex.checkPendingNotes`). */
  checkPendingNotes(): string[] {
    const done: string[] = [];
    for (const f of [...this.pending]) {
      const e = this.entries.get(f);
      if (!e || e.structural) continue;
      this.pending.delete(f);
      if (!e.foreign) this.checkNote(f, e);
      done.push(f);
    }
    return done;
  }

  private get config(): NotesConfig {
    return this.index.config;
  }

  /**
   * Checks the pending notes: ordinary notes first (their link targets feed the series rules), then series files, and
   * the series in `seriesFolders`.
   */
  private flush(seriesFolders = new Set<string>()): string[] {
    const files = [...this.pending];
    this.pending.clear();
    this.dependents.markLoaded();
    const done: string[] = [];
    for (const f of files) {
      const e = this.entries.get(f);
      if (!e) { if (this.diags.delete(f)) done.push(f); continue; }
      if (e.foreign) continue;
      // a series README beside the folder's series README (README.md and readme.md) is an ordinary note
      if (e.structural && (e.structural !== 'readme' || this.seriesMap.get(dirname(f))?.model.readme === f)) { seriesFolders.add(dirname(f)); continue; }
      this.checkNote(f, e);
      // a dependent re-checked because a target changed may now link elsewhere: the matrices' cross-references read that
      this.seriesMap.foldersCrossReferencing(f, seriesFolders);
      done.push(f);
    }
    for (const folder of seriesFolders) done.push(...this.checkSeriesFolder(folder));
    return done;
  }

  private checkNote(file: string, e: Entry): void {
    e.targets = undefined;
    const findings = [...e.local, ...linkFindings(this.index, this.entries, file, e)];
    this.dependents.markStale(file);
    this.setDiagnostics(file, findings);
  }

  /** Re-checks a series README and its matrix together (series rules write findings into both). */
  private checkSeriesFolder(folder: string): string[] {
    const s = this.seriesMap.get(folder);
    const readmeFile = s?.model.readme;
    const matrixFile = matrixFileIn(folder, this.config);
    const out: string[] = [];
    const readme = readmeFile ? this.entries.get(readmeFile) : undefined;
    const matrix = this.entries.get(matrixFile);
    // their links are resolved again when next asked: the cross-reference rule below may read their targets too
    if (readme) readme.targets = undefined;
    if (matrix) matrix.targets = undefined;
    const series = s && seriesFindings(s, matrix !== undefined, this.index, this.targetSet);
    if (readme && readmeFile) {
      const findings = [...readme.local, ...linkFindings(this.index, this.entries, readmeFile, readme, chapterLinksOf(s!.model))];
      this.dependents.markStale(readmeFile);
      this.setDiagnostics(readmeFile, findings.concat(series?.readme ?? []));
      out.push(readmeFile);
    }
    if (matrix) {
      const findings = [...matrix.local, ...linkFindings(this.index, this.entries, matrixFile, matrix, tableRefsOf(this.seriesMap.matrixIn(folder)))];
      this.dependents.markStale(matrixFile);
      this.setDiagnostics(matrixFile, findings.concat(series?.matrix ?? []));
      out.push(matrixFile);
    }
    return out;
  }

  private setDiagnostics(file: string, findings: Finding[]): void {
    const list: Diagnostic[] = [];
    for (const f of findings) {
      const sev = this.config.rules[f.code];
      if (sev === 'off' || sev === undefined) continue;
      list.push({ file, range: f.range, severity: sev, code: f.code, message: f.message, data: f.data });
    }
    list.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || compareCodeUnits(a.code, b.code));
    if (list.length === 0) this.diags.delete(file);
    else this.diags.set(file, list);
  }
}

/** Adds a series folder's README and matrix (when the matrix is a note) to `into`. */
export function addSeriesFiles(seriesMap: SeriesFolders, entries: ReadonlyMap<string, Entry>, config: NotesConfig, folder: string, into: Set<string>): void {
  const s = seriesMap.get(folder);
  if (s) into.add(s.model.readme);
  const matrix = matrixFileIn(folder, config);
  if (entries.has(matrix)) into.add(matrix);
}
