import * as vscode from 'vscode';
import type { Chapter, SeriesModel } from '../../core/model';
import { CHAPTER_NUMBER, ChapterNumberIndex, numberKey } from '../../core/series/chapterNumbers';
import { basename, dirname, isMarkdown } from '../../core/paths';
import { isExternalTarget } from '../../core/scanner/target';
import { seriesListing } from '../../core/series/listing';
import { webAddressOf } from '../../core/series/chapterTarget';
import type { IndexService } from '../indexService';
import { shownFolderName } from '../notesFolder';
import { priorityText } from '../priorityText';
import { type SeriesTree, SERIES_VIEW_ID } from '../tree/seriesTree';
import { linkChapterIcon } from '../tree/linkChapters';
import { listedChapters, routeOrder, uniqueChapters } from '../tree/treeModel';
import { fileFromArg, openFile } from './args';
import { fileExists } from '../fileStat';
import { createNoteCommand } from './createNote';

const PRIORITY_ICON = { 'must-read': '$(star-full)', important: '$(star-half)', skippable: '$(star-empty)' } as const;

interface ChapterPick extends vscode.QuickPickItem {
  chapter: Chapter;
  series: SeriesModel;
}

/**
 * "Open Chapter": a quick pick over every chapter of every series, searchable by number, label, title,
 * priority and category. With an argument (a chapter number or a path) it opens that chapter directly.
 */
export async function openChapterCommand(service: IndexService, arg?: unknown): Promise<string | undefined> {
  await service.ready;
  const all = service.index.series();
  if (typeof arg === 'string' && arg.trim() !== '') {
    const found = findChapters(service, all, arg.trim());
    if (found.length === 0) {
      void vscode.window.showWarningMessage(vscode.l10n.t('No chapter "{0}" in the series.', arg));
      return undefined;
    }
    if (found.length === 1) return openChapter(service, found[0].chapter);
    // a number repeated in nested folders: the candidates, those beside the active note first
    const pick = await vscode.window.showQuickPick(found.map(f => chapterPick(service, f.chapter, f.series, all.length > 1)), {
      title: vscode.l10n.t('Open Chapter'), placeHolder: vscode.l10n.t('Several chapters are numbered {0}: pick one', arg.trim()),
      matchOnDescription: true, matchOnDetail: true,
    });
    return pick ? openChapter(service, pick.chapter) : undefined;
  }
  const items: ChapterPick[] = [];
  for (const series of all) {
    for (const c of listedChapters(series)) items.push(chapterPick(service, c, series, all.length > 1));
  }
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No series found: a series is a folder whose README.md has a "## Chapters" section.'));
    return undefined;
  }
  const pick = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Open Chapter'), placeHolder: vscode.l10n.t('Type a chapter number, title, priority or category'),
    matchOnDescription: true, matchOnDetail: true,
  });
  return pick ? openChapter(service, pick.chapter) : undefined;
}

/**
 * A chapter as Open Chapter lists it: its priority icon and label; the number as a reader types it (`17.4` for
 * `17_4_tokio`: the pick's filter matches text as typed) when the label does not show it, priority, reading time,
 * category, planned and the series (of several); its title and file (a chapter naming no workspace file: its link).
 */
function chapterPick(service: IndexService, c: Chapter, series: SeriesModel, severalSeries: boolean): ChapterPick {
  // a chapter linking a web page or leaving the workspace is no note: not planned, shown as the Series view shows it
  const link = c.file === '';
  const note = link ? undefined : service.index.note(c.file);
  const exists = link || note !== undefined || service.index.takenToExist(c.file);
  const desc: string[] = [];
  const dotted = c.number?.replace(/_/g, '.');
  if (dotted !== undefined && !c.label.includes(dotted)) desc.push(dotted);
  if (c.priority) desc.push(priorityText(c.priority, c.priorityLabel));
  if (c.minutes !== undefined) desc.push(vscode.l10n.t('{0} min', c.minutes));
  desc.push(c.category);
  if (!exists) desc.push(vscode.l10n.t('planned'));
  if (severalSeries) desc.push(series.title);
  return {
    label: `${link ? `$(${linkChapterIcon(c)})` : c.priority ? PRIORITY_ICON[c.priority] : exists ? '$(file)' : '$(circle-large-outline)'} ${c.label}`,
    description: desc.join(' · '),
    detail: link ? c.href : note && note.title !== c.label ? `${note.title} — ${c.file}` : c.file,
    chapter: c, series,
  };
}

/**
 * Opens a chapter's note; a planned chapter is offered for creation when it is a note (a Markdown file, as the
 * Series view offers Create Note) in a trusted workspace, a missing file of another kind is said to be missing, and a chapter linking
 * outside the workspace is opened in the browser when it is a web page. Returns the workspace file opened.
 */
