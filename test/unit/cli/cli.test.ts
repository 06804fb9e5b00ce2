import { strict as assert } from 'node:assert';
import { chmodSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { RULE_CODES } from '../../../src/core/model';
import { checkWithLocked, cli, cliWith, errorPlaces, tempWorkspace } from './cliHarness';

const FM = '---\ntitle: T\nnote_type: chapter\ndomain: backend\ntags: [a]\ncreated: 2026-01-01\nupdated: 2026-01-02\nstatus: active\n---\n';

/** A series in `folder` ('' for the root): a README listing each file as a chapter, a matrix row (topic Tn) per file with its Status. */
function series(folder: string, rows: [file: string, status: string][]): Record<string, string> {
  const at = folder === '' ? '' : folder + '/';
  return {
    [`${at}README.md`]: '# S\n\n## Chapters\n\n### A\n\n' + rows.map(([f]) => `- [${f}](${f}) - 必讀 - 5 min\n`).join(''),
    [`${at}coverage_matrix.md`]: '| Capability Area | Required Topic | Coverage Files | Status |\n| --- | --- | --- | --- |\n'
      + rows.map(([f, status], i) => `| A | T${i + 1} | \`${f}\` | ${status} |\n`).join(''),
  };
}

describe('CLI', () => {
  it('prints help and version, exit 0', async () => {
    for (const argv of [['--help'], [], ['check', '--format', 'json', '-h']]) {
      const h = await cli(...argv);
      assert.equal(h.code, 0, argv.join(' '));
      assert.match(h.out, /notes-navigator check \[folder\]/);
    }
    const v = await cli('--version');
    assert.equal(v.code, 0);
    assert.match(v.out.trim(), /^\d+\.\d+\.\d+$/);
  });

  it('bad usage is one clear line and exit 2', async () => {
    for (const argv of [
      ['lint'], ['check', '--format', 'xml'], ['check', '--bogus'], ['check', '--max-warnings', 'x'], ['coverage', '--format', 'sarif'],
      // options without a command, and an empty folder (an unset variable), are mistakes, not a request for help or
      // for the current folder
      ['--format', 'sarif'], ['--quiet'], ['--'], ['check', ''], ['coverage', '', '--format', 'json'],
    ]) {
      const r = await cli(...argv);
      assert.equal(r.code, 2, argv.join(' '));
      assert.equal(r.err.trim().split('\n').length, 1, argv.join(' '));
      assert.match(r.err, /^notes-navigator: /);
    }
  });

  it('a flag that takes no value refuses one, and an option needs a non-empty value', async () => {
    const dir = tempWorkspace({ 'a.md': FM + '# A\n' });
    for (const argv of [
      ['--quiet=false'], ['--help=x'], ['--version=1'], ['--no-color=yes'], ['--color=sometimes'],
      ['--format='], ['--config='], ['--max-warnings='], ['--threads='], ['--format', ''], ['-c', ''],
    ]) {
      const r = await cli('check', dir, ...argv);
      assert.equal(r.code, 2, argv.join(' ') + ': ' + r.out + r.err);
      assert.equal(r.out, '', argv.join(' '));
      assert.equal(r.err.trim().split('\n').length, 1, argv.join(' '));
      assert.match(r.err, /^notes-navigator: .*(takes no value|needs a value|takes always, never or auto)/, argv.join(' '));
    }
  });

  it('a negative number is refused by the option that takes it, not as a missing value', async () => {
    const dir = tempWorkspace({ 'a.md': FM + '# A\n' });
    assert.match((await cli('check', dir, '--max-warnings', '-1')).err, /^notes-navigator: --max-warnings needs a whole number, got "-1"/);
    assert.match((await cli('check', dir, '--threads', '-2')).err, /^notes-navigator: --threads needs a whole number from 1 to 64, got "-2"/);
    assert.match((await cli('check', dir, '--config', '--quiet')).err, /^notes-navigator: option --config needs a value/);
  });

  it('--quiet is refused where it would change nothing: JSON, SARIF and coverage hold every finding', async () => {
    const dir = tempWorkspace({ 'a.md': '# no frontmatter\n' });
    for (const argv of [['check', '--format', 'json'], ['check', '-f', 'sarif'], ['coverage'], ['coverage', '--format', 'json']]) {
      const r = await cli(...argv, dir, '--quiet');
      assert.equal(r.code, 2, argv.join(' '));
      assert.equal(r.out, '');
      assert.match(r.err, /^notes-navigator: --quiet applies to check's text format only\n?$/, argv.join(' '));
    }
    const text = await cli('check', dir, '-q');
    assert.equal(text.code, 0, text.err);
    assert.equal(text.out.trim(), text.out.trim().split('\n').pop()); // the summary alone
    assert.match(text.out, /0 errors, 1 warning/);
  });

  it('--color=always|never|auto forces, disables or leaves colours to the TTY', async () => {
    const dir = tempWorkspace({ 'a.md': '# no frontmatter\n' });
    const esc = /\u001b\[/;
    assert.match((await cliWith({ isTTY: false }, 'check', dir, '--color=always')).out, esc);
    assert.doesNotMatch((await cliWith({ isTTY: true }, 'check', dir, '--color=never')).out, esc);
    assert.match((await cliWith({ isTTY: true }, 'check', dir, '--color=auto')).out, esc);
    assert.doesNotMatch((await cliWith({ isTTY: false }, 'check', dir, '--color=auto')).out, esc);
    assert.doesNotMatch((await cliWith({ isTTY: true }, 'check', dir, '--color', '--no-color')).out, esc);
  });

  it('coverage accepts every colour option, as its help says, and prints no colours with any of them', async () => {
    const dir = tempWorkspace(series('', [['a.md', 'Done']]));
    const coverageUsage = (await cli('--help')).out.split('\n\n')[1].split('notes-navigator coverage')[1].split('notes-navigator')[0];
    assert.ok(coverageUsage.includes('--color[=always|never|auto] | --no-color'), coverageUsage);
    for (const format of ['md', 'json']) {
      const plain = await cliWith({ isTTY: true }, 'coverage', dir, '--format', format);
      assert.equal(plain.code, 0, plain.err);
      for (const color of ['--color', '--color=always', '--color=never', '--color=auto', '--no-color']) {
        const r = await cliWith({ isTTY: true }, 'coverage', dir, '--format', format, color);
        assert.equal(r.code, 0, `${format} ${color}: ${r.err}`);
        assert.equal(r.out, plain.out, `${format} ${color}`);
        assert.doesNotMatch(r.out + r.err, /\u001b\[/, `${format} ${color}`);
      }
    }
    assert.equal((await cli('coverage', dir, '--color=sometimes')).code, 2, 'the value is still checked');
  });

  it('-- ends the options: a folder may start with -', async () => {
    const dir = tempWorkspace({ '-x/a.md': FM + '# A\n' });
    const r = await cliWith({}, 'check', '--format', 'json', '--', path.join(dir, '-x'));
    assert.equal(r.code, 0, r.err);
    assert.equal(JSON.parse(r.out).notes, 1);
    const rel = await cli('check', '--', '-no-such-folder');
    assert.equal(rel.code, 2);
    assert.match(rel.err, /^notes-navigator: cannot read folder -no-such-folder/);
  });

  it('the help names every option in its usage lines', async () => {
    const usage = (await cli('--help')).out.split('\n\n')[1];
    for (const o of ['--format', '--config', '--max-warnings', '--quiet', '--threads', '--color', '--no-color', '--help', '--version']) {
      assert.ok(usage.includes(o), o);
    }
  });

  it('coverage exits 0 with out-of-date statuses and errors in the notes, as the help says', async () => {
    const dir = tempWorkspace({ ...series('s', [['a/01.md', 'Done']]), 's/a/02.md': FM + '[x](nowhere.md)\n' });
    assert.equal((await cli('check', dir)).code, 1);
    const r = await cli('coverage', dir);
    assert.equal(r.code, 0);
    assert.match(r.out, /\| Done \| Pending ⚠ \|/);
    assert.match((await cli('--help')).out, /coverage exits 0 whatever the statuses/);
  });

  it('an unreadable or missing folder is exit 2', async () => {
    const r = await cli('check', '/nonexistent/folder/x');
    assert.equal(r.code, 2);
    assert.match(r.err, /cannot read folder/);
  });

  it('clean notes exit 0 with a summary line', async () => {
    const dir = tempWorkspace({ 'a.md': FM + '# A\n[b](b.md)\n', 'b.md': FM + '# B\n' });
    const r = await cli('check', dir);
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.out, /✔ 0 errors, 0 warnings, 0 infos in 2 notes/);
  });

  it('the summary counts hints apart from infos (only when there are any)', async () => {
    const dir = tempWorkspace({ '.notes-navigator.json': '{"rules":{"frontmatter-missing":"hint"}}', 'a.md': '# A\n', 'b.md': FM + '# B\n' });
    const r = await cli('check', dir);
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.out, /^a\.md:1:1 hint frontmatter-missing /m);
    assert.match(r.out, /✔ 0 errors, 0 warnings, 0 infos, 1 hint in 2 notes/);
    const sarif = JSON.parse((await cli('check', dir, '--format', 'sarif')).out);
    assert.equal(sarif.runs[0].results[0].level, 'note');
  });

  it('coverage keeps what the matrix says: declaredText in JSON, the matrix words in Markdown', async () => {
    const dir = tempWorkspace({
      's/README.md': '# S\n\n## Chapters\n\n### A\n\n- [01](a/01.md) - 必讀 - 5 min\n- [02](a/02.md) - 必讀 - 5 min\n',
      's/coverage_matrix.md': '| Capability Area | Required Topic | Coverage Files | Status |\n| --- | --- | --- | --- |\n'
        + '| A | One | `a/01.md` | Shipped |\n| A | Two | `a/02.md` | 完成 |\n| A | Three | `a/03.md` | Planned |\n',
      's/a/01.md': FM + '# One\n', 's/a/02.md': FM + '# Two\n',
      '.notes-navigator.json': '{"statusWords":{"pending":["Planned","待建立"]}}',
    });
    const json = JSON.parse((await cli('coverage', dir, '--format', 'json')).out);
    assert.deepEqual(json.coverage[0].rows.map((r: { declared: string | null; declaredText: string; computed: string }) => [r.declared, r.declaredText, r.computed]), [
      [null, 'Shipped', 'done'], ['done', '完成', 'done'], ['pending', 'Planned', 'pending'],
    ]);
    const md = (await cli('coverage', dir)).out;
    assert.match(md, /\| One \| `s\/a\/01\.md` \(written\) \| Shipped \| Done ⚠ \|/);
    assert.match(md, /\| Two \| `s\/a\/02\.md` \(written\) \| 完成 \| 完成 \|/);
    assert.match(md, /\| Three \| `s\/a\/03\.md` \(missing\) \| Planned \| Planned \|/);
  });

  it('coverage --format md gives an empty Status cell the word Sync writes: the matrix\'s main language', async () => {
    const dir = tempWorkspace({ ...series('', [['01.md', '完成'], ['02.md', '完成'], ['03.md', '']]), '01.md': FM + '# One\n', '02.md': FM + '# Two\n' });
    const md = (await cli('coverage', dir)).out;
    assert.match(md, /\| T3 \| `03\.md` \(missing\) \| — \| 待建立 ⚠ \|/);
    // what check asks for, and what Sync would write, in the same words
    const check = (await cli('check', dir)).out;
    assert.match(check, /coverage_matrix\.md:5:.* coverage-status-mismatch .*待建立/);
  });

  it('lists series in the same order on every machine: by code unit, not by locale', async () => {
    const folders = ['alpha', 'Zeta', 'Éclair', 'b-c', 'bb'];
    const dir = tempWorkspace(Object.assign({}, ...folders.map(f => series(f, [['01.md', 'Done']]))));
    const json = JSON.parse((await cli('coverage', dir, '--format', 'json')).out);
    assert.deepEqual(json.coverage.map((c: { series: string }) => c.series), ['Zeta', 'alpha', 'b-c', 'bb', 'Éclair']);
    const md = (await cli('coverage', dir)).out;
    assert.deepEqual([...md.matchAll(/^## S \((.*)\)$/gm)].map(m => m[1]), ['Zeta', 'alpha', 'b-c', 'bb', 'Éclair']);
  });

  it('text lines are file:line:col severity code message, sorted, exit 1 on errors', async () => {
    const dir = tempWorkspace({ 'b.md': FM + '[x](nope.md)\n', 'a.md': FM + '\n[y](gone.md)\n' });
    const r = await cli('check', dir);
    assert.equal(r.code, 1);
    const lines = r.out.trim().split('\n');
    assert.equal(lines[0], 'a.md:11:5 error link-broken link target "gone.md" does not exist (gone.md)');
    assert.match(lines[1], /^b\.md:10:5 error link-broken /);
    assert.match(lines[2], /✖ 2 errors/);
  });

  it('JSON follows the contract', async () => {
    const dir = tempWorkspace({ 'a.md': FM + '[x](nope.md)\n' });
    const r = await cli('check', dir, '--format', 'json');
    assert.equal(r.code, 1);
    const j = JSON.parse(r.out);
    assert.equal(j.version, 1);
    assert.equal(j.notes, 1);
    assert.deepEqual(j.diagnostics[0], {
      file: 'a.md', line: 10, column: 5, endLine: 10, endColumn: 12, severity: 'error', code: 'link-broken',
      message: 'link target "nope.md" does not exist (nope.md)',
    });
    assert.deepEqual(j.coverage, []);
  });

  it('--max-warnings turns too many warnings into exit 1', async () => {
    const dir = tempWorkspace({ 'a.md': '# no frontmatter\n' });
    assert.equal((await cli('check', dir)).code, 0);
    const r = await cli('check', dir, '--max-warnings', '0');
    assert.equal(r.code, 1);
    assert.match(r.err, /^notes-navigator: 1 warning exceeds --max-warnings 0$/m);
    const two = tempWorkspace({ 'a.md': '# no frontmatter\n', 'b.md': '# none either\n' });
    assert.match((await cli('check', two, '--max-warnings', '1')).err, /^notes-navigator: 2 warnings exceed --max-warnings 1$/m);
    // as many warnings as allowed is not too many (every case above has more, so `>=` for `>` passed them)
    for (const [folder, max] of [[dir, '1'], [two, '2'], [two, '3']] as const) {
      const r = await cli('check', folder, '--max-warnings', max);
      assert.equal(r.code, 0, `--max-warnings ${max}: ${r.err}`);
      assert.doesNotMatch(r.err, /max-warnings/, `--max-warnings ${max}`);
    }
  });

  it('colours each stream by whether it is a terminal: the JSON summary on stderr by stderr', async () => {
    const dir = tempWorkspace({ 'a.md': '# no frontmatter\n' });
    const esc = /\u001b\[/;
    const toFile = await cliWith({ isTTY: false, errIsTTY: true }, 'check', dir, '--format', 'json');
    assert.match(toFile.err, esc);
    assert.doesNotMatch(toFile.out, esc);
    assert.doesNotMatch((await cliWith({ isTTY: true, errIsTTY: false }, 'check', dir, '--format', 'sarif')).err, esc);
    assert.doesNotMatch((await cliWith({ isTTY: true, errIsTTY: true, env: { NO_COLOR: '1' } }, 'check', dir, '--format', 'json')).err, esc);
    const text = await cliWith({ isTTY: true, errIsTTY: false }, 'check', dir);
    assert.match(text.out, esc);
    assert.doesNotMatch((await cliWith({ isTTY: false, errIsTTY: true }, 'check', dir)).out, esc);
  });

  it('reads .notes-navigator.json and --config; a broken config is exit 2', async () => {
    const dir = tempWorkspace({ 'a.md': FM + '[x](nope.md)\n', '.notes-navigator.json': '{ "rules": { "link-broken": "warning" } }' });
    assert.equal((await cli('check', dir)).code, 0);
    const bad = tempWorkspace({ 'a.md': FM, 'c.json': '{ nope' });
    const r = await cli('check', bad, '--config', path.join(bad, 'c.json'));
    assert.equal(r.code, 2);
    assert.match(r.err, /not valid JSON/);
    const unknown = tempWorkspace({ 'a.md': FM, '.notes-navigator.json': '{ "rulez": {} }' });
    const u = await cli('check', unknown);
    assert.equal(u.code, 0);
    assert.match(u.err, /unknown setting "rulez"/);
  });

  it('prints an empty allowedValues list as an ignored config problem, and keeps checking with the default list', async () => {
    const dir = tempWorkspace({ 'a.md': FM.replace('status: active', 'status: drafty'), '.notes-navigator.json': '{"allowedValues": {"status": []}}' });
    const r = await cli('check', dir);
    assert.equal(r.code, 0);
    assert.equal(r.err.split('\n').filter(l => l.includes('allowedValues')).join('\n'), `notes-navigator: ${path.join(dir, '.notes-navigator.json')}: `
      + 'allowedValues.status: "allowedValues.status" is empty, which would allow no value at all (list the allowed values, or null to allow any) (ignored)');
    assert.match(r.out, /status "drafty" is not one of active, draft, review, archived/);
  });

  it('names a broken config as the user gave it, once, with a line and column; null is no config', async () => {
    const dir = tempWorkspace({ 'a.md': FM, 'conf/ci.json': '{bad', 'conf/null.json': 'null', 'conf/list.json': '[]' });
    const rel = path.relative(process.cwd(), path.join(dir, 'conf/ci.json'));
    const r = await cli('check', dir, '--config', rel);
    assert.equal(r.code, 2);
    assert.equal(r.err, `notes-navigator: ${rel}: not valid JSON: Expected property name or '}' at line 1, column 2\n`);
    for (const name of ['null', 'list']) {
      const n = await cli('check', dir, '--config', path.join(dir, `conf/${name}.json`));
      assert.equal(n.code, 2, name);
      assert.equal(n.err, `notes-navigator: ${path.join(dir, `conf/${name}.json`)}: configuration must be a JSON object\n`);
    }
    const inFolder = tempWorkspace({ 'a.md': FM, '.notes-navigator.json': '{\n  "rules": {}\n  "exclude": []\n}\n' });
    const f = await cli('check', inFolder);
    assert.equal(f.err, `notes-navigator: ${path.join(inFolder, '.notes-navigator.json')}: not valid JSON: Expected ',' or '}' after property value at line 3, column 3\n`);
    const unknown = await cli('check', tempWorkspace({ 'a.md': FM, 'c.json': '{ "rulez": {} }' }), '--config', 'c.json');
    assert.equal(unknown.code, 2); // no c.json in the current folder
    assert.equal(unknown.err, 'notes-navigator: cannot read config c.json: ENOENT\n');
  });

  it('include and exclude take patterns starting with ! as exceptions', async () => {
    const dir = tempWorkspace({
      'notes/a.md': FM + '# A\n[d](drafts/d.md)\n', 'notes/drafts/d.md': '# no frontmatter\n', 'other/o.md': '# no frontmatter\n',
      '.notes-navigator.json': '{"include":["notes/**/*.md","!notes/drafts/**"]}',
    });
    const r = await cli('check', dir);
    assert.equal(r.out, '✔ 0 errors, 0 warnings, 0 infos in 1 note (… ms)\n'.replace('…', r.out.match(/\((\d+) ms\)/)?.[1] ?? '?'));
  });

  it('checks notes named .MD or .Md like .md ones', async () => {
    const dir = tempWorkspace({ 'UP.MD': '# no frontmatter\n', 'sub/Mixed.Md': FM + '[x](nope.md)\n', 'a.md': FM + '[[UP]] [m](sub/Mixed.Md)\n' });
    const r = await cli('check', dir, '--format', 'json');
    const j = JSON.parse(r.out);
    assert.equal(j.notes, 3);
    assert.deepEqual(j.diagnostics.map((d: { file: string; code: string }) => `${d.file} ${d.code}`), ['UP.MD frontmatter-missing', 'sub/Mixed.Md link-broken']);
  });

  it('SARIF has the 2.1.0 structure', async () => {
    const dir = tempWorkspace({ 'sub dir/a.md': FM + '[x](nope.md)\n' });
    const r = await cli('check', dir, '--format', 'sarif');
    const s = JSON.parse(r.out);
    assert.equal(s.version, '2.1.0');
    assert.equal(s.runs.length, 1);
    const driver = s.runs[0].tool.driver;
    assert.equal(driver.name, 'notes-navigator');
    assert.deepEqual(driver.rules.map((x: { id: string }) => x.id), [...RULE_CODES]);
    for (const rule of driver.rules) {
      assert.equal(typeof rule.shortDescription.text, 'string');
      assert.ok(['error', 'warning', 'note', 'none'].includes(rule.defaultConfiguration.level));
    }
    const res = s.runs[0].results[0];
    assert.equal(res.ruleId, 'link-broken');
    assert.equal(driver.rules[res.ruleIndex].id, 'link-broken');
    assert.equal(res.level, 'error');
    assert.equal(typeof res.message.text, 'string');
    const loc = res.locations[0].physicalLocation;
    assert.equal(loc.artifactLocation.uri, 'sub%20dir/a.md');
    assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.deepEqual(loc.region, { startLine: 10, startColumn: 5, endLine: 10, endColumn: 12 });
  });

  it('SARIF says its columns count UTF-16 code units, as its regions do after an emoji', async () => {
    const dir = tempWorkspace({ 'a.md': FM + '😀😀 [x](nope.md)\n' });
    const s = JSON.parse((await cli('check', dir, '--format', 'sarif')).out);
    assert.equal(s.runs[0].columnKind, 'utf16CodeUnits');
    // `nope.md` starts after 2 emoji (4 code units), a space and `[x](`: code unit 10, code point 8
    assert.deepEqual(s.runs[0].results[0].locations[0].physicalLocation.region, { startLine: 10, startColumn: 10, endLine: 10, endColumn: 17 });
  });

  it('SARIF URIs start from the current folder when it holds the checked one, and %SRCROOT% says where that is', async () => {
    const root = tempWorkspace({ 'my notes/sub dir/a#b%.md': FM + '[x](nope.md)\n', 'elsewhere/x.txt': '' });
    const sarif = async (cwd: string, folder: string) => {
      const r = await cliWith({ cwd }, 'check', folder, '--format', 'sarif');
      const run = JSON.parse(r.out).runs[0];
      return { base: run.originalUriBaseIds['%SRCROOT%'].uri, uri: run.results[0].locations[0].physicalLocation.artifactLocation.uri };
    };
    const rootUri = 'file://' + root.split(path.sep).map(encodeURIComponent).join('/') + '/';
    // the README's recipe, `check notes` at the repository root: the URIs GitHub code scanning expects
    assert.deepEqual(await sarif(root, 'my notes'), { base: rootUri, uri: 'my%20notes/sub%20dir/a%23b%25.md' });
    assert.deepEqual(await sarif(root, '.'), { base: rootUri, uri: 'my%20notes/sub%20dir/a%23b%25.md' });
    // a checked folder outside the current one: relative to the checked folder, which %SRCROOT% names
    assert.deepEqual(await sarif(path.join(root, 'elsewhere'), '../my notes'), { base: rootUri + 'my%20notes/', uri: 'sub%20dir/a%23b%25.md' });
    // JSON stays relative to the checked folder
    const json = JSON.parse((await cliWith({ cwd: root }, 'check', 'my notes', '--format', 'json')).out);
    assert.equal(json.diagnostics[0].file, 'sub dir/a#b%.md');
  });

  it('reports a coverage matrix without a matrix table: a diagnostic of check, a line on stderr for coverage', async () => {
    const dir = tempWorkspace({
      's/README.md': '# S\n\n## Chapters\n\n### A\n\n- [01_a](01_a.md) - 必讀 - 5 min\n',
      's/coverage_matrix.md': '# M\n\nno table here\n',
    });
    const r = await cli('check', dir, '--format', 'json');
    assert.equal(r.code, 0);
    const found = JSON.parse(r.out).diagnostics.filter((d: { code: string }) => d.code.startsWith('coverage'));
    assert.deepEqual(found.map((d: { file: string; line: number; code: string }) => [d.file, d.line, d.code]), [['s/coverage_matrix.md', 1, 'coverage-unlisted']]);
    assert.match(found[0].message, /^no coverage table found/);
    assert.doesNotMatch(r.err, /no coverage table/);
    const c = await cli('coverage', dir);
    assert.match(c.err, /s\/coverage_matrix\.md:1: no coverage table found/);
  });

  describe('robustness', () => {
    it('writes line breaks in file names as \\n and \\r in text output (one line per diagnostic), as they are in JSON', async function () {
      if (process.platform === 'win32') this.skip(); // no line breaks in Windows file names
      const dir = tempWorkspace({ 'two\nlines.md': '# no frontmatter\n', 'cr\rname.md': '# no frontmatter\n', 'bin\n.md': Buffer.from([0, 1, 2]) });
      const r = await cli('check', dir);
      assert.equal(r.err, 'notes-navigator: skipped bin\\n.md: file is binary (contains NUL bytes), not Markdown text\n');
      assert.deepEqual(r.out.trim().split('\n').slice(0, -1).map(l => l.split(' ')[0]), ['cr\\rname.md:1:1', 'two\\nlines.md:1:1']);
      const json = JSON.parse((await cli('check', dir, '--format', 'json')).out);
      assert.deepEqual(json.diagnostics.map((d: { file: string }) => d.file), ['cr\rname.md', 'two\nlines.md']);
    });

    it('skips binary, non-UTF-8, unreadable files and symlink loops with a log line, and never leaves the folder', async function () {
      const dir = tempWorkspace({
        'ok.md': FM + '# ok\n',
        'bin.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]),
        'latin1.md': Buffer.from([0x63, 0x61, 0x66, 0xe9]),
        'locked.md': FM,
        'bom.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(FM.replace(/\n/g, '\r\n') + '# BOM\r\n')]),
      });
      mkdirSync(path.join(dir, 'loop'));
      symlinkSync('..', path.join(dir, 'loop', 'again'));
      symlinkSync('/etc', path.join(dir, 'etc-link'));
      chmodSync(path.join(dir, 'locked.md'), 0o000);
      const r = await cli('check', dir);
      assert.match(r.err, /skipped bin\.md: file is binary/);
      assert.match(r.err, /skipped latin1\.md: file is not valid UTF-8/);
      assert.match(r.err, /skipped etc-link: symbolic link points outside the workspace/);
      if (process.getuid?.() !== 0) assert.match(r.err, /skipped locked\.md/);
      assert.equal(r.code, 0, r.out + r.err);
      assert.doesNotMatch(r.out, /bom\.md/); // BOM + CRLF frontmatter parses cleanly
      // a skipped file is no checked note: the summary and the JSON count ok.md and bom.md (and locked.md for root,
      // whom permissions do not stop), not the binary and Latin-1 files the index holds as unreadable
      const checked = process.getuid?.() === 0 ? 3 : 2;
      assert.match(r.out, new RegExp(` in ${checked} notes \\(`), r.out);
      assert.equal(JSON.parse((await cli('check', dir, '--format', 'json')).out).notes, checked);
    });

    it('a note it cannot read is no broken link target, on one thread or two', async function () {
      if (process.getuid?.() === 0) this.skip(); // permissions do not stop root (parallel.test.ts covers this with EISDIR)
      const files: Record<string, string> = { 'locked.md': FM + '# L\n', 'a.md': FM + '[l](locked.md) [[locked]] [g](gone.md)\n' };
      for (let i = 0; i < 8; i++) files[`n${i}.md`] = FM + `[l](locked.md)\n`;
      for (const r of await checkWithLocked(tempWorkspace(files), 'locked.md')) {
        assert.match(r.err, /^notes-navigator: skipped locked\.md: could not be read: EACCES/m);
        assert.doesNotMatch(r.err, /one thread/);
        assert.deepEqual(errorPlaces(r.out), ['a.md:10:31']);
      }
    });

    it('reports malformed YAML with its position and keeps the exit-code contract', async () => {
      const dir = tempWorkspace({ 'a.md': '---\ntitle: [unclosed\nstatus: active\n---\n# A\n' });
      const r = await cli('check', dir, '--format', 'json');
      const j = JSON.parse(r.out);
      const d = j.diagnostics.find((x: { code: string }) => x.code === 'frontmatter-invalid');
      assert.ok(d, r.out);
      assert.ok(d.line >= 2 && d.line <= 4);
      assert.equal(r.code, 1);
    });

    it('handles a 10 MB note and bracket storms in linear time', async function () {
      // a quadratic pass over 10 MB would take hours; the bound is loose so a loaded machine does not flake
      this.timeout(60000);
      const big = FM + ('Some text with a [link](a.md) and `ref.md` [[wiki]].\n'.repeat(200_000));
      const dir = tempWorkspace({ 'big.md': big, 'storm.md': FM + '['.repeat(300_000) + '`'.repeat(300_000) + '[['.repeat(150_000), 'a.md': FM });
      const t0 = Date.now();
      const r = await cli('check', dir, '--format', 'json');
      const ms = Date.now() - t0;
      assert.ok(ms < 20000, `took ${ms} ms`);
      assert.equal(r.code, 1);
      assert.ok(JSON.parse(r.out).diagnostics.length > 1000);
    });

    it('a file swapped for a symbolic link to outside the folder after listing is not read', async () => {
      const { FolderReader } = await import('../../../src/cli/walk');
      const dir = tempWorkspace({ 'a.md': FM, 'b.md': FM });
      const reader = new FolderReader(dir, () => {});
      await reader.list();
      rmSync(path.join(dir, 'b.md'));
      symlinkSync('/etc/hostname', path.join(dir, 'b.md'));
      await assert.rejects(reader.read('b.md'), /ELOOP|symbolic|outside/);
      assert.ok((await reader.read('a.md')).length > 0);
    });

    it('a file deleted between listing and reading is skipped with a log line', async () => {
      const { FolderReader } = await import('../../../src/cli/walk');
      const { WorkspaceIndex } = await import('../../../src/core/index/workspaceIndex');
      const { loadWorkspace } = await import('../../../src/core/index/load');
      const { defaultConfig } = await import('../../../src/core/config');
      const dir = tempWorkspace({ 'a.md': FM, 'b.md': FM });
      const logs: string[] = [];
      const reader = new FolderReader(dir, l => logs.push(l));
      const list = await reader.list();
      rmSync(path.join(dir, 'b.md'));
      const index = new WorkspaceIndex(defaultConfig());
      await loadWorkspace(index, { list: async () => list, read: f => reader.read(f) }, { onSkip: (f, why) => logs.push(`${f}: ${why}`) });
      assert.ok(logs.some(l => /^b\.md: could not be read/.test(l)), logs.join('\n'));
      assert.ok(index.note('a.md'));
    });
  });
});
