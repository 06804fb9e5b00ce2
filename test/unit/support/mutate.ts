import { readFileSync } from 'node:fs';
import path from 'node:path';
import { filesUnder } from './files';

/**
 * Seeded mutations of a real workspace for the fuzz tests of the whole check: lines deleted, duplicated and
 * swapped, fences added and removed, files cut short, bytes that are no UTF-8 text spliced in, frontmatter values
 * of the wrong type, coverage-matrix rows and README chapter lines mangled, `.notes-navigator.json` bent out of
 * shape. The same seed gives the same workspace.
 */

export type Files = Record<string, string | Uint8Array>;
export type Rng = () => number;

/** A workspace of files from `dir` (every file, Markdown as text, the rest as bytes), under `prefix`. */
export function workspaceFrom(dir: string, prefix = ''): Files {
  const files: Files = {};
  for (const full of filesUnder(dir, '')) {
    const rel = prefix + path.relative(dir, full).split(path.sep).join('/');
    const bytes = readFileSync(full);
    files[rel] = /\.(md|json)$/i.test(rel) ? bytes.toString('utf8') : new Uint8Array(bytes);
  }
  return files;
}

/** The base workspaces: the examples, the seeds laid out as a series, and the test fixtures' series. */
export function baseWorkspaces(root = process.cwd()): Record<string, Files> {
  const seeds = workspaceFrom(path.join(root, 'test/fixtures/seeds'), 'backend/');
  return {
    examples: workspaceFrom(path.join(root, 'examples/notes')),
    seeds,
    clean: workspaceFrom(path.join(root, 'test/fixtures/clean')),
    mini: workspaceFrom(path.join(root, 'test/fixtures/mini')),
  };
}

const pickOf = (r: Rng) => <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: Rng, n: number) => Math.floor(r() * n);

/** YAML values of the wrong type, or strange ones, for a frontmatter field. */
const YAML_VALUES = [
  '[a, b]', '[]', '{a: 1}', '{}', '123', '-1', '1e400', '0x1F', '.nan', '.inf', '2026-01-01', '2026-02-30', '2026-01-01T10:00:00Z',
  'null', '~', '', 'true', 'no', '&anchor x', '*anchor', '*missing', '!!binary aGk=', '!!str 5', '!custom x', '"unterminated',
  "'single", '|', '>-', '"\\u0000"', '"\\ud800"', '- item', '? key', '<<: *anchor', '[[nested]]', '[unclosed', '{unclosed',
  'x'.repeat(5000), '必讀', '"a\\nb"', '@reserved', '`tick`', '%TAG', '---', '...', '#comment', ': colon', 'a: b: c',
];
const YAML_KEYS = ['title', 'note_type', 'domain', 'tags', 'created', 'updated', 'status', 'aliases', 'source', 'series', '<<', '? x', '"quoted"', 'title'];

/** Cells and ranges for coverage-matrix rows. */
const MATRIX_FILES = [
  '`rust/17_3-17_6`', '`rust/17_6-17_3`', '`17_6-17_3`', '`01-99999999`', '`01_1-01_999999`', '`09-03`', '`1-1`', '``', '`/`', '`..`',
  '`../../etc/passwd`', '`distributed_systems/12-15`', '`distributed_systems/15-12`', '`a-b`', '`12_-12_`', '`12_1-13_2`',
  '`system_design/01_scalability_fundamentals.md#frag`', '`C:\\x.md`', '`%2e%2e/x.md`', '`x.md`, `y.md`', '[link](x.md)',
  '`' + '9'.repeat(400) + '-1`', '`00-00`', '`-`', '`_`', '`01_scalability_fundamentals.md`',
];
const STATUS_WORDS = ['Done', 'Pending', 'In Progress', '完成', '進行中', '待建立', 'Done / 完成', '未完成', '', 'done', 'DONE', 'N/A', '✅', '`Done`', '**Done**'];
const PRIORITIES = ['必讀', '重要', '可跳讀', 'Must-read', 'must-read', 'Important', '', '必讀必讀', 'Critical', '`必讀`', '必讀 / 重要'];
const MINUTES = ['0 min', '-5 min', '99999999999999999999 min', 'NaN min', '1e400 min', '1.5 min', 'min', '90min', '90 分鐘', '', '90 min 90 min'];
const LABELS = ['', '01', '1', '001', '01_2_3', '99999999999999', '-1', '01-03', '01_01', ' ', '[x]', '必讀'];

