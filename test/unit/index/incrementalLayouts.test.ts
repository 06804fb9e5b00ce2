import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { defaultConfig, type NotesConfig } from '../../../src/core/config';
import { loadWorkspace } from '../../../src/core/index/load';
import { WorkspaceIndex } from '../../../src/core/index/workspaceIndex';
import { FM, MemoryReader, observe } from './memoryWorkspace';
import { relative as rel, rng, type Pick as Choose } from '../support/randomWorkspace';

/**
 * The incremental index against a fresh one, on layouts that incrementalDifferential's one series does not have:
 * series nested in series and at the workspace root, a matrix without its README, READMEs and matrices that name
 * files outside their folder (`../y/a.md`), cross-reference sides and chapter spans anywhere, in folders that come
 * and go, coverage files that are no notes; and names that collide: the same stem in several folders and cases,
 * titles from frontmatter and from `#` headings, aliases, path-like and relative wikilinks, notes the editor hides.
 * A seeded random walk of edits (notes written, deleted, renamed either way round, made unreadable; files and folders
 * coming and going; configs; batches), and after each step the index must say what a fresh load of the same files says.
 *
 * To hunt: LAYOUT_SEEDS / LAYOUT_BASE / LAYOUT_STEPS run other and more walks; LAYOUT_DUMP=file writes a failing
 * walk, its edits cut down to the fewest that still fail, for a test case.
 */

type Files = Record<string, string | Uint8Array>;

const PATHS = [
  'kafka.md', 'Kafka.md', 'x/kafka.md', 'x/Kafka.md', 'y/KAFKA.md', 'x/sub/kafka.md',
  'x/01_intro.md', 'x/02_more.md', 'x/sub/01_a.md', 'x/sub/03_c.md', 'y/note.md', 'y/Note.md', 'y/alpha.md', 'r/01_r.md', 'r/02_r.md',
  'x/README.md', 'x/readme.md', 'x/coverage_matrix.md', 'x/sub/README.md', 'x/sub/coverage_matrix.md',
  'README.md', 'coverage_matrix.md', 'y/coverage_matrix.md', 'z/deep/beta.md',
];
const OTHER = ['img/kafka.png', 'x/diagram.png', 'y/Note.pdf', 'z/deep/figure.png'];
const HIDDEN = ['h/kafka.md', 'h/Note.md', 'h/alpha.md', 'x/h/beta.md'];
const TITLES = ['Kafka', 'kafka', 'Note', 'Alpha', 'Beta', 'Intro', 'x/kafka', 'Setup'];
const ALIASES = ['Gamma', 'kafka', 'Alpha', 'note', 'Delta'];
const HEADINGS = ['Setup', 'Setup', 'Intro', 'Deep Dive', '設計取捨', 'Q&A: edge', 'Kafka'];
const FRAGS = ['setup', 'setup-1', 'intro', 'deep-dive', '設計取捨', 'qa-edge', 'kafka', 'nope', 'Setup', 'Deep Dive'];
const WIKI = ['kafka', 'Kafka', 'KAFKA', 'x/kafka', 'sub/kafka', './kafka', '../kafka', '../y/note', 'note', 'Note', 'alpha', 'Alpha',
  'Beta', 'Gamma', 'Delta', 'Intro', 'Setup', 'x/Kafka', '/kafka', 'beta', 'kafka.png', 'note.pdf', '01_intro', 'readme'];
const UNREADABLE = new Uint8Array([0xff, 0xfe, 0x00, 0x41]);
const STRUCTURAL = /(^|\/)(README|readme|coverage_matrix)\.md$/;

const CONFIGS: NotesConfig[] = [
  defaultConfig(),
  { ...defaultConfig(), rules: { ...defaultConfig().rules, 'link-anchor-broken': 'off', 'wikilink-broken': 'warning' } },
  { ...defaultConfig(), draftStatuses: ['draft', 'active'] },
  { ...defaultConfig(), exclude: ['y/**'] },
  { ...defaultConfig(), unlistedGlobs: ['h'] },
  { ...defaultConfig(), priorityLabels: { ...defaultConfig().priorityLabels, important: ['Important'] } },
  { ...defaultConfig(), statusWords: { ...defaultConfig().statusWords, done: ['Done'] } },
  { ...defaultConfig(), requiredFields: ['title'], allowedValues: {} },
  { ...defaultConfig(), include: ['x/**', '*.md'] },
];

