import type { NotesConfig } from '../../core/config';
import { encodeLinkPath } from '../../core/fixes/destination';
import { newNoteText, plannedNoteOptions, tagOf } from '../../core/fixes/newNote';
import type { IndexView } from '../../core/index/api';
import type { ListItem } from 'mdast';
import type { Category, Chapter, Position, PriorityKey, SeriesModel, TextEdit } from '../../core/model';
import { dirname, relative } from '../../core/paths';
import { endOf, nodeText, startOf, walk } from '../../core/series/mdast';
import { sectionKind } from '../../core/series/readmeSections';
import { ownPriorityLabels } from '../../core/series/wording';
import { structuralTree } from '../../core/reference/tree';
import { yamlFlowList, yamlString } from '../../core/frontmatter/yamlText';
import { LineIndex } from '../../core/text/lineIndex';

export { noteTags, plannedNoteOptions, tagOf } from '../../core/fixes/newNote';

/**
 * Pure helpers behind "New Note", "Create Note" and "Create Series": the title and tags of a new chapter,
 * the number and path proposed for it, the README line that lists it, and the templates of a new series.
 * No `vscode` here so they are unit-tested in Node.
 */

/** `Saga Pattern: Basics` → `saga_pattern_basics` (CJK kept; '' when nothing is left). */
export function fileSlug(title: string): string {
  return title.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '_').replace(/^_+|_+$/g, '').slice(0, 80);
}

/** The text of a planned note (see `plannedNoteOptions`), dated `today`. */
export function plannedNoteText(index: IndexView, file: string, today: string): string {
  return newNoteText(index, file, { ...plannedNoteOptions(index, file), today });
}

export interface ChapterProposal {
  /** the new chapter number as written (`77`), undefined when the series does not number its chapters */
  number?: string;
  /** workspace-relative path of the new note */
  file: string;
  /** link destination relative to the series folder */
  href: string;
  /** README link text (the file name without extension) */
  label: string;
}

/**
 * Proposes the number and path of a new chapter, in the folder most of the category's chapters live in (else a
 * folder named after the category): the next number after the highest top-level chapter number of the series
 * (same width, at least two digits); when numbers restart per folder (`creational/01_singleton.md`,
 * `structural/01_adapter.md`), after the highest of that folder, else after the highest of the folder and its
 * sibling folders. A taken name gets a `_2`, `_3` … suffix.
 */
export function proposeChapter(series: SeriesModel, categoryName: string | undefined, title: string, exists: (file: string) => boolean): ChapterProposal {
  const all = series.categories.flatMap(c => c.chapters);
  const category = series.categories.find(c => c.name === categoryName);
  const folder = categoryFolder(series, category);
  const numbered = all.filter(ch => ch.number !== undefined && /^\d+$/.test(ch.number));
  // numbers run across sibling folders (the seed README's system_design/, engineering/ … under the series folder,
  // whose own chapters count with them), or restart in each (design_pattern/creational/, …/structural/)
  const siblingsOf = (f: string) => (f === series.folder ? f : dirname(f));
  const near = numbered.filter(ch => siblingsOf(dirname(ch.file)) === siblingsOf(folder));
  const group = near.length > 0 ? near : numbered;
  const restarting = restartingFolders(group);
  // the folder numbers its own chapters when they repeat numbers of a sibling; a new folder does when every sibling
  // with numbers does (else it goes on with its siblings' numbers)
  const inFolder = group.some(ch => dirname(ch.file) === folder);
  const ownNumbers = inFolder ? restarting.has(folder) : group.length > 0 && group.every(ch => restarting.has(dirname(ch.file)));
  let max = -1;
  let width = 2;
  for (const ch of numbered) width = Math.max(width, ch.number!.length);
  for (const ch of group) {
    if (ownNumbers ? dirname(ch.file) !== folder : restarting.has(dirname(ch.file))) continue;
    max = Math.max(max, Number.parseInt(ch.number!, 10));
  }
  const number = max >= 0 ? String(max + 1).padStart(width, '0') : all.length === 0 || ownNumbers ? '01'.padStart(width, '0') : undefined;
  const slug = fileSlug(title) || 'note';
  const base = number ? `${number}_${slug}` : slug;
  let label = base;
  let file = joinFolder(folder, `${label}.md`);
  for (let i = 2; exists(file); i++) {
    label = `${base}_${i}`;
    file = joinFolder(folder, `${label}.md`);
  }
  return { number, file, href: relative(series.folder, file), label };
}

