import { strict as assert } from 'node:assert';
import { detach } from '../../../src/core/text/detach';

describe('detach', () => {
  it('returns an equal string', () => {
    for (const s of ['', 'short', 'exactly13char', 'a longer string with 中文 and emoji 🎉', 'x'.repeat(10000)]) assert.equal(detach(s), s);
  });

  it('does not keep the big string it was sliced from alive', function () {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (!gc) this.skip();
    gc!();
    const before = process.memoryUsage().heapUsed;
    const kept: string[] = [];
    for (let i = 0; i < 50; i++) {
      const big = `note ${i} `.padEnd(1_000_000, 'x');
      kept.push(detach(big.slice(100, 140)));
    }
    gc!();
    // 50 retained 1 MB parents would be 50 MB
    assert.ok(process.memoryUsage().heapUsed - before < 10 * 1024 * 1024);
    assert.equal(kept.length, 50);
  });
});
