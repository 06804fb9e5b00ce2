import { strict as assert } from 'node:assert';
import { parseConfigText } from '../../../src/core/config';

describe('config', () => {
  describe('parseConfigText', () => {
    const fatal = (text: string) => {
      const { problems } = parseConfigText(text);
      assert.equal(problems.length, 1, text);
      assert.equal(problems[0].path, '');
      return problems[0].message;
    };

    it('gives a syntax error its line and column, and does not name the file (its reader does)', () => {
      assert.equal(fatal('{bad'), "not valid JSON: Expected property name or '}' at line 1, column 2");
      assert.equal(fatal('{\n  "rules": {},\n  "include": ["a"]\n  "exclude": []\n}'), "not valid JSON: Expected ',' or '}' after property value at line 4, column 3");
      assert.equal(fatal('\ufeff{x'), "not valid JSON: Expected property name or '}' at line 1, column 2");
    });

    it('finds the position JSON.parse does not give: an unexpected token, the end of the input', () => {
      assert.equal(fatal('{\n  "include": x\n}'), "not valid JSON: Unexpected token 'x' at line 2, column 14");
      assert.equal(fatal('{\n  "include": ["a"],\n  "exclude": [tru]\n}'), "not valid JSON: Unexpected token ']' at line 3, column 18");
      assert.equal(fatal('{\n  "include": tr'), 'not valid JSON: Unexpected end of JSON input at line 2, column 16');
      assert.equal(fatal(''), 'not valid JSON: Unexpected end of JSON input at line 1, column 1');
      // too deeply nested to locate: the message still says what is wrong
      assert.match(fatal('['.repeat(200_000) + 'x'), /^not valid JSON: Unexpected token 'x'/);
    });

    it('refuses a configuration that is not an object, null included', () => {
      for (const text of ['null', '[]', '7', '"rules"', 'true']) assert.equal(fatal(text), 'configuration must be a JSON object', text);
      assert.deepEqual(parseConfigText('{}').problems, []);
    });
  });
});
