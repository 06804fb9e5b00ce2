import { strict as assert } from 'node:assert';
import { join, normalize, relative, typedRelativePath } from '../../../src/core/paths';

describe('paths', () => {
  it('joins and normalises relative paths, refusing to leave the root', () => {
    const cases: [string, string, string | undefined][] = [
      ['a/b', 'c.md', 'a/b/c.md'], ['a/b', './c.md', 'a/b/c.md'], ['a/b', '../c.md', 'a/c.md'], ['a/b', '../../c.md', 'c.md'],
      ['a/b', '../../../c.md', undefined], ['', '../c.md', undefined], ['', 'x/./y/../z.md', 'x/z.md'], ['a', '/top.md', 'top.md'],
      ['a/b', '..', 'a'], ['a', '..', ''], ['', '..', undefined], ['a/b', '.././../c/./d.md', 'c/d.md'], ['a', 'b//c.md', 'a/b/c.md'],
      ['a', 'x/../../..', undefined], ['a/b', '', 'a/b'], ['a', './', 'a'],
    ];
    for (const [folder, rel, want] of cases) assert.equal(join(folder, rel), want, `${folder} + ${rel}`);
    assert.equal(normalize('a\\b\\c.md'), 'a/b/c.md');
  });

  it('reads a typed path as relative to the folder, refusing absolute paths, URIs and home folders', () => {
    const ok: [string, string][] = [[' a\\b\\x.md ', 'a/b/x.md'], ['./x/../y.md', 'y.md'], ['', ''], ['notes~/x.md', 'notes~/x.md'], ['a/c:x.md', 'a/c:x.md']];
    for (const [typed, want] of ok) assert.equal(typedRelativePath(typed), want, typed);
    for (const bad of ['/etc/x.md', 'C:\\Users\\me\\notes\\x.md', 'c:/x.md', 'C:x.md', 'file:///tmp/x.md', 'vscode-remote://h/x.md', 'file:/tmp/x.md',
      '~/x.md', '~\\x.md', '../x.md', 'a/../../x.md']) assert.equal(typedRelativePath(bad), undefined, bad);
  });

  it('computes relative paths', () => {
    assert.equal(relative('a/b', 'a/b/c.md'), 'c.md');
    assert.equal(relative('a/b', 'a/c.md'), '../c.md');
    assert.equal(relative('', 'x/y.md'), 'x/y.md');
    assert.equal(relative('a', 'b/c.md'), '../b/c.md');
  });
});
