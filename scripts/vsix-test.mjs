// `npm run test:vsix`: the packaged notes-navigator.vsix, installed the way a user installs it, works in a real
// VS Code (code-server's web workbench from the kit of scripts/vscode-kit.sh, driven by headless Chromium).
//   1. the .vsix exists, is at most 1 MB and holds what runs (dist/extension.js, the manifest, media, syntaxes,
//      l10n, README/CHANGELOG/LICENSE) and nothing else (no src/, test/, node_modules/, examples/, *.map, nor
//      the CLI's bundles)
//   2. `code-server --install-extension <vsix>` into a fresh extensions dir installs it
//   3. a workbench on a copy of examples/notes (no extensionDevelopmentPath: only the installed copy runs)
//      shows the "Notes Navigator" activity-bar container; the Series view lists the series
//      "Backend Series README" and the category "System Design"; the command palette offers
//      "Notes Navigator: Show Coverage"
// Exit 0 on success; 1 with the reason (and a screenshot in .vscode-test/vsix-test-failed.png) otherwise.
// Processes and scratch folders are always cleaned up.
// usage: node scripts/vsix-test.mjs [--vsix path] [--verbose]      (npm run test:vsix packages first)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { repositoryUrl } from './vsix-readme.mjs';
import {
  ensureKit, extensionId, launchChromium, repoPackage, repoRoot, scratchDir, startCodeServer, workbenchUrl,
} from '../test/integration/harness/kit.mjs';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const vsixArg = args.indexOf('--vsix');
const vsix = path.resolve(vsixArg >= 0 ? args[vsixArg + 1] : path.join(repoRoot, 'notes-navigator.vsix'));
const MAX_BYTES = 1024 * 1024;
const SERIES_TITLE = 'Backend Series README';
const CATEGORY = 'System Design';
const COMMAND = 'Notes Navigator: Show Coverage';
const failShot = path.join(repoRoot, '.vscode-test', 'vsix-test-failed.png');

const log = (...a) => console.log('[vsix-test]', ...a);
/** A path for messages: relative inside the repository, absolute elsewhere. */
const shown = p => (p.startsWith(repoRoot + path.sep) ? path.relative(repoRoot, p) : p);

class CheckFailed extends Error {}
function check(ok, message) {
  if (!ok) throw new CheckFailed(message);
}

// ---- 1. the archive -----------------------------------------------------------------------------------

/**
 * Entry names and sizes of a zip, read from its central directory (no unzip binary needed).
 * @returns {{ name: string, size: number, compressed: number, method: number, localOffset: number }[]}
 */
