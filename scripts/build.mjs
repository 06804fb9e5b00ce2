// Builds the bundles with esbuild.
//   node scripts/build.mjs            dist/cli.js (+ check.js, check.cache), dist/checkWorker.js, dist/extension.js, dist/webview.js
//   node scripts/build.mjs --tests    + out/test/** (each test file bundled on its own)
//   node scripts/build.mjs --bench    + out/bench/bench.js, floor.js, instructions.js, vscodeCompare.js and vscodeMarkdownRun.js
//   node scripts/build.mjs --watch    rebuild dist/ on change
//   --production                      minified, no source maps (used by `npm run package`)
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'warning', legalComments: 'none' };
const node = { ...common, platform: 'node', format: 'cjs', target: 'node18', mainFields: ['module', 'main'] };

const builds = [];
const add = (entry, opts) => { if (existsSync(entry)) builds.push({ entryPoints: [entry], ...opts }); };

add('src/cli/launch.ts', { ...node, outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } });
add('src/cli/main.ts', { ...node, outfile: 'dist/check.js' });
add('src/cli/parallel/worker.ts', { ...node, outfile: 'dist/checkWorker.js' });
add('src/extension/extension.ts', { ...node, outfile: 'dist/extension.js', external: ['vscode'] });
add('src/webview/main.ts', { ...common, platform: 'browser', format: 'iife', target: 'es2022', outfile: 'dist/webview.js' });

function walk(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir)) {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) { if (f !== 'fixtures') walk(p, out); }
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** Every file under `dir` (none when it does not exist). */
function walkFiles(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir)) {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) walkFiles(p, out);
    else out.push(p);
  }
  return out;
}

if (args.has('--tests')) {
  const entries = walk('test/unit').concat(walk('test/integration'));
  if (entries.length) builds.push({ ...node, entryPoints: entries, outdir: 'out/test', outbase: 'test', external: ['vscode', 'mocha', 'playwright-core', '@vscode/test-electron', 'esbuild'] });
  // a test file deleted or renamed must not keep running from its old bundle (mocha globs out/test)
  for (const built of walkFiles('out/test')) {
    const m = /^out[\\/](test[\\/].*)\.js(\.map)?$/.exec(built);
    if (m && !existsSync(`${m[1]}.ts`)) rmSync(built);
  }
}
if (args.has('--bench')) {
  add('test/bench/bench.ts', { ...node, outfile: 'out/bench/bench.js', sourcemap: false });
  add('test/bench/floor.ts', { ...node, outfile: 'out/bench/floor.js', sourcemap: false });
  add('test/bench/instructions.ts', { ...node, outfile: 'out/bench/instructions.js', sourcemap: false });
  add('test/bench/vscodeCompare.ts', { ...node, outfile: 'out/bench/vscodeCompare.js', sourcemap: false });
  add('test/bench/vscodeMarkdownRun.ts', { ...node, outfile: 'out/bench/vscodeMarkdownRun.js', sourcemap: false });
}

if (args.has('--watch')) {
  for (const b of builds) { const ctx = await esbuild.context(b); await ctx.watch(); }
  console.log('watching…');
} else {
  await Promise.all(builds.map(b => esbuild.build(b)));
  // the checker's code cache, made by the Node.js that builds (and so, most often, runs) it
  const made = spawnSync(process.execPath, ['scripts/code-cache.mjs'], { stdio: 'inherit' });
  if (made.status !== 0) process.exit(made.status ?? 1);
}
