import { strict as assert } from 'node:assert';
import { decodeFast, decodeValidUtf8 } from '../../../src/node/decodeFast';
import { decodeNote } from '../../../src/core/text/decode';
import { createRng } from '../../bench/corpus';

const enc = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

describe('decodeFast', () => {
  it('gives the same answers as the core decoder', () => {
    const cases: Uint8Array[] = [
      enc('plain ascii\n'), enc('中文 emoji 🎉\r\n'), enc('\ufeff---\ntitle: bom\n---\n'), new Uint8Array([]),
      new Uint8Array([0x63, 0x61, 0x66, 0xe9]), new Uint8Array([0xed, 0xa0, 0x80]), new Uint8Array([0x41, 0, 0x42]),
      new Uint8Array([0xf0, 0x9f, 0x8e]), enc('x'.repeat(10000) + '\u0000'),
      enc('café crème, naïve'), enc('\ufeff# 標題 🎉\n'), enc('\ufeff'), enc('\ufeff\ufeffdouble'),
      enc('# 一致性\n'.repeat(200_000)), // over 1 MB: Node hands such strings out differently
      new Uint8Array(Buffer.from('\ufeff# Title\n', 'utf16le')), new Uint8Array([0xfe, 0xff, 0, 0x23, 0, 0x20, 0, 0x54]),
    ];
    for (const c of cases) assert.deepEqual(decodeFast(c), decodeNote(c));
  });

  it('says a UTF-16 file (with its byte order mark) is UTF-16, not binary', () => {
    const le = decodeNote(new Uint8Array(Buffer.from('\ufeff# Title\n', 'utf16le')));
    const be = decodeNote(new Uint8Array([0xfe, 0xff, 0, 0x23, 0, 0x20, 0, 0x54]));
    assert.ok(!le.ok && le.message === 'file is UTF-16 LE text; save it as UTF-8 to have it checked', JSON.stringify(le));
    assert.ok(!be.ok && be.message.startsWith('file is UTF-16 BE text'), JSON.stringify(be));
  });

  it('decodes random valid UTF-8 (1- to 4-byte characters) exactly as the core decoder does', () => {
    const rng = createRng(7);
    const rnd = (n: number) => Math.floor(rng() * n);
    const ranges: [number, number][] = [[0x20, 0x7e], [0x0a, 0x0a], [0xa0, 0x7ff], [0x800, 0xd7ff], [0xe000, 0xfffd], [0x10000, 0x10ffff]];
    for (let round = 0; round < 200; round++) {
      let s = '';
      for (let i = rnd(300); i > 0; i--) {
        const [lo, hi] = ranges[rnd(ranges.length)];
        s += String.fromCodePoint(lo + rnd(hi - lo + 1));
      }
      const bytes = enc(s);
      assert.deepEqual(decodeFast(bytes), decodeNote(bytes), `round ${round}`);
      assert.equal(decodeValidUtf8(Buffer.from(bytes)), s);
    }
  });
});