const folderOf = (file: string) => (file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '');

function noteText(file: string, r: () => number, pick: Choose): string {
  const parts: string[] = [];
  const fm = r();
  if (fm < 0.5) {
    const status = `status: ${pick(['active', 'active', 'draft'])}\n`;
    const aliases = r() < 0.35 ? `aliases: [${pick(ALIASES)}${r() < 0.3 ? ', ' + pick(ALIASES) : ''}]\n` : '';
    parts.push(FM(JSON.stringify(pick(TITLES)), aliases).replace('status: active\n', status));
  } else if (fm < 0.8) {
    // no title: the first `#` heading's, else the file name
    parts.push(FM('x').replace('title: x\n', ''));
  } else if (fm < 0.85) parts.push('---\ntitle: [unclosed\n---\n');
  if (r() < 0.5) parts.push(`# ${pick(TITLES)}\n`);
  const n = 1 + Math.floor(r() * 7);
  for (let k = 0; k < n; k++) {
    const w = r();
    const target = pick([...PATHS, ...OTHER, 'missing.md', 'x/04_planned.md']);
    const frag = r() < 0.5 ? '#' + pick(FRAGS) : '';
    if (w < 0.22) parts.push(`## ${pick(HEADINGS)}\n`);
    else if (w < 0.45) parts.push(`Wiki [[${pick(WIKI)}${r() < 0.5 ? '#' + pick([...HEADINGS, ...FRAGS]) : ''}${r() < 0.2 ? '|alias' : ''}]].\n`);
    else if (w < 0.6) parts.push(`See [x](${rel(file, target)}${frag}).\n`);
    else if (w < 0.66) parts.push(`Bare [x](${rel(file, target).replace(/\.md$/, '')}${frag}).\n`);
    else if (w < 0.76) parts.push(`Ref \`${pick(['01_intro.md', 'sub/01_a.md', '01_a.md', 'y/note.md', 'kafka.md', 'x/02_more.md', '02_more.md', '03_c.md'])}\`.\n`);
    else if (w < 0.8) parts.push(`[self](#${pick(FRAGS)})\n`);
    else if (w < 0.84) parts.push(`<a id="${pick(FRAGS)}"></a>\n`);
    else if (w < 0.88) parts.push(`[dir](${rel(file, target).replace(/[^/]*$/, '')})\n`);
    else if (w < 0.92) parts.push(`![i](${rel(file, pick(OTHER))})\n`);
    else if (w < 0.94) parts.push(`Self [[#${pick([...HEADINGS, ...FRAGS])}]] and [[${pick(WIKI)}#^block]].\n`);
    else if (w < 0.96) parts.push(`Ref-style [x][r${k}].\n\n[r${k}]: <${rel(file, target)}>${frag}\n`);
    else if (w < 0.97) parts.push(`Spaced [x](${rel(file, 'y/my note.md').replace(/ /g, '%20')}${frag}) and [[my note]].\n`);
    else parts.push('Plain text line.\n');
  }
  // long enough to count as written, sometimes
  if (r() < 0.6) parts.push('Body text that is long enough to count as a written note. '.repeat(8) + '\n');
  return parts.join('\n');
}

/** The notes a README or matrix in the folder of `file` lists as its own (its folder's, at any depth). */
const notesBelow = (file: string) => PATHS.filter(p => !STRUCTURAL.test(p) && (folderOf(file) === '' || p.startsWith(folderOf(file) + '/')));

