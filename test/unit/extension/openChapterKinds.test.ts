import './vscodeStub';
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { openChapterCommand } from '../../../src/extension/commands/navigate';
import type { IndexService } from '../../../src/extension/indexService';
import { FM, indexOf } from '../index/memoryWorkspace';

const { Uri } = vscode as unknown as typeof import('./vscodeStub');
type Uri = import('./vscodeStub').Uri;
const win = vscode.window as unknown as Record<string, unknown>;
const ws = vscode.workspace as unknown as Record<string, unknown>;
const env = vscode.env as unknown as Record<string, unknown>;

const README = (chapter: string) => FM('S') + `# S\n\n## Chapters\n\n### Part\n\n- [01_intro](01_intro.md) - 必讀 - 10 min\n- ${chapter} - 重要 - 5 min\n`;

/**
 * Open Chapter, with the README listing `[label](href)` after a written chapter, that chapter picked: what it showed,
 * opened (in the editor and the browser) and created.
 */
async function openPicked(label: string, href: string) {
  const index = await indexOf({ 's/README.md': README(`[${label}](${href})`), 's/01_intro.md': FM('Intro') });
  const service = {
    index, ready: Promise.resolve(), log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    fileOf: (uri: Uri) => (uri.path.startsWith('/ws/') ? uri.path.slice(4) : undefined),
    uriOf: (file: string) => Uri.file('/ws/' + file),
    textOf: async () => undefined,
    toWorkspaceEdit: (edits: unknown) => edits,
  } as unknown as IndexService;
  const messages: { text: string; items: string[] }[] = [];
  const opened: string[] = [];
  const external: string[] = [];
  const applied: unknown[] = [];
  let shown: { label: string; description?: string; detail?: string } | undefined;
  win.showQuickPick = async (items: { label: string }[]) => (shown = items.find(i => i.label.endsWith(` ${label}`)));
  win.showInformationMessage = async (text: string, ...items: string[]) => { messages.push({ text, items }); return items[0]; };
  win.showErrorMessage = async (text: string) => { messages.push({ text, items: [] }); return undefined; };
  ws.openTextDocument = async (uri: Uri) => ({ uri });
  win.showTextDocument = async (doc: { uri: Uri }) => { opened.push(doc.uri.path); return { document: { lineCount: 1, lineAt: () => ({ range: { end: new vscode.Position(0, 0) } }) } }; };
  ws.applyEdit = async (e: unknown) => { applied.push(e); return true; };
  env.openExternal = async (uri: Uri) => { external.push(`${uri.scheme}://${uri.authority}${uri.path}`); return true; };
  const result = await openChapterCommand(service);
  return { result, messages, opened, external, applied, shown };
}

describe('Open Chapter on a chapter that is no note to create', () => {
  const saved = { ...win, ...ws, ...env };
  afterEach(() => {
    for (const k of ['showQuickPick', 'showInformationMessage', 'showErrorMessage', 'showTextDocument']) win[k] = saved[k];
    for (const k of ['openTextDocument', 'applyEdit']) ws[k] = saved[k];
    env.openExternal = saved.openExternal;
    ws.isTrusted = true;
  });

  it('a planned note is offered for creation (the offer taken creates it)', async () => {
    const r = await openPicked('Planned', '02_planned.md');
    assert.deepEqual(r.messages, [{ text: 'Planned is planned: its note does not exist yet.', items: ['Create Note'] }]);
    assert.equal(r.applied.length, 1);
  });

  it('a missing file that is no Markdown file is said not to exist, without Create Note', async () => {
    const r = await openPicked('Build script', 'scripts/build.sh');
    assert.deepEqual(r.messages, [{ text: 's/scripts/build.sh does not exist, and it is no note to create from the template.', items: [] }]);
    assert.deepEqual(r.applied, []);
    assert.equal(r.result, undefined);
  });

  it('a web page opens in the browser', async () => {
    const r = await openPicked('Rust Book', 'https://doc.rust-lang.org/book/');
    assert.deepEqual(r.messages, []);
    assert.deepEqual(r.external, ['https://doc.rust-lang.org/book/']);
    assert.deepEqual(r.applied, []);
  });

  it('a link of another scheme is not opened (a note is untrusted text), and says so', async () => {
    for (const [label, href] of [['Mail', 'mailto:me@example.com'], ['Command', 'command:workbench.action.quit'], ['Anywhere', '//example.com/x'], ['No host', 'https:///etc/passwd']]) {
      const r = await openPicked(label, href);
      assert.deepEqual(r.external, [], label);
      assert.deepEqual(r.messages, [{ text: `${label} links to ${href}: only web links (http, https) are opened.`, items: [] }]);
    }
  });

  it('a link leaving the workspace is not followed, and says so', async () => {
    const r = await openPicked('Elsewhere', '../../outside.md');
    assert.deepEqual(r.messages, [{ text: 'Elsewhere links outside the workspace folder; it is not followed.', items: [] }]);
    assert.deepEqual([...r.external, ...r.opened], []);
    assert.deepEqual(r.applied, []);
  });
  it('the pick shows a web chapter with a link icon and its address, not as planned', async () => {
    const r = await openPicked('Rust Book', 'https://doc.rust-lang.org/book/');
    assert.equal(r.shown?.label, '$(link-external) Rust Book');
    assert.equal(r.shown?.detail, 'https://doc.rust-lang.org/book/');
    assert.ok(!r.shown?.description?.includes('planned'), r.shown?.description);
  });

  it('the pick shows a link leaving the workspace or of another scheme with a warning icon and its link, not as planned', async () => {
    for (const [label, href] of [['Elsewhere', '../../outside.md'], ['Mail', 'mailto:me@example.com']]) {
      const r = await openPicked(label, href);
      assert.equal(r.shown?.label, `$(warning) ${label}`);
      assert.equal(r.shown?.detail, href);
      assert.ok(!r.shown?.description?.includes('planned'), r.shown?.description);
    }
  });

  it('a planned note still shows as planned, with its file', async () => {
    const r = await openPicked('Planned', '02_planned.md');
    assert.equal(r.shown?.label, '$(star-half) Planned');
    assert.equal(r.shown?.detail, 's/02_planned.md');
    assert.ok(r.shown?.description?.includes('planned'), r.shown?.description);
  });


  it('in an untrusted workspace a planned note is said not to exist yet, without Create Note (which would be refused)', async () => {
    ws.isTrusted = false;
    const r = await openPicked('Planned', '02_planned.md');
    assert.deepEqual(r.messages, [{ text: 'Planned is planned: its note does not exist yet.', items: [] }]);
    assert.deepEqual(r.applied, []);
    assert.equal(r.result, undefined);
  });
});
