import type { Definition, Link, LinkReference, List, ListItem, Paragraph, PhrasingContent, Root } from 'mdast';
import { priorityOf, type NotesConfig } from '../config';
import { parseFrontmatter } from '../frontmatter/parse';
import type { BatchStep, Category, Chapter, NumberRef, PriorityKey, Range, ReadingList, SeriesModel, UnknownReadingList } from '../model';
import { basename, dirname, extname, join } from '../paths';
import { CHAPTER_NUMBER, leadingChapterNumber } from './chapterNumbers';
import { parseMinutes } from './duration';
import { isBlankRun, sectionKind, type SectionKind } from './readmeSections';
import { structuralTree } from '../reference/tree';
import { LineIndex } from '../text/lineIndex';
import { endOf, isBlank, nodeText, percentDecode, startOf, trimOffsets, walk } from './mdast';

/**
 * The series README parser: `## Chapters` → `### Category` → `- [label](path.md) - PRIORITY - N min`,
 * plus the batch learning route, the reading-priority lists, support documents and estimated times.
 * Parsed from the structural mdast (the fast structural parser, or remark when the text leaves its
 * subset: exact CommonMark either way); every range points at the source text.
 */

/**
 * Resolves a README href against the series folder: '' when it is external or leaves the workspace.
 * A path without an extension means `<name>.md` (VS Code's convention for links; a chapter is a
 * note, so `[08](a/08_ext)` is `a/08_ext.md`, and a planned one is created under that name). The
 * series model is parsed from the README text alone, so this does not look at the file system.
 */
export function resolveSeriesHref(folder: string, href: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) return '';
  let path = href;
  const hash = path.indexOf('#');
  if (hash !== -1) path = path.slice(0, hash);
  const query = path.indexOf('?');
  if (query !== -1) path = path.slice(0, query);
  path = percentDecode(path);
  if (path === '') return '';
  const file = join(folder, path) ?? '';
  const last = path.slice(path.lastIndexOf('/') + 1);
  return file !== '' && last !== '' && last !== '.' && last !== '..' && extname(file) === '' ? file + '.md' : file;
}

/** The chapter number of a file's base name as written: `01_singleton.md` → `01`, `17_3_async.md` → `17_3`. */
export function chapterNumberOf(path: string): string | undefined {
  return leadingChapterNumber(basename(path));
}

export function parseSeriesReadme(text: string, readmeFile: string, config: NotesConfig, lines = new LineIndex(text)): SeriesModel {
  return parseSeriesReadmeFromTree(structuralTree(text), text, readmeFile, config, lines);
}

/** The series model of a README from its mdast (`tree` must be the tree of `text`: fast or remark's). */
export function parseSeriesReadmeFromTree(tree: Root, text: string, readmeFile: string, config: NotesConfig, lines = new LineIndex(text)): SeriesModel {
  const folder = dirname(readmeFile);
  const model: SeriesModel = {
    readme: readmeFile, folder, title: '', categories: [], batches: [], readingLists: [], supportDocs: [], estimatedTime: [],
  };
  const ctx: ParseContext = { text, lines, folder, config, definitions: definitionsOf(tree) };
  let fmTitle: string | undefined;
  let h1Title: string | undefined;
  let section: SectionKind = 'other';
  let category: Category | undefined;

  for (const node of tree.children) {
    if (node.type === 'yaml') {
      fmTitle ??= frontmatterTitle(text, lines);
      continue;
    }
    if (node.type === 'heading') {
      const headingText = nodeText(node).trim();
      if (node.depth === 1) {
        h1Title ??= headingText;
        section = 'other';
        category = undefined;
      } else if (node.depth === 2) {
        section = sectionKind(headingText);
        category = undefined;
      } else if (node.depth === 3 && section === 'chapters') {
        category = { name: headingText, range: lines.range(startOf(node), endOf(node)), chapters: [] };
        model.categories.push(category);
      }
      continue;
    }
    switch (section) {
      case 'chapters':
        if (node.type !== 'list') break;
        for (const chapter of chapterLines(ctx, node, category?.name ?? 'Chapters')) {
          if (!category) {
            category = { name: 'Chapters', range: chapter.range, chapters: [] };
            model.categories.push(category);
          }
          category.chapters.push(chapter);
        }
        break;
      case 'batch':
        if (node.type !== 'list') break;
        for (const item of listItems(ctx, node, false)) {
          const step = parseBatchItem(ctx, item, model.batches.length + 1);
          if (step) model.batches.push(step);
        }
        break;
      case 'reading':
        if (node.type !== 'list') break;
        for (const item of listItems(ctx, node, false)) {
          const list = parseReadingItem(ctx, item);
          if (!list) continue;
          if ('priority' in list) model.readingLists.push(list);
          else (model.unknownReadingLists ??= []).push(list);
        }
        break;
      case 'support':
        if (node.type !== 'list') break;
        for (const item of listItems(ctx, node, true)) {
          const link = firstLink(ctx, item);
          if (!link) continue;
          const href = text.slice(link.dest.start, link.dest.end);
          model.supportDocs.push({
            label: nodeText(link.node).trim(), href, file: resolveSeriesHref(folder, link.url), range: lines.range(link.dest.start, link.dest.end),
          });
        }
        break;
      case 'time':
        for (const raw of text.slice(startOf(node), endOf(node)).split(/\r\n|\r|\n/)) {
          const line = raw.trim().replace(/^(?:[-*+]|\d{1,9}[.)])[ \t]+/, '').trim();
          if (line !== '') model.estimatedTime.push(line);
        }
        break;
      case 'other':
        break;
    }
  }
  model.title = fmTitle || h1Title || basename(folder) || readmeFile;
  return model;
}

