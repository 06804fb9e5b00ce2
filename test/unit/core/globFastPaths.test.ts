import { strict as assert } from 'node:assert';
import picomatch from 'picomatch';
import { ALWAYS_EXCLUDED, defaultConfig, isAlwaysExcluded, noteFilter } from '../../../src/core/config';

describe('isAlwaysExcluded', () => {
  // the function skips the globs for paths that hold none of their folder names: it must answer as the globs do
  const globs = picomatch(ALWAYS_EXCLUDED, { dot: true });
  const paths = [
    'node_modules', 'node_modules/a.md', 'a/node_modules', 'a/node_modules/b/c.md', 'my_node_modules/x.md',
    '.git', '.git/HEAD', 'a/.git/config', '.gitignore', 'a/.github/x.md', '.vscode-test/u/x.md', 'a/.vscode-test',
    'dist', 'dist/cli.js', 'x/dist/y.md', 'distant/x.md', 'x/redistribute.md', 'out', 'out/a.md', 'about/out/x.md',
    'about/x.md', 'layout.md', 'outer/out', 'notes/a.md', 'README.md', '', 'a/b/c/d/e.md', '系列/out/筆記.md',
  ];

  it('answers as the globs do, for paths that name an excluded folder and for paths that only look alike', () => {
    for (const p of paths) assert.equal(isAlwaysExcluded(p), globs(p), p);
  });

  it('excludes a folder at any depth and leaves names that only contain one alone', () => {
    assert.equal(isAlwaysExcluded('a/b/node_modules/c.md'), true);
    assert.equal(isAlwaysExcluded('about/layout.md'), false);
  });
});

describe('noteFilter with the default include', () => {
  // the default `**/*.md` is matched without picomatch: it must answer as picomatch does (the same glob written
  // twice goes through picomatch)
  const fast = noteFilter(defaultConfig());
  const globs = noteFilter({ ...defaultConfig(), include: ['**/*.md', '**/*.md'] });
  const paths = [
    'a.md', '.md', 'a/.md', 'a/b/c.md', '.x/a.md', 'a/.x.md', 'a.MD', 'A.Md', 'a.md/b', 'x.mdx', 'x.markdown', 'a b.md',
    '[x].md', 'a/*.md', '(a).md', '!a.md', '#a.md', 'a//b.md', '/a.md', './a.md', '../a.md', 'a/../b.md', 'a/./b.md',
    '..md', 'a/..md', '.../a.md', 'a/..b/c.md', '筆記/系統設計.md', 'node_modules/a.md', 'out/x.md', 'a.txt', '',
  ];

  it('answers as picomatch does', () => {
    assert.equal(defaultConfig().include.join(), '**/*.md');
    for (const p of paths) assert.equal(fast(p), globs(p), p);
  });
});
