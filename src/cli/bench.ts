// `npm run bench [-- NAME...]`: runs every benchmark in src/cli/bench/ (or the named ones). Each
// prints its figures and the ratio against a baseline measured in the same run, because these
// machines are shared and noisy and only same-run ratios mean anything.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'bench');
const wanted = process.argv.slice(2);
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -3))
  .filter((n) => wanted.length === 0 || wanted.includes(n))
  .sort();
for (const name of names) {
  console.log(`\n=== bench: ${name} ===`);
  const mod = (await import(pathToFileURL(join(dir, `${name}.ts`)).href)) as { default: () => Promise<void> };
  await mod.default();
}
