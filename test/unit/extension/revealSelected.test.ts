import { strict as assert } from 'node:assert';
import type * as vscode from 'vscode';
import { REVEAL_ATTEMPTS, SELECTION_GRACE_MS, revealSelected } from '../../../src/extension/tree/revealSelected';

interface Node { id: string }

/**
 * A tree view whose reveals select after `lagMs` (the selection event reaching the extension host late), except the
 * first `drops`, which VS Code resolves without doing anything. Records when each reveal came.
 */
function fakeView(drops: number, lagMs: number) {
  const listeners = new Set<(e: { selection: readonly Node[] }) => void>();
  const started = Date.now();
  const view = {
    selection: [] as readonly Node[],
    calls: [] as number[],
    onDidChangeSelection: (fn: (e: { selection: readonly Node[] }) => void) => {
      listeners.add(fn);
      return { dispose: () => listeners.delete(fn) };
    },
    reveal: async (node: Node) => {
      view.calls.push(Date.now() - started);
      if (view.calls.length <= drops) return;
      setTimeout(() => {
        view.selection = [node];
        for (const fn of [...listeners]) fn({ selection: view.selection });
      }, lagMs);
    },
  };
  return view;
}

const asView = (v: ReturnType<typeof fakeView>) => v as unknown as vscode.TreeView<Node>;
const node = { id: 'chapter/a' };

describe('revealSelected (the Series view\'s reveal, confirmed by the selection that comes back)', () => {
  it('selects at the first reveal when the selection comes back in time', async () => {
    const v = fakeView(0, 10);
    assert.equal(await revealSelected(asView(v), () => node, false), 'selected');
    assert.equal(v.calls.length, 1);
  });

  it('waits longer at each attempt, so a selection slower than the first wait is not taken for a drop', async () => {
    // the selection needs more than the first two waits would be if they were alike, and comes within the second
    const v = fakeView(0, SELECTION_GRACE_MS * 2.5);
    assert.equal(await revealSelected(asView(v), () => node, false), 'selected');
    assert.equal(v.calls.length, 2);
  });

  it('tries again after dropped reveals, then gives up after the last attempt', async () => {
    const again = fakeView(REVEAL_ATTEMPTS - 1, 5);
    assert.equal(await revealSelected(asView(again), () => node, false), 'selected');
    assert.equal(again.calls.length, REVEAL_ATTEMPTS);
    const never = fakeView(Infinity, 5);
    assert.equal(await revealSelected(asView(never), () => node, false), 'dropped');
    assert.equal(never.calls.length, REVEAL_ATTEMPTS);
    // the waits between attempts double: the last attempt came after the first two waits
    assert.ok(never.calls[REVEAL_ATTEMPTS - 1] >= SELECTION_GRACE_MS * 3 - 20, `attempts at ${never.calls.join(', ')} ms`);
  });

  it('says absent when the tree shows no such node, and stops once a newer reveal started', async () => {
    const v = fakeView(Infinity, 5);
    assert.equal(await revealSelected(asView(v), () => undefined, false), 'absent');
    assert.equal(v.calls.length, 0);
    let newer = false;
    const trying = revealSelected(asView(v), () => node, false, () => newer);
    newer = true;
    assert.equal(await trying, 'superseded');
    assert.equal(v.calls.length, 1, 'the reveal under way finished its wait, and no other was tried');
  });
});
