import { strict as assert } from 'node:assert';
import { FM } from '../index/memoryWorkspace';
import { at, navigationOf } from './navigationHarness';
import { shownText } from './vscodeStub';

const B = FM('Beta Title') + 'Intro line of the note.\n\n## Setup\n\nSetup body.\n\n### Detail\n\nDetail body.\n\n## Usage\n\nUsage body.\n';

describe('hover preview of a link with a fragment', () => {
  it('shows the lines under the heading the fragment names (up to the next heading of its level), not the note\'s first lines', async () => {
    const a = FM('A') + 'x [s](b.md#setup) [[b#Usage]] [l](b.md#L12) [n](b.md) [m](b.md#nope)\n';
    const nav = await navigationOf({ 'a.md': a, 'b.md': B });
    const doc = nav.document('a.md');
    const hover = async (needle: string) => {
      const [l, c] = at(a, needle, 2);
      return shownText((await nav.hover(doc, l, c))!.contents);
    };
    const setup = await hover('[s]');
    assert.match(setup, /Setup body\.[\s\S]*Detail body\./);
    assert.doesNotMatch(setup, /Intro line|Usage body/);
    const usage = await hover('[[b#');
    assert.match(usage, /Usage body\./);
    assert.doesNotMatch(usage, /Intro line|Setup body/);
    // a line fragment: from that line on
    const line = await hover('[l]');
    assert.match(line, /Setup body\./);
    assert.doesNotMatch(line, /Intro line/);
    // no fragment, or one that names nothing: the note's first lines
    assert.match(await hover('[n]'), /Intro line/);
    assert.match(await hover('[m]'), /Intro line/);
  });

  it('shows the note\'s first lines for a line fragment past the note\'s end (it names no place)', async () => {
    const a = FM('A') + 'x [far](b.md#L999)\n';
    const nav = await navigationOf({ 'a.md': a, 'b.md': B });
    const [l, c] = at(a, '[far]', 2);
    assert.match(shownText((await nav.hover(nav.document('a.md'), l, c))!.contents), /Intro line/);
  });
});

describe('hover preview of a link to an HTML anchor', () => {
  it('shows the section an anchor marks when the anchor stands on the line of its heading or just above it', async () => {
    const c = FM('C') + 'Intro.\n\n<a id="install"></a>\n## Installation\n\nInstall body.\n\n## <a id="use"></a>Usage\n\nUsage body.\n\n## Other\n\nOther body.\n';
    const a = FM('A') + 'x [i](c.md#install) [u](c.md#use)\n';
    const nav = await navigationOf({ 'a.md': a, 'c.md': c });
    const doc = nav.document('a.md');
    const hover = async (needle: string) => {
      const [l, ch] = at(a, needle, 2);
      return shownText((await nav.hover(doc, l, ch))!.contents);
    };
    const install = await hover('[i]');
    assert.match(install, /Install body\./);
    assert.doesNotMatch(install, /Intro\.|Usage body/);
    const use = await hover('[u]');
    assert.match(use, /Usage body\./);
    assert.doesNotMatch(use, /Install body|Other body/);
  });
});

describe('hover preview of untrusted note text', () => {
  it('shows a note\'s title, heading and lines as text: a link, a command link, emphasis or a theme icon in them stays text', async () => {
    const b = FM('"[x](command:evil) *Beta*"') + '## [h](command:evil)\n\nA [cmd](command:workbench.action.quit) $(zap) <b>x</b>\n';
    const a = FM('A') + 'x [[b#h]]\n';
    const nav = await navigationOf({ 'a.md': a, 'b.md': b });
    const [l, c] = at(a, '[[b#', 2);
    const contents = (await nav.hover(nav.document('a.md'), l, c))!.contents;
    const value = (contents as unknown as { value: string }).value;
    // no `[` `]` `(` `*` or `$(` of the note reaches the Markdown unescaped: VS Code renders none as a link, emphasis or icon
    assert.ok(value.includes('\\[x\\]\\(command:evil\\)&nbsp;\\*Beta\\*'), value);
    assert.ok(value.includes('\\[cmd\\]\\(command:workbench.action.quit\\)'), value);
    assert.doesNotMatch(value, /(?<!\\)\[[^\]]*(?<!\\)\]\((?:command|https?):/, value);
    assert.doesNotMatch(value.replace(/\$\((?:file|symbol-key|warning|folder)\)/g, ''), /(?<!\\)\$\(/, value);
    // as the reader sees it
    assert.match(shownText(contents), /\[x\]\(command:evil\) \*Beta\*[\s\S]*A \[cmd\]\(command:workbench\.action\.quit\)/);
  });
});
