import { strict as assert } from 'node:assert';
import { isProseAt, linkPlaceAt } from '../../../src/core/index/proseAt';

/** linkPlaceAt at the `|` of `written` (removed), with the body starting at 0. */
const placeAt = (written: string) => linkPlaceAt(written.replace('|', ''), 0, written.indexOf('|'));

describe('what holds a character of a note (linkPlaceAt)', () => {
  it('tells prose, a code span\'s first backtick, a definition and a line of an HTML block of tags from the rest', () => {
    assert.equal(placeAt('x |[[b]] y\n'), 'prose');
    assert.equal(placeAt('x |`b.md` y\n'), 'code span');
    assert.equal(placeAt('x `a |b.md` y\n'), 'other');
    assert.equal(placeAt('x |`b.md y\n'), 'prose', 'an unmatched backtick is text');
    assert.equal(placeAt('|[r]: b.md\n'), 'definition');
    assert.equal(placeAt('<div>\n|<img src="a.png">\n</div>\n'), 'html');
    for (const code of ['```\n|[[b]]\n```\n', '<!-- |[[b]] -->\n', '<pre>\n|[[b]]\n</pre>\n', '- item\n\n        |[[b]]\n', 'a `code\n|[[b]] more` b\n']) {
      assert.equal(placeAt(code), 'other', code);
      assert.equal(isProseAt(code.replace('|', ''), 0, code.indexOf('|')), false, code);
    }
  });

  it('reads the paragraph on to its end, CRLF or not: a code span may close on a later line', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = `a \`co|[[de${eol}more\` [[b]]${eol}${eol}after\``;
      assert.equal(placeAt(text), 'other', JSON.stringify(eol));
      assert.equal(placeAt(text.replace('more`', 'more')), 'prose', JSON.stringify(eol));
    }
  });
});
