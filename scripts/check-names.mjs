// Lint step: fails when two modules in one folder differ only by case or extension
// (FileRun.tsx beside fileRun.ts). An extensionless import such as './predictions/FileRun' then
// names both: on macOS and Windows (case-insensitive file systems) the resolver tries `.ts`
// before `.tsx` and can load the wrong one, while Linux CI loads the other. Declaration files
// (`x.d.ts` beside `x.js`) are one module and are not counted.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOTS = ['src', 'test', 'scripts'];
const MODULE = /\.(tsx?|jsx?|mjs|cjs|mts|cts)$/;

const twins = [];
function walk(dir) {
  const seen = new Map();
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) {
      if (e.name !== 'node_modules') walk(join(dir, e.name));
      continue;
    }
    if (!MODULE.test(e.name) || e.name.endsWith('.d.ts')) continue;
    const stem = e.name.replace(MODULE, '').toLowerCase();
    const other = seen.get(stem);
    if (other) twins.push(`${join(dir, other)} and ${join(dir, e.name)}`);
    else seen.set(stem, e.name);
  }
}
for (const r of ROOTS) walk(r);
if (twins.length) {
  console.error(
    `check-names: modules that differ only by case or extension (an import without extension can load either):\n  ${twins.join('\n  ')}`,
  );
  process.exit(1);
}
