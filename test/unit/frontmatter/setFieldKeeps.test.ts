import { strict as assert } from 'node:assert';
import { applyTextEdits } from '../../../src/core/fixes/applyEdits';
import { setFieldFix } from '../../../src/core/fixes/frontmatter';
import { parseFrontmatter } from '../../../src/core/frontmatter/parse';
import type { FieldValue } from '../../../src/core/fixes/frontmatter';
import { LineIndex } from '../../../src/core/text/lineIndex';

function set(text: string, field: string, value: FieldValue): string {
  return applyTextEdits(text, setFieldFix(text, parseFrontmatter(text, new LineIndex(text)), field, value));
}

describe('setFieldFix keeps what is not the value', () => {
  it('keeps an anchor on the value, so aliases of it still resolve', () => {
    const out = set('---\ncreated: &d 2020-01-01\nupdated: *d\n---\n', 'created', '2026-03-01');
    assert.equal(out, '---\ncreated: &d 2026-03-01\nupdated: *d\n---\n');
    const fm = parseFrontmatter(out, new LineIndex(out));
    assert.equal(String(fm.data?.updated instanceof Date ? (fm.data.updated as Date).toISOString().slice(0, 10) : fm.data?.updated), '2026-03-01');
  });

  it('keeps comment lines inside a multi-line value it replaces', () => {
    const out = set('---\ntags:\n  - a\n  # keep me\n  - b\ntitle: x\n---\n', 'tags', ['z']);
    assert.equal(out, '---\ntags: [z]\n  # keep me\ntitle: x\n---\n');
    const fm = parseFrontmatter(out, new LineIndex(out));
    assert.deepEqual(fm.data?.tags, ['z']);
    assert.equal(fm.data?.title, 'x');
  });

  it('keeps comment lines in CRLF text with CRLF', () => {
    const text = '---\r\ntags:\r\n  - a\r\n  # keep me\r\n  - b\r\n---\r\n';
    assert.equal(set(text, 'tags', ['z']), '---\r\ntags: [z]\r\n  # keep me\r\n---\r\n');
  });
});