/** The folders whose chapters number themselves: some number of theirs is also one of another folder's. */
function restartingFolders(numbered: readonly { number?: string; file: string }[]): Set<string> {
  const foldersOf = new Map<number, Set<string>>();
  for (const ch of numbered) {
    const n = Number.parseInt(ch.number!, 10);
    let folders = foldersOf.get(n);
    if (!folders) foldersOf.set(n, folders = new Set());
    folders.add(dirname(ch.file));
  }
  const out = new Set<string>();
  for (const folders of foldersOf.values()) if (folders.size > 1) for (const f of folders) out.add(f);
  return out;
}

/** The folder most chapters of the category live in; a new category gets a folder named after it. */
function categoryFolder(series: SeriesModel, category: Category | undefined): string {
  const counts = new Map<string, number>();
  for (const ch of category?.chapters ?? []) counts.set(dirname(ch.file), (counts.get(dirname(ch.file)) ?? 0) + 1);
  let best: string | undefined;
  let bestCount = 0;
  for (const [folder, n] of counts) if (n > bestCount) { best = folder; bestCount = n; }
  if (best !== undefined) return best;
  const sub = category ? fileSlug(category.name) : '';
  return sub ? joinFolder(series.folder, sub) : series.folder;
}

function joinFolder(folder: string, name: string): string {
  return folder === '' ? name : `${folder}/${name}`;
}

/** The reading time most of the category's chapters have (60 when none has one). */
export function typicalMinutes(category: Category | undefined): number {
  const counts = new Map<number, number>();
  for (const ch of category?.chapters ?? []) if (ch.minutes !== undefined) counts.set(ch.minutes, (counts.get(ch.minutes) ?? 0) + 1);
  let best = 60;
  let bestCount = 0;
  for (const [m, n] of counts) if (n > bestCount) { best = m; bestCount = n; }
  return best;
}

/**
 * `- [label](href) - 重要 - 60 min`, the destination written so that it reads back as `href` (`<…>` around spaces
 * and parentheses; `#`, `?`, `%`, `\` … percent-encoded).
 */
export function chapterLine(label: string, href: string, priorityLabel: string | undefined, minutes: number | undefined): string {
  const dest = /[\s()]/.test(href) ? `<${encodeLinkPath(href, 'angle')}>` : encodeLinkPath(href);
  let line = `- [${label.replace(/([[\]\\])/g, '\\$1')}](${dest})`;
  if (priorityLabel) line += ` - ${priorityLabel}`;
  if (minutes !== undefined) line += ` - ${minutes} min`;
  return line;
}

/**
 * `category` of `series` (the index's model) in `now`, the same README parsed again from its current text: the
 * category of that name, the same one of several so named; undefined when it is gone.
 */
export function sameCategoryIn(now: SeriesModel, series: SeriesModel, category: Category): Category | undefined {
  const nth = series.categories.filter(c => c.name === category.name).indexOf(category);
  return now.categories.filter(c => c.name === category.name)[Math.max(0, nth)];
}

/**
 * The edit that lists a new chapter in the README: a line after the category's last chapter; in a category with no
 * chapter yet, the first item under its heading; without any category (`category` undefined), the first item under
 * the `## Chapters` heading; nothing only when the README has no such heading. After a chapter the line goes after
 * the whole list item of that chapter (its sub-bullets and continuation lines stay its own; a sub-chapter's item is
 * the chapter's it is nested in) and takes that item's place in its list: the same indentation, the same bullet, or
 * for an ordered list the next number.
 */
export function readmeInsertEdit(readmeText: string, category: Category | undefined, line: string): TextEdit | undefined {
  const lines = new LineIndex(readmeText);
  const eol = readmeText.includes('\r\n') ? '\r\n' : '\n';
  const last = category?.chapters[category.chapters.length - 1];
  if (!last) {
    const heading = category ? category.range.end.line : chaptersHeadingLine(readmeText, lines);
    return heading === undefined ? undefined : firstItemEdit(lines, heading, line, eol);
  }
  const item = chapterItemOf(readmeText, lines, category!.chapters, lines.offsetAt(last.range.start));
  const endLine = item ? lines.positionAt(endOf(item)).line : last.range.start.line;
  const at: Position = lines.positionAt(lines.lineEnd(endLine));
  return { range: { start: at, end: at }, newText: eol + (item ? asSiblingOf(readmeText, lines, item, line) : line) };
}

/**
 * `line` as the first item under the heading on line `heading`: a blank line before it (a list right under a
 * heading line would do too, but the README's own lists have one), and one after it when text follows at once
 * (it would be a lazy continuation of the item).
 */
function firstItemEdit(lines: LineIndex, heading: number, line: string, eol: string): TextEdit {
  const at: Position = lines.positionAt(lines.lineEnd(heading));
  const textFollows = heading + 1 < lines.lineCount && lines.lineText(heading + 1).trim() !== '';
  return { range: { start: at, end: at }, newText: eol + eol + line + (textFollows ? eol : '') };
}

