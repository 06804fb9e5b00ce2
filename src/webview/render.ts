import type { AreaProgress, FileView, PriorityBucket, RowView, SeriesHead, SeriesView } from '../core/coverage/viewModel';
import type { CoverageStatus, FileState } from '../core/model';
import { PRIORITY_BUCKETS } from '../core/coverage/viewModel';
import { formatDuration } from '../core/series/duration';
import { isMarkdown } from '../core/paths';
import { el, svg } from './dom';
import { isWorkspaceRelativePath, type PathRule } from './protocol';
import type { StringKey } from './strings';

/** Builds the DOM of the coverage page from view-model data; every data string becomes a text node. */

export type Translate = (key: StringKey, ...args: (string | number)[]) => string;

export const COLUMNS = 7;

const STATUS_KEY: Record<CoverageStatus, StringKey> = { pending: 'pending', 'in-progress': 'inProgress', done: 'done' };
const STATE_KEY: Record<FileState, StringKey> = { missing: 'missing', draft: 'draft', written: 'written' };
const PRIORITY_KEY: Record<PriorityBucket, StringKey> = {
  'must-read': 'mustRead', important: 'important', skippable: 'skippable', none: 'noPriority',
};

export function statusLabel(t: Translate, s: CoverageStatus): string { return t(STATUS_KEY[s]); }
export function priorityLabel(t: Translate, p: PriorityBucket): string { return t(PRIORITY_KEY[p]); }

/** The host's path rule (its model message says it): what it would refuse to open or create is no button. */
let pathRule: PathRule = 'posix';
export function setPathRule(rule: PathRule): void { pathRule = rule; }

/**
 * `scope` says where on the page the button sits (the head of a series, one of its rows, a list in its tail):
 * the same file can be opened from several places, and a re-render must give the focus back to the one the
 * user was on, not to the first button naming that file. A file the host would refuse (a matrix path that leaves
 * the workspace, `../../x.md`) is plain text: a button that does nothing when clicked says nothing either.
 */
function openButton(t: Translate, scope: string, text: string, file: string, line?: number, cls = 'link'): HTMLElement {
  if (!isWorkspaceRelativePath(file, pathRule)) return el('span', { class: `${cls} not-openable` }, text);
  return el('button', {
    type: 'button', class: cls, 'data-action': 'open', 'data-file': file, 'data-line': line,
    'data-focus': `${scope}|open:${file}:${line ?? ''}`, title: t('openFile', file),
  }, text);
}

/**
 * The *Create* button of a missing file; none for a file that is no note (`scripts/build.sh`: no template fits it) nor
 * for one the host would refuse.
 */
function createButton(t: Translate, scope: string, file: string): HTMLButtonElement | false {
  return isMarkdown(file) && isWorkspaceRelativePath(file, pathRule) && el('button', {
    type: 'button', class: 'create', 'data-action': 'create', 'data-file': file, 'data-focus': `${scope}|create:${file}`,
    title: t('createFile', file), 'aria-label': t('createFile', file),
  }, t('create'));
}

/** An empty cell's `—`, read out as words (a screen reader would say "em dash", or nothing). */
function dash(spoken: string): HTMLSpanElement {
  return el('span', {}, el('span', { 'aria-hidden': 'true' }, '—'), el('span', { class: 'visually-hidden' }, spoken));
}

function stateBadge(t: Translate, s: FileState): HTMLSpanElement {
  return el('span', { class: `badge state-${s}` }, t(STATE_KEY[s]));
}

function statusBadge(t: Translate, s: CoverageStatus): HTMLSpanElement {
  return el('span', { class: `badge status-${s}` }, statusLabel(t, s));
}

/**
 * A horizontal bar: done, then in progress, over the total. A progressbar to assistive technology, named
 * (`name`: the area, or "Topics covered") and read out in words (`valueText`), its figures in aria-value*;
 * `tooltip` is what the mouse pointer shows.
 */
export function progressBar(name: string, valueText: string, tooltip: string, done: number, inProgress: number, total: number): SVGElement {
  const w = (n: number) => (total > 0 ? Math.round((n / total) * 1000) / 10 : 0);
  return svg('svg', {
    class: 'bar', viewBox: '0 0 100 6', preserveAspectRatio: 'none', role: 'progressbar', 'aria-label': name,
    'aria-valuemin': 0, 'aria-valuemax': total, 'aria-valuenow': done, 'aria-valuetext': valueText,
  },
    svg('title', {}, tooltip),
    svg('rect', { class: 'bar-track', x: 0, y: 0, width: 100, height: 6 }),
    svg('rect', { class: 'bar-done', x: 0, y: 0, width: w(done), height: 6 }),
    svg('rect', { class: 'bar-progress', x: w(done), y: 0, width: w(inProgress), height: 6 }),
  );
}

/** `⚠ 2`, read out as "2 problems" */
function problemsMark(t: Translate, n: number): HTMLSpanElement {
  const label = n === 1 ? t('problemCountOne') : t('problemCount', n);
  return el('span', { class: 'problems-inline', title: label, role: 'img', 'aria-label': label }, `⚠ ${n}`);
}

