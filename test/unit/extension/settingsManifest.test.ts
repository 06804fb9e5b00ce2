import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  contributes: { configuration: { properties: Record<string, Record<string, unknown>> } };
};

describe('settings in the manifest', () => {
  it('writes Markdown only where the Settings editor renders it (plain descriptions would show the backticks)', () => {
    const bundles = ['package.nls.json', 'package.nls.zh-tw.json'].map(f => JSON.parse(readFileSync(f, 'utf8')) as Record<string, string>);
    const text = (s: string, nls: Record<string, string>) => (/^%(.+)%$/.test(s) ? nls[s.slice(1, -1)] : s);
    for (const [key, schema] of Object.entries(manifest.contributes.configuration.properties)) {
      for (const field of ['description', 'enumDescriptions', 'deprecationMessage']) {
        const values = ([] as unknown[]).concat(schema[field] ?? []) as string[];
        for (const nls of bundles) {
          for (const v of values) assert.doesNotMatch(text(v, nls), /`/, `${key} ${field}: "${text(v, nls)}"`);
        }
      }
    }
  });
});
