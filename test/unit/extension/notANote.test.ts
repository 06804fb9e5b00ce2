import { commandHandlers } from './vscodeStub';
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { currentNote } from '../../../src/extension/features/currentNote';
import { registerFixAllCommand } from '../../../src/extension/features/fixAll';
import { explainNotANote, whyNotANote } from '../../../src/extension/features/notANote';
import { trackReadiness } from '../../../src/extension/features/readiness';
import type { IndexService } from '../../../src/extension/indexService';
import { defaultConfig } from '../../../src/core/config';
import { FM, indexOf } from '../index/memoryWorkspace';

// the stub that answers `require('vscode')` (each test file bundles its own copy of vscodeStub.ts)
const { Uri } = vscode as unknown as typeof import('./vscodeStub');
type Uri = import('./vscodeStub').Uri;
const win = vscode.window as unknown as Record<string, unknown>;

const files = {
  'a.md': FM('A') + '# A\n',
  'archive/old.md': FM('Old'),
  'notes.markdown': '# M\n',
};

/** Each time a provider waited for the index to catch up (subscribed to its updates). */
const waits: number[] = [];

/** A service over an in-memory index of `files`, rooted at /ws, ready once `ready` is true; `shown` says whether the buffer is indexed as shown. */
async function serviceOf(options: { ready?: boolean; root?: boolean; shown?: boolean } = {}) {
  const index = await indexOf(files, { ...defaultConfig(), exclude: ['archive/**'], unlistedGlobs: ['private'] });
  const service = {
    index,
    root: options.root === false ? undefined : Uri.file('/ws'),
    ready: options.ready === false ? new Promise(() => undefined) : Promise.resolve(),
    fileOf: (uri: Uri) => (uri.path.startsWith('/ws/') ? uri.path.slice(4) : undefined),
    isIndexedAsShown: () => options.shown !== false,
    // the buffer's edit never reaches the index here: Fix All waits its second for it, then gives up
    onDidChange: () => {
      waits.push(1);
      return { dispose: () => undefined };
    },
    feedNow: () => undefined,
  } as unknown as IndexService;
  trackReadiness(service);
  await Promise.resolve();
  return service;
}

const doc = (path: string) => ({ uri: Uri.file(path), isClosed: false, languageId: 'markdown', version: 1 }) as unknown as vscode.TextDocument;

describe('Why the active file is no note a command can work on', () => {
  const saved = { ...win };
  const shown: string[] = [];
  beforeEach(() => {
    shown.length = 0;
    win.showInformationMessage = async (m: string) => { shown.push(m); return undefined; };
  });
  afterEach(() => {
    for (const k of ['showInformationMessage', 'activeTextEditor']) win[k] = saved[k];
  });

  it('tells each reason apart, and has none for a note the index holds as shown', async () => {
    const s = await serviceOf();
    const why = (path: string) => whyNotANote(s, Uri.file(path) as unknown as vscode.Uri, doc(path));
    assert.equal(why('/ws/a.md'), undefined);
    assert.equal(why('/elsewhere/a.md'), 'outside');
    assert.equal(why('/ws/notes.markdown'), 'notMarkdown');
    assert.equal(why('/ws/private/p.md'), 'hidden');
    // a folder no listing walks, whatever files.exclude says
    assert.equal(why('/ws/dist/01-raft.md'), 'neverListed');
    assert.equal(why('/ws/archive/old.md'), 'excluded');
    assert.equal(why('/ws/new.md'), 'unread');
    assert.equal(whyNotANote(await serviceOf({ shown: false }), Uri.file('/ws/a.md') as unknown as vscode.Uri, doc('/ws/a.md')), 'behind');
    assert.equal(whyNotANote(await serviceOf({ ready: false }), Uri.file('/ws/a.md') as unknown as vscode.Uri), 'loading');
  });

  it('names the file and what to do in each message', async () => {
    const s = await serviceOf();
    const say = (path: string) => {
      shown.length = 0;
      explainNotANote(s, Uri.file(path) as unknown as vscode.Uri, doc(path));
      return shown.join('|');
    };
    assert.equal(say('/elsewhere/x.md'), 'x.md is not in the notes folder ws: only that folder\'s notes are checked.');
    assert.equal(say('/ws/notes.markdown'), 'notes.markdown is not checked: only files named *.md are notes.');
    assert.equal(say('/ws/private/p.md'), 'private/p.md is not checked: the files.exclude setting hides it.');
    assert.equal(say('/ws/dist/01-raft.md'), 'dist/01-raft.md is not checked: notes inside these folders never are: node_modules, .git, .vscode-test, dist, out.');
    assert.equal(say('/ws/archive/old.md'), 'archive/old.md is not checked: the include and exclude globs (.notes-navigator.json or the settings) leave it out.');
    assert.equal(say('/ws/new.md'), 'new.md has not been read yet: save it, or try again in a moment.');
    assert.equal(say('/ws/a.md'), '');
    const noFolder = await serviceOf({ root: false });
    shown.length = 0;
    explainNotANote(noFolder, Uri.file('/tmp/x.md') as unknown as vscode.Uri);
    assert.deepEqual(shown, ['x.md is not in a notes folder: open the folder of your notes to check them.']);
  });

  it('lets providers answer at once for a file no wait makes a note of, and wait only for an edit or an unread file', async () => {
    const s = await serviceOf();
    for (const path of ['/ws/archive/old.md', '/ws/notes.markdown', '/ws/private/p.md', '/elsewhere/a.md']) {
      waits.length = 0;
      assert.equal(await currentNote(s, doc(path), { now: false, waitMs: 50 }), undefined, path);
      assert.deepEqual(waits, [], path);
    }
    waits.length = 0;
    assert.equal(await currentNote(s, doc('/ws/new.md'), { now: false, waitMs: 10 }), undefined);
    assert.deepEqual(waits, [1]);
    assert.equal((await currentNote(s, doc('/ws/a.md'), { now: false, waitMs: 10 }))?.file, 'a.md');
  });

  it('Fix All says why it fixed nothing, instead of one vague sentence for every case', async () => {
    for (const [options, path, said] of [
      [{ ready: false }, '/ws/a.md', 'The notes are still being indexed: try again in a moment.'],
      [{}, '/ws/archive/old.md', 'archive/old.md is not checked: the include and exclude globs (.notes-navigator.json or the settings) leave it out.'],
      [{ shown: false }, '/ws/a.md', 'a.md changed since it was last checked: try again once typing has paused.'],
    ] as const) {
      const service = await serviceOf(options);
      const registration = registerFixAllCommand(service);
      win.activeTextEditor = { document: doc(path) };
      shown.length = 0;
      assert.equal(await commandHandlers.get('notesNavigator.fixAll')!(), false);
      assert.deepEqual(shown, [said]);
      registration.dispose();
    }
  });
});
