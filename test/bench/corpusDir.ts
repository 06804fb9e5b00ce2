import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateCorpus } from './corpus';

/** Where the benchmarks keep their generated corpora (and scratch files). */
export const BENCH_ROOT = path.join(os.tmpdir(), 'notes-navigator-bench');
const GENERATOR_VERSION = 'v1';

/** The folder of the deterministic `n`-note corpus, generated on first use and kept for later runs. */
export function corpusDir(n: number): { dir: string; bytes: number } {
  const dir = path.join(BENCH_ROOT, `${n}`);
  const marker = path.join(dir, '.bench-corpus.json');
  if (existsSync(marker)) {
    const m = JSON.parse(readFileSync(marker, 'utf8'));
    if (m.version === GENERATOR_VERSION && m.notes === n) return { dir, bytes: m.bytes };
  }
  rmSync(dir, { recursive: true, force: true });
  const files = generateCorpus({ notes: n, seed: 42 });
  let bytes = 0;
  for (const f of files) {
    const full = path.join(dir, f.path);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, f.text);
    bytes += Buffer.byteLength(f.text);
  }
  writeFileSync(marker, JSON.stringify({ version: GENERATOR_VERSION, notes: n, bytes }));
  return { dir, bytes };
}