interface ParseContext {
  /** the README's link reference definitions, by identifier (remark's normalised label) */
  definitions: Map<string, Definition>;
  text: string;
  lines: LineIndex;
  folder: string;
  config: NotesConfig;
}

/**
 * The items of a list in document order; with `nested`, also the items of lists nested in an item
 * that holds no link itself (a grouping bullet), not the sub-bullets of a linked item (a support document's notes).
 * Chapter lines have their own walk: `chapterLines`.
 */
function listItems(ctx: ParseContext, list: List, nested: boolean): ListItem[] {
  const out: ListItem[] = [];
  const stack: ListItem[] = [...list.children].reverse();
  while (stack.length) {
    const item = stack.pop() as ListItem;
    out.push(item);
    if (!nested || firstLink(ctx, item)) continue;
    for (let i = item.children.length - 1; i >= 0; i--) {
      const c = item.children[i];
      if (c.type === 'list') for (let k = c.children.length - 1; k >= 0; k--) stack.push(c.children[k]);
    }
  }
  return out;
}

/**
 * The chapters of a `## Chapters` list in document order: its chapter lines, those nested in a grouping bullet (an
 * item without a link), and those nested in a chapter line that are full chapter lines themselves (a sub-chapter:
 * `- [17.3 async](rust/17_3_async.md) - 必讀 - 30 min` under chapter 17). A chapter line's other sub-bullets are
 * notes about it, links or not, and so is all that is nested in them.
 */
function chapterLines(ctx: ParseContext, list: List, category: string): Chapter[] {
  const out: Chapter[] = [];
  const stack: { item: ListItem; inChapter: boolean }[] = [];
  const pushItems = (l: List, inChapter: boolean): void => {
    for (let k = l.children.length - 1; k >= 0; k--) stack.push({ item: l.children[k], inChapter });
  };
  pushItems(list, false);
  while (stack.length) {
    const { item, inChapter } = stack.pop() as { item: ListItem; inChapter: boolean };
    const chapter = parseChapterItem(ctx, item, category);
    if (inChapter && !(chapter && isFullChapterLine(ctx, item, chapter))) continue;
    if (chapter) out.push(chapter);
    for (let i = item.children.length - 1; i >= 0; i--) {
      const c = item.children[i];
      if (c.type === 'list') pushItems(c, inChapter || chapter !== undefined);
    }
  }
  return out;
}

/**
 * Whether a parsed item is a chapter line in full, as the SPEC writes one: `- [label](path.md) - PRIORITY - N min`,
 * the link first, to a note, with a known priority label and a reading time.
 */
function isFullChapterLine(ctx: ParseContext, item: ListItem, chapter: Chapter): boolean {
  const para = paragraphOf(item);
  const link = firstLink(ctx, item);
  return para !== undefined && link !== undefined && isBlankRun(ctx.text, startOf(para), startOf(link.node))
    && /\.md$/i.test(chapter.file) && chapter.priority !== undefined && chapter.minutes !== undefined;
}

