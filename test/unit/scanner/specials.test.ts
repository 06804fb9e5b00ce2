import { strict as assert } from 'node:assert';
import { SpecialFinder } from '../../../src/core/scanner/specials';
import { createRng } from '../../bench/corpus';

/** The reference answer: the first index >= from holding `[ ] \` < \\`, or a `!` right before `[`. */
function naiveNext(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if ('[]`<\\'.includes(c)) return i;
    if (c === '!' && text[i + 1] === '[') return i;
  }
  return 0x7fffffff;
}

describe('SpecialFinder', () => {
  it('finds the next special character from rising, repeated and falling positions', () => {
    const rng = createRng(3);
    const alphabet = ['a', ' ', '[', ']', '`', '<', '\\', '!', '中', '\n', '(', '*'];
    for (let n = 0; n < 300; n++) {
      let text = '';
      const len = Math.floor(rng() * 60);
      for (let k = 0; k < len; k++) text += alphabet[Math.floor(rng() * alphabet.length)];
      const finder = new SpecialFinder(text);
      const queries = [0, 0];
      for (let q = 0; q < 20; q++) queries.push(Math.floor(rng() * (len + 2)));
      queries.sort((a, b) => a - b);
      queries.push(Math.floor(rng() * (len + 1)), 0); // and a few backwards
      for (const from of queries) assert.equal(finder.next(from), naiveNext(text, from), `${JSON.stringify(text)} from ${from}`);
    }
  });

  it('answers "none" past the last special character', () => {
    const finder = new SpecialFinder('plain [x] text');
    assert.equal(finder.next(0), 6);
    assert.equal(finder.next(7), 8);
    assert.equal(finder.next(9), 0x7fffffff);
  });
});
