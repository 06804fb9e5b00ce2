import { isUnlisted, noteFilter, type NotesConfig } from '../config';
import { bodySize, computeRowCoverage } from '../coverage/compute';
import type { CoverageModel, Diagnostic, DraftReason, FileState, Heading, LinkRef, MatrixRow, RowCoverage, SeriesModel } from '../model';
import { basename, compareCodeUnits, dirname, isInside, stem } from '../paths';
import { checkFrontmatter } from '../rules/frontmatter';
import { parseCoverageMatrix } from '../series/matrix';
import { parseSeriesReadme } from '../series/readme';
import type { UnreadableReason } from '../text/unreadable';
import { isReadmeName, isSeriesReadme } from '../series/readmeSections';
import type { Backlink, ForeignNote, IndexView, IndexWriter, NoteRecord, Resolution } from './api';
import { addSeriesFiles, CheckQueue } from './checkQueue';
import { draftReasonOfEntry, fileStateOfEntry, foreignStateOf, sameCoverageFacts } from './coverageState';
import { addMatrixKeys, Dependents, dependencyKeysOf } from './dependents';
import { type Entry, foreignEntry, foreignNoteFrom, recordWithoutText } from './indexEntry';
import { aliasesOf, previewOf, titleOf } from './noteRecord';
import { parseNote } from './parseNote';
import { linkTargets, nearestFolderIn, resolveLink } from './resolve';
import { crossReferencedFiles } from './seriesFolderCheck';
import { SeriesFolders } from './seriesFolders';
import { WorkspaceFiles } from './workspaceFiles';

/**
 * The incremental workspace index: holds every note's scan, resolves links, runs the rules and keeps the
 * diagnostics per file. Updating one note re-checks that note and only its dependents: notes that link to it
 * (by path, file name or title) and the series README / matrix that name it. Pure: callers feed file contents.
 *
 * `setConfig` re-applies severities and cross-file rules; rules that read a note's own text (frontmatter) use the
 * config the note was last fed with, so a caller that changes required fields or allowed values re-feeds the notes.
 */
export class WorkspaceIndex extends WorkspaceFiles implements IndexView, IndexWriter {
  private cfg: NotesConfig;
  private include: (file: string) => boolean;
  private readonly entries = new Map<string, Entry>();
  /** series folder → series (and the matrices waiting for their README) */
  private readonly seriesMap = new SeriesFolders();
  /** who links to what */
  private readonly dependents = new Dependents(file => {
    const e = this.entries.get(file);
    if (!e) return undefined;
    const keys = dependencyKeysOf(this, file, e.record.scan.links);
    if (e.structural === 'matrix') addMatrixKeys(this.seriesMap.matrixIn(dirname(file)), keys);
    return keys;
  }, () => this.entries.keys());
  /** the notes waiting to be checked, and the diagnostics per file */
  private readonly checks = new CheckQueue(this, this.entries, this.seriesMap, this.dependents, f => this.targetSet(f));
  /** diagnostics per file, as the check queue writes them */
  private readonly diags = this.checks.diags;

  /**
   * `oneShot`: an index checked once and read for its diagnostics (the CLI) keeps only what checking needs: no
   * hover previews, no link texts, no frontmatter field ranges once the note's own findings are made.
   */
  constructor(config: NotesConfig, private readonly options: { oneShot?: boolean } = {}) {
    super();
    this.cfg = config;
    this.include = noteFilter(config);
  }

  get config(): NotesConfig {
    return this.cfg;
  }

  /** True when `file` is a note the config includes (Markdown, not excluded). */
  isIncluded(file: string): boolean {
    return this.include(file);
  }

  // ------------------------------------------------------------------------------------------ writer

  /** Defers re-checks until the outermost `endBatch` (bulk loading: every note is checked once). */
  beginBatch(): void {
    this.checks.beginBatch();
  }

  endBatch(): string[] {
    return this.checks.endBatch();
  }

  /**
   * `endBatch` for an editor: checks the pending notes `chunk` at a time and awaits `pause` in between, so a
   * 10k-note load never blocks the extension host for long. Same result as `endBatch`.
   */
  endBatchAsync(pause: () => Promise<void>, chunk = 250): Promise<string[]> {
    return this.checks.endBatchAsync(pause, chunk);
  }

