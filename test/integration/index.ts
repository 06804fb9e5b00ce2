// The mocha loader VS Code runs INSIDE the extension host (extensionTestsPath → out/test/integration/index.js).
// Loads every out/test/integration/**/*.test.js (BDD ui); the returned promise rejects when a test fails,
// which makes the host exit non-zero.
// env: NN_TEST_GREP     only the tests whose full title matches (a plain string or /regex/flags)
//      NN_TEST_TIMEOUT  per-test timeout in ms (default 20000)
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** Every *.test.js below `dir`, sorted for a stable order. */
export function findTestFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.test.js')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** `/body/flags` → RegExp; anything else is matched literally by mocha. */
function grepOf(value: string): string | RegExp {
  const m = /^\/(.+)\/([gimsuy]*)$/s.exec(value);
  return m ? new RegExp(m[1], m[2]) : value;
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: Number(process.env.NN_TEST_TIMEOUT ?? 20000),
    forbidOnly: Boolean(process.env.CI), // a stray it.only must not pass CI by skipping the rest
  });
  const grep = process.env.NN_TEST_GREP;
  if (grep) mocha.grep(grepOf(grep));
  const files = findTestFiles(__dirname);
  for (const f of files) mocha.addFile(f);
  console.log(`[integration] ${files.length} test file(s)${grep ? `, grep ${grep}` : ''}`);
  return new Promise((resolve, reject) => {
    try {
      mocha.run(failures => {
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
