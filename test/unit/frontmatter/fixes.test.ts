import { strict as assert } from 'node:assert';
import { defaultConfig } from '../../../src/core/config';
import { applyTextEdits } from '../../../src/core/fixes/applyEdits';
import {
  addFieldFix, chapterTitle, defaultFieldValue, firstHeadingTitle, insertFrontmatterFix, setFieldFix, titleFromFileName, todayString,
} from '../../../src/core/fixes/frontmatter';
import { parseFrontmatter } from '../../../src/core/frontmatter/parse';
import { checkFrontmatter } from '../../../src/core/rules/frontmatter';
import { LineIndex } from '../../../src/core/text/lineIndex';

const TODAY = '2026-03-01';

function findings(text: string) {
  const lines = new LineIndex(text);
  return checkFrontmatter(parseFrontmatter(text, lines), lines, defaultConfig(), { structural: false });
}

describe('applyTextEdits', () => {
  it('applies edits given in any order against the original text', () => {
    const text = 'one\ntwo\nthree\n';
    const out = applyTextEdits(text, [
      { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 5 } }, newText: 'THREE' },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, newText: '1' },
    ]);
    assert.equal(out, '1\ntwo\nTHREE\n');
  });

  it('keeps inserts at the same position in their given order', () => {
    const at = { line: 0, character: 1 };
    assert.equal(applyTextEdits('ab', [{ range: { start: at, end: at }, newText: 'X' }, { range: { start: at, end: at }, newText: 'Y' }]), 'aXYb');
  });

  it('rejects overlapping edits', () => {
    assert.throws(() => applyTextEdits('abcdef', [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, newText: '' },
      { range: { start: { line: 0, character: 2 }, end: { line: 0, character: 4 } }, newText: '' },
    ]), /overlapping/);
  });

  it('returns the text unchanged without edits', () => {
    assert.equal(applyTextEdits('x\r\ny', []), 'x\r\ny');
  });
});

describe('titleFromFileName', () => {
  it('drops the chapter number and the extension and capitalises words', () => {
    assert.equal(titleFromFileName('01_scalability_fundamentals.md'), 'Scalability Fundamentals');
    assert.equal(titleFromFileName('backend/design_pattern/creational/01_singleton.md'), 'Singleton');
    assert.equal(titleFromFileName('rust/17_3_async-runtime.md'), 'Async Runtime');
    assert.equal(titleFromFileName('API_design.md'), 'API Design');
    assert.equal(titleFromFileName('2fa_setup.md'), '2fa Setup');
    assert.equal(titleFromFileName('快取策略.md'), '快取策略');
    assert.equal(titleFromFileName('07.md'), '07');
  });
});

describe('chapterTitle', () => {
  it('titles a chapter from its label', () => {
    assert.equal(chapterTitle('01_scalability_fundamentals'), 'Scalability Fundamentals');
    assert.equal(chapterTitle('alembic/02_autogenerate'), 'Autogenerate');
    assert.equal(chapterTitle('05_api_design.md'), 'Api Design');
    assert.equal(chapterTitle('intro', 's/a/intro.md'), 'Intro');
  });

  it('keeps a prose label as written (a dot, a slash or a capital is no file name)', () => {
    for (const label of ['Node.js Event Loop', '17.3 async', 'HTTP/1.1 vs HTTP/2', 'CI/CD Deployment', 'gRPC & GraphQL', 'TCP/IP Basics', 'v1.2 release notes', '資料庫 索引', 'Saga: Basics']) {
      assert.equal(chapterTitle(label, 's/a/01_x.md'), label);
      assert.equal(chapterTitle(` ${label} `), label);
    }
  });
});

describe('firstHeadingTitle', () => {
  it('finds the first level-1 heading outside fenced code', () => {
    assert.equal(firstHeadingTitle('```md\n# not this\n```\n## Sub\n# Real Title #\n', 0), 'Real Title');
    assert.equal(firstHeadingTitle('#hashtag\n## Sub\n', 0), undefined);
    assert.equal(firstHeadingTitle('---\ntitle: x\n---\n# After\n', 17), 'After');
  });
});

