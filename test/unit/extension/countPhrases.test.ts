import './vscodeStub';
import { strict as assert } from 'node:assert';
import { countPhrase } from '../../../src/extension/countPhrases';

describe('counted nouns', () => {
  it('are singular for one and plural otherwise, for every noun', () => {
    for (const [noun, phrase] of Object.entries(countPhrase)) {
      assert.match(phrase(1), /^1 [a-z]+$/, noun);
      assert.doesNotMatch(phrase(1), /s$/, `${noun}: "${phrase(1)}"`);
      assert.match(phrase(0), /^0 [a-z]+s$/, noun);
      assert.match(phrase(2), /^2 [a-z]+s$/, noun);
    }
  });
});
