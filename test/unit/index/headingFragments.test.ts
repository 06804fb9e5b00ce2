import { strict as assert } from 'node:assert';
import { fixesFor } from '../../../src/core/fixes/index';
import { applyTextEdits } from '../../../src/core/fixes/applyEdits';
import { defaultConfig } from '../../../src/core/config';
import { WorkspaceIndex } from '../../../src/core/index/workspaceIndex';
import { codes, FM, indexOf } from './memoryWorkspace';

const TARGET = FM('Beta') + '# Beta\n\n## Core Concepts: observability\n\n## 故障排除 6\n\n## Summary\n\n## Summary\n\n## A | B [x]\n';

describe('heading fragments', () => {
  it('a wikilink names a heading by its text in any case, or by its slug', async () => {
    const index = await indexOf({
      'a.md': FM('A') + [
        '[[b#Core Concepts: observability]]', '[[b#core concepts: OBSERVABILITY|alias]]', '[[b#core-concepts-observability]]',
        '[[b#故障排除 6]]', '[[b#故障排除-6]]', '[[b#Summary]]', '[[b#summary-1]]', '[[Beta#Summary]]', '',
      ].join('\n'),
      'b.md': TARGET,
    });
    assert.deepEqual(codes(index, 'a.md'), []);
  });

  it('a wikilink names by its text a heading whose GitHub slug markup or an image changed, on one thread or across threads', async () => {
    const a = FM('A') + '[[b#Setup]] [[b#logo Project]] [ok](b.md#setup-) [gh](b.md#-project) [bad](b.md#setup)\n';
    const b = FM('B') + '## Setup <img src="x.png">\n\n## ![logo](l.png) Project\n';
    const index = await indexOf({ 'a.md': a, 'b.md': b });
    assert.deepEqual(codes(index, 'a.md'), ['link-anchor-broken']);
    // the other thread of a parallel check learns b.md as a foreign note: same answer
    const foreign = index.foreignNoteOf('b.md')!;
    assert.deepEqual(foreign.textSlugs, ['setup', 'logo-project']);
    const other = new WorkspaceIndex(defaultConfig());
    other.beginBatch();
    other.updateNote('a.md', a);
    other.addForeignNote(foreign);
    other.endBatch();
    assert.deepEqual(codes(other, 'a.md'), ['link-anchor-broken']);
  });

  it('a wikilink to a heading that is not there is still reported', async () => {
    const index = await indexOf({ 'a.md': FM('A') + '[[b#Core Concept: observabilty]] [[b#summary-2]] [[b#Sumary]]\n', 'b.md': TARGET });
    assert.deepEqual(codes(index, 'a.md'), ['link-anchor-broken', 'link-anchor-broken', 'link-anchor-broken']);
  });

  it('a wikilink may name a heading by its path (Obsidian\'s [[b#Outer#Inner]]) or a block (#^id), not checked', async () => {
    const index = await indexOf({
      'a.md': FM('A') + '[[b#Beta#Core Concepts: observability]] [[b#Beta#Summary]] [[b#^para-1]] [[b#Beta#Nope]] [[b#C# Basics]]\n'
        + '[md](b.md#beta#summary) [md](b.md#^para-1)\n',
      'b.md': TARGET + '\n## C# Basics\n\nA paragraph. ^para-1\n',
    });
    assert.deepEqual(index.diagnostics('a.md').map(d => d.message.match(/"(.*)"/)![1]),
      ['#Beta#Nope', '#beta#summary', '#^para-1']);
  });

  it('a Markdown link names a heading only by its slug, as GitHub renders it', async () => {
    const index = await indexOf({
      'a.md': FM('A') + '[ok](b.md#core-concepts-observability) [ok](b.md#Core-Concepts-Observability) [ok](b.md#故障排除-6)\n'
        + '[text](b.md#Core%20Concepts:%20observability) [cjk](<b.md#故障排除 6>)\n',
      'b.md': TARGET,
    });
    assert.deepEqual(codes(index, 'a.md'), ['link-anchor-broken', 'link-anchor-broken']);
  });

  describe('the fix of a broken fragment', () => {
    async function fixOf(line: string): Promise<{ title: string; text: string }> {
      const text = FM('A') + line + '\n';
      const index = await indexOf({ 'a.md': text, 'b.md': TARGET });
      const d = index.diagnostics('a.md').find(x => x.code === 'link-anchor-broken');
      assert.ok(d, 'reported');
      const [fix] = fixesFor(index, d, text, '2026-11-22');
      assert.ok(fix, 'a fix is offered');
      return { title: fix.title, text: applyTextEdits(text, fix.edits[0].edits).slice(FM('A').length).trimEnd() };
    }

    it('keeps a wikilink written with heading text in that style', async () => {
      assert.deepEqual(await fixOf('See [[b#Core Concept: observabilty|the concepts]].'),
        { title: 'Change fragment to "#Core Concepts: observability"', text: 'See [[b#Core Concepts: observability|the concepts]].' });
    });

    it('gives a wikilink written as a slug, and a Markdown link, the slug', async () => {
      assert.equal((await fixOf('[[b#core-concept-observabilty]]')).text, '[[b#core-concepts-observability]]');
      assert.equal((await fixOf('[x](b.md#core-concept-observabilty)')).text, '[x](b.md#core-concepts-observability)');
    });

    it('writes the slug of a heading whose text would end the wikilink early', async () => {
      assert.deepEqual(await fixOf('[[b#A--B-y]]'), { title: 'Change fragment to "#a--b-x"', text: '[[b#a--b-x]]' });
    });
  });
});