function paragraphOf(item: ListItem): Paragraph | undefined {
  const p = item.children[0];
  return p && p.type === 'paragraph' ? p : undefined;
}

/** A link of a README list item: inline (`[01](a/01.md)`) or by reference (`[01][c1]` with `[c1]: a/01.md`). */
interface ItemLink {
  node: Link | LinkReference;
  url: string;
  /** offsets of the destination as written: in the link, or in its definition */
  dest: { start: number; end: number };
}

/** The first link of an item's first paragraph, inline or by reference to a definition of the README. */
function firstLink(ctx: ParseContext, item: ListItem): ItemLink | undefined {
  const para = paragraphOf(item);
  if (!para) return undefined;
  let found: ItemLink | undefined;
  walk(para, n => {
    if (found) return;
    if (n.type === 'link') found = { node: n, url: n.url, dest: destinationOffsets(ctx.text, n) };
    else if (n.type === 'linkReference') {
      const def = ctx.definitions.get(n.identifier);
      if (def) found = { node: n, url: def.url, dest: definitionDestination(ctx.text, def) };
    }
  });
  return found;
}

/** The link reference definitions of a tree (the first of a label wins, as CommonMark says). */
function definitionsOf(tree: Root): Map<string, Definition> {
  const out = new Map<string, Definition>();
  walk(tree, n => {
    if (n.type === 'definition' && !out.has(n.identifier)) out.set(n.identifier, n);
  });
  return out;
}

/** Offsets of a definition's destination as written (without `<>`): after `]:` and blanks (one line break allowed). */
function definitionDestination(text: string, def: Definition): { start: number; end: number } {
  const defStart = startOf(def);
  const defEnd = endOf(def);
  let pos = text.indexOf(']:', defStart);
  if (pos === -1 || pos >= defEnd) return { start: defStart, end: defEnd };
  pos += 2;
  while (pos < defEnd && (isBlank(text.charCodeAt(pos)) || text.charCodeAt(pos) === 10 || text.charCodeAt(pos) === 13)) pos++;
  if (text.charCodeAt(pos) === 60 /* < */) {
    const close = text.indexOf('>', pos + 1);
    return { start: pos + 1, end: close === -1 || close > defEnd ? pos + 1 : close };
  }
  const start = pos;
  while (pos < defEnd && !isBlank(text.charCodeAt(pos)) && text.charCodeAt(pos) !== 10 && text.charCodeAt(pos) !== 13) pos++;
  return { start, end: pos };
}

/** The first line of a list item (from its marker to the end of that line). */
function itemLineRange(ctx: ParseContext, item: ListItem): Range {
  const start = startOf(item);
  const line = ctx.lines.positionAt(start).line;
  const end = trimOffsets(ctx.text, start, ctx.lines.lineEnd(line)).end;
  return ctx.lines.range(start, end);
}

/** Offsets of a link's destination as written (without `<>`), or of the whole link when it has no `](`. */
export function destinationOffsets(text: string, link: Link): { start: number; end: number } {
  const linkStart = startOf(link);
  const linkEnd = endOf(link);
  const last = link.children.length ? endOf(link.children[link.children.length - 1]) : linkStart + 1;
  const open = text.indexOf('](', last);
  if (open === -1 || open >= linkEnd) return { start: linkStart, end: linkEnd };
  let pos = open + 2;
  while (pos < linkEnd && isBlank(text.charCodeAt(pos))) pos++;
  if (text.charCodeAt(pos) === 60 /* < */) {
    const close = text.indexOf('>', pos + 1);
    return { start: pos + 1, end: close === -1 || close > linkEnd ? pos + 1 : close };
  }
  const start = pos;
  let depth = 0;
  while (pos < linkEnd) {
    const c = text.charCodeAt(pos);
    if (c === 92 /* \ */) { pos += 2; continue; }
    if (isBlank(c)) break;
    if (c === 40) depth++;
    else if (c === 41) {
      if (depth === 0) break;
      depth--;
    }
    pos++;
  }
  return { start, end: Math.min(pos, linkEnd) };
}

function isDash(c: number): boolean {
  return c === 45 || c === 0x2013 || c === 0x2014 || c === 0x2012 || c === 0x2212;
}

