import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { filesUnder } from '../support/files';

/** Every string the extension passes to vscode.l10n.t (first argument: a string literal). */
function l10nStrings(): Set<string> {
  const out = new Set<string>();
  for (const p of filesUnder('src/extension', '.ts')) {
    const src = readFileSync(p, 'utf8');
    const re = /l10n\.t\(\s*(['"`])((?:\\.|(?!\1).)*)\1/gs;
    for (let m = re.exec(src); m; m = re.exec(src)) {
      if (m[1] === '`' && m[2].includes('${')) continue;
      out.add(JSON.parse('"' + m[2].replace(/\\'/g, "'").replace(/"/g, '\\"') + '"'));
    }
  }
  return out;
}

describe('localisation', () => {
  it('every vscode.l10n.t string has a zh-TW translation, and the bundle has no stale keys', () => {
    const bundle = JSON.parse(readFileSync('l10n/bundle.l10n.zh-tw.json', 'utf8')) as Record<string, string>;
    const used = l10nStrings();
    assert.ok(used.size > 50, `only ${used.size} l10n strings found`);
    const missing = [...used].filter(s => !(s in bundle));
    assert.deepEqual(missing, [], 'strings without a zh-TW entry');
    // the coverage page's strings are translated by the host from src/webview/strings.ts, not via literal l10n.t calls
    const pageStrings = readFileSync('src/webview/strings.ts', 'utf8');
    const stale = Object.keys(bundle).filter(k => !used.has(k) && !pageStrings.includes(JSON.stringify(k).slice(1, -1)) && !pageStrings.includes(k));
    assert.deepEqual(stale, [], 'zh-TW entries no source string uses');
    for (const [k, v] of Object.entries(bundle)) {
      const ph = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join();
      assert.equal(ph(v), ph(k), `placeholders differ for "${k}"`);
      assert.ok(v.trim() !== '', `empty translation for "${k}"`);
    }
  });

  it('package.nls.zh-tw.json translates exactly the keys of package.nls.json, and the manifest uses only known keys', () => {
    const en = JSON.parse(readFileSync('package.nls.json', 'utf8'));
    const zh = JSON.parse(readFileSync('package.nls.zh-tw.json', 'utf8'));
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
    const manifest = readFileSync('package.json', 'utf8');
    const used = [...manifest.matchAll(/"%([^%"]+)%"/g)].map(m => m[1]);
    assert.deepEqual(used.filter(k => !(k in en)), []);
    assert.deepEqual(Object.keys(en).filter(k => !used.includes(k)), [], 'package.nls.json keys the manifest does not use');
  });
});
