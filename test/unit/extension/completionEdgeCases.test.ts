import { strict as assert } from 'node:assert';
import type * as vscode from 'vscode';
import { parseFrontmatter } from '../../../src/core/frontmatter/parse';
import { headingNamed } from '../../../src/extension/features/linkLookup';
import { FM } from '../index/memoryWorkspace';
import { at, labelOf, navigationOf } from './navigationHarness';
import { installedExtensions, settings } from './vscodeStub';

type Ranges = { inserting: { start: { character: number }; end: { character: number } } };

/** The line with the item applied at its insert range (what accepting it in insert mode leaves). */
function applied(lineText: string, item: vscode.CompletionItem): string {
  const r = (item.range as unknown as Ranges).inserting;
  const insert = typeof item.insertText === 'string' ? item.insertText : labelOf(item);
  return lineText.slice(0, r.start.character) + insert + lineText.slice(r.end.character);
}

describe('completion: frontmatter values that YAML would read otherwise', () => {
  const odd = ['c: d', 'e, f', '#i', '- g', '[h]', '2024', 'true', "it's", 'ok'];
  const files = { 'x.md': FM('X').replace('tags: [a]', `tags: [${odd.map(v => JSON.stringify(v)).join(', ')}]`) + 'x\n' };

  it('quotes a value when written plain it would be another value, a comment, a list or a mapping', async () => {
    const nav = await navigationOf(files);
    for (const [written, read] of [
      ['tags: [a, ', (v: unknown) => (v as unknown[] | undefined)?.[1]],
      ['tags: ', (v: unknown) => v],
      ['tags:\n  - ', (v: unknown) => (v as unknown[] | undefined)?.[0]],
    ] as const) {
      const text = FM('Z').replace('tags: [a]', written);
      const lines = text.split('\n');
      const [l, c] = at(text, written, written.length);
      const items = await nav.complete(nav.document('z.md', text), l, c);
      assert.deepEqual(items.map(labelOf).sort(), [...odd].sort(), written);
      for (const item of items) {
        const edited = [...lines];
        edited[l] = applied(lines[l], item) + (written.includes('[') ? ']' : '');
        const data = parseFrontmatter(edited.join('\n')).data;
        assert.equal(read(data?.tags), labelOf(item), `${written}${String(item.insertText)}`);
      }
      // a plain word stays plain
      assert.ok(items.every(i => labelOf(i) !== 'ok' || i.insertText === undefined || i.insertText === 'ok'));
    }
  });

  it('inserts the value as is after a quote the user opened', async () => {
    const nav = await navigationOf(files);
    const text = FM('Z').replace('tags: [a]', 'tags: "');
    const [l, c] = at(text, 'tags: "', 7);
    const item = (await nav.complete(nav.document('z.md', text), l, c)).find(i => labelOf(i) === 'c: d')!;
    assert.equal(applied(text.split('\n')[l], item), 'tags: "c: d');
  });
});

describe('completion: keystrokes that open nothing', () => {
  it('read the line typed on, not the long note above it', async () => {
    const nav = await navigationOf({ 'a.md': FM('A') + 'x\n', 'b.md': FM('B') + 'x\n' });
    const text = FM('Z') + 'Some prose with `code` and a [link](b.md) here.\n'.repeat(20_000) + 'typing words, more: ';
    const document = nav.document('z.md', text);
    let read = 0;
    const counting = {
      ...document,
      lineAt: (line: number) => { const l = document.lineAt(line); read += l.text.length; return l; },
      getText: (range?: vscode.Range) => { const t = document.getText(range); read += t.length; return t; },
    } as vscode.TextDocument;
    const line = document.lineCount - 1;
    for (const [trigger, column] of [[' ', text.length - text.lastIndexOf('\n') - 1], [',', 'typing words,'.length], [':', 'typing words, more:'.length]] as const) {
      read = 0;
      assert.deepEqual(await nav.complete(counting, line, column, trigger), [], trigger);
      assert.ok(read < 2_000, `${JSON.stringify(trigger)}: ${read} characters read`);
    }
  });
});

