import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { CONFIG_KEYS, DEFAULT_SEVERITIES, defaultConfig, mergeConfig } from '../../../src/core/config';
import { RULE_CODES } from '../../../src/core/model';
import { RULE_DESCRIPTIONS } from '../../../src/core/rules/catalog';

type Schema = Record<string, unknown> & {
  $ref?: string; type?: string | string[]; enum?: unknown[]; properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema; propertyNames?: Schema; items?: Schema; minItems?: number; oneOf?: Schema[]; pattern?: string;
};

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  contributes: { jsonValidation: { fileMatch: string; url: string }[]; configuration: { properties: Record<string, Schema> } };
};
const schemaFile = manifest.contributes.jsonValidation.find(v => v.fileMatch === '.notes-navigator.json')!.url;
const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as Schema & { definitions: Record<string, Schema> };
const settings = manifest.contributes.configuration.properties;

/** The JSON-schema keywords the two schemas use (draft-07 subset): what VS Code would flag in the file. */
function errors(s: Schema, v: unknown, path = ''): string[] {
  if (s.$ref) return errors(schema.definitions[s.$ref.replace('#/definitions/', '')], v, path);
  const out: string[] = [];
  const typeOf = (x: unknown) => (x === null ? 'null' : Array.isArray(x) ? 'array' : typeof x === 'number' && Number.isInteger(x) ? 'integer' : typeof x);
  if (s.type !== undefined) {
    const types = ([] as string[]).concat(s.type);
    const t = typeOf(v);
    if (!types.includes(t) && !(t === 'integer' && types.includes('number'))) return [`${path}: type`];
  }
  if (s.enum && !s.enum.includes(v)) out.push(`${path}: enum`);
  if (s.pattern && typeof v === 'string' && !new RegExp(s.pattern).test(v)) out.push(`${path}: pattern`);
  if (s.oneOf && s.oneOf.filter(o => errors(o, v, path).length === 0).length !== 1) out.push(`${path}: oneOf`);
  if (Array.isArray(v)) {
    if (s.minItems !== undefined && v.length < s.minItems) out.push(`${path}: minItems`);
    if (s.items) v.forEach((x, i) => out.push(...errors(s.items!, x, `${path}[${i}]`)));
  } else if (typeof v === 'object' && v !== null) {
    for (const [k, x] of Object.entries(v)) {
      if (s.propertyNames) out.push(...errors(s.propertyNames, k, `${path}.${k} (name)`));
      const sub = s.properties?.[k] ?? s.additionalProperties;
      if (sub === false) out.push(`${path}.${k}: not allowed`);
      else if (sub && sub !== true) out.push(...errors(sub, x, `${path}.${k}`));
    }
  }
  return out;
}

describe('the rules of the notesNavigator.rules setting and of the .notes-navigator.json schema', () => {
  const english = JSON.parse(readFileSync('package.nls.json', 'utf8')) as Record<string, string>;
  const inSetting = settings['notesNavigator.rules'];
  const inFile = schema.properties!.rules;

  it('are the rule catalog\'s codes, each with its own entry (settings.json IntelliSense shows its description and default)', () => {
    assert.deepEqual(Object.keys(inSetting.properties ?? {}).sort(), [...RULE_CODES].sort());
    assert.deepEqual(Object.keys(inFile.properties ?? {}).sort(), [...RULE_CODES].sort());
    assert.equal(inSetting.additionalProperties, false);
    assert.equal(inFile.additionalProperties, false);
  });

  it('give each rule its default severity, the severities and one description, in both', () => {
    for (const code of RULE_CODES) {
      const s = inSetting.properties![code];
      const f = inFile.properties![code];
      assert.equal(s.default, DEFAULT_SEVERITIES[code], code);
      assert.equal(f.default, DEFAULT_SEVERITIES[code], code);
      assert.deepEqual(s.enum, schema.definitions.severity.enum, code);
      assert.match(String(s.description), /^%config\.rule\.[\w-]+%$/, code);
      assert.equal(english[String(s.description).slice(1, -1)], f.description, code);
    }
  });

  it('describe each severity alike, and the CLI\'s exit code only where the CLI reads it', () => {
    const severities = schema.definitions.severity.enum as string[];
    const inFileText = schema.definitions.severity.enumDescriptions as string[];
    for (const code of RULE_CODES) {
      const keys = inSetting.properties![code].markdownEnumDescriptions as string[];
      const inSettingText = keys.map(k => english[k.slice(1, -1)]);
      severities.forEach((sev, i) => {
        if (sev === 'error') {
          // the setting is the editor's: the CLI never reads it
          assert.match(inSettingText[i], /^Reported as an error \(red squiggle\)\. Set in `\.notes-navigator\.json`, it also makes the CLI exit with 1\.$/);
          assert.match(inFileText[i], /the CLI exits with 1/);
        } else assert.equal(inSettingText[i], inFileText[i], `${code} ${sev}`);
      });
    }
  });
});