  updateNote(file: string, text: string): string[] {
    const old = this.entries.get(file);
    const isNew = !this.allFiles.has(file);
    const oneShot = this.options.oneShot === true;
    const { lines, frontmatter, scan } = parseNote(text, { linkText: !oneShot });
    const title = titleOf(file, frontmatter.data?.title, scan.headings);
    const record: NoteRecord = {
      file, title, frontmatter, scan, length: text.length, end: lines.positionAt(text.length), body: bodySize(text, frontmatter.block?.end ?? 0),
      preview: oneShot ? '' : previewOf(text, frontmatter.block?.end ?? 0),
    };
    const aliases = aliasesOf(frontmatter.data);
    if (aliases) record.aliases = aliases;
    const affected = new Set<string>([file]);

    // structural files: the series README and its coverage matrix
    const name = basename(file);
    const folder = dirname(file);
    let structural: Entry['structural'];
    if (isReadmeName(file) && isSeriesReadme(text)) {
      structural = 'readme';
      // another README of the folder (README.md beside readme.md) that was the series is checked again: it may be no longer
      const before = this.seriesMap.get(folder)?.model.readme;
      if (before !== undefined && before !== file) affected.add(before);
      const isNewSeries = this.seriesMap.readmeParsed(folder, parseSeriesReadme(text, file, this.cfg, lines));
      if (isNewSeries) this.addNotesInside(folder, affected); // backtick refs now resolve via the series
      this.addSeriesFiles(folder, affected);
    } else if (old?.structural === 'readme') {
      // no longer a series README (its `## Chapters` heading is being retyped, say): its matrix waits for it
      this.seriesMap.readmeRemoved(folder, file);
      this.addNotesInside(folder, affected);
    }
    if (name === this.cfg.matrixFileName) {
      structural = structural ?? 'matrix';
      this.seriesMap.matrixParsed(folder, parseCoverageMatrix(text, file, this.cfg, lines));
      this.addSeriesFiles(folder, affected);
    } else if (old?.structural === 'matrix') {
      // no longer the matrix (the config names another file now): the series forgets what it said
      this.seriesMap.matrixRemoved(folder, file);
      this.addSeriesFiles(folder, affected);
    }

    const local = checkFrontmatter(frontmatter, lines, this.cfg, { structural: structural !== undefined });
    if (oneShot) frontmatter.fieldRanges = {}; // only fixes read them again
    // the old keys stay registered until the note is checked again: an edit seldom changes them
    const entry: Entry = { record, local, structural };
    this.entries.set(file, entry);
    if (isNew) this.trackFile(file);
    else if (!old) this.names.removeFile(file); // was a plain file (left out by the config) until now
    this.names.add(file, title, old?.record.title);
    this.names.setAliases(file, aliases, old?.record.aliases);

    this.dependents.ofChange(file, old?.record, record, affected);
    // the series rules see a note only through its existence, its written/draft state and (for cross-references) its
    // links: an ordinary edit of an ordinary note leaves the README and matrix alone (the matrices that cross-reference
    // it are checked with it: see CheckQueue.flush)
    const factsChanged = old !== undefined && !sameCoverageFacts(old.record, record, this.cfg);
    if (!old || structural || old.structural || factsChanged) this.addEnclosingSeries(file, affected);
    // a README or matrix elsewhere may name it too (`../y/a.md`); a new note's were asked for by ofChange
    if (factsChanged) this.addSeriesNaming(file, affected);
    return this.recheck(affected);
  }

  setUnreadable(file: string, reason: string, facts?: UnreadableReason): string[] {
    const affected = new Set<string>([file]);
    const isNew = !this.allFiles.has(file);
    const old = this.entries.get(file);
    this.dependents.remove(file);
    // a README or matrix that can no longer be read says nothing: its series (or coverage) goes, as on a fresh load
    if (old) this.forgetStructure(file, old, affected);
    const record = recordWithoutText(file, stem(file), reason, facts);
    this.entries.set(file, { record, local: [] });
    if (isNew) this.trackFile(file);
    else if (!old) this.names.removeFile(file);
    this.names.add(file, record.title, old?.record.title);
    this.names.setAliases(file, undefined, old?.record.aliases);
    this.dependents.ofChange(file, old?.record, record, affected);
    this.addEnclosingSeries(file, affected);
    return this.recheck(affected);
  }

