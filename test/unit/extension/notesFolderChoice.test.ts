import { strict as assert } from 'node:assert';
import { chooseNotesFolder, describeChoice, needsFacts, settingFor, settingName, type FolderFacts } from '../../../src/extension/notesFolderChoice';

/** Folders from a compact spec: `name`, `name+config`, `name+series`, `name+config+series`. */
const folders = (...spec: string[]): FolderFacts[] => spec.map(s => {
  const [name, ...marks] = s.split('+');
  return { name, hasConfig: marks.includes('config'), hasSeriesReadme: marks.includes('series') };
});

/** The chosen folder's name and the reason, or undefined. */
const choose = (list: FolderFacts[], setting?: unknown) => {
  const c = chooseNotesFolder(list, setting);
  return c && { folder: list[c.index].name, reason: c.reason, ...(c.unknownSetting === undefined ? {} : { unknown: c.unknownSetting }) };
};

/** Two folders named docs, as a .code-workspace in /w lists a/docs and b/docs. */
const DOCS: FolderFacts[] = [
  { name: 'docs', paths: ['a/docs', '/w/a/docs', 'file:///w/a/docs'] },
  { name: 'docs', paths: ['b/docs', '/w/b/docs', 'file:///w/b/docs'] },
];

describe('choosing the notes folder (pure rules)', () => {
  it('has no folder to choose in an empty window', () => {
    assert.equal(choose([]), undefined);
    assert.equal(choose([], 'notes'), undefined);
  });

  it('takes the folder the setting names, whatever the others hold', () => {
    assert.deepEqual(choose(folders('app+config+series', 'notes', 'docs+series'), 'notes'), { folder: 'notes', reason: 'setting' });
    assert.deepEqual(choose(folders('notes'), 'notes'), { folder: 'notes', reason: 'setting' });
    assert.deepEqual(choose(folders('app', 'notes'), '  notes '), { folder: 'notes', reason: 'setting' }, 'spaces around the name are ignored');
  });

  it('takes the first folder with .notes-navigator.json before any folder with a series README', () => {
    assert.deepEqual(choose(folders('app+series', 'notes+config', 'more+config')), { folder: 'notes', reason: 'config' });
  });

  it('takes the first folder with a series README when no folder has a configuration file', () => {
    assert.deepEqual(choose(folders('app', 'notes+series', 'more+series')), { folder: 'notes', reason: 'seriesReadme' });
  });

  it('falls back to the first folder', () => {
    assert.deepEqual(choose(folders('app', 'notes')), { folder: 'app', reason: 'first' });
    assert.deepEqual(choose(folders('only')), { folder: 'only', reason: 'only' });
    assert.deepEqual(choose(folders('only+config')), { folder: 'only', reason: 'only' });
  });

  it('ignores a setting that names no folder, and says so', () => {
    assert.deepEqual(choose(folders('app', 'notes+config'), 'gone'), { folder: 'notes', reason: 'config', unknown: 'gone' });
    assert.deepEqual(choose(folders('app', 'notes'), 'gone'), { folder: 'app', reason: 'first', unknown: 'gone' });
    assert.deepEqual(choose(folders('only'), 'gone'), { folder: 'only', reason: 'only', unknown: 'gone' });
    assert.deepEqual(choose(folders('app', 'notes+series'), ''), { folder: 'notes', reason: 'seriesReadme' }, 'empty: not set');
    assert.deepEqual(choose(folders('app', 'notes+series'), 42), { folder: 'notes', reason: 'seriesReadme' }, 'not a string: not set');
  });

  it('treats facts not looked at as absent', () => {
    assert.deepEqual(choose([{ name: 'app' }, { name: 'notes', hasConfig: true }]), { folder: 'notes', reason: 'config' });
    assert.deepEqual(choose([{ name: 'app' }, { name: 'notes' }]), { folder: 'app', reason: 'first' });
  });

  it('needs to look into the folders only when several folders are not settled by the setting', () => {
    assert.equal(needsFacts([], undefined), false);
    assert.equal(needsFacts(folders('only'), undefined), false);
    assert.equal(needsFacts(folders('app', 'notes'), 'notes'), false);
    assert.equal(needsFacts(folders('app', 'notes'), undefined), true);
    assert.equal(needsFacts(folders('app', 'notes'), 'gone'), true);
    assert.equal(needsFacts(DOCS, 'b/docs'), false, 'a path names a folder');
    assert.equal(settingName('  '), undefined);
  });

  it('tells apart two folders of the same name by their paths, and takes the first of that name when only the name is given', () => {
    assert.deepEqual(chooseNotesFolder(DOCS, 'b/docs'), { index: 1, reason: 'setting' });
    assert.deepEqual(chooseNotesFolder(DOCS, './b/docs/'), { index: 1, reason: 'setting' }, './ before and / after are ignored');
    assert.deepEqual(chooseNotesFolder(DOCS, 'file:///w/b/docs'), { index: 1, reason: 'setting' });
    assert.deepEqual(chooseNotesFolder(DOCS, '/w/a/docs'), { index: 0, reason: 'setting' });
    assert.deepEqual(chooseNotesFolder(DOCS, 'docs'), { index: 0, reason: 'setting', sharedName: 2 });
    assert.deepEqual(chooseNotesFolder(DOCS, 'c/docs'), { index: 0, reason: 'first', unknownSetting: 'c/docs' });
    assert.match(describeChoice('docs', { index: 0, reason: 'setting', sharedName: 2 }), /2 workspace folders are named "docs": the first is indexed/);
  });

  it('saves a folder by its name when no other folder has it, else by the first of its paths that names it alone', () => {
    assert.equal(settingFor([...DOCS, { name: 'app', paths: ['app'] }], 2), 'app');
    assert.equal(settingFor(DOCS, 0), 'a/docs');
    assert.equal(settingFor(DOCS, 1), 'b/docs');
    // a folder named as the other's relative path: that path names the folder of that name, so its next path is saved
    const odd: FolderFacts[] = [{ name: 'b/docs', paths: ['x', '/w/x'] }, { name: 'docs', paths: ['b/docs', '/w/b/docs'] }, { name: 'docs', paths: ['c'] }];
    assert.equal(settingFor(odd, 1), '/w/b/docs');
  });

  it('logs which folder and why', () => {
    assert.equal(describeChoice('notes', { index: 1, reason: 'setting' }), 'notes folder: notes (named by the notesNavigator.notesFolder setting)');
    assert.match(describeChoice('notes', { index: 1, reason: 'config' }), /first folder with \.notes-navigator\.json/);
    assert.match(describeChoice('notes', { index: 1, reason: 'seriesReadme' }), /series README/);
    assert.match(describeChoice('app', { index: 0, reason: 'first', unknownSetting: 'gone' }), /names no folder of this workspace \("gone"\)/);
  });
});
