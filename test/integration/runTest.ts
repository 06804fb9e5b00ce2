// Launches the integration tests in a real VS Code extension host (bundled to out/test/integration/runTest.js).
//
// VS Code executable: $VSCODE_EXECUTABLE_PATH, else the code-server kit's shim
// (test/integration/harness/code-test-shim.mjs, installed by scripts/vscode-kit.sh), else none: then
// @vscode/test-electron downloads desktop VS Code as usual.
// Workspace: a temporary copy of examples/notes ($TEST_WORKSPACE overrides the source folder), because the
// tests edit and rename notes; the copy is deleted afterwards unless NN_KEEP_TEST_WORKSPACE is set.
// NN_TEST_GREP: only run the tests whose full title matches (passed to mocha inside the host).
// NN_TEST_MULTIROOT=1: open a multi-root workspace (a .code-workspace file) whose first folder holds no notes and
// whose second folder is the copy; only the multi-root tests expect it (run them with NN_TEST_GREP='multi-root').
// With neither variable set, a second launch runs the multi-root tests after the full single-folder run.
// SHIM_SCREENSHOT: where the shim saves the workbench at the end (default .vscode-test/integration-last-run.png).
import { runTests } from '@vscode/test-electron';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** out/test/integration/runTest.js → the repository root. */
const repoRoot = path.resolve(__dirname, '../../..');

function kitShim(): string | undefined {
  const kitJson = path.join(repoRoot, '.vscode-test', 'kit', 'kit.json');
  if (!existsSync(kitJson)) return undefined;
  const kit = JSON.parse(readFileSync(kitJson, 'utf8')) as { shim?: string; codeServerEntry?: string };
  const shim = kit.shim ?? path.join(repoRoot, 'test', 'integration', 'harness', 'code-test-shim.mjs');
  return kit.codeServerEntry && existsSync(kit.codeServerEntry) && existsSync(shim) ? shim : undefined;
}

/** A .code-workspace file in `scratch`: first a folder without notes ("other"), then `notes`. */
function multiRootWorkspace(scratch: string, notes: string): string {
  const other = path.join(scratch, 'other');
  mkdirSync(other, { recursive: true });
  writeFileSync(path.join(other, 'README.md'), '# Other\n\nNot a series: no chapters here.\n');
  const file = path.join(scratch, 'multi-root.code-workspace');
  writeFileSync(file, JSON.stringify({ folders: [{ path: 'other' }, { path: path.relative(scratch, notes) }], settings: {} }, null, 2));
  console.log(`[runTest] multi-root workspace: ${file}`);
  return file;
}

/**
 * One launch of the extension host on a fresh copy of the workspace: `multiRoot` opens it as the second folder of a
 * .code-workspace; `grep` runs only the tests whose full title matches.
 */
async function runOnce(source: string, multiRoot: boolean, grep: string | undefined): Promise<number> {
  const scratch = mkdtempSync(path.join(process.env.TMPDIR ?? tmpdir(), 'nn-integration-'));
  const workspace = path.join(scratch, path.basename(source));
  cpSync(source, workspace, { recursive: true });
  const target = multiRoot ? multiRootWorkspace(scratch, workspace) : workspace;
  const userDataDir = path.join(scratch, 'user-data');
  const extensionsDir = path.join(scratch, 'extensions');
  mkdirSync(extensionsDir, { recursive: true });

  const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE_PATH || kitShim();
  console.log(`[runTest] VS Code: ${vscodeExecutablePath ?? '(downloaded by @vscode/test-electron)'}`);
  console.log(`[runTest] workspace: copy of ${path.relative(repoRoot, source) || source} at ${workspace}`);
  const started = Date.now();
  try {
    await runTests({
      ...(vscodeExecutablePath ? { vscodeExecutablePath } : {}),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(__dirname, 'index'),
      launchArgs: [target, '--disable-extensions', `--user-data-dir=${userDataDir}`, `--extensions-dir=${extensionsDir}`],
      extensionTestsEnv: {
        NN_TEST_WORKSPACE_SOURCE: source,
        // the code-server shim saves the workbench as it was when the run ended (failures included)
        SHIM_SCREENSHOT: process.env.SHIM_SCREENSHOT ?? path.join(repoRoot, '.vscode-test', 'integration-last-run.png'),
        ...(grep ? { NN_TEST_GREP: grep } : {}),
      },
    });
    console.log(`[runTest] integration tests passed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return 0;
  } catch (err) {
    console.error(`[runTest] integration tests failed: ${err instanceof Error ? err.message : String(err)}`);
    showExtensionLog(userDataDir);
    return 1;
  } finally {
    if (process.env.NN_KEEP_TEST_WORKSPACE) console.log(`[runTest] kept ${scratch}`);
    else rmSync(scratch, { recursive: true, force: true });
  }
}

/** Lines of the extension's log a failed run prints (the last ones: what it did just before the failure). */
const LOG_TAIL = 80;

/**
 * Prints the end of the extension's own log (its output channel, `Notes Navigator.log` under the profile's logs) after
 * a failed run, since the profile is deleted with the scratch folder: what the index did (reconciles, files it found
 * unreported, folders it watched) is often what explains a failure that does not repeat.
 */
function showExtensionLog(userDataDir: string): void {
  const logs = path.join(userDataDir, 'logs');
  if (!existsSync(logs)) return;
  for (const session of readdirSync(logs)) {
    for (const host of readdirSync(path.join(logs, session)).filter(d => d.startsWith('exthost'))) {
      const file = path.join(logs, session, host, 'notes-navigator.notes-navigator', 'Notes Navigator.log');
      if (!existsSync(file)) continue;
      const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
      console.error(`[runTest] the last ${Math.min(LOG_TAIL, lines.length)} of ${lines.length} lines of ${path.join(session, host, 'Notes Navigator.log')}:`);
      for (const line of lines.slice(-LOG_TAIL)) console.error(`  ${line}`);
    }
  }
}

/**
 * Without NN_TEST_GREP or NN_TEST_MULTIROOT (`npm test`, CI): every test in a single-folder window, then the
 * multi-root tests in a second launch on a .code-workspace, since one window cannot be both.
 */
async function main(): Promise<number> {
  const source = path.resolve(process.env.TEST_WORKSPACE ?? path.join(repoRoot, 'examples', 'notes'));
  if (!existsSync(source)) {
    console.error(`[runTest] workspace folder not found: ${source}`);
    return 2;
  }
  const grep = process.env.NN_TEST_GREP;
  if (process.env.NN_TEST_MULTIROOT || grep) return runOnce(source, !!process.env.NN_TEST_MULTIROOT, grep);
  const single = await runOnce(source, false, undefined);
  console.log('[runTest] second launch: the multi-root tests in a .code-workspace');
  const multi = await runOnce(source, true, 'multi-root');
  return Math.max(single, multi);
}

main().then(code => process.exit(code), err => {
  console.error(err);
  process.exit(1);
});