  addFile(file: string): string[] {
    if (this.allFiles.has(file)) return [];
    this.trackFile(file);
    this.names.addFile(file);
    const affected = new Set<string>();
    this.dependents.ofExistence(file, affected);
    this.addEnclosingSeries(file, affected);
    return this.recheck(affected);
  }

  removeFile(file: string): string[] {
    const affected = new Set<string>();
    // a removed folder: every file below it
    if (!this.allFiles.has(file)) {
      const below = [...this.allFiles].filter(f => f.startsWith(file + '/'));
      if (below.length === 0) return [];
      this.beginBatch();
      const out = new Set<string>();
      for (const f of below) this.removeFile(f).forEach(x => out.add(x));
      this.endBatch().forEach(x => out.add(x));
      return [...out];
    }
    const entry = this.entries.get(file);
    this.untrackFile(file);
    if (!entry) this.names.removeFile(file);
    if (entry) {
      this.dependents.remove(file);
      this.entries.delete(file);
      this.names.remove(file, entry.record.title, entry.record.aliases);
      this.dependents.ofTitle(entry.record.title, affected);
      for (const a of entry.record.aliases ?? []) this.dependents.ofTitle(a, affected);
      this.forgetStructure(file, entry, affected);
    }
    this.diags.delete(file);
    this.dependents.ofExistence(file, affected);
    this.addEnclosingSeries(file, affected);
    affected.delete(file);
    const out = this.recheck(affected);
    return [file, ...out];
  }

  /** A series README or coverage matrix whose text is gone (deleted, unreadable): the series map forgets what it said. */
  private forgetStructure(file: string, entry: Entry, affected: Set<string>): void {
    const folder = dirname(file);
    if (entry.structural === 'readme') {
      this.seriesMap.readmeRemoved(folder, file);
      this.addNotesInside(folder, affected);
    }
    if (entry.structural === 'matrix' || basename(file) === this.cfg.matrixFileName) {
      this.seriesMap.matrixRemoved(folder, file);
      this.addSeriesFiles(folder, affected);
    }
  }

  /**
   * The Markdown files the editor hides (`files.exclude`), by name only: `[[name]]` resolves to them (see
   * `replaceHiddenNotes`). Re-checks the notes whose links may mean one that came or went.
   */
  setHiddenNotes(files: Iterable<string>): string[] {
    const affected = new Set<string>();
    for (const f of this.replaceHiddenNotes(files)) this.dependents.ofExistence(f, affected);
    return this.recheck(affected);
  }

  setConfig(config: NotesConfig): string[] {
    this.cfg = config;
    this.include = noteFilter(config);
    return this.recheck(new Set(this.entries.keys()));
  }

  /**
   * Builds the map of who links to what, which incremental updates and backlinks need. Done on first need;
   * an editor calls it once after the initial load so the first keystroke does not pay for it.
   */
  buildDependents(): void {
    this.dependents.build();
  }

  /**
   * `buildDependents` for an editor: registers `chunk` notes at a time and awaits `pause` in between (10k notes
   * take several hundred ms). The caller must not change the index meanwhile; if anything asks for dependents
   * before it ends, the rest is registered at once (registering a note twice changes nothing).
   */
  buildDependentsAsync(pause: () => Promise<void>, chunk = 200): Promise<void> {
    return this.dependents.buildAsync(pause, chunk);
  }

  // ------------------------------------------------------------------------------------------ parallel check

  /**
   * A note that another index checks (the other thread of a parallel check). This index resolves links to it,
   * matches its name and title, checks fragments against its slugs and reads its coverage state, but never checks
   * it: its diagnostics and link targets arrive through `importForeignDiagnostics` and `importForeignTargets`.
   */
  addForeignNote(note: ForeignNote): void {
    const old = this.entries.get(note.file);
    this.dependents.remove(note.file);
    this.entries.set(note.file, foreignEntry(note));
    if (!this.allFiles.has(note.file)) this.trackFile(note.file);
    else if (!old) this.names.removeFile(note.file);
    this.names.add(note.file, note.title, old?.record.title);
    this.names.setAliases(note.file, note.aliases, old?.record.aliases);
  }

