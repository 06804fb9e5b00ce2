import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
