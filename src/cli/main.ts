import { accessSync, constants, existsSync, realpathSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultConfig, noteFilter, parseConfigText, type NotesConfig } from '../core/config';
import { loadWorkspace, type WorkspaceReader } from '../core/index/load';
import { WorkspaceIndex } from '../core/index/workspaceIndex';
import { HELP, parseArgs, UsageError, type CliArgs } from './args';
import { formatCoverageMarkdown } from './format/coverage';
import { sarifRoot, toSarif } from './format/sarif';
import { ANSI, type Colors, formatTextLine, oneLine, PLAIN, summaryLine } from './format/text';
import { buildReport, counts, coverageReport, noteCount, seriesInOrder, sortedDiagnostics, statusLanguages } from './report';
import { jsonChunks } from './format/jsonChunks';
import { decodeFast } from '../node/decodeFast';
import { ConfigFileRefused, readConfigFile } from '../node/configFile';
import { FolderReader } from './walk';
import { BatchedReads } from './batchedReads';
import { loadWorkspaceParallel, WorkerFailure } from './parallel/parallelLoad';
import { version } from '../../package.json';

export interface Io {
  out(s: string): void;
  err(s: string): void;
  /** whether stdout is a terminal (colours for what `out` prints) */
  isTTY: boolean;
  /** whether stderr is a terminal (colours for what `err` prints) */
  errIsTTY: boolean;
  env: Record<string, string | undefined>;
  /** the current folder, which relative folder and config paths start from (default: process.cwd()) */
  cwd?: string;
  /**
   * a parallel check's worker bundle (default: checkWorker.js beside this bundle); `deal`: see ParallelLoadOptions;
   * `uncapped`: `--threads N` starts N threads however few notes and CPUs there are (tests of the parallel check)
   */
  parallel?: { workerFile?: string; deal?: boolean; uncapped?: boolean };
}

/** From this many notes on, the check runs on several threads unless `--threads` says otherwise. */
export const PARALLEL_MIN_NOTES = 2000;
/**
 * Fewest CPUs for which more threads are chosen without `--threads`. On two CPUs V8's own helper threads already
 * use much of the second one (optimizing compilation and garbage collection: 1.2 s of CPU beside the main thread's
 * 2.7 s on 10k notes), and a worker is one more isolate that compiles the same code again: on a 2-vCPU machine two
 * threads saved -4 to 14% on 10k notes (noise is ±15%) and cost ~30-40 MB, over the check's 250 MB budget.
 */
const PARALLEL_MIN_CPUS = 4;
/** Most threads chosen without `--threads`: more costs memory for little gain. */
const MAX_AUTO_THREADS = 4;
/**
 * Fewest notes per thread for which `--threads N` starts another one: a worker takes ~0.3 s and 15-40 MB to start,
 * more than it saves on fewer notes (1,000 notes took 0.85 s on one thread and 1.1 s on two; 35 notes on 64 threads
 * took 24 s and 930 MB). Nor does it start more threads than there are CPUs.
 */
export const MIN_NOTES_PER_THREAD = 1000;

