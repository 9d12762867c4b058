// Stacks per-sample typed arrays (features.ts) into the tensors the network takes.
import * as tf from '@tensorflow/tfjs';
import { FEATURES } from './config';
import { AGENT_DIM, AGENTS, FUTURE_DIM, POINT_DIM, type Features, type Targets } from './features';
import type { TargetBatch } from './losses';
import type { InputBatch } from './network';

const { polylines: P, points: Q, future: FUT } = FEATURES;

function stack(parts: Float32Array[], size: number): Float32Array {
  const out = new Float32Array(parts.length * size);
  parts.forEach((a, i) => out.set(a, i * size));
  return out;
}

/**
 * The batch's input tensors; d(x) becomes `knowledge` when every sample carries it (none: no
 * tensor; some but not all is an error, the batch would not line up).
 */
export function inputBatch(fs: Features[]): InputBatch {
  const b = fs.length;
  const withK = fs.filter((f) => f.knowledge).length;
  if (withK > 0 && withK < b)
    throw new Error(`inputBatch: ${withK} of ${b} samples carry domain knowledge d(x); all or none must`);
  const kd = withK ? fs[0]!.knowledge!.length : 0;
  if (fs.some((f) => f.knowledge && f.knowledge.length !== kd))
    throw new Error('inputBatch: the samples carry domain knowledge d(x) of different sizes');
  const knowledge = withK
    ? {
        knowledge: tf.tensor2d(
          stack(
            fs.map((f) => f.knowledge!),
            kd,
          ),
          [b, kd],
        ),
      }
    : {};
  return {
    ...knowledge,
    agents: tf.tensor3d(
      stack(
        fs.map((f) => f.agents),
        AGENTS * AGENT_DIM,
      ),
      [b, AGENTS, AGENT_DIM],
    ),
    agentMask: tf.tensor2d(
      stack(
        fs.map((f) => f.agentMask),
        AGENTS,
      ),
      [b, AGENTS],
    ),
    map: tf.tensor4d(
      stack(
        fs.map((f) => f.map),
        P * Q * POINT_DIM,
      ),
      [b, P, Q, POINT_DIM],
    ),
    pointMask: tf.tensor3d(
      stack(
        fs.map((f) => f.pointMask),
        P * Q,
      ),
      [b, P, Q],
    ),
    pieceMask: tf.tensor2d(
      stack(
        fs.map((f) => f.pieceMask),
        P,
      ),
      [b, P],
    ),
  };
}

export function targetBatch(ts: Targets[]): TargetBatch {
  const b = ts.length;
  return {
    future: tf.tensor2d(
      stack(
        ts.map((t) => t.future),
        FUTURE_DIM,
      ),
      [b, FUTURE_DIM],
    ),
    futureMask: tf.tensor2d(
      stack(
        ts.map((t) => t.futureMask),
        2 * FUT,
      ),
      [b, 2 * FUT],
    ),
    label: tf.tensor1d(
      ts.map((t) => t.label),
      'int32',
    ),
  };
}

export function disposeBatch(x: InputBatch | TargetBatch): void {
  tf.dispose(Object.values(x) as tf.Tensor[]);
}
