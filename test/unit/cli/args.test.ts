import { strict as assert } from 'node:assert';
import { parseArgs, UsageError } from '../../../src/cli/args';

/** The usage error `argv` gets (undefined when it parses). */
function refusal(...argv: string[]): string | undefined {
  try {
    parseArgs(argv);
    return undefined;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    return e.message;
  }
}

describe('command-line arguments (parseArgs)', () => {
  it('a short option takes its value after = as a long one does: -f=json, -c=file', () => {
    const a = parseArgs(['check', 'notes', '-f=json', '-c=conf/ci.json']);
    assert.deepEqual([a.folder, a.format, a.config], ['notes', 'json', 'conf/ci.json']);
    assert.equal(parseArgs(['coverage', '-f=md']).format, 'md');
    // a value may hold = itself, and a folder with = is no option
    assert.equal(parseArgs(['check', '-c=a=b.json']).config, 'a=b.json');
    assert.equal(parseArgs(['check', 'x=y']).folder, 'x=y');
  });

  it('a short flag refuses a value after =, and -f= wants one', () => {
    assert.equal(refusal('check', '-q=1'), 'option -q takes no value, got "-q=1"');
    assert.equal(refusal('check', '-h=x'), 'option -h takes no value, got "-h=x"');
    assert.equal(refusal('check', '-v=2'), 'option -v takes no value, got "-v=2"');
    assert.equal(refusal('check', '-f='), 'option -f needs a value');
    assert.equal(refusal('check', '-x=1'), 'unknown option -x=1 (see --help)');
  });
});
