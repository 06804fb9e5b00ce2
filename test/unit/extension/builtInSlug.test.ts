import { strict as assert } from 'node:assert';
import { builtInHeadingSlugs, builtInSlug } from '../../../src/extension/features/builtInSlug';
import type { Heading } from '../../../src/core/model';

describe('the slugs of VS Code\'s own Markdown support', () => {
  it('lower-cases, turns whitespace into `-`, removes ASCII and CJK punctuation (`_` too) and trims `-`', () => {
    const cases: [string, string][] = [['  Setup 步驟 ', 'setup-步驟'], ['snake_case & C++ (fast)', 'snakecase--c-fast'],
      ['「設定」：基本', '設定基本'], ['A → B', 'a-→-b'], ['user-content-ordering', 'user-content-ordering'], ['-- x --', 'x']];
    assert.deepEqual(cases.map(([text]) => builtInSlug(text)), cases.map(([, slug]) => slug));
  });

  it('numbers a heading whose slug came before, and joins the lines of a setext heading\'s text', () => {
    const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const headings = ['Dup', 'Dup', 'dup!', 'Long\nheading'].map((text): Heading => ({ level: 2, text, slug: '', range: zero }));
    assert.deepEqual(builtInHeadingSlugs(headings), ['dup', 'dup-1', 'dup-2', 'longheading']);
  });
});
