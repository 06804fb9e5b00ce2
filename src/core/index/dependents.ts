import type { CoverageModel, LinkRef } from '../model';
import { basename, dirname, isMarkdown } from '../paths';
import type { NoteRecord } from './api';
import { DependencyMap } from './dependencyMap';
import { sameAliases, sameFragments } from './noteRecord';
import { filePathOf, isRelativeWikilink, pathLinkCandidates, refCandidates, type ResolveContext, wikilinkKeyOfFile } from './resolve';

/**
 * Which notes must be re-checked when a file comes, goes or changes: the notes whose links may mean it. A note
 * depends on keys (see `dependencyKeysOf`): every file its links may mean (`f:`), its wikilinks' names (`w:`) and
 * the titles or aliases they may match (`t:`: a wikilink names both the same way), and a matrix the files and folders
 * its rows and cross-references name (see addMatrixKeys); a change asks for the notes registered under the keys it
 * touches.
 *
 * The map is built on first need: a one-shot check (the CLI) never needs it, and during the first load every note
 * is checked anyway. Once built it is kept current as notes are checked, added and removed.
 */
export class Dependents {
  private readonly map: DependencyMap;
  private built = false;
  private loadedOnce = false;

  /** `keysOf`: a note's keys (undefined once it is gone); `notes`: every note, for building the map */
  constructor(keysOf: (note: string) => ReadonlySet<string> | undefined, private readonly notes: () => Iterable<string>) {
    this.map = new DependencyMap(keysOf);
  }

  /** The first load has been checked: from now on changes ask for dependents. */
  markLoaded(): void {
    this.loadedOnce = true;
  }

  /** Builds the map now (see `WorkspaceIndex.buildDependents`). */
  build(): void {
    if (this.built) return;
    this.built = true;
    for (const f of this.notes()) this.map.register(f);
  }

  /** `build` a `chunk` of notes at a time, awaiting `pause` in between (see `WorkspaceIndex.buildDependentsAsync`). */
  async buildAsync(pause: () => Promise<void>, chunk: number): Promise<void> {
    const files = [...this.notes()];
    for (let i = 0; i < files.length && !this.built; i++) {
      this.map.register(files[i]);
      if (i % chunk === chunk - 1) await pause();
    }
    this.built = true;
  }

  /** A re-checked note's keys may have changed (see DependencyMap). */
  markStale(note: string): void {
    if (this.built) this.map.markStale(note);
  }

  /** `note` is gone, or depends on nothing any more. */
  remove(note: string): void {
    this.map.remove(note);
  }

  /** Notes whose links may mean `file`, the note `note` (undefined: no note): the candidates for its backlinks. */
  linkingTo(file: string, note: Pick<NoteRecord, 'title' | 'aliases'> | undefined, into: Set<string>): void {
    this.of('f:' + file, into);
    this.of('w:' + wikilinkNameOf(file), into);
    if (note?.title) this.of('t:' + note.title.toLowerCase(), into);
    this.ofAliases(note?.aliases, into);
  }

  /** Notes with a link that may mean `file` by its path (a README's chapter, a matrix's coverage file). */
  linkingByPath(file: string, into: Set<string>): void {
    this.of('f:' + file, into);
  }

  /** Notes that a note titled (or aliased) `title` answers (a wikilink written as that name): the name came or went. */
  ofTitle(title: string, into: Set<string>): void {
    this.of('t:' + title.toLowerCase(), into);
  }

  /**
   * Who must be re-checked because note `file` is now `now` (was `before`; undefined when it was no note: a new
   * file, or a plain file until now). A note that appears changes what its path, its name and its title resolve
   * to; an edited one, what its title and its fragments (heading slugs, HTML anchors) answer.
   */
  ofChange(file: string, before: NoteRecord | undefined, now: NoteRecord, into: Set<string>): void {
    if (!before) {
      this.ofExistence(file, into);
      this.of('t:' + now.title.toLowerCase(), into);
      this.ofAliases(now.aliases, into);
      return;
    }
    if (before.title !== now.title) {
      this.of('t:' + before.title.toLowerCase(), into);
      this.of('t:' + now.title.toLowerCase(), into);
    }
    // a wikilink written as an alias depends on the same key as one written as a title (see dependencyKeysOf)
    if (!sameAliases(before.aliases, now.aliases)) {
      this.ofAliases(before.aliases, into);
      this.ofAliases(now.aliases, into);
    }
    // an unreadable note's fragments are unknown (none is reported): becoming readable, or not, changes them
    if (!sameFragments(before.scan, now.scan) || !before.unreadable !== !now.unreadable) {
      // `[[name#heading]]` reaches the fragments too, by name or by title
      this.of('f:' + file, into);
      this.of('w:' + wikilinkNameOf(file), into);
      this.of('t:' + now.title.toLowerCase(), into);
      this.ofAliases(now.aliases, into);
    }
  }

