/**
 * `npm run bench:vscode`: our CLI check against VS Code's own Markdown link checking on the same generated corpora,
 * on the same machine, judged by the same ground truth.
 *
 * For each corpus size (BENCH_SIZES, default "1000,10000") it times BENCH_RUNS (default 3) runs of each checker in a
 * fresh process, start-up included, and reports the median wall time and the peak RSS:
 *  - ours: `node dist/cli.js check <corpus> --format json`;
 *  - VS Code's: `vscode-markdown-languageservice`, the library behind VS Code's Markdown diagnostics, asked for the
 *    diagnostics of every note with every `markdown.validate.*` check on (out/bench/vscodeMarkdownRun.js).
 * Then it scores both reports against the corpus's ground truth (the generator knows which links it broke): broken
 * links flagged by any diagnostic, those flagged as what they are (a missing file, a missing heading …; VS Code's
 * service flags a broken wikilink only as an unknown reference definition, as it does every valid one), and
 * diagnostics on links that are not broken (false positives), by where they sit. Prints a table and writes
 * bench-results/vscode.json.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { corpusDir } from './corpusDir';
import { BROKEN_KINDS, scoreFiles, type BrokenKind, type Score, type ScoredDiagnostic } from './groundTruth';
import { CLI, cliRun, median, timedNodeRun } from './runs';
import type { VscodeRunResult } from './vscodeMarkdownRun';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const VSCODE_RUN = path.join(__dirname, 'vscodeMarkdownRun.js');
const OUT = path.resolve(__dirname, '../../bench-results/vscode.json');

/** The codes VS Code's service gives each kind of broken link; it does not check backtick paths or wikilinks. */
const VSCODE_CODES: Record<BrokenKind, string | undefined> = {
  'link-broken': 'link.no-such-file',
  'link-anchor-broken': 'link.no-such-header-in-file',
  'ref-broken': undefined,
  'wikilink-broken': undefined,
};

/** Every Markdown file of the corpus, by its path relative to the corpus folder. */
function readNotes(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.md')) out.set(path.relative(root, full).split(path.sep).join('/'), readFileSync(full, 'utf8'));
    }
  };
  walk(root);
  return out;
}

/** Scores a checker's diagnostics on the notes; the series README and matrix have rules of their own (coverage,
 * priorities), and the ground truth is about notes. */
function score(notes: Map<string, string>, diagnostics: readonly ScoredDiagnostic[], expectedCode: (k: BrokenKind) => string | undefined): Score {
  const texts = [...notes].filter(([file]) => file !== 'README.md' && file !== 'coverage_matrix.md');
  return scoreFiles(texts, diagnostics, expectedCode);
}

const range = (line: number, character: number, endLine: number, endCharacter: number) =>
  ({ start: { line, character }, end: { line: endLine, character: endCharacter } });

/** One checker on one corpus: its runs and its score. */
interface Row {
  notes: number;
  checker: string;
  wallMedianMs: number;
  wallRunsMs: number[];
  peakRssMB: number;
  diagnostics: number;
  brokenLinks: number;
  /** broken links covered by any diagnostic */
  flagged: number;
  /** broken links covered by a diagnostic of their kind */
  found: number;
  foundByKind: Record<BrokenKind, number>;
  brokenByKind: Record<BrokenKind, number>;
  falsePositives: Score['falsePositives'];
  falsePositiveSamples: Score['samples'];
  /** VS Code's run only: its own reading and checking time, first run */
  serviceReadMs?: number;
  serviceCheckMs?: number;
}

const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
const fmt = (n: number) => n.toLocaleString('en-US');

function main(): void {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `node scripts/build.mjs` first');
  const rows: Row[] = [];
  for (const n of SIZES) {
    const corpus = corpusDir(n);
    const notes = readNotes(corpus.dir);
    process.stderr.write(`${fmt(n)} notes: ${RUNS} runs of each checker…\n`);
    cliRun(corpus.dir); // warm the file cache
    const ours = Array.from({ length: RUNS }, () => cliRun(corpus.dir));
    const ourReport = JSON.parse(readFileSync(ours[0].output, 'utf8')) as { diagnostics: { file: string; code: string; line: number; column: number; endLine: number; endColumn: number }[] };
    const ourScore = score(notes, ourReport.diagnostics.map(d => ({
      file: d.file, code: d.code, range: range(d.line - 1, d.column - 1, d.endLine - 1, d.endColumn - 1),
    })), kind => kind);
    const theirs = Array.from({ length: RUNS }, () => timedNodeRun(VSCODE_RUN, [corpus.dir], 'vscode-diagnostics.json'));
    const theirReport = JSON.parse(readFileSync(theirs[0].output, 'utf8')) as VscodeRunResult;
    const theirScore = score(notes, theirReport.diagnostics.map(d => ({
      file: d.file, code: d.code, range: range(d.line, d.character, d.endLine, d.endCharacter),
    })), kind => VSCODE_CODES[kind]);
    for (const [name, runs, report, s] of [
      ['notes-navigator check', ours, ourReport, ourScore],
      ['VS Code (vscode-markdown-languageservice)', theirs, theirReport, theirScore],
    ] as const) {
      rows.push({
        notes: n, checker: name,
        wallMedianMs: +median(runs.map(r => r.ms)).toFixed(0), wallRunsMs: runs.map(r => +r.ms.toFixed(0)),
        peakRssMB: +Math.max(...runs.map(r => r.rssMB)).toFixed(0),
        diagnostics: report.diagnostics.length,
        brokenLinks: sum(s.broken), flagged: sum(s.found), found: sum(s.foundWithCode), foundByKind: s.foundWithCode, brokenByKind: s.broken,
        falsePositives: s.falsePositives, falsePositiveSamples: s.samples,
        ...('checkMs' in report ? { serviceReadMs: +report.readMs.toFixed(0), serviceCheckMs: +report.checkMs.toFixed(0) } : {}),
      });
    }
  }

  const header = ['notes', 'checker', `wall (median of ${RUNS})`, 'peak RSS', 'diagnostics', 'broken links flagged',
    'of them, as what they are', ...BROKEN_KINDS.map(k => `found: ${k}`), 'false positives: frontmatter / wikilinks / other'];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`];
  for (const r of rows) {
    const fp = r.falsePositives;
    lines.push(`| ${[fmt(r.notes), r.checker, `${fmt(r.wallMedianMs)} ms`, `${r.peakRssMB} MB`, fmt(r.diagnostics),
      `${fmt(r.flagged)} of ${fmt(r.brokenLinks)}`, fmt(r.found),
      ...BROKEN_KINDS.map(k => `${fmt(r.foundByKind[k])} of ${fmt(r.brokenByKind[k])}`),
      `${fmt(fp.frontmatter)} / ${fmt(fp.wikilink)} / ${fmt(fp.other)}`].join(' | ')} |`);
  }
  console.log(lines.join('\n'));
  for (const r of rows) {
    if (r.falsePositiveSamples.length === 0) continue;
    console.log(`\n${r.checker}, ${fmt(r.notes)} notes: false positives, for example`);
    for (const s of r.falsePositiveSamples) console.log(`  ${s.site}: ${s.file}: ${s.code} on "${s.text}"`);
  }
  mkdirSync(path.dirname(OUT), { recursive: true });
  writeFileSync(OUT, JSON.stringify({ date: new Date().toISOString(), node: process.version, runs: RUNS, rows }, null, 1) + '\n');
  console.log(`\nwritten to ${path.relative(process.cwd(), OUT)}`);
}

main();
