import { unreadableMessage, type UnreadableReason } from './unreadable';

/**
 * Turns the bytes of a file into note text, or says why it cannot: UTF-16 text, binary content
 * (NUL bytes) or bytes that are not valid UTF-8. A UTF-8 BOM is removed (and reported) so that the
 * frontmatter fence is found at offset 0.
 */
export type DecodeResult =
  | { ok: true; text: string; bom: boolean }
  | { ok: false; reason: 'binary' | 'invalid-utf8'; message: string; offset?: number; unreadable: UnreadableReason };

const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeNote(bytes: Uint8Array): DecodeResult {
  // UTF-16 (with its byte order mark) is text, but not text this tool reads: say so rather than "binary"
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return failure('invalid-utf8', 0, { kind: 'utf-16', order: bytes[0] === 0xff ? 'LE' : 'BE' });
  }
  // a NUL byte in the first 8 KB is what git and editors treat as "binary"
  const probe = Math.min(bytes.length, 8192);
  for (let i = 0; i < probe; i++) {
    if (bytes[i] === 0) return failure('binary', i, { kind: 'binary', offset: i });
  }
  let text: string;
  try {
    text = fatal.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    return failure('invalid-utf8', offset, { kind: 'invalid-utf8', offset });
  }
  if (text.charCodeAt(0) === 0xfeff) return { ok: true, text: text.slice(1), bom: true };
  return { ok: true, text, bom: false };
}

function failure(reason: 'binary' | 'invalid-utf8', offset: number, unreadable: UnreadableReason): DecodeResult {
  return { ok: false, reason, message: unreadableMessage(unreadable), offset, unreadable };
}

/** Offset of the first byte that breaks UTF-8 (a linear scan, only used for the message). */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let need = 0;
    if (c < 0x80) { i++; continue; }
    else if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) need = 2;
    else if (c >= 0xf0 && c <= 0xf4) need = 3;
    else return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return b.length;
}
