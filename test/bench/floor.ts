/**
 * The least a full check must do, for the benchmark's "floor" columns: read, decode and parse every note of a folder
 * with the CLI's own code (`parseNote`: frontmatter and scan, as the index does), keeping nothing, so no index, no
 * link checks, no report.
 * `node out/bench/floor.js <folder> [threads] [bytes]`: with more than one thread, thread k takes every threads-th
 * note. With `bytes`, each note is not decoded nor parsed: one JavaScript loop visits each of its bytes once and
 * counts link openings (`](`, `[[`). That is what any checker written in JavaScript must at least do (read each
 * note and look at each byte), so it measures the machine rather than our code.
 * The benchmark times it from outside, start-up included, like the full check; the difference between the two is
 * what the index, the rules and the report cost.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { decodeFast } from '../../src/node/decodeFast';
import { BatchedReads } from '../../src/cli/batchedReads';
import { FolderReader } from '../../src/cli/walk';
import { defaultConfig, noteFilter } from '../../src/core/config';
import { parseNote } from '../../src/core/index/parseNote';

interface Share { root: string; notes: string[]; thread: number; threads: number; bytesOnly: boolean }

/** Reads and scans this thread's share of the notes; returns the links found (so the work cannot be skipped). */
function scanShare({ root, notes, thread, threads, bytesOnly }: Share): number {
  const reader = new FolderReader(root, () => {});
  const share = notes.filter((_, i) => i % threads === thread);
  // read as the CLI reads: a batch of notes at a time
  const reads = new BatchedReads(f => reader.readTransient(f), share);
  let links = 0;
  for (const note of share) {
    let bytes: Uint8Array;
    try {
      bytes = reads.read(note);
    } catch {
      continue;
    }
    if (bytesOnly) {
      links += linkOpenings(bytes);
      continue;
    }
    const decoded = decodeFast(bytes);
    if (!decoded.ok) continue;
    links += parseNote(decoded.text, { linkText: false }).scan.links.length;
  }
  return links;
}

/** `](` and `[[` in the bytes, in one pass that reads each byte once. */
function linkOpenings(bytes: Uint8Array): number {
  let n = 0;
  let prev = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if ((c === 0x28 /* ( */ && prev === 0x5d /* ] */) || (c === 0x5b /* [ */ && prev === 0x5b)) n++;
    prev = c;
  }
  return n;
}

async function main(): Promise<void> {
  const root = process.argv[2];
  const threads = Math.max(1, Number(process.argv[3] ?? 1));
  const bytesOnly = process.argv[4] === 'bytes';
  if (!root) throw new Error('usage: floor.js <folder> [threads] [bytes]');
  const notes = new FolderReader(root, () => {}).listSync().filter(noteFilter(defaultConfig()));
  const others = Array.from({ length: threads - 1 }, (_, k) => new Promise<number>((resolve, reject) => {
    const w = new Worker(__filename, { workerData: { root, notes, thread: k + 1, threads, bytesOnly } satisfies Share });
    w.once('message', resolve);
    w.once('error', reject);
  }));
  const mine = scanShare({ root, notes, thread: 0, threads, bytesOnly });
  const links = mine + (await Promise.all(others)).reduce((a, b) => a + b, 0);
  process.stdout.write(JSON.stringify({ notes: notes.length, links }) + '\n');
}

if (isMainThread) main().catch(e => { console.error(e); process.exit(1); });
else parentPort!.postMessage(scanShare(workerData as Share));