function readmeText(file: string, r: () => number, pick: Choose): string {
  const folder = folderOf(file);
  const lines = [r() < 0.5 ? FM('Series') : '', `# ${pick(TITLES)}`, '',
    '## Batch Learning Route', '', `- Batch 1: \`01\`, \`0${1 + Math.floor(r() * 4)}\` (start)`, '',
    '## Reading Priority', '', `- Must-read (\`必讀\`): \`01\`${r() < 0.5 ? ', `03`' : ''}`, '', '## Chapters', '', '### Cat', ''];
  if (r() < 0.1) return lines.slice(0, 2).join('\n') + '\n\nNo chapters heading.\n';
  for (const c of notesBelow(file).filter(() => r() < 0.5)) {
    lines.push(`- [${c.slice(c.lastIndexOf('/') + 1, -3)}](${rel(file, c)}) - ${pick(['必讀', '重要', '可跳讀'])} - ${5 + Math.floor(r() * 40)} min`);
  }
  if (r() < 0.3) lines.push('- [04_planned](04_planned.md) - 重要 - 20 min');
  if (r() < 0.3) lines.push(`- [k](${pick(['kafka.md', 'sub/kafka.md', 'Kafka.md'])}) - ${pick(['重要', 'Important'])} - 20 min`);
  if (r() < 0.2) lines.push(`- [h](${rel(file, 'h/kafka.md')}) - 重要 - 20 min`);
  // a chapter outside the series folder
  if (r() < 0.3 && folder !== '') lines.push(`- [o](${rel(file, pick(PATHS.filter(p => !p.startsWith(folder + '/'))))}) - 重要 - 20 min`);
  lines.push('');
  if (r() < 0.3) lines.push('## Support Documents', '', `- [sup](${rel(file, pick(PATHS))})`, '');
  if (r() < 0.3) lines.push('## Extra', '', `See [[${pick(WIKI)}#${pick(FRAGS)}]] and [x](${pick(['kafka.md', '01_intro.md#setup', 'sub/README.md'])}).`, '');
  return lines.join('\n');
}

function matrixText(file: string, r: () => number, pick: Choose): string {
  const own = notesBelow(file);
  const outside = PATHS.filter(p => !STRUCTURAL.test(p) && !own.includes(p));
  const row = (path: string) => `| Area | t | \`${path}\` | ${pick(['Done', 'Pending', 'In Progress', '完成'])} |`;
  const rows = own.filter(() => r() < 0.4).map(p => row(rel(file, p)));
  // a coverage file outside the series folder, or one that is no note
  if (r() < 0.3 && outside.length) rows.push(row(rel(file, pick(outside))));
  if (r() < 0.2) rows.push(row(rel(file, pick(OTHER))));
  // a side: a note of the series or elsewhere, a span of chapters (in a nested series, outside the folder, in a folder
  // that comes and goes), a file in a folder that may not exist
  const side = (): string => {
    const w = r();
    if (w < 0.4 || !outside.length) return rel(file, pick(own));
    if (w < 0.55) return rel(file, pick(outside));
    if (w < 0.85) return rel(file, `${pick(['x', 'x/sub', 'r', 'z/deep', 'q'])}/${pick(['01-02', '01-03', '02-09', '05-06'])}`);
    return rel(file, pick(['z/deep/typo.md', 'r/typo.md', 'q/typo.md', 'x/sub/typo.md']));
  };
  const xrefs = Array.from({ length: 1 + Math.floor(r() * 3) }, () => `- \`${side()}\` <-> \`${side()}\``);
  return ['# Coverage', '', '| Capability Area | Required Topic | Coverage Files | Status |', '| --- | --- | --- | --- |', ...rows, '',
    '## Cross-references', '', ...xrefs, '', '## Remaining Gaps', '', '- none', ''].join('\n');
}

function textFor(file: string, r: () => number, pick: Choose): string {
  if (/(^|\/)(README|readme)\.md$/.test(file)) return r() < 0.85 ? readmeText(file, r, pick) : noteText(file, r, pick);
  if (file.endsWith('coverage_matrix.md')) return r() < 0.85 ? matrixText(file, r, pick) : noteText(file, r, pick);
  return noteText(file, r, pick);
}

// ----------------------------------------------------------------------------------------- edits

/**
 * An edit, as the editor tells the index: a file written (text, or bytes that are no UTF-8), a file or folder deleted,
 * a file that is no note added, the hidden notes or the config changed, a batch begun or ended (at once, or in slices).
 */
type Edit = { k: 'write'; f: string; v: string | Uint8Array } | { k: 'delete'; f: string } | { k: 'add'; f: string }
  | { k: 'hidden'; hidden: string[] } | { k: 'config'; c: number } | { k: 'begin' } | { k: 'end'; slices: boolean };

/** What the index has been told: the files, the config, the hidden notes, and the batches begun. */
interface State {
  files: Files;
  config: NotesConfig;
  hidden: string[];
  batches: number;
}

