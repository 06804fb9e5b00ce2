import { readdir } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import path from 'node:path';

/**
 * Every regular file below the folder `root` (POSIX paths relative to it, sorted), listed with Node's `readdir`, less
 * what `excluded` says (a folder it says is not entered). Undefined as soon as the folder holds something a file
 * search may list otherwise, so that the caller asks the search instead: a symbolic link, a socket, FIFO or device (but
 * where the excludes leave it out), a folder that cannot be read, or more than `maxEntries` entries in all.
 *
 * The folders of one depth are read together: in a busy extension host each `readdir` waits its turn on the event
 * loop, and one at a time, the 262 folders of the 10,000-note benchmark took ~0.5 s there (~40 ms in a bare process).
 */
export async function listPlainFolder(root: string, excluded: (rel: string) => boolean, maxEntries: number): Promise<string[] | undefined> {
  const out: string[] = [];
  let depth = [''];
  let entries = 0;
  while (depth.length > 0) {
    let listed: Dirent[][];
    try {
      listed = await Promise.all(depth.map(rel => readdir(rel === '' ? root : path.join(root, rel), { withFileTypes: true })));
    } catch {
      return undefined;
    }
    const next: string[] = [];
    for (let k = 0; k < depth.length; k++) {
      const rel = depth[k];
      entries += listed[k].length;
      if (entries > maxEntries) return undefined;
      for (const d of listed[k]) {
        const childRel = rel === '' ? d.name : `${rel}/${d.name}`;
        if (d.isDirectory()) {
          if (!excluded(childRel)) next.push(childRel);
        } else if (d.isFile()) {
          if (!excluded(childRel)) out.push(childRel);
        } else if (!excluded(childRel)) return undefined;
      }
    }
    depth = next;
  }
  return out.sort();
}