/** Markdown tokens spliced into a line. */
const SNIPPETS = [
  '[x](', '[x](y.md', '](', '[[', ']]', '[[x|', '<a id="', '```', '~~~', '# ', '[^1]:', '[a]: <', '<!--', '-->', '|', '`', '\\',
  '![', '#', '%', '\t', '    ', '> ', '- ', '1. ', '<https://', '[x]: ', '<a name=x>', '&#0;', '&amp;', '\u00a0', '\u200b', '\u2028',
  '\ud800', '\udc00', '\ufeff', '\r', '\r\n', '\u0000', '\u0085', '🙂', '設計', '../', '/abs.md', 'file:///x.md', 'C:\\x', '[a](../../../x.md)',
  '<a href="', '<img src=', '<img src="../x.png">', '<a href=\'#', '<video src="', '<source srcset="a.png 2x, ', ' srcset=', ', b.png 1x', 'poster=',
];

/** Byte strings that make a file no valid UTF-8 text (or a different one). */
const BAD_BYTES: number[][] = [
  [0x00], [0xff], [0xc3], [0xed, 0xa0, 0x80], [0xed, 0xb0, 0x80], [0xef, 0xbb, 0xbf], [0xc0, 0xaf], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82],
  [0x0d], [0x80],
];

function lines(text: string): string[] {
  return text.split('\n');
}

/** One mutation of a Markdown text (as a string: lone surrogates stay, as an editor buffer can hold them). */
export function mutateText(text: string, r: Rng, file: string): string {
  const pick = pickOf(r);
  const ls = lines(text);
  const at = int(r, ls.length);
  const op = r();
  if (op < 0.07) { ls.splice(at, 1); return ls.join('\n'); }
  if (op < 0.12) { ls.splice(at, 0, ls[at]); return ls.join('\n'); }
  if (op < 0.17) { const b = int(r, ls.length); [ls[at], ls[b]] = [ls[b], ls[at]]; return ls.join('\n'); }
  if (op < 0.23) { ls.splice(r() < 0.3 ? 0 : at, 0, pick(['---', '---', '--- ', '----', '...', '+++'])); return ls.join('\n'); }
  if (op < 0.28) {
    const fences = ls.map((l, i) => (l.trim() === '---' ? i : -1)).filter(i => i >= 0);
    if (fences.length) ls.splice(pick(fences), 1);
    return ls.join('\n');
  }
  if (op < 0.32) return text.slice(0, int(r, text.length + 1));
  if (op < 0.36) return r() < 0.5 ? text.replace(/\n/g, '\r') : text.replace(/\n/g, () => pick(['\n', '\r\n', '\r']));
  if (op < 0.48) return mutateFrontmatter(ls, r).join('\n');
  if (op < 0.6 && /coverage_matrix|\|/.test(file + text)) return mutateTable(ls, r).join('\n');
  if (op < 0.72 && /README/i.test(file)) return mutateReadme(ls, r).join('\n');
  if (op < 0.8) {
    // a token spliced into a line
    const line = ls[at];
    const c = int(r, line.length + 1);
    ls[at] = line.slice(0, c) + pick(SNIPPETS) + line.slice(c);
    return ls.join('\n');
  }
  if (op < 0.84) { ls[at] = ls[at].repeat(2 + int(r, 200)); return ls.join('\n'); }
  if (op < 0.88) { const c = int(r, text.length + 1); return text.slice(0, c) + pick(['\ud800', '\udfff', '\ufeff', '\u0000', '\r']) + text.slice(c); }
  if (op < 0.92) { const a = int(r, ls.length); const n = 1 + int(r, 8); ls.splice(a, 0, ...ls.slice(at, at + n)); return ls.join('\n'); }
  if (op < 0.96) { ls.splice(at, 1 + int(r, 10)); return ls.join('\n'); }
  // a heading renamed, a link target changed
  ls[at] = ls[at].replace(/\(([^)]*)\)/, (_, t: string) => `(${pick([t + 'x', t.replace(/\.md/, ''), t.toUpperCase(), '#' + t, t + '#nowhere', '', '<' + t + '>', t + ' "title"', t.replace(/\//g, '\\')])})`);
  return ls.join('\n');
}

