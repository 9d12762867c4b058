// The network's layer table without tfjs: which dense layers the CVAE has and their sizes. The
// network (network.ts) creates its variables from it, and the weights check (weights-check.ts), which
// the page's main bundle runs on a model folder the user opens, compares a manifest against it.
import { FEATURES, NETWORK } from './config';
import { AGENT_DIM, FUTURE_DIM, POINT_DIM } from './features';

const { hidden: D, context: C, decoderHidden: DH, modes: M, goalComponents: G } = NETWORK;
/**
 * Goal components per mode a model may have (modelTopology.network.goalComponents; config.ts
 * NETWORK.goalComponents is what a full training run builds). 16 bounds the goal head at 16 · 9 · 3
 * outputs: far past the 6 joint predictions WOMD scores, and a limit a corrupt model.json cannot pass.
 */
export const MAX_GOAL_COMPONENTS = 16;
const { future: FUT } = FEATURES;
/** Per goal component: weight logit, mean (xA, yA, xB, yB), log std (same four). */
export const GOAL_PARAMS = 1 + 4 + 4;

/** Layer shapes [in, out] in creation order: the order fixes the seeded initial values. */
export const LAYERS: [string, number, number][] = [
  ['agent1', AGENT_DIM, D],
  ['agent2', D, D],
  ['point1', POINT_DIM, D],
  ['point2', D, D],
  ['piece', D, D],
  ['attQ', D, D],
  ['attK', D, D],
  ['attV', D, D],
  ['attO', D, D],
  ['ctx1', 2 * D, C],
  ['ctx2', C, C],
  ['prior1', C, D],
  ['prior2', D, M],
  ['fut1', FUTURE_DIM + 2 * FUT, C],
  ['fut2', C, D],
  ['post1', C + D, D],
  ['post2', D, M],
  ['goal1', C + M, C],
  ['goal2', C, G * GOAL_PARAMS],
  ['traj1', C + M + 4, DH],
  ['traj2', DH, DH],
  ['traj3', DH, FUTURE_DIM],
];

/**
 * The layer table of a network whose prior reads `knowledgeDim` values of d(x) beside the context
 * and whose goal mixture has `goalComponents` components per mode.
 */
export function layerTable(knowledgeDim = 0, goalComponents: number = G): [string, number, number][] {
  return LAYERS.map(([name, nIn, nOut]) => [
    name,
    name === 'prior1' ? nIn + knowledgeDim : nIn,
    name === 'goal2' ? goalComponents * GOAL_PARAMS : nOut,
  ]);
}

/**
 * The forecast fusion's table (network.ts priorLogits, model/fusion.ts): log P(r | z), rows the mode
 * z, columns the forecast label r. Fixed, never trained; only in a model whose topology fuses.
 */
export const FORECAST_TABLE = 'prior/forecast';

/**
 * Every variable the network needs, by name (`layer/kernel`, `layer/bias`), with its shape; with
 * `forecastFusion`, the fusion's table too; goal2 sized for `goalComponents` per mode.
 */
export function networkWeights(
  knowledgeDim = 0,
  forecastFusion = false,
  goalComponents: number = G,
): { name: string; shape: number[] }[] {
  return [
    ...layerTable(knowledgeDim, goalComponents).flatMap(([name, nIn, nOut]) => [
      { name: `${name}/kernel`, shape: [nIn, nOut] },
      { name: `${name}/bias`, shape: [nOut] },
    ]),
    ...(forecastFusion ? [{ name: FORECAST_TABLE, shape: [M, M] }] : []),
  ];
}
