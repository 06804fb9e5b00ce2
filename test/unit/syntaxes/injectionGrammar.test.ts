import { strict as assert } from 'node:assert';
import { coloured, kitAvailable, tokenize, type Token } from './textmate';

/** What the grammars colour on each line of `text` (lines with nothing coloured are left out). */
async function colours(text: string): Promise<Record<string, string[]>> {
  const tokens = (await tokenize(text)) as Token[];
  const lines = text.split('\n');
  const out: Record<string, string[]> = {};
  lines.forEach((line, i) => {
    const c = coloured(tokens.filter(t => t.line === i));
    if (c.length) out[line] = c;
  });
  return out;
}

describe('syntax highlighting (injection grammars, tokenized by VS Code\'s TextMate engine)', function () {
  before(function () {
    // needs .vscode-test/kit (bash scripts/vscode-kit.sh), as the integration tests do; `npm test` installs it first,
    // so in CI a missing kit is a failure, not a silent skip
    if (!kitAvailable()) {
      if (process.env.CI) throw new Error('the code-server kit is missing: run bash scripts/vscode-kit.sh before the unit tests');
      this.skip();
    }
  });

  it('colours chapter lines: priority labels in any case and wrapped in emphasis, reading times in the forms the README parser reads', async () => {
    const text = [
      '- [A](01_a.md) - 必讀 - 30 min',
      '- [A](01_a.md) - must-read - 45 min',
      '- [A](01_a.md) — IMPORTANT — 1.5 hours',
      '- [A](01_a.md) - **必讀** - 90m',
      '- [A](01_a.md) - _Skippable_ - 1h30',
      '- [A](01_a.md) - 重要 - 1 h 30 min',
      '- [A](01_a.md) - 可跳讀 - 60–90 分鐘',
      '- [A](01_a.md) - 重要 - 1 to 2 h',
      '- [A](01_a.md) - 重要 - 約 45 分',
    ].join('\n');
    assert.deepEqual(await colours(text), {
      '- [A](01_a.md) - 必讀 - 30 min': ['必讀=must-read', '30 min=minutes'],
      '- [A](01_a.md) - must-read - 45 min': ['must-read=must-read', '45 min=minutes'],
      '- [A](01_a.md) — IMPORTANT — 1.5 hours': ['IMPORTANT=important', '1.5 hours=minutes'],
      '- [A](01_a.md) - **必讀** - 90m': ['必讀=must-read', '90m=minutes'],
      '- [A](01_a.md) - _Skippable_ - 1h30': ['Skippable=skippable', '1h30=minutes'],
      '- [A](01_a.md) - 重要 - 1 h 30 min': ['重要=important', '1 h 30 min=minutes'],
      '- [A](01_a.md) - 可跳讀 - 60–90 分鐘': ['可跳讀=skippable', '60–90 分鐘=minutes'],
      '- [A](01_a.md) - 重要 - 1 to 2 h': ['重要=important', '1 to 2 h=minutes'],
      '- [A](01_a.md) - 重要 - 約 45 分': ['重要=important', '45 分=minutes'],
    });
  });

  it('colours priority labels only where the README parser reads them: in a list item (nested or numbered too), between dash separators (-- too)', async () => {
    const text = [
      '# Heading - 重要 - 30 min',
      '',
      'Latency - Important - always measure p99.',
      '',
      '- 必讀 - 30 min',
      '  - 重要 - 30 min',
      '- Basics',
      '  - [A](01_a.md) - 必讀 - 30 min',
      '  - [B](02_b.md) — **重要** — 1 h',
      '1. [C](03_c.md) - 30 min - Skippable',
      '2. [D](04_d.md) -- 必讀 -- 30 min',
      '',
      '| [A](01_a.md) - 必讀 - 30 min | x |',
      '| --- | --- |',
    ].join('\n');
    assert.deepEqual(await colours(text), {
      '# Heading - 重要 - 30 min': ['30 min=minutes'],
      '- 必讀 - 30 min': ['30 min=minutes'],
      '  - 重要 - 30 min': ['30 min=minutes'],
      '  - [A](01_a.md) - 必讀 - 30 min': ['必讀=must-read', '30 min=minutes'],
      '  - [B](02_b.md) — **重要** — 1 h': ['重要=important', '1 h=minutes'],
      '1. [C](03_c.md) - 30 min - Skippable': ['30 min=minutes', 'Skippable=skippable'],
      '2. [D](04_d.md) -- 必讀 -- 30 min': ['必讀=must-read', '30 min=minutes'],
      '| [A](01_a.md) - 必讀 - 30 min | x |': ['30 min=minutes'],
    });
  });

  it('colours reading times in every form the README parser reads: units in any case, any blanks, 時, after a CJK character, ranges with units at both ends', async () => {
    const text = [
      '- [A](01_a.md) - 重要 - 約30分鐘',
      '- [A](01_a.md) - 重要 - 2 時',
      '- [A](01_a.md) - 重要 - 1時30分',
      '- [A](01_a.md) - 重要 - 1H30M',
      '- [A](01_a.md) - 重要 - 90  min',
      '- [A](01_a.md) - 重要 - 45 min ~ 1 h',
      '- [A](01_a.md) - 重要 - 1 TO 2 h',
      '- [A](01_a.md) - 重要 - 1h75',
    ].join('\n');
    assert.deepEqual(await colours(text), {
      '- [A](01_a.md) - 重要 - 約30分鐘': ['重要=important', '30分鐘=minutes'],
      '- [A](01_a.md) - 重要 - 2 時': ['重要=important', '2 時=minutes'],
      '- [A](01_a.md) - 重要 - 1時30分': ['重要=important', '1時30分=minutes'],
      '- [A](01_a.md) - 重要 - 1H30M': ['重要=important', '1H30M=minutes'],
      '- [A](01_a.md) - 重要 - 90  min': ['重要=important', '90  min=minutes'],
      '- [A](01_a.md) - 重要 - 45 min ~ 1 h': ['重要=important', '45 min ~ 1 h=minutes'],
      '- [A](01_a.md) - 重要 - 1 TO 2 h': ['重要=important', '1 TO 2 h=minutes'],
      // 75 minutes past the hour: no reading time for the parser either
      '- [A](01_a.md) - 重要 - 1h75': ['重要=important'],
    });
  });

  it('keeps the emphasis of a wrapped label (the label is coloured inside the bold, not instead of it)', async () => {
    const tokens = (await tokenize('- [A](01_a.md) - **必讀** - 30 min')) as Token[];
    const label = tokens.find(t => t.text === '必讀');
    assert.ok(label?.scopes.includes('markup.bold.markdown'), JSON.stringify(label?.scopes));
  });

  it('colours reading-priority list labels in any case without breaking the list item (its code spans stay code)', async () => {
    const text = '- must-read (`必讀`): `01`, `02`\n- 重要：`03`\n- **Skippable**: `04`';
    assert.deepEqual(await colours(text), {
      '- must-read (`必讀`): `01`, `02`': ['must-read=priority-list'],
      '- 重要：`03`': ['重要=priority-list'],
      '- **Skippable**: `04`': ['Skippable=priority-list'],
    });
    const tokens = (await tokenize(text)) as Token[];
    const code = tokens.find(t => t.text === '01');
    assert.ok(code?.scopes.some(s => s.startsWith('markup.inline.raw')), JSON.stringify(code?.scopes));
    const label = tokens.find(t => t.text === 'must-read');
    assert.ok(label?.scopes.includes('markup.list.unnumbered.markdown'), JSON.stringify(label?.scopes));
  });

  it('colours matrix status words in table cells in any case and spacing (In-Progress), bold, padded, or in a last cell without a closing pipe', async () => {
    const text = [
      '| Area | Topic | Coverage Files | Status |',
      '| --- | --- | --- | --- |',
      '| a | b | `a.md` | Done |',
      '| a | b | `a.md` | done |',
      '| a | b | `a.md` |   in progress   |',
      '| a | b | `a.md` | In-Progress |',
      '| a | b | `a.md` | **待建立** |',
      '| a | b | `a.md` | 完成',
    ].join('\n');
    assert.deepEqual(await colours(text), {
      '| a | b | `a.md` | Done |': ['Done=done'],
      '| a | b | `a.md` | done |': ['done=done'],
      '| a | b | `a.md` |   in progress   |': ['in progress=in-progress'],
      '| a | b | `a.md` | In-Progress |': ['In-Progress=in-progress'],
      '| a | b | `a.md` | **待建立** |': ['待建立=pending'],
      '| a | b | `a.md` | 完成': ['完成=done'],
    });
  });

  it('colours every cross-reference arrow the matrix parser reads', async () => {
    assert.deepEqual(await colours('- `a.md` <-> `b.md`\n- `a.md` ↔ `b.md`\n- `a.md` <=> `b.md`\n- `rust/17_3-17_6` ⟷ `b.md`'), {
      '- `a.md` <-> `b.md`': ['<->=cross-reference'],
      '- `a.md` ↔ `b.md`': ['↔=cross-reference'],
      '- `a.md` <=> `b.md`': ['<=>=cross-reference'],
      '- `rust/17_3-17_6` ⟷ `b.md`': ['⟷=cross-reference'],
    });
  });

  it('colours wikilinks with #heading and |alias', async () => {
    assert.deepEqual(await colours('See [[note#Heading|alias]] and [[#local]].'), {
      'See [[note#Heading|alias]] and [[#local]].': [
        '[[=begin', 'note=wikilink', '#Heading=fragment', '|=alias', 'alias=title', ']]=end',
        '[[=begin', '#local=fragment', ']]=end',
      ],
    });
  });

  it('colours no wikilink where the scanner reads none: a Markdown link\'s or reference\'s brackets ([[a]](b.md), [[c]][d]), a blank target', async () => {
    const text = 'x [[a]](b.md) and [[c]][d]\n[[ ]] [[]] [[|alias]] [[ |alias]] [[ok]]';
    assert.deepEqual(await colours(text), {
      '[[ ]] [[]] [[|alias]] [[ |alias]] [[ok]]': ['[[=begin', 'ok=wikilink', ']]=end'],
    });
    // the Markdown link keeps its own colours
    const tokens = (await tokenize(text)) as Token[];
    const dest = tokens.find(t => t.text === 'b.md');
    assert.ok(dest?.scopes.includes('markup.underline.link.markdown'), JSON.stringify(dest?.scopes));
  });

  it('colours nothing inside a bare URL, which the scanner reads as one (an autolink literal), and leaves the Markdown around it alone', async () => {
    const text = [
      'See https://w.org/wiki/[[x]], www.w.org/[[y]] and (https://w.org/[[p]]) or https://x.org/30min/y',
      '**https://w.org/[[q]]** then [[z]] 30 min',
      // no autolink literal after a letter, nor without a domain: the scanner reads these wikilinks
      'xhttps://w.org/[[r]] xwww.w.org/[[s]] https://[[t]]',
    ].join('\n');
    assert.deepEqual(await colours(text), {
      '**https://w.org/[[q]]** then [[z]] 30 min': ['[[=begin', 'z=wikilink', ']]=end', '30 min=minutes'],
      'xhttps://w.org/[[r]] xwww.w.org/[[s]] https://[[t]]': [
        '[[=begin', 'r=wikilink', ']]=end', '[[=begin', 's=wikilink', ']]=end', '[[=begin', 't=wikilink', ']]=end',
      ],
    });
    // the bold ends where it did: its closing ** is not taken for the URL's
    const tokens = (await tokenize(text)) as Token[];
    const then = tokens.find(t => t.line === 1 && t.text.includes('then'));
    assert.ok(then && !then.scopes.includes('markup.bold.markdown'), JSON.stringify(then?.scopes));
  });

  it('colours nothing in the frontmatter, fenced or indented code, inline code, HTML comments or HTML tags', async () => {
    const text = [
      '---',
      'title: "[[not a link]] 30 min"',
      '---',
      '```md',
      '- [A](01_a.md) - 必讀 - 30 min',
      '| a | Done |',
      '[[wl]] `a` <-> `b`',
      '```',
      '',
      '~~~',
      '[[wl]] 30 min',
      '~~~',
      '',
      '    indented [[wl]] - 必讀 - 30 min',
      '',
      'Text `[[wl]] 30 min | Done |` and <!-- [[wl]] 30 min -->',
      '',
      'Text <span title="[[wl]] 30 min">x</span> <a href="a.md" title="- [A](a.md) - 必讀 - 30 min">x</a>',
    ].join('\n');
    assert.deepEqual(await colours(text), {});
  });

  it('leaves ordinary prose alone: status words outside tables, numbers that are no durations', async () => {
    const text = 'Done with this, In Progress there; minimum 3 meters, 10 mph, 4mb, 10M users, version 1.5.3 h, v2 min, x<->y.';
    assert.deepEqual(await colours(text), {});
  });
});
