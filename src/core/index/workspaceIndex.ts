import { isUnlisted, noteFilter, type NotesConfig } from '../config';
import { bodySize, computeRowCoverage, draftReason, fileState, sameDraftReason } from '../coverage/compute';
import type { CoverageModel, Diagnostic, DraftReason, FileState, Heading, LinkRef, MatrixRow, RowCoverage, SeriesModel, XrefSide } from '../model';
import { basename, compareCodeUnits, dirname, isInside, isMarkdown, stem } from '../paths';
import { checkCoverage } from '../rules/coverage';
import type { Finding } from '../rules/finding';
import { checkFrontmatter } from '../rules/frontmatter';
import { checkLinks } from '../rules/links';
import { checkSeries } from '../rules/series';
import { checkXrefs, plannedFiles } from '../rules/xref';
import { expandSpan, parseCoverageMatrix } from '../series/matrix';
import { isReadmeName, isSeriesReadme, parseSeriesReadme } from '../series/readme';
import type { Backlink, ForeignNote, IndexView, IndexWriter, NoteRecord, Resolution } from './api';
import { DependencyMap } from './dependencyMap';
import { NameIndex } from './nameIndex';
import { fragmentNames, previewOf, sameFragments, textOnlySlugs, titleOf } from './noteRecord';
import { parseNote } from './parseNote';
import { filePathOf, foldersOf, nearestFolderIn, pathLinkCandidates, refCandidates, resolveLink, type ResolveContext, wikilinkKeyOfFile } from './resolve';

interface Entry {
  record: NoteRecord;
  /** findings that depend only on the note's own text (frontmatter rules) */
  local: Finding[];
  slugs?: Set<string>;
  /** slugs of heading texts that differ from the headings' GitHub slugs (see textOnlySlugs; built on first need) */
  textSlugs?: Set<string>;
  /** existing files its links resolve to: computed when first asked (only the series rules ask), or imported for a foreign note */
  targets?: Set<string>;
  structural?: 'readme' | 'matrix';
  /** checked by another index (a parallel check's other thread): known here only by what checking others needs */
  foreign?: { state: FileState; draft?: DraftReason };
}

interface SeriesEntry {
  model: SeriesModel;
  coverage?: CoverageModel;
}

/**
 * The incremental workspace index: holds every note's scan, resolves links, runs the rules and keeps the
 * diagnostics per file. Updating one note re-checks that note and only its dependents: notes that link to it
 * (by path, file name or title) and the series README / matrix that name it. Pure: callers feed file contents.
 *
 * `setConfig` re-applies severities and cross-file rules; rules that read a note's own text (frontmatter) use the
 * config the note was last fed with, so a caller that changes required fields or allowed values re-feeds the notes.
 */
export class WorkspaceIndex implements IndexView, IndexWriter, ResolveContext {
  private cfg: NotesConfig;
  private include: (file: string) => boolean;
  private readonly allFiles = new Set<string>();
  /** every folder holding a file, built when first asked (see hasFolder); undefined after files come or go */
  private folders: Set<string> | undefined;
  private readonly entries = new Map<string, Entry>();
  private readonly names = new NameIndex();
  /** series folder → series */
  private readonly seriesMap = new Map<string, SeriesEntry>();
  /** matrix files parsed before their README appeared, by folder */
  private readonly orphanMatrices = new Map<string, CoverageModel>();
  private readonly diags = new Map<string, Diagnostic[]>();
  /** who links to what (see `keysOf`) */
  private readonly dependents = new DependencyMap(file => {
    const e = this.entries.get(file);
    return e && this.keysOf(file, e);
  });
  private batch = 0;
  private readonly pending = new Set<string>();
  /**
   * The dependents map is built on first need: a one-shot check (the CLI) never needs it, and during the first
   * load every note is checked anyway. Once built it is kept current as notes are checked, added and removed.
   */
  private depsBuilt = false;
  private loadedOnce = false;

