import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';

/** The coverage page's stylesheet follows the VS Code theme (light, dark and both high-contrast kinds). */

const css = readFileSync('media/coverage.css', 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

/** [selectors, declarations] of every rule (at-rules' inner rules included). */
function rules(): [string[], string][] {
  const out: [string[], string][] = [];
  for (const m of css.matchAll(/([^{}@]+)\{([^{}]*)\}/g)) out.push([m[1]!.split(',').map(s => s.trim()), m[2]!]);
  return out;
}

describe('coverage page stylesheet', () => {
  it('has no colour of its own except as the fallback of a VS Code theme variable', () => {
    const offenders: string[] = [];
    for (const [selectors, body] of rules()) {
      for (const decl of body.split(';')) {
        const literal = /#[0-9a-f]{3,8}\b|\brgba?\(|\bhsla?\(/i.exec(decl);
        if (!literal) continue;
        const themed = decl.indexOf('var(--vscode-');
        if (themed === -1 || themed > literal.index) offenders.push(`${selectors.join(', ')} { ${decl.trim()} }`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('outlines the buttons with the theme\'s button border (high-contrast themes give buttons no background)', () => {
    for (const cls of ['primary', 'secondary', 'create']) {
      const bordered = rules().some(([selectors, body]) =>
        selectors.some(s => s === `button.${cls}` || s === `.${cls}`) && /border(-color)?:[^;]*var\(--vscode-button-border\b/.test(body));
      assert.ok(bordered, `button.${cls} takes --vscode-button-border`);
    }
  });

  it('writes the badges and problem marks in a foreground colour (the status colours are too light for small text in Light+)', () => {
    const marks = /\.badge\b|\.status-|\.state-|\.not-status\b|\.mismatch-mark\b|\.has-problems\b|\.problems-inline\b/;
    const colours: string[] = [];
    for (const [selectors, body] of rules()) {
      if (!selectors.some(s => marks.test(s))) continue;
      for (const decl of body.split(';')) {
        const m = /^\s*color\s*:\s*(.*)$/s.exec(decl);
        if (m) colours.push(`${selectors.join(', ')} { color: ${m[1]!.trim()} }`);
      }
    }
    assert.ok(colours.length >= 4, colours.join('\n'));
    const foreground = /^var\(--vscode-(foreground|descriptionForeground)\)$/;
    assert.deepEqual(colours.filter(c => !foreground.test(c.replace(/^.*\{ color: (.*) \}$/, '$1'))), []);
    // the badge's own text colour is set: it does not inherit a status colour from a rule that sets `color`
    assert.ok(rules().some(([selectors, body]) => selectors.includes('.badge') && /(^|;)\s*color:\s*var\(--vscode-foreground\)/.test(body)));
  });

  it('keeps each column header on one line (a narrow panel broke zh-TW\'s 宣告狀態 in two)', () => {
    assert.ok(rules().some(([selectors, body]) => selectors.includes('table.matrix thead th') && /white-space:\s*nowrap/.test(body)));
  });

  it('hides the toolbar when it carries the hidden attribute (its own display: flex would show it)', () => {
    assert.ok(rules().some(([selectors, body]) => selectors.includes('.toolbar[hidden]') && /display:\s*none/.test(body)));
  });
});