function mutateFrontmatter(ls: string[], r: Rng): string[] {
  const pick = pickOf(r);
  const end = ls.indexOf('---', 1);
  const inFm = ls[0] === '---' && end > 0 ? Array.from({ length: end - 1 }, (_, i) => i + 1) : [];
  const op = r();
  if (inFm.length === 0 || op < 0.15) {
    // a frontmatter block where there was none, or one more
    ls.splice(0, 0, '---', `${pick(YAML_KEYS)}: ${pick(YAML_VALUES)}`, '---');
    return ls;
  }
  const at = pick(inFm);
  if (op < 0.6) ls[at] = ls[at].replace(/:.*$/, ': ' + pick(YAML_VALUES));
  else if (op < 0.7) ls.splice(at, 0, ls[at]); // a duplicate key
  else if (op < 0.8) ls.splice(at, 0, `${pick(YAML_KEYS)}: ${pick(YAML_VALUES)}`);
  else if (op < 0.85) ls.splice(at + 1, 0, '  - ' + pick(YAML_VALUES), '  - x');
  else if (op < 0.9) ls[at] = '  ' + ls[at];
  else if (op < 0.95) ls.splice(at, 0, 'base: &anchor', '  title: x', '<<: *anchor');
  else ls[at] = ls[at].replace(': ', ':');
  return ls;
}

function mutateTable(ls: string[], r: Rng): string[] {
  const pick = pickOf(r);
  const rows = ls.map((l, i) => (l.trimStart().startsWith('|') ? i : -1)).filter(i => i >= 0);
  if (rows.length === 0) return ls;
  const at = pick(rows);
  const cells = ls[at].split('|');
  const op = r();
  if (op < 0.2 && cells.length > 2) cells.splice(1 + int(r, cells.length - 2), 1);
  else if (op < 0.3) cells.splice(1 + int(r, cells.length), 0, pick(['', ' x ', ' `a.md` ']));
  else if (op < 0.6) cells[Math.min(3, cells.length - 1)] = ' ' + pick(MATRIX_FILES) + ' ';
  else if (op < 0.75) cells[Math.min(4, cells.length - 1)] = ' ' + pick(STATUS_WORDS) + ' ';
  else if (op < 0.8) return [...ls.slice(0, at), ls[at].replace(/\|\s*$/, ''), ...ls.slice(at + 1)];
  else if (op < 0.85) return [...ls.slice(0, at), ls[at].replace(/\|/g, '\\|'), ...ls.slice(at + 1)];
  else if (op < 0.9) return [...ls.slice(0, at), ...Array.from({ length: 1 + int(r, 50) }, () => ls[at]), ...ls.slice(at + 1)];
  else {
    // a cross-reference line mangled
    const x = ls.findIndex(l => l.includes('<->'));
    if (x >= 0) ls[x] = pick([`- ${pick(MATRIX_FILES)} <-> ${pick(MATRIX_FILES)}`, '- <->', '- `a` <-> ', ls[x] + ' <-> `x.md`', ls[x].replace('<->', '<-')]);
    return ls;
  }
  ls[at] = cells.join('|');
  return ls;
}

