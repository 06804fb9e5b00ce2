import { strict as assert } from 'node:assert';
import { statusEditsForNewNote, stateOfNewText } from '../../../src/core/coverage/newNoteStatus';
import { defaultConfig } from '../../../src/core/config';
import { applyTextEdits } from '../../../src/core/fixes/applyEdits';
import { fixesFor } from '../../../src/core/fixes/index';
import { newNoteText } from '../../../src/core/fixes/newNote';
import { FM, indexOf } from '../index/memoryWorkspace';

// Creating a planned chapter writes a draft: its matrix row goes from Pending to In progress in the same edit, so
// that the check finds no coverage-status-mismatch once the note exists. Other rows are never touched.

const BODY = `# Body\n\n${'Some text. '.repeat(30)}\n`;
const README = FM('S') + '# S\n\n## Chapters\n\n### A\n\n- [01_x](a/01_x.md) - 必讀 - 10 min\n- [02_y](a/02_y.md) - 必讀 - 10 min\n'
  + '- [03_z](a/03_z.md) - 必讀 - 10 min\n';
const HEAD = '| Capability Area | Required Topic | Coverage Files | Status |\n| --- | --- | --- | --- |\n';
const MATRIX = 's/coverage_matrix.md';

function mismatches(index: Awaited<ReturnType<typeof indexOf>>): number[] {
  return index.diagnostics(MATRIX).filter(d => d.code === 'coverage-status-mismatch').map(d => d.range.start.line);
}

/** Creates `file` as the commands do (a new draft note plus the status edits) and returns the matrix text after. */
async function create(matrix: string, file: string): Promise<{ text: string; mismatchesAfter: number[]; mismatchesWithout: number[] }> {
  const index = await indexOf({ 's/README.md': README, [MATRIX]: matrix, 's/a/01_x.md': FM('X') + BODY });
  const note = newNoteText(index, file, { today: '2026-01-03' });
  const text = applyTextEdits(matrix, statusEditsForNewNote(index, matrix, MATRIX, file, note));
  index.updateNote(file, note);
  const mismatchesWithout = mismatches(index);
  index.updateNote(MATRIX, text);
  return { text, mismatchesAfter: mismatches(index), mismatchesWithout };
}

describe('creating a planned note: its coverage matrix row', () => {
  it('a new note is a draft', async () => {
    const index = await indexOf({});
    assert.equal(stateOfNewText(newNoteText(index, 'a.md', { today: '2026-01-03' }), defaultConfig()), 'draft');
  });

  // Mutation testing: with stateOfNewText measuring the body from the start of the text (frontmatter included), every
  // test passed; a note whose frontmatter alone is long enough would have made its row Done instead of In Progress.
  it('the frontmatter does not count as body: a long frontmatter over a stub is a draft', () => {
    const text = `---\ntitle: A long title\ntags: [${Array.from({ length: 40 }, (_, i) => `tag${i}`).join(', ')}]\n---\n\n# A\n`;
    assert.ok(text.length > 300);
    assert.equal(stateOfNewText(text, defaultConfig()), 'draft');
  });

  it('Pending becomes In Progress, and the check then finds no mismatch (without the edit it would)', async () => {
    const matrix = HEAD + '| A | X | `a/01_x.md` | Done |\n| A | Y | `a/02_y.md` | Pending |\n| A | Z | `a/03_z.md` | Pending |\n';
    const r = await create(matrix, 's/a/02_y.md');
    assert.equal(r.text, matrix.replace('| `a/02_y.md` | Pending |', '| `a/02_y.md` | In Progress |'));
    assert.deepEqual(r.mismatchesWithout, [3], 'the draft contradicts Pending');
    assert.deepEqual(r.mismatchesAfter, []);
  });

  it('a Chinese cell stays Chinese, and the author\'s text around the word is kept', async () => {
    const matrix = HEAD + '| A | X | `a/01_x.md` | 完成 |\n| A | Y | `a/02_y.md` | 待建立（下週） |\n';
    const r = await create(matrix, 's/a/02_y.md');
    assert.equal(r.text, matrix.replace('待建立（下週）', '進行中（下週）'));
    assert.deepEqual(r.mismatchesAfter, []);
  });

  it('leaves alone rows that do not name the file, rows already out of date, and rows the draft keeps in sync', async () => {
    const matrix = HEAD
      + '| A | X | `a/01_x.md` | Pending |\n' // out of date already, names another file
      + '| A | Y | `a/02_y.md` | Done |\n' // names the file but was already wrong: the author's call
      + '| A | Both | `a/01_x.md`, `a/03_z.md` | In Progress |\n' // one written, one created as a draft: still in progress
      + '| A | Z | `a/03_z.md` |  |\n'; // no status declared: nothing to agree with
    const index = await indexOf({ 's/README.md': README, [MATRIX]: matrix, 's/a/01_x.md': FM('X') + BODY });
    assert.deepEqual(statusEditsForNewNote(index, matrix, MATRIX, 's/a/02_y.md', newNoteText(index, 's/a/02_y.md', { today: '2026-01-03' })), []);
    assert.deepEqual(statusEditsForNewNote(index, matrix, MATRIX, 's/a/03_z.md', newNoteText(index, 's/a/03_z.md', { today: '2026-01-03' })), []);
    assert.deepEqual(statusEditsForNewNote(index, matrix, MATRIX, 's/a/09_none.md', newNoteText(index, 's/a/09_none.md', { today: '2026-01-03' })), []);
  });

  it('every row naming the file changes, each in its own language', async () => {
    const matrix = HEAD + '| A | Y | `a/02_y.md` | Pending |\n| B | Y again | `a/02_y.md` | 待建立 |\n';
    const r = await create(matrix, 's/a/02_y.md');
    assert.equal(r.text, HEAD + '| A | Y | `a/02_y.md` | In Progress |\n| B | Y again | `a/02_y.md` | 進行中 |\n');
    assert.deepEqual(r.mismatchesAfter, []);
  });

  it('a note created written (a long body with an active status) makes its row Done', async () => {
    const matrix = HEAD + '| A | Y | `a/02_y.md` | Pending |\n';
    const index = await indexOf({ 's/README.md': README, [MATRIX]: matrix });
    const edits = statusEditsForNewNote(index, matrix, MATRIX, 's/a/02_y.md', FM('Y') + BODY);
    assert.equal(applyTextEdits(matrix, edits), HEAD + '| A | Y | `a/02_y.md` | Done |\n');
  });
});

