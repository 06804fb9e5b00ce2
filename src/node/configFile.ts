import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { isInsideRoot, NO_FOLLOW } from './localFiles';

/**
 * Largest `.notes-navigator.json` read. A real configuration is a few hundred bytes; the cap keeps a file that is
 * huge by mistake or by malice (a link to /dev/zero, a generated list of half a million globs) from exhausting memory.
 */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** A configuration file that is not read, with the reason as the end of a sentence naming it (`… is larger than 1 MB`). */
export class ConfigFileRefused extends Error {}

/** `O_NONBLOCK` where the platform has it: opening a FIFO that was swapped in after the checks then cannot hang. */
const NON_BLOCK: number = constants.O_NONBLOCK ?? 0;

/**
 * The text of a configuration file, read safely (the workspace is untrusted).
 *
 * With `folderReal` (the real path of the workspace folder the file was found in, not named by the user): undefined
 * when there is no such file; it must be a regular file, or a symbolic link whose target is a regular file inside
 * that folder. Without it (a path the user named): any regular file. Never a FIFO, socket or device (which could
 * hang or never end), never more than MAX_CONFIG_BYTES. Throws ConfigFileRefused for a file it refuses, and the
 * file system's error (with its `code`) for one it cannot read.
 */
export function readConfigFile(file: string, folderReal?: string): string | undefined {
  const notRegular = folderReal === undefined ? 'is not a regular file' : 'is not a regular file inside the folder';
  let target = file;
  if (folderReal !== undefined) {
    let st;
    try {
      st = lstatSync(file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
    if (st.isSymbolicLink()) {
      try {
        target = realpathSync(file);
      } catch {
        throw new ConfigFileRefused(notRegular); // a broken link or a loop
      }
      if (!isInsideRoot(folderReal, target)) throw new ConfigFileRefused(notRegular);
    } else if (!st.isFile()) throw new ConfigFileRefused(notRegular);
  }
  // the checks are made again on the open file: it may have been swapped since (non-blocking: a FIFO opens at once)
  const fd = openSync(target, constants.O_RDONLY | NON_BLOCK | (folderReal === undefined ? 0 : NO_FOLLOW));
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new ConfigFileRefused(notRegular);
    const tooLarge = new ConfigFileRefused(`is larger than ${MAX_CONFIG_BYTES / (1024 * 1024)} MB`);
    if (st.size > MAX_CONFIG_BYTES) throw tooLarge;
    // read to one byte past the cap: the file may grow after fstat
    const buf = Buffer.allocUnsafe(MAX_CONFIG_BYTES + 1);
    let size = 0;
    for (let n; size < buf.length && (n = readSync(fd, buf, size, buf.length - size, null)) > 0;) size += n;
    if (size > MAX_CONFIG_BYTES) throw tooLarge;
    return buf.toString('utf8', 0, size);
  } finally {
    closeSync(fd);
  }
}
