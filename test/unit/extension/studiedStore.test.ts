import './vscodeStub';
import { strict as assert } from 'node:assert';
import type * as vscode from 'vscode';
import { StudiedStore, studiedKey, studiedKeyIn } from '../../../src/extension/tree/studied';

/** A workspaceState memento in memory. */
function memento(initial: Record<string, unknown> = {}): vscode.Memento & { state: Map<string, unknown> } {
  const state = new Map<string, unknown>(Object.entries(initial));
  return { state, get: (k: string) => state.get(k), update: async (k: string, v: unknown) => { state.set(k, v); }, keys: () => [...state.keys()] } as unknown as vscode.Memento & { state: Map<string, unknown> };
}

describe('studied marks per notes folder (StudiedStore)', () => {
  const first = 'file:///ws/notes', other = 'file:///ws/other';

  it('keeps the first folder under the key used before folders could be chosen', () => {
    assert.equal(studiedKey(first, first), 'notesNavigator.studied');
    assert.equal(studiedKey(undefined, undefined), 'notesNavigator.studied');
    assert.equal(studiedKey(other, first), `notesNavigator.studied@${other}`);
  });

  it('reads the marks saved by earlier versions for the first folder', () => {
    const m = memento({ 'notesNavigator.studied': ['s/01.md'] });
    const store = new StudiedStore(m, () => studiedKey(first, first));
    assert.equal(store.has('s/01.md'), true);
  });

  it('does not show one folder\'s marks in another folder with the same paths, and brings them back', async () => {
    const m = memento({ 'notesNavigator.studied': ['s/01.md'] });
    let root = first;
    const store = new StudiedStore(m, () => studiedKey(root, first));
    let fired = 0;
    store.onDidChange(() => fired++);

    root = other;
    store.reload();
    assert.equal(fired, 1);
    assert.equal(store.has('s/01.md'), false, 'the other folder has no marks yet');
    await store.toggle('s/02.md');
    assert.deepEqual(m.state.get(`notesNavigator.studied@${other}`), ['s/02.md']);
    assert.deepEqual(m.state.get('notesNavigator.studied'), ['s/01.md'], 'the first folder\'s marks are left alone');

    root = first;
    store.reload();
    assert.equal(store.has('s/01.md'), true);
    assert.equal(store.has('s/02.md'), false);
    const before = fired;
    store.reload(); // the same folder again: nothing to reload
    assert.equal(fired, before);
  });

  it('keeps each folder\'s marks when the workspace folders are reordered (the first folder is another one)', async () => {
    const m = memento();
    // [notes, other]: the notes folder is first and indexed
    const store = new StudiedStore(m, () => studiedKeyIn(m, first, first));
    await store.toggle('s/01.md');
    // the folders reordered to [other, notes], the window reloaded: the notes folder is indexed again
    const again = new StudiedStore(m, () => studiedKeyIn(m, first, other));
    assert.equal(again.has('s/01.md'), true, 'the notes folder keeps its marks');
    // the other folder, now first, does not get them
    const others = new StudiedStore(m, () => studiedKeyIn(m, other, other));
    assert.equal(others.has('s/01.md'), false);
    await others.toggle('s/09.md');
    assert.equal(new StudiedStore(m, () => studiedKeyIn(m, first, other)).has('s/09.md'), false);
  });

  it('keeps the marks of a notes folder that was not first when it was first indexed, once it becomes first', async () => {
    const m = memento();
    // [other, notes], the setting names the notes folder: the notes folder is indexed, the first one never
    const store = new StudiedStore(m, () => studiedKeyIn(m, first, other));
    await store.toggle('s/01.md');
    // the folders reordered to [notes, other]
    assert.equal(new StudiedStore(m, () => studiedKeyIn(m, first, first)).has('s/01.md'), true, 'the notes folder keeps its marks');
  });
});
