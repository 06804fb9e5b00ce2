import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  contributes: { configuration: { properties: Record<string, Record<string, unknown>> } };
};

describe('settings in the manifest', () => {
  it('writes Markdown only where the Settings editor renders it (plain descriptions would show the backticks)', () => {
    const bundles = ['package.nls.json', 'package.nls.zh-tw.json'].map(f => JSON.parse(readFileSync(f, 'utf8')) as Record<string, string>);
    const text = (s: string, nls: Record<string, string>) => (/^%(.+)%$/.test(s) ? nls[s.slice(1, -1)] : s);
    let checked = 0;
    // the nested schemas too (a value's choices): every setting's own text is Markdown, so the plain fields are there
    const walk = (where: string, schema: Record<string, unknown>) => {
      for (const field of ['description', 'enumDescriptions', 'deprecationMessage']) {
        const values = ([] as unknown[]).concat(schema[field] ?? []) as string[];
        for (const nls of bundles) {
          for (const v of values) {
            checked++;
            assert.doesNotMatch(text(v, nls), /`/, `${where} ${field}: "${text(v, nls)}"`);
          }
        }
      }
      for (const sub of ['additionalProperties', 'items']) if (typeof schema[sub] === 'object') walk(`${where}.${sub}`, schema[sub] as Record<string, unknown>);
      for (const [k, sub] of Object.entries((schema.properties ?? {}) as Record<string, Record<string, unknown>>)) walk(`${where}.${k}`, sub);
    };
    for (const [key, schema] of Object.entries(manifest.contributes.configuration.properties)) walk(key, schema);
    assert.ok(checked > 0, 'no plain description in the manifest: this test checks nothing');
  });
});

describe('settings in the manifest, as the Settings editor shows them', () => {
  const properties = manifest.contributes.configuration.properties;
  const bundles = ['package.nls.json', 'package.nls.zh-tw.json'].map(f => JSON.parse(readFileSync(f, 'utf8')) as Record<string, string>);

  it('orders every setting explicitly (the editor would sort them alphabetically, notesFolder after exclude)', () => {
    const orders = Object.entries(properties).map(([key, s]) => [key, s.order] as const);
    assert.deepEqual(orders.filter(([, o]) => typeof o !== 'number').map(([k]) => k), []);
    assert.equal(new Set(orders.map(([, o]) => o)).size, orders.length, 'two settings share an order');
  });

  it('describes every setting and every choice of an enum, in every language', () => {
    const missing: string[] = [];
    const described = (v: unknown) => typeof v === 'string' && (!/^%.+%$/.test(v) || bundles.every(b => (b[v.slice(1, -1)] ?? '').trim() !== ''));
    const walk = (where: string, s: Record<string, unknown>) => {
      const e = s.enum as unknown[] | undefined;
      if (e) {
        const d = (s.markdownEnumDescriptions ?? s.enumDescriptions) as unknown[] | undefined;
        if (!d || d.length !== e.length || !d.every(described)) missing.push(`${where}: enum descriptions`);
      }
      for (const sub of ['additionalProperties', 'items']) if (typeof s[sub] === 'object') walk(`${where}.${sub}`, s[sub] as Record<string, unknown>);
      for (const [k, sub] of Object.entries((s.properties ?? {}) as Record<string, Record<string, unknown>>)) walk(`${where}.${k}`, sub);
    };
    for (const [key, s] of Object.entries(properties)) {
      if (!described(s.markdownDescription ?? s.description)) missing.push(`${key}: description`);
      walk(key, s);
    }
    assert.deepEqual(missing, []);
  });
});

describe('manifest strings a user reads', () => {
  it('go through package.nls (so that zh-TW users read them in Chinese): the description, titles, names, descriptions', () => {
    const m = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, unknown> & { contributes: Record<string, unknown> };
    const literal: string[] = [];
    const walk = (where: string, v: unknown, key?: string) => {
      if (typeof v === 'string') {
        if (key !== undefined && /^(title|name|description|markdownDescription|contextualTitle|contents|enumDescriptions|markdownEnumDescriptions)$/.test(key) && !/^%.+%$/.test(v)) literal.push(`${where}: ${v}`);
      } else if (Array.isArray(v)) v.forEach((x, i) => walk(`${where}[${i}]`, x, key));
      else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) walk(`${where}.${k}`, x, k);
    };
    walk('description', m.description, 'description');
    walk('contributes', m.contributes);
    walk('capabilities', m.capabilities);
    assert.deepEqual(literal, []);
  });
});