function fileCell(t: Translate, scope: string, f: FileView): HTMLElement {
  return el('div', { class: 'file' },
    openButton(t, scope, f.href, f.file),
    ' ', stateBadge(t, f.state),
    f.problems > 0 && problemsMark(t, f.problems),
    f.state === 'missing' && createButton(t, scope, f.file),
    f.title !== undefined && el('div', { class: 'file-title' }, f.title),
  );
}

export function renderRow(t: Translate, s: SeriesHead, row: RowView): HTMLTableRowElement {
  const declared = row.declared !== undefined
    ? statusBadge(t, row.declared)
    : row.declaredText === '' ? dash(t('noDeclared'))
      : el('span', { class: 'badge not-status', title: t('notAStatus') }, row.declaredText, el('span', { class: 'visually-hidden' }, t('withCount', '', t('notAStatus'))));
  const computed = el('td', { class: 'computed' }, row.computed !== undefined ? statusBadge(t, row.computed) : dash(t('notComputed')));
  if (row.mismatch) {
    computed.appendChild(el('span', { class: 'mismatch-mark', title: t('mismatch'), 'aria-label': t('mismatch'), role: 'img' }, '≠'));
  }
  const scope = `${s.id}|row:${row.key}`;
  const topic = s.matrix !== undefined ? openButton(t, scope, row.topic, s.matrix, row.line, 'link topic') : el('span', { class: 'topic' }, row.topic);
  return el('tr', { class: row.mismatch ? 'row mismatch' : 'row', 'data-key': row.key },
    el('th', { scope: 'row', class: 'topic-cell' }, topic),
    el('td', { class: 'files' }, ...row.files.map(f => fileCell(t, scope, f))),
    el('td', { class: 'declared' }, declared),
    computed,
    el('td', { class: `priority priority-${row.priority ?? 'none'}` }, row.priority ? priorityLabel(t, row.priority) : dash(t('noPriority'))),
    el('td', { class: 'num' }, row.minutes !== undefined ? t('minutes', row.minutes) : dash(t('noTime'))),
    el('td', { class: row.problems > 0 ? 'num has-problems' : 'num' }, String(row.problems)),
  );
}

export function renderAreaRow(t: Translate, area: string, progress: AreaProgress | undefined): HTMLTableRowElement {
  const p = progress ?? { area, total: 0, done: 0, inProgress: 0, pending: 0 };
  return el('tr', { class: 'area-row', 'data-area': area },
    el('th', { colspan: COLUMNS, scope: 'rowgroup' },
      el('span', { class: 'area-name' }, area),
      // `7/11` is read out as a fraction or a date: the words go to screen readers
      el('span', { class: 'area-count', 'aria-hidden': 'true' }, ` ${p.done}/${p.total}`),
      el('span', { class: 'visually-hidden' }, ` ${t('progressValue', p.done, p.total, p.inProgress)}`)),
  );
}

/** The table: a tbody per capability area (in first-appearance order), rows in matrix order inside it. */
export function renderTable(t: Translate, s: SeriesView): HTMLTableElement {
  const areas = new Map<string, RowView[]>();
  for (const r of s.rows) {
    const list = areas.get(r.area);
    if (list) list.push(r); else areas.set(r.area, [r]);
  }
  const progress = new Map(s.areas.map(a => [a.area, a]));
  const table = el('table', { class: 'matrix' },
    el('caption', { class: 'visually-hidden' }, t('matrixCaption', s.title)),
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col' }, t('topic')),
      el('th', { scope: 'col' }, t('files')),
      el('th', { scope: 'col' }, t('declared')),
      el('th', { scope: 'col' }, t('computed')),
      el('th', { scope: 'col' }, t('priority')),
      el('th', { scope: 'col', class: 'num' }, t('time')),
      el('th', { scope: 'col', class: 'num' }, t('problems')),
    )));
  for (const [area, rows] of areas) {
    table.appendChild(el('tbody', { 'data-area': area }, renderAreaRow(t, area, progress.get(area)), ...rows.map(r => renderRow(t, s, r))));
  }
  return table;
}

/** A total reading time: minutes under an hour, hours (and the minutes left over) from 60 min on, as the Series tree says hours. */
export function duration(t: Translate, minutes: number): string {
  return formatDuration(minutes, {
    minutes: m => t('minutes', m), hours: h => t('hours', h), hoursMinutes: (h, m) => t('hoursMinutes', h, m),
  });
}

function minutesList(t: Translate, s: SeriesHead): HTMLElement {
  const dl = el('dl', { class: 'minutes' });
  let total = 0;
  for (const p of PRIORITY_BUCKETS) {
    const m = s.minutesLeft[p];
    total += m;
    if (p === 'none' && m === 0) continue;
    dl.appendChild(el('div', { class: `minutes-item priority-${p}` }, el('dt', {}, priorityLabel(t, p)), el('dd', {}, duration(t, m))));
  }
  dl.appendChild(el('div', { class: 'minutes-item total' }, el('dt', {}, t('minutesTotal')), el('dd', {}, duration(t, total))));
  return el('div', { class: 'minutes-box' }, el('h3', {}, t('minutesLeft')), dl);
}

