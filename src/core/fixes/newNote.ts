import type { IndexView } from '../index/api';
import type { FileEdit } from '../model';
import { applyTextEdits } from './applyEdits';
import { insertFrontmatterFix, titleFromFileName } from './frontmatter';

/**
 * The text of a new note: frontmatter filled in (title, note_type chapter, the series' domain, created/updated
 * today, status draft) and a `#` title. Used by "create note" fixes and the extension's commands.
 */
export function newNoteText(index: IndexView, file: string, opts: { title?: string; today: string; tags?: string[] }): string {
  const title = opts.title ?? titleFromFileName(file);
  const series = index.seriesOf(file);
  const readmeData = series ? index.note(series.readme)?.frontmatter.data : undefined;
  const domain = typeof readmeData?.domain === 'string' ? readmeData.domain : undefined;
  const fm = applyTextEdits('', insertFrontmatterFix('', file, { title, today: opts.today, noteType: 'chapter', domain, tags: opts.tags ?? [] }));
  return `${fm}${fm.endsWith('\n') ? '' : '\n'}\n# ${title}\n`;
}

/** A FileEdit creating `file` with a new note's text (never overwrites: `create` is honoured by every adapter). */
export function createNoteEdit(index: IndexView, file: string, opts: { title?: string; today: string }): FileEdit {
  return { file, create: true, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: newNoteText(index, file, opts) }] };
}
