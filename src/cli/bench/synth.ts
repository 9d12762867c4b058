// Synthetic data speed: scenes generated per second on one core (layout, simulation, the
// plausibility check and retries, WOMD encoding), against a same-run baseline of encoding the
// same scenes only, and what 20,000 training scenes take at that rate.
import { generateSceneDetailed, LAYOUTS } from '../../synth';
import { checkScene } from '../../synth/checks';
import { encodeScene } from '../../waymo/scenario';
import { fmt } from '../lib/timing';

const N = 300;

export default async function bench(): Promise<void> {
  // Warm-up so the JIT has seen every layout.
  for (let i = 0; i < 30; i++) encodeScene(generateSceneDetailed(1, i).scene);
  const scenes = [];
  let attempts = 0;
  let bytes = 0;
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const d = generateSceneDetailed(7, i);
    attempts += d.attempts;
    bytes += encodeScene(d.scene).length;
    scenes.push(d.scene);
  }
  const genMs = performance.now() - t0;
  const t1 = performance.now();
  for (const s of scenes) encodeScene(s);
  const encMs = performance.now() - t1;
  const t2 = performance.now();
  for (const s of scenes) checkScene(s);
  const checkMs = performance.now() - t2;
  const rate = N / (genMs / 1000);
  console.log(
    `synth: ${N} scenes (${LAYOUTS.length} layouts) in ${fmt(genMs / 1000)} s = ${fmt(rate, 1)} scenes/s on one core ` +
      `(${fmt(genMs / N)} ms/scene incl. encode; ${fmt(attempts / N)} attempts/scene; ${fmt(bytes / N / 1e3, 0)} KB/scene)`,
  );
  console.log(
    `baseline: encode only ${fmt(encMs / N)} ms/scene; plausibility check ${fmt(checkMs / N)} ms/scene; ` +
      `generate+encode / encode-only time ratio ${fmt(genMs / encMs, 1)}`,
  );
  console.log(
    `20,000 scenes at this rate: ${fmt(20000 / rate / 60, 1)} min on one core (target: minutes, not hours)`,
  );
}