/** Title, actions and summary (covered figure, per-area bars, minutes left). */
export function renderHead(t: Translate, s: SeriesHead): HTMLElement {
  const inProgress = s.areas.reduce((n, a) => n + a.inProgress, 0);
  const coveredText = t('covered', s.covered, s.total);
  const scope = `${s.id}|head`;
  const actions = el('div', { class: 'actions' }, openButton(t, scope, t('openReadme'), s.readme, undefined, 'secondary'));
  if (s.matrix !== undefined) {
    actions.appendChild(openButton(t, scope, t('openMatrix'), s.matrix, undefined, 'secondary'));
    actions.appendChild(el('button', { type: 'button', class: 'primary', 'data-action': 'sync', 'data-series': s.id, 'data-focus': `${scope}|sync`, title: t('syncTitle') }, t('sync')));
  }
  const head = el('div', { class: 'series-head' },
    el('div', { class: 'title-row' }, el('h2', {}, s.title), actions));
  if (s.matrix === undefined) {
    head.appendChild(el('p', { class: 'empty' }, t('noMatrix')));
  } else {
    const areaList = el('ul', { class: 'areas' });
    for (const a of s.areas) {
      areaList.appendChild(el('li', { class: 'area' },
        el('span', { class: 'area-label', title: a.area, 'aria-hidden': 'true' }, a.area),
        progressBar(a.area, t('progressValue', a.done, a.total, a.inProgress), t('areaProgress', a.area, a.done, a.total, a.inProgress), a.done, a.inProgress, a.total),
        // the bar says the same in words
        el('span', { class: 'area-figure', 'aria-hidden': 'true' }, `${a.done}/${a.total}`)));
    }
    head.appendChild(el('div', { class: 'summary' },
      el('div', { class: 'overall' },
        el('p', { class: 'covered' }, coveredText),
        progressBar(t('coveredName'), t('progressValue', s.covered, s.total, inProgress), coveredText, s.covered, inProgress, s.total),
        areaList),
      minutesList(t, s)));
  }
  return head;
}

/** Unlisted chapters and files, remaining gaps, matrix problems. */
export function renderTail(t: Translate, s: SeriesHead): HTMLElement {
  const tail = el('div', { class: 'series-tail' });
  if (s.matrix === undefined) return tail;
  const readmeScope = `${s.id}|readme-only`, matrixScope = `${s.id}|matrix-only`;
  const readmeOnly = el('ul', { class: 'unlisted' });
  for (const c of s.readmeOnly) {
    readmeOnly.appendChild(el('li', {},
      openButton(t, readmeScope, c.label, s.readme, c.line), ' ',
      el('span', { class: 'muted' }, c.category), ' ', stateBadge(t, c.state),
      c.priority !== undefined && el('span', { class: `priority priority-${c.priority}` }, ` ${priorityLabel(t, c.priority)}`),
      c.state === 'missing' && createButton(t, readmeScope, c.file)));
  }
  const matrixOnly = el('ul', { class: 'unlisted' });
  for (const f of s.matrixOnly) {
    matrixOnly.appendChild(el('li', {},
      f.state === 'missing' ? openButton(t, matrixScope, f.href, s.matrix, f.line) : openButton(t, matrixScope, f.href, f.file), ' ',
      el('span', { class: 'muted' }, f.topic), ' ', stateBadge(t, f.state),
      f.state === 'missing' && createButton(t, matrixScope, f.file)));
  }
  tail.append(
    el('section', { class: 'block' }, el('h3', {}, t('withCount', t('readmeOnly'), s.readmeOnly.length)),
      s.readmeOnly.length ? readmeOnly : el('p', { class: 'muted' }, t('none'))),
    el('section', { class: 'block' }, el('h3', {}, t('withCount', t('matrixOnly'), s.matrixOnly.length)),
      s.matrixOnly.length ? matrixOnly : el('p', { class: 'muted' }, t('none'))),
    el('section', { class: 'block' }, el('h3', {}, t('gaps')),
      el('div', { class: 'gaps' }, s.gaps.trim() === '' ? t('none') : s.gaps.trim())),
  );
  if (s.matrixProblems.length) {
    tail.append(el('section', { class: 'block problems' }, el('h3', {}, t('matrixProblems')),
      el('ul', {}, ...s.matrixProblems.map(p => el('li', {}, p.message)))));
  }
  return tail;
}

/** Said when the filters hide every row, with the toolbar's *Clear filters* again where the eye is. */
export function renderNoMatch(t: Translate): HTMLElement {
  return el('div', { id: 'no-match', class: 'no-match', hidden: true },
    el('p', { class: 'empty' }, t('noMatch')),
    el('button', { type: 'button', class: 'secondary', id: 'clear-filters-empty' }, t('clearFilters')));
}
