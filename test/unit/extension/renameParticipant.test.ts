import { events, Uri, warnings, workspace } from './vscodeStub';
import { strict as assert } from 'node:assert';
import type * as vscode from 'vscode';
import { linkUpdatesFor, registerRenameParticipant } from '../../../src/extension/features/renameFiles';
import type { IndexService } from '../../../src/extension/indexService';
import { FM } from '../index/memoryWorkspace';
import { navigationOf } from './navigationHarness';

/** Renames the editor announces before the first index load has ended: the links to them are not known yet. */
describe('rename participant before the index is ready (vscode stub)', () => {
  const root = '/ws';
  let logged: string[] = [];
  let participant: vscode.Disposable | undefined;
  /** a service whose first load never ends (never tracked as ready) */
  const service = {
    fileOf: (uri: Uri) => (uri.path.startsWith(root + '/') ? uri.path.slice(root.length + 1) : undefined),
    log: { warn: (m: string) => logged.push(m), error: (m: string) => logged.push(m) },
    ready: new Promise<void>(() => undefined),
  } as unknown as IndexService;

  beforeEach(() => {
    logged = [];
    warnings.length = 0;
    participant = registerRenameParticipant(service);
  });
  afterEach(() => participant?.dispose());

  function willRename(from: string, to: string): number {
    let waited = 0;
    events.willRenameFiles.fire({ files: [{ oldUri: Uri.file(from), newUri: Uri.file(to) }], waitUntil: () => { waited++; } });
    return waited;
  }

  it('says in the log and in a warning that links were not updated', () => {
    assert.equal(willRename(`${root}/notes/a.md`, `${root}/notes/b.md`), 0);
    assert.deepEqual(logged, ['rename: notes/a.md → notes/b.md before the notes were indexed: links to it were not updated']);
    assert.deepEqual(warnings, ['The notes were still being indexed: links to the renamed files were not updated.']);
  });

  it('says nothing of a rename outside the workspace folder, of an image or of a folder never walked', () => {
    willRename('/elsewhere/a.md', '/elsewhere/b.md');
    willRename(`${root}/assets/a.png`, `${root}/assets/b.png`);
    willRename(`${root}/node_modules/x`, `${root}/node_modules/y`);
    assert.deepEqual(logged, []);
    assert.deepEqual(warnings, []);
    // a folder that may hold notes is said
    willRename(`${root}/notes`, `${root}/notes2`);
    assert.deepEqual(logged, ['rename: notes → notes2 before the notes were indexed: links to it were not updated']);
  });
});

describe('rename: links that could not be updated', () => {
  it('says how many in one warning, "1 link" for one', async () => {
    const a = FM('A') + 'See [b](b.md) and [again](b.md).\n';
    const nav = await navigationOf({ 'a.md': a, 'b.md': FM('B') });
    Object.assign(nav.service, { toWorkspaceEdit: () => ({}) });
    // typed into a moment ago: the text is no longer what the index read
    nav.texts.set('a.md', a.replace('[b](b.md)', '[b](x.md)'));
    warnings.length = 0;
    await linkUpdatesFor(nav.service, [{ from: 'b.md', to: 'c.md' }]);
    assert.deepEqual(warnings, ['Not updated for the new name: 1 link, listed in the Notes Navigator log.']);
    nav.texts.set('a.md', a.replace(/\(b\.md\)/g, '(x.md)'));
    warnings.length = 0;
    await linkUpdatesFor(nav.service, [{ from: 'b.md', to: 'c.md' }]);
    assert.deepEqual(warnings, ['Not updated for the new name: 2 links, listed in the Notes Navigator log.']);
  });
});

describe('rename participant in an untrusted workspace', () => {
  afterEach(() => { workspace.isTrusted = true; });

  it('still updates the links of the other notes: the rename is the user\'s own edit (the manifest\'s untrusted text says so)', async () => {
    workspace.isTrusted = false;
    const nav = await navigationOf({ 'a.md': FM('A') + 'See [b](b.md).\n', 'b.md': FM('B') });
    const handed: unknown[] = [];
    Object.assign(nav.service, { toWorkspaceEdit: (edits: unknown[]) => edits });
    const participant = registerRenameParticipant(nav.service);
    try {
      events.willRenameFiles.fire({ files: [{ oldUri: Uri.file('/ws/b.md'), newUri: Uri.file('/ws/c.md') }], waitUntil: (p: unknown) => handed.push(p) });
      assert.equal(handed.length, 1, 'no edit handed to the rename');
      const edits = await handed[0] as { file: string; edits: { newText: string }[] }[];
      assert.deepEqual(edits.map(e => [e.file, e.edits.map(x => x.newText)]), [['a.md', ['c.md']]]);
    } finally {
      participant.dispose();
    }
  });
});
