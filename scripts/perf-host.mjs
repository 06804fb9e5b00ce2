// `npm run perf:host`: the extension's activation, indexing, tree, live re-check and memory on the 10,000-note
// benchmark corpus, measured in the real extension host (test/integration/perf.test.ts, run by
// out/test/integration/runTest.js through the code-server kit).
//   1. builds dist/ and out/test (node scripts/build.mjs --tests) and checks the kit (scripts/vscode-kit.sh)
//   2. the corpus: $TMPDIR/notes-navigator-bench/<n> as `npm run bench` writes it (generateCorpus, seed 42);
//      reused when its .bench-corpus.json marker matches, written otherwise (test/bench/corpus.ts bundled
//      with esbuild)
//   3. runs the perf test (NN_PERF=1) on a copy of it; results: .vscode-test/perf-<n>.json (n = 10k, 1k, …)
// usage: node scripts/perf-host.mjs [--notes 10000] [--profile] [--no-build]
//   --profile   CPU profiles of the initial load, the live re-checks and a re-index (times then include the
//               profiler's overhead): .vscode-test/perf-<n>-profile.json + perf-<n>-profile-<phase>.cpuprofile
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { ensureKit, repoRoot, scratchDir } from '../test/integration/harness/kit.mjs';

const args = process.argv.slice(2);
const opt = name => {
  const i = args.findIndex(a => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  return args[i].includes('=') ? args[i].split('=')[1] : args[i + 1];
};
const notes = Number(opt('--notes') ?? 10000);
const profile = args.includes('--profile');
const log = (...a) => console.log('[perf-host]', ...a);
if (!Number.isInteger(notes) || notes < 1) {
  console.error('[perf-host] --notes must be a positive integer');
  process.exit(2);
}

function run(cmd, cmdArgs, env = {}) {
  const r = spawnSync(cmd, cmdArgs, { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

/** The generator version test/bench/bench.ts stamps into its marker (so both reuse the same corpus). */
function generatorVersion() {
  const m = /GENERATOR_VERSION\s*=\s*'([^']+)'/.exec(readFileSync(path.join(repoRoot, 'test', 'bench', 'bench.ts'), 'utf8'));
  return m ? m[1] : 'v1';
}

/** The benchmark corpus folder for `n` notes: reused when its marker matches, generated otherwise. */
async function corpus(n) {
  const dir = path.join(tmpdir(), 'notes-navigator-bench', String(n));
  const marker = path.join(dir, '.bench-corpus.json');
  const version = generatorVersion();
  if (existsSync(marker)) {
    const m = JSON.parse(readFileSync(marker, 'utf8'));
    if (m.version === version && m.notes === n) {
      log(`corpus: reusing ${dir} (${n} notes, ${(m.bytes / 1e6).toFixed(1)} MB)`);
      return dir;
    }
  }
  const t0 = Date.now();
  log(`corpus: generating ${n} notes into ${dir} ...`);
  const scratch = scratchDir('nn-perf-corpus-');
  try {
    // a tiny entry around generateCorpus, bundled with esbuild (corpus.ts imports src/core)
    const entry = `
      import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
      import * as path from 'node:path';
      import { generateCorpus } from ${JSON.stringify(path.join(repoRoot, 'test', 'bench', 'corpus.ts'))};
      const [dir, n, version] = [process.argv[2], Number(process.argv[3]), process.argv[4]];
      rmSync(dir, { recursive: true, force: true });
      let bytes = 0, links = 0;
      for (const f of generateCorpus({ notes: n, seed: 42 })) {
        const full = path.join(dir, f.path);
        mkdirSync(path.dirname(full), { recursive: true });
        writeFileSync(full, f.text);
        bytes += Buffer.byteLength(f.text);
        links += (f.text.match(/\\]\\(|\\[\\[|\`[^\`\\n]+\\.md\`/g) ?? []).length;
      }
      writeFileSync(path.join(dir, '.bench-corpus.json'), JSON.stringify({ version, notes: n, bytes, links }));`;
    const out = path.join(scratch, 'write-corpus.cjs');
    await esbuild.build({
      stdin: { contents: entry, resolveDir: repoRoot, loader: 'ts', sourcefile: 'write-corpus.ts' },
      bundle: true, platform: 'node', format: 'cjs', target: 'node18', outfile: out, logLevel: 'warning',
      mainFields: ['module', 'main'],
    });
    const status = run(process.execPath, [out, dir, String(n), version]);
    if (status !== 0 || !existsSync(marker)) throw new Error(`writing the corpus failed (exit ${status})`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  log(`corpus: written in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return dir;
}

async function main() {
  if (!args.includes('--no-build')) {
    log('building (node scripts/build.mjs --tests) ...');
    if (run(process.execPath, ['scripts/build.mjs', '--tests']) !== 0) {
      console.error('[perf-host] build failed');
      return 1;
    }
  }
  ensureKit({ quiet: true });
  const dir = await corpus(notes);
  // a profiled run keeps its own file: profiler overhead must not pass for the plain numbers
  const size = notes >= 1000 && notes % 1000 === 0 ? `${notes / 1000}k` : String(notes);
  const outFile = path.join(repoRoot, '.vscode-test', `perf-${size}${profile ? '-profile' : ''}.json`);
  mkdirSync(path.dirname(outFile), { recursive: true });
  rmSync(outFile, { force: true });
  log(`running the perf test in the extension host (workspace: a copy of ${dir}) ...`);
  const t0 = Date.now();
  const status = run(process.execPath, ['out/test/integration/runTest.js'], {
    NN_PERF: '1',
    NN_PERF_OUT: outFile,
    NN_PERF_MIN_NOTES: String(notes),
    ...(profile ? { NN_PERF_PROFILE: '1' } : {}),
    NN_TEST_GREP: 'perf: large workspace',
    NN_TEST_TIMEOUT: '600000',
    TEST_WORKSPACE: dir,
    SHIM_SCREENSHOT: path.join(repoRoot, '.vscode-test', 'perf-last-run.png'),
  });
  log(`extension host run: exit ${status} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (status !== 0) return status;
  if (!existsSync(outFile)) {
    console.error(`[perf-host] the perf test wrote no ${path.relative(repoRoot, outFile)}: did it run (NN_PERF=1 in the host)?`);
    return 1;
  }
  log(`results: ${path.relative(repoRoot, outFile)}`);
  return 0;
}

main().then(code => process.exit(code), err => {
  console.error(`[perf-host] ${err instanceof Error ? err.stack : err}`);
  process.exit(1);
});