  /**
   * `oneShot`: an index checked once and read for its diagnostics (the CLI) keeps only what checking needs: no
   * hover previews, no link texts, no frontmatter field ranges once the note's own findings are made.
   */
  constructor(config: NotesConfig, private readonly options: { oneShot?: boolean } = {}) {
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
    this.batch++;
  }

  endBatch(): string[] {
    if (--this.batch > 0) return [];
    return this.flush();
  }

  /**
   * `endBatch` for an editor: checks the pending notes `chunk` at a time and awaits `pause` in between, so a
   * 10k-note load never blocks the extension host for long. Same result as `endBatch`.
   */
  async endBatchAsync(pause: () => Promise<void>, chunk = 250): Promise<string[]> {
    if (--this.batch > 0) return [];
    const done: string[] = [];
    this.loadedOnce = true;
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
          const xrefFolder = this.xrefSeriesOf(f); // see flush
          if (xrefFolder !== undefined) this.addSeriesFiles(xrefFolder, this.pending);
        }
        done.push(f);
      }
      await pause();
    }
    done.push(...this.flush());
    return done;
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
    const affected = new Set<string>([file]);

    // structural files: the series README and its coverage matrix
    const name = basename(file);
    const folder = dirname(file);
    let structural: Entry['structural'];
    if (isReadmeName(file) && isSeriesReadme(text)) {
      structural = 'readme';
      const hadSeries = this.seriesMap.has(folder);
      const model = parseSeriesReadme(text, file, this.cfg, lines);
      const prev = this.seriesMap.get(folder);
      const coverage = prev?.coverage ?? this.orphanMatrices.get(folder);
      this.orphanMatrices.delete(folder);
      this.seriesMap.set(folder, { model, coverage });
      if (!hadSeries) this.notesInside(folder).forEach(f => affected.add(f)); // backtick refs now resolve via the series
      this.addSeriesFiles(folder, affected);
    } else if (old?.structural === 'readme') {
      // no longer a series README
      this.seriesMap.delete(folder);
      this.notesInside(folder).forEach(f => affected.add(f));
    }
    if (name === this.cfg.matrixFileName) {
      structural = structural ?? 'matrix';
      const coverage = parseCoverageMatrix(text, file, this.cfg, lines);
      const s = this.seriesMap.get(folder);
      if (s) s.coverage = coverage;
      else this.orphanMatrices.set(folder, coverage);
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

    this.addDependentsOfChange(file, old?.record, record, affected);
    // the series rules see a note only through its existence, its written/draft state and (for
    // cross-references) its links: an ordinary edit of an ordinary note leaves the README and matrix alone
    if (!old || structural || old.structural || this.seriesReads(file, old.record, record)) this.addEnclosingSeries(file, affected);
    return this.recheck(affected);
  }

  /** Whether an edit from `before` to `after` can change a series rule's findings. */
  private seriesReads(file: string, before: NoteRecord, after: NoteRecord): boolean {
    if (before.unreadable !== after.unreadable) return true;
    if (fileState(before, this.cfg) !== fileState(after, this.cfg)) return true;
    // the matrix says why a note counts as a draft ("only 78 characters of body")
    if (!sameDraftReason(draftReason(before, this.cfg), draftReason(after, this.cfg))) return true;
    return this.xrefSeriesOf(file) !== undefined;
  }

  /** The series folder whose matrix names `file` in a cross-reference (its links then feed the xref rule). */
  private xrefSeriesOf(file: string): string | undefined {
    const folder = this.seriesFolderOf(file);
    const cov = folder === undefined ? undefined : this.seriesMap.get(folder)?.coverage;
    if (!cov || cov.xrefs.length === 0) return undefined;
    const named = cov.xrefs.some(x => [x.a, x.b].some(side => side.file === file || (side.span !== undefined && isInside(file, side.span.folder))));
    return named ? folder : undefined;
  }

  setUnreadable(file: string, reason: string): string[] {
    const affected = new Set<string>([file]);
    const isNew = !this.allFiles.has(file);
    const old = this.entries.get(file);
    this.dependents.remove(file);
    const record: NoteRecord = {
      file, title: stem(file), frontmatter: { fieldRanges: {} }, scan: { headings: [], links: [] }, unreadable: reason, length: 0, end: { line: 0, character: 0 }, preview: '',
    };
    this.entries.set(file, { record, local: [] });
    if (isNew) this.trackFile(file);
    else if (!old) this.names.removeFile(file);
    this.names.add(file, record.title, old?.record.title);
    this.addDependentsOfChange(file, old?.record, record, affected);
    this.addEnclosingSeries(file, affected);
    return this.recheck(affected);
  }

  addFile(file: string): string[] {
    if (this.allFiles.has(file)) return [];
    this.trackFile(file);
    this.names.addFile(file);
    const affected = new Set<string>();
    this.addDependentsOfExistence(file, affected);
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
    this.allFiles.delete(file);
    this.folders = undefined;
    const folder = dirname(file);
    if (!entry) this.names.removeFile(file);
    if (entry) {
      this.dependents.remove(file);
      this.entries.delete(file);
      this.names.remove(file, entry.record.title);
      this.addDeps('t:' + entry.record.title.toLowerCase(), affected);
      if (entry.structural === 'readme') {
        const s = this.seriesMap.get(folder);
        this.seriesMap.delete(folder);
        if (s?.coverage) this.orphanMatrices.set(folder, s.coverage);
        this.notesInside(folder).forEach(f => affected.add(f));
      }
      if (entry.structural === 'matrix' || basename(file) === this.cfg.matrixFileName) {
        const s = this.seriesMap.get(folder);
        if (s) s.coverage = undefined;
        this.orphanMatrices.delete(folder);
        this.addSeriesFiles(folder, affected);
      }
    }
    this.diags.delete(file);
    this.addDependentsOfExistence(file, affected);
    this.addEnclosingSeries(file, affected);
    affected.delete(file);
    const out = this.recheck(affected);
    return [file, ...out];
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
    if (this.depsBuilt) return;
    this.depsBuilt = true;
    for (const f of this.entries.keys()) this.dependents.register(f);
  }

  /**
   * `buildDependents` for an editor: registers `chunk` notes at a time and awaits `pause` in between (10k notes
   * take several hundred ms). The caller must not change the index meanwhile; if anything asks for dependents
   * before it ends, the rest is registered at once (registering a note twice changes nothing).
   */
  async buildDependentsAsync(pause: () => Promise<void>, chunk = 200): Promise<void> {
    const files = [...this.entries.keys()];
    for (let i = 0; i < files.length && !this.depsBuilt; i++) {
      this.dependents.register(files[i]);
      if (i % chunk === chunk - 1) await pause();
    }
    this.depsBuilt = true;
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
    const record: NoteRecord = {
      file: note.file, title: note.title, frontmatter: { fieldRanges: {} }, scan: { headings: [], links: [] },
      unreadable: note.unreadable, length: 0, end: { line: 0, character: 0 }, preview: '',
    };
    this.entries.set(note.file, { record, local: [], targets: new Set(), slugs: new Set(note.slugs), textSlugs: new Set(note.textSlugs), foreign: note.draft ? { state: note.state, draft: note.draft } : { state: note.state } });
    if (!this.allFiles.has(note.file)) this.trackFile(note.file);
    else if (!old) this.names.removeFile(note.file);
    this.names.add(note.file, note.title, old?.record.title);
  }

  /**
   * A series file that another index checks, given whole (series folders decide how backtick references
   * resolve, so every index must know them): parsed like any note, never checked here.
   */
  addForeignText(file: string, text: string): void {
    this.updateNote(file, text);
    const e = this.entries.get(file)!;
    e.foreign = { state: fileState(e.record, this.cfg) };
    const draft = draftReason(e.record, this.cfg);
    if (draft) e.foreign.draft = draft;
  }

  /** What another index needs to know of one of this index's notes (see `addForeignNote`). */
  foreignNoteOf(file: string): ForeignNote | undefined {
    const e = this.entries.get(file);
    if (!e) return undefined;
    const r = e.record;
    const note: ForeignNote = { file, title: r.title, slugs: fragmentNames(r.scan), state: this.fileStateOf(file) };
    const textSlugs = textOnlySlugs(r.scan.headings);
    if (textSlugs.length) note.textSlugs = textSlugs;
    const draft = this.draftReasonOf(file);
    if (draft) note.draft = draft;
    if (r.unreadable !== undefined) note.unreadable = r.unreadable;
    return note;
  }

  /** Existing files that `file`'s links resolve to (after it was checked). */
  targetsOf(file: string): string[] {
    const e = this.entries.get(file);
    return e ? [...this.targetSet(file, e)] : [];
  }

  /** Notes whose link targets the series rules read (the sides of the matrices' cross-references). */
  filesReadBySeriesRules(): Set<string> {
    const out = new Set<string>();
    for (const s of this.seriesMap.values()) {
      for (const x of s.coverage?.xrefs ?? []) {
        for (const f of this.xrefSideFiles(x.a)) out.add(f);
        for (const f of this.xrefSideFiles(x.b)) out.add(f);
      }
    }
    return out;
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

  // ------------------------------------------------------------------------------------------ view

  hasFile(file: string): boolean {
    return this.allFiles.has(file);
  }

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
    const out: Backlink[] = [];
    const candidates = new Set<string>();
    this.addDeps('f:' + file, candidates);
    this.addDeps('w:' + wikilinkNameOf(file), candidates);
    const title = this.entries.get(file)?.record.title;
    if (title) this.addDeps('t:' + title.toLowerCase(), candidates);
    for (const from of [...candidates].sort()) {
      const e = this.entries.get(from);
      if (!e) continue;
      for (const link of e.record.scan.links) {
        if (link.external) continue;
        const r = this.resolve(from, link);
        if (r.kind === 'file' && r.file === file) out.push({ from, link });
      }
    }
    return out;
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

  /**
   * Missing, draft or written. A file that exists but is not read as a note (the config leaves it out, it cannot be
   * read, or it lies in a folder the listing could not read) counts as written: it is there, and nothing says it
   * is a draft; calling it missing would contradict the README, which does not call it planned.
   */
  fileStateOf(file: string): FileState {
    const e = this.entries.get(file);
    if (e?.foreign) return e.foreign.state;
    const r = e?.record;
    if (r && !r.unreadable) return fileState(r, this.cfg);
    return this.takenToExist(file) ? 'written' : 'missing';
  }

  /** Why a note counts as a draft (its status, or a short body without one); undefined when it is not a draft. */
  draftReasonOf(file: string): DraftReason | undefined {
    const e = this.entries.get(file);
    if (e?.foreign) return e.foreign.draft;
    const r = e?.record;
    return r && !r.unreadable ? draftReason(r, this.cfg) : undefined;
  }

  diagnostics(file: string): readonly Diagnostic[] {
    return this.diags.get(file) ?? [];
  }

  allDiagnostics(): ReadonlyMap<string, readonly Diagnostic[]> {
    return this.diags;
  }

  /** True when note `from` has a link of any kind resolving to the existing file `to`. */
  linksTo(from: string, to: string): boolean {
    const e = this.entries.get(from);
    return e ? this.targetSet(from, e).has(to) : false;
  }

  private targetSet(file: string, e: Entry): Set<string> {
    if (e.targets) return e.targets;
    const targets = new Set<string>();
    if (!e.record.unreadable) {
      const folder = dirname(file);
      for (const link of e.record.scan.links) {
        const r = resolveLink(this, file, link, folder);
        if (r.kind === 'file' && r.exists) targets.add(r.file);
      }
    }
    return (e.targets = targets);
  }

  // ------------------------------------------------------------------------------------------ ResolveContext

  seriesFolderOf(file: string): string | undefined {
    return nearestFolderIn(this.seriesMap, file);
  }

  notesByStem(lowerStem: string): readonly string[] {
    return this.names.byStemOf(lowerStem);
  }

  notesByTitle(lowerTitle: string): readonly string[] {
    return this.names.byTitleOf(lowerTitle);
  }

  filesByName(lowerName: string): readonly string[] {
    return this.names.byFileNameOf(lowerName);
  }

  hasFolder(folder: string): boolean {
    if (folder === '') return true;
    // built on the first link that names no file (few do), again only after files come or go
    this.folders ??= foldersOf(this.allFiles);
    return this.folders.has(folder);
  }

  // ------------------------------------------------------------------------------------------ internals

  /** A file the index did not know exists now. */
  private trackFile(file: string): void {
    this.allFiles.add(file);
    this.folders = undefined;
  }

  private recheck(files: Set<string>): string[] {
    if (this.batch > 0) {
      files.forEach(f => this.pending.add(f));
      return [];
    }
    files.forEach(f => this.pending.add(f));
    return this.flush();
  }

  /** Checks the pending notes: ordinary notes first (their link targets feed the series rules), then series files. */
  private flush(): string[] {
    const files = [...this.pending];
    this.pending.clear();
    this.loadedOnce = true;
    const seriesFolders = new Set<string>();
    const done: string[] = [];
    for (const f of files) {
      const e = this.entries.get(f);
      if (!e) { if (this.diags.delete(f)) done.push(f); continue; }
      if (e.foreign) continue;
      if (e.structural) { seriesFolders.add(dirname(f)); continue; }
      this.checkNote(f, e);
      // a dependent re-checked because a target changed may now link elsewhere: the matrix's cross-references read that
      const xrefFolder = this.xrefSeriesOf(f);
      if (xrefFolder !== undefined) seriesFolders.add(xrefFolder);
      done.push(f);
    }
    for (const folder of seriesFolders) done.push(...this.checkSeriesFolder(folder));
    return done;
  }

  private checkNote(file: string, e: Entry): void {
    e.targets = undefined;
    const findings = [...e.local, ...this.linkFindings(file, e)];
    this.markKeysStale(file);
    this.setDiagnostics(file, findings);
  }

  private linkFindings(file: string, e: Entry, skip?: (l: LinkRef) => boolean): Finding[] {
    if (e.record.unreadable) return [];
    const folder = dirname(file);
    const links = e.record.scan.links;
    let resolve = (link: LinkRef) => resolveLink(this, file, link, folder);
    if (links.length > MEMO_FROM_LINKS) {
      // a long note names the same targets again and again: each written path is resolved once per check (the
      // link rules read the fragment from the link, not from the shared resolution)
      const direct = resolve;
      const memo = { link: new Map<string, Resolution>(), ref: new Map<string, Resolution>(), wikilink: new Map<string, Resolution>() };
      resolve = link => {
        if (link.external) return direct(link);
        const byPath = memo[link.kind === 'image' ? 'link' : link.kind];
        let r = byPath.get(link.path);
        if (r === undefined) byPath.set(link.path, (r = direct(link)));
        return r;
      };
    }
    return checkLinks(links, { resolve, slugsOf: f => this.slugsOf(f), textSlugsOf: f => this.textSlugsOf(f), skip });
  }

  /** Re-checks a series README and its matrix together (series rules write findings into both). */
  private checkSeriesFolder(folder: string): string[] {
    const s = this.seriesMap.get(folder);
    const readmeFile = s?.model.readme;
    const matrixFile = (folder === '' ? '' : folder + '/') + this.cfg.matrixFileName;
    const out: string[] = [];
    const readme = readmeFile ? this.entries.get(readmeFile) : undefined;
    const matrix = this.entries.get(matrixFile);
    let readmeExtra: Finding[] = [];
    let matrixExtra: Finding[] = [];
    if (s) {
      // a chapter in a folder the listing could not read may well exist: it is not reported as planned
      const exists = (f: string) => this.takenToExist(f);
      readmeExtra = checkSeries(s.model, { exists, config: this.cfg });
      if (s.coverage && matrix) {
        const cov = checkCoverage(s.coverage, s.model, this.computeCoverage(s.model), { config: this.cfg, draftReason: f => this.draftReasonOf(f) });
        readmeExtra = readmeExtra.concat(cov.readme);
        matrixExtra = cov.matrix;
      }
    }
    if (readme && readmeFile) {
      const chapterTargets = new Set(s!.model.categories.flatMap(c => c.chapters.map(ch => posKey(ch.hrefRange.start))));
      readme.targets = undefined;
      const findings = [...readme.local, ...this.linkFindings(readmeFile, readme, l => chapterTargets.has(posKey(l.targetRange.start)))];
      this.markKeysStale(readmeFile);
      this.setDiagnostics(readmeFile, findings.concat(readmeExtra));
      out.push(readmeFile);
    }
    if (matrix) {
      const cov = s?.coverage ?? this.orphanMatrices.get(folder);
      const tableLines = new Set<number>();
      cov?.rows.forEach(r => tableLines.add(r.range.start.line));
      cov?.xrefs.forEach(x => tableLines.add(x.range.start.line));
      matrix.targets = undefined;
      const findings = [...matrix.local, ...this.linkFindings(matrixFile, matrix, l => l.kind === 'ref' && tableLines.has(l.range.start.line))];
      this.markKeysStale(matrixFile);
      if (s?.coverage) {
        matrixExtra = matrixExtra.concat(checkXrefs(s.coverage, {
          filesOf: side => this.xrefSideFiles(side),
          targetsOf: f => { const e = this.entries.get(f); return e ? this.targetSet(f, e) : NO_TARGETS; },
          planned: plannedFiles(s.model, s.coverage),
          hasFolder: f => this.hasFolder(f),
          unknown: f => isUnlisted(this.cfg, f),
        }));
      }
      this.setDiagnostics(matrixFile, findings.concat(matrixExtra));
      out.push(matrixFile);
    }
    return out;
  }

  /** The files one side of a matrix cross-reference names (a span expands to the files it covers). */
  private xrefSideFiles(side: XrefSide): string[] {
    return side.span ? expandSpan(side.span, this.allFiles) : side.file && this.allFiles.has(side.file) ? [side.file] : [];
  }

  private setDiagnostics(file: string, findings: Finding[]): void {
    const list: Diagnostic[] = [];
    for (const f of findings) {
      const sev = this.cfg.rules[f.code];
      if (sev === 'off' || sev === undefined) continue;
      list.push({ file, range: f.range, severity: sev, code: f.code, message: f.message, data: f.data });
    }
    list.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || compareCodeUnits(a.code, b.code));
    if (list.length === 0) this.diags.delete(file);
    else this.diags.set(file, list);
  }

  /** Slugs of a note's heading texts that are no GitHub slug of it (see textOnlySlugs); built on first need. */
  private textSlugsOf(file: string): ReadonlySet<string> | undefined {
    const e = this.entries.get(file);
    if (!e || e.record.unreadable) return undefined;
    if (!e.textSlugs) e.textSlugs = new Set(textOnlySlugs(e.record.scan.headings));
    return e.textSlugs;
  }

  private slugsOf(file: string): ReadonlySet<string> | undefined {
    const e = this.entries.get(file);
    // no note, or one that could not be read: its headings are unknown, so no fragment into it is reported
    if (!e || e.record.unreadable) return undefined;
    if (!e.slugs) e.slugs = new Set(fragmentNames(e.record.scan));
    return e.slugs;
  }

  /**
   * Dependency keys of a note: every file its links may mean (`f:`), wikilink names (`w:`) and titles (`t:`).
   * A path written several times is looked at once.
   */
  private keysOf(file: string, e: Entry): Set<string> {
    const keys = new Set<string>();
    const seen = { link: new Set<string>(), ref: new Set<string>(), wikilink: new Set<string>() };
    for (const link of e.record.scan.links) {
      if (link.external) continue;
      const kind = link.kind === 'image' ? 'link' : link.kind;
      if (seen[kind].has(link.path)) continue;
      seen[kind].add(link.path);
      if (kind === 'wikilink') {
        const name = link.path.trim().toLowerCase().replace(/\.md$/, '');
        keys.add('w:' + name.slice(name.lastIndexOf('/') + 1));
        keys.add('t:' + link.path.trim().toLowerCase());
      } else if (kind === 'ref') {
        for (const c of refCandidates(this, file, link.path)) if (c !== undefined) keys.add('f:' + c);
      } else {
        for (const c of pathLinkCandidates(file, filePathOf(link)) ?? []) keys.add('f:' + c);
      }
    }
    return keys;
  }

  private addDeps(key: string, into: Set<string>): void {
    if (!this.depsBuilt) {
      // the first load checks every note: nobody depends on anything yet
      if (!this.loadedOnce) return;
      this.buildDependents();
    }
    this.dependents.dependentsOf(key, into);
  }

  /** A re-checked note's dependency keys may have changed (see DependencyMap). */
  private markKeysStale(file: string): void {
    if (this.depsBuilt) this.dependents.markStale(file);
  }

  /**
   * Who must be re-checked because note `file` is now `now` (was `before`; undefined when it was no note: a new
   * file, or a plain file until now). A note that appears changes what its path, its name and its title resolve
   * to; an edited one, what its title and its fragments (heading slugs, HTML anchors) answer.
   */
  private addDependentsOfChange(file: string, before: NoteRecord | undefined, now: NoteRecord, into: Set<string>): void {
    if (!before) {
      this.addDependentsOfExistence(file, into);
      this.addDeps('t:' + now.title.toLowerCase(), into);
      return;
    }
    if (before.title !== now.title) {
      this.addDeps('t:' + before.title.toLowerCase(), into);
      this.addDeps('t:' + now.title.toLowerCase(), into);
    }
    // an unreadable note's fragments are unknown (none is reported): becoming readable, or not, changes them
    if (!sameFragments(before.scan, now.scan) || !before.unreadable !== !now.unreadable) {
      // `[[name#heading]]` reaches the fragments too, by name or by title
      this.addDeps('f:' + file, into);
      this.addDeps('w:' + wikilinkNameOf(file), into);
      this.addDeps('t:' + now.title.toLowerCase(), into);
    }
  }

  /** A file appeared or disappeared: whatever may have pointed at it. */
  private addDependentsOfExistence(file: string, into: Set<string>): void {
    if (!this.depsBuilt && !this.loadedOnce) return; // the first load: nobody depends on anything yet (see addDeps)
    this.addDeps('f:' + file, into);
    if (isMarkdown(file)) this.addDeps('f:' + file.slice(0, -3), into);
    this.addDeps('w:' + wikilinkNameOf(file), into);
    // its folders may have come into being or gone with it: links to a folder resolve only while it holds a file
    for (let slash = file.lastIndexOf('/'); slash > 0; slash = file.lastIndexOf('/', slash - 1)) this.addDeps('f:' + file.slice(0, slash), into);
  }

  /** The series whose folder holds `file`: its README and matrix name chapters, coverage files and cross-references. */
  private addEnclosingSeries(file: string, into: Set<string>): void {
    const folder = this.seriesFolderOf(file);
    if (folder !== undefined) this.addSeriesFiles(folder, into);
  }

  private addSeriesFiles(folder: string, into: Set<string>): void {
    const s = this.seriesMap.get(folder);
    if (s) into.add(s.model.readme);
    const matrix = (folder === '' ? '' : folder + '/') + this.cfg.matrixFileName;
    if (this.entries.has(matrix)) into.add(matrix);
  }

  private notesInside(folder: string): string[] {
    const out: string[] = [];
    for (const f of this.entries.keys()) if (isInside(f, folder)) out.push(f);
    return out;
  }
}

const NO_TARGETS: ReadonlySet<string> = new Set();

/** Notes with more links than this resolve each distinct written path once per check. */
const MEMO_FROM_LINKS = 100;

function posKey(p: { line: number; character: number }): string {
  return p.line + ':' + p.character;
}

/** The wikilink dependency key a file answers to: a note's stem (`[[kafka]]`), another file's name (`[[diagram.png]]`). */
function wikilinkNameOf(file: string): string {
  return isMarkdown(file) ? wikilinkKeyOfFile(file) : basename(file).toLowerCase();
}
