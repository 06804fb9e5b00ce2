import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';

/**
 * The zh-TW wording: Taiwan usage, one word per product concept, and the punctuation style of the bundle
 * (full-width ，。：「」（） in Chinese sentences, a space between CJK and Latin words or numbers).
 */

type Pairs = [english: string, chinese: string, where: string][];

function pairs(): Pairs {
  const out: Pairs = [];
  const bundle = JSON.parse(readFileSync('l10n/bundle.l10n.zh-tw.json', 'utf8')) as Record<string, string>;
  for (const [en, zh] of Object.entries(bundle)) out.push([en, zh, 'bundle']);
  const en = JSON.parse(readFileSync('package.nls.json', 'utf8')) as Record<string, string>;
  const zh = JSON.parse(readFileSync('package.nls.zh-tw.json', 'utf8')) as Record<string, string>;
  for (const key of Object.keys(zh)) out.push([en[key] ?? '', zh[key], `package.nls ${key}`]);
  return out;
}

/** Mainland or ambiguous wording, and the word this UI uses instead. */
const TAIWAN_USAGE: [RegExp, string][] = [
  [/文件夾/, '資料夾'], [/(?<!輔助)文件/, '檔案 (文件 only in 輔助文件, the README\'s support documents)'],
  [/設置/, '設定'], [/鏈接|链接/, '連結'], [/程序/, '程式'], [/默認/, '預設'], [/信息/, '訊息'], [/視圖/, '檢視'],
  [/數據/, '資料'], [/用戶/, '使用者'], [/保存/, '儲存'], [/創建/, '建立'], [/搜索/, '搜尋'], [/支持/, '支援'],
  [/文本/, '文字'], [/字符/, '字元'], [/加載/, '載入'], [/模板/, '範本'], [/日誌/, '記錄'], [/刷新/, '重新整理'],
  [/添加/, '新增'], [/樣式/, '模式 (glob pattern)'], [/覆蓋/, '涵蓋 (coverage)'], [/狀態字詞/, '狀態詞 (status word)'],
  [/[一兩二三幾\d\s}][則個份]筆記/, '篇 (notes are counted with 篇: 兩篇筆記)'],
];

/** An English term (in the source string) and what its translation must say. */
const TERMS: [RegExp, RegExp][] = [
  [/coverage/i, /涵蓋/],
  [/\bwritten\b(?! exactly)/, /已撰寫/],
  [/\bstudied\b/i, /已讀|未讀/],
  [/\bmark(ed)?\b.*\bstudied\b/i, /標記/],
  [/"## Chapters" section/, /「## Chapters」區段/],
  [/\bbatch (learning )?route\b/i, /批次學習路線/],
  [/^cross-reference declared in the matrix/, /^矩陣中宣告了交叉參照/],
  [/\bdeclared?\b/i, /宣告/],
  [/\bstatus word/i, /狀態詞/],
  [/\bnotes?\b/i, /筆記/],
  [/\bseries\b/i, /系列/],
  [/\bchapters?\b/i, /章/],
  [/\bfolder\b/i, /資料夾/],
  [/\bfiles?\b/i, /檔/],
  [/\blinks?\b/i, /連結/],
  [/\bheading\b/i, /標題/],
  [/\bsettings?\b|\bconfiguration\b/i, /設定/],
  [/\bworkspace\b/i, /工作區/],
  [/\bpriority\b/i, /優先順序/],
  [/\bplanned\b/i, /規劃/],
  [/\bdraft\b/i, /草稿/],
  [/\bmatrix\b/i, /矩陣/],
  [/\btemplate\b/i, /範本/],
  [/wikilink/i, /wikilink/],
  [/frontmatter/i, /frontmatter/],
  [/\bpattern/i, /模式/],
  // a file's state (the coverage page's badge, the tree's and hover's "Missing: …"): 不存在, not the incomplete 缺少
  [/^missing$|^Missing:|\bwith missing files\b/, /不存在/],
  // the coverage page's button says what the command says
  [/^Sync (coverage )?status$/i, /^同步涵蓋狀態$/],
  // VS Code's own name for an untrusted workspace's mode: 受限模式
  [/\buntrusted workspace|\bRestricted Mode\b/i, /受限模式（未受信任的工作區）/],
];

/** Source text without what stays English: the product name, code spans, quoted column and section names, setting ids. */
function englishWords(en: string): string {
  return en
    .replace(/Notes Navigator/g, '')
    .replace(/`[^`]*`/g, '')
    .replace(/\((command|https):[^)]*\)/g, '')
    .replace(/"(## Chapters|Coverage Files|Files|Status)"/g, '')
    .replace(/Capability Area, Required Topic, Coverage Files and Status/g, '')
    .replace(/files\.exclude|notesNavigator\.\w+/g, '')
    .replace(/\bfile name\b/g, 'filename')
    .replace(/\bwritten exactly\b/g, ''); // a value written exactly like an allowed one: not a chapter's written state
}

/** A row of docs/zh-TW-glossary.md: an English term, the zh-TW words that say it, the words that must not. */
interface GlossaryRow { english: string; use: string[]; not: string[] }

function glossary(): GlossaryRow[] {
  const md = readFileSync('docs/zh-TW-glossary.md', 'utf8');
  const words = (cell: string) => cell.split('、').map(w => w.trim()).filter(w => w !== '');
  return [...md.matchAll(/^\| ([^|]+?) \| ([^|]+?) \| ([^|]*)\|$/gm)]
    .filter(m => m[1] !== 'English' && !m[1].startsWith('---'))
    .map(m => ({ english: m[1].trim(), use: words(m[2]), not: words(m[3]) }));
}

/** The English term as a whole word or words, singular or plural. */
function termPattern(english: string): RegExp {
  return new RegExp(`\\b${english.replace(/[-]/g, '\\-')}(s|es)?\\b`, 'i');
}

const CJK = '\\u3400-\\u9fff';
const FULL_WIDTH = '，。：；「」（）、！？';

/** Chinese text with code spans, links and placeholders masked so only the prose is checked. */
function prose(zh: string): string {
  return zh.replace(/`[^`]*`/g, 'X').replace(/\]\([^)]*\)/g, ']').replace(/\{\d+\}/g, '\u3007'); // a value may start or end in CJK or Latin text
}

