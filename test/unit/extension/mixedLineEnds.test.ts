import { events, Position, registered, workspace } from './vscodeStub';
import { strict as assert } from 'node:assert';
import type * as vscode from 'vscode';
import { registerDefinitions } from '../../../src/extension/features/definition';
import { currentNote } from '../../../src/extension/features/currentNote';
import { trackReadiness } from '../../../src/extension/features/readiness';
import { LiveFolder } from './liveService';
import { documentOf } from './navigationHarness';

/**
 * A note whose file mixes line endings (or ends its lines with a lone CR): VS Code makes them one style when it opens
 * the file, without marking the buffer dirty, so the buffer shows other text than the disk holds.
 */
describe('a note whose line endings VS Code made one style on open', () => {
  const h = new LiveFolder('nn-eol-');
  const B = '# Beta\n';

  /** The clean buffer of `file` showing `text` (LF or CRLF lines), opened in the editor. */
  async function opened(file: string, text: string): Promise<vscode.TextDocument & { isClosed: boolean }> {
    const shown = documentOf(file, text);
    const doc = Object.assign(Object.create(null), shown, { uri: h.uri(file), version: 1, isDirty: false, isClosed: false });
    workspace.textDocuments = [doc];
    events.openTextDocument.fire(doc);
    await h.idle();
    return doc;
  }

  /** A folder holding `a.md` (`onDisk`, text or bytes) and b.md, loaded, with `a.md` open showing `shown`. */
  async function openedAfterLoad(onDisk: string | Buffer, shown: string): Promise<vscode.TextDocument & { isClosed: boolean }> {
    await h.start({ 'a.md': onDisk, 'b.md': B });
    trackReadiness(h.service);
    await h.service.ready;
    return opened('a.md', shown);
  }

  async function definitionsAt(doc: vscode.TextDocument, line: number, character: number): Promise<string[]> {
    const before = registered.definition?.length ?? 0;
    registerDefinitions(h.service);
    const p = registered.definition[before] as vscode.DefinitionProvider;
    const r = ((await p.provideDefinition(doc, new Position(line, character) as vscode.Position, {} as vscode.CancellationToken)) ?? []) as vscode.LocationLink[];
    return r.map(d => d.targetUri.path.slice(h.dir.length + 1));
  }

  it('one CRLF among LF lines: navigation answers at once, from the text on screen; closed, the index holds the disk text again', async () => {
    const onDisk = 'intro\r\nsee [[b]] and [b](b.md)\n';
    const doc = await openedAfterLoad(onDisk, onDisk.replace(/\r\n/g, '\n'));
    const t0 = Date.now();
    const note = await currentNote(h.service, doc, { now: false });
    assert.ok(Date.now() - t0 < 500, `answered after ${Date.now() - t0} ms`);
    assert.equal(note?.record.length, onDisk.length - 1, 'the record of the text on screen');
    assert.deepEqual(await definitionsAt(doc, 1, 6), ['b.md']);
    assert.deepEqual(await definitionsAt(doc, 1, 19), ['b.md']);
    // a report of the unchanged file (the watcher) keeps the text as shown
    await (h.service as unknown as { disk: { refreshFile(f: string): Promise<void> } }).disk.refreshFile('a.md');
    await h.idle();
    assert.equal(h.service.index.note('a.md')?.length, onDisk.length - 1);
    await h.closeUnsaved(doc);
    assert.equal(h.service.index.note('a.md')?.length, onDisk.length, 'closed: the disk text');
  });

  it('lines ended by a lone CR (shown with CRLF): navigation answers', async () => {
    const onDisk = 'intro\rsee [[b]]\r';
    const doc = await openedAfterLoad(onDisk, onDisk.replace(/\r/g, '\r\n'));
    assert.deepEqual(await definitionsAt(doc, 1, 6), ['b.md']);
    assert.equal(h.service.index.note('a.md')?.length, onDisk.length + 2);
  });

  it('a clean buffer that shows the disk text is not indexed again when a feature asks for it', async () => {
    const onDisk = 'intro\r\nsee [[b]]\r\n';
    const doc = await openedAfterLoad(onDisk, onDisk);
    const changes: string[][] = [];
    const sub = h.service.onDidChange(e => changes.push(e.files));
    assert.deepEqual(await definitionsAt(doc, 1, 6), ['b.md']);
    await h.idle();
    sub.dispose();
    assert.deepEqual(changes, []);
  });
  /** Index changes of `file` while each one asks for the note again (as the light bulb does on marker changes), for `ms`. */
  async function changesWhileReasking(doc: vscode.TextDocument, file: string, ms: number): Promise<number> {
    let n = 0;
    const sub = h.service.onDidChange(e => {
      if (!e.files.includes(file)) return;
      n++;
      void currentNote(h.service, doc, { now: false });
    });
    void currentNote(h.service, doc, { now: false });
    await new Promise(r => setTimeout(r, ms));
    sub.dispose();
    await h.idle();
    return n;
  }

  for (const [what, bytes] of [
    ['UTF-16 with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# A\nsee [[b]]\n', 'utf16le')])],
    ['Latin-1 bytes', Buffer.from('# A\ncaf\xe9 [[b]]\n', 'latin1')],
  ] as const) {
    it(`an open note the index cannot read (${what}) is not re-indexed when features ask for it`, async () => {
      const doc = await openedAfterLoad(bytes, '# A\nsee [[b]]\n');
      assert.ok(h.service.index.note('a.md')?.unreadable !== undefined, 'unreadable');
      assert.equal(await changesWhileReasking(doc, 'a.md', 300), 0);
      assert.ok(h.service.index.note('a.md')?.unreadable !== undefined, 'still unreadable');
    });
  }

  it('mixed line endings: the buffer is indexed once, not again on each request', async () => {
    const onDisk = 'intro\r\nsee [[b]]\n';
    const doc = await openedAfterLoad(onDisk, onDisk.replace(/\r\n/g, '\n'));
    assert.ok(await changesWhileReasking(doc, 'a.md', 300) <= 1);
    assert.equal(h.service.index.note('a.md')?.length, onDisk.length - 1);
  });
});
