import * as vscode from 'vscode';
import { todayString } from '../../core/fixes/frontmatter';
import { matricesOfNewNote, newNoteFileEdits, newNoteText } from '../../core/fixes/newNote';
import type { Category, FileEdit, PriorityKey, SeriesModel } from '../../core/model';
import { isMarkdown, normalize, relative, typedRelativePath } from '../../core/paths';
import { parseSeriesReadme } from '../../core/series/readme';
import { ownPriorityLabels } from '../../core/series/wording';
import { countPhrase } from '../countPhrases';
import { quote } from '../listText';
import type { IndexService } from '../indexService';
import { otherPriorityLabels, priorityName } from '../priorityText';
import { fileFromArg, openFile, requireTrust } from './args';
import { shownFolderName } from '../notesFolder';
import { exists } from '../fileStat';
import { chapterLine, defaultPriorityLabel, noteTags, plannedNoteOptions, proposeChapter, readmeInsertEdit, sameCategoryIn, typicalMinutes } from './noteTemplate';

export type CreateResult = 'created' | 'existed' | 'cancelled' | 'failed';

/**
 * The edits that create `file` with `text`: the file itself, and the Status cell of its coverage matrix rows when
 * the new note (a draft) changes what that row should say (see `statusEditsForNewNote`), so that one undo takes
 * both back. The matrix is read as it is now (an unsaved buffer counts). The Series tree's "Create Note", "New
 * Note" and the coverage page's *Create* all go through here.
 */
export async function newNoteEdits(service: IndexService, file: string, text: string): Promise<FileEdit[]> {
  const matrices: { file: string; text: string }[] = [];
  for (const matrix of matricesOfNewNote(service.index, file)) {
    const matrixText = await service.textOf(matrix);
    if (matrixText !== undefined) matrices.push({ file: matrix, text: matrixText });
  }
  return newNoteFileEdits(service.index, file, text, matrices);
}

/**
 * Creates `file` from the note template (plus any extra edits, e.g. the README line listing it, and the matrix
 * status: see `newNoteEdits`) as one undoable WorkspaceEdit, then opens it. An existing file is never overwritten:
 * it is just opened.
 */
export function createNoteFile(service: IndexService, file: string, opts: { title?: string; tags?: string[]; extra?: FileEdit[] } = {}): Promise<CreateResult> {
  return oneCreationAtATime(service, file, () => createNoteFileNow(service, file, opts));
}

/** The creations of notes under way, by file Uri (each promise settles when its creation is over, whatever the outcome). */
const creating = new Map<string, Promise<unknown>>();

/**
 * Runs `create` for `file` once every creation of that file started before it is over. Two Creates of one file
 * (a double click on the tree's Create Note or the coverage page's Create) would both find the file missing and both
 * apply their edits, the matrix Status cell edited twice (`In Progressress`); serialised, the second finds the file
 * the first created and just opens it.
 */
export function oneCreationAtATime<T>(service: IndexService, file: string, create: () => Promise<T>): Promise<T> {
  const key = service.uriOf(file).toString();
  const mine = (creating.get(key) ?? Promise.resolve()).then(create);
  const over = mine.then(() => undefined, () => undefined);
  creating.set(key, over);
  void over.then(() => { if (creating.get(key) === over) creating.delete(key); });
  return mine;
}

