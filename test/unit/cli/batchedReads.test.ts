import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { BatchedReads } from '../../../src/cli/batchedReads';
import { FolderReader } from '../../../src/cli/walk';
import { tempWorkspace } from './cliHarness';

const text = (b: Uint8Array) => Buffer.from(b).toString('utf8');

/** A FolderReader's transient reads, counted. */
function counted(dir: string): { read: (f: string) => Uint8Array; calls: string[] } {
  const reader = new FolderReader(dir, () => {});
  const calls: string[] = [];
  return { calls, read: f => { calls.push(f); return reader.readTransient(f); } };
}

describe('BatchedReads (the CLI reading notes a batch at a time)', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 10; i++) files[`n${i}.md`] = `note ${i} ${'中'.repeat(i * 3)}`;
  const order = Object.keys(files).sort();

  it('gives every note its own bytes while a batch lasts, reading each file once', () => {
    const dir = tempWorkspace(files);
    const { read, calls } = counted(dir);
    const reads = new BatchedReads(read, order, 4);
    const views = order.slice(0, 4).map(f => reads.read(f));
    // the four views of one batch are all still intact when the last is handed out
    views.forEach((v, i) => assert.equal(text(v), files[order[i]]));
    for (const f of order.slice(4)) assert.equal(text(reads.read(f)), files[f]);
    assert.deepEqual(calls, order);
  });

  it('starts a batch wherever it is asked (out of order, or a file outside the order)', () => {
    const dir = tempWorkspace({ ...files, 'other.txt': 'not in the order' });
    const { read, calls } = counted(dir);
    const reads = new BatchedReads(read, order, 3);
    assert.equal(text(reads.read('n7.md')), files['n7.md']);
    assert.deepEqual(calls, ['n7.md', 'n8.md', 'n9.md']);
    assert.equal(text(reads.read('n2.md')), files['n2.md']);
    assert.equal(text(reads.read('other.txt')), 'not in the order');
    assert.deepEqual(calls.slice(3), ['n2.md', 'n3.md', 'n4.md', 'other.txt']);
  });

  it('ends a batch at the note that does not fit, without reading it twice', () => {
    const big = 'x'.repeat(300);
    const dir = tempWorkspace({ 'a.md': 'a'.repeat(60), 'b.md': big, 'c.md': 'c', 'd.md': big + 'd' });
    const { read, calls } = counted(dir);
    const reads = new BatchedReads(read, ['a.md', 'b.md', 'c.md', 'd.md'], 64, 100);
    assert.equal(text(reads.read('a.md')), 'a'.repeat(60));
    assert.equal(text(reads.read('b.md')), big); // too big for the buffer: the last of its batch
    assert.equal(text(reads.read('c.md')), 'c');
    assert.equal(text(reads.read('d.md')), big + 'd');
    assert.deepEqual(calls, ['a.md', 'b.md', 'c.md', 'd.md']);
  });

  it('reports a note that vanished after the listing as that note\'s error only', () => {
    const dir = tempWorkspace(files);
    const reader = new FolderReader(dir, () => {});
    const reads = new BatchedReads(f => reader.readTransient(f), order, 64);
    rmSync(path.join(dir, 'n3.md'));
    assert.equal(text(reads.read('n2.md')), files['n2.md']);
    assert.throws(() => reads.read('n3.md'), /ENOENT/);
    assert.equal(text(reads.read('n4.md')), files['n4.md']);
  });
});