/** An index loaded afresh from what `s` holds. */
async function fresh(s: State): Promise<WorkspaceIndex> {
  const index = new WorkspaceIndex(s.config);
  await loadWorkspace(index, new MemoryReader(s.files));
  if (s.hidden.length) index.setHiddenNotes(s.hidden);
  return index;
}

/** Makes `edit` to the files of `s` and tells `index`. */
async function apply(index: WorkspaceIndex, s: State, edit: Edit): Promise<void> {
  switch (edit.k) {
    case 'write':
      s.files[edit.f] = edit.v;
      if (!index.isIncluded(edit.f)) index.addFile(edit.f);
      else if (typeof edit.v === 'string') index.updateNote(edit.f, edit.v);
      else index.setUnreadable(edit.f, 'not UTF-8');
      return;
    case 'delete':
      // a file, or a folder and everything below it
      for (const f of Object.keys(s.files)) if (f === edit.f || f.startsWith(edit.f + '/')) delete s.files[f];
      index.removeFile(edit.f);
      return;
    case 'add':
      s.files[edit.f] = new Uint8Array([1]);
      index.addFile(edit.f);
      return;
    case 'hidden':
      s.hidden = edit.hidden;
      index.setHiddenNotes(s.hidden);
      return;
    case 'config': {
      // as the extension does: severities alone re-check; anything else forgets the notes now left out and loads again
      const before = s.config;
      s.config = CONFIGS[edit.c];
      index.setConfig(s.config);
      if (JSON.stringify({ ...before, rules: undefined }) === JSON.stringify({ ...s.config, rules: undefined })) return;
      index.beginBatch();
      for (const f of [...index.files()]) if (index.isNote(f) && !index.isIncluded(f)) index.removeFile(f);
      index.endBatch();
      await loadWorkspace(index, new MemoryReader(s.files));
      return;
    }
    case 'begin':
      s.batches++;
      index.beginBatch();
      return;
    case 'end':
      s.batches--;
      if (edit.slices) await index.endBatchAsync(async () => {}, 1);
      else index.endBatch();
  }
}

/** The edits of one step of a walk, picked by `r` from what `files` holds now. */
function step(files: Files, r: () => number, pick: Choose, hidden: string[]): { did: string; edits: Edit[] } {
  const write = (f: string): Edit => ({ k: 'write', f, v: textFor(f, r, pick) });
  const op = r();
  const present = Object.keys(files).sort();
  if (op < 0.45) {
    const f = pick(PATHS);
    return { did: `write ${f}`, edits: [write(f)] };
  }
  if (op < 0.55 && present.length) {
    const f = pick(present);
    return { did: `delete ${f}`, edits: [{ k: 'delete', f }] };
  }
  if (op < 0.65) {
    const notes = present.filter(f => f.endsWith('.md'));
    const from = notes.length ? pick(notes) : undefined;
    const to = pick(PATHS);
    if (from === undefined || to === from || files[to] !== undefined) return { did: 'nothing', edits: [] };
    // the editor's order: the old path goes, then the new one comes; a watcher may report the new one first
    const moved: Edit = { k: 'write', f: to, v: files[from] };
    const gone: Edit = { k: 'delete', f: from };
    return { did: `rename ${from} -> ${to}`, edits: r() < 0.5 ? [gone, moved] : [moved, gone] };
  }
  if (op < 0.7) {
    const f = pick(OTHER);
    return files[f] !== undefined ? { did: `delete ${f}`, edits: [{ k: 'delete', f }] } : { did: `add ${f}`, edits: [{ k: 'add', f }] };
  }
  if (op < 0.74) {
    const f = pick(PATHS);
    return { did: `unreadable ${f}`, edits: [{ k: 'write', f, v: UNREADABLE }] };
  }
  if (op < 0.78) {
    // a Markdown file the editor hides (files.exclude): known by name only
    const h = pick(HIDDEN);
    const now = hidden.includes(h) ? hidden.filter(x => x !== h) : [...hidden, h];
    return { did: `hidden ${JSON.stringify(now)}`, edits: [{ k: 'hidden', hidden: now }] };
  }
  if (op < 0.82) {
    const c = Math.floor(r() * CONFIGS.length);
    return { did: `config ${c}`, edits: [{ k: 'config', c }] };
  }
  if (op < 0.88) {
    const f = pick(['x/sub', 'y', 'x', 'z', 'r']);
    return { did: `delete folder ${f}`, edits: [{ k: 'delete', f }] };
  }
  // several edits in one batch, as a rename of a folder or a bulk change arrives
  const edits: Edit[] = [];
  const parts: string[] = [];
  for (let k = 0; k < 3; k++) {
    const f = pick(PATHS);
    const gone = r() < 0.3 && files[f] !== undefined;
    edits.push(gone ? { k: 'delete', f } : write(f));
    parts.push((gone ? '-' : '') + f);
  }
  return { did: `batch ${parts.join(', ')}`, edits: [{ k: 'begin' }, ...edits, { k: 'end', slices: r() < 0.5 }] };
}

