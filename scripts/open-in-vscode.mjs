// `npm start`: build the extension and open examples/notes in VS Code with it loaded.
//   * a desktop `code` on PATH: `code --extensionDevelopmentPath=<repo> examples/notes`
//   * otherwise: the code-server kit (scripts/vscode-kit.sh --for start: no Chromium), code-server on 127.0.0.1 with the extension
//     loaded as a development extension; prints the URL to open and stays in the foreground until Ctrl+C.
// usage: node scripts/open-in-vscode.mjs [folder] [--port N] [--web] [--verbose]
//   --web  use code-server even when a desktop `code` exists
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ensureKit, repoPackage, repoRoot, scratchDir, startCodeServer, workbenchUrl } from '../test/integration/harness/kit.mjs';

function parseArgs(argv) {
  const o = { folder: path.join(repoRoot, 'examples', 'notes'), port: undefined, web: false, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--port') o.port = Number(argv[++i]);
    else if (a.startsWith('--port=')) o.port = Number(a.slice(7));
    else if (a === '--web') o.web = true;
    else if (a === '--verbose') o.verbose = true;
    else if (a === '-h' || a === '--help') {
      console.log('usage: node scripts/open-in-vscode.mjs [folder] [--port N] [--web] [--verbose]');
      process.exit(0);
    } else if (!a.startsWith('-')) o.folder = path.resolve(a);
    else { console.error(`unknown option ${a}`); process.exit(2); }
  }
  if (o.port !== undefined && !(Number.isInteger(o.port) && o.port > 0 && o.port < 65536)) {
    console.error('--port needs a port number'); process.exit(2);
  }
  return o;
}

function onPath(cmd) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, cmd))) return true;
  }
  return false;
}

function build() {
  console.log('[start] building (node scripts/build.mjs) ...');
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) { console.error('[start] build failed'); process.exit(r.status || 1); }
  const main = path.join(repoRoot, repoPackage().main ?? 'dist/extension.js');
  if (!existsSync(main)) { console.error(`[start] ${path.relative(repoRoot, main)} was not built`); process.exit(1); }
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (!existsSync(o.folder)) { mkdirSync(o.folder, { recursive: true }); }
  build();

  if (!o.web && onPath('code')) {
    console.log(`[start] code --extensionDevelopmentPath=${repoRoot} ${o.folder}`);
    const r = spawnSync('code', [`--extensionDevelopmentPath=${repoRoot}`, o.folder], { stdio: 'inherit' });
    process.exit(r.status ?? 1);
  }

  // the user opens the printed URL in their own browser: the kit without Chromium will do
  // (scripts/vscode-kit.sh --for start; an explicit VSCODE_KIT_FOR is kept)
  process.env.VSCODE_KIT_FOR ??= 'start';
  const kit = ensureKit({ quiet: true });
  const scratch = scratchDir('nn-start-');
  const server = await startCodeServer({ kit, scratch, port: o.port, verbose: o.verbose });
  let stopping = false;
  const stop = async code => {
    if (stopping) return;
    stopping = true;
    console.log('\n[start] stopping code-server ...');
    await server.stop();
    rmSync(scratch, { recursive: true, force: true });
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  server.child.on('exit', code => {
    if (stopping) return;
    console.error(`[start] code-server exited (${code}):\n${server.log().slice(-3000)}`);
    void stop(1);
  });

  const url = workbenchUrl(server.host, { folder: o.folder, devPaths: [repoRoot] });
  const { version = '0.0.0', displayName = 'extension' } = repoPackage();
  console.log(`
[start] ${displayName} ${version} is loaded as a development extension in code-server ${kit.codeServerVersion ?? ''} (VS Code ${kit.vscodeVersion ?? '?'}).
[start] Open this URL in a browser on this machine (forward the port when remote):

  ${url}

[start] After rebuilding (node scripts/build.mjs), run "Developer: Reload Window" in the workbench.
[start] Ctrl+C to stop.`);
  // keep the process alive: the code-server child and the signal handlers hold the event loop
  await new Promise(() => {});
}

void main().catch(err => { console.error(`[start] ${err instanceof Error ? err.message : err}`); process.exit(1); });
