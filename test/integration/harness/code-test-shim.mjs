#!/usr/bin/env node
// A stand-in for the VS Code executable, for @vscode/test-electron's runTests({ vscodeExecutablePath }).
//
// It understands the arguments runTests passes (--extensionDevelopmentPath=, --extensionTestsPath=,
// --user-data-dir=, --extensions-dir=, --disable-extensions, a folder or .code-workspace), starts
// code-server (the kit from scripts/vscode-kit.sh) on 127.0.0.1 and opens its web workbench in headless
// Chromium with VS Code's `payload` URL parameter carrying extensionDevelopmentPath + extensionTestsPath.
// The tests then run inside code-server's real Node extension host; their output arrives through
// window.codeAutomationLog and the exit code through window.codeAutomationExit.
//
// Exit codes: the extension host's (0 = tests passed), 1 = harness error, 2 = bad usage or no kit,
// 124 = timeout, 130/143 = interrupted (SIGINT/SIGTERM).
//
// env: TEST_TIMEOUT_MS   whole-run timeout (default 600000)
//      SHIM_SCREENSHOT   PNG path: screenshot of the workbench when the run ends (passed, failed or timed out)
//      SHIM_VERBOSE=1    every workbench log line, the browser console and the code-server log
//      CODE_SERVER_ENTRY / CODE_SERVER_NODE / CHROMIUM   override the kit's pieces
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { launchChromium, readKit, scratchDir, startCodeServer, workbenchUrl } from './kit.mjs';

const env = process.env;
const verbose = !!env.SHIM_VERBOSE;
const timeoutMs = Number(env.TEST_TIMEOUT_MS || 600000);
const log = (...a) => console.error('[shim]', ...a);

// ---- arguments, VS Code style (--key=value or --key value)
const withValue = new Set(['extensionDevelopmentPath', 'extensionTestsPath', 'user-data-dir', 'extensions-dir',
  'locale', 'folder-uri', 'file-uri', 'profile']);
const devPaths = [];
const positional = [];
let testsPath, userDataDir, extensionsDir, disableExtensions = false, wantVersion = false;
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (!a.startsWith('--')) { positional.push(a); continue; }
  const eq = a.indexOf('=');
  const key = eq < 0 ? a.slice(2) : a.slice(2, eq);
  let val = eq < 0 ? undefined : a.slice(eq + 1);
  if (val === undefined && withValue.has(key)) val = argv[++i];
  switch (key) {
    case 'extensionDevelopmentPath': devPaths.push(path.resolve(val)); break;
    case 'extensionTestsPath': testsPath = path.resolve(val); break;
    case 'user-data-dir': userDataDir = path.resolve(val); break;
    case 'extensions-dir': extensionsDir = path.resolve(val); break;
    case 'disable-extensions': disableExtensions = true; break;
    case 'version': wantVersion = true; break;
    default: if (verbose) log(`ignoring --${key}`);
  }
}

const found = readKit();
const kit = {
  ...(found ?? {}),
  codeServerEntry: env.CODE_SERVER_ENTRY || found?.codeServerEntry,
  codeServerNode: env.CODE_SERVER_NODE || found?.codeServerNode || process.execPath,
};
if (!kit.codeServerEntry) {
  log('no code-server: run "bash scripts/vscode-kit.sh" (or set CODE_SERVER_ENTRY)');
  process.exit(2);
}
if (wantVersion) {
  const r = spawnSync(kit.codeServerNode, [kit.codeServerEntry, '--version'], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
if (!testsPath) {
  log('usage: code-test-shim.mjs --extensionTestsPath=P [--extensionDevelopmentPath=P]... [folder]');
  process.exit(2);
}
const target = positional[0] ? path.resolve(positional[0]) : undefined;

// ---- profile: runTests passes user-data/extensions dirs; --disable-extensions = an empty extensions dir
const scratch = scratchDir('code-test-shim-');
userDataDir ??= path.join(scratch, 'user-data');
if (disableExtensions || !extensionsDir) extensionsDir = path.join(scratch, 'extensions');
mkdirSync(extensionsDir, { recursive: true });

let server, browser, page;
let cleaning = false;
async function cleanup() {
  if (cleaning) return;
  cleaning = true;
  await browser?.close().catch(() => {});
  await server?.stop();
  rmSync(scratch, { recursive: true, force: true });
}
for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
  process.on(sig, () => {
    log(`${sig}: stopping`);
    void cleanup().finally(() => process.exit(code));
  });
}

async function screenshot(reason) {
  if (!page || !env.SHIM_SCREENSHOT) return;
  mkdirSync(path.dirname(path.resolve(env.SHIM_SCREENSHOT)), { recursive: true });
  await page.screenshot({ path: env.SHIM_SCREENSHOT }).then(
    () => log(`screenshot (${reason}): ${env.SHIM_SCREENSHOT}`), () => {});
}

class Timeout extends Error {}
// workbench log lines that say nothing about the tests
const noise = new RegExp([
  '^Ignoring fetching additional builtin extensions', '^Updating additional builtin extensions cache', '^ChatSessionStore:',
  '^No search provider registered for scheme', '^\\[(AgentHost|AgentHost:remote|ChatModelSelection|AccountPolicyGate)\\]',
  '^Resolv(ing|ed) connection token', '^Creating a socket', '^Creation of workbench contribution', '^\\[Service Worker\\]',
].join('|'));

let exitCode = 1;
const t0 = Date.now();
let timer;
try {
  server = await startCodeServer({ kit, scratch, userDataDir, extensionsDir, verbose });
  browser = await launchChromium(kit, { xdgRoot: scratch });
  page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
  let settle;
  const finished = new Promise((resolve, reject) => { settle = { resolve, reject }; });
  finished.catch(() => {}); // rejections are handled where it is awaited; this one may come first
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = format(...(Array.isArray(args) ? args : [args]));
    if (verbose || !noise.test(line)) (type === 'error' ? console.error : console.log)(line);
  });
  await page.exposeFunction('codeAutomationExit', c => settle.resolve(c));
  page.on('crash', () => settle.reject(new Error('the browser page crashed')));
  timer = setTimeout(() => settle.reject(new Timeout(`tests did not finish within ${timeoutMs} ms`)), timeoutMs);
  if (verbose) page.on('console', m => console.error(`[browser ${m.type()}] ${m.text()}`));
  await page.goto(workbenchUrl(server.host, { folder: target, devPaths, testsPath }));
  const c = await finished;
  exitCode = Number.isInteger(c) ? c : 1;
  await screenshot(exitCode === 0 ? 'done' : 'failed');
  log(`extension host exited with code ${exitCode} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
} catch (e) {
  exitCode = e instanceof Timeout ? 124 : 1;
  log('ERROR:', e instanceof Error ? e.message : e);
  await screenshot('error');
  if (server && !verbose) console.error(server.log().slice(-4000));
} finally {
  clearTimeout(timer);
  await cleanup();
}
process.exit(exitCode);
