// Helpers shared by the code-server based tools: the test shim, `npm start` and `npm run screenshots`.
// The kit (code-server + playwright-core) is installed by scripts/vscode-kit.sh into .vscode-test/kit;
// .vscode-test/kit/kit.json says where its pieces are.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const kitDir = path.join(repoRoot, '.vscode-test', 'kit');
export const kitJsonPath = path.join(kitDir, 'kit.json');
export const extensionId = 'notes-navigator.notes-navigator';

/** Settings for a throw-away profile: no telemetry, no update checks, no welcome pages, no AI panels. */
export const quietSettings = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'npm.fetchOnlinePackageInfo': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/** Chromium flags: headless without sandbox/GPU, and any host other than loopback fails to resolve. */
export const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];

/** Reads .vscode-test/kit/kit.json; undefined when the kit is not installed. */
export function readKit() {
  if (!existsSync(kitJsonPath)) return undefined;
  const kit = JSON.parse(readFileSync(kitJsonPath, 'utf8'));
  return existsSync(kit.codeServerEntry) ? kit : undefined;
}

/** Reads the kit, or exits with a hint when it is missing. */
export function requireKit() {
  const kit = readKit();
  if (!kit) {
    console.error(`[kit] code-server kit not found at ${kitDir}: run "bash scripts/vscode-kit.sh" first`);
    process.exit(2);
  }
  return kit;
}

/** Runs scripts/vscode-kit.sh (idempotent: seconds when installed) and returns the kit. */
export function ensureKit({ quiet = false } = {}) {
  // quiet only when it is a quick check: a first install says what it is doing
  const silent = quiet && readKit() !== undefined;
  const r = spawnSync('bash', [path.join(repoRoot, 'scripts', 'vscode-kit.sh'), ...(silent ? ['--quiet'] : [])],
    { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('[kit] scripts/vscode-kit.sh failed');
    process.exit(r.status || 1);
  }
  return requireKit();
}

/** Loads playwright-core: the repo's devDependency first, the kit's copy otherwise. */
export async function loadPlaywright(kit) {
  try {
    return await import('playwright-core');
  } catch {
    const req = createRequire(path.join(kitDir, 'package.json'));
    return await import(pathToFileURL(req.resolve('playwright-core')).href);
  }
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (s.address());
      s.close(() => resolve(port));
    });
  });
}

/** A fresh scratch folder (under $TMPDIR). */
export function scratchDir(prefix) {
  return mkdtempSync(path.join(process.env.TMPDIR || tmpdir(), prefix));
}

/** Creates `<userDataDir>/User/settings.json` unless it exists. */
export function writeUserSettings(userDataDir, extra = {}) {
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  const file = path.join(userDataDir, 'User', 'settings.json');
  if (!existsSync(file)) writeFileSync(file, JSON.stringify({ ...quietSettings, ...extra }, null, 1));
}

const sleep = ms => new Promise(r => setTimeout(r, ms));

/**
 * Starts code-server on 127.0.0.1 in its own process group.
 * Returns { host, base, log(), stop() }; stop() kills the whole group.
 * @param {{ kit: any, scratch: string, userDataDir?: string, extensionsDir?: string, port?: number,
 *           verbose?: boolean, env?: Record<string, string|undefined>, startTimeoutMs?: number }} o
 */
export async function startCodeServer(o) {
  const userDataDir = o.userDataDir ?? path.join(o.scratch, 'user-data');
  const extensionsDir = o.extensionsDir ?? path.join(o.scratch, 'extensions');
  writeUserSettings(userDataDir);
  mkdirSync(extensionsDir, { recursive: true });
  const port = o.port ?? await freePort();
  const host = `127.0.0.1:${port}`;
  // code-server, its extension host and Chromium keep config/cache/logs under XDG dirs: keep them in scratch
  const xdg = {
    XDG_CONFIG_HOME: path.join(o.scratch, 'xdg-config'),
    XDG_DATA_HOME: path.join(o.scratch, 'xdg-data'),
    XDG_CACHE_HOME: path.join(o.scratch, 'xdg-cache'),
  };
  const env = { ...xdg, EXTENSIONS_GALLERY: '{}', ...process.env, ...(o.env ?? {}) };
  // newer built workbenches honour the payload's extensionDevelopmentPath/extensionTestsPath only with this
  env.VSCODE_OPTIONS = `${env.VSCODE_OPTIONS ?? ''} enable-smoke-test-driver`.trim();
  const child = spawn(o.kit.codeServerNode || process.execPath, [o.kit.codeServerEntry,
    '--auth', 'none', '--bind-addr', host, '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened',
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir], {
    env, stdio: ['ignore', 'pipe', 'pipe'], detached: true,
  });
  const lines = [];
  const onData = d => {
    lines.push(String(d));
    if (lines.length > 400) lines.splice(0, lines.length - 400);
    if (o.verbose) process.stderr.write(`[code-server] ${d}`);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  // last resort when the caller dies without stop(): no code-server outlives this process
  const killOnExit = () => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ } };
  process.on('exit', killOnExit);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    for (let i = 0; i < 20 && child.exitCode === null && child.signalCode === null; i++) await sleep(100);
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
  };
  const deadline = Date.now() + (o.startTimeoutMs ?? 60000);
  for (;;) {
    try {
      if ((await fetch(`http://${host}/healthz`)).ok) break;
    } catch { /* not listening yet */ }
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not start on ${host}:\n${lines.join('').slice(-4000)}`);
    }
    await sleep(100);
  }
  return { host, base: `http://${host}`, child, log: () => lines.join(''), stop };
}

/** The `vscode-remote://` URI code-server's workbench uses for a local path. */
export function remoteUri(host, fsPath) {
  return `vscode-remote://${host}${path.resolve(fsPath).split(path.sep).join('/')}`;
}

/**
 * Workbench URL: `folder` (or a .code-workspace) opened, and VS Code's `payload` parameter carrying
 * extensionDevelopmentPath(s) and optionally extensionTestsPath (as VS Code's browser tests do).
 */
export function workbenchUrl(host, { folder, devPaths = [], testsPath } = {}) {
  const payload = devPaths.map(p => ['extensionDevelopmentPath', remoteUri(host, p)]);
  if (testsPath) payload.push(['extensionTestsPath', remoteUri(host, testsPath)]);
  payload.push(['skipWelcome', 'true']);
  let url = `http://${host}/?`;
  if (folder) url += `${folder.endsWith('.code-workspace') ? 'workspace' : 'folder'}=${encodeURIComponent(path.resolve(folder))}&`;
  else url += 'ew=true&';
  return url + `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Launches headless Chromium (Debian's) with playwright-core. */
export async function launchChromium(kit, { xdgRoot } = {}) {
  const { chromium } = await loadPlaywright(kit);
  const executablePath = process.env.CHROMIUM || kit.chromium || '/usr/bin/chromium';
  const env = { ...process.env };
  if (xdgRoot) {
    env.XDG_CONFIG_HOME = path.join(xdgRoot, 'xdg-config');
    env.XDG_CACHE_HOME = path.join(xdgRoot, 'xdg-cache');
  }
  return chromium.launch({ executablePath, headless: true, env, args: chromiumArgs });
}

/** Reads package.json of the repo. */
export function repoPackage() {
  return JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
}
