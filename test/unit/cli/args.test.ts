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

  it('an option given twice must say the same thing both times, however it is spelled', () => {
    assert.equal(refusal('check', '--format', 'sarif', '--format', 'text'), 'option --format given twice with different values (--format sarif, then --format text)');
    assert.equal(refusal('check', '-f=json', '--format', 'text'), 'option --format given twice with different values (-f=json, then --format text)');
    assert.equal(refusal('check', '-c', 'a.json', '--config=b.json'), 'option --config given twice with different values (-c a.json, then --config=b.json)');
    assert.equal(refusal('check', '--max-warnings', '0', '--max-warnings=3'), 'option --max-warnings given twice with different values (--max-warnings 0, then --max-warnings=3)');
    assert.equal(refusal('check', '--threads', '2', '--threads', '4'), 'option --threads given twice with different values (--threads 2, then --threads 4)');
    assert.equal(refusal('check', '--no-color', '--color'), 'option --color given twice with different values (--no-color, then --color)');
    assert.equal(refusal('check', '--color=auto', '--color=never'), 'option --color given twice with different values (--color=auto, then --color=never)');
    // the same value again is what it was
    const a = parseArgs(['check', '-f', 'text', '--format=text', '--no-color', '--color=never', '--max-warnings', '5', '--max-warnings', '05', '-q', '--quiet']);
    assert.deepEqual([a.format, a.color, a.maxWarnings, a.quiet], ['text', false, 5, true]);
    assert.equal(parseArgs(['check', '--color', '--color=always']).color, true);
  });
});
