import './vscodeStub';
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { FIX_TITLES, titled, type FixTitleId } from '../../../src/core/fixes/titles';
import { fillTemplate } from '../../../src/core/text/template';
import { fixesWithTexts, localizedFixTitle } from '../../../src/extension/features/coreFixes';
import { FM } from '../index/memoryWorkspace';
import { Actions } from './codeActionsHarness';

/**
 * Fix titles in zh-TW are worded from the id and arguments the core built them from: a path holding " in " (the
 * English "Add a link to {0} in {1}") or a label holding quotes must not split the title at the wrong place.
 */

const bundle = JSON.parse(readFileSync('l10n/bundle.l10n.zh-tw.json', 'utf8')) as Record<string, string>;
const l10n = vscode.l10n as unknown as { t: (message: string, ...args: string[]) => string };

describe('fix titles in zh-TW (vscode stub)', () => {
  const english = l10n.t;
  beforeEach(() => { l10n.t = (message, ...args) => fillTemplate(bundle[message] ?? message, args); });
  afterEach(() => { l10n.t = english; });

  it('names the right notes in "Add a link" when a folder holds " in "', async () => {
    const folder = 'backend/notes in progress';
    const files = {
      [`${folder}/README.md`]: '# S\n\n## Chapters\n\n### Cat\n\n- [a](a.md) - 必讀 - 5 min\n- [b](b.md) - 必讀 - 5 min\n',
      [`${folder}/coverage_matrix.md`]: '# M\n\n| Capability Area | Required Topic | Coverage Files | Status |\n|---|---|---|---|\n'
        + '| A | t | `a.md` `b.md` | Done |\n\n## Cross-references\n\n- `a.md` <-> `b.md`\n',
      [`${folder}/a.md`]: FM('A') + 'text\n', [`${folder}/b.md`]: FM('B') + '[a](a.md)\n',
    };
    const actions = await Actions.of(files);
    const matrix = `${folder}/coverage_matrix.md`;
    const d = actions.index.diagnostics(matrix).find(x => x.code === 'xref-missing-link');
    assert.ok(d, JSON.stringify(actions.index.diagnostics(matrix)));
    const fixes = await fixesWithTexts(actions.service, d, files[matrix]!, '2026-03-01');
    assert.deepEqual(fixes.map(f => f.title), [`在 ${folder}/a.md 中加入指向 ${folder}/b.md 的連結`]);
  });

  it('words every core title from its own template, whatever its arguments hold', () => {
    const args = ['x" in "y" with "z', 'a in b" to c', 'today (d)'];
    for (const id of Object.keys(FIX_TITLES) as FixTitleId[]) {
      const template = bundle[FIX_TITLES[id]];
      assert.ok(template, `no zh-TW entry for ${FIX_TITLES[id]}`);
      assert.equal(localizedFixTitle(titled(id, ...args)), fillTemplate(template, args), id);
    }
  });

  it('keeps the English title of a fix built without an id, or whose id and arguments do not rebuild it', () => {
    assert.equal(localizedFixTitle({ title: 'Create x.md' }), 'Create x.md');
    assert.equal(localizedFixTitle({ ...titled('create', 'x.md'), title: 'Create y.md' }), 'Create y.md');
  });
});
