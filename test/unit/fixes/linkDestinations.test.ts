import { strict as assert } from 'node:assert';
import { applyTextEdits } from '../../../src/core/fixes/applyEdits';
import { fixesFor } from '../../../src/core/fixes/index';
import { FM, indexOf } from '../index/memoryWorkspace';
import { assertLinksFollow, body, rename, type Files } from './renameHarness';

describe('link destinations written by rename and fixes', () => {
  it('percent-encodes a space in a plain destination (it would end the link)', async () => {
    const files: Files = { 'a.md': FM('A') + '[b](b.md) ![i](b.md)\n', 'b.md': FM('B') };
    const moves = [{ from: 'b.md', to: 'new name.md' }];
    const r = await rename(files, moves);
    assert.equal(body(r.after['a.md']), '[b](new%20name.md) ![i](new%20name.md)\n');
    assertLinksFollow(r, files, moves);
  });

  it('re-encodes a destination that was percent-encoded, including `%` and parentheses', async () => {
    const files: Files = { 'a.md': FM('A') + '[b](my%20note.md)\n', 'my note.md': FM('B') };
    const moves = [{ from: 'my note.md', to: 'x/(a) 100%.md' }];
    const r = await rename(files, moves);
    assert.equal(body(r.after['a.md']), '[b](x/%28a%29%20100%25.md)\n');
    assertLinksFollow(r, files, moves);
  });

  it('percent-encodes `?` and `#` in a file name (a query or a fragment would start there)', async () => {
    const files: Files = { 'a.md': FM('A') + '[b](b.md) [c](<b.md>)\n', 'b.md': FM('B') };
    const moves = [{ from: 'b.md', to: 'what?#1.md' }];
    const r = await rename(files, moves);
    assert.equal(body(r.after['a.md']), '[b](what%3F%231.md) [c](<what%3F%231.md>)\n');
    assertLinksFollow(r, files, moves);
  });

  it('keeps spaces readable in an <angle> destination but escapes < and >', async () => {
    const files: Files = { 'a.md': FM('A') + '[b](<my note.md>) [c](<b.md#h>)\n', 'my note.md': FM('B'), 'b.md': FM('B2') + '# h\n' };
    const moves = [{ from: 'my note.md', to: 'c>x <y>.md' }, { from: 'b.md', to: 'new b.md' }];
    const r = await rename(files, moves);
    assert.equal(body(r.after['a.md']), '[b](<c%3Ex %3Cy%3E.md>) [c](<new b.md#h>)\n');
    assertLinksFollow(r, files, moves);
  });

  it('keeps the form a destination was written in: from the root, with ./, percent-encoded beyond ASCII', async () => {
    const files: Files = {
      'd/a.md': FM('A') + '[x](/docs/b.md) [y](%E7%AD%86.md) [z](./%E7%AD%86.md#h) [w](./../docs/b) [v](/docs/b)\n',
      'docs/b.md': FM('Bt'), 'd/筆.md': FM('Ct') + '# h\n',
    };
    const moves = [{ from: 'docs/b.md', to: 'docs/c 2.md' }, { from: 'd/筆.md', to: 'd/筆記 😀.md' }];
    const r = await rename(files, moves);
    assert.equal(body(r.after['d/a.md']),
      '[x](/docs/c%202.md) [y](%E7%AD%86%E8%A8%98%20%F0%9F%98%80.md) [z](./%E7%AD%86%E8%A8%98%20%F0%9F%98%80.md#h) [w](../docs/c%202) [v](/docs/c%202)\n');
    assertLinksFollow(r, files, moves);
  });

  it('keeps the blanks around the # of a wikilink', async () => {
    const files: Files = { 'a.md': FM('A') + '[[b # Sec]] [[b#Sec|x]] [[b\t#Sec]]\n', 'b.md': FM('Bt') + '# Sec\n' };
    const moves = [{ from: 'b.md', to: 'x/c.md' }];
    const r = await rename(files, moves);
    assert.equal(body(r.after['a.md']), '[[c # Sec]] [[c#Sec|x]] [[c\t#Sec]]\n');
    assertLinksFollow(r, files, moves);
  });

  it('keeps a reference definition a definition', async () => {
    const files: Files = { 'a.md': FM('A') + 'Use [x][r] and [y][r2].\n\n[r]: b.md "title"\n[r2]: <./b.md#sec>\n', 'b.md': FM('B') + '## Sec\n' };
    const moves = [{ from: 'b.md', to: 'new name.md' }];
    const r = await rename(files, moves);
    assert.equal(body(r.after['a.md']), 'Use [x][r] and [y][r2].\n\n[r]: new%20name.md "title"\n[r2]: <./new name.md#sec>\n');
    assert.deepEqual(r.index.note('a.md')!.scan.links.map(l => l.definition === true), [true, true]);
    assertLinksFollow(r, files, moves);
  });

  it('rewrites the href and src of HTML tags in each quoting form, escaping what would end or change the value', async () => {
    const files: Files = {
      'a.md': FM('A') + '<a href="b.md#h">b</a> <a href=\'b.md\'>q</a> <a href=b.md>u</a>\n<p><img src="img/x.png" width="60"></p>\n',
      'b.md': FM('B') + '# h\n', 'img/x.png': 'png',
    };
    const moves = [{ from: 'b.md', to: 'it\'s "new"=&b.md' }, { from: 'img/x.png', to: 'img/a b.png' }];
    const r = await rename(files, moves);
    assert.equal(body(r.after['a.md']),
      '<a href="it%27s%20%22new%22%3D%26b.md#h">b</a> <a href=\'it%27s%20%22new%22%3D%26b.md\'>q</a> <a href=it%27s%20%22new%22%3D%26b.md>u</a>\n'
      + '<p><img src="img/a%20b.png" width="60"></p>\n');
    assertLinksFollow(r, files, moves);
  });

  it('rewrites the relative href and src of a moved note\'s own HTML tags', async () => {
    const files: Files = { 'a.md': FM('A') + '<img src="img/x.png"> <a href=\'b.md#h\'>b</a> <a href="#own">o</a>\n\n## own\n', 'b.md': FM('B') + '# h\n', 'img/x.png': 'png' };
    const moves = [{ from: 'a.md', to: 'deep er/a.md' }];
    const r = await rename(files, moves);
    assert.equal(body(r.after['deep er/a.md']), '<img src="../img/x.png"> <a href=\'../b.md#h\'>b</a> <a href="#own">o</a>\n\n## own\n');
    assertLinksFollow(r, files, moves);
  });

  it('the closest-file fix repairs the src of an HTML image and the href of an HTML link', async () => {
    const files: Files = { 'a.md': FM('A') + '<img src="diagrm one.png" width="600"> <a href=\'my notez.md\'>x</a>\n', 'diagram one.png': 'png', 'my note.md': FM('B') };
    const index = await indexOf(files);
    const ds = index.diagnostics('a.md').filter(d => d.code === 'link-broken');
    assert.deepEqual(ds.map(d => d.message), [
      'image target "diagrm one.png" does not exist (diagrm one.png)', 'link target "my notez.md" does not exist (my notez.md)',
    ]);
    const texts = ds.map(d => applyTextEdits(files['a.md'], fixesFor(index, d, files['a.md'], '2026-03-01', f => files[f])[0].edits[0].edits));
    assert.equal(body(texts[0]), '<img src="diagram%20one.png" width="600"> <a href=\'my notez.md\'>x</a>\n');
    assert.equal(body(texts[1]), '<img src="diagrm one.png" width="600"> <a href=\'my%20note.md\'>x</a>\n');
    for (const text of texts) {
      const after = await indexOf({ ...files, 'a.md': text });
      assert.equal(after.diagnostics('a.md').filter(d => d.code === 'link-broken').length, 1);
    }
  });

  it('rewrites each URL of a srcset on its own, escaping a comma, and the other embedding attributes', async () => {
    const files: Files = {
      'a.md': FM('A') + '<picture><source srcset="img/x.png 2x, img/y.png" media="(x)"><img src="img/y.png" srcset=\'img/x.png 1x\'></picture>\n'
        + '<video src="v.mp4" poster="img/x.png"><track src="v.vtt"></video> <audio src="v.mp4"></audio>\n',
      'img/x.png': 'png', 'img/y.png': 'png', 'v.mp4': 'mp4', 'v.vtt': 'vtt',
    };
    const moves = [{ from: 'img/x.png', to: 'img/a, b.png' }, { from: 'v.mp4', to: 'media/v.mp4' }, { from: 'v.vtt', to: 'media/v,1.vtt' }];
    const r = await rename(files, moves);
    assert.equal(body(r.after['a.md']),
      '<picture><source srcset="img/a%2C%20b.png 2x, img/y.png" media="(x)"><img src="img/y.png" srcset=\'img/a%2C%20b.png 1x\'></picture>\n'
      + '<video src="media/v.mp4" poster="img/a,%20b.png"><track src="media/v,1.vtt"></video> <audio src="media/v.mp4"></audio>\n');
    assertLinksFollow(r, files, moves);
  });

  it('reports a missing media file as media, and the closest-file fix repairs one URL of a srcset', async () => {
    const files: Files = { 'a.md': FM('A') + '<video src="demo.mp3"></video> <img srcset="small.png 1x, larg.png 2x">\n', 'demo.mp4': 'mp4', 'small.png': 'png', 'large.png': 'png' };
    const index = await indexOf(files);
    const ds = index.diagnostics('a.md').filter(d => d.code === 'link-broken');
    assert.deepEqual(ds.map(d => d.message), [
      'media target "demo.mp3" does not exist (demo.mp3)', 'image target "larg.png" does not exist (larg.png)',
    ]);
    const fixed = applyTextEdits(files['a.md'], fixesFor(index, ds[1], files['a.md'], '2026-03-01', f => files[f])[0].edits[0].edits);
    assert.equal(body(fixed), '<video src="demo.mp3"></video> <img srcset="small.png 1x, large.png 2x">\n');
  });

  it('the closest-file fix writes ./ before a file name that reads as a URL scheme', async () => {
    const files: Files = { 'a.md': FM('A') + '[x](Kafka-intro.md)\n', 'Kafka: intro.md': FM('K') };
    const index = await indexOf(files);
    const d = index.diagnostics('a.md').find(x => x.code === 'link-broken');
    assert.ok(d);
    const text = applyTextEdits(files['a.md'], fixesFor(index, d, files['a.md'], '2026-03-01', f => files[f])[0].edits[0].edits);
    assert.equal(body(text), '[x](./Kafka:%20intro.md)\n');
    const after = await indexOf({ ...files, 'a.md': text });
    const r = after.resolve('a.md', after.note('a.md')!.scan.links[0]);
    assert.equal(r.kind === 'file' && r.file, 'Kafka: intro.md');
  });

  it('the closest-file fix writes a valid destination and shows the readable path in its title', async () => {
    const files: Files = { 'a.md': FM('A') + '[z](my%20notez.md) [y](<my notez.md>)\n', 'my note.md': FM('B') };
    const index = await indexOf(files);
    const ds = index.diagnostics('a.md').filter(d => d.code === 'link-broken');
    assert.equal(ds.length, 2);
    const results = ds.map(d => {
      const fix = fixesFor(index, d, files['a.md'], '2026-03-01', f => files[f])[0];
      return { title: fix.title, text: applyTextEdits(files['a.md'], fix.edits[0].edits) };
    });
    assert.equal(results[0].title, 'Change to "my note.md"');
    assert.equal(body(results[0].text), '[z](my%20note.md) [y](<my notez.md>)\n');
    assert.equal(body(results[1].text), '[z](my%20notez.md) [y](<my note.md>)\n');
    for (const { text } of results) {
      const after = await indexOf({ ...files, 'a.md': text });
      assert.equal(after.diagnostics('a.md').filter(d => d.code === 'link-broken').length, 1);
    }
  });
});
