import './vscodeStub';
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { FileEdit } from '../../../src/core/model';
import { workspaceEditOf } from '../../../src/extension/editorPaths';
import type * as stub from './vscodeStub';

const V = vscode as unknown as typeof stub;

describe('workspaceEditOf', () => {
  const root = V.Uri.file('/ws');
  const uriOf = (file: string) => V.Uri.joinPath(root, ...file.split('/'));
  const at = { line: 0, character: 0 };
  const create = (file: string): FileEdit => ({ file, create: true, edits: [{ range: { start: at, end: at }, newText: '# New\n' }] });
  const change = (file: string): FileEdit => ({ file, edits: [{ range: { start: at, end: at }, newText: 'x' }] });

  function opsOf(edits: FileEdit[]): { warned: string[]; ops: string[] } {
    const warned: string[] = [];
    const log = { warn: (m: string) => warned.push(m) } as unknown as vscode.LogOutputChannel;
    const we = workspaceEditOf(edits, uriOf as never, () => false, log) as unknown as stub.WorkspaceEdit;
    return { warned, ops: we.ops.map(o => `${o.kind} ${o.uri.path}`) };
  }

  it('creates and edits files named by normalised workspace-relative paths', () => {
    assert.deepEqual(opsOf([create('a/new.md'), change('a/b.md')]).ops, ['create /ws/a/new.md', 'replace /ws/a/b.md']);
  });

  it('applies nothing of an edit naming a file outside the workspace folder or a path not written normalised', () => {
    for (const file of ['../new.md', '../../x/new.md', '/new.md', 'a/../../new.md', 'a/./new.md', 'a//new.md', '..', '']) {
      for (const stray of [create(file), change(file)]) {
        const { ops, warned } = opsOf([change('a/b.md'), stray]);
        assert.deepEqual(ops, [], file);
        assert.equal(warned.length, 1, file);
      }
    }
  });
});
