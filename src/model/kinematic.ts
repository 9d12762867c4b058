// The kinematic baseline (issue 14): constant turn rate and acceleration (CTRA) hypotheses for each
// agent of the pair, combined into exactly 6 joint predictions, so the CVAEs are compared with
// more than one straight line. Pure arithmetic on the pair-frame features (features.ts), no tfjs.
//
// Per agent, from its history (the last second: the 11 steps the features keep):
//   - speed and direction from the velocity at t (as constant velocity), the box heading where the
//     agent is too slow for its velocity to have a direction;
//   - acceleration â and yaw rate ω̂ as Theil–Sen slopes (the median of the pairwise slopes: robust
//     to a tracking jump) of speed and of box heading over the valid states of that second.
// Per agent, 9 hypotheses: acceleration in {0, −BRAKE, +ACCELERATE} × yaw rate in {ω̂, ω̂ + δ, ω̂ − δ}
// (δ: TURN_SPREAD, at most LATERAL_ACCEL / speed), rolled out for 8 s with the speed clamped ≥ 0
// and the heading change at most MAX_TURN. Each hypothesis has a prior weight, a Gaussian on the
// acceleration's distance from â (ACCEL_SIGMA) times a Gaussian on the yaw rate's deviation from ω̂
// (the ±δ hypotheses TURN_SIGMAS standard deviations out), normalised over the 9.
// An agent's hypotheses whose paths coincide (a stopped agent brakes or turns in place: it stands)
// are merged into the most probable of them, their weights added. The rule for the joint
// predictions: the 6 most probable of the combinations of A's and B's distinct hypotheses, the
// agents independent (joint weight = product); ties go to the lower (A, B) hypothesis index,
// nominal first. Each joint prediction's probability is its weight over the 6's sum.
import { STEP_S } from '../scene/scene';
import { FEATURES } from './config';
import { AGENT_DIM, STEP_DIM, type Features } from './features';

const { history: H, future: FUT, scaleM: SCALE } = FEATURES;

/**
 * Comfortable braking, m/s²: drivers' ordinary decelerations are about 2–3 m/s² (the
 * driving-behaviour literature; AASHTO's 3.4 m/s² is a design ceiling), the middle of that range.
 */
export const BRAKE_MPS2 = 2.5;
/** Comfortable acceleration, m/s²: passenger cars pull away at about 1–2 m/s² in ordinary driving. */
export const ACCELERATE_MPS2 = 1.5;
/**
 * Spread of the acceleration prior around the estimate, m/s²: the 1-s estimate on WOMD states is
 * noisy and drivers change their acceleration within seconds, so the prior is wide; at â = 0 it
 * gives braking 0.46 and accelerating 0.75 of keeping the speed.
 */
export const ACCEL_SIGMA_MPS2 = 2.0;
/** At most this yaw-rate spread δ, rad/s: a 90° intersection turn takes about 5 s (π/2 / 5 ≈ 0.3). */
export const TURN_SPREAD_RADPS = 0.3;
/**
 * And at most this lateral acceleration, m/s²: δ ≤ LATERAL_ACCEL / speed, so a fast agent's extra
 * turn stays one a driver takes comfortably (about 2 m/s² in ordinary curves).
 */
export const LATERAL_ACCEL_MPS2 = 2.0;
/**
 * The ±δ hypotheses lie this many prior standard deviations from ω̂ (weight e^(−1.125) = 0.32): a turn
 * the history does not show is less likely than a change of speed (in an interactive pair the usual
 * unknown is who yields), and this keeps them apart from braking's weight (0.46 at â = 0), no ties.
 */
