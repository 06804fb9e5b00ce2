import * as vscode from 'vscode';
import type { IndexView } from '../../core/index/api';
import type { LinkRef } from '../../core/model';
import { previewOf } from '../../core/index/noteRecord';
import { LineIndex } from '../../core/text/lineIndex';
import type { IndexService } from '../indexService';
import { unreadableText } from '../unreadableText';
import { currentNote } from './currentNote';
import { MARKDOWN } from './languageSelector';
import { chapterOf, linkOrReferenceAt, targetOf, type LinkTarget } from './linkLookup';
import { safely } from './safely';

/**
 * Hover preview of a link's target: title, priority and reading time (from the series README), frontmatter
 * status, the heading a fragment names and the note's first lines — all note text rendered as plain text.
 * A broken link says what is missing.
 */
export function registerHover(service: IndexService): vscode.Disposable {
  return vscode.languages.registerHoverProvider(MARKDOWN, {
    provideHover: (document, position) => safely(service, 'hover', async () => {
      const current = await currentNote(service, document);
      if (!current) return undefined;
      const link = linkOrReferenceAt(current.record, document, service.fromPosition(position));
      if (!link || link.external) return undefined;
      const target = targetOf(service.index, current.file, link);
      const content = hoverContent(service.index, link, target, await sectionPreview(service, target));
      return content ? new vscode.Hover(content, service.toRange(link.range)) : undefined;
    }),
  });
}

function newMarkdown(): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', true);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}

/**
 * The first lines of the part of the target a fragment names: under its heading (up to the next heading of that
 * level or above; after an HTML anchor, up to the next heading), or from its `#L12` line. Undefined when the
 * fragment names no such place.
 */
async function sectionPreview(service: IndexService, target: LinkTarget): Promise<string | undefined> {
  if (target.file === undefined || !target.exists || !target.isNote) return undefined;
  const headings = service.index.headingsOf(target.file) ?? [];
  // an HTML anchor (level 0) on a heading's line, or on the line just above it, marks that heading's section
  // (else its own section would end at that very heading, before any of its text)
  const anchorLine = target.heading?.level === 0 ? target.heading.range.start.line : undefined;
  const heading = (anchorLine !== undefined && headings.find(h => h.level > 0 && (h.range.start.line === anchorLine || h.range.start.line === anchorLine + 1)))
    || target.heading;
  // an HTML anchor (level 0) may share its line with the text it marks
  const from = heading ? (heading.level === 0 ? heading.range.start.line : heading.range.end.line + 1) : target.line;
  if (from === undefined) return undefined;
  const text = await service.textOf(target.file);
  if (text === undefined) return undefined;
  const lines = new LineIndex(text);
  // a heading on the last line has an empty section; a `#L` line past the end names no place (the note's preview)
  if (from >= lines.lineCount) return heading ? '' : undefined;
  const next = heading && headings
    .find(h => h.range.start.line >= from && (heading.level === 0 || h.level <= heading.level));
  const end = next ? lines.lineStart(next.range.start.line) : text.length;
  return previewOf(text.slice(0, end), lines.lineStart(from));
}

export function hoverContent(index: IndexView, link: LinkRef, target: LinkTarget, section?: string): vscode.MarkdownString | undefined {
  const md = newMarkdown();
  const r = target.resolution;
  if (r.kind === 'external') return undefined;
  if (r.kind === 'outside') {
    md.appendMarkdown('$(warning) ');
    md.appendText(vscode.l10n.t('Outside the workspace folder: never read'));
    return md;
  }
  if (r.kind === 'folder') {
    md.appendMarkdown('$(folder) ');
    md.appendText(vscode.l10n.t('Folder {0}', r.folder));
    return md;
  }
  if (r.kind === 'unresolved') {
    md.appendMarkdown('$(warning) ');
    md.appendText(vscode.l10n.t('No note named "{0}"', link.path));
    return md;
  }
  const file = r.file;
  const chapter = chapterOf(index, file);
  if (!r.exists) {
    md.appendMarkdown('$(warning) ');
    md.appendText(chapter
      ? vscode.l10n.t('Planned chapter: {0} does not exist yet', file)
      : vscode.l10n.t('Missing: {0} does not exist', file));
    appendChapterFacts(md, chapter, undefined);
    return md;
  }
  const note = r.isNote ? index.note(file) : undefined;
  if (!note) {
    md.appendMarkdown('$(file) ');
    md.appendText(file);
    return md;
  }
  md.appendMarkdown('**');
  md.appendText(note.title);
  md.appendMarkdown('**');
  const status = note.frontmatter.data?.status;
  appendChapterFacts(md, chapter, typeof status === 'string' ? status : undefined);
  md.appendMarkdown('\n\n$(file) ');
  md.appendText(file);
  // a fragment that leads to a place (`#top`, `#L12`, a block) is no heading, and not missing either
  if (target.fragment !== undefined && target.fragment !== '' && target.place === undefined) {
    md.appendMarkdown('\n\n');
    if (target.heading) {
      md.appendMarkdown('$(symbol-key) ');
      md.appendText(target.heading.text);
    } else {
      md.appendMarkdown('$(warning) ');
      md.appendText(vscode.l10n.t('No heading "#{0}" in this note', target.fragment));
    }
  }
  if (note.unreadable) {
    md.appendMarkdown('\n\n$(warning) ');
    md.appendText(note.unreadableReason ? unreadableText(note.unreadableReason, vscode.l10n) : note.unreadable);
  } else if ((section ?? note.preview).trim() !== '') {
    md.appendMarkdown('\n\n---\n\n');
    md.appendText((section ?? note.preview).trim());
  }
  return md;
}

function appendChapterFacts(md: vscode.MarkdownString, chapter: ReturnType<typeof chapterOf>, status: string | undefined): void {
  const facts: string[] = [];
  if (chapter?.priorityLabel) facts.push(chapter.priorityLabel);
  if (chapter?.minutes !== undefined) facts.push(vscode.l10n.t('{0} min', chapter.minutes));
  if (status !== undefined) facts.push(vscode.l10n.t('status: {0}', status));
  if (facts.length === 0) return;
  md.appendMarkdown('\n\n');
  md.appendText(facts.join(' · '));
}
