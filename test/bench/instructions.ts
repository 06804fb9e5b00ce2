/**
 * `npm run bench:instructions`: counts the machine instructions of one full CLI check of the 10k-note corpus under
 * valgrind's callgrind, and says where they go. Wall time on a shared VM moves ±15% from run to run; this count
 * moves ~1%, so it can judge a change worth a few percent that `npm run bench` cannot see.
 *
 * The check runs with `--single-threaded` (V8 then compiles and collects garbage on the main thread, so the count
 * repeats; it includes work a normal run does on helper threads) and `--perf-basic-prof` (V8 names its generated
 * code in /tmp/perf-<pid>.map, which maps callgrind's addresses to JavaScript functions). The split into kinds of
 * work reads V8's and Node's C++ symbol names: a guide, not an exact account (the map file costs V8 ~1% more, in
 * `Heap::OnMoveEvent`, counted as garbage collection).
 *
 * Needs valgrind (Debian's package). Env: INSTR_NOTES (default 10000). Prints a table, writes
 * bench-results/instructions.json. It takes ~3 minutes (callgrind runs the check ~50× slower).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { corpusDir } from './corpusDir';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
const NOTES = Number(process.env.INSTR_NOTES ?? 10000);

/** Kinds of work, by symbol name; the first that matches wins. JavaScript code is named by V8's map file. */
const KINDS: [kind: string, test: (name: string) => boolean][] = [
  ['JavaScript (optimised and baseline code)', n => n.startsWith('JS ') && !n.startsWith('JS RegExp')],
  ['regular expressions (generated code)', n => n.startsWith('JS RegExp')],
  ['UTF-8 decoding of the notes (V8\'s decoder, or simdutf behind buffer.transcode)', n => /Utf8Decoder|validate_utf8|validate_ascii|convert_utf8_to_utf16/.test(n)],
  ['garbage collection', n => /Scaveng|Marking|MarkCompact|Sweep|Evacuat|IteratePointers|BodyDescriptor|SizeFromMap|Pretenuring|LiveObject|heap::|Heap::|RecordWrite|Remembered|SlotSet/.test(n)],
  ['compiling (TurboFan, parser, bytecode)', n => /compiler::|Compiler|maglev|Zone|Ast|Parser|Scanner::|interpreter::|baseline::|Bytecode/.test(n)],
  ['V8 builtins (string, Map, IC, interpreter handlers)', n => n.startsWith('Builtins_')],
  ['libc and C++ library (memchr, memcpy, malloc)', n => /^(__)?(mem|str)\w*|malloc|free|pthread|_Rb_tree|std::/.test(n)],
  ['other V8 and Node C++ (runtime, JSON, I/O, encoding the report, OpenSSL at start-up)', () => true],
];

interface MapEntry { start: number; end: number; name: string }

/** Self cost per function of a callgrind output file, with generated code named through V8's perf map. */
function selfCosts(callgrindOut: string, perfMap: MapEntry[]): Map<string, number> {
  const names = new Map<string, string>();
  const costs = new Map<string, number>();
  let current: string | undefined;
  let skipCallCost = false;
  const nameOf = (field: string): string | undefined => {
    const m = /^\((\d+)\)(?: (.*))?$/.exec(field.trim());
    if (!m) return undefined;
    if (m[2] !== undefined) names.set(m[1], m[2]);
    return names.get(m[1]);
  };
  for (const line of readFileSync(callgrindOut, 'utf8').split('\n')) {
    if (line.startsWith('fn=')) current = nameOf(line.slice(3));
    else if (line.startsWith('cfn=')) nameOf(line.slice(4));
    else if (line.startsWith('calls=')) skipCallCost = true; // the next cost line is the call's inclusive cost
    else if (/^[0-9+*-]/.test(line)) {
      if (skipCallCost) { skipCallCost = false; continue; }
      const cost = Number(line.split(' ')[1]);
      if (current !== undefined && Number.isFinite(cost)) costs.set(current, (costs.get(current) ?? 0) + cost);
    }
  }
  const named = new Map<string, number>();
  for (const [fn, cost] of costs) {
    const address = /^0x([0-9a-f]+)/.exec(fn);
    const key = address ? jsName(perfMap, parseInt(address[1], 16)) : fn.replace(/\(.*$/, '');
    named.set(key, (named.get(key) ?? 0) + cost);
  }
  return named;
}

function jsName(perfMap: MapEntry[], address: number): string {
  let lo = 0;
  let hi = perfMap.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (perfMap[mid].start <= address) lo = mid;
    else hi = mid - 1;
  }
  const e = perfMap[lo];
  if (!e || address < e.start || address >= e.end) return 'generated code without a name';
  // "JS:*name /path/to/cli.js:12:3" → "JS name (cli.js)"; regular expressions keep their source
  return 'JS ' + e.name.replace(/^JS:[*~^+]?/, '').replace(/ \S*\/([^/\s]+):\d+:\d+$/, ' ($1)');
}

