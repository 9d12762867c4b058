// Training and evaluation samples from scenes: the interacting pair at step 10 (the WOMD prediction
// time) and, for training, at extra steps drawn per scene, so the model predicts from any moment.
import { labelScene } from '../labels';
import { interactingPair, isValid, type Scene } from '../scene/scene';
import { Rng } from '../util/rng';
import { buildSample, MIN_STEP, type Sample } from './features';

/** Samples of one scene at step 10 plus `extra` steps drawn in [11, maxStep] (seeded by scene index). */
export function sceneSamples(scene: Scene, extra = 0, maxStep = 60, seed = 0, index = 0): Sample[] {
  const pair = interactingPair(scene);
  if (!pair) return [];
  const label = labelScene(scene)!.label;
  const [a, b] = pair;
  const steps = [MIN_STEP];
  const rng = new Rng(seed, index, 91);
  for (let k = 0; k < extra; k++)
    steps.push(rng.int(MIN_STEP + 1, Math.min(maxStep, scene.tracks.steps - 2)));
  const out: Sample[] = [];
  for (const t of steps) {
    if (t >= scene.tracks.steps || !isValid(scene.tracks, a, t) || !isValid(scene.tracks, b, t)) continue;
    out.push(buildSample(scene, a, b, t, label));
  }
  return out;
}
