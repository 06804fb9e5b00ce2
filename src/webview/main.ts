import type { CoverageViewModel, RowView, SeriesView } from '../core/coverage/viewModel';
import { applyPatch, overallCoverage, PRIORITY_BUCKETS } from '../core/coverage/viewModel';
import { clear, el } from './dom';
import { EMPTY_FILTERS, isFiltering, restoreFilters, restoreScroll, rowMatches, type FilterState, type StatusFilter } from './filters';
import { probePage } from './probe';
import type { HostMessage, PageMessage } from './protocol';
import {
  priorityLabel, renderAreaRow, renderHead, renderNoMatch, renderRow, renderTable, renderTail, setPathRule, statusLabel, type Translate,
} from './render';
import { formatString, PAGE_STRINGS, type StringKey } from './strings';

/** The coverage page: receives the model and patches from the host, renders them, keeps the filters. */

interface VsCodeApi {
  postMessage(message: PageMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();
const saved = api.getState() as { filters?: unknown; scrollY?: unknown } | undefined;
let filters: FilterState = restoreFilters(saved?.filters);
/** where the page was scrolled when VS Code last destroyed it (hidden tab, reload), applied after the first model */
let pendingScroll = restoreScroll(saved?.scrollY);
let scrollY = pendingScroll ?? 0;
let strings: Record<string, string> = {};
/** the folder indexed, named by the host when the workspace has several */
let folder: string | undefined;
let model: CoverageViewModel | undefined;

const t: Translate = (key: StringKey, ...args) => formatString(strings[key] ?? PAGE_STRINGS[key], args);

interface SeriesDom {
  section: HTMLElement;
  head: HTMLElement;
  table: HTMLTableElement;
  shown: HTMLElement;
  tail: HTMLElement;
}
const seriesDom = new Map<string, SeriesDom>();

const toolbar = document.getElementById('toolbar') as HTMLElement;
const content = document.getElementById('content') as HTMLElement;
const live = document.getElementById('live') as HTMLElement;

// ---------------------------------------------------------------------------------------------
// Toolbar

let searchInput: HTMLInputElement | undefined;
let areaSelect: HTMLSelectElement | undefined;
let statusSelect: HTMLSelectElement | undefined;
let prioritySelect: HTMLSelectElement | undefined;

function option(value: string, text: string, selected: boolean): HTMLOptionElement {
  const o = el('option', { value }, text);
  o.selected = selected;
  return o;
}

function buildToolbar(): void {
  clear(toolbar);
  searchInput = el('input', { type: 'search', id: 'search', placeholder: t('search'), 'aria-label': t('search'), spellcheck: 'false' });
  searchInput.value = filters.query;
  areaSelect = el('select', { id: 'filter-area', 'aria-label': t('area') });
  statusSelect = el('select', { id: 'filter-status', 'aria-label': t('status') });
  const statuses: [StatusFilter, string][] = [
    ['', t('allStatuses')], ['pending', statusLabel(t, 'pending')], ['in-progress', statusLabel(t, 'in-progress')],
    ['done', statusLabel(t, 'done')], ['mismatch', t('mismatchesOnly')], ['missing', t('missingFiles')],
  ];
  for (const [v, text] of statuses) statusSelect.appendChild(option(v, text, filters.status === v));
  prioritySelect = el('select', { id: 'filter-priority', 'aria-label': t('priority') });
  prioritySelect.appendChild(option('', t('allPriorities'), filters.priority === ''));
  for (const p of PRIORITY_BUCKETS) prioritySelect.appendChild(option(p, priorityLabel(t, p), filters.priority === p));
  const clearButton = el('button', { type: 'button', class: 'secondary', id: 'clear-filters' }, t('clearFilters'));
  toolbar.append(
    el('label', { class: 'field search-field' }, el('span', { class: 'visually-hidden' }, t('search')), searchInput),
    el('label', { class: 'field' }, el('span', {}, t('area')), areaSelect),
    el('label', { class: 'field' }, el('span', {}, t('status')), statusSelect),
    el('label', { class: 'field' }, el('span', {}, t('priority')), prioritySelect),
    clearButton,
  );
  updateAreaOptions();
  // an IME's unfinished text (Zhuyin before a candidate is picked) is not searched: the rows would vanish and the
  // count be announced mid-word; the text is searched when the composition ends (some browsers send no input after it)
  searchInput.addEventListener('input', e => { if (!(e as InputEvent).isComposing) setQuery(searchInput?.value ?? ''); });
  searchInput.addEventListener('compositionend', () => setQuery(searchInput?.value ?? ''));
  searchInput.addEventListener('keydown', e => {
    // Escape while composing cancels the composition, not the search
    if (e.key === 'Escape' && !e.isComposing && searchInput && searchInput.value !== '') { searchInput.value = ''; setQuery(''); e.preventDefault(); }
  });
  areaSelect.addEventListener('change', () => setFilters({ ...filters, area: areaSelect?.value ?? '' }));
  statusSelect.addEventListener('change', () => setFilters({ ...filters, status: (statusSelect?.value ?? '') as StatusFilter }));
  prioritySelect.addEventListener('change', () => setFilters({ ...filters, priority: restoreFilters({ priority: prioritySelect?.value }).priority }));
  clearButton.addEventListener('click', clearFilters);
}

function clearFilters(): void {
  setFilters({ ...EMPTY_FILTERS });
  if (searchInput) searchInput.value = '';
  if (areaSelect) areaSelect.value = '';
  if (statusSelect) statusSelect.value = '';
  if (prioritySelect) prioritySelect.value = '';
}

/** "No rows match the filters" with a *Clear filters* button, above the series while the filters hide every row. */
let noMatch: HTMLElement | undefined;
function showNoMatch(show: boolean): void {
  if (!noMatch) {
    if (!show) return;
    noMatch = renderNoMatch(t);
    // the button hides itself: the focus goes to the search box rather than to <body>
    noMatch.querySelector('button')?.addEventListener('click', () => { clearFilters(); searchInput?.focus(); });
    document.body.insertBefore(noMatch, content);
  }
  if (noMatch.hidden === show) noMatch.hidden = !show;
}

function updateAreaOptions(): void {
  if (!areaSelect || !model) return;
  const areas: string[] = [];
  const seen = new Set<string>();
  for (const s of model.series) for (const a of s.areas) if (!seen.has(a.area)) { seen.add(a.area); areas.push(a.area); }
  if (filters.area !== '' && !seen.has(filters.area)) areas.push(filters.area);
  // rebuilding the options closes the dropdown and moves a screen reader's place: only when the list changed
  const current = Array.from(areaSelect.options).map(o => o.value);
  if (current.length === areas.length + 1 && current[0] === '' && areas.every((a, i) => current[i + 1] === a)) {
    if (areaSelect.value !== filters.area) areaSelect.value = filters.area;
    return;
  }
  clear(areaSelect);
  areaSelect.appendChild(option('', t('allAreas'), filters.area === ''));
  for (const a of areas) areaSelect.appendChild(option(a, a, filters.area === a));
}

function saveState(): void {
  api.setState({ filters, scrollY });
}

function setQuery(query: string): void {
  if (query !== filters.query) setFilters({ ...filters, query });
}

function setFilters(next: FilterState): void {
  filters = next;
  saveState();
  applyFilters();
  announceFilterResult();
}

/** The page keeps no context while hidden: its scroll offset goes into the saved state (once per frame). */
let scrollSaveQueued = false;
window.addEventListener('scroll', () => {
  if (scrollSaveQueued || pendingScroll !== undefined) return;
  scrollSaveQueued = true;
  requestAnimationFrame(() => {
    scrollSaveQueued = false;
    scrollY = Math.max(0, Math.round(window.scrollY));
    saveState();
  });
});

// ---------------------------------------------------------------------------------------------
// Rendering

function rowsByKey(s: SeriesView): Map<string, RowView> {
  return new Map(s.rows.map(r => [r.key, r]));
}

function applyFiltersTo(s: SeriesView, dom: SeriesDom): number {
  const rows = rowsByKey(s);
  let shown = 0;
  for (const tbody of Array.from(dom.table.tBodies)) {
    let any = false;
    for (const tr of Array.from(tbody.rows)) {
      const key = tr.dataset.key;
      if (key === undefined) continue;
      const row = rows.get(key);
      const ok = row !== undefined && rowMatches(row, filters);
      tr.hidden = !ok;
      if (ok) { any = true; shown++; }
    }
    const areaRow = tbody.querySelector('tr.area-row') as HTMLTableRowElement | null;
    if (areaRow) areaRow.hidden = !any;
  }
  const text = isFiltering(filters) ? shownText(shown, s.rows.length) : '';
  if (dom.shown.textContent !== text) dom.shown.textContent = text;
  return shown;
}

/** `3 of 12 rows shown`, `1 of 1 row shown` */
function shownText(shown: number, total: number): string {
  return total === 1 ? t('shownOfOne', shown) : t('shownOf', shown, total);
}

/** Filters every series; returns the rows shown and the rows in all. */
function applyFilters(): { shown: number; total: number } {
  let shown = 0, total = 0;
  if (!model) return { shown, total };
  for (const s of model.series) {
    const d = seriesDom.get(s.id);
    if (!d) continue;
    shown += applyFiltersTo(s, d);
    total += s.rows.length;
  }
  showNoMatch(shown === 0 && total > 0 && isFiltering(filters));
  return { shown, total };
}

/** Says how many rows a filter change left, once typing pauses (screen readers; live updates say nothing). */
let announceTimer: ReturnType<typeof setTimeout> | undefined;
function announceFilterResult(): void {
  if (announceTimer !== undefined) clearTimeout(announceTimer);
  announceTimer = setTimeout(() => {
    announceTimer = undefined;
    if (!model) return;
    const { shown, total } = applyFilters();
    live.textContent = shownText(shown, total);
  }, 500);
}

/**
 * Says the new coverage figure after live updates, politely: once the updates pause (the model changes on every
 * keystroke while the user edits a note) and only when the figure changed since it was last said or shown.
 */
const UPDATE_ANNOUNCE_MS = 1500;
let updateTimer: ReturnType<typeof setTimeout> | undefined;
let toldCoverage = '';

function coverageFigure(m: CoverageViewModel): { covered: number; total: number; key: string } {
  const { covered, total } = overallCoverage(m);
  return { covered, total, key: `${covered}/${total}` };
}

function announceUpdate(): void {
  if (updateTimer !== undefined) clearTimeout(updateTimer);
  updateTimer = setTimeout(() => {
    updateTimer = undefined;
    if (!model) return;
    const f = coverageFigure(model);
    if (f.key === toldCoverage) return;
    toldCoverage = f.key;
    live.textContent = f.total === 1 ? t('coverageUpdatedOne', f.covered) : t('coverageUpdated', f.covered, f.total);
  }, UPDATE_ANNOUNCE_MS);
}

function buildSeries(s: SeriesView): SeriesDom {
  const head = renderHead(t, s);
  const table = renderTable(t, s);
  // not a live region: live updates rewrite it; a filter change is announced once through #live
  const shown = el('p', { class: 'shown muted' });
  const tail = renderTail(t, s);
  const section = el('section', { class: 'series', 'aria-label': s.title });
  section.append(head);
  // a narrow or zoomed panel scrolls the table sideways (the CSS makes the wrapper scroll), not the whole page
  if (s.matrix !== undefined) section.append(el('div', { class: 'table-scroll' }, table), shown);
  section.append(tail);
  return { section, head, table, shown, tail };
}

function replaceSeries(s: SeriesView): void {
  const fresh = buildSeries(s);
  const old = seriesDom.get(s.id);
  if (old) old.section.replaceWith(fresh.section); else content.appendChild(fresh.section);
  seriesDom.set(s.id, fresh);
}

/** The page's one h1 (its title), above the toolbar: headings go h1 page, h2 series, h3 parts of a series. */
function ensurePageTitle(): void {
  let h1 = document.getElementById('page-title');
  if (!h1) {
    h1 = el('h1', { id: 'page-title', class: 'page-title' });
    document.body.insertBefore(h1, toolbar);
  }
  const title = folder === undefined ? t('title') : t('titleIn', folder);
  if (h1.textContent !== title) h1.textContent = title;
}

function renderAll(): void {
  clear(content);
  seriesDom.clear();
  if (!model) return;
  // nothing to filter without a series
  toolbar.hidden = model.series.length === 0;
  if (model.series.length === 0) {
    showNoMatch(false);
    content.appendChild(el('p', { class: 'empty' }, t('noSeries')));
    return;
  }
  for (const s of model.series) replaceSeries(s);
  updateAreaOptions();
  applyFilters();
}

function focusTargets(): HTMLElement[] {
  return Array.from(content.querySelectorAll<HTMLElement>('[data-focus]'));
}

/** A control a filter hid cannot keep the focus (the browser drops it to <body>). */
function isShown(e: HTMLElement): boolean {
  return e.closest('[hidden]') === null;
}

/** `<series>|row:<key>` of `<series>|row:<key>|open:<file>:<line>`: where on the page a control sits. */
function scopeOf(key: string): string {
  return key.slice(0, key.lastIndexOf('|'));
}

/**
 * Focus survives a re-render: the element with the same data-focus key gets it back. When that control is
 * gone (a Create button once its note exists, a row the matrix lost) or a filter now hides it, the focus goes
 * to its neighbour rather than to <body>: the control just before it in the same row or list item, else the
 * next control on the page, else the one before. Without scrolling: the user may have scrolled away from it.
 */
function withFocusKept(render: () => void): void {
  const active = document.activeElement as HTMLElement | null;
  const key = active && content.contains(active) ? active.dataset?.focus : undefined;
  const order = key === undefined ? [] : focusTargets().map(e => e.dataset.focus ?? '');
  render();
  if (key === undefined || !active || (document.activeElement === active && isShown(active))) return;
  const now = new Map<string, HTMLElement>();
  for (const e of focusTargets()) {
    const k = e.dataset.focus;
    if (k !== undefined && !now.has(k) && isShown(e)) now.set(k, e);
  }
  const i = order.indexOf(key);
  const candidates = [key];
  if (i > 0 && scopeOf(order[i - 1]!) === scopeOf(key)) candidates.push(order[i - 1]!);
  candidates.push(...order.slice(i + 1), ...order.slice(0, Math.max(i, 0)).reverse());
  for (const k of candidates) {
    const e = now.get(k);
    if (e) { e.focus({ preventScroll: true }); return; }
  }
}

/**
 * The table headers stick right under the sticky toolbar, whose height changes when it wraps
 * (narrow panel, longer translated labels): the CSS reads it from --nn-toolbar-height.
 */
function trackToolbarHeight(): void {
  const set = () => document.documentElement.style.setProperty('--nn-toolbar-height', `${toolbar.offsetHeight}px`);
  set();
  if (typeof ResizeObserver === 'function') new ResizeObserver(set).observe(toolbar);
  else window.addEventListener('resize', set);
}

function onModel(next: CoverageViewModel): void {
  model = next;
  // the page shows this figure: nothing to announce until it changes
  toldCoverage = coverageFigure(next).key;
  if (updateTimer !== undefined) { clearTimeout(updateTimer); updateTimer = undefined; }
  ensurePageTitle();
  if (!searchInput) { buildToolbar(); trackToolbarHeight(); }
  withFocusKept(renderAll);
  if (pendingScroll !== undefined) {
    const y = pendingScroll;
    // after layout, once the rows are on the page
    requestAnimationFrame(() => { pendingScroll = undefined; window.scrollTo(0, y); });
  }
}

function onPatch(patch: Parameters<typeof applyPatch>[1]): void {
  if (!model) return;
  const wasEmpty = model.series.length === 0;
  const before = new Map(model.series.map(s => [s.id, s]));
  const { model: next, touched } = applyPatch(model, patch);
  model = next;
  announceUpdate();
  if (wasEmpty || next.series.length === 0) { withFocusKept(renderAll); return; }
  withFocusKept(() => {
    const ids = new Set(next.series.map(s => s.id));
    for (const [id, d] of seriesDom) if (!ids.has(id)) { d.section.remove(); seriesDom.delete(id); }
    for (const s of next.series) {
      const touch = touched.get(s.id);
      const dom = seriesDom.get(s.id);
      if (!touch) continue;
      // the section's name, the table's caption and the rows' topic buttons (which open the matrix) carry these too
      const old = before.get(s.id);
      const renamed = old !== undefined && (old.title !== s.title || old.matrix !== s.matrix);
      if (!dom || touch.added || (touch.head && touch.table) || renamed) { replaceSeries(s); continue; }
      if (touch.head) {
        const head = renderHead(t, s), tail = renderTail(t, s);
        dom.head.replaceWith(head); dom.tail.replaceWith(tail);
        dom.head = head; dom.tail = tail;
      }
      if (touch.table) {
        const table = renderTable(t, s);
        dom.table.replaceWith(table);
        dom.table = table;
        continue;
      }
      if (touch.head) {
        const progress = new Map(s.areas.map(a => [a.area, a]));
        for (const tr of Array.from(dom.table.querySelectorAll<HTMLTableRowElement>('tr.area-row'))) {
          const area = tr.dataset.area ?? '';
          tr.replaceWith(renderAreaRow(t, area, progress.get(area)));
        }
      }
      if (touch.rows.size) {
        for (const tr of Array.from(dom.table.querySelectorAll<HTMLTableRowElement>('tr.row'))) {
          const key = tr.dataset.key;
          if (key === undefined || !touch.rows.has(key)) continue;
          const row = s.rows.find(r => r.key === key);
          if (row) tr.replaceWith(renderRow(t, s, row));
        }
      }
    }
    // keep page order equal to model order, moving only what is out of place (a moved node loses the focus)
    let expected = content.firstChild;
    for (const s of next.series) {
      const d = seriesDom.get(s.id);
      if (!d) continue;
      if (d.section !== expected) content.insertBefore(d.section, expected);
      expected = d.section.nextSibling;
    }
    updateAreaOptions();
    applyFilters();
  });
}

// ---------------------------------------------------------------------------------------------
// Events

content.addEventListener('click', e => {
  const target = (e.target as Element | null)?.closest<HTMLElement>('[data-action]');
  if (!target) return;
  const action = target.dataset.action;
  if (action === 'open' && target.dataset.file) {
    const line = target.dataset.line !== undefined && target.dataset.line !== '' ? Number(target.dataset.line) : undefined;
    api.postMessage(line !== undefined && Number.isInteger(line) ? { type: 'open', file: target.dataset.file, line } : { type: 'open', file: target.dataset.file });
  } else if (action === 'create' && target.dataset.file) {
    api.postMessage({ type: 'create', file: target.dataset.file });
  } else if (action === 'sync' && target.dataset.series) {
    api.postMessage({ type: 'sync', series: target.dataset.series });
  }
});

document.addEventListener('keydown', e => {
  const active = document.activeElement;
  const typing = active instanceof HTMLInputElement || active instanceof HTMLSelectElement || active instanceof HTMLTextAreaElement;
  if (e.key === '/' && !typing && searchInput) { e.preventDefault(); searchInput.focus(); searchInput.select(); }
});

/** false until the first full model is on the page: a probe before that would describe an empty page */
let hasModel = false;

window.addEventListener('message', (event: MessageEvent) => {
  const msg = event.data as HostMessage;
  if (typeof msg !== 'object' || msg === null) return;
  const t0 = performance.now();
  if (msg.type === 'model') {
    strings = msg.strings;
    folder = typeof msg.folder === 'string' && msg.folder !== '' ? msg.folder : undefined;
    setPathRule(msg.pathRule === 'windows' ? 'windows' : 'posix');
    onModel(msg.model);
    hasModel = true;
    live.textContent = '';
    api.postMessage({ type: 'applied', version: msg.version, renderMs: Math.round(performance.now() - t0) });
  } else if (msg.type === 'patch') {
    onPatch(msg.patch);
    api.postMessage({ type: 'applied', version: msg.version, renderMs: Math.round(performance.now() - t0) });
  } else if (msg.type === 'probe' && hasModel) {
    if (typeof msg.scrollTo === 'number' && pendingScroll === undefined) window.scrollTo(0, msg.scrollTo);
    api.postMessage({ type: 'probeResult', id: msg.id, result: probePage(toolbar, content) });
  }
});

api.postMessage({ type: 'ready' });