describe('insertFrontmatterFix', () => {
  it('inserts a complete block whose title comes from the first heading', () => {
    const text = '# Caching Strategies\n\nBody text.\n';
    const edits = insertFrontmatterFix(text, 'backend/07_caching.md', { today: TODAY, domain: 'backend' });
    const out = applyTextEdits(text, edits);
    assert.equal(out, [
      '---', 'title: Caching Strategies', 'note_type: chapter', 'domain: backend', 'tags: []',
      `created: ${TODAY}`, `updated: ${TODAY}`, 'status: draft', '---', '# Caching Strategies', '', 'Body text.', '',
    ].join('\n'));
    assert.deepEqual(findings(out), []);
  });

  it('takes the title from the file name when there is no heading, and quotes what YAML would misread', () => {
    const out = applyTextEdits('plain body\n', insertFrontmatterFix('plain body\n', 'b/01_scalability_fundamentals.md', { today: TODAY, domain: 'b' }));
    assert.match(out, /^---\ntitle: Scalability Fundamentals\n/);
    assert.ok(out.endsWith('---\nplain body\n'));
    const tricky = 'Redis: caching #1';
    const t = applyTextEdits('', insertFrontmatterFix('', 'x.md', { title: tricky, today: TODAY, domain: 'b', tags: ['a, b', 'true', 'go'] }));
    const fm = parseFrontmatter(t);
    assert.equal(fm.data?.title, tricky);
    assert.deepEqual([...(fm.data?.tags as string[])], ['a, b', 'true', 'go']);
    assert.deepEqual(findings(t), []);
  });

  it('keeps CRLF line endings', () => {
    const text = '# Title\r\n\r\nBody\r\n';
    const out = applyTextEdits(text, insertFrontmatterFix(text, 'a.md', { today: TODAY, domain: 'backend', noteType: 'guide' }));
    assert.ok(out.startsWith('---\r\ntitle: Title\r\nnote_type: guide\r\n'));
    assert.equal(out.replace(/\r\n/g, '').includes('\n'), false);
    assert.ok(out.endsWith('---\r\n# Title\r\n\r\nBody\r\n'));
    assert.deepEqual(findings(out), []);
  });

  it('leaves domain empty for the author when none is known', () => {
    const out = applyTextEdits('x\n', insertFrontmatterFix('x\n', 'a.md', { today: TODAY }));
    assert.match(out, /\ndomain:\n/);
    assert.deepEqual(findings(out).map(f => f.message), ['domain is empty']);
  });
});

describe('addFieldFix', () => {
  const base = '---\ntitle: A\nnote_type: chapter\n---\n# A\n\nbody\n';

  it('adds the field as the last line of the block and loses nothing', () => {
    const fm = parseFrontmatter(base);
    const out = applyTextEdits(base, addFieldFix(base, fm, 'domain', 'backend'));
    assert.equal(out, '---\ntitle: A\nnote_type: chapter\ndomain: backend\n---\n# A\n\nbody\n');
  });

  it('uses sensible defaults per field', () => {
    const fm = parseFrontmatter(base);
    const add = (field: string) => applyTextEdits(base, addFieldFix(base, fm, field, undefined, TODAY));
    assert.match(add('created'), new RegExp(`\\ncreated: ${TODAY}\\n---\\n`));
    assert.match(add('updated'), new RegExp(`\\nupdated: ${TODAY}\\n---\\n`));
    assert.match(add('status'), /\nstatus: draft\n---\n/);
    assert.match(add('tags'), /\ntags: \[\]\n---\n/);
    assert.match(add('source'), /\nsource:\n---\n/);
    assert.equal(defaultFieldValue(base, fm, 'title'), 'A');
    assert.equal(defaultFieldValue(base, fm, 'note_type'), 'chapter');
    assert.match(String(defaultFieldValue(base, fm, 'created')), /^\d{4}-\d{2}-\d{2}$/);
  });

  it('turns an incomplete block into a valid one, field by field', () => {
    let text = base;
    for (const [field, value] of [['domain', 'backend'], ['tags', ['go']], ['created', undefined], ['updated', undefined], ['status', undefined]] as const) {
      text = applyTextEdits(text, addFieldFix(text, parseFrontmatter(text), field, value as string | string[] | undefined, TODAY));
    }
    assert.deepEqual(findings(text), []);
    assert.ok(text.endsWith('---\n# A\n\nbody\n'));
  });

  it('adds to an empty block and keeps CRLF', () => {
    const text = '---\r\n---\r\nbody\r\n';
    const out = applyTextEdits(text, addFieldFix(text, parseFrontmatter(text), 'status', 'draft'));
    assert.equal(out, '---\r\nstatus: draft\r\n---\r\nbody\r\n');
  });

  it('replaces the value when the field already exists', () => {
    const fm = parseFrontmatter(base);
    assert.equal(applyTextEdits(base, addFieldFix(base, fm, 'note_type', 'guide')), base.replace('chapter', 'guide'));
  });

  it('makes no edit without a closed block', () => {
    assert.deepEqual(addFieldFix('# x\n', parseFrontmatter('# x\n'), 'title', 'x'), []);
    const open = '---\ntitle: x\n';
    assert.deepEqual(addFieldFix(open, parseFrontmatter(open), 'status', 'draft'), []);
  });
});

