import { strict as assert } from 'node:assert';
import { defaultConfig, noteFilter, parseConfigText, priorityOf, statusOf } from '../../../src/core/config';

describe('config', () => {
  describe('parseConfigText', () => {
    const fatal = (text: string) => {
      const { problems } = parseConfigText(text);
      assert.equal(problems.length, 1, text);
      assert.equal(problems[0].path, '');
      return problems[0].message;
    };

    it('gives a syntax error its line and column, and does not name the file (its reader does)', () => {
      const cases: [text: string, message: string][] = [
        ['{bad', "Expected property name or '}' at line 1, column 2"],
        ['{\n  "rules": {},\n  "include": ["a"]\n  "exclude": []\n}', "Expected ',' or '}' after property value at line 4, column 3"],
        ['\ufeff{x', "Expected property name or '}' at line 1, column 2"],
        // where JSON.parse gives no position: an unexpected token, the end of the input
        ['{\n  "include": x\n}', "Unexpected token 'x' at line 2, column 14"],
        ['{\n  "include": ["a"],\n  "exclude": [tru]\n}', "Unexpected token ']' at line 3, column 18"],
        ['{\n  "include": tr', 'Unexpected end of JSON input at line 2, column 16'],
        ['', 'Unexpected end of JSON input at line 1, column 1'],
        // text after the value: V8 says `after JSON at position 38`, given once, as a line and column
        ['{"rules": {"chapter-planned": "off"}} x', 'Unexpected non-whitespace character after JSON at line 1, column 39'],
        // the token V8 quotes is a line break or a tab: escaped, so that the message stays one line
        ['{\n  "rules": {\n    "chapter-planned": tru\n  }\n}', "Unexpected token '\\n' at line 3, column 27"],
        ['{"a":\tx}', "Unexpected token 'x' at line 1, column 7"],
        ['{"a": "b\tc"}', "Bad control character in string literal at line 1, column 9"],
      ];
      for (const [text, message] of cases) assert.equal(fatal(text), `not valid JSON: ${message}`, text);
      // too deeply nested to locate: the message still says what is wrong
      assert.match(fatal('['.repeat(200_000) + 'x'), /^not valid JSON: Unexpected token 'x'$/);
    });

    it('refuses a configuration that is not an object, null included', () => {
      for (const text of ['null', '[]', '7', '"rules"', 'true']) assert.equal(fatal(text), 'configuration must be a JSON object', text);
      assert.deepEqual(parseConfigText('{}').problems, []);
    });

    it('reports and drops an empty glob (or a lone !), which would stop every check with an internal error', () => {
      const { config, problems } = parseConfigText('{"include":["notes/**/*.md",""],"exclude":["!","archive/**"]}');
      assert.deepEqual(problems, [
        { path: 'include[1]', message: 'pattern "" is empty' },
        { path: 'exclude[0]', message: 'pattern "!" is empty' },
      ]);
      assert.deepEqual([config.include, config.exclude], [['notes/**/*.md'], ['archive/**']]);
      assert.equal(noteFilter(config)('notes/a.md'), true);
    });

    it('reports and drops a blank field name in requiredFields and dateFields (no note could ever have it)', () => {
      const { config, problems } = parseConfigText('{"requiredFields":["title"," "],"dateFields":["","created"]}');
      assert.deepEqual(problems, [
        { path: 'requiredFields[1]', message: 'a field name cannot be blank' },
        { path: 'dateFields[0]', message: 'a field name cannot be blank' },
      ]);
      assert.deepEqual([config.requiredFields, config.dateFields], [['title'], ['created']]);
    });

    it('reads a field name with blanks around it as the name, and says so (every note would miss "status ")', () => {
      const { config, problems } = parseConfigText('{"requiredFields":["title","status "],"dateFields":[" created"]}');
      assert.deepEqual(problems, [
        { path: 'requiredFields[1]', message: 'field name "status " has blanks around it: read as "status"' },
        { path: 'dateFields[0]', message: 'field name " created" has blanks around it: read as "created"' },
      ]);
      assert.deepEqual([config.requiredFields, config.dateFields], [['title', 'status'], ['created']]);
    });

    it('refuses README.md as the matrix file name (it is the series README)', () => {
      for (const name of ['README.md', 'readme.MD']) {
        const { config, problems } = parseConfigText(JSON.stringify({ matrixFileName: name }));
        assert.deepEqual(problems.map(p => p.path), ['matrixFileName'], name);
        assert.equal(config.matrixFileName, 'coverage_matrix.md');
      }
    });

    it('reports a label or status word given to two priorities or statuses (the first would silently win), and blank ones', () => {
      const { config, problems } = parseConfigText('{"priorityLabels":{"important":["重要","must-read"]},"statusWords":{"done":["Done"," ","進行中"],"pending":["Pending","done"]}}');
      assert.deepEqual(problems, [
        { path: 'priorityLabels.important', message: '"must-read" is also a label of must-read: a label names one priority' },
        { path: 'statusWords.done', message: 'a status word cannot be blank' },
        { path: 'statusWords.done', message: '"Done" is also a word of pending: a word names one status' },
        { path: 'statusWords.done', message: '"進行中" is also a word of in-progress: a word names one status' },
      ]);
      assert.deepEqual(config.statusWords.done, ['Done', '進行中']);
      // different labels in different letter cases are fine, as are the defaults
      assert.deepEqual(parseConfigText('{"priorityLabels":{"must-read":["Core"],"important":["core-ish"]}}').problems, []);
      // a label is matched trimmed, so it is kept trimmed: ` Core ` names must-read as `Core` does
      const trimmed = parseConfigText('{"priorityLabels":{"must-read":[" Core "]},"statusWords":{"done":["Fertig\\t"]}}').config;
      assert.deepEqual([trimmed.priorityLabels['must-read'], trimmed.statusWords.done], [['Core'], ['Fertig']]);
      assert.equal(priorityOf(trimmed, 'core'), 'must-read');
    });

    it('compares status words ignoring letter case, spaces, "-" and "_", in statusOf and in the two-statuses check alike', () => {
      const config = defaultConfig();
      for (const w of ['In-Progress', 'In_Progress', 'InProgress', 'In  Progress', ' in progress ']) assert.equal(statusOf(config, w), 'in-progress', w);
      assert.equal(statusOf(config, 'Pending review'), undefined);
      const { problems } = parseConfigText('{"statusWords":{"done":["Done","in-progress"]}}');
      assert.deepEqual(problems, [{ path: 'statusWords.done', message: '"in-progress" is also a word of in-progress: a word names one status' }]);
    });

    it('reports constructor, toString and __proto__ in priorityLabels and statusWords as unknown keys', () => {
      const { config, problems } = parseConfigText('{"statusWords":{"constructor":["Blocked"],"__proto__":["X"],"done":["Fertig"]},'
        + '"priorityLabels":{"toString":["T"]}}');
      assert.deepEqual(problems.map(p => p.path), ['priorityLabels.toString', 'statusWords.constructor', 'statusWords.__proto__']);
      assert.match(problems[1].message, /^unknown key "constructor" \(expected pending, in-progress, done\)$/);
      assert.deepEqual(Object.keys(config.statusWords), ['pending', 'in-progress', 'done']);
      assert.deepEqual(config.statusWords.done, ['Fertig']);
      assert.equal(Object.getPrototypeOf(config.statusWords), Object.prototype);
      assert.deepEqual(Object.keys(config.priorityLabels), ['must-read', 'important', 'skippable']);
    });

    it('refuses globs whose matching can backtrack for very long, keeping the rest of the list', () => {
      const { config, problems } = parseConfigText(JSON.stringify({
        include: ['notes/**/*.md', '**/*a*a*a*a*b*', '**/a/**/b/**/c/**/d', '*(a|aa)b', '+(x)', '*a*b*c.md', '\\*\\*\\*\\*x*'],
        exclude: ['!**/*a*a*a*a*a*a*b*', '**/*draft*'],
      }));
      assert.deepEqual(config.include, ['notes/**/*.md', '*a*b*c.md', '\\*\\*\\*\\*x*']);
      assert.deepEqual(config.exclude, ['**/*draft*']);
      assert.deepEqual(problems.map(p => `${p.path}: ${p.message}`), [
        'include[1]: pattern "**/*a*a*a*a*b*" has more than 3 * in one path segment, which can take very long to match',
        'include[2]: pattern "**/a/**/b/**/c/**/d" has more than 3 ** segments, which can take very long to match',
        'include[3]: pattern "*(a|aa)b" repeats a group with *( ) or +( ), which can take exponential time to match',
        'include[4]: pattern "+(x)" repeats a group with *( ) or +( ), which can take exponential time to match',
        'exclude[0]: pattern "!**/*a*a*a*a*a*a*b*" has more than 3 * in one path segment, which can take very long to match',
      ]);
      // the audit's pattern no longer reaches the matcher: a long name is checked at once
      const t0 = Date.now();
      const isNote = noteFilter(parseConfigText('{"exclude":["**/*a*a*a*a*a*a*b*"]}').config);
      assert.equal(isNote('a'.repeat(80) + '.md'), true);
      assert.ok(Date.now() - t0 < 2000);
    });

    it('refuses an include or exclude list of more than 1,000 patterns', () => {
      const many = Array.from({ length: 1001 }, (_, i) => `n${i}/**`);
      const { config, problems } = parseConfigText(JSON.stringify({ exclude: many, include: many.slice(0, 1000) }));
      assert.deepEqual(problems, [{ path: 'exclude', message: '"exclude" has more than 1,000 patterns' }]);
      assert.deepEqual(config.exclude, []);
      assert.equal(config.include.length, 1000);
    });

    it('reports an empty allowedValues list, which would make every value of the field wrong, and ignores it', () => {
      const { config, problems } = parseConfigText('{"allowedValues": {"status": [], "note_type": null, "domain": [], "level": ["1"]}}');
      const empty = (field: string) => ({ path: `allowedValues.${field}`,
        message: `"allowedValues.${field}" is empty, which would allow no value at all (list the allowed values, or null to allow any)` });
      assert.deepEqual(problems, [empty('status'), empty('domain')]);
      // the default status list stays, a field without a default stays unrestricted; the rest of the object applies
      assert.deepEqual({ ...config.allowedValues }, { status: defaultConfig().allowedValues.status, level: ['1'] });
    });
  });

  describe('noteFilter', () => {
    const filter = (include: string[], exclude: string[] = []) => noteFilter({ ...defaultConfig(), include, exclude });

    it('takes an include pattern starting with ! as an exception to the others', () => {
      const isNote = filter(['notes/**/*.md', '!notes/drafts/**']);
      assert.equal(isNote('notes/a.md'), true);
      assert.equal(isNote('notes/sub/b.md'), true);
      assert.equal(isNote('notes/drafts/d.md'), false);
      assert.equal(isNote('other/c.md'), false);
    });

    it('takes an exclude pattern starting with ! as an exception to the other exclude patterns', () => {
      const isNote = filter(['**/*.md'], ['archive/**', '!archive/keep/**']);
      assert.equal(isNote('a.md'), true);
      assert.equal(isNote('archive/old.md'), false);
      assert.equal(isNote('archive/keep/k.md'), true);
      // the folders never walked stay excluded whatever the exceptions say
      assert.equal(filter(['**/*.md'], ['!node_modules/**'])('node_modules/x/README.md'), false);
    });

    it('takes a pattern that names a folder to stand for everything in it, in include, exclude and their exceptions', () => {
      const isNote = filter(['**/*.md'], ['archive', 'drafts/*', '!archive/keep']);
      assert.equal(isNote('archive/old.md'), false);
      assert.equal(isNote('archive/deep/er/old.md'), false);
      assert.equal(isNote('archive/keep/k.md'), true);
      assert.equal(isNote('archive/keep/sub/k.md'), true);
      assert.equal(isNote('drafts/d.md'), false);
      assert.equal(isNote('drafts/2026/d.md'), false);
      // a name is a whole segment: neither a longer folder name nor a file of that name's prefix is taken
      assert.equal(isNote('archived/a.md'), true);
      assert.equal(isNote('archive.md'), true);
      assert.equal(isNote('notes/archive/a.md'), true);
      const only = filter(['notes', 'README.md']);
      assert.equal(only('notes/a.md'), true);
      assert.equal(only('notes/sub/b.md'), true);
      assert.equal(only('README.md'), true);
      assert.equal(only('other/c.md'), false);
      assert.equal(only('notes.md'), false);
    });

    it('applies a list of exceptions only to every Markdown file; an extended glob !(…) is a pattern', () => {
      const isNote = filter(['!drafts/**']);
      assert.equal(isNote('a.md'), true);
      assert.equal(isNote('drafts/d.md'), false);
      assert.equal(filter([])('a.md'), true);
      const extglob = filter(['!(drafts)/**/*.md']);
      assert.equal(extglob('notes/a.md'), true);
      assert.equal(extglob('drafts/d.md'), false);
    });

    it('takes a Markdown extension in any case: .MD and .Md files are notes like .md ones', () => {
      const isNote = noteFilter(defaultConfig());
      for (const f of ['UP.MD', 'a/Mixed.Md', 'a/b.mD']) assert.equal(isNote(f), true, f);
      assert.equal(isNote('a.mdx'), false);
      assert.equal(filter(['notes/**/*.md'])('notes/X.MD'), true);
      assert.equal(filter(['**/*.md'], ['drafts/*.md'])('drafts/X.MD'), false);
      // a pattern written in capitals still matches the file as written
      assert.equal(filter(['**/*.MD'])('X.MD'), true);
      assert.equal(filter(['**/*.md'], ['**/*.MD'])('X.MD'), false);
    });
  });
});