/** What the index and a fresh load of the same files say, each. */
async function compare(index: WorkspaceIndex, s: State): Promise<{ actual: unknown; expected: unknown }> {
  const keys = [...Object.keys(s.files), ...s.hidden];
  return { actual: observe(index, keys), expected: observe(await fresh(s), keys) };
}

/** Whether `edits` made on an index loaded from `start` still leave it saying something else than a fresh load. */
async function fails(start: Files, dependentsFirst: boolean, edits: Edit[]): Promise<boolean> {
  const s: State = { files: { ...start }, config: CONFIGS[0], hidden: [], batches: 0 };
  const index = await fresh(s);
  if (dependentsFirst) index.buildDependents();
  for (const e of edits) await apply(index, s, e);
  while (s.batches > 0) await apply(index, s, { k: 'end', slices: false });
  const { actual, expected } = await compare(index, s);
  return !isDeepStrictEqual(actual, expected);
}

/** The fewest starting files and edits that still fail, dropping one at a time while the failure stays. */
async function cutDown(start: Files, dependentsFirst: boolean, edits: Edit[]): Promise<{ start: Files; edits: Edit[] }> {
  let files = { ...start };
  let cur = edits.slice();
  for (let changed = true; changed;) {
    changed = false;
    for (let i = cur.length - 1; i >= 0; i--) {
      const next = cur.slice(0, i).concat(cur.slice(i + 1));
      if (await fails(files, dependentsFirst, next)) { cur = next; changed = true; }
    }
    for (const f of Object.keys(files)) {
      const next = { ...files };
      delete next[f];
      if (await fails(next, dependentsFirst, cur)) { files = next; changed = true; }
    }
  }
  return { start: files, edits: cur };
}

async function walk(seed: number, steps: number): Promise<void> {
  const r = rng(seed);
  const pick: Choose = xs => xs[Math.floor(r() * xs.length)];
  const start: Files = {};
  for (const f of PATHS) if (r() < 0.45) start[f] = textFor(f, r, pick);
  const s: State = { files: { ...start }, config: CONFIGS[0], hidden: [], batches: 0 };
  const index = await fresh(s);
  // the editor builds who-links-to-what after its load; otherwise it is built on first need
  const dependentsFirst = r() < 0.6;
  if (dependentsFirst) index.buildDependents();
  const history: string[] = [];
  const made: Edit[] = [];
  for (let k = 0; k < steps; k++) {
    const { did, edits } = step(s.files, r, pick, s.hidden);
    for (const e of edits) await apply(index, s, e);
    made.push(...edits);
    history.push(did);
    const { actual, expected } = await compare(index, s);
    if (process.env.LAYOUT_DUMP && !isDeepStrictEqual(actual, expected)) {
      const cut = await cutDown(start, dependentsFirst, made);
      writeFileSync(process.env.LAYOUT_DUMP, JSON.stringify({ seed, step: k + 1, dependentsFirst, ...cut }, (_, v) => (v instanceof Uint8Array ? [...v] : v), 1));
    }
    assert.deepEqual(actual, expected, `seed ${seed}, after step ${k + 1}:\n  ${history.join('\n  ')}`);
  }
}

describe('incremental index = fresh index on nested series, names outside the series folder and colliding names (randomised)', () => {
  const env = (k: string, d: number) => Number(process.env[k] ?? d);
  const base = env('LAYOUT_BASE', 1);
  for (let seed = base; seed < base + env('LAYOUT_SEEDS', 12); seed++) {
    it(`seed ${seed}`, async () => {
      await walk(seed, env('LAYOUT_STEPS', 40));
    });
  }
});
