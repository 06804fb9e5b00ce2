import { strict as assert } from 'node:assert';
import { FM } from '../index/memoryWorkspace';
import { at, navigationOf } from './navigationHarness';
import { installedExtensions } from './vscodeStub';

/**
 * Find All References beside VS Code's own Markdown references, which VS Code lists too: where the built-in answers,
 * the links it lists are left to it, so that each link is listed once (seen in the real host: a wikilink listed as
 * `[[name]]` by us and as its inner `name` by the built-in, a Markdown link as the whole link and as its destination).
 */
describe('references beside VS Code\'s own Markdown references', () => {
  const BUILT_IN = 'vscode.markdown-language-features';
  afterEach(() => { installedExtensions.delete(BUILT_IN); });

  const Q = FM('Queue') + '# Queue\n\n## Ordering\n\ntext\n\nsee [o](#ordering) and [[#Ordering]] and [[q]]\n';
  const I = FM('Idem') + 'line [[q]]\n'
    + 'md [m](q.md#ordering) and [n](q.md) and `q.md`\n'
    + 'again [[ Q ]] and [[q#Ordering|o]]\n';

  async function setup() {
    const nav = await navigationOf({ 'q.md': Q, 'i.md': I });
    const refs = async (file: 'q.md' | 'i.md', needle: string, delta: number) => {
      const text = file === 'q.md' ? Q : I;
      const [l, c] = at(text, needle, delta);
      return (await nav.references(nav.document(file), l, c))
        .map(x => `${x.uri.path.slice(4)}:${x.range.start.line}:${x.range.start.character}`).sort();
    };
    const where = (file: 'q.md' | 'i.md', needle: string) => {
      const [l, c] = at(file === 'q.md' ? Q : I, needle);
      return `${file}:${l}:${c}`;
    };
    return { refs, where };
  }

  it('inside a wikilink\'s brackets, leaves to it the same note\'s wikilinks written with the same text (its shortcut references)', async () => {
    const { refs, where } = await setup();
    const every = [where('i.md', '[[q]]'), where('i.md', '[m]'), where('i.md', '[n]'), where('i.md', '`q.md`'), where('i.md', '[[ Q ]]'),
      where('i.md', '[[q#'), where('q.md', '[o]'), where('q.md', '[[#'), where('q.md', '[[q]]')].sort();
    assert.deepEqual(await refs('i.md', '[[q]]', 2), every);
    installedExtensions.add(BUILT_IN);
    const [first, spaced] = [where('i.md', '[[q]]'), where('i.md', '[[ Q ]]')];
    assert.deepEqual(await refs('i.md', '[[q]]', 2), every.filter(r => r !== first && r !== spaced));
    assert.deepEqual(await refs('i.md', '[[q]]', 3), every.filter(r => r !== first && r !== spaced));
    // on the outer bracket it says nothing: everything is ours
    assert.deepEqual(await refs('i.md', '[[q]]', 0), every);
    // another note's [[q]] is no reference of this note's label
    assert.ok((await refs('i.md', '[[q]]', 2)).includes(where('q.md', '[[q]]')));
  });

  it('on a Markdown link\'s destination, leaves the Markdown links to it: to the file on the path, to the heading on the #fragment', async () => {
    const { refs, where } = await setup();
    const toHeading = [where('i.md', '[m]'), where('i.md', '[[q#'), where('q.md', '[o]'), where('q.md', '[[#')].sort();
    assert.deepEqual(await refs('i.md', '(q.md#ordering)', 2), toHeading);
    installedExtensions.add(BUILT_IN);
    // on the path it lists every Markdown link to q.md but q.md's own `[o](#ordering)`: ours are those, the wikilinks
    // and the backtick paths to the file
    assert.deepEqual(await refs('i.md', '(q.md#ordering)', 2),
      [where('i.md', '[[q]]'), where('i.md', '`q.md`'), where('i.md', '[[ Q ]]'), where('i.md', '[[q#'), where('q.md', '[o]'), where('q.md', '[[#'),
        where('q.md', '[[q]]')].sort());
    assert.ok((await refs('i.md', '(q.md)', 2)).includes(where('q.md', '[o]')), 'on a path with no fragment too');
    assert.deepEqual(await refs('i.md', '(q.md#ordering)', 8), [where('i.md', '[[q#'), where('q.md', '[[#')].sort());
    // on the link text it says nothing
    assert.deepEqual(await refs('i.md', '[m]', 1), toHeading);
  });

  it('leaves the links of HTML tags to it as it does Markdown links (it lists them too)', async () => {
    const H = FM('Html') + 'md [m](q.md) and <a href="q.md#ordering">a</a> and <img src=q.md>\n';
    const nav = await navigationOf({ 'q.md': Q, 'h.md': H });
    const refs = async (needle: string, delta: number) => {
      const [l, c] = at(H, needle, delta);
      return (await nav.references(nav.document('h.md'), l, c)).map(x => `${x.uri.path.slice(4)}:${x.range.start.line}:${x.range.start.character}`).sort();
    };
    const where = (file: 'q.md' | 'h.md', needle: string) => {
      const [l, c] = at(file === 'q.md' ? Q : H, needle);
      return `${file}:${l}:${c}`;
    };
    const every = [where('h.md', '[m]'), where('h.md', '<a '), where('h.md', '<img'), where('q.md', '[o]'), where('q.md', '[[#'), where('q.md', '[[q]]')].sort();
    assert.deepEqual(await refs('<img src=q.md', 11), every);
    installedExtensions.add(BUILT_IN);
    // on a Markdown link's path, and on an HTML link's value, it lists the Markdown and HTML links but q.md's own
    // `[o](#ordering)`: ours are that one and the wikilinks
    const ours = [where('q.md', '[o]'), where('q.md', '[[#'), where('q.md', '[[q]]')].sort();
    assert.deepEqual(await refs('(q.md)', 2), ours);
    assert.deepEqual(await refs('<a href="q.md', 10), ours);
    assert.deepEqual(await refs('<img src=q.md', 11), ours);
    // on an HTML link's #fragment, the links to that heading: the wikilink is ours
    assert.deepEqual(await refs('<a href="q.md#ordering', 17), [where('q.md', '[[#')]);
  });

  it('keeps the HTML links it does not read: a srcset\'s URLs, a poster, the src of <audio> and <track> (1.100 lists none of them)', async () => {
    const H = FM('Html') + '![i](p.png) <img src="p.png" srcset="p.png 2x"> <video src="p.png" poster="p.png"></video> <audio src="p.png"></audio>\n';
    const nav = await navigationOf({ 'h.md': H, 'p.png': 'png' });
    const refs = async (needle: string, delta: number) => {
      const [l, c] = at(H, needle, delta);
      return (await nav.references(nav.document('h.md'), l, c)).map(x => `${x.range.start.line}:${x.range.start.character}`).sort();
    };
    const line = H.split('\n').findIndex(t => t.startsWith('![i]'));
    const starts = (needle: string) => `${line}:${H.split('\n')[line].indexOf(needle)}`;
    // every link to p.png, as ours: the whole link (the tag for an HTML one, once per URL of a srcset)
    const every = [starts('![i]'), starts('<img'), starts('<img'), starts('<video'), starts('<video'), starts('<audio')].sort();
    assert.deepEqual(await refs('srcset="p.png', 10), every);
    installedExtensions.add(BUILT_IN);
    // on the srcset it says nothing: all ours; on the image's src it lists the Markdown image, <img src> and <video src>
    assert.deepEqual(await refs('srcset="p.png', 10), every);
    assert.deepEqual(await refs('<img src="p.png', 12), [starts('<img'), starts('<video'), starts('<audio')].sort());
  });

  it('on a heading line, leaves the Markdown links to that heading to it', async () => {
    const { refs, where } = await setup();
    const all = [where('i.md', '[m]'), where('i.md', '[[q#'), where('q.md', '[o]'), where('q.md', '[[#')].sort();
    assert.deepEqual(await refs('q.md', '## Ordering', 4), all);
    installedExtensions.add(BUILT_IN);
    assert.deepEqual(await refs('q.md', '## Ordering', 4), [where('i.md', '[[q#'), where('q.md', '[[#')].sort());
    // elsewhere in the note it says nothing: every backlink is ours
    assert.equal((await refs('q.md', 'text', 1)).length, 9);
  });

  it('on a setext heading, leaves the Markdown links to it only on its first line (on its underline it says nothing)', async () => {
    const S = FM('Setext') + 'Long\nheading\n-------\n\ntext\n';
    const L = FM('Links') + 'md [m](s.md#longheading) and [[s#longheading]]\n';
    const nav = await navigationOf({ 's.md': S, 'l.md': L });
    const refs = async (line: number) =>
      (await nav.references(nav.document('s.md'), line, 1)).map(x => `${x.uri.path.slice(4)}:${x.range.start.line}:${x.range.start.character}`).sort();
    const [m, w] = [at(L, '[m]'), at(L, '[[s#')].map(([l, c]) => `l.md:${l}:${c}`);
    const first = at(S, 'Long')[0];
    installedExtensions.add(BUILT_IN);
    assert.deepEqual(await refs(first), [w]);
    // on the second line of its text and on its underline, every link to it is ours
    assert.deepEqual(await refs(first + 1), [m, w].sort());
    assert.deepEqual(await refs(first + 2), [m, w].sort());
  });

  it('on a heading and on a #fragment, keeps the Markdown links that reach the heading by our rules only (its slugs differ)', async () => {
    const T = FM('Target') + '## Ordering\n\n## A → B\n\n## Dup\n\n## Dup\n';
    const L = FM('Links') + '[m](t.md#ordering) [u](t.md#user-content-ordering) [c](t.md#Ordering)\n'
      + '[g](t.md#a--b) [v](t.md#a-→-b) [d](t.md#dup-1) [e](t.md#)\n';
    const nav = await navigationOf({ 't.md': T, 'l.md': L });
    const refs = async (file: 't.md' | 'l.md', needle: string, delta: number) => {
      const [l, c] = at(file === 't.md' ? T : L, needle, delta);
      return (await nav.references(nav.document(file), l, c)).map(x => `${x.uri.path.slice(4)}:${x.range.start.line}:${x.range.start.character}`).sort();
    };
    const where = (...needles: string[]) => needles.map(n => `l.md:${at(L, n)[0]}:${at(L, n)[1]}`).sort();
    assert.deepEqual(await refs('t.md', '## Ordering', 4), where('[m]', '[u]', '[c]'));
    // (`#a-→-b` is no link to it by our rules: it is the built-in's alone)
    assert.deepEqual(await refs('t.md', '## A', 4), where('[g]'));
    installedExtensions.add(BUILT_IN);
    // it slugs `user-content-ordering` as it is, and `A → B` as `a-→-b` where GitHub writes `a--b`
    assert.deepEqual(await refs('t.md', '## Ordering', 4), where('[u]'));
    assert.deepEqual(await refs('l.md', '#ordering)', 2), where('[u]'));
    assert.deepEqual(await refs('l.md', '#user-content', 2), where('[m]', '[c]'));
    assert.deepEqual(await refs('t.md', '## A', 4), where('[g]'));
    assert.deepEqual(await refs('l.md', '#a--b', 2), []);
    // the second `## Dup` is `dup-1` both ways
    assert.deepEqual(await refs('t.md', '## Dup\n\n## Dup', 12), []);
    // after an empty fragment's `#` it lists the links to the file, all of them Markdown links here
    assert.deepEqual(await refs('l.md', 't.md#)', 5), []);
  });

  it('go to definition on the use of a reference link is left to it (it goes to the [label]: line); on the definition line and on other links it is ours', async () => {
    const A = FM('A') + 'see [Q][q-ref] and [q-ref] and [inline](q.md) and [[q]]\n\n[q-ref]: q.md#ordering\n';
    const nav = await navigationOf({ 'q.md': Q, 'a.md': A });
    const doc = nav.document('a.md');
    const targets = async (needle: string, delta: number) => {
      const [l, c] = at(A, needle, delta);
      return (await nav.definition(doc, l, c)).map(d => `${d.targetUri.path.slice(4)}:${d.targetRange.start.line}`);
    };
    const sites: [string, number][] = [['[Q][q-ref]', 5], ['and [q-ref]', 6], ['[inline]', 12], ['[[q]]', 3], ['[q-ref]: q.md', 12]];
    const ordering = `q.md:${at(Q, '## Ordering')[0]}`;
    const without = await Promise.all(sites.map(([n, d]) => targets(n, d)));
    assert.deepEqual(without, [[ordering], [ordering], ['q.md:0'], ['q.md:0'], [ordering]]);
    installedExtensions.add(BUILT_IN);
    assert.deepEqual(await Promise.all(sites.map(([n, d]) => targets(n, d))), [[], [], ['q.md:0'], ['q.md:0'], [ordering]]);
    // references on that use: it lists the label's uses and definition in a.md; the links to the heading elsewhere are ours
    const [ul, uc] = at(A, '[Q][q-ref]', 5);
    const refs = (await nav.references(doc, ul, uc)).map(x => `${x.uri.path.slice(4)}:${x.range.start.line}:${x.range.start.character}`).sort();
    assert.deepEqual(refs, [`q.md:${at(Q, '[o]')[0]}:${at(Q, '[o]')[1]}`, `q.md:${at(Q, '[[#')[0]}:${at(Q, '[[#')[1]}`].sort());
    // on the definition's label too; on its destination it lists the Markdown links to the heading, the definition among them
    const [dl, dc] = at(A, '[q-ref]: q.md');
    const listsDefinition = async (character: number) =>
      (await nav.references(doc, dl, character)).some(x => x.uri.path === '/ws/a.md' && x.range.start.line === dl && x.range.start.character === dc);
    assert.deepEqual([await listsDefinition(dc + 2), await listsDefinition(dc + 10)], [false, false]);
    installedExtensions.delete(BUILT_IN);
    assert.ok((await nav.references(doc, ul, uc)).some(x => x.uri.path === '/ws/a.md' && x.range.start.line === dl && x.range.start.character === dc));
    assert.deepEqual([await listsDefinition(dc + 2), await listsDefinition(dc + 10)], [true, true]);
  });
});