async function createNoteFileNow(service: IndexService, file: string, opts: { title?: string; tags?: string[]; extra?: FileEdit[] }): Promise<CreateResult> {
  if (service.index.hasFile(file) || await exists(service.uriOf(file))) {
    await openFile(service, file);
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} already exists; it was opened, not overwritten.', file));
    return 'existed';
  }
  if (refusedAsNoNote(service, file)) return 'cancelled';
  const text = newNoteText(service.index, file, { title: opts.title, today: todayString(), tags: opts.tags });
  const ok = await vscode.workspace.applyEdit(service.toWorkspaceEdit([...await newNoteEdits(service, file, text), ...(opts.extra ?? [])]));
  if (!ok) {
    service.log.error(`could not create ${file}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not create {0}.', file));
    return 'failed';
  }
  service.log.info(`created ${file}`);
  const editor = await openFile(service, file);
  // put the cursor below the title, where writing starts
  const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
  editor.selection = new vscode.Selection(end, end);
  return 'created';
}

/**
 * Whether `file` is refused as a new note: it is no Markdown file (a chapter or matrix file `scripts/build.sh`,
 * `.vscode/tasks.json` may be missing, but the note template is no content for it). Says so, and logs it.
 */
export function refusedAsNoNote(service: IndexService, file: string): boolean {
  if (isMarkdown(file)) return false;
  service.log.warn(`not creating ${file}: it is no Markdown file`);
  void vscode.window.showErrorMessage(vscode.l10n.t('A note is a Markdown file: the path must end in .md.'));
  return true;
}

/** "Create Note" on a planned chapter: the file named by the README, titled after the chapter label. */
export async function createNoteCommand(service: IndexService, arg: unknown): Promise<CreateResult> {
  if (!requireTrust()) return 'cancelled';
  const file = fileFromArg(service, arg, false);
  if (!file || normalize(file) !== file) return 'cancelled';
  return createNoteFile(service, file, plannedNoteOptions(service.index, file));
}

export interface NewNoteArgs {
  /** README path of the series (default: asked when there are several) */
  series?: string;
  category?: string;
  title?: string;
  priority?: PriorityKey;
  /** workspace-relative path (default: proposed, then confirmed by the user) */
  file?: string;
}

/**
 * "New Note from Template": asks for series, category, title and priority, proposes the next chapter
 * number and a path, creates the note and lists it in the README, all in one WorkspaceEdit.
 */
export async function newNoteCommand(service: IndexService, args: NewNoteArgs = {}): Promise<CreateResult> {
  if (!requireTrust()) return 'cancelled';
  if (!service.root) {
    // no folder: a path would have nowhere to be relative to (the palette and the view title hide the command then)
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder first: Notes Navigator checks the notes of a workspace folder.'));
    return 'cancelled';
  }
  await service.ready;
  const all = service.index.series();
  let series: SeriesModel | undefined;
  if (args.series) series = all.find(s => s.readme === args.series);
  else if (all.length === 1) series = all[0];
  else if (all.length > 1) {
    const pick = await vscode.window.showQuickPick(all.map(s => ({ label: s.title, description: s.readme, series: s })), { title: vscode.l10n.t('New Note: series'), placeHolder: vscode.l10n.t('Pick the series of the new note') });
    if (!pick) return 'cancelled';
    series = pick.series;
  }
  if (!series) return newLooseNote(service, args);

  let category: Category | undefined;
  if (args.category !== undefined) category = series.categories.find(c => c.name === args.category);
  else if (series.categories.length > 0) {
    const pick = await vscode.window.showQuickPick(series.categories.map(c => ({ label: c.name, description: countPhrase.chapters(c.chapters.length), category: c })), { title: vscode.l10n.t('New Note: category'), placeHolder: vscode.l10n.t('Pick the category of the new chapter') });
    if (!pick) return 'cancelled';
    category = pick.category;
  }

  const title = args.title ?? await askTitle();
  if (!title?.trim()) return 'cancelled';

  const config = service.index.config;
  let priority = args.priority;
  // a programmatic call (title given) takes the defaults instead of asking
  const interactive = args.title === undefined;
  if (!priority && interactive) {
    const keys: PriorityKey[] = ['must-read', 'important', 'skippable'];
    const pick = await vscode.window.showQuickPick(keys.map(k => priorityPick(k, ownPriorityLabels(config, k))), { title: vscode.l10n.t('New Note: reading priority') });
    if (!pick) return 'cancelled';
    priority = pick.key;
  }

  const proposal = proposeChapter(series, category?.name, title.trim(), f => service.index.hasFile(f));
  // a given path is read as a typed one is (`\` is a folder separator, as everywhere a path is read)
  let file = args.file !== undefined ? typedRelativePath(args.file) ?? args.file : proposal.file;
  if (args.file === undefined && interactive) {
    const answer = await askNotePath(service, proposal.file, [proposal.file.lastIndexOf('/') + 1, proposal.file.length - 3]);
    if (!answer) return 'cancelled';
    file = typedRelativePath(answer) ?? answer;
  }
  if (validateNewPath(service, file)) return 'cancelled';

  const extra: FileEdit[] = [];
  const readmeText = await service.textOf(series.readme);
  // the line goes after the category's last chapter in the README as it is now (an unsaved buffer may be ahead of the
  // index, whose chapter ranges are of the text it last read), under its heading when it has none yet, and under
  // `## Chapters` in a series with no category
  const readmeNow = readmeText === undefined ? undefined : parseSeriesReadme(readmeText, series.readme, config);
  const target = !readmeNow ? undefined : category ? sameCategoryIn(readmeNow, series, category) : readmeNow.categories[0];
  // the category named is not the series' (any more: the README was edited since it was picked): its line goes in no
  // other category
  const lost = args.category !== undefined && !category ? args.category : category && readmeNow && !target ? category.name : undefined;
  const label = file.slice(file.lastIndexOf('/') + 1).replace(/\.md$/i, '');
  const href = file === proposal.file ? proposal.href : relative(series.folder, file);
  const edit = readmeText === undefined || lost !== undefined ? undefined
    : readmeInsertEdit(readmeText, target, chapterLine(label, href, defaultPriorityLabel(config, priority ?? 'important'), typicalMinutes(category)));
  if (edit) extra.push({ file: series.readme, edits: [edit] });
  else service.log.warn(`${file} is not listed in ${series.readme}: ${lost !== undefined ? `no category "${lost}"` : 'no place for its chapter line'}`);
  const created = await createNoteFile(service, file, { title: title.trim(), tags: noteTags(domainOf(service, series), category?.name), extra });
  if (created === 'created' && lost !== undefined) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} is not listed in {1}: the series has no category {2}. Add its chapter line by hand.', file, series.readme, quote(vscode.l10n, lost)));
  }
  return created;
}

