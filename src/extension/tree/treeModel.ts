import type { Chapter, PriorityKey, SeriesModel } from '../../core/model';
import { chapterKey } from '../../core/series/chapterTarget';

/**
 * The Series tree as plain data (no `vscode`): series → group → chapter, grouped by README category,
 * reading priority or batch route, filtered, with studied/written progress per group. Element ids are
 * unique and stable across rebuilds (derived from the README path, the grouping key with `#2` … on a
 * repeated key, and the chapter file), so the view keeps the user's expansion state when the tree is rebuilt.
 * A chapter that names no workspace file (a web page, a path leaving the workspace: `file` is '') is a row keyed by its
 * link, and is no note: it is left out of the progress counts, is never studied, and is not planned.
 */

export type GroupBy = 'category' | 'priority' | 'batch';

export interface TreeFilter {
  /** show only these priorities (empty: all) */
  priorities: PriorityKey[];
  /** show only planned chapters (a workspace file that is missing) */
  missingOnly: boolean;
  /** case-insensitive text matched against label, file and note title ('' : no text filter) */
  text: string;
}

export const NO_FILTER: TreeFilter = { priorities: [], missingOnly: false, text: '' };

export function isFilterActive(f: TreeFilter): boolean {
  return f.priorities.length > 0 || f.missingOnly || f.text.trim() !== '';
}

/** What the tree needs to know about a chapter's file. */
export interface ChapterFacts {
  /** the chapter's file exists (else the chapter is a planned placeholder) */
  exists: boolean;
  /** the note exists but its status says it is not written yet (e.g. `draft`) */
  draft: boolean;
  /** errors + warnings in the note */
  problems: number;
  errors: number;
  /** the note's title when it exists */
  title?: string;
}

export interface Progress {
  total: number;
  studied: number;
  /** chapters whose note exists and is not a draft */
  written: number;
  /** reading minutes of the chapters not yet studied */
  minutesLeft: number;
}

export interface ChapterNode {
  kind: 'chapter';
  id: string;
  chapter: Chapter;
  facts: ChapterFacts;
  studied: boolean;
  parent: GroupNode;
}

export interface GroupNode {
  kind: 'group';
  id: string;
  /** category name, priority key, or batch number; '' for "not in the batch route" / "no priority" */
  key: string;
  groupBy: GroupBy;
  /** batch theme (batch grouping) */
  theme?: string;
  chapters: ChapterNode[];
  progress: Progress;
  /** under a filter: how many of the group's `progress.total` chapters are shown (undefined: no filter, all are) */
  shown: number | undefined;
  parent: SeriesNode;
}

export interface SeriesNode {
  kind: 'series';
  id: string;
  series: SeriesModel;
  groups: GroupNode[];
  progress: Progress;
  /** under a filter: how many of the series' `progress.total` chapters are shown in some group (undefined: no filter) */
  shown: number | undefined;
}

export type TreeNode = SeriesNode | GroupNode | ChapterNode;

export interface BuildOptions {
  groupBy: GroupBy;
  filter: TreeFilter;
  isStudied(file: string): boolean;
  factsOf(file: string): ChapterFacts;
  /** chapter named by a batch-route number, undefined when unknown or ambiguous */
  resolveNumber(series: SeriesModel, num: string): Chapter | undefined;
}

const PRIORITY_ORDER: PriorityKey[] = ['must-read', 'important', 'skippable'];

export function buildTree(seriesList: readonly SeriesModel[], opts: BuildOptions): SeriesNode[] {
  const out: SeriesNode[] = [];
  const matches = chapterMatcher(opts.filter);
  const filtered = isFilterActive(opts.filter);
  for (const series of seriesList) {
    const node: SeriesNode = { kind: 'series', id: `series:${series.readme}`, series, groups: [], progress: emptyProgress(), shown: undefined };
    const shownFiles = new Set<string>();
    const groupIds = new Set<string>();
    for (const g of groupsOf(series, opts)) {
      const group: GroupNode = {
        kind: 'group', id: uniqueId(`${node.id}|${opts.groupBy}:${g.key}`, groupIds), key: g.key, groupBy: opts.groupBy, theme: g.theme,
        chapters: [], progress: emptyProgress(), shown: undefined, parent: node,
      };
      for (const chapter of g.chapters) {
        const facts = factsOf(chapter, opts);
        const studied = facts.exists && opts.isStudied(chapter.file);
        addProgress(group.progress, chapter, facts, studied);
        if (!matches(chapter, facts)) continue;
        group.chapters.push({ kind: 'chapter', id: `${group.id}|${chapterKey(chapter)}`, chapter, facts, studied, parent: group });
        if (chapter.file !== '') shownFiles.add(chapter.file);
      }
      // progress counts every chapter of the group; a filter only hides rows, and `shown` says how many are left so
      // that "3/7 written" beside two rows does not read as the count of those rows. A README category with no chapter
      // yet is shown (the tree mirrors the README) unless a filter is on; empty priority / batch buckets are not.
      if (filtered) group.shown = group.chapters.filter(c => c.chapter.file !== '').length;
      const keepEmpty = opts.groupBy === 'category' && !filtered;
      if (group.chapters.length > 0 || keepEmpty) node.groups.push(group);
    }
    for (const chapter of uniqueChapters(series)) {
      const facts = factsOf(chapter, opts);
      addProgress(node.progress, chapter, facts, facts.exists && opts.isStudied(chapter.file));
    }
    if (filtered) node.shown = shownFiles.size;
    // a filter that matches nothing in a series hides the series too: with no series left the view shows its
    // "No chapter matches the current filter" welcome (it only does on an empty tree)
    if (node.groups.length === 0 && filtered) continue;
    out.push(node);
  }
  return out;
}

