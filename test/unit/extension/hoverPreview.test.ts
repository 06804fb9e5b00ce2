import './vscodeStub';
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { feedBytes, feedReadError, MAX_NOTE_BYTES } from '../../../src/core/index/load';
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

describe('hover preview of a note that could not be read', () => {
  const bundle = JSON.parse(readFileSync('l10n/bundle.l10n.zh-tw.json', 'utf8')) as Record<string, string>;
  const l10n = vscode.l10n as unknown as { t: (m: string, ...args: unknown[]) => string };
  const english = l10n.t;
  afterEach(() => { l10n.t = english; });

  /** The hover over each link of a note that links to five notes the index could not read, each for its reason. */
  async function hovers(): Promise<string[]> {
    const a = FM('A') + 'x [1](bin.md) [2](latin1.md) [3](utf16.md) [4](big.md) [5](locked.md)\n';
    const nav = await navigationOf({ 'a.md': a });
    feedBytes(nav.index, 'bin.md', new Uint8Array([0x23, 0x00, 0x41]));
    feedBytes(nav.index, 'latin1.md', new Uint8Array([0x41, 0x42, 0xe9, 0x0a]));
    feedBytes(nav.index, 'utf16.md', new Uint8Array([0xff, 0xfe, 0x41, 0x00]));
    feedBytes(nav.index, 'big.md', new Uint8Array(MAX_NOTE_BYTES + 1));
    feedReadError(nav.index, 'locked.md', Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }));
    const out: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const [l, c] = at(a, `[${i}]`, 1);
      const text = shownText((await nav.hover(nav.document('a.md'), l, c))!.contents);
      out.push(text.slice(text.lastIndexOf('$(warning)') + '$(warning)'.length).trim());
    }
    // the index keeps the CLI's English sentence too
    assert.equal(nav.index.note('bin.md')?.unreadable, 'file is binary (contains NUL bytes), not Markdown text');
    assert.equal(nav.index.note('locked.md')?.unreadable, 'could not be read: EACCES: permission denied');
    return out;
  }

  it('says why in the editor\'s words, from the facts the core recorded, not in the CLI\'s English', async () => {
    assert.deepEqual(await hovers(), [
      'The file is binary (it contains NUL bytes), not Markdown text: it is not checked.',
      'The file is not valid UTF-8 (the first bad byte is at offset 2): it is not checked.',
      'The file is UTF-16 LE text: save it as UTF-8 to have it checked.',
      'The file is larger than 16 MB: it is not checked.',
      'The file could not be read: EACCES: permission denied',
    ]);
  });

  it('says why in Traditional Chinese with the zh-TW bundle', async () => {
    l10n.t = (m: string, ...args: unknown[]) => english(bundle[m] ?? m, ...args);
    assert.deepEqual(await hovers(), [
      '此檔案是二進位檔（含有 NUL 位元組），不是 Markdown 文字，因此不檢查。',
      '此檔案不是有效的 UTF-8（第一個錯誤位元組位於位移 2），因此不檢查。',
      '此檔案是 UTF-16 LE 文字：請另存為 UTF-8 才會檢查。',
      '此檔案大於 16 MB，因此不檢查。',
      '無法讀取此檔案：EACCES: permission denied',
    ]);
  });
});
