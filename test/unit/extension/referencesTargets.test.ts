import { strict as assert } from 'node:assert';
import { FM } from '../index/memoryWorkspace';
import { at, navigationOf } from './navigationHarness';

/** Find All References on links to what is no note: an image, a folder. */
describe('references on a link to what is no note', () => {
  it('to an image: the links to it, and no declaration (the image has no line to show)', async () => {
    const A = FM('A') + 'see ![p](pic.png) and <img src="pic.png">\n';
    const nav = await navigationOf({ 'a.md': A, 'pic.png': 'png', 'x.md': FM('X') + '# X\n' });
    const [l, c] = at(A, '(pic.png)', 2);
    const list = async (includeDeclaration: boolean) =>
      (await nav.references(nav.document('a.md'), l, c, includeDeclaration)).map(x => `${x.uri.path.slice(4)}:${x.range.start.line}:${x.range.start.character}`);
    const links = [`a.md:${at(A, '![p]').join(':')}`, `a.md:${at(A, '<img').join(':')}`];
    assert.deepEqual(await list(false), links);
    assert.deepEqual(await list(true), links);
    // a note's declaration is still there
    const B = FM('B') + '[x](x.md)\n';
    const nav2 = await navigationOf({ 'b.md': B, 'x.md': FM('X') + '# X\n' });
    const [bl, bc] = at(B, '(x.md)', 2);
    const withDeclaration = await nav2.references(nav2.document('b.md'), bl, bc, true);
    assert.deepEqual(withDeclaration.map(x => x.uri.path.slice(4)), ['x.md', 'b.md']);
  });

  it('to a folder: the links to that folder, and its README as the declaration', async () => {
    const A = FM('A') + 'see [f](../sd) and [g](../sd/) and [h](../sd/README.md)\n';
    const C = FM('C') + '[f](sd) and [[sd]]\n';
    const R = FM('Sd') + '# Sd\n';
    const nav = await navigationOf({ 'x/a.md': A, 'c.md': C, 'sd/README.md': R, 'sd/n.md': FM('N') + '# N\n' });
    const [l, c] = at(A, '(../sd)', 2);
    const list = async (includeDeclaration: boolean) =>
      (await nav.references(nav.document('x/a.md'), l, c, includeDeclaration)).map(x => `${x.uri.path.slice(4)}:${x.range.start.line}:${x.range.start.character}`).sort();
    const links = [`x/a.md:${at(A, '[f]').join(':')}`, `x/a.md:${at(A, '[g]').join(':')}`, `c.md:${at(C, '[f]').join(':')}`].sort();
    assert.deepEqual(await list(false), links);
    assert.deepEqual(await list(true), [...links, `sd/README.md:${at(R, '# Sd').join(':')}`].sort());
  });
});