/** Runs the CLI; returns the exit code (0 clean, 1 errors found, 2 bad usage or unreadable folder). */
export async function run(argv: string[], io: Io): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) { io.err(`notes-navigator: ${e.message}`); return 2; }
    throw e;
  }
  if (args.command === 'help') { io.out(HELP); return 0; }
  if (args.command === 'version') { io.out(version); return 0; }

  const cwd = currentFolder(args, io);
  if (typeof cwd !== 'string') { io.err(`notes-navigator: ${cwd.problem}`); return 2; }
  const folder = path.resolve(cwd, args.folder);
  try {
    if (!statSync(folder).isDirectory()) { io.err(`notes-navigator: ${args.folder} is not a folder`); return 2; }
    // a folder that cannot be listed or entered is said to be so here, not as its config file failing to read
    accessSync(folder, constants.R_OK | constants.X_OK);
  } catch (e) {
    io.err(`notes-navigator: cannot read folder ${args.folder}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return 2;
  }
  const config = loadConfig(args, cwd, folder, io);
  if (!config) return 2;

  const t0 = Date.now();
  // a log line names files: a line break in a name must not split it (see formatTextLine)
  const log = (line: string) => io.err(`notes-navigator: ${oneLine(line)}`);
  let reader: FolderReader;
  let all: string[];
  try {
    reader = new FolderReader(folder, log);
    all = reader.listSync();
  } catch (e) {
    // the folder itself cannot be listed (a sub-folder that cannot be is skipped with a log line)
    io.err(`notes-navigator: cannot read folder ${args.folder}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return 2;
  }
  // links to what the walk found but could not list (locked folders, FIFOs, links leading outside) are not broken
  const unlisted = reader.unlistedPaths();
  // nor are links through a symbolic link to a folder listed under its own path: they are looked up there
  const aliases = reader.folderAliases();
  const listed = { ...config, ...(unlisted.length ? { unlistedFolders: unlisted } : {}), ...(aliases.length ? { folderAliases: aliases } : {}) };
  const index = await loadIndex(listed, reader, all, args, io, log);
  const ms = Date.now() - t0;
  if (args.command === 'coverage') {
    // what keeps a matrix from being read as one (no table, no Status or files column) is a diagnostic of `check`;
    // the coverage report says it on stderr
    for (const series of seriesInOrder(index)) {
      const cov = index.coverage(series);
      for (const p of cov?.problems ?? []) log(`${cov!.file}:${p.range.start.line + 1}: ${p.message}`);
    }
    const coverage = coverageReport(index);
    if (args.format === 'json') jsonChunks({ version: 1, notes: noteCount(index), coverage }, io.out);
    else io.out(formatCoverageMarkdown(coverage, config, statusLanguages(index)));
    return 0;
  }

  const diags = sortedDiagnostics(index);
  const n = counts(diags);
  // each stream is coloured when it is a terminal: the summary of a JSON report goes to stderr
  const colorsFor = (tty: boolean): Colors => ((args.color ?? (tty && !io.env.NO_COLOR && io.env.TERM !== 'dumb')) ? ANSI : PLAIN);
  const c = colorsFor(io.isTTY);
  // large reports are written a piece at a time: their whole text is never held in memory
  if (args.format === 'json') jsonChunks(buildReport(index, diags), io.out);
  else if (args.format === 'sarif') jsonChunks(toSarif(diags, version, sarifRoot(folder, cwd)), io.out);
  else {
    const lines = diags.filter(d => !args.quiet || d.severity === 'error').map(d => formatTextLine(d, c));
    if (lines.length) io.out(lines.join('\n'));
  }
  // machine-readable formats keep stdout clean: the summary goes to stderr
  if (args.format === 'text') io.out(summaryLine(n, noteCount(index), ms, c));
  else io.err(summaryLine(n, noteCount(index), ms, colorsFor(io.errIsTTY)));
  if (n.error > 0) return 1;
  if (args.maxWarnings !== undefined && n.warning > args.maxWarnings) {
    io.err(`notes-navigator: ${n.warning} warning${n.warning === 1 ? '' : 's'} exceed${n.warning === 1 ? 's' : ''} --max-warnings ${args.maxWarnings}`);
    return 1;
  }
  return 0;
}

/**
 * The folder relative folder and config paths start from. When it is gone (deleted under the shell) and neither path
 * needs it, the checked folder stands in: SARIF's %SRCROOT% is then that folder, as for a current folder that does
 * not hold it. When a relative path needs it, a problem to say in one line.
 */
function currentFolder(args: CliArgs, io: Io): string | { problem: string } {
  if (io.cwd !== undefined) return io.cwd;
  try {
    return process.cwd();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    const gone = `cannot read the current folder (${code})`;
    if (!path.isAbsolute(args.folder)) return { problem: `${gone}: give the folder to ${args.command} as an absolute path` };
    if (args.config !== undefined && !path.isAbsolute(args.config)) return { problem: `${gone}: give --config an absolute path` };
    return path.resolve(args.folder);
  }
}

/**
 * Reads and checks the notes of `all` (the listing of `reader`'s folder): on several threads for a large workspace,
 * else (or when a worker fails) on this one.
 */
export async function loadIndex(
  config: NotesConfig, reader: FolderReader, all: string[], args: CliArgs, io: Io, log: (line: string) => void,
): Promise<WorkspaceIndex> {
  const threads = threadCount(args.threads, all, config, io.parallel?.uncapped === true);
  if (threads > 1) {
    const workerFile = io.parallel?.workerFile ?? path.join(__dirname, 'checkWorker.js');
    if (!existsSync(workerFile)) log(`${workerFile} is missing; checking on one thread`);
    else {
      try {
        return await loadWorkspaceParallel(config, reader, all, { threads, workerFile, log, deal: io.parallel?.deal });
      } catch (e) {
        if (!(e instanceof WorkerFailure)) throw e;
        log(`a worker thread failed (${e.message}); checking on one thread`);
      }
    }
  }
  const index = new WorkspaceIndex(config, { oneShot: true });
  // the notes are read a batch at a time, in the order the load will ask for them, into one reused buffer
  let reads: BatchedReads | undefined;
  const listed: WorkspaceReader = {
    list: async () => all,
    willRead: notes => { reads = new BatchedReads(f => reader.readTransient(f), notes); },
    read: async f => (reads ? reads.read(f) : reader.readTransient(f)),
  };
  await loadWorkspace(index, listed, { concurrency: 1, decode: decodeFast, onSkip: (file, reason) => log(`skipped ${file}: ${reason}`) });
  return index;
}

/**
 * The threads a check runs on: what `--threads` asks for, or without it one per CPU (at most MAX_AUTO_THREADS) from
 * PARALLEL_MIN_NOTES notes on a machine of PARALLEL_MIN_CPUS or more; either way at most one per CPU and per
 * MIN_NOTES_PER_THREAD notes. `cpus`: the machine's (tests pass their own).
 */