export const TURN_SIGMAS = 1.5;
/** Heading change over the rollout at most this (rad): an intersection turn ends at about 90°. */
export const MAX_TURN_RAD = Math.PI / 2;
/** Below this speed (m/s) the velocity's direction is noise: the box heading gives the direction, and ω̂ is 0. */
export const MIN_MOVING_SPEED_MPS = 1.0;
/** Fewer valid states than this in the last second: no slope is fitted (â = 0, ω̂ = 0). */
export const MIN_FIT_STATES = 3;
/** |â| at most this (m/s²): larger slopes over one second of WOMD states are tracking jumps, not driving. */
export const MAX_ESTIMATED_ACCEL_MPS2 = 5.0;
/** |ω̂| at most this (rad/s): about a tight intersection turn (radius ~6 m at 4 m/s). */
export const MAX_ESTIMATED_YAW_RATE_RADPS = 0.7;
/** Joint predictions per pair: WOMD's 6 (metrics/map.ts MAX_PREDICTIONS). */
export const JOINT_PREDICTIONS = 6;

/** What an agent's history gives: its state at t and the rates fitted over the last second. */
export interface AgentKinematics {
  /** Position at t, pair frame metres. */
  x: number;
  y: number;
  /** Speed at t, m/s. */
  speed: number;
  /** Direction of travel at t in the pair frame (velocity, or box heading when slow), rad. */
  heading: number;
  /** Fitted acceleration â (m/s²) and yaw rate ω̂ (rad/s), clamped. */
  accel: number;
  yawRate: number;
  /** Valid states in the last second (the current one included). */
  validStates: number;
  /** Fallbacks taken, by name: 'box heading' (too slow), 'no accel fit', 'no yaw fit'. */
  fallbacks: string[];
}

export type Longitudinal = 'keeps' | 'brakes' | 'accelerates';
export type Lateral = 'keeps' | 'left' | 'right';

/** One agent's hypothesis: its acceleration and yaw rate, and its prior probability among the 9. */
export interface AgentHypothesis {
  index: number;
  longitudinal: Longitudinal;
  lateral: Lateral;
  accel: number;
  yawRate: number;
  probability: number;
}

/** One joint prediction: both agents' hypotheses and futures. */
export interface JointHypothesis {
  a: AgentHypothesis;
  b: AgentHypothesis;
  /** The product of the two agents' prior probabilities (over all 81 combinations). */
  confidence: number;
  /** The confidence over the sum of the 6 chosen: what eval ranks by and the app shows. */
  probability: number;
  /** 'A brakes · B keeps', 'A keeps, bears left · B accelerates', ... */
  name: string;
  /** Pair frame metres, [agent][step][x, y] flattened (as constantVelocity). */
  trajectory: Float32Array;
}