  /**
   * A series file that another index checks, given whole (series folders decide how backtick references
   * resolve, so every index must know them): parsed like any note, never checked here.
   */
  addForeignText(file: string, text: string): void {
    this.updateNote(file, text);
    const e = this.entries.get(file)!;
    e.foreign = foreignStateOf(e.record, this.cfg);
  }

  /** What another index needs to know of one of this index's notes (see `addForeignNote`). */
  foreignNoteOf(file: string): ForeignNote | undefined {
    const e = this.entries.get(file);
    return e && foreignNoteFrom(e.record, this.fileStateOf(file), this.draftReasonOf(file));
  }

  /** Existing files that `file`'s links resolve to (after it was checked). */
  targetsOf(file: string): string[] {
    return [...this.targetSet(file)];
  }

  /** Notes whose link targets the series rules read (the sides of the matrices' cross-references). */
  filesReadBySeriesRules(): Set<string> {
    return crossReferencedFiles(this.seriesMap.values(), this);
  }

  /** The diagnostics another index computed for one of this index's foreign notes. */
  importForeignDiagnostics(file: string, diagnostics: Diagnostic[]): void {
    if (!this.entries.get(file)?.foreign) return;
    if (diagnostics.length) this.diags.set(file, diagnostics);
    else this.diags.delete(file);
  }

  /** The existing files a foreign note's links resolve to, as another index found them (`targetsOf`). */
  importForeignTargets(file: string, targets: string[]): void {
    const e = this.entries.get(file);
    if (e?.foreign) e.targets = new Set(targets);
  }

  /**
   * Checks the pending ordinary notes now; series files stay pending until `endBatch` (their rules read the
   * other notes' link targets, which a parallel check imports first).
   */
  checkPendingNotes(): string[] {
    return this.checks.checkPendingNotes();
  }

  // ------------------------------------------------------------------------------------------ view

  /**
   * Whether a file counts as existing: the workspace has it, or nothing is known about it (it lies where the
   * listing does not look: see `isUnlisted`). A README chapter there is not planned; the README check, coverage
   * and the Series tree all go by this.
   */
  takenToExist(file: string): boolean {
    return this.allFiles.has(file) || isUnlisted(this.cfg, file);
  }

  isNote(file: string): boolean {
    return this.entries.has(file);
  }

  note(file: string): NoteRecord | undefined {
    return this.entries.get(file)?.record;
  }

  *notes(): Iterable<NoteRecord> {
    for (const e of this.entries.values()) yield e.record;
  }

  files(): Iterable<string> {
    return this.allFiles.values();
  }

  resolve(fromFile: string, link: LinkRef): Resolution {
    return resolveLink(this, fromFile, link);
  }

  headingsOf(file: string): Heading[] | undefined {
    return this.entries.get(file)?.record.scan.headings;
  }

  backlinks(file: string): Backlink[] {
    const candidates = new Set<string>();
    this.dependents.linkingTo(file, this.entries.get(file)?.record, candidates);
    return this.linksAmong(candidates, r => r.kind === 'file' && r.file === file);
  }

  /** The links that resolve to the folder `folder` (`[f](../sd)`), found as `backlinks` finds a file's. */
  folderBacklinks(folder: string): Backlink[] {
    const candidates = new Set<string>();
    this.dependents.linkingByPath(folder, candidates);
    return this.linksAmong(candidates, r => r.kind === 'folder' && r.folder === folder);
  }

  /** The links of the notes `candidates` (in path order) whose resolution `leads` where asked. */
  private linksAmong(candidates: ReadonlySet<string>, leads: (r: Resolution) => boolean): Backlink[] {
    const out: Backlink[] = [];
    for (const from of [...candidates].sort()) {
      const e = this.entries.get(from);
      if (!e) continue;
      for (const link of e.record.scan.links) {
        if (!link.external && leads(this.resolve(from, link))) out.push({ from, link });
      }
    }
    return out;
  }