/** Splits `- 必讀 - 90 min` into trimmed segments between dash separators (a dash run with blanks around it). */
function tailSegments(text: string, start: number, end: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let segStart = start;
  let i = start;
  while (i < end) {
    if (!isDash(text.charCodeAt(i))) { i++; continue; }
    let j = i;
    while (j < end && isDash(text.charCodeAt(j))) j++;
    if ((i === start || isBlank(text.charCodeAt(i - 1))) && (j === end || isBlank(text.charCodeAt(j)))) {
      const seg = trimOffsets(text, segStart, i);
      if (seg.end > seg.start) out.push(seg);
      segStart = j;
    }
    i = j;
  }
  const seg = trimOffsets(text, segStart, end);
  if (seg.end > seg.start) out.push(seg);
  return out;
}

function stripWrappers(text: string, seg: { start: number; end: number }): { start: number; end: number } {
  let { start, end } = seg;
  while (end - start >= 2) {
    const c = text.charCodeAt(start);
    if ((c === 42 || c === 95 || c === 96) && text.charCodeAt(end - 1) === c) { start++; end--; } else break;
  }
  return trimOffsets(text, start, end);
}

function parseChapterItem(ctx: ParseContext, item: ListItem, category: string): Chapter | undefined {
  const { text, lines } = ctx;
  const found = firstLink(ctx, item);
  const para = paragraphOf(item);
  if (!found || !para) return undefined;
  const { node: link, dest } = found;
  const href = text.slice(dest.start, dest.end);
  const file = resolveSeriesHref(ctx.folder, found.url);
  const chapter: Chapter = {
    label: nodeText(link).trim(),
    href,
    file,
    category,
    number: chapterNumberOf(file || percentDecode(found.url.split('#')[0])),
    range: itemLineRange(ctx, item),
    hrefRange: lines.range(dest.start, dest.end),
  };
  const linkEnd = endOf(link);
  const tailEnd = Math.min(endOf(para), lines.lineEnd(lines.positionAt(linkEnd).line));
  for (const raw of tailSegments(text, linkEnd, tailEnd)) {
    const seg = stripWrappers(text, raw);
    if (seg.end <= seg.start) continue;
    const value = text.slice(seg.start, seg.end);
    const minutes = parseMinutes(value);
    if (minutes !== undefined) {
      chapter.minutes ??= minutes;
    } else if (chapter.priorityLabel === undefined) {
      chapter.priorityLabel = value;
      chapter.priority = priorityOf(ctx.config, value);
      chapter.priorityRange = lines.range(seg.start, seg.end);
    }
  }
  return chapter;
}

/**
 * Splits a list item paragraph at its first `:` (or `：`) outside parentheses: the inline nodes before it, and the
 * chapter-number code spans after it. Text in parentheses is prose: the label's own (`Must-read (`必讀`):`), or a
 * theme or note after the numbers (`` `01`, `02` (rate limits: HTTP `429`) ``), so a colon or a number in it counts
 * for nothing. Without such a colon the whole line holds the numbers (`` - `04` `05` ``).
 */
function splitAtColon(ctx: ParseContext, para: Paragraph, parens = true): { label: string; labelCodes: string[]; numbers: NumberRef[]; afterEnd: number; colon?: number } {
  let label = '';
  const labelCodes: string[] = [];
  let numbers: NumberRef[] = [];
  let colon: number | undefined;
  let afterEnd = startOf(para);
  /** parentheses open before the node */
  let depth = 0;
  for (const child of para.children as PhrasingContent[]) {
    if (child.type === 'text') {
      const before = depth;
      const found = colonOutsideParens(child.value, before, parens);
      depth = found.depth;
      if (colon !== undefined) continue;
      if (found.colon === -1) {
        label += child.value;
        continue;
      }
      label += child.value.slice(0, found.colon);
      const inSource = colonOutsideParens(ctx.text.slice(startOf(child), endOf(child)), before, parens).colon;
      colon = startOf(child) + Math.max(inSource, 0);
      // numbers before the colon were the label's (`Batch `3`:`)
      numbers = [];
      afterEnd = startOf(para);
      continue;
    }
    if (colon === undefined) {
      if (child.type === 'inlineCode') labelCodes.push(child.value);
      label += nodeText(child);
    }
    if (depth === 0 && child.type === 'inlineCode' && CHAPTER_NUMBER.test(child.value.trim())) {
      numbers.push({ num: child.value.trim(), range: ctx.lines.range(startOf(child), endOf(child)) });
      afterEnd = endOf(child);
    }
  }
  // a parenthesis left open (`Must-read (`必讀`: `01``, a typo) would hide the colon and the numbers after it: such a
  // line is read as if parentheses were plain text, as the author plainly meant
  if (colon === undefined && depth > 0 && parens) return splitAtColon(ctx, para, false);
  if (colon === undefined) return { label: '', labelCodes: [], numbers, afterEnd };
  return { label: label.trim(), labelCodes, numbers, afterEnd, colon };
}