async function openChapter(service: IndexService, chapter: Chapter): Promise<string | undefined> {
  if (chapter.file === '') {
    await openChapterLink(chapter);
    return undefined;
  }
  // a note files.exclude hides is not in the index, but it may well be on disk
  if (await fileExists(service, chapter.file)) {
    await openFile(service, chapter.file);
    return chapter.file;
  }
  if (!isMarkdown(chapter.file)) {
    // `scripts/build.sh`: the note template is not its content (the Series view shows it missing, without Create Note)
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} does not exist, and it is no note to create from the template.', chapter.file));
    return undefined;
  }
  const planned = vscode.l10n.t('{0} is planned: its note does not exist yet.', chapter.label);
  // Restricted Mode refuses Create Note (it writes a file): it is not offered there, as the Series view does not
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showInformationMessage(planned);
    return undefined;
  }
  const create = vscode.l10n.t('Create Note');
  const choice = await vscode.window.showInformationMessage(planned, create);
  if (choice === create) {
    const r = await createNoteCommand(service, { file: chapter.file });
    return r === 'created' || r === 'existed' ? chapter.file : undefined;
  }
  return undefined;
}

/**
 * A chapter whose link names no workspace file: a web page (http, https) opens in the browser; another scheme is not
 * opened (a note is untrusted text: `command:`, `file:` or `vscode:` links could run or open anything); a path
 * climbing out of the workspace is not followed, as the link rules say.
 */
async function openChapterLink(chapter: Chapter): Promise<void> {
  // the address the Series view opens and shows with the web icon (one rule for both)
  const address = webAddressOf(chapter);
  if (address !== undefined) {
    await vscode.env.openExternal(vscode.Uri.parse(address));
  } else if (!isExternalTarget(chapter.href)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} links outside the workspace folder; it is not followed.', chapter.label));
  } else {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} links to {1}: only web links (http, https) are opened.', chapter.label, chapter.href));
  }
}

/**
 * The chapters a path or a number names: the chapter of that file; else the chapter of that number in the series of
 * the active note, then in the others, the first series that knows the number deciding; a number that stays
 * ambiguous there (repeated in nested folders) names each candidate, those in the active note's folder first.
 */
function findChapters(service: IndexService, all: SeriesModel[], query: string): { chapter: Chapter; series: SeriesModel }[] {
  const file = query.replace(/^\.?\/+/, '');
  for (const s of all) {
    const byFile = uniqueChapters(s).find(c => c.file === file);
    if (byFile) return [{ chapter: byFile, series: s }];
  }
  if (!CHAPTER_NUMBER.test(query)) return [];
  const active = fileFromArg(service, undefined);
  const first = active ? seriesListing(service.index, active) : undefined;
  for (const s of first ? [first, ...all.filter(x => x !== first)] : all) {
    const r = new ChapterNumberIndex(s).resolve(numberKey(query));
    if (r.kind === 'found') return [{ chapter: r.chapter, series: s }];
    if (r.kind === 'ambiguous') {
      const beside = (c: Chapter) => (active !== undefined && dirname(c.file) === dirname(active) ? 0 : 1);
      return [...r.candidates].sort((a, b) => beside(a) - beside(b)).map(chapter => ({ chapter, series: s }));
    }
  }
  return [];
}

/**
 * "Next Chapter in Batch Route": the chapter after the active one in the series' batch route (chapters the
 * route does not name follow in README order). Without an active chapter: the first chapter not yet studied.
 */
export async function nextChapterCommand(service: IndexService, tree: SeriesTree): Promise<string | undefined> {
  await service.ready;
  const current = fileFromArg(service, undefined);
  const all = service.index.series();
  const series = (current ? seriesListing(service.index, current) : undefined) ?? (all.length === 1 ? all[0] : undefined);
  if (!series) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a chapter of a series to go to the next one.'));
    return undefined;
  }
  const numbers = new ChapterNumberIndex(series);
  const order = routeOrder(series, (_s, num) => {
    const r = numbers.resolve(num);
    return r.kind === 'found' ? r.chapter : undefined;
  });
  const inRoute = new Set(order.map(c => c.file));
  for (const c of uniqueChapters(series)) if (!inRoute.has(c.file)) order.push(c);
  const at = current ? order.findIndex(c => c.file === current) : -1;
  let next: Chapter | undefined;
  if (at >= 0) next = order[at + 1];
  else next = order.find(c => !tree.studied.has(c.file));
  if (!next) {
    void vscode.window.showInformationMessage(at >= 0
      ? vscode.l10n.t('That was the last chapter of {0}.', series.title)
      : vscode.l10n.t('Every chapter of {0} is marked studied.', series.title));
    return undefined;
  }
  return openChapter(service, next);
}

/** "Reveal in Series Tree": selects the active (or given) note's chapter in the Series view. */
export async function revealInTreeCommand(service: IndexService, tree: SeriesTree, arg?: unknown): Promise<boolean> {
  const file = fileFromArg(service, arg);
  if (!file) {
    // the explorer's menu on a Markdown file of another workspace folder: say why nothing is revealed
    const root = service.root;
    if (arg instanceof vscode.Uri && root) {
      const folder = shownFolderName(root) ?? basename(root.path);
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} is not in the notes folder {1}: the Series view shows only that folder\'s notes.', basename(arg.path), folder));
    }
    return false;
  }
  await service.ready;
  await vscode.commands.executeCommand(`${SERIES_VIEW_ID}.focus`);
  const found = await tree.revealFile(file, true);
  if (!found) void vscode.window.showInformationMessage(vscode.l10n.t('{0} is not a chapter shown in the Series view.', file));
  return found;
}