  /** Whether any folder is a series (a README with a `## Chapters` section): cheaper than `series()`. */
  hasSeries(): boolean {
    return this.seriesMap.size > 0;
  }

  series(): SeriesModel[] {
    return [...this.seriesMap.values()].map(s => s.model).sort((a, b) => compareCodeUnits(a.readme, b.readme));
  }

  seriesOf(file: string): SeriesModel | undefined {
    const folder = this.seriesFolderOf(file);
    return folder === undefined ? undefined : this.seriesMap.get(folder)?.model;
  }

  coverage(series: SeriesModel): CoverageModel | undefined {
    return this.seriesMap.get(series.folder)?.coverage;
  }

  computeCoverage(series: SeriesModel): RowCoverage[] {
    const cov = this.coverage(series);
    return cov ? this.rowCoverage(cov.rows) : [];
  }

  /**
   * The computed coverage of matrix rows with this index's file states: the rows of a series (the check, the
   * coverage page, the CLI) or of an unsaved matrix (Sync), so that all of them count a mismatch alike. A file
   * nothing is known about does not contradict a row's declared status (see `computeRowCoverage`).
   */
  rowCoverage(rows: MatrixRow[]): RowCoverage[] {
    return computeRowCoverage(rows, f => this.fileStateOf(f), f => !this.allFiles.has(f) && isUnlisted(this.cfg, f));
  }

  /** Missing, draft or written (a file that exists but is not read as a note counts as written: see fileStateOfEntry). */
  fileStateOf(file: string): FileState {
    return fileStateOfEntry(this.entries.get(file), file, this.cfg, this.allFiles);
  }

  /** Why a note counts as a draft (its status, or a short body without one); undefined when it is not a draft. */
  draftReasonOf(file: string): DraftReason | undefined {
    return draftReasonOfEntry(this.entries.get(file), this.cfg);
  }

  diagnostics(file: string): readonly Diagnostic[] {
    return this.diags.get(file) ?? [];
  }

  allDiagnostics(): ReadonlyMap<string, readonly Diagnostic[]> {
    return this.diags;
  }

  /** True when note `from` has a link of any kind resolving to the existing file `to`. */
  linksTo(from: string, to: string): boolean {
    return this.targetSet(from).has(to);
  }

  /** The existing files `file`'s links resolve to (none when it is no note), resolved when first asked after it was checked. */
  private targetSet(file: string): ReadonlySet<string> {
    const e = this.entries.get(file);
    return e ? (e.targets ??= linkTargets(this, file, e.record)) : NO_TARGETS;
  }

  // ------------------------------------------------------------------------------------------ ResolveContext (the rest: WorkspaceFiles)

  seriesFolderOf(file: string): string | undefined {
    return nearestFolderIn(this.seriesMap, file);
  }

  // ------------------------------------------------------------------------------------------ internals

  /** Queues `files` for checking: now, or at the end of the batch (see CheckQueue). */
  private recheck(files: Set<string>): string[] {
    return this.checks.recheck(files);
  }

  /**
   * Every series whose folder holds `file`: their READMEs and matrices name chapters, coverage files and cross-references
   * below their folders, into nested series too (backend's matrix names `rust/diagram.png` and `rust/17_3-17_6` when
   * `rust/README.md` is a series of its own).
   */
  private addEnclosingSeries(file: string, into: Set<string>): void {
    for (let folder = this.seriesFolderOf(file); folder !== undefined; folder = folder === '' ? undefined : this.seriesFolderOf(folder)) {
      this.addSeriesFiles(folder, into);
    }
  }

  /** The series READMEs and matrices whose links may name `file` by its path, wherever they lie. */
  private addSeriesNaming(file: string, into: Set<string>): void {
    const naming = new Set<string>();
    this.dependents.linkingByPath(file, naming);
    for (const f of naming) if (this.entries.get(f)?.structural) into.add(f);
  }

  private addSeriesFiles(folder: string, into: Set<string>): void {
    addSeriesFiles(this.seriesMap, this.entries, this.cfg, folder, into);
  }

  private addNotesInside(folder: string, into: Set<string>): void {
    for (const f of this.entries.keys()) if (isInside(f, folder)) into.add(f);
  }
}

const NO_TARGETS: ReadonlySet<string> = new Set();
