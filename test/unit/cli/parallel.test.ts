import { strict as assert } from 'node:assert';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from '../../../src/cli/args';
import { loadIndex, MIN_NOTES_PER_THREAD, threadCount, type Io } from '../../../src/cli/main';
import { buildReport } from '../../../src/cli/report';
import { FolderReader } from '../../../src/cli/walk';
import { defaultConfig } from '../../../src/core/config';
import { generateCorpus } from '../../bench/corpus';
import { checkWorker, cliWith, tempWorkspace, type CliResult } from './cliHarness';

const ROOT = process.cwd(); // mocha runs from the repository root
const FM = '---\ntitle: T\nnote_type: chapter\ndomain: backend\ntags: [a]\ncreated: 2025-01-01\nupdated: 2025-01-02\nstatus: active\n---\n';

let workerFile: string;

/** The CLI in-process; `parallel` as the tests need it (round-robin dealing, so every thread holds notes). */
function cliThreads(parallel: Io['parallel'], ...argv: string[]): Promise<CliResult> {
  return cliWith({ parallel }, ...argv);
}

/** Output without the summary's elapsed time. */
function timeless(s: string): string {
  return s.replace(/ \(\d+ ms\)$/m, ' (… ms)');
}

/** stderr lines in a comparable form: the elapsed time removed, sorted. */
function logLines(err: string): string[] {
  return timeless(err).split('\n').filter(Boolean).sort();
}

async function assertSameAsOneThread(dir: string, threads: number, ...argv: string[]): Promise<CliResult> {
  const one = await cliThreads(undefined, ...argv, dir, '--threads', '1');
  const many = await cliThreads({ workerFile, deal: true, uncapped: true }, ...argv, dir, '--threads', String(threads));
  assert.doesNotMatch(many.err, /one thread/, many.err);
  assert.equal(many.code, one.code);
  assert.equal(timeless(many.out), timeless(one.out));
  assert.deepEqual(logLines(many.err), logLines(one.err));
  return many;
}

