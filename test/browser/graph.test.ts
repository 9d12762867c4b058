// The interaction graph on the map: the arrows drawn for a demo scene are the relations labels/
// computes for it in Node, and the layer toggle hides and shows them.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interactionGraph } from '../../src/labels';
import type { Scene } from '../../src/scene/scene';
import { memorySource, ScenarioFile } from '../../src/waymo';
import { RESULTS_DIR, startHarness, type Harness } from '../../src/cli/lib/browser';
import { waitForScene } from './viewer-fixtures';

let h: Harness;
let scene: Scene;
let relations: string[];
beforeAll(async () => {
  h = await startHarness();
  const file = await ScenarioFile.open(
    memorySource(readFileSync(join(import.meta.dirname, '../../public/demo/demo.tfrecord'))),
  );
  // the first demo scene whose graph has a yields_to edge and at least one other relation
  for await (const { scene: s } of file.scenes()) {
    const rel = interactionGraph(s!)
      .edges.map((e) => e.relation)
      .filter((r) => r !== 'none');
    if (rel.includes('yields_to') && rel.length >= 2) {
      scene = s!;
      relations = rel.sort();
      break;
    }
  }
}, 60_000);
afterAll(async () => {
  await h?.close();
});

const drawnRelations = `(() => {
    const m = window.__modescope;
    m.engine.drawNow('test');
    const l = m.engine.deck.props.layers.find((x) => x && x.id === 'graph-edges');
    return l ? l.props.data.map((a) => a.relation).sort() : null;
  })()`;

describe('interaction graph', () => {
  it('draws the relations of labels/ as arrows and toggles them', async () => {
    expect(scene, 'a demo scene with a yield').toBeDefined();
    const page = await h.newPage();
    await page.goto(`${h.url}?backend=wasm&scene=${scene.id}`);
    await waitForScene(page, scene.id);
    await page.evaluate(() => window.__modescope!.store.set({ time: 10, playing: false }));
    expect(await page.evaluate(drawnRelations)).toEqual(relations);
    writeFileSync(join(RESULTS_DIR, 'graph.png'), await page.screenshot());
    await page.getByTestId('layer-graph').uncheck();
    expect(await page.evaluate(drawnRelations)).toBeNull();
    await page.getByTestId('layer-graph').check();
    expect(await page.evaluate(drawnRelations)).toEqual(relations);
  }, 120_000);
});
