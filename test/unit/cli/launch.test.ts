// The CLI's launcher (src/cli/launch.ts): the checker's bundle compiled with the V8 code cache made for it, and
// never with a cache made for other code.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { wrap } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { BUNDLE, CACHE, cacheBytes, loadCheck } from '../../../src/cli/launch';
import { tempWorkspace } from './cliHarness';

/** A bundle of `value` (one character) whose function `twice` V8 compiles only when called. */
const bundle = (value: string) =>
  `exports.twice = n => n * 2;\nexports.value = '${value}';\nexports.sep = require('node:path').sep;\nexports.dir = __dirname;\n`;

function madeCache(dir: string): Buffer {
  const loaded = loadCheck(dir, false);
  assert.equal((loaded.exports.twice as (n: number) => number)(21), 42);
  const bytes = cacheBytes(loaded);
  writeFileSync(path.join(dir, CACHE), bytes);
  return bytes;
}

describe('CLI launcher: the V8 code cache', () => {
  it('runs the bundle as a CommonJS module without a cache, and with the cache made for it', () => {
    const dir = tempWorkspace({ [BUNDLE]: bundle('a') });
    const bare = loadCheck(dir);
    assert.equal(bare.cache, 'none');
    assert.deepEqual([bare.exports.value, bare.exports.sep, bare.exports.dir], ['a', path.sep, dir]);
    madeCache(dir);
    const cached = loadCheck(dir);
    assert.equal(cached.cache, 'used');
    assert.equal(cached.exports.value, 'a');
    assert.equal((cached.exports.twice as (n: number) => number)(4), 8);
    assert.equal(loadCheck(dir, false).cache, 'none', 'asked not to, it reads no cache');
  });

  it('never uses a cache made for other code of the same length, which V8 itself would accept', () => {
    const dir = tempWorkspace({ [BUNDLE]: bundle('a') });
    const old = madeCache(dir);
    writeFileSync(path.join(dir, BUNDLE), bundle('b'));
    // the premise: V8 compares the source's length, not its text, so the old bytecode would run for the new source
    const raw = new vm.Script(wrap(bundle('b')), { filename: path.join(dir, BUNDLE), cachedData: old.subarray(64) });
    assert.equal(raw.cachedDataRejected, false, 'V8 takes a same-length stranger\'s cache (the hash guards against it)');
    const loaded = loadCheck(dir);
    assert.equal(loaded.cache, 'stale');
    assert.equal(loaded.exports.value, 'b', 'the new source runs');
  });

  it('falls back to compiling when the cache is damaged or cut short (release V8 would not notice)', () => {
    const dir = tempWorkspace({ [BUNDLE]: bundle('a') });
    const good = madeCache(dir);
    const garbled = Buffer.from(good);
    for (let i = 64; i < garbled.length; i += 7) garbled[i] ^= 0x5a;
    // the premise: V8 takes the garbled bytes (no checksum in release builds), so the launcher must check them
    const raw = new vm.Script(wrap(bundle('a')), { filename: path.join(dir, BUNDLE), cachedData: garbled.subarray(64) });
    assert.equal(raw.cachedDataRejected, false, 'V8 took a garbled cache');
    writeFileSync(path.join(dir, CACHE), garbled);
    const damaged = loadCheck(dir);
    assert.equal(damaged.cache, 'damaged');
    assert.equal(damaged.exports.value, 'a');
    writeFileSync(path.join(dir, CACHE), good.subarray(0, good.length - 1));
    assert.equal(loadCheck(dir).cache, 'damaged');
    writeFileSync(path.join(dir, CACHE), good.subarray(0, 20));
    assert.equal(loadCheck(dir).cache, 'stale');
    assert.equal(loadCheck(dir).exports.value, 'a');
  });

  it('compiles as usual when V8 refuses the cache: made under other V8 flags (as by another Node.js)', () => {
    const dir = tempWorkspace({ [BUNDLE]: bundle('a') });
    const make = `const l = require(${JSON.stringify(path.resolve('dist/cli.js'))}); const d = ${JSON.stringify(dir)};
      const x = l.loadCheck(d, false); x.exports.twice(1); require('node:fs').writeFileSync(require('node:path').join(d, l.CACHE), l.cacheBytes(x));`;
    execFileSync(process.execPath, ['--no-opt', '-e', make]);
    const refused = loadCheck(dir);
    assert.equal(refused.cache, 'rejected');
    assert.equal(refused.exports.value, 'a');
  });

  describe('the built CLI (dist/)', () => {
    const dist = path.resolve('dist');

    it('the build made a cache that this Node.js uses for dist/check.js', () => {
      const code = `process.stdout.write(require(${JSON.stringify(path.join(dist, 'cli.js'))}).loadCheck(${JSON.stringify(dist)}).cache)`;
      assert.equal(execFileSync(process.execPath, ['-e', code], { encoding: 'utf8' }), 'used');
    });

    it('node dist/cli.js prints the same report with and without the cache, and keeps the exit code', () => {
      const args = [path.join(dist, 'cli.js'), 'check', 'examples/notes', '--format', 'json'];
      const withCache = spawnSync(process.execPath, args, { encoding: 'utf8' });
      const without = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, NOTES_NAVIGATOR_NO_CODE_CACHE: '1' } });
      assert.equal(withCache.status, 1, withCache.stderr);
      assert.equal(without.status, 1, without.stderr);
      assert.ok(withCache.stdout.length > 1000);
      assert.equal(withCache.stdout, without.stdout);
      assert.match(withCache.stderr, /✖ 5 errors/);
    });

    it('a reader that stops early does not make it fail: `check | head -c 100` still exits with the check\'s code', () => {
      const r = spawnSync('bash', ['-c', `set -o pipefail; ${JSON.stringify(process.execPath)} dist/cli.js check examples/notes --format json | head -c 100 >/dev/null; echo "\${PIPESTATUS[0]}"`], { encoding: 'utf8' });
      assert.equal(r.stdout.trim(), '1', r.stderr);
      assert.doesNotMatch(r.stderr, /internal error|EPIPE/);
    });

    it('a report that cannot be written (a full disk) is exit 2 and one line, not the check\'s code', function () {
      if (!existsSync('/dev/full')) this.skip();
      const empty = tempWorkspace({});
      for (const [folder, format] of [[empty, 'sarif'], [empty, 'text'], ['examples/notes', 'json']]) {
        const r = spawnSync('bash', ['-c', `${JSON.stringify(process.execPath)} dist/cli.js check ${JSON.stringify(folder)} --format ${format} >/dev/full`], { encoding: 'utf8' });
        assert.equal(r.status, 2, `${format}: ${r.stderr}`);
        assert.match(r.stderr, /^notes-navigator: cannot write to stdout: ENOSPC$/m, format);
        assert.doesNotMatch(r.stderr, /internal error|at /, format);
      }
    });

    describe('its exit once the report is written', () => {
      // a report of ~1 MB: far more than a pipe holds, so a slow reader makes the writes wait
      let big: string;
      let hook: string;
      before(() => {
        hook = path.join(tempWorkspace({ 'hook.cjs': "process.on('beforeExit', () => process.stderr.write('@@beforeExit\\n'));\n" }), 'hook.cjs');
        const files: Record<string, string> = {};
        for (let i = 0; i < 150; i++) {
          files[`n${i}.md`] = `---\ntitle: N${i}\n---\n# N${i}\n` + Array.from({ length: 40 }, (_, j) => `[x](missing_${i}_${j}.md)`).join('\n') + '\n';
        }
        big = tempWorkspace(files);
      });
      /** Runs the built CLI under bash (`pipeline`: what its output goes through) with a hook that says whether Node's own end ran. */
      const runCli = (pipeline: string) => {
        const node = `${JSON.stringify(process.execPath)} --require ${JSON.stringify(hook)} ${JSON.stringify(path.join(dist, 'cli.js'))}`;
        return spawnSync('bash', ['-c', `set -o pipefail; ${node} check ${JSON.stringify(big)} --format json ${pipeline}; echo "exit \${PIPESTATUS[0]}" >&2`], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      };

      it('a reader slower than the check still gets the whole report, and the exit code is the check\'s', () => {
        const direct = runCli('');
        const slow = runCli('| (sleep 0.5; cat)');
        assert.match(direct.stderr, /exit 1/);
        assert.match(slow.stderr, /exit 1/);
        assert.ok(direct.stdout.length > 500_000, `a report of ${direct.stdout.length} characters`);
        assert.equal(slow.stdout, direct.stdout);
        assert.ok(JSON.parse(slow.stdout).diagnostics.length >= 6000);
      });

      it('ends the process as soon as the report is out, without tearing down the heap Node\'s way', () => {
        for (const pipeline of ['> /dev/null', '| cat > /dev/null', '| (sleep 0.5; cat) > /dev/null']) {
          const r = runCli(pipeline);
          assert.match(r.stderr, /exit 1/);
          assert.doesNotMatch(r.stderr, /@@beforeExit/, `through ${pipeline}: Node's usual end ran`);
        }
      });
    });

    it('the launcher is small: the checker itself is in check.js', () => {
      assert.ok(readFileSync(path.join(dist, 'cli.js')).length < 20_000);
    });
  });
});
