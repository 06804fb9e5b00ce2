import { strict as assert } from 'node:assert';
import { createRng } from '../../bench/corpus';
import { disagreement } from './differentialFacts';
import { fuzzDocument } from './markdownFuzz';

/**
 * Structure-aware differential fuzzing of the scanner against remark: small generated documents that nest and
 * combine the constructs where a line-oriented scanner goes wrong (see markdownFuzz.ts), compared as the
 * differential test compares notes. Fixed seeds: the same documents every run. The generator leaves out the
 * list shapes remark itself misreads (`remarkSafe`); headings that the two read apart as the differential test
 * accepts are left out (see disagreement).
 */

// Seeds 0-2349 (~15 s). Past them the two disagree now and then, first at seed 3206: over seeds 350-39999, 42 documents,
// each minimised and judged with commonmark.js 0.31.2 (CommonMark's reference implementation): none was the scanner's
// error. Most are micromark/micromark#228 (see ACCEPTED in differential.test.ts), a shape `remarkSafe` does not always
// avoid; the others are corners accepted there too (tables ending list items, footnotes, link titles).
const BATCHES = 10;
const PER_BATCH = 235;

/**
 * Seeds whose document holds a shape where the scanner reads GFM and remark differs, each of which must still
 * differ (an entry that comes to agree fails, and goes).
 */
const KNOWN: Record<number, string> = {};

describe('scanner fuzz test against remark', () => {
  for (let batch = 0; batch < BATCHES; batch++) {
    const first = batch * PER_BATCH;
    it(`agrees on generated documents of seeds ${first}-${first + PER_BATCH - 1}`, function () {
      this.timeout(60_000);
      const failures: string[] = [];
      let facts = 0;
      for (let seed = first; seed < first + PER_BATCH; seed++) {
        const text = fuzzDocument(createRng(seed), { remarkSafe: true });
        const found = disagreement(text, true);
        facts += found.facts;
        if (KNOWN[seed] !== undefined) {
          if (found.differences === '') failures.push(`seed ${seed} agrees now (${KNOWN[seed]}): take it out of KNOWN`);
        } else if (found.differences !== '') failures.push(`seed ${seed}: ${JSON.stringify(text)}\n${found.differences}`);
      }
      assert.deepEqual(failures, []);
      assert.ok(facts > PER_BATCH * 3, `the documents hold links, headings and references (${facts})`);
    });
  }
});
