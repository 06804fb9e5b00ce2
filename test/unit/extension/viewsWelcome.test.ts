import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  contributes: { viewsWelcome: { view: string; contents: string; when?: string }[] };
};

type Context = Record<string, string | number | boolean>;

/** A `when` clause of the forms the manifest uses: `a && b`, `a || b`, `!key`, `key`, `key == v`, `key != v`, `key > n`. */
function holds(when: string | undefined, ctx: Context): boolean {
  if (when === undefined) return true;
  return when.split('||').some(any => any.split('&&').every(raw => {
    const term = raw.trim();
    const m = /^(\S+)\s*(==|!=|>)\s*(\S+)$/.exec(term);
    if (m) {
      const v = ctx[m[1]];
      const want = /^\d+$/.test(m[3]) ? Number(m[3]) : m[3];
      return m[2] === '==' ? v === want : m[2] === '!=' ? v !== want : Number(v) > Number(want);
    }
    return term.startsWith('!') ? !ctx[term.slice(1)] : Boolean(ctx[term]);
  }));
}

describe('welcome content of the Series view', () => {
  const shown = (ctx: Context) => manifest.contributes.viewsWelcome
    .filter(w => w.view === 'notesNavigator.series' && holds(w.when, ctx))
    .map(w => w.contents.replace(/^%welcome\.|%$/g, ''));
  const folder = { workbenchState: 'folder', workspaceFolderCount: 1, isWorkspaceTrusted: true };
  const multi = { workbenchState: 'workspace', workspaceFolderCount: 2, isWorkspaceTrusted: true };

  it('says one thing per state of an empty tree', () => {
    const cases: [string, Context, string[]][] = [
      ['empty window', { workbenchState: 'empty', workspaceFolderCount: 0, isWorkspaceTrusted: true, 'notesNavigator.ready': true }, ['noFolder']],
      ['a workspace whose folders were all removed', { workbenchState: 'workspace', workspaceFolderCount: 0, isWorkspaceTrusted: true, 'notesNavigator.ready': true }, ['noFolder']],
      ['indexing', { ...folder }, ['indexing']],
      ['no series', { ...folder, 'notesNavigator.ready': true }, ['noSeries']],
      ['no series, restricted mode', { ...folder, isWorkspaceTrusted: false, 'notesNavigator.ready': true }, ['noSeriesUntrusted']],
      ['no series in a multi-root workspace', { ...multi, 'notesNavigator.ready': true }, ['noSeries', 'noSeriesMultiRoot']],
      ['no series in a multi-root workspace, restricted mode', { ...multi, isWorkspaceTrusted: false, 'notesNavigator.ready': true }, ['noSeriesUntrusted', 'noSeriesMultiRoot']],
      ['a filter that matches nothing', { ...folder, 'notesNavigator.ready': true, 'notesNavigator.hasSeries': true, 'notesNavigator.filterActive': true }, ['filtered']],
      ['series shown', { ...folder, 'notesNavigator.ready': true, 'notesNavigator.hasSeries': true }, []],
    ];
    for (const [name, ctx, want] of cases) assert.deepEqual(shown(ctx), want, name);
  });
});
