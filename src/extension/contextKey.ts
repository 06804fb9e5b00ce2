import * as vscode from 'vscode';

/** A context key of the `when` clauses (package.json), told to VS Code only when its value changes. */
export class ContextKey<T> {
  private value: T | undefined;

  constructor(private readonly key: string) {}

  set(value: T): void {
    if (value === this.value) return;
    this.value = value;
    void vscode.commands.executeCommand('setContext', this.key, value);
  }
}
