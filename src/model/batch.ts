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

export function inputBatch(fs: Features[]): InputBatch {
  const b = fs.length;
  return {
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
