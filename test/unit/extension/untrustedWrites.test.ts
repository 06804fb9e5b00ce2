import { commandHandlers, workspace } from './vscodeStub';
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { syncStatus } from '../../../src/extension/coverage/syncStatus';
import { registerFixAllCommand } from '../../../src/extension/features/fixAll';
import type { IndexService } from '../../../src/extension/indexService';

/**
 * The manifest declares limited support of untrusted workspaces: commands that edit notes are disabled there. The
 * manifest's `enablement` keeps them off the palette and menus, but the coverage page's Sync button and other code
 * call them directly: they must refuse by themselves.
 */
describe('write commands in an untrusted workspace', () => {
  const win = vscode.window as unknown as Record<string, unknown>;
  const saved = { showInformationMessage: win.showInformationMessage, activeTextEditor: win.activeTextEditor };
  const shown: string[] = [];
  let touched: string[] = [];
  // a service whose every use is recorded: a refused command reads nothing
  const service = new Proxy({}, { get: (_t, key) => { touched.push(String(key)); return key === 'ready' ? Promise.resolve() : () => undefined; } }) as IndexService;
  beforeEach(() => {
    workspace.isTrusted = false;
    shown.length = 0;
    touched = [];
    win.showInformationMessage = (m: string) => { shown.push(m); return Promise.resolve(undefined); };
  });
  afterEach(() => {
    workspace.isTrusted = true;
    Object.assign(win, saved);
  });

  const refusal = 'Notes Navigator only reads notes in an untrusted workspace. Trust the workspace to create or edit notes.';

  it('Sync Coverage Status (as the coverage page calls it) edits nothing and says why', async () => {
    assert.equal(await syncStatus(service, 'notes'), 0);
    assert.deepEqual(shown, [refusal]);
    assert.deepEqual(touched, []);
  });

  it('Fix All Safe Problems edits nothing and says why', async () => {
    win.activeTextEditor = { document: { languageId: 'markdown', uri: vscode.Uri.file('/ws/a.md') } };
    const d = registerFixAllCommand(service);
    try {
      assert.equal(await commandHandlers.get('notesNavigator.fixAll')!(), false);
    } finally {
      d.dispose();
    }
    assert.deepEqual(shown, [refusal]);
    assert.deepEqual(touched, []);
  });
});

describe('the untrusted-workspace capability in the manifest', () => {
  it('says, in every language and as the README does, that a rename you make still updates the links in other notes', () => {
    const en = JSON.parse(readFileSync('package.nls.json', 'utf8')) as Record<string, string>;
    const zh = JSON.parse(readFileSync('package.nls.zh-tw.json', 'utf8')) as Record<string, string>;
    assert.match(en['capabilities.untrusted'], /renaming or moving a note yourself still updates the links to it in the other notes/);
    assert.match(zh['capabilities.untrusted'], /重新命名或移動筆記時，其他筆記中指向它的連結仍會一併更新/);
    assert.match(readFileSync('README.md', 'utf8').replace(/\s+/g, ' '), /Restricted Mode\) workspace .* the link updates after a rename you make, still apply/);
  });

  it('names, in every language, each command the workspace trust disables (as its title reads)', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
      capabilities: { untrustedWorkspaces: { supported: string; description: string } };
      contributes: { commands: { command: string; title: string; enablement?: string }[] };
    };
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    const key = manifest.capabilities.untrustedWorkspaces.description.slice(1, -1);
    const gated = manifest.contributes.commands.filter(c => /isWorkspaceTrusted/.test(c.enablement ?? ''));
    assert.ok(gated.length > 0);
    for (const file of ['package.nls.json', 'package.nls.zh-tw.json']) {
      const nls = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
      const missing = gated.map(c => nls[c.title.slice(1, -1)].replace(/…$/, '')).filter(title => !nls[key].includes(title));
      assert.deepEqual(missing, [], file);
    }
  });
});