/** The index of the first `:` (or `：`) of `s` outside parentheses (any, when `parens` is false), with `depth` of them open at its start (-1: none), and how many are open at its end. */
function colonOutsideParens(s: string, depth: number, parens: boolean): { colon: number; depth: number } {
  let colon = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!parens) {
      if ((c === 58 || c === 0xff1a) && colon === -1) colon = i;
    } else if (c === 40 /* ( */ || c === 0xff08 /* （ */) depth++;
    else if ((c === 41 || c === 0xff09) && depth > 0) depth--;
    else if ((c === 58 /* : */ || c === 0xff1a /* ： */) && depth === 0 && colon === -1) colon = i;
  }
  return { colon, depth };
}

function parseBatchItem(ctx: ParseContext, item: ListItem, ordinal: number): BatchStep | undefined {
  const para = paragraphOf(item);
  if (!para) return undefined;
  const { label, numbers, afterEnd } = splitAtColon(ctx, para);
  if (numbers.length === 0) return undefined;
  const m = /\d+/.exec(label);
  const step: BatchStep = { index: m ? Number(m[0]) : ordinal, numbers, range: itemLineRange(ctx, item) };
  let theme = ctx.text.slice(afterEnd, endOf(para)).trim().replace(/^[,，、;；]\s*/, '');
  if (theme.startsWith('(') && theme.endsWith(')')) theme = theme.slice(1, -1).trim();
  else if (theme.startsWith('（') && theme.endsWith('）')) theme = theme.slice(1, -1).trim();
  if (theme !== '') step.theme = theme.split(/\r\n|\r|\n/).map(l => l.trim()).join(' ');
  return step;
}

/**
 * A reading-priority item: a list under a priority label, or (when it names chapter numbers after a
 * colon under a label that is no priority label) an unknown list to report; prose bullets are neither.
 */
function parseReadingItem(ctx: ParseContext, item: ListItem): ReadingList | UnknownReadingList | undefined {
  const para = paragraphOf(item);
  if (!para) return undefined;
  const { label, labelCodes, numbers, colon } = splitAtColon(ctx, para);
  const paren = label.search(/[（(]/);
  const head = paren === -1 ? label : label.slice(0, paren).trim();
  const candidates = [head, ...labelCodes, label];
  for (const candidate of candidates) {
    const priority = priorityOf(ctx.config, candidate);
    if (priority) return { priority, label: candidate.trim(), numbers, range: itemLineRange(ctx, item) };
  }
  const bilingual = slashedPriority(ctx.config, head);
  if (bilingual) return { priority: bilingual, label: head, numbers, range: itemLineRange(ctx, item) };
  if (colon === undefined || numbers.length === 0 || head === '') return undefined;
  const at = ctx.text.indexOf(head, startOf(para));
  const labelRange = at !== -1 && at < colon ? ctx.lines.range(at, at + head.length) : ctx.lines.range(startOf(para), colon);
  return { label: head, numbers, labelRange, range: itemLineRange(ctx, item) };
}

/**
 * The priority of a label written in two languages (`Must-read / 必讀`, `重要／Important`), as a Status cell may
 * write `Done / 完成`: every part a label of that one priority.
 */
function slashedPriority(config: NotesConfig, label: string): PriorityKey | undefined {
  const parts = label.split(/[/／]/);
  if (parts.length < 2) return undefined;
  const first = priorityOf(config, parts[0]);
  return first !== undefined && parts.every(p => priorityOf(config, p) === first) ? first : undefined;
}

/**
 * `title:` of the README's frontmatter, read by the YAML parser that reads a note's title (escapes undone:
 * `"Backend \"Core\""`, `'Rock ''n'' Roll'`, `"Caf\u00e9"`), so that the series and its README note have one title.
 */
function frontmatterTitle(text: string, lines: LineIndex): string | undefined {
  const title = parseFrontmatter(text, lines).data?.title;
  return typeof title === 'string' && title.trim() !== '' ? title.trim() : undefined;
}