/** The line of the README's `## Chapters` heading (its first), undefined when it has none. */
function chaptersHeadingLine(text: string, lines: LineIndex): number | undefined {
  for (const node of structuralTree(text).children) {
    if (node.type === 'heading' && node.depth === 2 && sectionKind(nodeText(node).trim()) === 'chapters') return lines.positionAt(endOf(node)).line;
  }
  return undefined;
}

/** The outermost list item holding the chapter line at `offset` that is itself a chapter line of `chapters`. */
function chapterItemOf(text: string, lines: LineIndex, chapters: readonly Chapter[], offset: number): ListItem | undefined {
  const starts = new Set(chapters.map(c => lines.offsetAt(c.range.start)));
  let found: ListItem | undefined;
  walk(structuralTree(text), n => {
    if (found === undefined && n.type === 'listItem' && starts.has(startOf(n)) && startOf(n) <= offset && offset < endOf(n)) found = n;
  });
  return found;
}

/** `line` (a `- ` chapter line) written as the next item of the list `item` is in. */
function asSiblingOf(text: string, lines: LineIndex, item: ListItem, line: string): string {
  const start = startOf(item);
  const lineStart = lines.offsetAt({ line: lines.positionAt(start).line, character: 0 });
  // the item's indentation (an outer item's marker on the same line becomes blanks)
  const prefix = text.slice(lineStart, start).replace(/\S/g, ' ');
  const m = /^(?:([-*+])|(\d{1,9})([.)]))([ \t]{1,4})/.exec(text.slice(start, Math.min(text.length, start + 16)));
  const marker = !m ? '- ' : m[1] !== undefined ? m[1] + m[4] : `${Number(m[2]) + 1}${m[3]}${m[4]}`;
  return prefix + marker + line.replace(/^- /, '');
}

/**
 * The priority label a new chapter gets by default: the first configured label of `important` that reads back as it
 * (a label the configuration also gives must-read would make the chapter a must-read).
 */
export function defaultPriorityLabel(config: NotesConfig, p: PriorityKey = 'important'): string | undefined {
  return ownPriorityLabels(config, p)[0];
}

export interface SeriesTemplateOptions {
  title: string;
  domain: string;
  today: string;
  config: NotesConfig;
}

/**
 * The README of a new series: frontmatter, summary, a one-batch route, reading priority, support documents
 * and one planned chapter, so that the tree shows a placeholder right away.
 */
export function seriesReadmeTemplate(o: SeriesTemplateOptions): string {
  const must = o.config.priorityLabels['must-read'][0] ?? 'Must-read';
  const mustName = o.config.priorityLabels['must-read'].find(l => /^[\x20-\x7e]+$/.test(l)) ?? 'Must-read';
  return [
    '---',
    `title: ${yamlString(o.title)}`,
    'note_type: system',
    `domain: ${yamlString(o.domain)}`,
    `tags: ${yamlFlowList(['system', tagOf(o.domain) || 'notes'])}`,
    `created: ${o.today}`,
    `updated: ${o.today}`,
    'status: active',
    'source: system',
    '---',
    `# ${o.title}`,
    '',
    '## Summary',
    '',
    '- Audience: ',
    `- Baseline date: ${o.today}.`,
    '',
    '## Batch Learning Route (1 batch)',
    '',
    '- Batch 1: `01` (Introduction)',
    '',
    '## Reading Priority',
    '',
    `- ${mustName} (\`${must}\`): \`01\``,
    '',
    '## Support Documents',
    '',
    `- [coverage_matrix](${o.config.matrixFileName})`,
    '',
    '## Chapters',
    '',
    '### Introduction',
    '',
    `- [01_introduction](introduction/01_introduction.md) - ${must} - 30 min`,
    '',
  ].join('\n');
}

/** The coverage matrix of a new series: one Pending row for the template's chapter. */
export function matrixTemplate(o: SeriesTemplateOptions): string {
  const pending = o.config.statusWords.pending[0] ?? 'Pending';
  return [
    '---',
    `title: ${yamlString(`${o.title} Coverage Matrix`)}`,
    'note_type: system',
    `domain: ${yamlString(o.domain)}`,
    `tags: [system, audit]`,
    `created: ${o.today}`,
    `updated: ${o.today}`,
    'status: active',
    'source: system',
    '---',
    `# ${o.title} Coverage Matrix`,
    '',
    `## Coverage Status (${o.today})`,
    '',
    '| Capability Area | Required Topic | Coverage Files | Status |',
    '| --- | --- | --- | --- |',
    `| Introduction | Introduction | \`introduction/01_introduction.md\` | ${pending} |`,
    '',
    '## Cross-references with Existing Content',
    '',
    '## Remaining Gaps',
    '',
    '- ',
    '',
  ].join('\n');
}
