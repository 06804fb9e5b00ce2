import type { IndexView } from '../index/api';
import type { Diagnostic, Fix, PriorityKey } from '../model';
import { basename, dirname, isMarkdown, join, normalize } from '../paths';
import { isRelativeWikilink } from '../index/resolve';
import { statusFromStates } from '../coverage/compute';
import { matrixStatusChange } from '../coverage/sync';
import { fileStateOf } from '../coverage/viewModel';
import { parseFrontmatter } from '../frontmatter/parse';
import { LineIndex } from '../text/lineIndex';
import { addFieldFix, chapterTitle, defaultFieldValue, displacedFrontmatter, insertFrontmatterFix, setFieldFix, setListItemFix, titleFromFileName } from './frontmatter';
import { closestFileFix, closestHeadingFix, closestOtherFileFix, closestWikilinkFix, linkAt, namesOtherFile } from './links';
import { domainFor, matricesOfNewNote, newNoteFileEdits, newNoteText, plannedNoteOptions } from './newNote';
import { seeAlsoEdits } from './seeAlso';
import { listsChapter } from '../series/listing';
import { addChapterToMatrixEdit, alignPriorityEdit, closestPriorityLabel } from './series';
import { closest } from '../text/similarity';
import { titled } from './titles';

/**
 * The quick fixes for one diagnostic, as pure edits. `text` is the current text of the diagnostic's file (an
 * unsaved buffer's text in the editor); `textOf` gives other files' current text when a fix edits them.
 * `safe` fixes are the ones a "fix all" may apply without review.
 */
