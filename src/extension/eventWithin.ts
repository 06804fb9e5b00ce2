import type * as vscode from 'vscode';

/**
 * Whether `event` fires with a value `matches` accepts within `ms`: resolves true at the first such firing, false
 * when the time runs out first. The listener is removed either way.
 */
export function eventWithin<T>(event: vscode.Event<T>, matches: (e: T) => boolean, ms: number): Promise<boolean> {
  return new Promise(resolve => {
    const finish = (fired: boolean): void => {
      clearTimeout(timer);
      subscription.dispose();
      resolve(fired);
    };
    const timer = setTimeout(() => finish(false), ms);
    const subscription = event(e => { if (matches(e)) finish(true); });
  });
}
