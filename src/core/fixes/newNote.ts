import type { IndexView } from '../index/api';
import type { FileEdit, SeriesModel } from '../model';
import { applyTextEdits } from './applyEdits';
import { basename, compareCodeUnits, dirname } from '../paths';
import { chapterTitle, insertFrontmatterFix, titleFromFileName } from './frontmatter';
import { statusEditsForNewNote } from '../coverage/newNoteStatus';
import { listsChapter, seriesListing } from '../series/listing';

/**
 * The text of a new note: frontmatter filled in (title, note_type chapter, the series' domain, created/updated
 * today, status draft) and a `#` title. Used by "create note" fixes and the extension's commands.
 */
export function newNoteText(index: IndexView, file: string, opts: { title?: string; today: string; tags?: string[] }): string {
  const title = opts.title ?? titleFromFileName(file);
  const domain = domainFor(index, file);
  const fm = applyTextEdits('', insertFrontmatterFix('', file, { title, today: opts.today, noteType: 'chapter', domain, tags: opts.tags ?? [] }));
  return `${fm}${fm.endsWith('\n') ? '' : '\n'}\n# ${title}\n`;
}

/**
 * The `domain` a new or fixed note most likely has: its series README's (the series listing it as a chapter, else
 * that of its folder: `seriesListing`), else the one most notes in its folder use, else the one most notes of the
 * workspace use; undefined when no note says one.
 */
export function domainFor(index: IndexView, file: string): string | undefined {
  const series = seriesListing(index, file);
  const readme = series ? index.note(series.readme)?.frontmatter.data?.domain : undefined;
  if (typeof readme === 'string' && readme.trim() !== '') return readme;
  const folder = dirname(file);
  const inFolder = new Map<string, number>();
  const everywhere = new Map<string, number>();
  for (const n of index.notes()) {
    const d = n.frontmatter.data?.domain;
    if (typeof d !== 'string' || d.trim() === '' || n.file === file) continue;
    everywhere.set(d, (everywhere.get(d) ?? 0) + 1);
    if (dirname(n.file) === folder) inFolder.set(d, (inFolder.get(d) ?? 0) + 1);
  }
  return mostUsed(inFolder) ?? mostUsed(everywhere);
}

/** The key with the highest count (the first in code-unit order among equals), undefined for none. */
function mostUsed(counts: Map<string, number>): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const [k, c] of counts) {
    if (c > bestCount || (c === bestCount && best !== undefined && compareCodeUnits(k, best) < 0)) { best = k; bestCount = c; }
  }
  return best;
}

/** A FileEdit creating `file` with a new note's text (never overwrites: `create` is honoured by every adapter). */
export function createNoteEdit(file: string, text: string): FileEdit {
  return { file, create: true, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text }] };
}

/**
 * The coverage matrices whose Status cells a new note `file` may change: that of every series listing it as a
 * chapter (`seriesListing`'s first: a shared glossary several series list is a row of each one's matrix), and that
 * of the series of its folder, when it is another (it may name the file too).
 */
export function matricesOfNewNote(index: IndexView, file: string): string[] {
  const matrices: string[] = [];
  const listing = index.series().filter(s => listsChapter(s, file));
  for (const series of [seriesListing(index, file), ...listing, index.seriesOf(file)]) {
    const matrix = series ? index.coverage(series)?.file : undefined;
    if (matrix !== undefined && !matrices.includes(matrix)) matrices.push(matrix);
  }
  return matrices;
}

/**
 * Creating `file` with `text`, and the matrix Status edits that go with it (`statusEditsForNewNote`), so that a
 * new note never leaves a `coverage-status-mismatch` behind. `matrices` are the matrices of `matricesOfNewNote` with
 * their current text (an unsaved buffer counts); a matrix not given is left as it is.
 */
export function newNoteFileEdits(index: IndexView, file: string, text: string, matrices: readonly { file: string; text: string }[]): FileEdit[] {
  const edits = [createNoteEdit(file, text)];
  for (const matrix of matrices) {
    const status = statusEditsForNewNote(index, matrix.text, matrix.file, file, text);
    if (status.length > 0) edits.push({ file: matrix.file, edits: status });
  }
  return edits;
}

/** `System Design` → `system-design` (letters and digits of any script kept). */
export function tagOf(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
}

/** Tags of a new chapter: the series' domain and its category. */
export function noteTags(domain: string | undefined, category: string | undefined): string[] {
  const tags: string[] = [];
  for (const t of [domain, category]) {
    const tag = t ? tagOf(t) : '';
    if (tag && !tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

/**
 * The title and tags of a planned note (a README chapter or matrix file not written yet): the chapter label made
 * a title, the series' domain and the chapter's category as tags. A label that is only the file name
 * (`05_api_design_grpc_graphql`) gives way to the topic of the matrix row that lists just this file (`gRPC &
 * GraphQL`): a title made of the file name spells names wrong (`Api Design Grpc Graphql`). The Series tree's
 * "Create Note", the coverage page's *Create* button and the *Create* quick fixes (of the chapter, of a link to it)
 * all go through here, so a chapter gets the same note whichever one creates it.
 */
export function plannedNoteOptions(index: IndexView, file: string): { title?: string; tags: string[] } {
  // the series whose README lists the chapter, wherever the file lies (outside its folder, in a nested series' one)
  const series = seriesListing(index, file);
  const chapter = series?.categories.flatMap(c => c.chapters).find(c => c.file === file);
  const d = series ? index.note(series.readme)?.frontmatter.data?.domain : undefined;
  const labelIsFileName = chapter === undefined || chapter.label === basename(file).replace(/\.md$/i, '');
  const topic = labelIsFileName && series ? matrixTopicOf(index, series, file) : undefined;
  return { title: topic ?? (chapter ? chapterTitle(chapter.label, file) : undefined), tags: noteTags(typeof d === 'string' ? d : undefined, chapter?.category) };
}

/** The topic of the coverage matrix row that lists `file` and no other file, if there is one. */
function matrixTopicOf(index: IndexView, series: SeriesModel, file: string): string | undefined {
  const row = index.coverage(series)?.rows.find(r => r.files.length === 1 && r.files[0].file === file);
  const topic = row?.topic.trim();
  return topic ? topic : undefined;
}
