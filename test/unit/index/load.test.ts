import { strict as assert } from 'node:assert';
import { codes, FM, indexOf } from './memoryWorkspace';

describe('loadWorkspace', () => {
  it('checks a note named .MD like a .md one, and links to it resolve', async () => {
    const index = await indexOf({
      'UP.MD': '# Up\n',
      'a.md': FM('A') + '[[UP]] [u](UP.MD) [[missing]]\n',
    });
    assert.ok(index.note('UP.MD'), 'UP.MD is a note');
    assert.deepEqual(codes(index, 'UP.MD'), ['frontmatter-missing']);
    assert.deepEqual(codes(index, 'a.md'), ['wikilink-broken']);
  });
});
