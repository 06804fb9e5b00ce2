import { events, settings, Uri, workspace, workspaceScoped } from './vscodeStub';
import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { buffer, LiveFolder } from './liveService';

/**
 * `notesNavigator.diagnostics.enabled`: `auto` (the default) publishes the findings only in a knowledge base (a
 * series README, `.notes-navigator.json`, or the folder the notesFolder setting names), following the folder live;
 * `always` and `never`; the booleans of earlier versions. A real IndexService over a folder on disk.
 */
describe('diagnostics.enabled: auto, always, never (vscode stub, files on disk)', () => {
  const h = new LiveFolder('nn-gate-');
  const { start, write, uri, idle, edited, closeUnsaved, published } = h;

  /** An ordinary service repository: Markdown that is no knowledge base, with a finding (a broken link). */
  const REPOSITORY = {
    'README.md': '# Service\n\nSee [setup](docs/setup.md).\n',
    'CHANGELOG.md': '# Changelog\n',
    'docs/setup.md': '# Setup\n\n[x](missing.md)\n',
  };
  const SERIES_README = '# Notes\n\n## Chapters\n\n- [setup](../docs/setup.md)\n';

  const publishedFiles = () => [...h.collection.byPath.keys()].map(p => p.slice(h.dir.length + 1)).sort();
  const withheldLines = () => h.logged.filter(l => l.startsWith('diagnostics: '));

  async function setDiagnostics(value: unknown): Promise<void> {
    settings.set('notesNavigator.diagnostics.enabled', value);
    events.changeConfiguration.fire({ affectsConfiguration: (section: string) => section === 'notesNavigator' });
    await idle();
  }

  async function created(file: string, text: string): Promise<void> {
    write(file, text);
    events.fsCreate.fire(uri(file));
    await idle();
  }

  async function deleted(file: string): Promise<void> {
    rmSync(path.join(h.dir, file));
    events.fsDelete.fire(uri(file));
    await idle();
  }

  it('auto (the default) publishes nothing in a folder without a series README or .notes-navigator.json, and logs it once', async () => {
    await start(REPOSITORY);
    assert.equal(h.service.settings.diagnostics, 'auto');
    assert.ok(h.service.index.diagnostics('docs/setup.md').some(d => d.code === 'link-broken'), 'the index checks the notes all the same');
    assert.deepEqual(publishedFiles(), []);
    assert.equal(withheldLines().length, 1, h.logged.join('\n'));
    assert.ok(withheldLines()[0].includes(h.dir) && withheldLines()[0].includes('"auto"'), withheldLines()[0]);
    // more findings, typed and re-read: still nothing published, nor said again
    await edited(buffer(uri('CHANGELOG.md'), '# Changelog\n\n[y](gone.md)\n', true, 2));
    await h.service.rescan();
    await idle();
    assert.deepEqual(publishedFiles(), []);
    assert.equal(withheldLines().length, 1);
  });

  it('auto publishes once a series README is written, and keeps them while the folder is indexed (a README retyped or renamed does not empty the panel)', async () => {
    await start(REPOSITORY);
    assert.deepEqual(publishedFiles(), []);
    await created('notes/README.md', SERIES_README);
    assert.deepEqual(published('docs/setup.md'), ['link-broken'], 'a series: the folder is a knowledge base now');
    assert.ok(publishedFiles().includes('README.md'), 'every file\'s findings, not only the ones re-checked');
    let clears = 0;
    const clear = h.collection.clear.bind(h.collection);
    h.collection.clear = () => { clears++; clear(); };
    await deleted('notes/README.md');
    assert.deepEqual(published('docs/setup.md'), ['link-broken'], 'the series gone (renamed, being rewritten): still a knowledge base');
    await created('notes/README.md', SERIES_README);
    assert.equal(clears, 0, 'nothing withdrawn and published again');
    // the setting still decides over it
    await setDiagnostics('never');
    assert.deepEqual(publishedFiles(), []);
  });

  it('auto publishes once "## Chapters" is typed into a README, unsaved', async () => {
    await start(REPOSITORY);
    const readme = buffer(uri('README.md'), `${REPOSITORY['README.md']}\n## Chapters\n\n- [setup](docs/setup.md)\n`, true, 2);
    await edited(readme);
    assert.deepEqual(published('docs/setup.md'), ['link-broken']);
    await closeUnsaved(readme);
    assert.deepEqual(published('docs/setup.md'), ['link-broken'], 'kept while this folder is indexed');
  });

  it('auto publishes once .notes-navigator.json is written (even one that changes nothing), and withdraws them when it goes', async () => {
    await start(REPOSITORY);
    await created('.notes-navigator.json', '{}\n');
    assert.deepEqual(published('docs/setup.md'), ['link-broken']);
    await deleted('.notes-navigator.json');
    assert.deepEqual(publishedFiles(), [], 'the file gone (no series): the folder is judged again');
  });

  it('a .notes-navigator.json written in a code repository is followed with its own configuration, never the one before', async () => {
    await start({ ...REPOSITORY, 'notes/a.md': '# A\n\n[y](gone.md)\n' });
    const sets: string[][] = [];
    const set = h.collection.set.bind(h.collection);
    h.collection.set = ((entries: [{ path: string }, unknown[]][]) => {
      sets.push(entries.map(e => e[0].path.slice(h.dir.length + 1)));
      set(entries as never);
    }) as typeof h.collection.set;
    await created('.notes-navigator.json', JSON.stringify({ include: ['notes/**'] }));
    assert.deepEqual(sets.flat().filter(f => !f.startsWith('notes/')), [], 'no file the new include leaves out was ever published');
    assert.deepEqual(publishedFiles(), ['notes/a.md']);
  });

  it('auto publishes where the workspace sets a setting that stands in for .notes-navigator.json, not where only the user does', async () => {
    try {
      settings.set('notesNavigator.rules', { 'link-broken': 'error' });
      await start(REPOSITORY);
      assert.deepEqual(publishedFiles(), [], 'a user setting reaches every window: no sign of a knowledge base');
      h.service.dispose();
      workspaceScoped.add('notesNavigator.rules');
      await start(REPOSITORY);
      assert.deepEqual(published('docs/setup.md'), ['link-broken']);
    } finally {
      settings.delete('notesNavigator.rules');
      workspaceScoped.clear();
    }
  });

  it('auto publishes in a folder with .notes-navigator.json from the start', async () => {
    await start({ ...REPOSITORY, '.notes-navigator.json': '{}\n' });
    assert.deepEqual(published('docs/setup.md'), ['link-broken']);
    assert.deepEqual(withheldLines(), []);
  });

  describe('the notesNavigator.notesFolder setting', () => {
    afterEach(() => { workspace.workspaceFolders = undefined; });

    async function notesFolderSet(value: string | undefined): Promise<void> {
      if (value === undefined) settings.delete('notesNavigator.notesFolder');
      else settings.set('notesNavigator.notesFolder', value);
      const key = 'notesNavigator.notesFolder';
      events.changeConfiguration.fire({ affectsConfiguration: (section: string) => key === section || key.startsWith(`${section}.`) });
      await idle();
    }

    it('auto publishes in the folder the setting names (the user chose it), not when it names another', async () => {
      await start(REPOSITORY);
      workspace.workspaceFolders = [{ name: 'service', index: 0, uri: Uri.file(h.dir) }, { name: 'other', index: 1, uri: Uri.file(`${h.dir}-other`) }];
      await notesFolderSet('other');
      assert.deepEqual(publishedFiles(), []);
      await notesFolderSet('service');
      assert.deepEqual(published('docs/setup.md'), ['link-broken']);
      await notesFolderSet(undefined);
      assert.deepEqual(publishedFiles(), []);
    });
  });

  it('always publishes in a folder that is no knowledge base; true (as earlier versions wrote it) is always', async () => {
    settings.set('notesNavigator.diagnostics.enabled', 'always');
    await start(REPOSITORY);
    assert.deepEqual(published('docs/setup.md'), ['link-broken']);
    assert.deepEqual(withheldLines(), []);
    await setDiagnostics('auto');
    assert.deepEqual(publishedFiles(), []);
    await setDiagnostics(true);
    assert.equal(h.service.settings.diagnostics, 'always');
    assert.deepEqual(published('docs/setup.md'), ['link-broken']);
    await setDiagnostics('true'); // hand-edited
    assert.deepEqual(published('docs/setup.md'), ['link-broken']);
  });

  it('never publishes nothing, in a knowledge base too; false (as earlier versions wrote it) is never', async () => {
    settings.set('notesNavigator.diagnostics.enabled', 'never');
    await start({ ...REPOSITORY, 'notes/README.md': SERIES_README });
    assert.deepEqual(publishedFiles(), []);
    assert.deepEqual(withheldLines(), [], 'turned off by the user: nothing to explain');
    await setDiagnostics('auto');
    assert.deepEqual(published('docs/setup.md'), ['link-broken']);
    await setDiagnostics(false);
    assert.equal(h.service.settings.diagnostics, 'never');
    assert.deepEqual(publishedFiles(), []);
    await setDiagnostics('auto');
    await setDiagnostics('false'); // hand-edited
    assert.deepEqual(publishedFiles(), []);
  });

  it('an invalid value is reported in the log and read as auto', async () => {
    settings.set('notesNavigator.diagnostics.enabled', 'on');
    await start(REPOSITORY);
    assert.equal(h.service.settings.diagnostics, 'auto');
    assert.ok(h.logged.includes('setting notesNavigator.diagnostics.enabled: "on" is not valid, "auto" is used'), h.logged.join('\n'));
    assert.deepEqual(publishedFiles(), []);
    await created('notes/README.md', SERIES_README);
    assert.deepEqual(published('docs/setup.md'), ['link-broken'], 'as auto does');
  });
});
