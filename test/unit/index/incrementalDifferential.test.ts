import { strict as assert } from 'node:assert';
import { defaultConfig, type NotesConfig } from '../../../src/core/config';
import { loadWorkspace } from '../../../src/core/index/load';
import { WorkspaceIndex } from '../../../src/core/index/workspaceIndex';
import { MemoryReader, observe } from './memoryWorkspace';
import { matrixText, noteText, NOTES, OTHER_FILES, readmeText, rng, type Pick } from '../support/randomWorkspace';

/**
 * The incremental index against a fresh one: a seeded random walk of edits (notes rewritten, created, deleted,
 * made unreadable; files and whole folders appearing and going; the series README and matrix rewritten), and
 * after every step the index that followed the edits must say exactly what an index loaded from scratch on the
 * same files says: every diagnostic, every backlink, every computed coverage row. A re-check that misses a
 * dependent leaves a stale finding in the editor; this is the test that finds such a miss.
 */

const UNREADABLE = new Uint8Array([0xff, 0xfe, 0x00, 0x41]);

/** Configurations a walk switches between: notes left out by `exclude`, a rule off, another draft status. */
const CONFIGS: NotesConfig[] = [
  defaultConfig(),
  { ...defaultConfig(), exclude: ['notes/sub/**'] },
  { ...defaultConfig(), draftStatuses: ['draft', 'active'] },
  { ...defaultConfig(), rules: { ...defaultConfig().rules, 'link-anchor-broken': 'off', 'wikilink-broken': 'warning' } },
  // another matrix file name: the old matrix stops being one (s/misc.md is a note of the walk)
  { ...defaultConfig(), matrixFileName: 'misc.md' },
];

async function fresh(files: Record<string, string | Uint8Array>, config: NotesConfig): Promise<WorkspaceIndex> {
  const index = new WorkspaceIndex(config);
  await loadWorkspace(index, new MemoryReader(files));
  return index;
}

async function walk(seed: number, steps: number, dependentsFirst: boolean): Promise<void> {
  const r = rng(seed);
  const pick: Pick = xs => xs[Math.floor(r() * xs.length)];
  const files: Record<string, string | Uint8Array> = {};
  for (const f of NOTES) if (r() < 0.7) files[f] = noteText(f, r, pick);
  files['s/README.md'] = readmeText(r, pick);
  files['s/coverage_matrix.md'] = matrixText(r, pick);
  files['img/d.png'] = new Uint8Array([1, 2, 3]);

  let config = CONFIGS[0];
  const index = await fresh(files, config);
  if (dependentsFirst) index.buildDependents();
  const history: string[] = [];
  // as the extension feeds a changed file: a note the config leaves out is only a file
  const feed = (f: string): void => {
    const content = files[f];
    if (!index.isIncluded(f)) index.addFile(f);
    else if (typeof content === 'string') index.updateNote(f, content);
    else index.setUnreadable(f, 'not UTF-8');
  };
  for (let step = 0; step < steps; step++) {
    const op = r();
    let did: string;
    if (op < 0.45) {
      const f = pick(NOTES);
      files[f] = noteText(f, r, pick);
      feed(f);
      did = `update ${f}`;
    } else if (op < 0.6) {
      const present = Object.keys(files).filter(f => f.endsWith('.md'));
      const f = pick(present.length ? present : NOTES);
      delete files[f];
      index.removeFile(f);
      did = `remove ${f}`;
    } else if (op < 0.67) {
      const f = pick(OTHER_FILES);
      if (files[f] !== undefined) { delete files[f]; index.removeFile(f); did = `remove ${f}`; } else { files[f] = new Uint8Array([7]); index.addFile(f); did = `add ${f}`; }
    } else if (op < 0.72) {
      // the series README and matrix too: what an unreadable one said must go with its text
      const f = pick([...NOTES, 's/README.md', 's/coverage_matrix.md']);
      files[f] = UNREADABLE;
      feed(f);
      did = `unreadable ${f}`;
    } else if (op < 0.8) {
      files['s/README.md'] = readmeText(r, pick);
      feed('s/README.md');
      did = 'rewrite README';
    } else if (op < 0.82) {
      // the series README goes (its notes' backtick paths stop resolving against the series folder) or comes back
      if (files['s/README.md'] !== undefined) { delete files['s/README.md']; index.removeFile('s/README.md'); did = 'remove README'; } else { files['s/README.md'] = readmeText(r, pick); feed('s/README.md'); did = 'add README'; }
    } else if (op < 0.88) {
      files['s/coverage_matrix.md'] = matrixText(r, pick);
      feed('s/coverage_matrix.md');
      did = 'rewrite matrix';
    } else if (op < 0.92) {
      const folder = pick(['notes/sub', 's/adv', 'notes']);
      const gone = Object.keys(files).filter(f => f.startsWith(folder + '/'));
      for (const f of gone) delete files[f];
      index.removeFile(folder);
      did = `remove folder ${folder}`;
    } else if (op < 0.95) {
      // as the extension does: severities alone re-check; anything else forgets the notes now left out and loads again
      const before = config;
      config = pick(CONFIGS);
      index.setConfig(config);
      if (before.exclude !== config.exclude || before.draftStatuses !== config.draftStatuses || before.matrixFileName !== config.matrixFileName) {
        index.beginBatch();
        for (const f of [...index.files()]) if (index.isNote(f) && !index.isIncluded(f)) index.removeFile(f);
        index.endBatch();
        await loadWorkspace(index, new MemoryReader(files));
      }
      did = `config ${CONFIGS.indexOf(config)}`;
    } else {
      // a batch of edits, as a rename or a bulk change arrives
      const a = pick(NOTES);
      const b = pick(NOTES);
      index.beginBatch();
      files[a] = noteText(a, r, pick);
      feed(a);
      if (files[b] !== undefined && b !== a) { delete files[b]; index.removeFile(b); }
      if (r() < 0.5) index.endBatch();
      else await index.endBatchAsync(async () => {}, 1);
      did = `batch update ${a}, remove ${b}`;
    }
    history.push(did);
    const expected = observe(await fresh(files, config), Object.keys(files));
    const actual = observe(index, Object.keys(files));
    assert.deepEqual(actual, expected, `seed ${seed}, after step ${step + 1}:\n  ${history.join('\n  ')}`);
  }
}

describe('incremental index = fresh index (randomised)', () => {
  for (const seed of (process.env.SEEDS ? Array.from({ length: +process.env.SEEDS }, (_, i) => +(process.env.SEED_BASE ?? 1000) + i) : [1, 2, 3, 4, 5, 6, 7, 8])) {
    it(`seed ${seed}: 40 edits, dependents built on first need`, async () => {
      await walk(seed, 40, false);
    });
  }
  for (const seed of [101, 102, 103, 104]) {
    it(`seed ${seed}: 40 edits, dependents built right after the load (as the editor does)`, async () => {
      await walk(seed, 40, true);
    });
  }
});
