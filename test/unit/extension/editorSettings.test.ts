import { settings, workspace } from './vscodeStub';
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { editorSettings, loadNotesConfig, mergeScopes } from '../../../src/extension/config';

const declared = (JSON.parse(readFileSync('package.json', 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { default?: unknown; enum?: unknown[]; type?: string }> } };
}).contributes.configuration.properties;

describe('notesNavigator.* settings at runtime', () => {
  // the settings are shared with the other tests (which set a delay of 0): each test here starts from none
  let saved: [string, unknown][] = [];
  before(() => { saved = [...settings]; });
  beforeEach(() => settings.clear());
  after(() => { settings.clear(); for (const [k, v] of saved) settings.set(k, v); });

  it('reads the editor settings with their declared defaults', () => {
    assert.deepEqual(editorSettings(undefined), {
      diagnostics: declared['notesNavigator.diagnostics.enabled'].default,
      debounceMs: declared['notesNavigator.diagnostics.debounceMs'].default,
      groupBy: declared['notesNavigator.tree.groupBy'].default,
    });
    for (const value of declared['notesNavigator.tree.groupBy'].enum!) {
      settings.set('notesNavigator.tree.groupBy', value);
      assert.equal(editorSettings(undefined).groupBy, value);
    }
  });

  it('reads every declared setting: a value set takes effect', async () => {
    const set: Record<string, unknown> = {
      'notesNavigator.rules': { 'chapter-planned': 'off' },
      'notesNavigator.include': ['notes/**/*.md'],
      'notesNavigator.exclude': ['archive/**'],
      'notesNavigator.requiredFields': ['title'],
      'notesNavigator.allowedValues': { status: ['wip'] },
      'notesNavigator.priorityLabels': { 'must-read': ['Core'] },
      'notesNavigator.statusWords': { done: ['Finished'] },
      'notesNavigator.diagnostics.enabled': false,
      'notesNavigator.diagnostics.debounceMs': 250,
      'notesNavigator.tree.groupBy': 'batch',
      'notesNavigator.notesFolder': 'app', // read by notesFolder.ts (see notesFolder.test.ts)
    };
    assert.deepEqual(Object.keys(set).sort(), Object.keys(declared).sort(), 'a setting declared in package.json and not probed here');
    for (const [k, v] of Object.entries(set)) settings.set(k, v);
    const { config, problems } = await loadNotesConfig(undefined);
    assert.deepEqual(problems, []);
    assert.equal(config.rules['chapter-planned'], 'off');
    assert.deepEqual([config.include, config.exclude, config.requiredFields], [['notes/**/*.md'], ['archive/**'], ['title']]);
    assert.deepEqual(config.allowedValues.status, ['wip']);
    assert.deepEqual(config.priorityLabels['must-read'], ['Core']);
    assert.deepEqual(config.statusWords.done, ['Finished']);
    assert.deepEqual(editorSettings(undefined), { diagnostics: 'never', debounceMs: 250, groupBy: 'batch' });
  });

  describe('a setting set in several scopes (user, workspace, workspace folder)', () => {
    const ws = workspace as unknown as { getConfiguration: unknown };
    const original = ws.getConfiguration;
    afterEach(() => { ws.getConfiguration = original; });
    /** Settings answered by `inspect` per scope: key → [user, workspace, folder] (undefined: not set there). */
    const scoped = (values: Record<string, [unknown, unknown, unknown]>) => {
      ws.getConfiguration = (section: string) => ({
        get: () => undefined,
        inspect: (key: string) => {
          const v = section === 'notesNavigator' ? values[key] : undefined;
          return v && { defaultValue: {}, globalValue: v[0], workspaceValue: v[1], workspaceFolderValue: v[2] };
        },
      });
    };

    it('merges an object setting key by key, as VS Code does, and takes an array setting from the narrowest scope', async () => {
      scoped({
        rules: [{ 'chapter-planned': 'off', 'link-broken': 'warning' }, { 'link-anchor-broken': 'error' }, { 'link-broken': 'off' }],
        allowedValues: [{ status: ['a', 'b'], note_type: ['x'] }, { status: ['c'] }, undefined],
        priorityLabels: [{ 'must-read': ['Core'] }, undefined, { skippable: ['Later'] }],
        statusWords: [undefined, { done: ['Finished'] }, { pending: ['Todo'] }],
        include: [['a/**/*.md'], ['b/**/*.md'], undefined],
        exclude: [['x/**'], undefined, undefined],
      });
      const { config, problems } = await loadNotesConfig(undefined);
      assert.deepEqual(problems, []);
      assert.equal(config.rules['chapter-planned'], 'off', 'the user\'s rule is kept beside the workspace\'s');
      assert.equal(config.rules['link-anchor-broken'], 'error');
      assert.equal(config.rules['link-broken'], 'off', 'the folder\'s value wins');
      assert.deepEqual([config.allowedValues.status, config.allowedValues.note_type], [['c'], ['x']], 'a field\'s list is replaced, not joined');
      assert.deepEqual([config.priorityLabels['must-read'], config.priorityLabels.skippable], [['Core'], ['Later']]);
      assert.deepEqual([config.statusWords.done, config.statusWords.pending], [['Finished'], ['Todo']]);
      assert.deepEqual([config.include, config.exclude], [['b/**/*.md'], ['x/**']]);
    });

    it('merges as VS Code\'s configuration model does: objects all the way down, anything else replaced', () => {
      assert.deepEqual(mergeScopes({ a: { b: 1, c: [1] } }, { a: { d: 2, c: [2] } }), { a: { b: 1, c: [2], d: 2 } });
      assert.deepEqual(mergeScopes({ a: 1 }, 7), 7);
      assert.deepEqual(mergeScopes(7, { a: 1 }), { a: 1 });
      assert.deepEqual(mergeScopes({ a: 1 }, undefined), { a: 1 });
      assert.deepEqual(mergeScopes(undefined, ['x']), ['x']);
      const merged = mergeScopes({}, JSON.parse('{ "__proto__": { "polluted": true } }')) as Record<string, unknown>;
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
      assert.equal(Object.getPrototypeOf(merged), Object.prototype, 'a key named __proto__ stays a key');
    });
  });

  it('falls back to the default on a value of the wrong type, and says so in the log', () => {
    settings.set('notesNavigator.diagnostics.enabled', 3);
    settings.set('notesNavigator.diagnostics.debounceMs', 'fast');
    settings.set('notesNavigator.tree.groupBy', 'folder');
    const logged: string[] = [];
    assert.deepEqual(editorSettings(undefined, m => logged.push(m)), { diagnostics: 'auto', debounceMs: 40, groupBy: 'category' });
    assert.deepEqual(logged, [
      'setting notesNavigator.diagnostics.enabled: 3 is not valid, "auto" is used',
      'setting notesNavigator.diagnostics.debounceMs: "fast" is not valid, 40 is used',
      'setting notesNavigator.tree.groupBy: "folder" is not valid, "category" is used',
    ]);
  });

  it('clamps an out-of-range delay, and says so', () => {
    settings.set('notesNavigator.diagnostics.debounceMs', 60000);
    const logged: string[] = [];
    assert.equal(editorSettings(undefined, m => logged.push(m)).debounceMs, 5000);
    assert.deepEqual(logged, ['setting notesNavigator.diagnostics.debounceMs: 60000 is not valid, 5000 is used']);
  });

  it('rounds a fraction of a millisecond (the setting is an integer), and says so', () => {
    settings.set('notesNavigator.diagnostics.debounceMs', 40.6);
    const logged: string[] = [];
    assert.equal(editorSettings(undefined, m => logged.push(m)).debounceMs, 41);
    assert.deepEqual(logged, ['setting notesNavigator.diagnostics.debounceMs: 40.6 is not valid, 41 is used']);
    assert.equal(declared['notesNavigator.diagnostics.debounceMs'].type, 'integer');
  });

  it('logs nothing for valid values (a string "false", as hand-edited, turns diagnostics off quietly)', () => {
    settings.set('notesNavigator.diagnostics.enabled', 'false');
    const logged: string[] = [];
    assert.equal(editorSettings(undefined, m => logged.push(m)).diagnostics, 'never');
    assert.deepEqual(logged, []);
  });

  it('reads diagnostics.enabled as a mode: the declared ones, and the booleans of earlier versions (true is always, false never)', () => {
    const modes: [unknown, string][] = [
      ['auto', 'auto'], ['always', 'always'], ['never', 'never'], [true, 'always'], [false, 'never'],
      // as a hand-edited settings.json may hold them
      ['true', 'always'], [' FALSE ', 'never'], ['Always', 'always'],
    ];
    for (const [value, mode] of modes) {
      settings.set('notesNavigator.diagnostics.enabled', value);
      const logged: string[] = [];
      assert.equal(editorSettings(undefined, m => logged.push(m)).diagnostics, mode, JSON.stringify(value));
      assert.deepEqual(logged, [], JSON.stringify(value));
    }
    assert.deepEqual(declared['notesNavigator.diagnostics.enabled'].enum, ['auto', 'always', 'never', true, false], 'the manifest declares them all');
    for (const value of ['on', 'yes', 1, null, {}]) {
      settings.set('notesNavigator.diagnostics.enabled', value);
      const logged: string[] = [];
      assert.equal(editorSettings(undefined, m => logged.push(m)).diagnostics, 'auto', JSON.stringify(value));
      assert.deepEqual(logged, [`setting notesNavigator.diagnostics.enabled: ${JSON.stringify(value)} is not valid, "auto" is used`]);
    }
  });
});
