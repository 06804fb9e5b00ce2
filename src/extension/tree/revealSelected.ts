import type * as vscode from 'vscode';
import { eventWithin } from '../eventWithin';

/**
 * How long the first reveal's selection may take to reach the extension host before the reveal counts as dropped;
 * each later attempt waits twice as long as the one before (a refresh of the view on a busy machine can outlast the
 * first waits: a CI run saw three reveals 250 ms apart dropped while the view took its children again).
 */
export const SELECTION_GRACE_MS = 250;

/** How often a dropped reveal is tried, on the tree as it is each time. */
export const REVEAL_ATTEMPTS = 3;

/** What revealSelected did: selected the node, found none to reveal, saw every reveal dropped, or gave way to a newer reveal. */
export type RevealOutcome = 'selected' | 'absent' | 'dropped' | 'superseded';

/**
 * Reveals and selects the node `current` gives (asked again before each attempt: a refresh rebuilds the nodes), and
 * confirms it by the selection that comes back. VS Code may resolve a reveal without doing it: the workbench skips
 * an item its copy of the tree does not hold (a refresh of the view in flight empties that copy until the children
 * come again), and the extension host logs and skips an element it cannot place in the tree it last gave the view.
 * So a reveal whose selection does not arrive is tried again, waiting longer each time, and a reveal that throws
 * (the view went away, the tree changed meanwhile) likewise. Stops, before an attempt, once `superseded` says a
 * newer reveal has started (two reveals trying at once would each move the selection the other waits for).
 */
export async function revealSelected<T extends { id: string }>(
  view: vscode.TreeView<T>, current: () => T | undefined, focus: boolean, superseded: () => boolean = () => false,
): Promise<RevealOutcome> {
  for (let attempt = 0; attempt < REVEAL_ATTEMPTS; attempt++) {
    if (superseded()) return 'superseded';
    const node = current();
    if (!node) return 'absent';
    try {
      await view.reveal(node, { select: true, focus, expand: false });
      if (await selectionHolds(view, node.id, SELECTION_GRACE_MS * 2 ** attempt)) return 'selected';
    } catch {
      // tried again below
    }
  }
  return superseded() ? 'superseded' : 'dropped';
}

/** Whether the view's selection holds the node `id`, now or within `ms`. */
async function selectionHolds<T extends { id: string }>(view: vscode.TreeView<T>, id: string, ms: number): Promise<boolean> {
  const holds = (selection: readonly T[]) => selection.some(n => n.id === id);
  return holds(view.selection) || eventWithin(view.onDidChangeSelection, e => holds(e.selection), ms);
}
