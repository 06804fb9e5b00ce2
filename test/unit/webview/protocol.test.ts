import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildViewModel } from '../../../src/core/coverage/viewModel';
import { coverageCsp, filesOfModel, isWorkspaceRelativePath, parsePageMessage } from '../../../src/webview/protocol';
import { exampleIndex } from '../coverage/fakeIndex';

describe('coverage page protocol', () => {
  it('accepts the page messages it knows', () => {
    assert.deepEqual(parsePageMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parsePageMessage({ type: 'applied', version: 3 }), { type: 'applied', version: 3 });
    assert.deepEqual(parsePageMessage({ type: 'open', file: 'a/b.md' }), { type: 'open', file: 'a/b.md' });
    assert.deepEqual(parsePageMessage({ type: 'open', file: 'a/b.md', line: 4 }), { type: 'open', file: 'a/b.md', line: 4 });
    assert.deepEqual(parsePageMessage({ type: 'create', file: 'a/b.md' }), { type: 'create', file: 'a/b.md' });
    assert.deepEqual(parsePageMessage({ type: 'sync', series: 'a/README.md' }), { type: 'sync', series: 'a/README.md' });
    const result = { images: 0, scripts: 0, frames: 0, inlineHandlers: 0, rows: 2, scrollY: 40, texts: ['x'] };
    assert.deepEqual(parsePageMessage({ type: 'probeResult', id: 1, result }), { type: 'probeResult', id: 1, result });
  });

  it('drops unknown and malformed messages, and extra fields', () => {
    const bad: unknown[] = [
      null, undefined, 'ready', 42, [], ['ready'], {}, { type: 'eval', code: 'x' }, { type: 'READY' },
      { type: 'applied' }, { type: 'applied', version: -1 }, { type: 'applied', version: 1.5 }, { type: 'applied', version: '1' },
      { type: 'open' }, { type: 'open', file: '' }, { type: 'open', file: 7 }, { type: 'open', file: 'a.md', line: -2 },
      { type: 'open', file: 'x'.repeat(5000) }, { type: 'create', file: { toString: () => 'a.md' } }, { type: 'sync' },
      { type: 'probeResult', id: 1, result: { images: 0 } }, { type: 'probeResult', id: 1, result: null },
      { type: 'probeResult', id: 1, result: { images: 0, scripts: 0, frames: 0, inlineHandlers: 0, rows: 0, scrollY: 0, texts: [1] } },
      { type: 'probeResult', id: 1, result: { images: 0, scripts: 0, frames: 0, inlineHandlers: 0, rows: 0, scrollY: -1, texts: [] } },
    ];
    for (const m of bad) assert.equal(parsePageMessage(m), undefined, JSON.stringify(m));
    assert.deepEqual(parsePageMessage({ type: 'open', file: 'a.md', command: 'rm -rf' }), { type: 'open', file: 'a.md' });
  });

  it('only treats paths that stay inside the workspace as workspace paths', () => {
    for (const ok of ['backend/README.md', 'a.md', 'backend/系統設計/01 筆記.md', 'a/.hidden/b.md', 'backend/03-a:b.md', '03-a:b.md', 's/01.md:x.md', 'a/ab:c.md'])
      assert.ok(isWorkspaceRelativePath(ok), ok);
    // a `:` that reads as a drive or a scheme at the start, or as a drive at the start of a later segment
    for (const bad of ['C:/x.md', 'c:x.md', 'C:', 'file:x.md', 'a:b.md', 'vscode-remote:x.md', 'git+ssh:x.md', 'a.b:c.md',
      'a/C:/b.md', 'a/c:x.md', 'a/b/Z:']) assert.ok(!isWorkspaceRelativePath(bad), bad);
    for (const bad of ['', '/etc/passwd', '../x.md', 'a/../../b.md', 'a/./b.md', 'a//b.md', 'file:///x.md',
      'a\\..\\b.md', 'a/b.md/', 'a\u0000.md', 'a\nb.md', '..']) assert.ok(!isWorkspaceRelativePath(bad), JSON.stringify(bad));
  });

  it('refuses any `:` under the Windows rule (a drive, or an NTFS alternate data stream of the file before it)', () => {
    for (const bad of ['s/01.md:x.md', 's/README.md:x.md', 'backend/03-a:b.md', '03-a:b.md', 'a/ab:c.md', 'a/C:/b.md'])
      assert.ok(!isWorkspaceRelativePath(bad, 'windows'), bad);
    for (const ok of ['backend/README.md', 'backend/系統設計/01 筆記.md', 'a/.hidden/b.md']) assert.ok(isWorkspaceRelativePath(ok, 'windows'), ok);
    assert.ok(!isWorkspaceRelativePath('../x.md', 'windows'));
  });

  it('knows every file the model names, and which of them are missing', () => {
    const { all, missing } = filesOfModel(buildViewModel(exampleIndex()));
    for (const f of ['backend/README.md', 'backend/coverage_matrix.md', 'backend/system_design/01_scalability.md',
      'backend/distributed_systems/13_saga.md', 'backend/distributed_systems/99_extra.md']) assert.ok(all.has(f), f);
    assert.deepEqual([...missing].sort(), [
      'backend/distributed_systems/14_2pc.md', 'backend/distributed_systems/99_extra.md', 'backend/system_design/03_consistency.md',
    ]);
    assert.ok(!all.has('backend/secret.md'));
  });

  it('has a CSP that allows only nonce\'d styles and scripts', () => {
    const csp = coverageCsp('abc123');
    const directives = new Map(csp.split(';').map(d => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));
    assert.deepEqual(directives.get('default-src'), ["'none'"]);
    assert.deepEqual(directives.get('script-src'), ["'nonce-abc123'"]);
    assert.deepEqual(directives.get('style-src'), ["'nonce-abc123'"]);
    assert.ok(!csp.includes('unsafe'));
    assert.ok(!csp.includes('*'));
  });

  it('the page code never parses data as HTML', () => {
    const dir = path.join('src', 'webview');
    const offenders: string[] = [];
    for (const f of readdirSync(dir)) {
      if (!f.endsWith('.ts')) continue;
      const src = readFileSync(path.join(dir, f), 'utf8');
      if (/\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function\(|createContextualFragment/.test(src)) offenders.push(f);
    }
    assert.deepEqual(offenders, []);
  });
});
