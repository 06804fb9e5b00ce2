// First integration test: the real extension host has our extension, it activates, and the example
// workspace (a temporary copy of examples/notes, made by runTest.ts) is the open folder.
import { strict as assert } from 'node:assert';
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'notes-navigator.notes-navigator';

/** Workspace-relative POSIX paths of every .md file below `root` (node_modules and dot folders skipped). */
function markdownFilesOnDisk(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.md')) out.push(path.relative(root, p).split(path.sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
}

describe('smoke: extension host', () => {
  it('runs a real VS Code extension host', () => {
    console.log(`    ${vscode.env.appName} ${vscode.version}, uiKind=${vscode.UIKind[vscode.env.uiKind]}, ` +
      `remoteName=${vscode.env.remoteName ?? '-'}, node ${process.version}`);
    assert.match(vscode.version, /^\d+\.\d+\.\d+/);
  });

  it(`has the extension ${EXTENSION_ID} and activates it`, async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not among the installed extensions`);
    assert.equal(ext.id.toLowerCase(), EXTENSION_ID);
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  it('has the copy of examples/notes open as the only workspace folder', async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1, `workspace folders: ${folders.map(f => f.uri.toString()).join(', ')}`);
    const folder = folders[0];
    assert.equal(folder.name, 'notes');
    const source = process.env.NN_TEST_WORKSPACE_SOURCE;
    assert.ok(source, 'NN_TEST_WORKSPACE_SOURCE is not set (runTest.ts sets it)');
    assert.notEqual(path.resolve(folder.uri.fsPath), path.resolve(source), 'tests must run on a copy of the examples');
    const opened = (await vscode.workspace.findFiles('**/*.md', '**/node_modules/**'))
      .map(u => vscode.workspace.asRelativePath(u, false))
      .sort();
    assert.deepEqual(opened, markdownFilesOnDisk(source));
  });
});
