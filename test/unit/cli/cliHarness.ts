import { chmodSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { run, type Io } from '../../../src/cli/main';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in-process with captured output. */
export async function cli(...argv: string[]): Promise<CliResult> {
  return cliWith({}, ...argv);
}

/** `cli` with some of its surroundings set (default: neither stream a TTY, no environment variables). */
export async function cliWith(io: Partial<Omit<Io, 'out' | 'err'>>, ...argv: string[]): Promise<CliResult> {
  let out = '';
  let err = '';
  const code = await run(argv, { isTTY: false, errIsTTY: false, env: {}, ...io, out: s => { out += s + '\n'; }, err: s => { err += s + '\n'; } });
  return { code, out, err };
}

/** A temporary workspace folder holding the given files. */
export function tempWorkspace(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nn-cli-'));
  for (const [rel, content] of Object.entries(files)) {
    const full = path.join(dir, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return dir;
}

let worker: Promise<string> | undefined;

/** The worker bundle a parallel check starts, built once from the sources under test (mocha runs from the repository root). */
export function checkWorker(): Promise<string> {
  worker ??= (async () => {
    const file = path.join(os.tmpdir(), `nn-check-worker-${process.pid}.js`);
    await esbuild.build({
      entryPoints: [path.join(process.cwd(), 'src/cli/parallel/worker.ts')], outfile: file, bundle: true, platform: 'node',
      format: 'cjs', target: 'node18', mainFields: ['module', 'main'], logLevel: 'warning',
    });
    return file;
  })();
  return worker;
}

/**
 * `check dir` on one thread, then on two (each holding notes), with `locked` (a file or folder in `dir`) made
 * unreadable meanwhile; for a user that permissions stop (not root).
 */
export async function checkWithLocked(dir: string, locked: string): Promise<CliResult[]> {
  const full = path.join(dir, locked);
  const mode = statSync(full).mode;
  chmodSync(full, 0o000);
  try {
    const workerFile = await checkWorker();
    const runs: CliResult[] = [];
    for (const threads of ['1', '2']) runs.push(await cliWith({ parallel: { workerFile, deal: true, uncapped: true } }, 'check', dir, '--threads', threads));
    return runs;
  } finally {
    chmodSync(full, mode);
  }
}

/** Where the error lines of a text report are (`file:line:col`). */
export function errorPlaces(out: string): string[] {
  return out.split('\n').filter(l => l.includes(' error ')).map(l => l.split(' ')[0]);
}