function mutateReadme(ls: string[], r: Rng): string[] {
  const pick = pickOf(r);
  const chapters = ls.map((l, i) => (/^\s*- \[/.test(l) ? i : -1)).filter(i => i >= 0);
  const batches = ls.map((l, i) => (/Batch|`\d/.test(l) ? i : -1)).filter(i => i >= 0);
  const op = r();
  if (op < 0.6 && chapters.length) {
    const at = pick(chapters);
    const m = /^(\s*- \[)([^\]]*)(\]\([^)]*\))(.*)$/.exec(ls[at]);
    if (!m) return ls;
    const [, lead, label, link, rest] = m;
    const q = r();
    if (q < 0.3) ls[at] = `${lead}${label}${link} - ${pick(PRIORITIES)} - ${pick(MINUTES)}`;
    else if (q < 0.5) ls[at] = `${lead}${pick(LABELS)}${link}${rest}`;
    else if (q < 0.6) ls[at] = `${lead}${label}${link}`;
    else if (q < 0.7) ls[at] = `${lead}${label}]${rest}`;
    else if (q < 0.8) ls[at] = `${lead}${label}${link.replace(/\d+/, d => pick(['0', '00', '999999999999', String(Number(d) + 1), '']))}${rest}`;
    else if (q < 0.9) ls[at] = `${lead}${label}${link}${rest}${rest}`;
    else ls[at] = '  '.repeat(int(r, 5)) + ls[at];
    return ls;
  }
  if (batches.length) {
    const at = pick(batches);
    ls[at] = ls[at].replace(/`(\d+)`/, (_, d: string) => '`' + pick(['0', '9999999999', d + d, '', '01-05', '05-01', '1_2', d + '_99', '-1', 'x']) + '`');
    if (r() < 0.3) ls[at] = ls[at].replace(/Batch \d+/, pick(['Batch 0', 'Batch -1', 'Batch 99999999999', 'Batch', 'Batch x']));
  }
  return ls;
}

/** Splices bytes that are no valid UTF-8 (or change the encoding) into a file's bytes. */
export function mutateBytes(bytes: Uint8Array, r: Rng): Uint8Array {
  const pick = pickOf(r);
  if (r() < 0.1) return new Uint8Array([...pick([[0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb, 0xbf]]), ...bytes]);
  const at = int(r, bytes.length + 1);
  const ins = pick(BAD_BYTES);
  const out = new Uint8Array(bytes.length + ins.length);
  out.set(bytes.subarray(0, at));
  out.set(ins, at);
  out.set(bytes.subarray(at), at + ins.length);
  return out;
}

const CONFIG_VALUES: unknown[] = [
  null, 1, 'x', true, [], {}, [1], ['**/*.md'], ['['], ['**/[a-'], ['{a,'], ['!(x'], ['\\'], ['!'], [''], ['*a*a*a*a*b'], ['**/**/**/**/x'],
  ['*(a|aa)b'], ['backend/**'], ['**/README.md'], ['**/coverage_matrix.md', '**/copy_*'], ['!backend/_lint_examples/**'], ['**/_lint_examples/**'], ['README.md'], ['**/*.MD'], ['x'.repeat(3000)],
  { error: 1 }, ['draft', 'active'], ['title', ' '], ['title', 'nope'], ['created', 'title'],
];
const SEVERITY_VALUES: unknown[] = ['error', 'warning', 'information', 'hint', 'off', 'fatal', 'Error', 1, null, [], {}, ''];

/** A `.notes-navigator.json` of good and bad settings (sometimes not JSON at all). */
export function configText(r: Rng): string {
  const pick = pickOf(r);
  const cfg: Record<string, unknown> = {};
  const n = 1 + int(r, 4);
  for (let k = 0; k < n; k++) {
    const key = pick(['include', 'exclude', 'rules', 'requiredFields', 'allowedValues', 'dateFields', 'draftStatuses', 'priorityLabels', 'statusWords',
      'matrixFileName', 'unknownKey', '$schema', '__proto__', 'constructor', 'unlistedFolders']);
    if (key === 'rules') {
      const rules: Record<string, unknown> = {};
      for (let j = 0; j < 1 + int(r, 4); j++) rules[pick(['link-broken', 'frontmatter-missing', 'coverage-unlisted', 'priority-mismatch', 'xref-missing-link', 'no-such-rule', 'link-anchor-broken', 'chapter-planned'])] = pick(SEVERITY_VALUES);
      cfg.rules = r() < 0.1 ? pick(CONFIG_VALUES) : rules;
    } else if (key === 'allowedValues') {
      cfg.allowedValues = r() < 0.2 ? pick(CONFIG_VALUES) : { [pick(['status', 'note_type', 'domain', '__proto__', 'tags', 'created'])]: pick([null, [], ['active'], ['backend', 'frontend'], 'x', [1], ['draft', 'active', 'review', 'archived']]) };
    } else if (key === 'priorityLabels' || key === 'statusWords') {
      const sub = key === 'priorityLabels' ? ['must-read', 'important', 'skippable'] : ['pending', 'in-progress', 'done'];
      cfg[key] = r() < 0.2 ? pick(CONFIG_VALUES) : { [pick([...sub, 'toString', 'other'])]: pick([[], [''], ['Done'], ['必讀'], ['重要', '必讀'], ['Pending', 'Done'], 'x', [1], ['完成', 'Finished']]) };
    } else if (key === 'matrixFileName') {
      cfg.matrixFileName = pick(['coverage_matrix.md', 'README.md', 'readme.MD', 'matrix.md', 'a/b.md', '', 1, null, 'x.txt', 'COVERAGE_MATRIX.md', 'quality_rubric.md', 'PROBLEMS.md']);
    } else cfg[key] = pick(CONFIG_VALUES);
  }
  let text = JSON.stringify(cfg, null, 2);
  const bend = r();
  if (bend < 0.05) text = text.slice(0, int(r, text.length));
  else if (bend < 0.08) text = '\ufeff' + text;
  else if (bend < 0.1) text = pick(['', '[]', 'null', '"x"', '1', '{"a":1,}', '{"rules": {"link-broken": "error", "link-broken": "off"}}', '['.repeat(20000)]);
  return text;
}

/** Files of a workspace that a mutation may touch (Markdown and the config). */
function editable(files: Files): string[] {
  return Object.keys(files).filter(f => /\.md$/i.test(f) || f.endsWith('.notes-navigator.json')).sort();
}

/** `k` random mutations of `files` (a new object; the original is left alone). */
export function mutateWorkspace(files: Files, r: Rng, k: number): Files {
  const pick = pickOf(r);
  const out: Files = { ...files };
  for (let i = 0; i < k; i++) {
    const op = r();
    if (op < 0.08) { out['.notes-navigator.json'] = configText(r); continue; }
    const names = editable(out);
    if (names.length === 0) return out;
    // the series README and its matrix are where the rules that read structure look: mutated more often
    const special = names.filter(f => /(README|coverage_matrix)\.md$/.test(f));
    const f = op < 0.4 && special.length ? pick(special) : pick(names);
    const v = out[f];
    if (op < 0.45) { delete out[f]; continue; }
    if (op < 0.48) { out[f.replace(/[^/]*$/, 'copy_' + f.slice(f.lastIndexOf('/') + 1))] = v; continue; }
    if (typeof v !== 'string' || op < 0.55) {
      const bytes = typeof v === 'string' ? new TextEncoder().encode(v) : v;
      out[f] = mutateBytes(bytes, r);
      continue;
    }
    out[f] = f.endsWith('.json') ? mutateJson(v, r) : mutateText(v, r, f);
  }
  return out;
}

function mutateJson(text: string, r: Rng): string {
  if (r() < 0.5) return configText(r);
  const c = int(r, text.length + 1);
  return text.slice(0, c) + pickOf(r)(['"', ',', '}', '{', ']', '\\', 'null', '\ud800']) + text.slice(c);
}