describe('the chapter-planned quick fix (Create the chapter note)', () => {
  it('creates the note and sets its Pending row in the same fix, leaving no mismatch', async () => {
    const matrix = HEAD + '| A | X | `a/01_x.md` | Done |\n| A | Y | `a/02_y.md` | 待建立 |\n| A | Z | `a/03_z.md` | Pending |\n';
    const files: Record<string, string> = { 's/README.md': README, [MATRIX]: matrix, 's/a/01_x.md': FM('X') + BODY };
    const index = await indexOf(files);
    const planned = index.diagnostics('s/README.md').find(d => d.code === 'chapter-planned' && d.data?.file === 's/a/02_y.md');
    assert.ok(planned, 'the README reports chapter 02 as planned');
    const fix = fixesFor(index, planned, files['s/README.md'], '2026-01-03', f => files[f])[0];
    assert.equal(fix.title, 'Create s/a/02_y.md');
    assert.deepEqual(fix.edits.map(e => e.file), ['s/a/02_y.md', MATRIX]);
    const after = applyTextEdits(matrix, fix.edits[1].edits);
    assert.equal(after.split('\n')[3], '| A | Y | `a/02_y.md` | 進行中 |');
    index.updateNote('s/a/02_y.md', applyTextEdits('', fix.edits[0].edits));
    index.updateNote(MATRIX, after);
    assert.deepEqual(mismatches(index), []);
  });

  it('titles the note after a prose label as written (Node.js Event Loop), and after a file-name label as a title', async () => {
    const readme = README + '- [Node.js Event Loop](a/04_loop.md) - 重要 - 5 min\n';
    const index = await indexOf({ 's/README.md': readme });
    const titles = index.diagnostics('s/README.md').filter(d => d.code === 'chapter-planned')
      .map(d => /^# (.*)$/m.exec(applyTextEdits('', fixesFor(index, d, readme, '2026-01-03')[0].edits[0].edits))?.[1]);
    assert.deepEqual(titles, ['X', 'Y', 'Z', 'Node.js Event Loop']);
  });

  it('offers no Create for a planned chapter that is no Markdown file (the note template is not its content)', async () => {
    const readme = README + '- [cfg](../.vscode/tasks.json) - 重要 - 5 min\n- [run](a/run.sh) - 重要 - 5 min\n';
    const index = await indexOf({ 's/README.md': readme });
    const planned = index.diagnostics('s/README.md').filter(d => d.code === 'chapter-planned');
    assert.deepEqual(planned.map(d => d.data?.file), ['s/a/01_x.md', 's/a/02_y.md', 's/a/03_z.md', '.vscode/tasks.json', 's/a/run.sh'], 'still reported as planned');
    assert.deepEqual(planned.map(d => fixesFor(index, d, readme, '2026-01-03').length), [1, 1, 1, 0, 0]);
  });

  it('creates only the note when the matrix text is not at hand', async () => {
    const matrix = HEAD + '| A | Y | `a/02_y.md` | Pending |\n';
    const index = await indexOf({ 's/README.md': README, [MATRIX]: matrix });
    const planned = index.diagnostics('s/README.md').find(d => d.code === 'chapter-planned' && d.data?.file === 's/a/02_y.md')!;
    assert.deepEqual(fixesFor(index, planned, README, '2026-01-03')[0].edits.map(e => e.file), ['s/a/02_y.md']);
  });
});
