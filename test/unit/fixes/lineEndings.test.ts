import { strict as assert } from 'node:assert';
import { applyTextEdits } from '../../../src/core/fixes/applyEdits';
import { addFieldFix, insertFrontmatterFix } from '../../../src/core/fixes/frontmatter';
import { fixesFor } from '../../../src/core/fixes/index';
import { parseFrontmatter } from '../../../src/core/frontmatter/parse';
import { LineIndex } from '../../../src/core/text/lineIndex';
import { FM, indexOf } from '../index/memoryWorkspace';

const README = '# S\n\n## Chapters\n\n### A\n\n- [01](a/01_a.md) - 必讀 - 1 min\n- [02](b/02_b.md) - 必讀 - 1 min\n';
const MATRIX = '# C\n\n| Capability Area | Required Topic | Coverage Files | Status |\n| --- | --- | --- | --- |\n'
  + '| B | A | `a/01_a.md` | Done |\n| B | B | `b/02_b.md` | Done |\n\n## Cross-references\n\n- `a/01_a.md` <-> `b/02_b.md`\n';

/** Applies the xref-missing-link fix for a/01_a.md and returns its new text and whether the cross-reference is then satisfied. */
async function seeAlso(noteText: string): Promise<{ text: string; fixed: boolean }> {
  const files: Record<string, string> = {
    's/README.md': README, 's/coverage_matrix.md': MATRIX,
    's/a/01_a.md': noteText, 's/b/02_b.md': FM('B') + '[a](../a/01_a.md)\n',
  };
  const index = await indexOf(files);
  const d = index.diagnostics('s/coverage_matrix.md').find(x => x.code === 'xref-missing-link');
  assert.ok(d, 'the missing link is reported');
  const fix = fixesFor(index, d, files['s/coverage_matrix.md'], '2026-03-01', f => files[f])[0];
  assert.equal(fix.edits[0].file, 's/a/01_a.md');
  const text = applyTextEdits(noteText, fix.edits[0].edits);
  const after = await indexOf({ ...files, 's/a/01_a.md': text });
  return { text, fixed: !after.diagnostics('s/coverage_matrix.md').some(x => x.code === 'xref-missing-link') };
}

describe('inserted lines use the file\'s line endings', () => {
  it('the See also line in a CRLF note uses CRLF', async () => {
    const note = (FM('A') + 'line\n').replace(/\n/g, '\r\n');
    const { text, fixed } = await seeAlso(note);
    assert.equal(text, note + '\r\n- See also: [B](../b/02_b.md)\r\n');
    assert.ok(fixed);
  });

  it('the See also line in a CR-only note without a final line break uses CR', async () => {
    const note = (FM('A') + 'line').replace(/\n/g, '\r');
    const { text, fixed } = await seeAlso(note);
    assert.equal(text, note + '\r\r- See also: [B](../b/02_b.md)\r');
    assert.ok(fixed);
  });

  it('a note ending inside an unclosed code fence gets the fence closed before the link', async () => {
    const note = FM('A') + 'Intro\n\n````js\ncode\n```\nmore code\n';
    const { text, fixed } = await seeAlso(note);
    assert.equal(text, note + '````\n\n- See also: [B](../b/02_b.md)\n');
    assert.ok(fixed, 'the new line is a link, not code');
  });

  it('addFieldFix and insertFrontmatterFix write CR into CR-only text and CRLF into CRLF text', () => {
    for (const eol of ['\r', '\r\n']) {
      const text = ['---', 'title: a', '---', 'body'].join(eol);
      const fm = parseFrontmatter(text, new LineIndex(text));
      assert.equal(applyTextEdits(text, addFieldFix(text, fm, 'updated', '2026-03-01')), ['---', 'title: a', 'updated: 2026-03-01', '---', 'body'].join(eol));
      const bare = `# T${eol}body`;
      const out = applyTextEdits(bare, insertFrontmatterFix(bare, 'a.md', { today: '2026-03-01' }));
      assert.ok(!/[\r\n]/.test(out.split(eol).join("")), JSON.stringify(out));
      assert.ok(out.startsWith(`---${eol}title: T${eol}`), JSON.stringify(out));
    }
  });
});
