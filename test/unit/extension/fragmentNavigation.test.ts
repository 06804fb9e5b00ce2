import { strict as assert } from 'node:assert';
import { FM } from '../index/memoryWorkspace';
import { at, navigationOf } from './navigationHarness';
import { shownText } from './vscodeStub';

const B = FM('Beta') + '# Beta\n\n## Setup\n\n## Outer\n\n### Inner\n\n## C# Basics\n\n<a id="Anchor-X"></a>\n\nA paragraph. ^blk-1\n\nline\n\nline\n';
const A = FM('Alpha') + [
  'uc [uc](b.md#user-content-setup) ucA [ucA](b.md#user-content-Anchor-X) top [t](b.md#TOP) line [l](b.md#L24) range [r](b.md#L24-L26)',
  'path [[b#Outer#Inner]] csharp [[b#C# Basics]] block [[b#^blk-1]] wline [[b#L24]] plain [p](b.md#setup)',
  '',
].join('\n');

describe('navigation follows every fragment form the link check accepts', () => {
  async function nav() {
    const n = await navigationOf({ 'a.md': A, 'b.md': B });
    assert.deepEqual(n.index.diagnostics('a.md').map(d => d.code), [], 'the check accepts every link');
    return n;
  }
  const line = (needle: string) => at(B, needle)[0];

  it('go to definition lands on the heading, the anchor, the line, or the top', async () => {
    const n = await nav();
    const doc = n.document('a.md');
    const target = async (needle: string) => {
      const [l, c] = at(A, needle, 2);
      const defs = await n.definition(doc, l, c);
      assert.equal(defs.length, 1, needle);
      return `${defs[0].targetUri.path.slice(4)}:${defs[0].targetRange.start.line}`;
    };
    assert.equal(await target('[uc]'), `b.md:${line('## Setup')}`);
    assert.equal(await target('[ucA]'), `b.md:${line('<a id')}`);
    assert.equal(await target('[[b#Outer#Inner]]'), `b.md:${line('### Inner')}`);
    assert.equal(await target('[[b#C#'), `b.md:${line('## C#')}`);
    assert.equal(await target('[l]'), 'b.md:23');
    assert.equal(await target('[r]'), 'b.md:23');
    assert.equal(await target('[[b#L24]]'), 'b.md:23');
    assert.equal(await target('[t]'), 'b.md:0');
    assert.equal(await target('[[b#^'), 'b.md:0');
  });

  it('find references on a heading lists the links that name it in any of those forms', async () => {
    const n = await nav();
    const refs = async (needle: string) => {
      const [l] = at(B, needle);
      return (await n.references(n.document('b.md'), l, 3)).map(x => `${x.uri.path.slice(4)}:${x.range.start.line}:${x.range.start.character}`).sort();
    };
    const spot = (needle: string) => `a.md:${at(A, needle).join(':')}`;
    assert.deepEqual(await refs('## Setup'), [spot('[uc]'), spot('[p]')].sort());
    assert.deepEqual(await refs('### Inner'), [spot('[[b#Outer#Inner]]')]);
    assert.deepEqual(await refs('## C#'), [spot('[[b#C#')]);
  });

  it('hover shows the heading a #user-content- link names, and no missing heading for #top, #L24 or a block', async () => {
    const n = await nav();
    const doc = n.document('a.md');
    const hover = async (needle: string) => {
      const [l, c] = at(A, needle, 2);
      return shownText((await n.hover(doc, l, c))!.contents);
    };
    assert.match(await hover('[uc]'), /symbol-key\) Setup/);
    for (const needle of ['[t]', '[l]', '[[b#^', '[[b#L24]]']) assert.doesNotMatch(await hover(needle), /No heading/, needle);
  });

  it('document links open a wikilink at its heading path, or at the line of #L24', async () => {
    const n = await nav();
    const links = await n.documentLinks(n.document('a.md'));
    const fragments = links.map(l => l.target!.fragment);
    assert.deepEqual(fragments, [`L${line('### Inner') + 1}`, `L${line('## C#') + 1}`, '', 'L24']);
  });
});