/** No series in the workspace: a note at a path the user types. */
async function newLooseNote(service: IndexService, args: NewNoteArgs): Promise<CreateResult> {
  const title = args.title ?? await askTitle();
  if (!title?.trim()) return 'cancelled';
  const proposed = `${title.trim().toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '_').replace(/^_+|_+$/g, '') || 'note'}.md`;
  const file = args.file ?? await askNotePath(service, proposed);
  if (!file || validateNewPath(service, file)) return 'cancelled';
  return createNoteFile(service, typedRelativePath(file) ?? file, { title: title.trim() });
}

/** Asks for the title of the new note; an empty one is refused in the box (Enter on it would end New Note silently). */
function askTitle(): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: vscode.l10n.t('New Note: title'), prompt: vscode.l10n.t('Title of the new note'),
    validateInput: v => (v.trim() ? undefined : vscode.l10n.t('The title cannot be empty.')),
  });
}

/**
 * Asks for the path of the new note, `proposed` filled in (its `selection` selected). The path is relative to the
 * notes folder, which a multi-root window names (as Create Series does): it is not the workspace's.
 */
function askNotePath(service: IndexService, proposed: string, selection?: [number, number]): Thenable<string | undefined> {
  const notesFolder = shownFolderName(service.root);
  return vscode.window.showInputBox({
    title: vscode.l10n.t('New Note: path'), value: proposed, valueSelection: selection,
    prompt: notesFolder === undefined ? vscode.l10n.t('Path of the new note, relative to the workspace folder')
      : vscode.l10n.t('Path of the new note, relative to the notes folder {0}', notesFolder),
    validateInput: v => validateNewPath(service, v),
  });
}

function validateNewPath(service: IndexService, v: string): string | undefined {
  // `C:\x.md`, `file:///x.md`, `~/x.md` name no place in the folder: read as relative paths, they made folders `C:`, `file:`, `~`
  const p = typedRelativePath(v);
  if (!p) {
    const notesFolder = shownFolderName(service.root);
    return notesFolder === undefined ? vscode.l10n.t('Use a path inside the workspace folder.') : vscode.l10n.t('Use a path inside the notes folder {0}.', notesFolder);
  }
  if (!/\.md$/i.test(p)) return vscode.l10n.t('A note is a Markdown file: the path must end in .md.');
  if (service.index.hasFile(p)) return vscode.l10n.t('{0} already exists.', p);
  return undefined;
}

function domainOf(service: IndexService, series: SeriesModel | undefined): string | undefined {
  const d = series ? service.index.note(series.readme)?.frontmatter.data?.domain : undefined;
  return typeof d === 'string' ? d : undefined;
}

/** A reading-priority choice: the label the README line gets, and the priority's name when that is another word. */
function priorityPick(key: PriorityKey, labels: readonly string[]): vscode.QuickPickItem & { key: PriorityKey } {
  const label = labels[0] ?? priorityName(key);
  return { label, description: otherPriorityLabels(key, [label]).length > 0 ? priorityName(key) : undefined, key };
}
