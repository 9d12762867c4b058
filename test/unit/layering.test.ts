// The folder rules of DESIGN.md section 2 as a lint rule (house/layering in eslint.config.js): lint
// small sources placed, by file path only, in a src/ folder and check what the rule says.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root, overrideConfigFile: join(root, 'eslint.config.js') });

async function layering(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'house/layering').map((m) => m.message);
}

describe('house/layering', () => {
  it('rejects a back-import, naming both folders and the rule', async () => {
    expect(
      await layering('src/model/x.ts', "import { Store } from '../app/store';\nexport { Store };\n"),
    ).toEqual(['src/model may not import src/app (DESIGN.md section 2: model uses scene, labels, util)']);
  });

  it('allows the imports the design allows', async () => {
    const code = [
      "import { labelScene } from '../labels';",
      "import type { Scene } from '../scene/scene';",
      "import { Rng } from '../util/rng';",
      "import { batch } from './batch';",
      "import * as tf from '@tensorflow/tfjs';",
      'export { labelScene, Rng, batch, tf };',
      'export type { Scene };',
    ].join('\n');
    expect(await layering('src/model/x.ts', code)).toEqual([]);
    expect(await layering('src/metrics/x.ts', "export { predictFrames } from '../model/predict';\n")).toEqual(
      [],
    );
    expect(await layering('src/synth/x.ts', "export * from '../waymo/scenario';\n")).toEqual([]);
    expect(await layering('src/app/x.ts', "export * from '../metrics';\n")).toEqual([]);
    expect(await layering('src/cli/bench/x.ts', "export * from '../../model/predict';\n")).toEqual([]);
    expect(await layering('test/unit/x.ts', "export * from '../../src/app/store';\n")).toEqual([]);
  });

  it('sees export-from, dynamic import, type-only imports and deeper files', async () => {
    const code = [
      "export { Store } from '../../app/store';",
      "export * from '../../synth/rng';",
      "export const load = () => import('../../metrics');",
      'export const load2 = () => import(`../../app/view`);',
      "import type { Cmd } from '../../cli/lib/timing';",
      "export type Naive = typeof import('../../app/layers/naive');",
      'export type { Cmd };',
    ].join('\n');
    expect(await layering('src/model/sub/x.ts', code)).toEqual([
      'src/model may not import src/app (DESIGN.md section 2: model uses scene, labels, util)',
      'src/model may not import src/synth (DESIGN.md section 2: model uses scene, labels, util)',
      'src/model may not import src/metrics (DESIGN.md section 2: model uses scene, labels, util)',
      'src/model may not import src/app (DESIGN.md section 2: model uses scene, labels, util)',
      'src/model may not import src/cli (DESIGN.md section 2: model uses scene, labels, util)',
      'src/model may not import src/app (DESIGN.md section 2: model uses scene, labels, util)',
    ]);
  });

  it('keeps util at the bottom, app and cli apart, and test out of src', async () => {
    expect(await layering('src/util/x.ts', "export * from '../scene/scene';\n")).toEqual([
      'src/util may not import src/scene (DESIGN.md section 2: util imports nothing of ours)',
    ]);
    expect(await layering('src/scene/x.ts', "export * from '../waymo';\n")).toEqual([
      'src/scene may not import src/waymo (DESIGN.md section 2: scene uses util)',
    ]);
    expect(await layering('src/app/x.ts', "export * from '../cli/lib/timing';\n")).toEqual([
      'src/app may not import src/cli (DESIGN.md section 2: app uses the core (util, scene, waymo, labels, synth, model, metrics), never cli)',
    ]);
    expect(await layering('src/cli/x.ts', "export * from '../app/url';\n")).toEqual([
      'src/cli may not import src/app (DESIGN.md section 2: cli uses the core (util, scene, waymo, labels, synth, model, metrics), never app)',
    ]);
    expect(await layering('src/cli/bench/x.ts', "export * from '../../../test/browser/harness';\n")).toEqual([
      'src/cli may not import test/browser (DESIGN.md section 2: src never imports test)',
    ]);
  });

  it('asks a new src/ folder to take its place in the rules', async () => {
    expect(await layering('src/model/x.ts', "export * from '../extra/y';\n")).toEqual([
      'src/extra has no place in the import rules (DESIGN.md section 2); add it there and to the layering rule in eslint.config.js',
    ]);
  });
});