describe('CLI parallel check', function () {
  this.timeout(60000);

  before(async () => {
    workerFile = await checkWorker();
  });

  for (const fixture of ['test/fixtures/mini', 'test/fixtures/seeds', 'test/fixtures/clean', 'examples/notes']) {
    it(`gives the one-thread answers on ${fixture} (json, text, sarif, coverage)`, async () => {
      const dir = path.join(ROOT, fixture);
      for (const threads of [2, 3]) {
        await assertSameAsOneThread(dir, threads, 'check', '--format', 'json');
        await assertSameAsOneThread(dir, threads, 'coverage', '--format', 'json');
      }
      await assertSameAsOneThread(dir, 2, 'check', '--format', 'text');
      await assertSameAsOneThread(dir, 2, 'check', '--format', 'sarif');
    });
  }

  it('gives the one-thread answers on a generated 600-note workspace with a series', async () => {
    const dir = tempWorkspace(Object.fromEntries(generateCorpus({ notes: 600, seed: 7 }).map(f => [f.path, f.text])));
    const r = await assertSameAsOneThread(dir, 2, 'check', '--format', 'json');
    const codes = new Set(JSON.parse(r.out).diagnostics.map((d: { code: string }) => d.code));
    // the cross-file rules were exercised: broken links, missing headings, broken wikilinks and refs
    for (const c of ['link-broken', 'link-anchor-broken', 'wikilink-broken', 'ref-broken']) assert.ok(codes.has(c), c);
    await assertSameAsOneThread(dir, 2, 'coverage', '--format', 'md');
  });

  it('reports unreadable, binary and symbolic-link files as the one-thread check does', async () => {
    const files: Record<string, string | Buffer> = {
      'bin.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]),
      'latin1.md': Buffer.from([0x63, 0x61, 0x66, 0xe9]),
      'locked.md': FM,
      'big/README.md': '# Not a series\n\nSee [a](../a.md) and [[b]].\n',
    };
    for (let i = 0; i < 20; i++) files[`n/${i}.md`] = FM + `# Note ${i}\n\n[next](${i + 1}.md) [[${i + 2}]] [h](${i}.md#note-${i})\n`;
    files['a.md'] = FM + '# A\n';
    const dir = tempWorkspace(files);
    mkdirSync(path.join(dir, 'loop'));
    symlinkSync('..', path.join(dir, 'loop', 'again'));
    symlinkSync('/etc', path.join(dir, 'etc-link'));
    symlinkSync(path.join(dir, 'a.md'), path.join(dir, 'n', 'inside-link.md'));
    chmodSync(path.join(dir, 'locked.md'), 0o000);
    const r = await assertSameAsOneThread(dir, 2, 'check', '--format', 'json');
    assert.match(r.err, /skipped bin\.md: file is binary/);
    assert.match(r.err, /skipped latin1\.md: file is not valid UTF-8/);
  });

  it('gives the one-thread answers when listed notes cannot be read or have vanished', async () => {
    // a folder where the listing saw a note cannot be read (EISDIR, even for root); a note never there has vanished
    const unreadable = ['dir.md', 'n/dir-5.md', 's/README.md', 's/coverage_matrix.md'];
    const gone = ['gone.md', 'n/gone-3.md', 'README.md', 'n/coverage_matrix.md'];
    const files: Record<string, string> = { 'a.md': FM + '# A\n' };
    for (let i = 0; i < 24; i++) {
      files[`n/${i}.md`] = FM + `# Note ${i}\n\n[next](${(i + 1) % 24}.md) [d](dir-5.md) [g](gone-3.md) [[dir]] [[gone]] [top](../dir.md) [s](../s/README.md)\n`;
    }
    const dir = tempWorkspace(files);
    for (const f of unreadable) mkdirSync(path.join(dir, f), { recursive: true });
    const reader = new FolderReader(dir, () => {});
    const all = [...reader.listSync(), ...unreadable, ...gone].sort();
    const load = async (threads: number) => {
      const log: string[] = [];
      const io: Io = { out() {}, err() {}, isTTY: false, errIsTTY: false, env: {}, parallel: { workerFile, deal: true, uncapped: true } };
      const index = await loadIndex(defaultConfig(), reader, all, { ...parseArgs(['check']), threads }, io, line => log.push(line));
      return { report: buildReport(index), log: log.sort() };
    };
    const one = await load(1);
    for (const threads of [2, 3]) assert.deepEqual(await load(threads), one, `${threads} threads`);
    for (const f of unreadable) assert.ok(one.log.some(l => l.startsWith(`skipped ${f}: could not be read: EISDIR`)), f);
    for (const f of gone) assert.ok(one.log.some(l => l.startsWith(`skipped ${f}: could not be read: ENOENT`)), f);
    // what cannot be read exists: only the links to notes that vanished are broken
    const broken = new Set(one.report.diagnostics.filter(d => d.code.endsWith('-broken')).map(d => d.message.match(/"([^"]*)"/)?.[1]));
    assert.deepEqual([...broken].sort(), ['[[gone]]', 'gone-3.md']);
  });

  it('falls back to one thread, saying so, when a worker fails or is missing', async () => {
    const dir = path.join(ROOT, 'examples/notes');
    const one = await cliThreads(undefined, 'check', dir, '--format', 'json', '--threads', '1');
    const broken = path.join(os.tmpdir(), `nn-broken-worker-${process.pid}.js`);
    writeFileSync(broken, "throw new Error('worker exploded');\n");
    const failed = await cliThreads({ workerFile: broken, deal: true, uncapped: true }, 'check', dir, '--format', 'json', '--threads', '2');
    assert.match(failed.err, /a worker thread failed \(.*worker exploded.*\); checking on one thread/);
    assert.equal(failed.out, one.out);
    assert.equal(failed.code, one.code);
    const missing = await cliThreads({ workerFile: broken + '.gone', uncapped: true }, 'check', dir, '--format', 'json', '--threads', '2');
    assert.match(missing.err, /is missing; checking on one thread/);
    assert.equal(missing.out, one.out);
  });

  it('starts no more threads than the notes and CPUs make worth it', async () => {
    const notes = (n: number) => Array.from({ length: n }, (_, i) => `n/${i}.md`).concat(['img.png', 'a.txt']);
    const cpus = os.availableParallelism?.() ?? os.cpus().length;
    assert.equal(threadCount(8, notes(35), defaultConfig(), false), 1);
    assert.equal(threadCount(8, notes(MIN_NOTES_PER_THREAD * 2 - 1), defaultConfig(), false), 1);
    assert.equal(threadCount(8, notes(MIN_NOTES_PER_THREAD * 2), defaultConfig(), false), Math.min(2, cpus));
    assert.equal(threadCount(3, notes(MIN_NOTES_PER_THREAD * 64), defaultConfig(), false), Math.min(3, cpus));
    assert.equal(threadCount(8, notes(35), defaultConfig(), true), 8);
    // without --threads: one thread per CPU (at most 4) on a machine of 4 CPUs or more, and still one per 1,000 notes
    assert.equal(threadCount(undefined, notes(MIN_NOTES_PER_THREAD * 2 - 1), defaultConfig(), false, 8), 1);
    assert.equal(threadCount(undefined, notes(MIN_NOTES_PER_THREAD * 2), defaultConfig(), false, 8), 2);
    assert.equal(threadCount(undefined, notes(MIN_NOTES_PER_THREAD * 3 - 1), defaultConfig(), false, 8), 2);
    assert.equal(threadCount(undefined, notes(MIN_NOTES_PER_THREAD * 3), defaultConfig(), false, 8), 3);
    assert.equal(threadCount(undefined, notes(MIN_NOTES_PER_THREAD * 10), defaultConfig(), false, 8), 4);
    assert.equal(threadCount(undefined, notes(MIN_NOTES_PER_THREAD * 10), defaultConfig(), false, 4), 4);
    assert.equal(threadCount(undefined, notes(MIN_NOTES_PER_THREAD * 10), defaultConfig(), false, 3), 1);
    assert.equal(threadCount(undefined, notes(MIN_NOTES_PER_THREAD * 10), defaultConfig(), false), cpus >= 4 ? Math.min(cpus, 4) : 1);
    // the cap holds on the command line: with 35 notes no worker starts, so a broken one is never noticed
    const dir = path.join(ROOT, 'examples/notes');
    const broken = path.join(os.tmpdir(), `nn-broken-worker-cap-${process.pid}.js`);
    writeFileSync(broken, "throw new Error('worker exploded');\n");
    const capped = await cliThreads({ workerFile: broken }, 'check', dir, '--format', 'json', '--threads', '8');
    assert.doesNotMatch(capped.err, /worker/);
    const one = await cliThreads(undefined, 'check', dir, '--format', 'json', '--threads', '1');
    assert.equal(capped.out, one.out);
    const uncapped = await cliThreads({ workerFile: broken, uncapped: true }, 'check', dir, '--format', 'json', '--threads', '8');
    assert.match(uncapped.err, /a worker thread failed/);
  });

  it('refuses a --threads value that is not a whole number from 1 to 64', async () => {
    for (const v of ['0', 'two', '65', '-1']) {
      const r = await cliThreads(undefined, 'check', '.', '--threads', v);
      assert.equal(r.code, 2, v);
      assert.equal(r.err.trim().split('\n').length, 1);
    }
  });
});
