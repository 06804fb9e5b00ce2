// scripts/vscode-kit.sh, run on a copy whose kit is already "installed" (a stamp and an empty entry.js), with a
// PATH holding only the few tools it uses: what it requires for `--for start` (npm start) and `--for tests`.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const script = readFileSync('scripts/vscode-kit.sh', 'utf8');

function onPath(cmd: string): string {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, cmd))) return path.join(dir, cmd);
  }
  throw new Error(`${cmd} is not on the PATH`);
}

interface Kit { root: string; bin: string }

/** A repo copy holding only the script and an installed kit; `bin` is the PATH: the tools, a non-root `id`, no Chromium. */
function fakeRepo(): Kit {
  const root = mkdtempSync(path.join(os.tmpdir(), 'nn-kit-'));
  mkdirSync(path.join(root, 'scripts'));
  copyFileSync('scripts/vscode-kit.sh', path.join(root, 'scripts', 'vscode-kit.sh'));
  const cs = /^CS_VERSION=\$\{CS_VERSION:-([^}]+)\}$/m.exec(script)?.[1];
  const pw = /^PW_VERSION=(\S+)$/m.exec(script)?.[1];
  assert.ok(cs && pw, 'the script names its code-server and playwright-core versions');
  const kit = path.join(root, '.vscode-test', 'kit');
  mkdirSync(path.join(kit, 'node_modules', 'code-server', 'out', 'node'), { recursive: true });
  writeFileSync(path.join(kit, 'node_modules', 'code-server', 'out', 'node', 'entry.js'), '');
  writeFileSync(path.join(kit, '.installed'), `code-server@${cs} playwright-core@${pw}\n`);
  const bin = path.join(root, 'bin');
  mkdirSync(bin);
  for (const tool of ['dirname', 'mkdir', 'cat', 'date', 'tail', 'rm']) symlinkSync(onPath(tool), path.join(bin, tool));
  symlinkSync(process.execPath, path.join(bin, 'node'));
  // not root: the script names the Debian packages it would install instead of running apt-get
  writeFileSync(path.join(bin, 'id'), '#!/bin/sh\necho 1000\n');
  chmodSync(path.join(bin, 'id'), 0o755);
  return { root, bin };
}

function runKit(k: Kit, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(onPath('bash'), [path.join(k.root, 'scripts', 'vscode-kit.sh'), ...args],
    { encoding: 'utf8', env: { PATH: k.bin, HOME: k.root, ...env } });
  const kitJson = path.join(k.root, '.vscode-test', 'kit', 'kit.json');
  return { code: r.status, out: r.stdout, err: r.stderr, kit: existsSync(kitJson) ? JSON.parse(readFileSync(kitJson, 'utf8')) : undefined };
}

describe('scripts/vscode-kit.sh: what npm start and the tests require', function () {
  if (process.platform !== 'linux') return;
  let k: Kit;
  beforeEach(() => { k = fakeRepo(); });
  afterEach(() => rmSync(k.root, { recursive: true, force: true }));

  it('--for start (npm start) needs no Chromium, nor asks for it or the fonts', () => {
    const r = runKit(k, ['--for', 'start']);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.kit?.chromium, '');
    assert.match(r.out, /not root: cannot apt-get install ripgrep libkrb5-dev build-essential \(/);
    // idempotent, and the environment variable is the same as the option
    const again = runKit(k, ['--quiet'], { VSCODE_KIT_FOR: 'start' });
    assert.equal(again.code, 0, again.err);
    assert.equal(again.out, '');
  });

  it('the tests (and the default, as npm test and CI run it) refuse to go on without Chromium', () => {
    for (const args of [['--for', 'tests'], ['--for=tests'], [], ['--quiet']]) {
      const r = runKit(k, args);
      assert.equal(r.code, 1, args.join(' '));
      assert.match(r.err, /ERROR: chromium not found .*--for start/, args.join(' '));
      assert.equal(r.kit, undefined, args.join(' '));
    }
    assert.match(runKit(k, ['--for', 'tests']).out, /apt-get install chromium ripgrep libkrb5-dev build-essential fonts-noto-cjk fonts-noto-color-emoji/);
  });

  it('the tests find Chromium on the PATH and record it in kit.json', () => {
    const chromium = path.join(k.bin, 'chromium');
    writeFileSync(chromium, '#!/bin/sh\n');
    chmodSync(chromium, 0o755);
    const r = runKit(k, ['--for', 'tests']);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.kit?.chromium, chromium);
  });

  it('a bad --for is bad usage (exit 2)', () => {
    for (const args of [['--for', 'browser'], ['--for'], ['--bogus']]) {
      const r = runKit(k, args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, /ERROR: /);
    }
  });
});
