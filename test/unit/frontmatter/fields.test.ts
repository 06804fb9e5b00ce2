import { strict as assert } from 'node:assert';
import { findFrontmatterBlock } from '../../../src/core/frontmatter/block';
import { findFieldRanges, topLevelKey } from '../../../src/core/frontmatter/fields';
import { parseFrontmatter } from '../../../src/core/frontmatter/parse';
import { yamlEntry, yamlString } from '../../../src/core/frontmatter/yamlText';
import { LineIndex } from '../../../src/core/text/lineIndex';

describe('topLevelKey', () => {
  it('reads plain and quoted keys with the position of their colon', () => {
    assert.deepEqual(topLevelKey('title: x'), { key: 'title', colon: 5 });
    assert.deepEqual(topLevelKey('tags:'), { key: 'tags', colon: 4 });
    assert.deepEqual(topLevelKey('url: http://x.y/z'), { key: 'url', colon: 3 });
    assert.deepEqual(topLevelKey('a:b: c'), { key: 'a:b', colon: 3 });
    assert.deepEqual(topLevelKey('"a: b" : c'), { key: 'a: b', colon: 7 });
    assert.deepEqual(topLevelKey("'it''s': c"), { key: "it's", colon: 7 });
    assert.deepEqual(topLevelKey('標題: 快取'), { key: '標題', colon: 2 });
  });

  it('ignores lines that are not top-level entries', () => {
    for (const line of ['', '  nested: x', '\tx: y', '# c: d', '- item: x', '-', '---', 'no colon here', 'a:b', '? complex']) {
      assert.equal(topLevelKey(line), undefined, line);
    }
  });
});

describe('yamlString', () => {
  const tricky = ['plain', 'Redis: caching', 'a # b', '#tag', '- dash', 'true', 'No', 'null', '~', '42', '1e3', '0x1F', '.inf',
    '2026-02-17', ' padded ', '', 'line\nbreak', 'quote "x"', "it's", '[x]', '{y}', '*ref', '&anchor', '!tag', '%p', '@at', '`tick',
    '快取策略 🚀', 'end:', 'tab\there'];

  it('writes strings that YAML reads back unchanged', () => {
    for (const s of tricky) {
      const fm = parseFrontmatter(`---\n${yamlEntry('v', s)}\nlist: [${yamlString(s, true)}, z]\n---\n`);
      assert.equal(fm.error, undefined, s);
      assert.equal(fm.data?.v, s, s);
      assert.deepEqual([...(fm.data?.list as string[])], [s, 'z'], s);
    }
  });

  it('leaves ordinary titles and dates unquoted', () => {
    assert.equal(yamlString('Scalability Fundamentals'), 'Scalability Fundamentals');
    assert.equal(yamlString('2026-02-17'), '2026-02-17');
    assert.equal(yamlString('快取策略'), '快取策略');
    assert.equal(yamlString('yes'), '"yes"');
  });
});

describe('findFrontmatterBlock with a line index', () => {
  it('finds the same block as the character scan', () => {
    for (const text of [
      '---\na: x\n---\nbody', '---\r\na: x\r\n---\r\nbody', '---\ra: x\r---\rbody', '---\na: x\r...  \nbody',
      '---yaml\na: x\n---', '---\na: x\n', '---', '---\n', '---\n---', '---\n---\n', '--- js\nx\n---\n', '----\na\n---\n',
      '---\na: x\n-- -\n--\n---\t\nbody', '---\n\r\n\r---\n', 'no block',
    ]) {
      assert.deepEqual(findFrontmatterBlock(text, new LineIndex(text)), findFrontmatterBlock(text), JSON.stringify(text));
    }
  });
});

describe('findFrontmatterBlock on large input', () => {
  it('finds the closing fence after many thousand LF lines', () => {
    const rows: string[] = [];
    for (let i = 0; i < 50_000; i++) rows.push(`k${i}: v`);
    const text = `---\n${rows.join('\n')}\n---\nbody`;
    const block = findFrontmatterBlock(text);
    assert.equal(block?.closed, true);
    assert.equal(block?.end, text.length - 4);
  });
});

// Mutation testing (hand-driven): each case passed unseen with a one-line change of src/core/frontmatter; the name
// says which.
describe('frontmatter edge cases found by mutation testing', () => {
  it('a double-quoted key with an escaped quote is read whole (quotedKey without its backslash escape)', () => {
    assert.deepEqual(topLevelKey('"a\\"b": 1'), { key: 'a"b', colon: 6 });
  });

  it('the first line of a repeated key gives its range (findFieldRanges letting the last one win)', () => {
    const text = '---\ntitle: a\ntags: []\ntitle: b\n---\n';
    const lines = new LineIndex(text);
    const block = findFrontmatterBlock(text, lines)!;
    assert.equal(findFieldRanges(lines, block.contentStart, block.contentEnd).title.start.line, 1);
  });

  it('a thematic break or prose on the first line opens no block, and a language name is lower-cased (the opener '
    + 'check dropped: "----" swallowed the note up to the next "---")', () => {
    assert.equal(findFrontmatterBlock('----\ntext\n---\n'), undefined);
    assert.equal(findFrontmatterBlock('--- a note\ntext\n---\n'), undefined);
    assert.equal(findFrontmatterBlock('---YAML\ntitle: x\n---\n')?.language, 'yaml');
  });
});
