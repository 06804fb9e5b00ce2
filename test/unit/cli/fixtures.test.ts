import { strict as assert } from 'node:assert';
import { RULE_CODES } from '../../../src/core/model';
import { cli } from './cliHarness';

interface J { file: string; line: number; column: number; severity: string; code: string }

async function check(folder: string): Promise<{ code: number; diags: J[]; json: { notes: number; coverage: { rows: { declared: string | null; computed: string }[] }[] } }> {
  const r = await cli('check', folder, '--format', 'json');
  const json = JSON.parse(r.out);
  return { code: r.code, diags: json.diagnostics, json };
}

const brief = (d: J) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}`;

describe('checking the fixtures and the example notes', () => {
  it('test/fixtures/mini reports exactly what EXPECTED.txt lists', async () => {
    const r = await check('test/fixtures/mini');
    assert.equal(r.code, 1);
    assert.deepEqual(r.diags.map(brief), [
      'guide/README.md:42:16 information chapter-planned',
      'guide/README.md:43:1 information coverage-unlisted',
      'guide/README.md:43:19 information chapter-planned',
      'guide/advanced/03_tuning.md:17:39 warning link-anchor-broken',
      'guide/basics/01_intro.md:19:35 error wikilink-broken',
      'guide/basics/02_setup.md:17:46 error link-broken',
      'inbox.md:1:1 warning frontmatter-missing',
    ]);
    assert.deepEqual(r.json.coverage[0].rows.map(x => [x.declared, x.computed]),
      [['done', 'done'], ['done', 'done'], ['in-progress', 'in-progress'], ['pending', 'pending']]);
  });

  it('test/fixtures/clean has zero findings and exit 0', async () => {
    const r = await check('test/fixtures/clean');
    assert.equal(r.code, 0);
    assert.deepEqual(r.diags, []);
  });

  it('examples/notes shows every diagnostic code, each deliberate problem where PROBLEMS.md says, and nothing else', async () => {
    const r = await check('examples/notes');
    assert.equal(r.code, 1);
    const found = new Set(r.diags.map(d => d.code));
    assert.deepEqual(RULE_CODES.filter(c => !found.has(c)), []);
    const errorsAndWarnings = r.diags.filter(d => d.severity === 'error' || d.severity === 'warning').map(brief);
    assert.deepEqual(errorsAndWarnings.sort(), [
      'backend/README.md:51:19 warning chapter-number-unknown',
      'backend/README.md:80:61 warning priority-mismatch',
      'backend/_lint_examples/bad_status.md:8:1 warning frontmatter-field-invalid',
      'backend/_lint_examples/broken_links.md:17:32 error link-broken',
      'backend/_lint_examples/broken_links.md:18:50 warning link-anchor-broken',
      'backend/_lint_examples/broken_links.md:19:16 error ref-broken',
      'backend/_lint_examples/broken_links.md:20:22 error wikilink-broken',
      'backend/_lint_examples/broken_links.md:21:36 error link-outside-workspace',
      'backend/_lint_examples/dates_reversed.md:7:1 warning frontmatter-field-invalid',
      'backend/_lint_examples/invalid_yaml.md:6:1 error frontmatter-invalid',
      'backend/_lint_examples/missing_status.md:1:1 warning frontmatter-field-missing',
      'backend/_lint_examples/no_frontmatter.md:1:1 warning frontmatter-missing',
      'backend/coverage_matrix.md:34:91 warning coverage-status-mismatch',
      'backend/coverage_matrix.md:65:4 warning xref-missing-link',
    ].sort());
  });

  it('coverage prints the matrix with computed statuses', async () => {
    const md = await cli('coverage', 'examples/notes');
    assert.equal(md.code, 0);
    assert.match(md.out, /\| Capability Area \| Required Topic \| Coverage Files \| Declared \| Computed \|/);
    assert.match(md.out, /Scalability .* \| Done \| Done \|/);
    const json = JSON.parse((await cli('coverage', 'examples/notes', '--format', 'json')).out);
    assert.equal(json.version, 1);
    assert.equal(json.coverage[0].series, 'backend');
    assert.equal(json.coverage[0].rows.length, 40);
  });
});
