// The predictor registry and predictPairs, the one function the app's worker (and the Node tools)
// predict with: a batch equals its requests one by one, each result is in scene coordinates with
// the label of what happened and the posterior where a future exists, constant velocity needs no
// weights, and an agent not tracked at the step is named.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { LABEL_NAMES, labelPair } from '../../src/labels';
import { FEATURES, NETWORK } from '../../src/model/config';
import { buildSample, FeatureError } from '../../src/model/features';
import { createParams, type Params } from '../../src/model/network';
import { constantVelocity, predictFrames, toScene } from '../../src/model/predict';
import { PHASES, predictPairs, type PairRequest, type PhaseTimes } from '../../src/model/predictors';
import { isPredictorId, modeName, SHIPPED_IDS, SHIPPED_PREDICTORS } from '../../src/model/registry';
import { interactingPair, type Scene } from '../../src/scene/scene';
import { generateScene } from '../../src/synth';
import { fixtureScene } from '../fixtures/scenes';

let params: Params;
let scenes: Scene[];
let reqs: PairRequest[];
beforeAll(async () => {
  await tf.setBackend('wasm');
  params = createParams(3);
  scenes = [0, 1, 2].map((i) => generateScene(77, i).scene);
  reqs = scenes.map((scene, i) => {
    const [a, b] = interactingPair(scene)!;
    return { scene, a, b, t: 10 + 10 * i };
  });
});

describe('the predictor registry', () => {
  it('names each predictor, its weights and whether its modes mean labels', () => {
    expect(SHIPPED_IDS).toEqual([
      'pseudo',
      'vanilla',
      'pseudo-q',
      'vanilla-q',
      'constant_velocity',
      'kinematic',
    ]);
    expect(SHIPPED_IDS.filter((id) => SHIPPED_PREDICTORS[id].modesMeanLabels)).toEqual([
      'pseudo',
      'pseudo-q',
    ]);
    expect(modeName('pseudo-q', 1)).toBe(LABEL_NAMES[1]);
    expect(modeName('vanilla-q', 1)).toBe('mode 2');
    expect(SHIPPED_PREDICTORS.constant_velocity.weights).toBeNull();
    expect(modeName('pseudo', 1)).toBe(LABEL_NAMES[1]);
    expect(modeName('vanilla', 1)).toBe('mode 2');
    expect(isPredictorId('vanilla')).toBe(true);
    expect(isPredictorId('toString')).toBe(false);
  });
});

describe('predictPairs', () => {
  it('times every phase when asked, adding to what the object holds, and predicts the same', async () => {
    const o = { samplesPerMode: 2, seed: 3 };
    const plain = await predictPairs('pseudo', params, reqs, o);
    const phases: PhaseTimes = {};
    const timed = await predictPairs('pseudo', params, reqs, { ...o, phases });
    expect(timed).toEqual(plain);
    expect(Object.keys(phases).sort()).toEqual([...PHASES].sort());
    for (const k of PHASES) expect(phases[k]).toBeGreaterThan(0);
    const first = { ...phases };
    await predictPairs('pseudo', params, reqs, { ...o, phases });
    for (const k of PHASES) expect(phases[k]).toBeGreaterThan(first[k]!);
  });

  it('a batch equals its requests one at a time, and matches the pair-frame path', async () => {
    const o = { samplesPerMode: 2, seed: 1 };
    const batch = await predictPairs('pseudo', params, reqs, o);
    expect(batch).toHaveLength(3);
    for (let k = 0; k < reqs.length; k++) {
      const r = reqs[k]!;
      const [one] = await predictPairs('pseudo', params, [r], o);
      const b = batch[k]!;
      expect(b.sceneId).toBe(r.scene.id);
      expect([b.a, b.b, b.t]).toEqual([r.a, r.b, r.t]);
      expect(b.label).toBe(labelPair(r.scene, r.a, r.b).label);
      expect(b.labelName).toBe(LABEL_NAMES[b.label]);
      expect(b.prior.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 5);
      expect(b.posterior!.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 5);
      for (let z = 0; z < NETWORK.modes; z++) {
        expect(b.prior[z]).toBeCloseTo(one!.prior[z]!, 5);
        const [sa, sb] = [b.modes[z]!.samples[0]!.a, one!.modes[z]!.samples[0]!.a];
        for (let i = 0; i < sa.length; i++) expect(sa[i]).toBeCloseTo(sb[i]!, 3);
      }
      // the same numbers as features -> predictFrames -> toScene by hand
      const s = buildSample(r.scene, r.a, r.b, r.t);
      const [frames] = await predictFrames(params, [s.features], o);
      const manual = toScene(s.frame, frames!);
      expect(b.modes[0]!.samples[1]!.b[40]).toBeCloseTo(manual[0]!.samples[1]!.b[40]!, 3);
    }
  });

  it('leaves the posterior out when asked, or when nothing follows the step', async () => {
    const [r] = reqs;
    const [noPost] = await predictPairs('pseudo', params, [r!], { samplesPerMode: 1, posterior: false });
    expect(noPost!.posterior).toBeNull();
    const last = r!.scene.tracks.steps - 1;
    const [end] = await predictPairs('pseudo', params, [{ ...r!, t: last }], { samplesPerMode: 1 });
    expect(end!.t).toBe(last);
    expect(end!.posterior).toBeNull();
  });

  it('runs constant velocity without weights', async () => {
    const [r] = reqs;
    const [cv] = await predictPairs('constant_velocity', null, [r!], { samplesPerMode: 2 });
    expect(cv!.prior).toEqual([1]);
    expect(cv!.modes).toHaveLength(1);
    const s = buildSample(r!.scene, r!.a, r!.b, r!.t);
    const traj = constantVelocity(s.features);
    const [x] = toScene(s.frame, [
      { mode: 0, probability: 1, goals: [], samples: [{ trajectory: traj, goal: [0, 0, 0, 0] }] },
    ]);
    expect(Array.from(cv!.modes[0]!.samples[0]!.a)).toEqual(Array.from(x!.samples[0]!.a));
    expect(cv!.modes[0]!.samples[0]!.a).toHaveLength(2 * FEATURES.future);
    await expect(predictPairs('pseudo', null, [r!], { samplesPerMode: 1 })).rejects.toThrow(
      /needs its weights/,
    );
  });

  it('names an agent that is not tracked at the step', async () => {
    const scene = fixtureScene(1); // track 5 (id 105) appears at step 20
    const p = predictPairs('pseudo', params, [{ scene, a: 1, b: 5, t: 12 }], { samplesPerMode: 1 });
    await expect(p).rejects.toThrow(FeatureError);
    await expect(p).rejects.toThrow('agent 105 is not tracked at step 12');
  });
});
