import { strict as assert } from 'node:assert';
import { applyTextEdits } from '../../../src/core/fixes/applyEdits';
import { matricesOfNewNote, newNoteFileEdits, newNoteText, plannedNoteOptions } from '../../../src/core/fixes/newNote';
import { parseFrontmatter } from '../../../src/core/frontmatter/parse';
import { indexOf } from '../index/memoryWorkspace';

// A chapter whose file lies outside its series' folder, or in the folder of a nested series, was created as a note
// of the series of its folder: title from the file name, that series' domain, no category tag, and the matrix of
// the series listing it left Pending (a coverage-status-mismatch right after).

const fm = (title: string, domain: string) => `---\ntitle: ${title}\nnote_type: index\ndomain: ${domain}\ntags: [${domain}]\ncreated: 2026-01-01\nupdated: 2026-01-01\nstatus: active\n---\n`;
const README = fm('Systems', 'systems') + '# Systems\n\n## Chapters\n\n### Rust Async\n\n- [Async Rust Basics](rust/05_async_rust.md) - 必讀 - 30 min\n\n'
  + '### Reference\n\n- [Glossary](../shared/glossary.md) - 重要 - 5 min\n';
const NESTED = fm('Rust', 'rust') + '# Rust\n\n## Chapters\n\n### Basics\n\n- [01_intro](01_intro.md) - 必讀 - 10 min\n';
const HEAD = '| Capability Area | Required Topic | Coverage Files | Status |\n| --- | --- | --- | --- |\n';
const MATRIX = HEAD + '| Rust Async | Async basics | `rust/05_async_rust.md` | Pending |\n';

async function workspace(more: Record<string, string> = {}) {
  return indexOf({ ...more, 's/README.md': README, 's/coverage_matrix.md': MATRIX, 's/rust/README.md': NESTED, 's/rust/01_intro.md': fm('Intro', 'rust') + '# Intro\n' });
}

/**
 * Creates `file` with the matrices of `matricesOfNewNote`, which must be `matrices` (by file, with their text): each
 * one's row of the file goes from Pending to In Progress, and no coverage-status-mismatch is left.
 */
function createsInProgress(index: Awaited<ReturnType<typeof indexOf>>, file: string, matrices: Record<string, string>): void {
  assert.deepEqual(matricesOfNewNote(index, file), Object.keys(matrices));
  const text = newNoteText(index, file, { ...plannedNoteOptions(index, file), today: '2026-01-03' });
  const edits = newNoteFileEdits(index, file, text, Object.entries(matrices).map(([m, t]) => ({ file: m, text: t })));
  index.updateNote(file, text);
  for (const [m, before] of Object.entries(matrices)) {
    const matrixEdit = edits.find(e => e.file === m);
    assert.ok(matrixEdit, `${m} is edited`);
    const after = applyTextEdits(before, matrixEdit.edits);
    assert.equal(after, before.replace('Pending', 'In Progress'));
    index.updateNote(m, after);
    assert.deepEqual(index.diagnostics(m).filter(d => d.code === 'coverage-status-mismatch'), [], m);
  }
}

describe('creating a chapter listed by a series other than that of its folder', () => {
  it('in a nested series\' folder: title from the label, the listing series\' domain and the category as tags', async () => {
    const index = await workspace();
    const file = 's/rust/05_async_rust.md';
    assert.deepEqual(plannedNoteOptions(index, file), { title: 'Async Rust Basics', tags: ['systems', 'rust-async'] });
    const data = parseFrontmatter(newNoteText(index, file, { ...plannedNoteOptions(index, file), today: '2026-01-03' })).data!;
    assert.equal(data.title, 'Async Rust Basics');
    assert.equal(data.domain, 'systems');
  });

  it('outside its series\' folder: tags all the same', async () => {
    const index = await workspace();
    assert.deepEqual(plannedNoteOptions(index, 'shared/glossary.md'), { title: 'Glossary', tags: ['systems', 'reference'] });
  });

  it('the listing series\' matrix row goes In Progress (and the folder\'s series\' one naming it too): no mismatch after', async () => {
    const nestedMatrix = HEAD + '| Basics | Intro | `01_intro.md` | Done |\n| Async | Async basics | `05_async_rust.md` | Pending |\n';
    for (const withNested of [false, true]) {
      const index = await workspace(withNested ? { 's/rust/coverage_matrix.md': nestedMatrix } : {});
      const file = 's/rust/05_async_rust.md';
      const matrices: Record<string, string> = withNested ? { 's/coverage_matrix.md': MATRIX, 's/rust/coverage_matrix.md': nestedMatrix } : { 's/coverage_matrix.md': MATRIX };
      createsInProgress(index, file, matrices);
    }
  });
  it('a chapter two series list: the matrix row of each goes In Progress, not the first series\' only', async () => {
    const readme = (t: string) => fm(t, 'x') + `# ${t}\n\n## Chapters\n\n### Ref\n\n- [Glossary](../shared/glossary.md) - 重要 - 5 min\n`;
    const matrix = HEAD + '| Ref | Glossary | `../shared/glossary.md` | Pending |\n';
    const matrices = { 'a/coverage_matrix.md': matrix, 'b/coverage_matrix.md': matrix };
    const index = await indexOf({ 'a/README.md': readme('A'), 'b/README.md': readme('B'), ...matrices });
    const file = 'shared/glossary.md';
    createsInProgress(index, file, matrices);
  });
});