describe('completion: reference definitions', () => {
  const files = { 'a.md': FM('A') + 'x\n', 'b.md': FM('B') + '## Part Two\n', 'sub/c d.md': FM('C') + 'x\n' };

  it('completes the destination of `[label]: ` like a link\'s: paths (encoded), <angle> paths and headings', async () => {
    const nav = await navigationOf(files);
    const complete = async (written: string, trigger?: string) => {
      const text = FM('A') + 'x\n\n' + written;
      const [l, c] = at(text, written, written.length);
      return new Map((await nav.complete(nav.document('a.md', text), l, c, trigger)).map(i => [labelOf(i), i.insertText]));
    };
    assert.deepEqual([...(await complete('[ref]: ', ' ')).keys()], ['sub/', 'a.md', 'b.md']);
    assert.deepEqual([...(await complete('  [My Ref]: sub/', '/')).entries()], [['c d.md', 'c%20d.md']]);
    assert.deepEqual([...(await complete('[ref]: <sub/', '/')).entries()], [['c d.md', 'c d.md']]);
    assert.deepEqual([...(await complete('[ref]: b.md#', '#')).entries()], [['Part Two', 'part-two']]);
    // a title after the destination, a definition indented as code, a space typed in prose: nothing
    assert.equal((await complete('[ref]: b.md "t', ' ')).size, 0);
    assert.equal((await complete('    [ref]: ')).size, 0);
    assert.equal((await complete('so [ref] is ', ' ')).size, 0);
  });

  it('offers nothing after `[word]: ` on a paragraph\'s next line, which is text (a definition cannot interrupt a paragraph)', async () => {
    const nav = await navigationOf(files);
    const complete = async (before: string, typed = '') => {
      const text = FM('A') + before + '[Note]: ' + typed;
      const [l, c] = at(text, '[Note]: ', 8 + typed.length);
      return (await nav.complete(nav.document('a.md', text), l, c, typed === '' ? ' ' : undefined)).length;
    };
    assert.equal(await complete('Some prose\n'), 0);
    // nor a heading after its `#`
    assert.equal(await complete('Some prose\n', 'b.md#'), 0);
    assert.ok(await complete('Some prose\n\n', 'b.md#') > 0);
    assert.ok(await complete('Some prose\n\n') > 0);
    assert.ok(await complete('# Heading\n') > 0);
    assert.ok(await complete('[a]: b.md\n') > 0);
    assert.ok(await complete('') > 0);
  });

  it('offers no path after a footnote\'s `[^1]: `, which starts the footnote\'s text', async () => {
    const nav = await navigationOf(files);
    const text = FM('A') + 'x[^1]\n\n[^1]: ';
    const [l, c] = at(text, '[^1]: ', 6);
    assert.equal((await nav.complete(nav.document('a.md', text), l, c, ' ')).length, 0);
  });
});

describe('completion: wikilink details', () => {
  it('shows a note\'s title as detail only when it is not the file name already shown', async () => {
    const nav = await navigationOf({ 'a.md': FM('A') + 'x\n', 'plain.md': 'no title here\n', 'b.md': FM('Beta Title') + 'x\n' });
    const text = FM('A') + 'x [[';
    const [l, c] = at(text, '[[', 2);
    const details = new Map((await nav.complete(nav.document('a.md', text), l, c, '[')).map(i => [labelOf(i), i.detail]));
    assert.equal(details.get('plain'), undefined);
    assert.equal(details.get('b'), 'Beta Title');
  });
});

describe('completion: wikilinks that the inserted text would break', () => {
  const B = FM('Beta Title') + '## A | B\n\n## Q]] end\n\n## See [x](y.md) and `code`\n\n## C# basics\n';

  it('names a heading whose text holds `|`, `[` or `]` by its slug, and every inserted heading leads to its heading', async () => {
    const nav = await navigationOf({ 'a.md': FM('A') + 'x\n', 'b.md': B });
    const text = FM('A') + 'x [[b#';
    const [l, c] = at(text, '[[b#', 4);
    const items = await nav.complete(nav.document('a.md', text), l, c, '#');
    assert.deepEqual(items.map(i => i.insertText), ['a--b', 'q-end', 'See x and code', 'C# basics']);
    const headings = nav.index.headingsOf('b.md')!;
    const linked = FM('A') + items.map(i => `[[b#${String(i.insertText)}]]`).join(' ') + '\n';
    nav.document('a.md', linked);
    const links = nav.index.note('a.md')!.scan.links;
    assert.equal(links.length, headings.length);
    for (const [i, link] of links.entries()) {
      const heading = headingNamed(nav.index, 'b.md', link.fragment!, link.kind);
      assert.equal(heading?.range.start.line, headings[i].range.start.line, String(items[i].insertText));
    }
  });

  it('offers a note whose file name holds `#`, `|`, `[` or `]` by its title when that leads to it, else not at all', async () => {
    const nav = await navigationOf({ 'a.md': FM('A') + 'x\n', 'c#d.md': FM('C Sharp Notes') + 'x\n', 'e|f.md': FM('x|y') + 'x\n', 'g.md': FM('G') + 'x\n' });
    const text = FM('A') + 'x [[';
    const [l, c] = at(text, '[[', 2);
    const items = await nav.complete(nav.document('a.md', text), l, c, '[');
    const inserted = items.map(i => String(i.insertText));
    assert.deepEqual(inserted.sort(), ['C Sharp Notes', 'a', 'g']);
    const linked = FM('A') + '[[C Sharp Notes]]\n';
    nav.document('a.md', linked);
    const r = nav.index.resolve('a.md', nav.index.note('a.md')!.scan.links[0]);
    assert.equal(r.kind === 'file' && r.file, 'c#d.md');
  });
});