/**
 * The Chinese with its placeholders filled: a placeholder the English follows with a new sentence (`{0} Diagnostics
 * are…`) holds a sentence of its own, which in Chinese ends in 。; any other holds a word.
 */
function filledLikeUse(en: string, zh: string): string {
  const sentences = new Set([...en.matchAll(/\{(\d+)\} [A-Z][a-z]/g)].map(m => m[1]));
  return zh.replace(/\{(\d+)\}/g, (_, i: string) => (sentences.has(i) ? '已檢查 3 篇筆記：沒有問題。' : '值'));
}

describe('zh-TW terminology and punctuation', () => {
  const all = pairs();

  it('uses Taiwan wording', () => {
    const bad: string[] = [];
    for (const [, zh, where] of all) for (const [re, use] of TAIWAN_USAGE) if (re.test(zh)) bad.push(`${where}: "${zh}" — use ${use}`);
    assert.deepEqual(bad, []);
  });

  it('translates each product term with one word', () => {
    const bad: string[] = [];
    for (const [en, zh, where] of all) {
      const words = englishWords(en);
      for (const [term, want] of TERMS) if (term.test(words) && !want.test(zh)) bad.push(`${where}: "${en}" → "${zh}" lacks ${want}`);
    }
    assert.deepEqual(bad, []);
  });

  it('follows the glossary (docs/zh-TW-glossary.md): one zh-TW word per English term, none of the words it rules out', () => {
    const rows = glossary();
    for (const concept of ['note', 'series', 'chapter', 'coverage matrix', 'diagnostic', 'frontmatter', 'backlink', 'wikilink', 'priority', 'studied', 'planned']) {
      assert.ok(rows.some(r => r.english === concept), `the glossary has no row for ${concept}`);
    }
    const bad: string[] = [];
    for (const { english, use, not } of rows) {
      const term = termPattern(english);
      for (const [en, zh, where] of all) {
        if (term.test(englishWords(en)) && !use.some(w => zh.includes(w))) bad.push(`${where}: "${en}" has "${english}", "${zh}" lacks ${use.join(' / ')}`);
        for (const w of not) if (zh.includes(w)) bad.push(`${where}: "${zh}" says ${w} for ${english}: use ${use.join(' / ')}`);
      }
    }
    assert.deepEqual(bad, []);
  });

  it('uses full-width punctuation in Chinese sentences, no space beside it, a space between CJK and Latin text', () => {
    const rules: [string, RegExp][] = [
      ['half-width punctuation beside CJK', new RegExp(`[${CJK}][,.:;()!?]|[,:;(!?][${CJK}]|\\)[${CJK}]`)],
      ['ASCII double quotes in a Chinese sentence (use 「」)', /"/],
      ['ASCII single quotes around text in a Chinese sentence (use 「」)', /'[^'\s][^']*'/],
      ['a space beside full-width punctuation', new RegExp(`[${FULL_WIDTH}] | [${FULL_WIDTH}]`)],
      ['no space between CJK and Latin text', new RegExp(`[${CJK}][A-Za-z0-9]|[A-Za-z0-9][${CJK}]`)],
    ];
    const bad: string[] = [];
    for (const [, zh, where] of all) for (const [name, re] of rules) if (re.test(prose(zh))) bad.push(`${where}: ${name}: "${zh}"`);
    assert.deepEqual(bad, []);
  });

  it('puts no space after a placeholder that ends a sentence (its value ends in 。), nor before one that starts a sentence', () => {
    const bad: string[] = [];
    for (const [en, zh, where] of all) {
      const filled = filledLikeUse(en, zh);
      if (new RegExp(`[${FULL_WIDTH}] `).test(filled)) bad.push(`${where}: a space after full-width punctuation once filled: "${filled}"`);
    }
    assert.deepEqual(bad, []);
  });

  it('names the web protocols the English names (only web links (http, https) are opened)', () => {
    const bad: string[] = [];
    for (const [en, zh, where] of all) {
      for (const protocol of new Set(englishWords(en).match(/\bhttps?\b(?!:)/g) ?? [])) {
        if (!new RegExp(`\\b${protocol}\\b(?!:)`).test(zh)) bad.push(`${where}: "${zh}" lacks ${protocol}`);
      }
    }
    assert.deepEqual(bad, []);
  });

  it('leaves in English only the names the product defines', () => {
    const kept = new Set(['Notes', 'Navigator', 'Markdown', 'http', 'https', 'md', 'README', 'README.md', 'Chapters', 'frontmatter', 'YAML', 'alias', 'mapping',
      'wikilink', 'glob', 'updated', 'created', 'YYYY-MM-DD', 'Coverage', 'Files', 'Status', 'Capability', 'Area', 'Required', 'Topic',
      'notesNavigator.include', 'notesNavigator.diagnostics.enabled', 'include', 'exclude', 'files.exclude', 'UTF-8', 'UTF-16', 'NUL', 'MB',
      // the configuration file (.notes-navigator.json) and a value of the setting, as written in settings.json
      'notes-navigator.json', 'auto']);
    const bad: string[] = [];
    for (const [, zh, where] of all) {
      const words = zh.replace(/`[^`]*`/g, '').replace(/\((command|https):[^)]*\)/g, '').match(/[A-Za-z][\w.-]*/g) ?? [];
      const english = words.filter(w => !kept.has(w));
      if (english.length > 0) bad.push(`${where}: ${english.join(' ')} in "${zh}"`);
    }
    assert.deepEqual(bad, []);
  });

  it('a manifest string and a bundle string with the same English have the same translation', () => {
    const bundle = new Map(all.filter(([, , where]) => where === 'bundle').map(([en, zh]) => [en.toLowerCase(), zh]));
    const bad = all
      .filter(([en, zh, where]) => where !== 'bundle' && bundle.has(en.toLowerCase()) && bundle.get(en.toLowerCase()) !== zh)
      .map(([en, zh, where]) => `${where}: "${en}" → "${zh}", the bundle says "${bundle.get(en.toLowerCase())}"`);
    assert.deepEqual(bad, []);
  });

  it('the checks catch what they are for', () => {
    assert.ok(TAIWAN_USAGE.some(([re]) => re.test('開啟文件夾')));
    assert.ok(!TAIWAN_USAGE.some(([re]) => re.test('系列 README 中的章節或輔助文件')));
    assert.ok(TAIWAN_USAGE.some(([re]) => re.test('兩則筆記')) && TAIWAN_USAGE.some(([re]) => re.test('{0} 個筆記')));
    assert.ok(!TAIWAN_USAGE.some(([re]) => re.test('這個筆記資料夾')) && !TAIWAN_USAGE.some(([re]) => re.test('兩篇筆記')));
    assert.ok(TERMS.some(([term, want]) => term.test('Show Coverage') && !want.test('顯示覆蓋率')));
    assert.ok(new RegExp(`[${CJK}][A-Za-z0-9]`).test(prose('開啟README')));
    assert.ok(!/"/.test(prose('範例：`{ "a": 1 }`。')));
    assert.ok(/'[^'\s][^']*'/.test(prose("缺少 '---'")), 'single quotes around text');
    assert.ok(new RegExp(`[${CJK}][,.:;()!?]`).test(prose('筆記.')), 'an ASCII period after CJK');
    assert.equal(filledLikeUse('{0} Diagnostics are off.', '{0} 診斷已關閉。'), '已檢查 3 篇筆記：沒有問題。 診斷已關閉。');
    assert.equal(filledLikeUse('{0} of {1}', '{0} / {1}'), '值 / 值');
    const chapter = glossary().find(r => r.english === 'chapter');
    assert.ok(chapter && chapter.use.includes('章節') && termPattern('chapter').test('3 chapters') && !termPattern('chapter').test('chapterless'));
    assert.deepEqual(glossary().find(r => r.english === 'coverage')?.not, ['覆蓋']);
  });
});

describe('English command titles', () => {
  it('are in Title Case, as VS Code writes them', () => {
    const en = JSON.parse(readFileSync('package.nls.json', 'utf8')) as Record<string, string>;
    const small = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);
    const bad = Object.entries(en)
      .filter(([k]) => k.startsWith('command.'))
      .filter(([, title]) => title.split(/\s+/).some((w, i) => /^[a-z]/.test(w) && (i === 0 || !small.has(w.replace(/…$/, '')))));
    assert.deepEqual(bad, []);
  });
});
