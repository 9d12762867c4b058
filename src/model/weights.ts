// Weights in the standard tfjs format: model.json (our topology config + a tf.io weights manifest)
// and one .bin shard, readable with tf.io.decodeWeights in Node and the browser alike.
import * as tf from '@tensorflow/tfjs';
import { FEATURES, NETWORK } from './config';
import { LABEL_NAMES } from '../labels';
import { FORECAST_TABLE, networkWeights } from './layers';
import { KNOWLEDGE_DIM, KNOWLEDGE_VERSION } from './knowledge';
import { goalComponentsOf, priorKnowledgeDim, type Params } from './network';
import { expandPacked } from './quantize';
import {
  checkModelJson,
  modelKnowledgeDim,
  modelForecastFusion,
  modelGoalComponents,
  checkShards,
  entryBytes,
  FORMAT,
  formatBytes,
  manifestShards,
  WEIGHTS_FILE,
  WeightsError,
  type ModelJson,
} from './weights-check';

export { FORMAT, WEIGHTS_FILE, WeightsError, type ModelJson } from './weights-check';

export async function encodeModel(
  p: Params,
  metadata: Record<string, unknown>,
): Promise<{ json: ModelJson; data: ArrayBuffer }> {
  const { data, specs } = await tf.io.encodeWeights(p as unknown as tf.NamedTensorMap);
  const k = priorKnowledgeDim(p);
  if (k !== 0 && k !== KNOWLEDGE_DIM)
    throw new Error(
      `encodeModel: the prior reads ${k} knowledge values, this build computes ${KNOWLEDGE_DIM}`,
    );
  // a prior that reads d(x) says so (weights-check.ts PriorTopology); the plain network writes what it always did
  const fused = FORECAST_TABLE in p;
  if (fused && !k) throw new Error('encodeModel: a forecast fusion needs a prior that reads d(x)');
  const prior = k
    ? {
        prior: {
          inputs: 'context+knowledge' as const,
          knowledgeVersion: KNOWLEDGE_VERSION,
          knowledgeDim: k,
          ...(fused ? { forecastFusion: true as const } : {}),
        },
      }
    : {};
  return {
    json: {
      format: FORMAT,
      generatedBy: `ModeScope, TensorFlow.js ${tf.version.tfjs}`,
      modelTopology: {
        network: { ...NETWORK, goalComponents: goalComponentsOf(p) },
        features: FEATURES,
        labels: LABEL_NAMES,
        ...prior,
      },
      weightsManifest: [{ paths: [WEIGHTS_FILE], weights: specs }],
      userDefinedMetadata: metadata,
    },
    data,
  };
}

/**
 * Variables from a model.json and its weights (every shard of the manifest, concatenated in
 * order); refuses weights made for another network with a WeightsError naming `source` (the
 * model.json) or the weight file and what does not fit (weights-check.ts).
 */
export function decodeModel(json: ModelJson, data: ArrayBuffer, source = 'model.json'): Params {
  checkModelJson(json, source);
  const need = manifestShards(json).reduce((a, g) => a + g.bytes, 0);
  if (data.byteLength !== need)
    throw new WeightsError(
      json.weightsManifest.flatMap((g) => g.paths).join(' + '),
      `${formatBytes(data.byteLength)}, the manifest needs ${formatBytes(need)}`,
    );
  // packed entries (model/quantize.ts, below 8 bits) become float32 first; tfjs reads the rest itself
  const plain = expandPacked(
    json.weightsManifest.flatMap((g) => g.weights),
    data,
    (w) => entryBytes(w)!,
  );
  const named = tf.io.decodeWeights(plain.data, plain.entries);
  const p: Params = {};
  for (const { name } of networkWeights(
    modelKnowledgeDim(json),
    modelForecastFusion(json),
    modelGoalComponents(json),
  ))
    p[name] = tf.variable(named[name]!, false);
  tf.dispose(Object.values(named));
  return p;
}

/**
 * Variables from a model.json and its weight files by manifest path (`files`: path -> bytes, as a
 * picked folder or a fetch gives them): a missing file or a wrong byte length is a WeightsError
 * naming that file.
 */
export function decodeModelFiles(
  json: ModelJson,
  files: Map<string, ArrayBuffer>,
  source = 'model.json',
): Params {
  checkModelJson(json, source);
  checkShards(json, (path) => files.get(path)?.byteLength);
  const paths = json.weightsManifest.flatMap((g) => g.paths);
  const all = new Uint8Array(paths.reduce((a, path) => a + files.get(path)!.byteLength, 0));
  let at = 0;
  for (const path of paths) {
    all.set(new Uint8Array(files.get(path)!), at);
    at += files.get(path)!.byteLength;
  }
  return decodeModel(json, all.buffer, source);
}

/** Fetch model.json and every shard it names from a URL (browser, or file URLs where fetch supports them). */
export async function loadModel(
  url: string,
  fetcher: typeof fetch = fetch,
): Promise<{ params: Params; json: ModelJson }> {
  const res = await fetcher(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  const json = checkModelJson(
    await res.json().catch((e: unknown) => {
      throw new WeightsError(url, `not JSON (${e instanceof Error ? e.message : String(e)})`);
    }),
    url,
  );
  const base = new URL(url, globalThis.location?.href ?? 'file:///');
  const files = new Map<string, ArrayBuffer>();
  for (const path of json.weightsManifest.flatMap((g) => g.paths)) {
    const bin = new URL(path, base).href;
    const r2 = await fetcher(bin);
    if (!r2.ok) throw new WeightsError(path, `HTTP ${r2.status} from ${bin}`);
    files.set(path, await r2.arrayBuffer());
  }
  return { params: decodeModelFiles(json, files, url), json };
}
