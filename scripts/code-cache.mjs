// Writes dist/check.cache, the V8 code cache dist/cli.js compiles the checker with (see src/cli/launch.ts):
//   node scripts/code-cache.mjs        (run by scripts/build.mjs after each build but --watch)
// It checks the example notes once in this process, so that the cache holds the bytecode of every function a
// check runs (V8 compiles most functions only when first called), then saves it. Run it with the Node.js that
// will run the CLI: V8 refuses a cache another version made.
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const dist = path.resolve('dist');
const { loadCheck, cacheBytes, CACHE } = createRequire(import.meta.url)(path.join(dist, 'cli.js'));
const loaded = loadCheck(dist, false);
const examples = path.resolve('examples/notes');
if (existsSync(examples)) {
  const quiet = { out() {}, err() {}, isTTY: false, errIsTTY: false, env: {} };
  for (const format of ['json', 'text', 'sarif']) await loaded.exports.run(['check', examples, '--format', format], quiet);
  await loaded.exports.run(['coverage', examples], quiet);
}
writeFileSync(path.join(dist, CACHE), cacheBytes(loaded));
