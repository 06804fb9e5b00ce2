import { strict as assert } from 'node:assert';
import { decodeFast } from '../../../src/node/decodeFast';
import { decodeNote } from '../../../src/core/text/decode';

describe('decodeFast', () => {
  it('gives the same answers as the core decoder', () => {
    const enc = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
    const cases: Uint8Array[] = [
      enc('plain ascii\n'), enc('中文 emoji 🎉\r\n'), enc('\ufeff---\ntitle: bom\n---\n'), new Uint8Array([]),
      new Uint8Array([0x63, 0x61, 0x66, 0xe9]), new Uint8Array([0xed, 0xa0, 0x80]), new Uint8Array([0x41, 0, 0x42]),
      new Uint8Array([0xf0, 0x9f, 0x8e]), enc('x'.repeat(10000) + '\u0000'),
    ];
    for (const c of cases) assert.deepEqual(decodeFast(c), decodeNote(c));
  });
});
