// Prediction with a trained CVAE: per mode its prior probability, its goal mixture and joint
// samples (goal, then both agents' trajectories); plus the posterior given a real future, and the
// constant-velocity baseline. Async reads only, so it runs on WebGPU (no sync reads there).
import * as tf from '@tensorflow/tfjs';
import { LABEL_NAMES } from '../labels';
import { STEP_S } from '../scene/scene';
import { Rng } from '../util/rng';
import { FEATURES, NETWORK } from './config';
import { AGENT_DIM, fromFrame, STEP_DIM, type Features, type PairFrame, type Targets } from './features';
import { inputBatch, targetBatch, disposeBatch } from './batch';
import {
  decodeTrajectories,
  kinematics,
  encode,
  goalComponentsOf,
  goalMixture,
  posteriorLogits,
  priorLogits,
  type Params,
} from './network';

const { modes: M } = NETWORK;
const { future: FUT, scaleM: SCALE } = FEATURES;

export interface PredictOptions {
  /**
   * Joint samples per mode: the first G (the model's goal components per mode) are their means by weight
   * (unless `meansFirst` is false), then seeded draws from the mixture; 0 gives probabilities and
   * goals only.
   */
  samplesPerMode: number;
  /**
   * Whether the first samples are the goal components' means (the deterministic best guesses; the
   * default, what eval scores). False: every sample is a seeded draw, so a new seed gives new
   * samples even when samplesPerMode <= goalComponents (the app's "resample").
   */
  meansFirst?: boolean;
  /** Decode only this mode (the others still get their probability). */
  mode?: number;
  seed?: number;
  /**
   * Per input, the stream of the seeded draws (util/rng.ts); default its index in the batch. Every
   * stream 0 makes each input draw what it would draw in a batch of its own (model/batch-run.ts).
   */
  streams?: readonly number[];
  /**
   * When given, it chooses every input's joint goals instead of the per-mode loop above (the
   * miss-aware joint set, model/joint-set.ts missAwareSet): input `i`'s modes (probabilities and goal
   * mixtures, no samples yet) in, the goals to decode out, each with its mode (index into the modes)
   * and component, pushed in the order given; a sample that already has a trajectory (an anchor) is
   * kept as it is, not decoded. `samplesPerMode` and `meansFirst` do not apply then.
   */
  selectGoals?: (i: number, modes: readonly FrameModePrediction[]) => { mode: number; sample: FrameSample }[];
}

/** One joint sample, pair frame, metres: [agent][step][x, y] flattened, and its goal (xA, yA, xB, yB). */
export interface FrameSample {
  trajectory: Float32Array;
  goal: [number, number, number, number];
  /** The goal component (index into the mode's `goals`, by weight) a CVAE sample was decoded from. */
  component?: number;
  /** 'kinematic': a kinematic anchor (model/joint-set.ts), not decoded by the network; absent: the CVAE's own. */
  source?: SampleSource;
  /** An anchor's hypothesis name ('A keeps · B brakes'); absent for the CVAE's samples. */
  name?: string;
}

/** Where a sample that is not the model's own comes from (model/joint-set.ts). */
export type SampleSource = 'kinematic';

export interface FrameModePrediction {
  mode: number;
  probability: number;
  /** Goal mixture, pair frame metres: weight, mean (xA, yA, xB, yB), std. */
  goals: { weight: number; mean: number[]; std: number[] }[];
  samples: FrameSample[];
}

