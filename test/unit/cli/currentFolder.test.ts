import { strict as assert } from 'node:assert';
import { cli, tempWorkspace } from './cliHarness';

/** Runs `fn` with process.cwd() failing as it does once the current folder has been deleted. */
async function withCurrentFolderGone<T>(fn: () => Promise<T>): Promise<T> {
  const cwd = process.cwd;
  process.cwd = () => { throw Object.assign(new Error('ENOENT: no such file or directory, uv_cwd'), { code: 'ENOENT' }); };
  try {
    return await fn();
  } finally {
    process.cwd = cwd;
  }
}

describe('CLI in a current folder that is gone', () => {
  const FM = '---\ntitle: T\nnote_type: chapter\ndomain: backend\ntags: [a]\ncreated: 2026-01-01\nupdated: 2026-01-02\nstatus: active\n---\n';

  it('checks an absolute folder (with an absolute --config) as anywhere else: SARIF\'s root is the folder', async () => {
    const dir = tempWorkspace({ 'a.md': FM + '# A\n\nSee [b](b.md).\n', 'conf.json': '{}' });
    const text = await withCurrentFolderGone(() => cli('check', dir));
    assert.equal(text.code, 1, text.err);
    assert.match(text.out, /^a\.md:12:9 error link-broken /);
    const sarif = await withCurrentFolderGone(() => cli('check', dir, '--format', 'sarif', '--config', `${dir}/conf.json`));
    assert.equal(sarif.code, 1, sarif.err);
    const run = JSON.parse(sarif.out).runs[0];
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, `file://${dir}/`);
    assert.equal(run.results[0].locations[0].physicalLocation.artifactLocation.uri, 'a.md');
    const coverage = await withCurrentFolderGone(() => cli('coverage', dir));
    assert.equal(coverage.code, 0, coverage.err);
  });

  it('a relative folder or --config is one clear line and exit 2, no stack trace', async () => {
    const dir = tempWorkspace({ 'a.md': FM + '# A\n' });
    for (const [argv, line] of [
      [['check'], 'give the folder to check as an absolute path'],
      [['coverage', 'notes'], 'give the folder to coverage as an absolute path'],
      [['check', dir, '--config', 'conf.json'], 'give --config an absolute path'],
    ] as const) {
      const r = await withCurrentFolderGone(() => cli(...argv));
      assert.deepEqual([r.code, r.out, r.err], [2, '', `notes-navigator: cannot read the current folder (ENOENT): ${line}\n`], argv.join(' '));
    }
  });
});