describe('completion: headings that share a text', () => {
  it('tell the items apart by the fragment each inserts', async () => {
    const nav = await navigationOf({ 'a.md': FM('A') + 'x\n', 'b.md': FM('B') + '## Setup\n\n## Dup\n\n## Dup\n' });
    for (const written of ['x [y](b.md#', 'x [[b#']) {
      const text = FM('A') + written;
      const [l, c] = at(text, written, written.length);
      const rows = (await nav.complete(nav.document('a.md', text), l, c, '#'))
        .map(i => (typeof i.label === 'string' ? [i.label] : [i.label.label, i.label.description ?? '']).join(' ').trim());
      assert.equal(new Set(rows).size, rows.length, rows.join(' | '));
      assert.equal(rows[0], 'Setup', written);
    }
  });
});

describe('completion: a heading named by a text or slug that leads elsewhere', () => {
  it('inserts for each heading a fragment that leads to it (`dup-1` is the second `Dup`, `L10` a line), else offers it not', async () => {
    const nav = await navigationOf({ 'a.md': FM('A') + 'x\n', 'b.md': FM('B') + '## Dup\n\n## Dup\n\n## dup-1\n\n## DUP\n\n## L10\n\n## 🚀\n' });
    const headings = nav.index.headingsOf('b.md')!;
    for (const [written, kind, expected] of [
      ['x [[b#', 'wikilink', ['Dup', 'dup-1', 'dup-1-1', 'dup-2', 'l10', '🚀']],
      // (the rocket's slug is empty: `#` alone is the top of the page)
      ['x [y](b.md#', 'link', ['dup', 'dup-1', 'dup-1-1', 'dup-2', 'l10']],
    ] as const) {
      const text = FM('A') + written;
      const [l, c] = at(text, written, written.length);
      const items = await nav.complete(nav.document('a.md', text), l, c, '#');
      assert.deepEqual(items.map(i => i.insertText), expected, written);
      for (const item of items) {
        const heading = headingNamed(nav.index, 'b.md', String(item.insertText), kind);
        assert.equal(heading?.range.start.line, headings[Number(item.sortText)].range.start.line, `${written}${String(item.insertText)}`);
      }
    }
  });
});

describe('completion beside VS Code\'s own Markdown path completion', () => {
  const BUILT_IN = 'vscode.markdown-language-features';
  afterEach(() => {
    installedExtensions.delete(BUILT_IN);
    settings.delete('markdown.suggest.paths.enabled');
  });

  it('leaves `](…`, `](#…` and `[label]: …` to it while it is on (every item would be listed twice), and keeps backticks and wikilinks', async () => {
    const nav = await navigationOf({ 'a.md': FM('A') + 'x\n', 'b.md': FM('B') + '## Part\n' });
    const count = async (written: string) => {
      const text = FM('A') + written;
      const [l, c] = at(text, written, written.length);
      return (await nav.complete(nav.document('a.md', text), l, c)).length;
    };
    const sites = ['x [y](', 'x [y](b.md#', '[r]: ', 'x `', 'x [[', 'x [[b#'];
    const without = await Promise.all(sites.map(count));
    assert.ok(without.every(n => n > 0), String(without));
    installedExtensions.add(BUILT_IN);
    assert.deepEqual(await Promise.all(sites.map(count)), [0, 0, 0, ...without.slice(3)]);
    settings.set('markdown.suggest.paths.enabled', false);
    assert.deepEqual(await Promise.all(sites.map(count)), without);
  });
});

describe('completion: wikilinks to notes sharing a file name', () => {
  it('inserts a name that leads to the note offered, from the workspace root when its path alone would lead to another', async () => {
    const files = { 'x/dup.md': FM('X') + 'x\n', 'a/x/dup.md': FM('AX') + 'x\n', 'a/x/here.md': FM('Here') + 'x\n', 'top.md': FM('Top') + 'x\n' };
    const nav = await navigationOf(files);
    for (const from of ['top.md', 'a/x/here.md']) {
      const text = FM('Here') + 'x [[';
      const [l, c] = at(text, '[[', 2);
      const items = (await nav.complete(nav.document(from, text), l, c, '[')).filter(i => /dup/.test(String(i.insertText)));
      assert.equal(items.length, 2, from);
      for (const item of items) {
        const linked = FM('Here') + `[[${String(item.insertText)}]]\n`;
        nav.document(from, linked);
        const r = nav.index.resolve(from, nav.index.note(from)!.scan.links[0]);
        const offered = item.detail === 'X' ? 'x/dup.md' : 'a/x/dup.md';
        assert.equal(r.kind === 'file' && r.file, offered, `${from}: [[${String(item.insertText)}]]`);
      }
      nav.document(from, files[from as keyof typeof files]);
    }
  });
});
