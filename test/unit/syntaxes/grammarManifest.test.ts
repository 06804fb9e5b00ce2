import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';

const grammars = (JSON.parse(readFileSync('package.json', 'utf8')) as {
  contributes: { grammars: { scopeName: string; path: string; injectTo?: string[] }[] };
}).contributes.grammars;

describe('grammars in the manifest (checked without VS Code)', () => {
  it('each names its file and scope, is injected into Markdown, and never applies in code, the frontmatter, comments or HTML tags', () => {
    assert.ok(grammars.length > 0);
    for (const g of grammars) {
      const file = JSON.parse(readFileSync(g.path, 'utf8')) as { scopeName: string; injectionSelector: string };
      assert.equal(file.scopeName, g.scopeName, g.path);
      assert.deepEqual(g.injectTo, ['text.html.markdown'], g.path);
      for (const excluded of ['-markup.fenced_code', '-markup.raw', '-markup.inline.raw', '-meta.embedded', '-meta.tag', '-comment']) {
        assert.ok(file.injectionSelector.split(/\s+/).includes(excluded), `${g.path}: selector lacks ${excluded}`);
      }
    }
  });
});