export function fixesFor(index: IndexView, d: Diagnostic, text: string, today: string, textOf?: (file: string) => string | undefined): Fix[] {
  const data = d.data ?? {};
  const str = (k: string) => (typeof data[k] === 'string' ? (data[k] as string) : undefined);
  switch (d.code) {
    case 'frontmatter-missing': {
      const domain = domainFor(index, d.file);
      const heading = index.note(d.file)?.scan.headings.find(h => h.level === 1)?.text;
      const edits = insertFrontmatterFix(text, d.file, { title: heading ?? titleFromFileName(d.file), today, noteType: 'chapter', domain, tags: [] });
      // a block below blank lines is the note's frontmatter, slipped: moved back up (safe when it is a mapping), and a
      // second block is not inserted above it without review
      // a `---` pair below blank lines is frontmatter pushed down only when it holds a mapping: prose between two
      // `---` lines (or a setext heading's underline) stays a body, and the note gets a block of its own
      const found = displacedFrontmatter(text);
      const displaced = found?.parses ? found : undefined;
      const move: Fix[] = displaced ? [{ ...titled('move-frontmatter'), preferred: true, safe: true, edits: [{ file: d.file, edits: displaced.edits }] }] : [];
      // without a domain to write, the block has an empty one to fill in: offered, but not applied by "fix all"
      return [...move, { ...titled('insert-frontmatter'), preferred: !displaced, safe: domain !== undefined && !displaced, edits: [{ file: d.file, edits }] }];
    }
    case 'frontmatter-field-missing': {
      const field = str('field');
      if (!field) return [];
      const fm = parseFrontmatter(text, new LineIndex(text));
      const value = field === 'title' ? index.note(d.file)?.title ?? titleFromFileName(d.file)
        : field === 'domain' ? domainFor(index, d.file) : undefined;
      // a field without a value to write gets an empty one to fill in: offered, but not applied by "fix all"
      const safe = (value ?? defaultFieldValue(text, fm, field, today)) !== null;
      return withEdits([{ ...titled('add-field', field), preferred: true, safe, edits: [{ file: d.file, edits: addFieldFix(text, fm, field, value, today) }] }]);
    }
    case 'frontmatter-field-invalid': {
      const field = str('field');
      if (!field) return [];
      const fm = parseFrontmatter(text, new LineIndex(text));
      // own keys only: a field named `constructor` has no allowed values
      const allowed = Object.hasOwn(index.config.allowedValues, field) ? index.config.allowedValues[field] : undefined;
      if (index.config.dateFields.includes(field)) {
        // today, but never an `updated` before `created` nor a `created` after `updated`: that would be a finding again
        const value = field === 'created' || field === 'updated' ? String(defaultFieldValue(text, fm, field, today)) : today;
        return withEdits([{ ...(value === today ? titled('set-today', field, today) : titled('set-value', field, value)),
          preferred: field === 'updated', safe: field === 'updated', edits: [{ file: d.file, edits: setFieldFix(text, fm, field, value) }] }]);
      }
      if (allowed?.length) {
        const list = data.value;
        const raw = data.item;
        if (Array.isArray(list) && (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean')) {
          // one item of a list is not allowed (YAML may read it as a number or a boolean): replace that item (or drop
          // it) in place, keeping the list a list and every other item as written
          const item = String(raw);
          const best = closest(item, allowed);
          const order = best ? [best, ...allowed.filter(a => a !== best)] : allowed;
          return withEdits([
            ...order.map((v, i) => ({ ...titled('replace-item', item, field, v), preferred: i === 0 && best !== undefined, safe: false,
              edits: [{ file: d.file, edits: setListItemFix(text, fm, field, raw, v) }] })),
            { ...titled('remove-item', item, field), preferred: false, safe: false,
              edits: [{ file: d.file, edits: setListItemFix(text, fm, field, raw) }] },
          ]);
        }
        const value = str('value') ?? '';
        const best = closest(value, allowed);
        const order = best ? [best, ...allowed.filter(a => a !== best)] : allowed;
        return withEdits(order.map((v, i) => ({ ...titled('set-value', field, v), preferred: i === 0 && best !== undefined, safe: false,
          edits: [{ file: d.file, edits: setFieldFix(text, fm, field, v) }] })));
      }
      return [];
    }
    case 'link-broken':
    case 'ref-broken': {
      const fixes = closestFileFix(index, d, text);
      const file = str('file');
      if (file && isMarkdown(file) && !index.hasFile(file)) fixes.push(createFix(index, file, today, textOf));
      return createPreferredWhenPlanned(fixes);
    }
    case 'link-anchor-broken':
      return closestHeadingFix(index, d);
    case 'wikilink-broken': {
      const link = linkAt(index, d);
      if (!link) return [];
      // `![[diagrm.png]]` names a file that is no note: the closest such file, and no note `diagrm.png.md` to create
      if (namesOtherFile(index, basename(link.path.trim()))) return closestOtherFileFix(index, d, link);
      const fixes = closestWikilinkFix(index, d, link);
      const file = wikilinkNewFile(d.file, link.path);
      if (file !== undefined && !index.hasFile(file)) fixes.push(createFix(index, file, today, textOf, link.text ?? wikilinkTitle(link.path)));
      return createPreferredWhenPlanned(fixes);
    }
    case 'chapter-planned': {
      const file = str('file');
      // a chapter that is no note (`scripts/build.sh`) is not written from the note template
      if (!file || !isMarkdown(file) || index.hasFile(file)) return [];
      const chapter = index.seriesOf(d.file)?.categories.flatMap(c => c.chapters).find(c => c.file === file);
      return [{ ...createFix(index, file, today, textOf, chapter ? chapterTitle(chapter.label, file) : undefined), preferred: true }];
    }
    case 'xref-missing-link': {
      const from = str('from');
      const to = str('to');
      const note = from ? index.note(from) : undefined;
      if (!from || !to || !note) return [];
      const target = index.note(to);
      const label = target?.title ?? basename(to);
      const current = textOf?.(from);
      if (current === undefined) return [];
      const edits = seeAlsoEdits(current, from, to, label);
      if (!edits) return [];
      return [{ ...titled('add-link', to, from), preferred: true, safe: true, edits: [{ file: from, edits }] }];
    }
    case 'coverage-status-mismatch': {
      const series = index.seriesOf(d.file);
      const cov = series ? index.coverage(series) : undefined;
      const row = cov?.rows.find(r => r.statusRange && r.statusRange.start.line === d.range.start.line);
      if (!row) return [];
      const rc = series ? index.computeCoverage(series).find(r => r.row === row) : undefined;
      if (!rc) return [];
      const change = cov ? matrixStatusChange(cov, row, rc.computed, index.config) : undefined;
      if (!change) return [];
      return [{ ...titled('set-status', change.word), preferred: true, safe: true, edits: [{ file: d.file, edits: [change.edit] }] }];
    }
    case 'priority-mismatch': {
      const series = index.seriesOf(d.file);
      const chapter = series?.categories.flatMap(c => c.chapters).find(c => c.priorityRange && c.priorityRange.start.line === d.range.start.line);
      const priority = str('priority');
      if (chapter?.priorityRange && data.problem === 'not-a-label') {
        // a chapter label that is no priority label: the one it most likely means, when one is clearly closest
        const label = closestPriorityLabel(index.config, chapter.priorityLabel ?? '');
        return label === undefined ? [] : [{ ...titled('change-to', label), preferred: true, safe: false,
          edits: [{ file: d.file, edits: [{ range: chapter.priorityRange, newText: label }] }] }];
      }
      if (!chapter || priority === undefined || !Object.hasOwn(index.config.priorityLabels, priority)) return [];
      const edit = alignPriorityEdit(chapter, priority as PriorityKey, index.config);
      if (!edit) return [];
      return [{ ...titled('change-priority', edit.newText), preferred: true, safe: false, edits: [{ file: d.file, edits: [edit] }] }];
    }
    case 'coverage-unlisted': {
      const series = index.seriesOf(d.file);
      const cov = series ? index.coverage(series) : undefined;
      const chapter = series?.categories.flatMap(c => c.chapters).find(c => c.range.start.line === d.range.start.line);
      const matrixText = cov ? textOf?.(cov.file) : undefined;
      if (!series || !cov || !chapter || d.file !== series.readme || matrixText === undefined) return [];
      // the row says the status its file gives (a written chapter is Done), as the check will compute it
      const status = statusFromStates([fileStateOf(index, chapter.file)]);
      const edit = addChapterToMatrixEdit(matrixText, cov, chapter, index.config, status);
      if (!edit) return [];
      return [{ ...titled('add-to-file', chapter.label, basename(cov.file)), preferred: false, safe: false,
        edits: [{ file: cov.file, edits: [edit] }] }];
    }
    default:
      return [];
  }
}

/** The fixes that edit something: a frontmatter fix with no safe edit to make is not offered. */
function withEdits(fixes: Fix[]): Fix[] {
  return fixes.filter(f => f.edits.some(e => e.edits.length > 0));
}

/**
 * The note a broken wikilink's *Create* fix writes, where the link will find it (see `wikilinkMatches`): a name
 * written from the note's folder (`[[./sub/x]]`, `[[../x]]`) resolved against that folder, a rooted one (`[[/y/x]]`)
 * from the workspace root, another path-like one (`[[y/x]]`) from the root as written, a bare name in the note's
 * folder. Undefined when that is no normalised path inside the workspace (`[[../../../x]]`, `[[a//x]]`, `[[..]]`).
 */
function wikilinkNewFile(from: string, written: string): string | undefined {
  const name = written.trim().replace(/\.md$/i, '');
  // `[[./sub/]]` names a folder
  if (name === '' || name.endsWith('/')) return undefined;
  const folder = dirname(from);
  const path = isRelativeWikilink(name) ? join(folder, name)
    : name.startsWith('/') ? name.slice(1)
    : name.includes('/') || folder === '' ? name : `${folder}/${name}`;
  if (path === undefined || path === '' || normalize(path) !== path || path.startsWith('/') || path.startsWith('../')) return undefined;
  return `${path}.md`;
}

/**
 * The title of the note a wikilink without an alias creates: the name as written (`[[What is CAP?]]` → `What is CAP?`,
 * its capitals kept), or for a file-like name (a `_` or `-` and no blank: `[[02_rate-limits]]`) the title a file name
 * gives (`Rate Limits`, undefined here).
 */
function wikilinkTitle(written: string): string | undefined {
  const name = basename(written.trim().replace(/\.md$/i, '')).trim();
  return name === '' || (/[_-]/.test(name) && !/\s/.test(name)) ? undefined : name;
}

/**
 * Creates `file` as a new note, with the matrix Status edits that go with it when the matrix's text is at hand. A
 * chapter the series README plans is created as the Series tree's *Create Note* creates it (`plannedNoteOptions`:
 * title from its label, tags), and this is the fix to prefer: the README says the note is to be written, so a link
 * to it is not a typo of another chapter's name.
 */
function createFix(index: IndexView, file: string, today: string, textOf: ((file: string) => string | undefined) | undefined, title?: string): Fix {
  const planned = isPlannedChapter(index, file);
  const matrices = matricesOfNewNote(index, file).flatMap(m => {
    const matrixText = textOf?.(m);
    return matrixText === undefined ? [] : [{ file: m, text: matrixText }];
  });
  const text = newNoteText(index, file, planned ? { ...plannedNoteOptions(index, file), today } : { title, today });
  const edits = newNoteFileEdits(index, file, text, matrices);
  return { ...titled('create', file), preferred: planned, safe: false, edits };
}

/** Whether `file` is a chapter of a series README (which the caller knows not to exist yet), wherever it lies. */
function isPlannedChapter(index: IndexView, file: string): boolean {
  return index.series().some(s => listsChapter(s, file));
}

/** The fixes with only a preferred *Create* preferred, when there is one (see `createFix`). */
function createPreferredWhenPlanned(fixes: Fix[]): Fix[] {
  const create = fixes.find(f => f.preferred && f.edits.some(e => e.create));
  return create ? fixes.map(f => (f === create || !f.preferred ? f : { ...f, preferred: false })) : fixes;
}


