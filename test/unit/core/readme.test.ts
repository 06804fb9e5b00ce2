import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { CONFIG_KEYS, DEFAULT_SEVERITIES } from '../../../src/core/config';
import { RULE_CODES } from '../../../src/core/model';

const readme = readFileSync('README.md', 'utf8');
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));

/** The first cells of the table rows under a heading (up to the next heading of the same or a higher level). */
function tableKeys(heading: string): string[] {
  const start = readme.indexOf(heading + '\n');
  assert.ok(start !== -1, `README has no "${heading}" section`);
  const level = heading.match(/^#+/)![0].length;
  const rest = readme.slice(start + heading.length + 1);
  const end = rest.search(new RegExp(`^#{1,${level}} `, 'm'));
  const section = end === -1 ? rest : rest.slice(0, end);
  return [...section.matchAll(/^\| `([^`]+)` \|/gm)].map(m => m[1]);
}

describe('README reference sections match the code', () => {
  it('lists every setting the manifest contributes, and no other', () => {
    const settings = Object.keys(manifest.contributes.configuration.properties).sort();
    assert.deepEqual(tableKeys('### Settings').sort(), settings);
  });

  it('lists every .notes-navigator.json key the config accepts, and the schema describes the same keys', () => {
    const keys = [...CONFIG_KEYS].filter(k => k !== '$schema').sort();
    assert.deepEqual(tableKeys('### `.notes-navigator.json`').sort(), keys);
    const schema = JSON.parse(readFileSync('schemas/notes-navigator.schema.json', 'utf8'));
    assert.deepEqual(Object.keys(schema.properties).filter(k => k !== '$schema').sort(), keys);
  });

  it('the rules table has every code with its default severity', () => {
    const start = readme.indexOf('## Rules');
    const rows = [...readme.slice(start).matchAll(/^\| `([a-z-]+)` \| (\w+) \|/gm)].map(m => [m[1], m[2]]);
    assert.deepEqual(rows.map(r => r[0]), [...RULE_CODES]);
    for (const [code, sev] of rows) assert.equal(sev, DEFAULT_SEVERITIES[code as keyof typeof DEFAULT_SEVERITIES], code);
  });

  it('shows the two set-up commands and the CLI usage', () => {
    assert.match(readme, /`npm ci && npm start`/);
    assert.match(readme, /`npm ci && npm test`/);
    for (const s of Object.keys(manifest.scripts).filter(s => ['start', 'test', 'bench', 'package'].includes(s))) {
      assert.ok(readme.includes(`npm ${s === 'start' || s === 'test' ? '' : 'run '}${s}`), `README does not mention npm ${s}`);
    }
    assert.match(readme, /notes-navigator check \[folder\] \[--format text\|json\|sarif\]/);
  });
});
