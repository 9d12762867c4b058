// The goal-conditioned CVAE (DESIGN.md section 6) as plain tfjs ops over named variables, so that
// the same code trains in Node (wasm backend) and predicts in the browser (WebGPU and fallbacks):
// agent and map-piece encoders (shared MLP + max-pool), cross-attention from the pair to agents
// and map, prior p(z|x), posterior q(z|x,y), a goal mixture per mode and a trajectory decoder for
// both agents given x, z and the goals. Positions inside the network are in units of FEATURES.scaleM.
// The prior may also read the domain-knowledge features d(x) (model/knowledge.ts): p(z | x, d(x)),
// prior1's kernel then has KNOWLEDGE_DIM more rows (priorKnowledgeDim tells which a model is). Such a
// prior may be fused with the labeller's constant-velocity forecast (model/fusion.ts): its logits
// plus log P(r | z) from a fixed table, `prior/forecast`.
import * as tf from '@tensorflow/tfjs';
import { STEP_HZ, STEP_S } from '../scene/scene';
import { FEATURES, NETWORK } from './config';
import { ops } from './ops';
import { FUTURE_DIM, STEP_DIM } from './features';
import { FORECAST_TABLE, GOAL_PARAMS, layerTable } from './layers';

const { hidden: D, context: C, modes: M } = NETWORK;
const { future: FUT } = FEATURES;
const LOG_STD_MIN = -4;
const LOG_STD_MAX = 3;

export type Params = Record<string, tf.Variable>;

export { LAYERS } from './layers';

/**
 * Glorot-uniform weights and zero biases, seeded; `knowledgeDim` > 0: a prior that reads d(x);
 * `goalComponents` per mode (default config.ts NETWORK.goalComponents).
 * Variables stay unnamed (tfjs names are global).
 */
export function createParams(seed: number, knowledgeDim = 0, goalComponents?: number): Params {
  const p: Params = {};
  layerTable(knowledgeDim, goalComponents).forEach(([name, nIn, nOut], k) => {
    const lim = Math.sqrt(6 / (nIn + nOut));
    p[`${name}/kernel`] = tf.variable(tf.randomUniform([nIn, nOut], -lim, lim, 'float32', seed * 1000 + k));
    p[`${name}/bias`] = tf.variable(tf.zeros([nOut]));
  });
  return p;
}

function dense(p: Params, name: string, x: tf.Tensor): tf.Tensor {
  const w = p[`${name}/kernel`]!;
  const b = p[`${name}/bias`]!;
  if (x.rank === 2) return ops.linear(x, w, b);
  const shape = x.shape;
  const flat = tf.reshape(x, [-1, shape[shape.length - 1]!]);
  return tf.reshape(ops.linear(flat, w, b), [...shape.slice(0, -1), w.shape[1]!]);
}

const relu = (x: tf.Tensor) => tf.relu(x);

/** A batch of inputs as tensors (see features.ts for the layouts). */
export interface InputBatch {
  agents: tf.Tensor; // [B, AGENTS, AGENT_DIM]
  agentMask: tf.Tensor; // [B, AGENTS]
  map: tf.Tensor; // [B, P, Q, POINT_DIM]
  pointMask: tf.Tensor; // [B, P, Q]
  pieceMask: tf.Tensor; // [B, P]
  /** Domain knowledge d(x) (model/knowledge.ts), [B, KNOWLEDGE_DIM]; only where the features carry it. */
  knowledge?: tf.Tensor;
}

/** How many values of d(x) the prior of these params reads beside the context (0: none). */
export function priorKnowledgeDim(p: Params): number {
  return p['prior1/kernel']!.shape[0]! - C;
}

/**
 * Goal components per mode of these params: goal2's width over GOAL_PARAMS (a model card's
 * modelTopology.network.goalComponents says the same; weights-check.ts holds them to it).
 */
export function goalComponentsOf(p: Params): number {
  return p['goal2/bias']!.shape[0]! / GOAL_PARAMS;
}