function readPerfMap(file: string): MapEntry[] {
  const out: MapEntry[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^([0-9a-f]+) ([0-9a-f]+) (.*)$/.exec(line);
    if (m) out.push({ start: parseInt(m[1], 16), end: parseInt(m[1], 16) + parseInt(m[2], 16), name: m[3] });
  }
  return out.sort((a, b) => a.start - b.start);
}

function main(): void {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `node scripts/build.mjs` first');
  if (spawnSync('valgrind', ['--version']).status !== 0) {
    console.error('valgrind is not installed (Debian: apt-get install -y valgrind); nothing measured');
    process.exit(2);
  }
  const corpus = corpusDir(NOTES);
  const work = mkdtempSync(path.join(os.tmpdir(), 'notes-navigator-instr-'));
  try {
    const out = path.join(work, 'callgrind.out');
    const run = spawnSync('valgrind', [
      '--tool=callgrind', '--smc-check=all-non-file', `--callgrind-out-file=${out}`,
      process.execPath, '--single-threaded', '--perf-basic-prof', CLI, 'check', corpus.dir, '--format', 'json',
    ], { cwd: work, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 }); // cwd: V8 leaves a log file there
    const perfMapFile = `/tmp/perf-${run.pid}.map`;
    if (!existsSync(out) || !existsSync(perfMapFile)) throw new Error(`callgrind run failed: ${run.stderr?.toString().slice(-2000)}`);
    const costs = selfCosts(out, readPerfMap(perfMapFile));
    rmSync(perfMapFile, { force: true });
    report(costs, corpus.bytes);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function report(costs: Map<string, number>, bytes: number): void {
  const total = [...costs.values()].reduce((a, b) => a + b, 0);
  const byKind = new Map<string, number>(KINDS.map(([k]) => [k, 0]));
  for (const [name, cost] of costs) {
    const kind = KINDS.find(([, test]) => test(name))![0];
    byKind.set(kind, byKind.get(kind)! + cost);
  }
  const pct = (n: number) => `${((100 * n) / total).toFixed(1)}%`;
  const giga = (n: number) => `${(n / 1e9).toFixed(2)} G`;
  console.log(`Instructions of one check of ${NOTES} notes (${(bytes / 1e6).toFixed(1)} MB), Node ${process.version}: ${giga(total)}, `
    + `${Math.round(total / NOTES / 1000)}k a note, ${Math.round(total / bytes)} a byte`);
  console.log('| kind of work | instructions | share |\n| --- | --- | --- |');
  for (const [kind, cost] of [...byKind].sort((a, b) => b[1] - a[1])) console.log(`| ${kind} | ${giga(cost)} | ${pct(cost)} |`);
  const top = [...costs].filter(([n]) => n.startsWith('JS ')).sort((a, b) => b[1] - a[1]).slice(0, 15);
  console.log('\nJavaScript functions with the most instructions of their own:\n| function | instructions | share |\n| --- | --- | --- |');
  for (const [name, cost] of top) console.log(`| ${name.slice(3)} | ${(cost / 1e6).toFixed(0)} M | ${pct(cost)} |`);
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/instructions.json', JSON.stringify({
    notes: NOTES, bytes, node: process.version, date: new Date().toISOString(), total,
    byKind: Object.fromEntries(byKind), topFunctions: Object.fromEntries(top),
  }, null, 2));
  console.log('written: bench-results/instructions.json');
}

main();