export function threadCount(
  asked: number | undefined, all: string[], config: NotesConfig, uncapped: boolean, cpus = os.availableParallelism?.() ?? os.cpus().length,
): number {
  if (asked !== undefined && (uncapped || asked === 1)) return asked;
  if (asked === undefined && cpus < PARALLEL_MIN_CPUS) return 1;
  const isNote = noteFilter(config);
  let notes = 0;
  for (const f of all) if (isNote(f)) notes++;
  const worthIt = Math.floor(notes / MIN_NOTES_PER_THREAD);
  if (asked !== undefined) return Math.max(1, Math.min(asked, cpus, worthIt));
  return notes >= PARALLEL_MIN_NOTES ? Math.min(cpus, MAX_AUTO_THREADS, worthIt) : 1;
}

function loadConfig(args: CliArgs, cwd: string, folder: string, io: Io): NotesConfig | undefined {
  const file = args.config ? path.resolve(cwd, args.config) : path.join(folder, '.notes-navigator.json');
  // the file as the user named it: `--config conf/ci.json`, or the checked folder as given
  const shown = args.config ?? path.join(args.folder, '.notes-navigator.json');
  let text: string | undefined;
  try {
    // a file found in the checked folder is untrusted: it must stay inside it (a file the user named need not)
    text = readConfigFile(file, args.config ? undefined : realpathSync(folder));
  } catch (e) {
    if (e instanceof ConfigFileRefused) io.err(`notes-navigator: ${shown} ${e.message}`);
    else io.err(`notes-navigator: cannot read config ${shown}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return undefined;
  }
  if (text === undefined) return defaultConfig();
  const { config, problems } = parseConfigText(text);
  const fatal = problems.find(p => p.path === '');
  if (fatal) { io.err(`notes-navigator: ${shown}: ${fatal.message}`); return undefined; }
  for (const p of problems) io.err(`notes-navigator: ${shown}: ${p.path}: ${p.message} (ignored)`);
  return config;
}

/** The command line's entry point (dist/cli.js starts it: see launch.ts): runs `run` on process.argv and sets the exit code. */
export function main(): void {
  // a reader that stops early (`check … | head`) closes the pipe: the rest of that stream has nowhere to go, which
  // is no error of the check's; it finishes, and exits with its own code. Any other failure to write (a full disk
  // under `> report.sarif`) loses the report: that is exit 2 and a line, never a green CI step with half a report
  const closed = new Set<NodeJS.WriteStream>();
  /** the first write that failed for another reason than a closed pipe */
  let failure: string | undefined;
  const failed = (stream: NodeJS.WriteStream, e: NodeJS.ErrnoException) => {
    closed.add(stream);
    if (e.code !== 'EPIPE') failure ??= `cannot write to ${stream === process.stdout ? 'stdout' : 'stderr'}: ${e.code ?? e.message}`;
  };
  for (const stream of [process.stdout, process.stderr]) stream.on('error', (e: NodeJS.ErrnoException) => failed(stream, e));
  const write = (stream: NodeJS.WriteStream) => (s: string) => {
    if (!closed.has(stream)) stream.write(s.endsWith('\n') ? s : s + '\n');
  };
  const finish = (code: number) => {
    if (failure === undefined) return code;
    if (!closed.has(process.stderr)) process.stderr.write(`notes-navigator: ${failure}\n`);
    return 2;
  };
  run(process.argv.slice(2), { out: write(process.stdout), err: write(process.stderr), isTTY: !!process.stdout.isTTY, errIsTTY: !!process.stderr.isTTY, env: process.env })
    // a file's failed write is told a turn later (the stream writes synchronously, then reports): wait for that
    .then(code => setImmediate(() => exitOnceWritten(code, [process.stdout, process.stderr].filter(s => !closed.has(s)), finish)))
    .catch(e => { process.stderr.write(`notes-navigator: internal error: ${(e as Error).stack ?? e}\n`); process.exitCode = 2; });
}

/**
 * Ends the process with `code` (as `finish` has it, once what was written is out) once `streams` have written what
 * they were given. Left to itself, Node would first tear the heap down a page at a time: ~100 ms after a 10k-note
 * check, nothing of which anyone waits for. A pipe whose reader is slower than the check holds the rest of the report
 * in the stream; an empty write's callback comes after it is out.
 */
function exitOnceWritten(code: number, streams: NodeJS.WriteStream[], finish: (code: number) => number): void {
  process.exitCode = code;
  const pending = streams.filter(s => s.writableLength > 0);
  let left = pending.length;
  const exit = () => process.exit((process.exitCode = finish(code)));
  if (left === 0) exit();
  // a reader that goes away meanwhile fails the write (EPIPE, see main): the callback still comes, with the error,
  // after the stream's error event has been emitted or is about to be: the decision waits a turn for it
  for (const s of pending) s.write('', () => { if (--left === 0) setImmediate(exit); });
}