/** Context x: [B, C]. */
export function encode(p: Params, x: InputBatch): tf.Tensor2D {
  const agentMask = x.agentMask;
  const agents = tf.mul(
    relu(dense(p, 'agent2', relu(dense(p, 'agent1', x.agents)))),
    tf.expandDims(agentMask, 2),
  );
  // map pieces: point MLP, masked max-pool (ReLU outputs are >= 0, so zeroed padding never wins)
  const points = tf.mul(
    relu(dense(p, 'point2', relu(dense(p, 'point1', x.map)))),
    tf.expandDims(x.pointMask, 3),
  );
  const pieces = tf.mul(relu(dense(p, 'piece', ops.maxPool2(points))), tf.expandDims(x.pieceMask, 2));
  const tokens = tf.concat([agents, pieces], 1); // [B, AGENTS+P, D]
  const tokenMask = tf.concat([agentMask, x.pieceMask], 1);
  // cross-attention: A and B attend to every agent and map piece
  const pair = tf.slice(agents, [0, 0, 0], [-1, 2, -1]);
  const q = dense(p, 'attQ', pair);
  const k = dense(p, 'attK', tokens);
  const v = dense(p, 'attV', tokens);
  const scores = tf.add(
    tf.div(tf.matMul(q, k, false, true), Math.sqrt(D)),
    tf.mul(tf.sub(tf.expandDims(tokenMask, 1), 1), 1e9),
  );
  const att = tf.matMul(tf.softmax(scores), v); // [B, 2, D]
  const pairOut = tf.add(pair, dense(p, 'attO', att));
  const flat = tf.reshape(pairOut, [-1, 2 * D]);
  return relu(dense(p, 'ctx2', relu(dense(p, 'ctx1', flat)))) as tf.Tensor2D;
}

/**
 * Prior logits p(z|x), or p(z | x, d(x)) for a model that reads the domain knowledge: [B, M]. Such a
 * model given no `knowledge` (or knowledge of another size) is an error naming what it needs.
 */
export function priorLogits(p: Params, ctx: tf.Tensor2D, knowledge?: tf.Tensor): tf.Tensor2D {
  const k = priorKnowledgeDim(p);
  let input: tf.Tensor = ctx;
  if (k > 0) {
    if (!knowledge || knowledge.shape[1] !== k)
      throw new Error(
        `this model's prior reads ${k} values of domain knowledge d(x) (model/knowledge.ts) per pair; the input has ${knowledge ? knowledge.shape[1] : 'none'}`,
      );
    input = tf.concat([ctx, knowledge], 1);
  }
  const logits = dense(p, 'prior2', relu(dense(p, 'prior1', input))) as tf.Tensor2D;
  const table = p[FORECAST_TABLE];
  if (!table) return logits;
  // the forecast fusion (model/fusion.ts): + log P(r | z) of the constant-velocity label r, which
  // d(x) holds one-hot in its first M values (knowledge.ts: hypothesis 0, SLOT.label)
  const r = tf.slice(knowledge!, [0, 0], [-1, M]);
  return tf.add(logits, tf.matMul(r, table, false, true)) as tf.Tensor2D;
}

/** Posterior logits q(z|x,y) from the future (metres, pair frame) and its mask: [B, M]. */
export function posteriorLogits(
  p: Params,
  ctx: tf.Tensor2D,
  future: tf.Tensor,
  futureMask: tf.Tensor,
): tf.Tensor2D {
  const mask2 = tf.reshape(tf.tile(tf.expandDims(futureMask, 2), [1, 1, 2]), [-1, FUTURE_DIM]);
  const y = tf.concat([tf.mul(tf.div(future, FEATURES.scaleM), mask2), futureMask], 1);
  const f = relu(dense(p, 'fut2', relu(dense(p, 'fut1', y))));
  return dense(p, 'post2', relu(dense(p, 'post1', tf.concat([ctx, f], 1)))) as tf.Tensor2D;
}

/** Rows of ctx repeated once per mode, each with its mode one-hot: [B*M, C+M] (row b*M + z). */
function perMode(ctx: tf.Tensor2D): tf.Tensor2D {
  const b = ctx.shape[0];
  const rep = tf.reshape(tf.tile(tf.expandDims(ctx, 1), [1, M, 1]), [b * M, C]);
  const onehot = tf.tile(tf.eye(M), [b, 1]);
  return tf.concat([rep, onehot], 1) as tf.Tensor2D;
}

export interface GoalMixture {
  /** [B, M, G] log weights. */
  logWeights: tf.Tensor;
  /** [B, M, G, 4] scaled units: xA, yA, xB, yB. */
  mean: tf.Tensor;
  /** [B, M, G, 4] */
  logStd: tf.Tensor;
}

