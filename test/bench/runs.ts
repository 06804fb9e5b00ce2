import { spawnSync, type SpawnSyncOptionsWithStringEncoding, type SpawnSyncReturns } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BENCH_ROOT } from './corpusDir';

/** The CLI bundle the benchmarks time (built by `node scripts/build.mjs`). */
export const CLI = path.resolve(__dirname, '../../dist/cli.js');
/** preloaded into each timed child: prints the process's peak RSS and CPU times on stderr as it exits */
const RSS_HOOK = path.resolve(__dirname, '../../test/bench/maxrssHook.cjs');

/**
 * Variables of the environment that make Node do work at start-up which no timed program asks for, removed from every
 * timed child's environment (and named in the bench's output when set):
 * - NODE_EXTRA_CA_CERTS: Node reads and parses that bundle of certificates before any script runs, for TLS, which
 *   neither the check nor VS Code's checker opens (nothing reaches the network). Set to Debian's bundle of ~150
 *   certificates, as on the machines this was written on, it made `node -e 0` take ~60-90 ms instead of ~20 ms.
 */
export const STARTUP_ONLY_VARIABLES = ['NODE_EXTRA_CA_CERTS'] as const;

/** The environment every timed Node child runs in: this one without STARTUP_ONLY_VARIABLES. */
export function timedEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of STARTUP_ONLY_VARIABLES) delete env[name];
  return env;
}

/** `node <args…>` run to its end in `timedEnv()` unless `options` give another, with its wall time from outside. */
export function timedNode(args: readonly string[], options: SpawnSyncOptionsWithStringEncoding = { encoding: 'utf8' }): { r: SpawnSyncReturns<string>; ms: number } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env: timedEnv(), ...options });
  return { r, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
}

/** How long `node -e 0` takes (median of `runs`) in `env`: Node's own start-up and exit. */
export function nodeStartMs(env: NodeJS.ProcessEnv, runs = 7): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { r, ms } = timedNode(['-e', '0'], { encoding: 'utf8', env });
    if (r.status !== 0) throw new Error(`node -e 0 failed: ${r.stderr}`);
    times.push(ms);
  }
  return median(times);
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
export function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)];
}

export interface ChildRun {
  /** wall time from outside, start-up and writing the output included */
  ms: number;
  rssMB: number;
  /** CPU time over all of the child's threads */
  cpuMs: number;
  /** CPU time of its main thread (NaN where the system does not tell it) */
  mainCpuMs: number;
  /** the file its standard output went to */
  output: string;
  stderr: string;
}

/**
 * One Node program run as a user starts it (`node <script> <args…> > file`, in `timedEnv()`), timed from outside. Peak RSS and CPU
 * times come from the child itself at exit, through a preloaded hook. Exit codes 0 and 1 count as success (a checker
 * that found problems exits 1).
 */
export function timedNodeRun(script: string, args: readonly string[], outputName = 'report.json'): ChildRun {
  const output = path.join(BENCH_ROOT, outputName);
  const fd = openSync(output, 'w');
  const { r, ms } = timedNode(['--require', RSS_HOOK, script, ...args], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
  closeSync(fd);
  const rss = /@@maxrss (\d+)/.exec(r.stderr ?? '');
  const cpu = /@@cpu (\d+) (\d+) (-?\d+)/.exec(r.stderr ?? '');
  if ((r.status !== 0 && r.status !== 1) || !rss || !cpu) throw new Error(`${path.basename(script)} failed (exit ${r.status}): ${r.stderr}`);
  // µs from the hook; the main thread's share is -1 where the system does not tell it
  const mainCpuMs = Number(cpu[3]) < 0 ? NaN : Number(cpu[3]) / 1000;
  return { ms, rssMB: Number(rss[1]) / 1024, cpuMs: (Number(cpu[1]) + Number(cpu[2])) / 1000, mainCpuMs, output, stderr: r.stderr };
}

/**
 * One CLI run as a user starts it (`node dist/cli.js check <dir> --format json > file`). The report is parsed only
 * after the clock stops.
 */
export function cliRun(dir: string, extra: string[] = []): ChildRun & { diagnostics: number } {
  const run = timedNodeRun(CLI, ['check', dir, '--format', 'json', ...extra]);
  return { ...run, diagnostics: JSON.parse(readFileSync(run.output, 'utf8')).diagnostics.length };
}
