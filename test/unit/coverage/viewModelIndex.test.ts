import { strict as assert } from 'node:assert';
import { defaultConfig } from '../../../src/core/config';
import { buildViewModel } from '../../../src/core/coverage/viewModel';
import { FM, indexOf } from '../index/memoryWorkspace';

const README = `# Series

## Chapters

### Basics

- [01_intro](basics/01_intro.md) - 必讀 - 30 min
- [02_more](basics/02_more.md) - 重要 - 45 min
- [03_hidden](locked/03_hidden.md) - 可跳讀 - 20 min
- [01_intro again](basics/01_intro.md) - 必讀 - 30 min
`;

const MATRIX = `# Coverage

| Capability Area | Required Topic | Coverage Files | Status |
| --- | --- | --- | --- |
| Basics | Intro | \`basics/01_intro.md\` | Pending |
| Basics | Hidden | \`locked/03_hidden.md\` | Done |
`;

describe('coverage view model over the real index', () => {
  it('counts a chapter whose file lies where the listing does not look as existing, like the README check and the tree', async () => {
    const config = { ...defaultConfig(), unlistedFolders: ['s/locked'] };
    const index = await indexOf({ 's/README.md': README, 's/coverage_matrix.md': MATRIX }, config);
    const s = buildViewModel(index).series[0]!;
    assert.equal(index.fileStateOf('s/locked/03_hidden.md'), 'written');
    // 01 (30, listed twice: counted once) and 02 (45) are missing; 03 is taken to exist
    assert.deepEqual(s.minutesLeft, { 'must-read': 30, important: 45, skippable: 0, none: 0 });
    const unlisted = s.readmeOnly.map(c => [c.file, c.state]);
    assert.deepEqual(unlisted, [['s/basics/02_more.md', 'missing']]);
  });

  it('counts a file that exists but is not read as a note (excluded) as written, not missing', async () => {
    const config = { ...defaultConfig(), exclude: ['**/02_more.md'] };
    const body = 'x'.repeat(400);
    const index = await indexOf({ 's/README.md': README, 's/coverage_matrix.md': MATRIX, 's/basics/01_intro.md': FM('Intro') + body, 's/basics/02_more.md': FM('More') + body }, config);
    // the case itself: a file the index has but did not read as a note (returning here instead passed the test unseen)
    assert.equal(index.note('s/basics/02_more.md'), undefined, 'the exclude glob applies');
    assert.ok(index.hasFile('s/basics/02_more.md'), 'the excluded file is still a file of the workspace');
    assert.equal(index.fileStateOf('s/basics/02_more.md'), 'written');
    const s = buildViewModel(index).series[0]!;
    assert.equal(s.minutesLeft.important, 0);
    assert.deepEqual(s.readmeOnly.map(c => [c.file, c.state]), [['s/basics/02_more.md', 'written']]);
  });

  it('shows a file a row names twice (`./a.md`, `a.md#x`) once, and counts its reading time and problems once', async () => {
    const matrix = MATRIX.replace('`basics/01_intro.md` |', '`./basics/01_intro.md`, `basics/01_intro.md#x`, `basics/02_more.md` |');
    const index = await indexOf({ 's/README.md': README, 's/coverage_matrix.md': matrix, 's/basics/01_intro.md': 'no frontmatter\n' });
    const [intro] = buildViewModel(index).series[0]!.rows;
    assert.deepEqual(intro.files.map(f => [f.href, f.file]), [['./basics/01_intro.md', 's/basics/01_intro.md'], ['basics/02_more.md', 's/basics/02_more.md']]);
    assert.equal(intro.minutes, 30 + 45);
    assert.equal(intro.problems, intro.files[0].problems);
    assert.ok(intro.problems > 0, 'the note without frontmatter has a problem');
  });
});