/** Predictions for a batch of samples in the pair frame (what metrics work on). */
export async function predictFrames(
  p: Params,
  fs: Features[],
  o: PredictOptions,
): Promise<FrameModePrediction[][]> {
  const b = fs.length;
  const x = inputBatch(fs);
  const [ctx, kin] = tf.tidy(() => [encode(p, x), kinematics(x)]);
  const probT = tf.tidy(() => tf.softmax(priorLogits(p, ctx, x.knowledge)));
  disposeBatch(x);
  const [lw, mu, ls] = tf.tidy(() => {
    const gm = goalMixture(p, ctx);
    return [tf.exp(gm.logWeights), tf.mul(gm.mean, SCALE), gm.logStd];
  });
  const [prob, weight, mean, logStd] = await Promise.all([probT.data(), lw.data(), mu.data(), ls.data()]);
  tf.dispose([probT, lw, mu, ls]);

  const G = goalComponentsOf(p);
  const modes = o.mode === undefined ? [...Array(M).keys()] : [o.mode];
  const S = Math.max(0, o.samplesPerMode);
  const rows: number[] = [];
  const rowModes: number[] = [];
  const goals: number[] = [];
  const out: FrameModePrediction[][] = [];
  for (let i = 0; i < b; i++) {
    const rng = new Rng(o.seed ?? 0, o.streams?.[i] ?? i, 17);
    const list: FrameModePrediction[] = [];
    for (let z = 0; z < M; z++) {
      const base = (i * M + z) * G;
      const comps = [...Array(G).keys()]
        .map((g) => ({
          weight: weight[base + g]!,
          mean: [...mean.subarray((base + g) * 4, (base + g + 1) * 4)],
          std: [...logStd.subarray((base + g) * 4, (base + g + 1) * 4)].map((v) => Math.exp(v) * SCALE),
        }))
        .sort((u, v) => v.weight - u.weight);
      const pred: FrameModePrediction = { mode: z, probability: prob[i * M + z]!, goals: comps, samples: [] };
      list.push(pred);
      if (!modes.includes(z) || o.selectGoals) continue;
      for (let s = 0; s < S; s++) {
        let goal: number[];
        let component = s;
        if (s < G && o.meansFirst !== false) goal = comps[s]!.mean;
        else {
          let u = rng.next();
          let c = comps[comps.length - 1]!;
          for (const cand of comps)
            if ((u -= cand.weight) < 0) {
              c = cand;
              break;
            }
          component = comps.indexOf(c);
          goal = c.mean.map((m, d) => m + c.std[d]! * gaussian(rng));
        }
        pred.samples.push({ trajectory: new Float32Array(0), goal: goal as FrameSample['goal'], component });
        rows.push(i);
        rowModes.push(z);
        goals.push(...goal.map((g) => g / SCALE));
      }
    }
    if (o.selectGoals)
      for (const { mode, sample } of o.selectGoals(i, list)) {
        list[mode]!.samples.push(sample);
        if (sample.trajectory.length > 0) continue; // an anchor: its own trajectory
        rows.push(i);
        rowModes.push(list[mode]!.mode);
        goals.push(...sample.goal.map((g) => g / SCALE));
      }
    out.push(list);
  }
  if (rows.length === 0) {
    tf.dispose([ctx, kin]);
    return out;
  }
  const trajT = tf.tidy(() =>
    tf.mul(
      decodeTrajectories(
        p,
        tf.gather(ctx, tf.tensor1d(rows, 'int32')) as tf.Tensor2D,
        tf.gather(kin, tf.tensor1d(rows, 'int32')) as tf.Tensor2D,
        tf.tensor1d(rowModes, 'int32'),
        tf.tensor2d(goals, [rows.length, 4]),
      ),
      SCALE,
    ),
  );
  const traj = await trajT.data();
  tf.dispose([trajT, ctx, kin]);
  let r = 0;
  for (const list of out)
    for (const pred of list)
      for (const s of pred.samples) {
        if (s.trajectory.length > 0) continue; // an anchor chosen by selectGoals
        s.trajectory = Float32Array.from(traj.subarray(r * 4 * FUT, (r + 1) * 4 * FUT));
        r++;
      }
  return out;
}

