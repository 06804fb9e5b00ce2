import { isUtf8 } from 'node:buffer';
import { decodeNote, type DecodeResult } from '../core/text/decode';

/**
 * Node's native UTF-8 check and decoder, ~5x faster than a fatal TextDecoder on a large workspace. Same
 * answers as the core's `decodeNote`, which still explains every file this one refuses.
 */
export function decodeFast(bytes: Uint8Array): DecodeResult {
  const b = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.subarray(0, 8192).includes(0) || !isUtf8(b)) return decodeNote(bytes);
  const bom = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
  return { ok: true, text: b.toString('utf8', bom ? 3 : 0), bom };
}
