// Runs a subset of the unit tests without building the others:
//   node scripts/test-one.mjs test/unit/scanner [more files or folders…] [-- mocha args]
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, statSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const argv = process.argv.slice(2);
const dash = argv.indexOf('--');
const targets = dash === -1 ? argv : argv.slice(0, dash);
const mochaArgs = dash === -1 ? [] : argv.slice(dash + 1);
const files = [];
const walk = p => statSync(p).isDirectory() ? readdirSync(p).forEach(f => walk(path.join(p, f))) : p.endsWith('.test.ts') && files.push(p);
for (const t of targets) if (existsSync(t)) walk(t);
if (!files.length) { console.error('no test files in', targets.join(' ')); process.exit(2); }
const outdir = path.join('out', 'test-one', String(process.pid));
await esbuild.build({ entryPoints: files, outdir, outbase: 'test', bundle: true, platform: 'node', format: 'cjs', target: 'node18',
  sourcemap: true, logLevel: 'warning', mainFields: ['module', 'main'], external: ['vscode', 'mocha', 'esbuild'] });
const out = files.map(f => path.join(outdir, path.relative('test', f)).replace(/\.ts$/, '.js'));
const r = spawnSync('npx', ['mocha', '--no-config', '--enable-source-maps', '--node-option', 'expose-gc', '--timeout', '20000', ...mochaArgs, ...out], { stdio: 'inherit' });
rmSync(outdir, { recursive: true, force: true });
process.exit(r.status ?? 1);
