// Weights in the standard tfjs format: model.json (our topology config + a tf.io weights manifest)
// and one .bin shard, readable with tf.io.decodeWeights in Node and the browser alike.
import * as tf from '@tensorflow/tfjs';
import { FEATURES, NETWORK } from './config';
import { LABEL_NAMES } from '../labels';
import { LAYERS, type Params } from './network';

export const WEIGHTS_FILE = 'weights.bin';
export const FORMAT = 'modescope-cvae';

export interface ModelJson {
  format: typeof FORMAT;
  generatedBy: string;
  modelTopology: { network: typeof NETWORK; features: typeof FEATURES; labels: readonly string[] };
  weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
  /** Training record: data, config, seed, commit, metrics (the model card). */
  userDefinedMetadata: Record<string, unknown>;
}

export async function encodeModel(
  p: Params,
  metadata: Record<string, unknown>,
): Promise<{ json: ModelJson; data: ArrayBuffer }> {
  const { data, specs } = await tf.io.encodeWeights(p as unknown as tf.NamedTensorMap);
  return {
    json: {
      format: FORMAT,
      generatedBy: `ModeScope, TensorFlow.js ${tf.version.tfjs}`,
      modelTopology: { network: NETWORK, features: FEATURES, labels: LABEL_NAMES },
      weightsManifest: [{ paths: [WEIGHTS_FILE], weights: specs }],
      userDefinedMetadata: metadata,
    },
    data,
  };
}

/** Variables from a model.json and its weight shard; refuses weights made for other sizes. */
export function decodeModel(json: ModelJson, data: ArrayBuffer, source = 'model.json'): Params {
  if (json.format !== FORMAT) throw new Error(`${source}: format '${String(json.format)}' is not ${FORMAT}`);
  for (const [k, v] of Object.entries(NETWORK))
    if ((json.modelTopology.network as Record<string, unknown>)[k] !== v)
      throw new Error(
        `${source}: network.${k} is ${String((json.modelTopology.network as Record<string, unknown>)[k])}, this build expects ${v}`,
      );
  for (const [k, v] of Object.entries(FEATURES))
    if ((json.modelTopology.features as Record<string, unknown>)[k] !== v)
      throw new Error(`${source}: features.${k} differs from this build (${v})`);
  const specs = json.weightsManifest.flatMap((g) => g.weights);
  const named = tf.io.decodeWeights(data, specs);
  const p: Params = {};
  for (const [name, nIn, nOut] of LAYERS) {
    for (const [part, shape] of [
      ['kernel', [nIn, nOut]],
      ['bias', [nOut]],
    ] as const) {
      const key = `${name}/${part}`;
      const t = named[key];
      if (!t) throw new Error(`${source}: weight '${key}' missing`);
      if (t.shape.join() !== shape.join())
        throw new Error(`${source}: weight '${key}' has shape [${t.shape}], expected [${shape}]`);
      p[key] = tf.variable(t, false);
    }
  }
  tf.dispose(Object.values(named));
  return p;
}

/** Fetch model.json and its shard from a URL (browser, or file URLs where fetch supports them). */
export async function loadModel(
  url: string,
  fetcher: typeof fetch = fetch,
): Promise<{ params: Params; json: ModelJson }> {
  const res = await fetcher(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  const json = (await res.json()) as ModelJson;
  const bin = new URL(
    json.weightsManifest[0]!.paths[0]!,
    new URL(url, globalThis.location?.href ?? 'file:///'),
  ).href;
  const r2 = await fetcher(bin);
  if (!r2.ok) throw new Error(`${bin}: HTTP ${r2.status}`);
  return { params: decodeModel(json, await r2.arrayBuffer(), url), json };
}
