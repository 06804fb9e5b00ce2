import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { PAGE_STRINGS } from '../../../src/webview/strings';
import { filesUnder } from '../support/files';

/** The sources that may localize: the extension host, and the coverage page (its strings go through the host). */
const SOURCES = [...filesUnder('src/extension', '.ts'), ...filesUnder('src/webview', '.ts')];

/** The one `l10n.t` call whose first argument is not a literal: the host translating the coverage page's PAGE_STRINGS. */
const PAGE_STRINGS_CALL = 'src/extension/coverage/pageStrings.ts';

/**
 * `vscode.l10n.t({ message: '…', args, comment: '…' })`: VS Code's form for one English text that translates two
 * ways, whose bundle key is `message/comment`. Both literal, on one call.
 */
const OPTIONS_CALL = /l10n\.t\(\{\s*message: '([^'\\]*)',[^)]*?comment: '([^'\\]*)' \}\)/g;

/** Every string the extension passes to vscode.l10n.t (first argument: a string literal), and the coverage page's strings. */
function l10nStrings(): Set<string> {
  const out = new Set<string>(Object.values(PAGE_STRINGS));
  for (const p of SOURCES) {
    const src = readFileSync(p, 'utf8');
    const re = /l10n\.t\(\s*(['"`])((?:\\.|(?!\1).)*)\1/gs;
    for (let m = re.exec(src); m; m = re.exec(src)) {
      if (m[1] === '`' && m[2].includes('${')) continue;
      out.add(JSON.parse('"' + m[2].replace(/\\'/g, "'").replace(/"/g, '\\"') + '"'));
    }
    for (const m of src.matchAll(OPTIONS_CALL)) out.add(`${m[1]}/${m[2]}`);
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
    const stale = Object.keys(bundle).filter(k => !used.has(k));
    assert.deepEqual(stale, [], 'zh-TW entries no source string uses');
    for (const [k, v] of Object.entries(bundle)) {
      const ph = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join();
      assert.equal(ph(v), ph(k), `placeholders differ for "${k}"`);
      assert.ok(v.trim() !== '', `empty translation for "${k}"`);
    }
  });

  it('every l10n.t call names its string literally (else the check above cannot see it), but for the coverage page\'s table', () => {
    const hidden: string[] = [];
    for (const p of SOURCES) {
      const src = readFileSync(p, 'utf8');
      const literal = src.replace(OPTIONS_CALL, 'l10n.t(\'\')');
      for (const m of literal.matchAll(/\bl10n\.t\(\s*(?!['"`])(.{0,40})/g)) if (p.replace(/\\/g, '/') !== PAGE_STRINGS_CALL) hidden.push(`${p}: l10n.t(${m[1]}`);
    }
    assert.deepEqual(hidden, []);
    assert.match(readFileSync(PAGE_STRINGS_CALL, 'utf8'), /Object\.entries\(PAGE_STRINGS\)\) out\[key\] = vscode\.l10n\.t\(english\)/);
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
