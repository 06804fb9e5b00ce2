import { strict as assert } from 'node:assert';
import { applyTextEdits } from '../../../src/core/fixes/applyEdits';
import { syncStatusEdits } from '../../../src/core/coverage/sync';
import { fixesFor } from '../../../src/core/fixes/index';
import { parseFrontmatter } from '../../../src/core/frontmatter/parse';
import type { WorkspaceIndex } from '../../../src/core/index/workspaceIndex';
import type { Diagnostic } from '../../../src/core/model';
import { LineIndex } from '../../../src/core/text/lineIndex';
import { indexOf } from '../index/memoryWorkspace';
import { assertKeepsText } from '../support/keepsText';
import { matrixText, noteText, NOTES, OTHER_FILES, readmeText, rng, type Pick } from '../support/randomWorkspace';

/**
 * Every quick fix offered on random workspaces, applied: it never loses text (no line disappears, no frontmatter
 * key or other field's value changes, a replaced span never runs across lines), it never makes frontmatter
 * invalid, and the preferred fix makes its diagnostic go away.
 */

type Files = Record<string, string>;
const TODAY = '2026-11-22';

/** Frontmatter problems the shared generator does not make: a field missing, a bad date, dates out of order, a value not allowed. */
const BREAKAGES: [RegExp, string][] = [
  [/^tags: .*\n/m, ''],
  [/^updated: .*$/m, 'updated: 2026-13-01'],
  [/^updated: .*$/m, 'updated: 2025-01-01  # before created'],
  [/^status: active$/m, 'status: wip'],
  [/^note_type: chapter$/m, 'note_type: chaptr'],
  [/^domain: .*\n/m, ''],
];

function workspace(seed: number): Files {
  const r = rng(seed);
  const pick: Pick = xs => xs[Math.floor(r() * xs.length)];
  const files: Files = {};
  for (const f of NOTES) {
    if (r() >= 0.85) continue;
    let text = noteText(f, r, pick);
    if (r() < 0.5) { const [re, by] = pick(BREAKAGES); text = text.replace(re, by); }
    if (r() < 0.2) text = text.replace(/\n/g, '\r\n');
    files[f] = text;
  }
  files['s/README.md'] = readmeText(r, pick);
  files['s/coverage_matrix.md'] = matrixText(r, pick);
  for (const f of OTHER_FILES) if (r() < 0.7) files[f] = '';
  return files;
}

function count(index: WorkspaceIndex, file: string, code: string): number {
  return index.diagnostics(file).filter(d => d.code === code).length;
}

/** Top-level frontmatter keys and their values as written (one line each), or undefined without a valid block. */
function fields(text: string): Map<string, unknown> | undefined {
  const fm = parseFrontmatter(text, new LineIndex(text));
  if (!fm.data) return undefined;
  return new Map(Object.entries(fm.data).map(([k, v]) => [k, JSON.stringify(v)]));
}

async function checkSeed(seed: number): Promise<number> {
  const files = workspace(seed);
  const index = await indexOf(files);
  let applied = 0;
  const diags: Diagnostic[] = [...index.allDiagnostics().values()].flat();
  for (const d of diags) {
    const fixes = fixesFor(index, d, files[d.file], TODAY, f => files[f]);
    for (const fix of fixes) {
      const what = `seed ${seed}, ${d.file}:${d.range.start.line + 1} ${d.code}, fix "${fix.title}"`;
      const after: Files = { ...files };
      for (const fe of fix.edits) {
        if (fe.create) {
          assert.equal(files[fe.file], undefined, `${what}: creates ${fe.file}, which exists`);
          after[fe.file] = applyTextEdits('', fe.edits);
        } else {
          assert.ok(files[fe.file] !== undefined, `${what}: edits ${fe.file}, which does not exist`);
          after[fe.file] = applyTextEdits(files[fe.file], fe.edits);
          assertKeepsText(files[fe.file], after[fe.file], fix, fe.file, what);
          // frontmatter: no key lost; only the field the diagnostic names may change
          const was = fields(files[fe.file]);
          const now = fields(after[fe.file]);
          if (was) {
            assert.ok(now, `${what}: the frontmatter of ${fe.file} no longer parses:\n${after[fe.file]}`);
            const field = typeof d.data?.field === 'string' ? d.data.field : undefined;
            for (const [k, v] of was) if (k !== field) assert.equal(now.get(k), v, `${what}: field "${k}" of ${fe.file} changed`);
          }
        }
      }
      const fixed = await indexOf(after);
      for (const f of Object.keys(after)) {
        assert.ok(count(fixed, f, 'frontmatter-invalid') <= count(index, f, 'frontmatter-invalid'), `${what}: made the frontmatter of ${f} invalid:\n${after[f]}`);
      }
      if (fix.preferred) {
        assert.ok(count(fixed, d.file, d.code) < count(index, d.file, d.code),
          `${what}: the preferred fix leaves every ${d.code} of ${d.file} in place:\n${fix.edits.map(fe => fe.file + ': ' + JSON.stringify(fe.edits)).join('\n')}`);
      }
      applied++;
    }
  }
  return applied;
}

/** Sync status on a random workspace: every row's declared status becomes the computed one, nothing else changes. */
async function checkSync(seed: number): Promise<boolean> {
  const files = workspace(seed);
  const index = await indexOf(files);
  const series = index.series()[0];
  const cov = series && index.coverage(series);
  if (!cov) return false;
  const matrix = cov.file;
  const edits = syncStatusEdits(files[matrix], cov, index.computeCoverage(series), index.config);
  const after = { ...files, [matrix]: applyTextEdits(files[matrix], edits) };
  const what = `seed ${seed}, sync status`;
  assertKeepsText(files[matrix], after[matrix], { title: 'sync', edits: [{ file: matrix, edits }] }, matrix, what);
  const synced = await indexOf(after);
  const syncedSeries = synced.series()[0];
  for (const rc of synced.computeCoverage(syncedSeries)) {
    assert.equal(rc.row.declared, rc.computed, `${what}: row "${rc.row.topic}" still says ${rc.row.declared}, computed ${rc.computed}:\n${after[matrix]}`);
  }
  // only status cells changed: the matrix has the same rows, files and cross-references
  const shape = (i: WorkspaceIndex) => {
    const c = i.coverage(i.series()[0])!;
    return { rows: c.rows.map(r => [r.area, r.topic, r.files.map(f => f.href).join(' ')]), xrefs: c.xrefs.map(x => [x.a.raw, x.b.raw]) };
  };
  assert.deepEqual(shape(synced), shape(index), `${what}: changed more than status cells`);
  return true;
}

describe('quick fixes on random workspaces: no text lost, the preferred fix works', () => {
  it('sync status in random workspaces makes every row say its computed status and changes nothing else', async () => {
    let synced = 0;
    for (let seed = 1; seed <= Number(process.env.SYNC_SEEDS ?? 40); seed++) if (await checkSync(seed)) synced++;
    assert.ok(synced >= 30, `only ${synced} workspaces had a matrix`);
  });

  const count = Number(process.env.SEEDS ?? 25);
  const base = Number(process.env.SEED_BASE ?? 1);
  it(`every fix offered in ${count} random workspaces`, async () => {
    let applied = 0;
    for (let seed = base; seed < base + count; seed++) applied += await checkSeed(seed);
    assert.ok(applied > count * 5, `only ${applied} fixes were offered`);
  });
});