function gaussian(rng: Rng): number {
  const u = Math.max(rng.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

/** Prior and posterior probabilities [B][M] given the real futures. */
export async function latentProbabilities(
  p: Params,
  fs: Features[],
  ts: Targets[],
): Promise<{ prior: Float32Array[]; posterior: Float32Array[] }> {
  const x = inputBatch(fs);
  const y = targetBatch(ts);
  const [pr, po] = tf.tidy(() => {
    const ctx = encode(p, x);
    return [
      tf.softmax(priorLogits(p, ctx, x.knowledge)),
      tf.softmax(posteriorLogits(p, ctx, y.future, y.futureMask)),
    ];
  });
  disposeBatch(x);
  disposeBatch(y);
  const [a, c] = await Promise.all([pr.data(), po.data()]);
  tf.dispose([pr, po]);
  const split = (v: Float32Array) => fs.map((_, i) => Float32Array.from(v.subarray(i * M, (i + 1) * M)));
  return { prior: split(a as Float32Array), posterior: split(c as Float32Array) };
}

/** Constant velocity from each agent's velocity at t, pair frame metres [agent][step][x, y]. */
export function constantVelocity(f: Features): Float32Array {
  const out = new Float32Array(4 * FUT);
  const cur = (FEATURES.history - 1) * STEP_DIM;
  for (let ag = 0; ag < 2; ag++) {
    const o = ag * AGENT_DIM + cur;
    const x = f.agents[o]! * SCALE;
    const y = f.agents[o + 1]! * SCALE;
    const vx = f.agents[o + 4]! * SCALE;
    const vy = f.agents[o + 5]! * SCALE;
    for (let k = 0; k < FUT; k++) {
      out[(ag * FUT + k) * 2] = x + vx * STEP_S * (k + 1);
      out[(ag * FUT + k) * 2 + 1] = y + vy * STEP_S * (k + 1);
    }
  }
  return out;
}

/** What the app gets: per mode, its label name and joint samples in scene coordinates. */
export interface ModePrediction {
  mode: number;
  label: string;
  probability: number;
  /** Goal mixture in scene coordinates: per component weight, A's and B's mean end point and std (metres). */
  goals: {
    weight: number;
    a: [number, number];
    b: [number, number];
    stdA: [number, number];
    stdB: [number, number];
  }[];
  /**
   * Per sample: A's and B's 80 future points (x, y interleaved, scene-relative) and the goal used;
   * a kinematic anchor (model/joint-set.ts) carries its source and name, and its number per mode varies.
   */
  samples: {
    a: Float32Array;
    b: Float32Array;
    goal: { a: [number, number]; b: [number, number] };
    source?: SampleSource;
    name?: string;
  }[];
}

/** Pair-frame predictions to scene coordinates. */
export function toScene(frame: PairFrame, modes: FrameModePrediction[]): ModePrediction[] {
  const pt = (u: number, v: number) => fromFrame(frame, u, v);
  return modes.map((m) => ({
    mode: m.mode,
    label: LABEL_NAMES[m.mode] ?? `mode ${m.mode}`,
    probability: m.probability,
    goals: m.goals.map((g) => ({
      weight: g.weight,
      a: pt(g.mean[0]!, g.mean[1]!),
      b: pt(g.mean[2]!, g.mean[3]!),
      stdA: [g.std[0]!, g.std[1]!],
      stdB: [g.std[2]!, g.std[3]!],
    })),
    samples: m.samples.map((s) => {
      const conv = (ag: number) => {
        const out = new Float32Array(2 * FUT);
        for (let k = 0; k < FUT; k++) {
          const [x, y] = pt(s.trajectory[(ag * FUT + k) * 2]!, s.trajectory[(ag * FUT + k) * 2 + 1]!);
          out[k * 2] = x;
          out[k * 2 + 1] = y;
        }
        return out;
      };
      const goal = { a: pt(s.goal[0], s.goal[1]), b: pt(s.goal[2], s.goal[3]) };
      return s.source
        ? { a: conv(0), b: conv(1), goal, source: s.source, name: s.name }
        : { a: conv(0), b: conv(1), goal };
    }),
  }));
}

/**
 * What z alone changes: every mode decoded with one shared goal (the most probable mode's most
 * likely goal); per sample the mean pairwise distance (m) between the modes' joint trajectories.
 */
export async function zSensitivity(p: Params, fs: Features[]): Promise<number[]> {
  const modes = await predictFrames(p, fs, { samplesPerMode: 0 });
  const rows: number[] = [];
  const zs: number[] = [];
  const goals: number[] = [];
  modes.forEach((list, i) => {
    const best = [...list].sort((a, b) => b.probability - a.probability)[0]!;
    for (let z = 0; z < M; z++) {
      rows.push(i);
      zs.push(z);
      goals.push(...best.goals[0]!.mean.map((g) => g / SCALE));
    }
  });
  const x = inputBatch(fs);
  const t = tf.tidy(() => {
    const ctx = encode(p, x);
    const idx = tf.tensor1d(rows, 'int32');
    return tf.mul(
      decodeTrajectories(
        p,
        tf.gather(ctx, idx) as tf.Tensor2D,
        tf.gather(kinematics(x), idx) as tf.Tensor2D,
        tf.tensor1d(zs, 'int32'),
        tf.tensor2d(goals, [rows.length, 4]),
      ),
      SCALE,
    );
  });
  disposeBatch(x);
  const traj = await t.data();
  t.dispose();
  const row = (r: number) => traj.subarray(r * 4 * FUT, (r + 1) * 4 * FUT);
  return fs.map((_, i) => {
    let d = 0;
    let n = 0;
    for (let a = 0; a < M; a++)
      for (let b = a + 1; b < M; b++) {
        let s = 0;
        const ra = row(i * M + a);
        const rb = row(i * M + b);
        for (let k = 0; k < ra.length; k += 2) s += Math.hypot(ra[k]! - rb[k]!, ra[k + 1]! - rb[k + 1]!);
        d += s / (ra.length / 2);
        n++;
      }
    return d / n;
  });
}