  /** The notes whose wikilinks may be written as one of `aliases`. */
  private ofAliases(aliases: readonly string[] | undefined, into: Set<string>): void {
    if (aliases) for (const a of aliases) this.of('t:' + a.toLowerCase(), into);
  }

  /** A file appeared or disappeared: whatever may have pointed at it. */
  ofExistence(file: string, into: Set<string>): void {
    if (!this.built && !this.loadedOnce) return; // the first load: nobody depends on anything yet (see `of`)
    this.of('f:' + file, into);
    if (isMarkdown(file)) this.of('f:' + file.slice(0, -3), into);
    this.of('w:' + wikilinkNameOf(file), into);
    // its folders may have come into being or gone with it: links to a folder resolve only while it holds a file
    for (let slash = file.lastIndexOf('/'); slash > 0; slash = file.lastIndexOf('/', slash - 1)) this.of('f:' + file.slice(0, slash), into);
  }

  /** Adds the notes that depend on `key` to `into`. */
  private of(key: string, into: Set<string>): void {
    if (!this.built) {
      // the first load checks every note: nobody depends on anything yet
      if (!this.loadedOnce) return;
      this.build();
    }
    this.map.dependentsOf(key, into);
  }
}

/**
 * Dependency keys of a note `file` with `links`: every file its links may mean (`f:`), wikilink names (`w:`) and
 * titles (`t:`). A path written several times is looked at once.
 */
export function dependencyKeysOf(ctx: Pick<ResolveContext, 'seriesFolderOf'>, file: string, links: readonly LinkRef[]): Set<string> {
  const keys = new Set<string>();
  const seen = { link: new Set<string>(), ref: new Set<string>(), wikilink: new Set<string>() };
  for (const link of links) {
    if (link.external) continue;
    const kind = link.kind === 'image' ? 'link' : link.kind;
    if (seen[kind].has(link.path)) continue;
    seen[kind].add(link.path);
    if (kind === 'wikilink') {
      // `[[./x]]`, `[[../y/x]]` name one path (see isRelativeWikilink), by its file name `x` as any wikilink, never a title
      const name = link.path.trim().toLowerCase().replace(/\.md$/, '');
      keys.add('w:' + name.slice(name.lastIndexOf('/') + 1));
      if (!isRelativeWikilink(name)) keys.add('t:' + link.path.trim().toLowerCase());
    } else if (kind === 'ref') {
      for (const c of refCandidates(ctx, file, link.path)) if (c !== undefined) keys.add('f:' + c);
    } else {
      for (const c of pathLinkCandidates(file, filePathOf(link)) ?? []) keys.add('f:' + c);
    }
  }
  return keys;
}

/**
 * What a matrix names besides its links, as dependency keys. Its rows' coverage files and its cross-reference sides:
 * the scanner takes a backtick path for a link only when it ends in `.md`, and `../img/figure.png` counts as written
 * once it exists. And the folders of its sides: a side in a folder that does not exist is planned, not broken (see
 * checkXrefs), and a span covers the files its folder holds (`ofExistence` asks for a file's folders).
 */
export function addMatrixKeys(cov: CoverageModel | undefined, keys: Set<string>): void {
  for (const row of cov?.rows ?? []) for (const f of row.files) if (f.file !== '') keys.add('f:' + f.file);
  for (const x of cov?.xrefs ?? []) {
    for (const side of [x.a, x.b]) {
      if (side.file !== undefined) keys.add('f:' + side.file);
      const folder = side.span ? side.span.folder : side.file !== undefined ? dirname(side.file) : '';
      if (folder !== '') keys.add('f:' + folder);
    }
  }
}

/** The wikilink dependency key a file answers to: a note's stem (`[[kafka]]`), another file's name (`[[diagram.png]]`). */
function wikilinkNameOf(file: string): string {
  return isMarkdown(file) ? wikilinkKeyOfFile(file) : basename(file).toLowerCase();
}