/**
 * `id`, or `id#2`, `id#3` … when it is taken: a README may repeat a category heading (`### Basics` twice) or a batch
 * number (`Batch 1` and `Batch 1b` are both batch 1), and VS Code refuses a tree whose ids repeat. The suffix follows
 * README order, so a rebuild gives the same ids and the view keeps its expansion state.
 */
function uniqueId(id: string, taken: Set<string>): string {
  let out = id;
  for (let n = 2; taken.has(out); n++) out = `${id}#${n}`;
  taken.add(out);
  return out;
}

/** No chapter's facts: a chapter that names no workspace file has no note to know anything of. */
const NO_FILE: ChapterFacts = { exists: false, draft: false, problems: 0, errors: 0 };

function factsOf(chapter: Chapter, opts: BuildOptions): ChapterFacts {
  return chapter.file === '' ? NO_FILE : opts.factsOf(chapter.file);
}

/**
 * Every chapter of a series that is a note of the workspace, once, in README order (a file listed twice counts once);
 * a chapter that names no workspace file (a web page, a path leaving the workspace) is left out: it cannot be opened,
 * created or studied.
 */
export function uniqueChapters(series: SeriesModel): Chapter[] {
  return listedChapters(series).filter(c => c.file !== '');
}

/**
 * Every chapter line of a series once, in README order, keyed by what it links (see chapterKey): web pages and paths
 * leaving the workspace included (Open Chapter lists them, and says what it does with them).
 */
export function listedChapters(series: SeriesModel): Chapter[] {
  return dedupe(series.categories.flatMap(c => c.chapters));
}

/** The chapters in batch-route order (each once), but those that name no workspace file (see uniqueChapters). */
export function routeOrder(series: SeriesModel, resolveNumber: BuildOptions['resolveNumber']): Chapter[] {
  const seen = new Set<string>();
  const out: Chapter[] = [];
  for (const batch of series.batches) {
    for (const n of batch.numbers) {
      const ch = resolveNumber(series, n.num);
      if (ch && ch.file !== '' && !seen.has(ch.file)) { seen.add(ch.file); out.push(ch); }
    }
  }
  return out;
}

interface RawGroup {
  key: string;
  theme?: string;
  chapters: Chapter[];
}

function groupsOf(series: SeriesModel, opts: BuildOptions): RawGroup[] {
  if (opts.groupBy === 'category') {
    return series.categories.map(c => ({ key: c.name, chapters: dedupe(c.chapters) }));
  }
  const all = listedChapters(series);
  if (opts.groupBy === 'priority') {
    const groups: RawGroup[] = PRIORITY_ORDER.map(p => ({ key: p, chapters: all.filter(c => c.priority === p) }));
    groups.push({ key: '', chapters: all.filter(c => c.priority === undefined) });
    return groups;
  }
  const routed = new Set<string>();
  const groups: RawGroup[] = series.batches.map(b => {
    const chapters: Chapter[] = [];
    for (const n of b.numbers) {
      const ch = opts.resolveNumber(series, n.num);
      if (ch && !chapters.includes(ch)) { chapters.push(ch); routed.add(chapterKey(ch)); }
    }
    return { key: String(b.index), theme: b.theme, chapters };
  });
  groups.push({ key: '', chapters: all.filter(c => !routed.has(chapterKey(c))) });
  return groups;
}

function dedupe(chapters: Chapter[]): Chapter[] {
  const seen = new Set<string>();
  return chapters.filter(c => (seen.has(chapterKey(c)) ? false : (seen.add(chapterKey(c)), true)));
}

function chapterMatcher(f: TreeFilter): (c: Chapter, facts: ChapterFacts) => boolean {
  const text = f.text.trim().toLowerCase();
  return (c, facts) => {
    if (f.priorities.length > 0 && (c.priority === undefined || !f.priorities.includes(c.priority))) return false;
    if (f.missingOnly && (facts.exists || c.file === '')) return false;
    if (text !== '') {
      const hay = `${c.label}\n${c.file}\n${facts.title ?? ''}\n${c.number ?? ''}\n${c.priorityLabel ?? ''}`.toLowerCase();
      if (!hay.includes(text)) return false;
    }
    return true;
  };
}

function emptyProgress(): Progress {
  return { total: 0, studied: 0, written: 0, minutesLeft: 0 };
}

function addProgress(p: Progress, c: Chapter, facts: ChapterFacts, studied: boolean): void {
  if (c.file === '') return;
  p.total++;
  if (facts.exists && !facts.draft) p.written++;
  if (studied) p.studied++;
  else p.minutesLeft += c.minutes ?? 0;
}

/** Where a reveal would rather land when the tree lists a file more than once. */
export interface RevealPreference {
  /** the view's selection (nodes of this or an older build: matched by id) */
  selected?: readonly TreeNode[];
  /** README of the file's own series (of nested series, the innermost) */
  series?: string;
}

/**
 * The chapter node to reveal for `file`, of those the tree lists (a file under two categories, or in two nested series):
 * the one selected, so that opening a chapter picked in its second place leaves the selection there; else the one in
 * the file's own series; else the first (README order of the current grouping).
 */
export function findChapterNode(roots: readonly SeriesNode[], file: string, prefer: RevealPreference = {}): ChapterNode | undefined {
  if (file === '') return undefined;
  const nodes: ChapterNode[] = [];
  for (const s of roots) for (const g of s.groups) for (const c of g.chapters) if (c.chapter.file === file) nodes.push(c);
  const selected = new Set((prefer.selected ?? []).map(n => n.id));
  return nodes.find(n => selected.has(n.id)) ?? nodes.find(n => n.parent.parent.series.readme === prefer.series) ?? nodes[0];
}
