import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../../../src/cli/main';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in-process with captured output. */
export async function cli(...argv: string[]): Promise<CliResult> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: s => { out += s + '\n'; }, err: s => { err += s + '\n'; }, isTTY: false, env: {} });
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