/** Theil–Sen slope of (t, v): the median of the pairwise slopes. */
function theilSen(ts: number[], vs: number[]): number {
  const slopes: number[] = [];
  for (let i = 0; i < ts.length; i++)
    for (let j = i + 1; j < ts.length; j++) slopes.push((vs[j]! - vs[i]!) / (ts[j]! - ts[i]!));
  slopes.sort((p, q) => p - q);
  const m = slopes.length >> 1;
  return slopes.length % 2 ? slopes[m]! : (slopes[m - 1]! + slopes[m]!) / 2;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Agent `ag` (0: A, 1: B) of the pair: its state at t and its fitted rates. */
export function agentKinematics(f: Features, ag: 0 | 1): AgentKinematics {
  const at = (h: number) => ag * AGENT_DIM + h * STEP_DIM;
  const cur = at(H - 1);
  const fallbacks: string[] = [];
  const x = f.agents[cur]! * SCALE;
  const y = f.agents[cur + 1]! * SCALE;
  const vx = f.agents[cur + 4]! * SCALE;
  const vy = f.agents[cur + 5]! * SCALE;
  const speed = Math.hypot(vx, vy);
  const [c0, s0] = [f.agents[cur + 2]!, f.agents[cur + 3]!];
  const moving = speed >= MIN_MOVING_SPEED_MPS;
  if (!moving) fallbacks.push('box heading');
  const heading = moving ? Math.atan2(vy, vx) : Math.atan2(s0, c0);
  const ts: number[] = [];
  const speeds: number[] = [];
  const headings: number[] = [];
  for (let h = 0; h < H; h++) {
    const o = at(h);
    if (f.agents[o + 6]! <= 0) continue;
    ts.push((h - (H - 1)) * STEP_S);
    speeds.push(Math.hypot(f.agents[o + 4]!, f.agents[o + 5]!) * SCALE);
    const [c, s] = [f.agents[o + 2]!, f.agents[o + 3]!];
    // heading relative to the current one: no unwrapping needed within a second
    headings.push(Math.atan2(s * c0 - c * s0, c * c0 + s * s0));
  }
  const fit = ts.length >= MIN_FIT_STATES;
  if (!fit) fallbacks.push('no accel fit', 'no yaw fit');
  else if (!moving) fallbacks.push('no yaw fit');
  const accel = fit ? clamp(theilSen(ts, speeds), -MAX_ESTIMATED_ACCEL_MPS2, MAX_ESTIMATED_ACCEL_MPS2) : 0;
  const yawRate =
    fit && moving
      ? clamp(theilSen(ts, headings), -MAX_ESTIMATED_YAW_RATE_RADPS, MAX_ESTIMATED_YAW_RATE_RADPS)
      : 0;
  return { x, y, speed, heading, accel, yawRate, validStates: ts.length, fallbacks };
}

/** The yaw-rate spread δ at `speed` (m/s): TURN_SPREAD, at most LATERAL_ACCEL / speed. */
export function turnSpread(speed: number): number {
  return Math.min(TURN_SPREAD_RADPS, LATERAL_ACCEL_MPS2 / Math.max(speed, 1e-6));
}

/**
 * The 9 hypotheses of an agent, nominal first: acceleration {0, −BRAKE, +ACCELERATE} (outer) × yaw
 * rate {ω̂, ω̂ + δ, ω̂ − δ} (inner), each with its prior probability (they sum to 1).
 */
export function agentHypotheses(k: AgentKinematics): AgentHypothesis[] {
  const delta = turnSpread(k.speed);
  const longs: [Longitudinal, number][] = [
    ['keeps', 0],
    ['brakes', -BRAKE_MPS2],
    ['accelerates', ACCELERATE_MPS2],
  ];
  const lats: [Lateral, number][] = [
    ['keeps', 0],
    ['left', delta],
    ['right', -delta],
  ];
  const out: AgentHypothesis[] = [];
  for (const [longitudinal, accel] of longs)
    for (const [lateral, dw] of lats) {
      const za = (accel - k.accel) / ACCEL_SIGMA_MPS2;
      const zw = dw === 0 ? 0 : TURN_SIGMAS;
      out.push({
        index: out.length,
        longitudinal,
        lateral,
        accel,
        yawRate: k.yawRate + dw,
        probability: Math.exp(-0.5 * (za * za + zw * zw)),
      });
    }
  const sum = out.reduce((s, h) => s + h.probability, 0);
  for (const h of out) h.probability /= sum;
  return out;
}

/**
 * An agent's future under constant acceleration `accel` and yaw rate `yawRate` from its state at t:
 * FUT points (x, y interleaved, pair frame metres), one per step. The speed stops at 0 (an agent
 * that brakes stands, it does not reverse) and the heading turns at most MAX_TURN; each step's
 * distance is exact, its direction the heading at the step's middle.
 */
export function rollout(k: AgentKinematics, accel: number, yawRate: number): Float32Array {
  const out = new Float32Array(2 * FUT);
  // distance travelled after tau seconds with the speed clamped at 0
  const stop = accel < 0 ? k.speed / -accel : Infinity;
  const dist = (tau: number) => {
    const s = Math.min(tau, stop);
    return k.speed * s + 0.5 * accel * s * s;
  };
  const heading = (tau: number) => k.heading + clamp(yawRate * tau, -MAX_TURN_RAD, MAX_TURN_RAD);
  // the nominal hypothesis of a moving agent with no turn or acceleration is constant velocity:
  // its direction from the velocity itself, so it matches constantVelocity to rounding
  const straight = yawRate === 0;
  const [ux, uy] = [Math.cos(k.heading), Math.sin(k.heading)];
  let x = k.x;
  let y = k.y;
  for (let i = 0; i < FUT; i++) {
    const t0 = i * STEP_S;
    const t1 = (i + 1) * STEP_S;
    const d = dist(t1) - dist(t0);
    const h = straight ? 0 : heading((t0 + t1) / 2);
    x += d * (straight ? ux : Math.cos(h));
    y += d * (straight ? uy : Math.sin(h));
    out[i * 2] = x;
    out[i * 2 + 1] = y;
  }
  return out;
}

const LAT_WORD: Record<Lateral, string> = { keeps: '', left: ', bears left', right: ', bears right' };

/** 'A brakes · B keeps, bears left': how a joint prediction is named in the app. */
export function jointName(a: AgentHypothesis, b: AgentHypothesis): string {
  const one = (who: string, h: AgentHypothesis) => `${who} ${h.longitudinal}${LAT_WORD[h.lateral]}`;
  return `${one('A', a)} · ${one('B', b)}`;
}

/** Two paths (FUT points each) closer than this everywhere (m) are one: a stopped agent's brake is its keep. */
export const DUPLICATE_M = 0.1;

function samePath(p: Float32Array, q: Float32Array): boolean {
  for (let i = 0; i < p.length; i += 2)
    if (Math.hypot(p[i]! - q[i]!, p[i + 1]! - q[i + 1]!) >= DUPLICATE_M) return false;
  return true;
}

/**
 * An agent's distinct hypotheses with their paths: one whose path equals a more probable one's
 * (within DUPLICATE_M; e.g. a stopped agent's braking and turning in place) is merged into it, its
 * probability added, so no two joint predictions are the same future.
 */
function distinctHypotheses(k: AgentKinematics): { h: AgentHypothesis; path: Float32Array }[] {
  const kept: { h: AgentHypothesis; path: Float32Array }[] = [];
  const byProbability = [...agentHypotheses(k)].sort((p, q) => q.probability - p.probability);
  for (const h of byProbability) {
    const path = rollout(k, h.accel, h.yawRate);
    const same = kept.find((x) => samePath(x.path, path));
    if (same) same.h.probability += h.probability;
    else kept.push({ h: { ...h }, path });
  }
  return kept;
}

/**
 * The 6 joint predictions of the pair whose features are `f`, most probable first (the rule in the
 * header): the 6 most probable combinations of A's and B's distinct hypotheses, agents independent.
 * There are always at least 4 distinct hypotheses per agent (accelerating moves it, and its three
 * yaw rates part), so always 6.
 */
export function kinematicPredictions(f: Features): JointHypothesis[] {
  const ha = distinctHypotheses(agentKinematics(f, 0));
  const hb = distinctHypotheses(agentKinematics(f, 1));
  const combos: { a: (typeof ha)[number]; b: (typeof hb)[number]; confidence: number }[] = [];
  for (const a of ha)
    for (const b of hb) combos.push({ a, b, confidence: a.h.probability * b.h.probability });
  // stable sort: equal confidences keep the (A, B) order, nominal first
  combos.sort(
    (p, q) => q.confidence - p.confidence || p.a.h.index - q.a.h.index || p.b.h.index - q.b.h.index,
  );
  const chosen = combos.slice(0, JOINT_PREDICTIONS);
  const total = chosen.reduce((s, c) => s + c.confidence, 0);
  return chosen.map(({ a, b, confidence }) => {
    const trajectory = new Float32Array(4 * FUT);
    trajectory.set(a.path, 0);
    trajectory.set(b.path, 2 * FUT);
    return {
      a: a.h,
      b: b.h,
      confidence,
      probability: confidence / total,
      name: jointName(a.h, b.h),
      trajectory,
    };
  });
}
