import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// The folder rules of DESIGN.md section 2, as a lint rule: which src/<folder> may import which.
// Lower never imports higher; the core never imports app or cli; app and cli never import each
// other; src never imports test. Imports inside one folder are always allowed. A folder under src/
// that is not listed here is an error until it is given its place (here and in DESIGN.md).
//
// A small local rule, because nothing installed does this: ESLint's `no-restricted-imports` (and
// the typescript-eslint variant) match the specifier's text, not the file it names, so `../app`
// from src/model and `../../app` from src/model/sub need separate patterns, a pattern like
// `**/app/**` also hits unrelated paths, and neither checks dynamic `import()`. There is no
// eslint-plugin-import or eslint-plugin-boundaries in node_modules. This rule resolves each
// relative specifier against the importing file's folder and looks the two folders up below.
// Type-only imports count too: a type import still ties the layers together.
const CORE_USES = {
  util: [],
  scene: ['util'],
  waymo: ['scene', 'util'],
  labels: ['scene', 'util'],
  synth: ['scene', 'waymo', 'labels', 'util'],
  model: ['scene', 'labels', 'util'],
  // metrics scores challenge submissions: it reads their records and errors (waymo/submission*.ts)
  metrics: ['scene', 'waymo', 'labels', 'model', 'util'],
};
const CORE = Object.keys(CORE_USES);
const USES = { ...CORE_USES, app: CORE, cli: CORE };
const WHY = {
  util: 'util imports nothing of ours',
  app: `app uses the core (${CORE.join(', ')}), never cli`,
  cli: `cli uses the core (${CORE.join(', ')}), never app`,
};
const why = (folder) => WHY[folder] ?? `${folder} uses ${USES[folder].join(', ')}`;

const ROOT = dirname(fileURLToPath(import.meta.url));

// 'src/model/x.ts' -> ['src', 'model'], 'test/browser/h.ts' -> ['test', 'browser'], null outside
// the project. An import target 'src/labels' (the folder's index) is folder 'labels'; an importing
// file directly in src/ has folder ''.
function place(abs, isImporter) {
  const rel = relative(ROOT, abs);
  if (rel.startsWith('..') || isAbsolute(rel)) return null;
  const parts = rel.split(sep);
  if (parts.length > 2 || (parts.length === 2 && !isImporter)) return [parts[0], parts[1]];
  return [parts[0], ''];
}

const layering = {
  meta: {
    type: 'problem',
    docs: { description: 'DESIGN.md section 2: which src/<folder> may import which' },
    schema: [],
    messages: {
      layer: 'src/{{from}} may not import src/{{to}} (DESIGN.md section 2: {{why}})',
      test: 'src/{{from}} may not import {{to}} (DESIGN.md section 2: src never imports test)',
      unknown:
        'src/{{folder}} has no place in the import rules (DESIGN.md section 2); add it there and to the layering rule in eslint.config.js',
    },
  },
  create(context) {
    const here = place(context.filename, true);
    if (!here || here[0] !== 'src') return {};
    const from = here[1];
    const dir = dirname(context.filename);

    function check(source) {
      if (!source) return;
      let spec;
      if (source.type === 'Literal' && typeof source.value === 'string') spec = source.value;
      else if (source.type === 'TemplateLiteral' && source.expressions.length === 0)
        spec = source.quasis[0].value.cooked;
      else return; // computed specifier: cannot be resolved statically
      if (!spec.startsWith('.') && !spec.startsWith('/')) return; // a package, not ours
      const target = place(resolve(dir, spec.replace(/[?#].*$/, '')), false);
      if (!target) return;
      const [top, to] = target;
      if (top === 'test') {
        context.report({ node: source, messageId: 'test', data: { from, to: to ? `test/${to}` : 'test' } });
        return;
      }
      if (top !== 'src' || to === from) return;
      for (const folder of [from, to]) {
        if (!(folder in USES)) {
          context.report({ node: source, messageId: 'unknown', data: { folder } });
          return;
        }
      }
      if (!USES[from].includes(to))
        context.report({ node: source, messageId: 'layer', data: { from, to, why: why(from) } });
    }

    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      // `typeof import('../x')` and `import x = require('../x')`
      TSImportType: (node) => check(node.source),
      TSImportEqualsDeclaration: (node) =>
        check(
          node.moduleReference.type === 'TSExternalModuleReference' ? node.moduleReference.expression : null,
        ),
    };
  },
};

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'test-results',
      'src/waymo/proto/scenario.js',
      'src/waymo/proto/scenario.d.ts',
      'src/waymo/proto/example.js',
      'src/waymo/proto/example.d.ts',
      'data',
      'public',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/**'],
    plugins: { house: { rules: { layering } } },
    rules: { 'house/layering': 'error' },
  },
  {
    // the app wires the core together: a function (or component) that needs more than 80 lines is
    // doing two jobs; split it into hooks or components with one job each
    files: ['src/app/**'],
    rules: { 'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }] },
  },
);
