// A model's model.json + weights.bin, and a training checkpoint (the same two files plus Adam's
// optimizer.json + optimizer.bin), on disk (Node). The formats are model/weights.ts and
// model/train.ts; this only moves their bytes in and out of files.
import * as tf from '@tensorflow/tfjs';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FORECAST_TABLE } from '../../model/layers';
import { createParams, type Params } from '../../model/network';
import type { TrainCheckpoint } from '../../model/train';
import { decodeModel, WEIGHTS_FILE, type ModelJson } from '../../model/weights';
import { modelForecastFusion, modelGoalComponents, modelKnowledgeDim } from '../../model/weights-check';

/** A file's bytes as their own ArrayBuffer (a Buffer can be a view into a larger shared pool). */
function readBytes(path: string): ArrayBuffer {
  const b = readFileSync(path);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

const readJson = <T>(path: string) => JSON.parse(readFileSync(path, 'utf8')) as T;

/** Shipped weights are indented (readable, diffable cards); checkpoints are compact. */
export function writeModelFiles(
  dir: string,
  model: { json: ModelJson; data: ArrayBuffer },
  indent = true,
): void {
  mkdirSync(dir, { recursive: true });
  const text = indent ? `${JSON.stringify(model.json, null, 1)}\n` : JSON.stringify(model.json);
  writeFileSync(join(dir, 'model.json'), text);
  writeFileSync(join(dir, WEIGHTS_FILE), new Uint8Array(model.data));
}

export function writeCheckpoint(dir: string, c: TrainCheckpoint): void {
  writeModelFiles(dir, c.model, false);
  writeFileSync(join(dir, 'optimizer.json'), JSON.stringify(c.optimizer.specs));
  writeFileSync(join(dir, 'optimizer.bin'), new Uint8Array(c.optimizer.data));
}

/** The checkpoint in `dir`, or undefined when there is none yet. */
export function readCheckpoint(dir: string): TrainCheckpoint | undefined {
  if (!existsSync(join(dir, 'model.json'))) return undefined;
  return {
    model: { json: readJson<ModelJson>(join(dir, 'model.json')), data: readBytes(join(dir, WEIGHTS_FILE)) },
    optimizer: {
      specs: readJson<TrainCheckpoint['optimizer']['specs']>(join(dir, 'optimizer.json')),
      data: readBytes(join(dir, 'optimizer.bin')),
    },
    source: dir,
  };
}

/**
 * The params a run starts from: fresh from `seed`, or (fine-tuning, `npm run train -- --init DIR`)
 * the weights of the model folder `init` (model.json + weights.bin; a WeightsError names what does
 * not fit), copied into fresh trainable variables of its shape (a prior that reads d(x) included;
 * a forecast fusion's table stays a fixed, untrainable variable).
 */
export function startParams(seed: number, init?: string): Params {
  if (!init) return createParams(seed);
  const path = join(init, 'model.json');
  const json = readJson<ModelJson>(path);
  const from = decodeModel(json, readBytes(join(init, WEIGHTS_FILE)), path);
  // a prior that reads d(x) (model.json's modelTopology.prior) and a goal head of its own width
  // (modelTopology.network.goalComponents) start with their own shapes
  const params = createParams(seed, modelKnowledgeDim(json), modelGoalComponents(json));
  // a prior fused with the forecast (model/fusion.ts) keeps its table, fixed: it is counted, not learned
  if (modelForecastFusion(json)) {
    params[FORECAST_TABLE] = tf.variable(from[FORECAST_TABLE]!, false);
    delete from[FORECAST_TABLE];
  }
  for (const [name, v] of Object.entries(from)) {
    params[name]!.assign(v);
    v.dispose();
  }
  return params;
}