describe('setFieldFix', () => {
  it('replaces a one-line value and keeps a trailing comment', () => {
    const text = '---\ntitle: A\nstatus: drafty   # fix me\nupdated: 2026-01-01\n---\nbody';
    const fm = parseFrontmatter(text);
    assert.equal(applyTextEdits(text, setFieldFix(text, fm, 'status', 'draft')), text.replace('drafty', 'draft'));
    assert.equal(applyTextEdits(text, setFieldFix(text, fm, 'updated', undefined, TODAY)), text.replace('2026-01-01', TODAY));
  });

  it('replaces quoted values containing # and quotes', () => {
    const text = '---\ntitle: "A # not a comment"  # comment\nnote: \'it\'\'s\'\n---\n';
    const fm = parseFrontmatter(text);
    assert.equal(applyTextEdits(text, setFieldFix(text, fm, 'title', 'B')), '---\ntitle: B  # comment\nnote: \'it\'\'s\'\n---\n');
    assert.equal(applyTextEdits(text, setFieldFix(text, fm, 'note', 'x')), '---\ntitle: "A # not a comment"  # comment\nnote: x\n---\n');
  });

  it('replaces a multi-line list with a flow list', () => {
    const text = '---\ntags:\n  - a\n  - b\n\nstatus: draft\n---\n';
    const fm = parseFrontmatter(text);
    const out = applyTextEdits(text, setFieldFix(text, fm, 'tags', ['x', 'y z']));
    assert.equal(out, '---\ntags: [x, y z]\n\nstatus: draft\n---\n');
    assert.deepEqual([...(parseFrontmatter(out).data?.tags as string[])], ['x', 'y z']);
  });

  it('fills an empty value and works with CRLF', () => {
    const text = '---\r\ndomain:\r\ntitle: T\r\n---\r\n';
    const out = applyTextEdits(text, setFieldFix(text, parseFrontmatter(text), 'domain', 'backend'));
    assert.equal(out, '---\r\ndomain: backend\r\ntitle: T\r\n---\r\n');
  });

  it('fixes updated-before-created with the value the rule expects', () => {
    const text = '---\ntitle: A\nnote_type: chapter\ndomain: b\ntags: []\ncreated: 2026-02-17\nupdated: 2026-01-01\nstatus: draft\n---\n';
    const [f] = findings(text);
    assert.equal(f.data?.field, 'updated');
    const out = applyTextEdits(text, setFieldFix(text, parseFrontmatter(text), 'updated', f.data?.expected as string));
    assert.deepEqual(findings(out), []);
  });

  it('adds the field when it is absent', () => {
    const text = '---\ntitle: A\n---\n';
    assert.equal(applyTextEdits(text, setFieldFix(text, parseFrontmatter(text), 'status', 'review')), '---\ntitle: A\nstatus: review\n---\n');
  });
});

describe('todayString', () => {
  it('formats a local date as YYYY-MM-DD', () => {
    assert.equal(todayString(new Date(2026, 1, 7, 23, 59)), '2026-02-07');
  });
});