export function goalMixture(p: Params, ctx: tf.Tensor2D): GoalMixture {
  const b = ctx.shape[0];
  const G = goalComponentsOf(p);
  const out = tf.reshape(dense(p, 'goal2', relu(dense(p, 'goal1', perMode(ctx)))), [b, M, G, GOAL_PARAMS]);
  const logits = tf.reshape(tf.slice(out, [0, 0, 0, 0], [-1, -1, -1, 1]), [b, M, G]);
  return {
    logWeights: tf.logSoftmax(logits),
    mean: tf.slice(out, [0, 0, 0, 1], [-1, -1, -1, 4]),
    logStd: tf.clipByValue(tf.slice(out, [0, 0, 0, 5], [-1, -1, -1, 4]), LOG_STD_MIN, LOG_STD_MAX),
  };
}

/** Current position and velocity of A and B, scaled (per second): [B, 8] = xA, yA, vxA, vyA, xB, yB, vxB, vyB. */
export function kinematics(x: InputBatch): tf.Tensor2D {
  const cur = (FEATURES.history - 1) * STEP_DIM;
  const pos = tf.slice(x.agents, [0, 0, cur], [-1, 2, 2]);
  const vel = tf.slice(x.agents, [0, 0, cur + 4], [-1, 2, 2]);
  return tf.reshape(tf.concat([pos, vel], 2), [-1, 8]) as tf.Tensor2D;
}

const HORIZON_S = FUT / STEP_HZ;
const stepTimes = () => tf.reshape(tf.linspace(STEP_S, HORIZON_S, FUT), [1, 1, FUT, 1]);

/**
 * The path the decoder corrects, per agent: constant acceleration from the current position and
 * velocity that reaches the goal at the horizon, p0 + v0 t + (g - p0 - v0 T) (t/T)^2. It starts
 * with the real velocity and ends on the goal, so the network only learns the timing around it.
 */
export function basePath(kin: tf.Tensor2D, goals: tf.Tensor2D): tf.Tensor2D {
  const k = tf.reshape(kin, [-1, 2, 1, 4]);
  const p0 = tf.slice(k, [0, 0, 0, 0], [-1, -1, -1, 2]);
  const v0 = tf.slice(k, [0, 0, 0, 2], [-1, -1, -1, 2]);
  const g = tf.reshape(goals, [-1, 2, 1, 2]);
  const t = stepTimes();
  const s = tf.square(tf.div(t, HORIZON_S));
  const miss = tf.sub(g, tf.add(p0, tf.mul(v0, HORIZON_S)));
  const base = tf.add(tf.add(p0, tf.mul(v0, t)), tf.mul(miss, s));
  return tf.reshape(base, [-1, FUTURE_DIM]) as tf.Tensor2D;
}

/**
 * Trajectories of both agents, [N, FUTURE_DIM] in scaled units, for context rows `ctxRows` [N, C],
 * kinematics rows [N, 8], modes [N] and goals [N, 4] (scaled): the base path plus a learned correction.
 */
export function decodeTrajectories(
  p: Params,
  ctxRows: tf.Tensor2D,
  kinRows: tf.Tensor2D,
  modes: tf.Tensor1D,
  goals: tf.Tensor2D,
): tf.Tensor2D {
  const z = tf.oneHot(modes, M).toFloat();
  const h = relu(dense(p, 'traj2', relu(dense(p, 'traj1', tf.concat([ctxRows, z, goals], 1)))));
  return tf.add(basePath(kinRows, goals), dense(p, 'traj3', h)) as tf.Tensor2D;
}

/** Same as decodeTrajectories for every mode of every row: [B*M, FUTURE_DIM], goals [B*M, 4]. */
export function decodeAllModes(
  p: Params,
  ctx: tf.Tensor2D,
  kin: tf.Tensor2D,
  goals: tf.Tensor2D,
): tf.Tensor2D {
  const h = relu(dense(p, 'traj2', relu(dense(p, 'traj1', tf.concat([perMode(ctx), goals], 1)))));
  const kinRows = tf.reshape(tf.tile(tf.expandDims(kin, 1), [1, M, 1]), [-1, 8]) as tf.Tensor2D;
  return tf.add(basePath(kinRows, goals), dense(p, 'traj3', h)) as tf.Tensor2D;
}