function zipEntries(buf) {
  // End Of Central Directory record: signature 0x06054b50, within the last 64 KiB + 22 bytes
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  check(eocd >= 0, 'not a zip file: no end-of-central-directory record');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = [];
  for (let n = 0; n < count; n++) {
    check(buf.readUInt32LE(p) === 0x02014b50, `corrupt zip: bad central directory entry #${n}`);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    out.push({ name: buf.toString('utf8', p + 46, p + 46 + nameLen), size, compressed, method, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** The bytes of one entry (stored or deflated). */
function zipRead(buf, entry) {
  const h = entry.localOffset;
  check(buf.readUInt32LE(h) === 0x04034b50, `corrupt zip: bad local header for ${entry.name}`);
  const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
  const data = buf.subarray(start, start + entry.compressed);
  if (entry.method === 0) return data;
  check(entry.method === 8, `${entry.name}: unsupported compression method ${entry.method}`);
  return inflateRawSync(data);
}

function checkArchive() {
  check(existsSync(vsix), `${shown(vsix)} not found: run "npm run package" first`);
  const size = statSync(vsix).size;
  log(`${shown(vsix)}: ${(size / 1024).toFixed(1)} KB`);
  check(size <= MAX_BYTES, `the .vsix is ${(size / 1024).toFixed(1)} KB: more than the 1 MB budget`);
  const buf = readFileSync(vsix);
  const entries = zipEntries(buf);
  const names = entries.map(e => e.name);
  const unpacked = entries.reduce((s, e) => s + e.size, 0);
  for (const e of entries) log(`  ${String(e.size).padStart(8)}  ${e.name}`);
  log(`  ${entries.length} entries, ${(unpacked / 1024).toFixed(1)} KB unpacked`);

  const has = re => names.some(n => re.test(n));
  const required = [
    ['extension/dist/extension.js', /^extension\/dist\/extension\.js$/],
    ['extension/package.json', /^extension\/package\.json$/],
    ['extension/media/', /^extension\/media\/.+/],
    ['extension/syntaxes/', /^extension\/syntaxes\/.+\.json$/],
    ['extension/l10n/', /^extension\/l10n\/.+\.json$/],
    ['extension/README', /^extension\/readme(\.md)?$/i],
    ['extension/CHANGELOG', /^extension\/changelog(\.md)?$/i],
    ['extension/LICENSE', /^extension\/license(\.txt|\.md)?$/i],
    ['extension.vsixmanifest', /^extension\.vsixmanifest$/],
  ];
  const missing = required.filter(([, re]) => !has(re)).map(([label]) => label);
  check(missing.length === 0, `the .vsix lacks: ${missing.join(', ')}`);

  const forbidden = [
    [/^extension\/src\//, 'src/'], [/^extension\/test\//, 'test/'], [/(^|\/)node_modules\//, 'node_modules/'],
    [/^extension\/examples\//, 'examples/'], [/\.map$/i, '.map files'], [/^extension\/out\//, 'out/'],
    [/^extension\/\.vscode-test\//, '.vscode-test/'], [/\.tsx?$/, 'TypeScript sources'],
    // a V8 code cache is only good for the Node.js that made it: users' Node.js versions differ
    [/\.cache$/, 'V8 code caches'],
    // the CLI (npm's bin) runs from the repository or an npm install, never from the extension
    [/^extension\/dist\/(cli|check|checkWorker)\.js$/, 'the CLI\'s bundles'],
  ];
  const bad = [];
  for (const [re, label] of forbidden) {
    const hits = names.filter(n => re.test(n));
    if (hits.length) bad.push(`${label} (${hits.slice(0, 3).join(', ')}${hits.length > 3 ? ', …' : ''})`);
  }
  check(bad.length === 0, `the .vsix must not hold: ${bad.join('; ')}`);

  // the packaged manifest is the one we mean to ship
  const manifest = JSON.parse(zipRead(buf, entries.find(e => e.name === 'extension/package.json')).toString('utf8'));
  const pkg = repoPackage();
  check(`${manifest.publisher}.${manifest.name}` === extensionId, `packaged id ${manifest.publisher}.${manifest.name} is not ${extensionId}`);
  check(manifest.version === pkg.version, `packaged version ${manifest.version} differs from package.json ${pkg.version}`);
  const main = manifest.main.replace(/^\.\//, '');
  check(names.includes(`extension/${main.endsWith('.js') ? main : main + '.js'}`), `the manifest's main ${manifest.main} is not in the .vsix`);
  const extJs = zipRead(buf, entries.find(e => e.name === 'extension/dist/extension.js')).toString('utf8');
  check(!/sourceMappingURL=/.test(extJs), 'dist/extension.js references a source map: package a --production build');
  // the packaged README is README.md with only its relative links made absolute (scripts/vsix-readme.mjs): no
  // example inside a code span or fence rewritten
  const readme = zipRead(buf, entries.find(e => /^extension\/readme(\.md)?$/i.test(e.name))).toString('utf8');
  const base = repositoryUrl(pkg);
  const relative = readme.replaceAll(`${base}/blob/HEAD/`, '').replaceAll(`${base}/raw/HEAD/`, '');
  check(relative === readFileSync(path.join(repoRoot, 'README.md'), 'utf8'), 'the packaged README differs from README.md beyond its relative links');
  log('archive contents: ok');
  return manifest;
}

// ---- 2. install -----------------------------------------------------------------------------------------

function codeServerCli(kit, scratch, extensionsDir, userDataDir, cliArgs) {
  const env = {
    XDG_CONFIG_HOME: path.join(scratch, 'xdg-config'),
    XDG_DATA_HOME: path.join(scratch, 'xdg-data'),
    XDG_CACHE_HOME: path.join(scratch, 'xdg-cache'),
    EXTENSIONS_GALLERY: '{}',
    ...process.env,
  };
  return spawnSync(kit.codeServerNode || process.execPath, [kit.codeServerEntry,
    '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, ...cliArgs],
  { env, encoding: 'utf8', timeout: 120000 });
}

function install(kit, scratch, manifest) {
  const extensionsDir = path.join(scratch, 'extensions');
  const userDataDir = path.join(scratch, 'user-data');
  mkdirSync(extensionsDir, { recursive: true });
  const t0 = Date.now();
  const r = codeServerCli(kit, scratch, extensionsDir, userDataDir, ['--install-extension', vsix]);
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  if (verbose || r.status !== 0) console.log(output);
  check(r.status === 0, `code-server --install-extension failed (exit ${r.status ?? r.signal}): ${output.split('\n').slice(-5).join(' | ')}`);
  const folder = `${extensionId}-${manifest.version}`;
  const installed = path.join(extensionsDir, folder);
  check(existsSync(path.join(installed, 'package.json')) && existsSync(path.join(installed, 'dist', 'extension.js')),
    `no ${folder}/ with package.json and dist/extension.js in the extensions dir (has: ${readdirSync(extensionsDir).join(', ') || 'nothing'})`);
  const list = codeServerCli(kit, scratch, extensionsDir, userDataDir, ['--list-extensions', '--show-versions']);
  check(list.status === 0 && list.stdout.includes(`${extensionId}@${manifest.version}`),
    `--list-extensions does not show ${extensionId}@${manifest.version}: ${(list.stdout + list.stderr).trim()}`);
  log(`installed ${extensionId}@${manifest.version} into a fresh extensions dir (${Date.now() - t0} ms)`);
  return { extensionsDir, userDataDir };
}

// ---- 3. the workbench -------------------------------------------------------------------------------------

function notesNavigatorIcon(page) {
  return page.locator('.activitybar .action-item a[aria-label*="Notes Navigator" i], ' +
    '.activitybar .action-item[aria-label*="Notes Navigator" i]').first();
}

/** Opens the Series view and returns its rows' texts once the series and the category are listed. */
async function checkSeriesView(page) {
  const icon = notesNavigatorIcon(page);
  await icon.waitFor({ timeout: 60000 }).catch(() => {
    throw new CheckFailed('no "Notes Navigator" item in the activity bar after 60 s: the installed extension contributed nothing');
  });
  await icon.click();
  const header = page.locator('.pane-header', { hasText: /^\s*Series/i }).first();
  await header.waitFor({ timeout: 20000 }).catch(() => { throw new CheckFailed('no "Series" view in the Notes Navigator container'); });
  if (await header.getAttribute('aria-expanded') === 'false') await header.click();
  const pane = page.locator('.pane', { has: header }).first();
  const row = text => pane.locator('.monaco-list-row', { hasText: text }).first();
  await row(SERIES_TITLE).waitFor({ timeout: 60000 }).catch(async () => {
    const seen = (await pane.innerText().catch(() => '')).replace(/\s+/g, ' ').slice(0, 300);
    throw new CheckFailed(`the Series view shows no "${SERIES_TITLE}" row after 60 s (it shows: ${JSON.stringify(seen)})`);
  });
  // the series node starts expanded; expand it anyway when the user state says otherwise
  const series = row(SERIES_TITLE);
  if (await series.getAttribute('aria-expanded') === 'false') await series.click();
  await row(CATEGORY).waitFor({ timeout: 20000 }).catch(async () => {
    const seen = (await pane.locator('.monaco-list-row').allInnerTexts()).map(t => t.replace(/\s+/g, ' '));
    throw new CheckFailed(`the series has no "${CATEGORY}" category row (rows: ${JSON.stringify(seen)})`);
  });
  const level = await row(CATEGORY).getAttribute('aria-level');
  check(level === '2', `"${CATEGORY}" is at tree level ${level}, expected 2 (under the series)`);
  return (await pane.locator('.monaco-list-row').allInnerTexts()).map(t => t.replace(/\s+/g, ' ').trim());
}

async function checkCommand(page) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input.input').first();
  await input.waitFor({ state: 'visible', timeout: 10000 });
  await input.fill(`>${COMMAND}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: COMMAND }).first();
  await row.waitFor({ timeout: 10000 }).catch(() => { throw new CheckFailed(`the command palette has no "${COMMAND}"`); });
  await page.keyboard.press('Escape');
}

// ---- main ---------------------------------------------------------------------------------------------------
let scratch, server, browser, page;
let cleaned = false;
async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  await browser?.close().catch(() => {});
  await server?.stop().catch(() => {});
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}

async function main() {
  const t0 = Date.now();
  const manifest = checkArchive();
  const kit = ensureKit({ quiet: true });
  scratch = scratchDir('nn-vsix-test-');
  const { extensionsDir, userDataDir } = install(kit, scratch, manifest);

  const workspace = path.join(scratch, 'notes');
  cpSync(path.join(repoRoot, 'examples', 'notes'), workspace, { recursive: true });
  server = await startCodeServer({ kit, scratch, extensionsDir, userDataDir, verbose });
  browser = await launchChromium(kit, { xdgRoot: scratch });
  page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
  if (verbose) page.on('console', m => console.error(`[browser ${m.type()}] ${m.text()}`));
  const tWb = Date.now();
  // no extensionDevelopmentPath: the only copy of the extension is the installed one
  await page.goto(workbenchUrl(server.host, { folder: workspace }));
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  const rows = await checkSeriesView(page);
  log(`Series view (${((Date.now() - tWb) / 1000).toFixed(1)} s after opening the workbench): ${JSON.stringify(rows.slice(0, 4))}`);
  await checkCommand(page);
  log(`command palette offers "${COMMAND}"`);
  log(`PASSED (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
  process.on(sig, () => void cleanup().finally(() => process.exit(code)));
}

let exitCode = 0;
try {
  await main();
} catch (err) {
  exitCode = 1;
  const msg = err instanceof Error ? (err instanceof CheckFailed ? err.message : err.stack ?? err.message) : String(err);
  console.error(`[vsix-test] FAILED: ${msg}`);
  if (page) {
    mkdirSync(path.dirname(failShot), { recursive: true });
    await page.screenshot({ path: failShot }).then(() => console.error(`[vsix-test] screenshot: ${path.relative(repoRoot, failShot)}`), () => {});
  }
  if (server && !verbose) console.error(`[vsix-test] code-server log (tail):\n${server.log().slice(-3000)}`);
} finally {
  await cleanup();
}
process.exit(exitCode);
