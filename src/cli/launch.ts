import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/**
 * What `notes-navigator` starts (dist/cli.js): it compiles the checker's bundle (dist/check.js) with the V8 code
 * cache the build wrote beside it (dist/check.cache), so that the functions a check runs need not be parsed and
 * compiled to bytecode again at every start: ~45 ms of a 1,000-note check and ~55 ms of a 10,000-note one on the
 * benchmark's machine (docs/benchmark.md).
 *
 * The cache begins with the SHA-256 of the bundle it was made from and the SHA-256 of the rest, and is used only
 * for that bundle and only whole: V8's own checks compare the source's length, not its text (a cache of other code
 * would run that code), and release builds of V8 do not checksum what they deserialize. A cache another Node.js
 * version or other V8 flags made is refused by V8 (`cachedDataRejected`), and the bundle is compiled as usual. A
 * missing, unreadable or damaged cache costs nothing but the time it would have saved. Hashing both takes ~1.5 ms.
 */

export const BUNDLE = 'check.js';
export const CACHE = 'check.cache';
const HASH_BYTES = 32;
const HEADER_BYTES = 2 * HASH_BYTES;

/** What became of the code cache: used, refused by V8, made for another bundle, not whole, or absent. */
export type CacheUse = 'used' | 'rejected' | 'stale' | 'damaged' | 'none';

export interface LoadedCheck {
  /** the bundle's exports (`run`, `main` …) */
  exports: Record<string, unknown>;
  cache: CacheUse;
  /** the bundle's compiled script: `createCachedData()` once it has run makes the cache */
  script: vm.Script;
  /** the bytes a cache for this bundle starts with */
  hash: Buffer;
}

/** Compiles and runs `dir`/check.js (with its cache unless `useCache` is false) as a CommonJS module. */
export function loadCheck(dir: string, useCache = true): LoadedCheck {
  const file = path.join(dir, BUNDLE);
  const source = readFileSync(file);
  const hash = sha256(source);
  let cachedData: Buffer | undefined;
  let cache: CacheUse = 'none';
  if (useCache) {
    const bytes = readCache(path.join(dir, CACHE));
    if (bytes) {
      const payload = bytes.subarray(HEADER_BYTES);
      if (bytes.length <= HEADER_BYTES || !hash.equals(bytes.subarray(0, HASH_BYTES))) cache = 'stale';
      else if (!sha256(payload).equals(bytes.subarray(HASH_BYTES, HEADER_BYTES))) cache = 'damaged';
      else cachedData = payload;
    }
  }
  const script = new vm.Script(wrap(source.toString('utf8')), { filename: file, cachedData });
  if (cachedData) cache = script.cachedDataRejected ? 'rejected' : 'used';
  // the bundle reads nothing of its module but `exports`
  const module = { exports: {} as Record<string, unknown> };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, dir);
  return { exports: module.exports, cache, script, hash };
}

/** The bytes of a code cache for `loaded`'s bundle, once it has run what the cache should hold. */
export function cacheBytes(loaded: LoadedCheck): Buffer {
  const payload = loaded.script.createCachedData();
  return Buffer.concat([loaded.hash, sha256(payload), payload]);
}

function sha256(bytes: Uint8Array): Buffer {
  return createHash('sha256').update(bytes).digest();
}

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

if (require.main === module) {
  const { exports } = loadCheck(__dirname, process.env.NOTES_NAVIGATOR_NO_CODE_CACHE === undefined);
  (exports.main as () => void)();
}