describe('the .notes-navigator.json schema and the config loader', () => {
  it('know the same keys, and the same rule codes as the rule catalog', () => {
    assert.deepEqual(Object.keys(schema.properties!).sort(), [...CONFIG_KEYS].sort());
    assert.deepEqual(Object.keys(schema.properties!.rules.properties!).sort(), [...RULE_CODES].sort());
    assert.deepEqual(Object.keys(RULE_DESCRIPTIONS).sort(), [...RULE_CODES].sort());
    assert.equal(schema.additionalProperties, false);
    assert.equal(schema.properties!.rules.additionalProperties, false);
  });

  it('give the same defaults (each rule description names its default severity)', () => {
    const defaults = defaultConfig() as unknown as Record<string, unknown>;
    for (const [key, sub] of Object.entries(schema.properties!)) {
      if (key === '$schema' || key === 'rules') continue;
      const d = sub.default ?? Object.fromEntries(Object.entries(sub.properties ?? {}).map(([k, p]) => [k, p.default]));
      assert.deepEqual(d, defaults[key], key);
    }
    for (const [code, sub] of Object.entries(schema.properties!.rules.properties!)) {
      assert.match(String(sub.description), new RegExp(`Default: ${DEFAULT_SEVERITIES[code as keyof typeof DEFAULT_SEVERITIES]}\\.$`), code);
    }
  });

  it('describe every key, and every key of priorityLabels and statusWords', () => {
    const undescribed: string[] = [];
    for (const [key, sub] of Object.entries(schema.properties!)) {
      if (key !== '$schema' && !sub.description) undescribed.push(key);
      for (const [k, p] of Object.entries(sub.properties ?? {})) if (!p.description) undescribed.push(`${key}.${k}`);
    }
    assert.deepEqual(undescribed, []);
  });

  it('agree on which files are wrong: the schema flags what the loader reports, and the other way round', () => {
    const samples: unknown[] = [
      {},
      { $schema: './schemas/notes-navigator.schema.json' },
      { rules: { 'link-broken': 'off', 'chapter-planned': 'hint' } },
      { rules: { 'link-broken': 'fatal' } },
      { rules: { 'no-such-rule': 'error' } },
      { rules: [] },
      { include: ['notes/**/*.md', '!notes/drafts/**'], exclude: [] },
      { include: 'notes/**' },
      { include: [] },
      { exclude: [1] },
      { requiredFields: ['title'], dateFields: ['created'], draftStatuses: ['draft', 'wip'] },
      { requiredFields: 'title' },
      { requiredFields: ['title', ' '] },
      { dateFields: [''] },
      // the loader reads a field name trimmed and says so: the schema flags blanks around it too, not inside it
      { requiredFields: [' status'] },
      { dateFields: ['updated\t'] },
      { requiredFields: ['due date', 'a\nb', '期限'] },
      // a blank draft status is no problem to the loader (a note's status is compared as written)
      { draftStatuses: [' '] },
      { allowedValues: { status: ['active'], note_type: null } },
      { allowedValues: { status: [] } },
      { allowedValues: { status: 'active' } },
      { allowedValues: { status: [1] } },
      { allowedValues: [] },
      { priorityLabels: { 'must-read': ['Core'] } },
      { priorityLabels: { urgent: ['Urgent'] } },
      { priorityLabels: { 'must-read': 'Core' } },
      { priorityLabels: { 'must-read': [''] } },
      { priorityLabels: { important: ['Key', ' \u3000'] } },
      // a label is matched trimmed: blanks around it are no problem
      { priorityLabels: { skippable: [' Later '] } },
      { statusWords: { done: ['Finished'], pending: [] } },
      { statusWords: { blocked: ['Blocked'] } },
      { statusWords: [] },
      { statusWords: { done: [' '] } },
      { statusWords: { 'in-progress': ['\n'] } },
      { statusWords: { pending: [' To do '] } },
      { matrixFileName: 'matrix.MD' },
      { matrixFileName: 'docs/matrix.md' },
      { matrixFileName: 'matrix.txt' },
      { matrixFileName: 'README.md' },
      { matrixFileName: 'readme.MD' },
      { include: ['notes/**/*.md', ''] },
      { exclude: ['!'] },
      { exclude: ['!archive/keep/**', 'archive/**'] },
      { unknownKey: true },
      { unlistedFolders: ['x'] },
    ];
    for (const raw of samples) {
      const flagged = errors(schema, raw).length > 0;
      const reported = mergeConfig(defaultConfig(), raw).problems.length > 0;
      assert.equal(flagged, reported, `${JSON.stringify(raw)}: schema ${flagged ? 'flags' : 'accepts'} it, the loader ${reported ? 'reports' : 'accepts'} it`);
    }
  });

  it('agree with the notesNavigator.* settings that overlay the file: same values accepted, same defaults, every rule code', () => {
    const defaults = defaultConfig() as unknown as Record<string, unknown>;
    for (const [id, setting] of Object.entries(settings)) {
      const key = id.replace(/^notesNavigator\./, '');
      if (!CONFIG_KEYS.has(key)) continue;
      if (key === 'rules') {
        assert.deepEqual(setting.default, {});
        for (const raw of [{ 'link-broken': 'off', 'chapter-planned': 'hint' }, { 'link-broken': 'fatal' }, { 'no-such-rule': 'error' }, { 'link-broken': 1 }]) {
          const flagged = errors(setting, raw).length > 0;
          const reported = mergeConfig(defaultConfig(), { rules: raw }).problems.length > 0;
          assert.equal(flagged, reported, `${id} = ${JSON.stringify(raw)}: the setting's schema ${flagged ? 'flags' : 'accepts'} it, the loader ${reported ? 'reports' : 'accepts'} it`);
        }
        continue;
      }
      assert.deepEqual(setting.default, defaults[key], id);
      for (const raw of [defaults[key], [], [1], [''], [' '], ['!'], [' status'], ['status\n'], ['due date'], 'x', {}, { x: ['a'] }, { x: [] }, { x: null }, { x: [' '] },
        { 'must-read': ['a'] }, { 'must-read': [''] }, { important: [' '] }, { skippable: [' a '] }, { done: 'a' }, { done: [' '] }, { pending: [''] }, { 'in-progress': [' b '] }]) {
        const flagged = errors(setting, raw).length > 0;
        const reported = mergeConfig(defaultConfig(), { [key]: raw }).problems.length > 0;
        assert.equal(flagged, reported, `${id} = ${JSON.stringify(raw)}: the setting's schema ${flagged ? 'flags' : 'accepts'} it, the loader ${reported ? 'reports' : 'accepts'} it`);
      }
    }
  });
});
