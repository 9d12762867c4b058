// Whether a model.json and its weight files fit this build's network, without tfjs: the page's
// main bundle checks a model folder the user opens before handing it to the model worker, and
// weights.ts decodeModel runs the same checks before it decodes. Every problem is a WeightsError
// naming the file and what is wrong with it, in the network's terms.
// A model whose prior reads the domain knowledge d(x) says so in modelTopology.prior (PriorTopology:
// the knowledge version and size it was trained with); a model.json without it is the plain network,
// so every model written before d(x) existed loads and predicts as before.
import type * as tf from '@tensorflow/tfjs';
import { FEATURES, NETWORK } from './config';
import { KNOWLEDGE_DIM, KNOWLEDGE_VERSION } from './knowledge';
import { MAX_GOAL_COMPONENTS, networkWeights } from './layers';
import { packedBytes, packedProblem, type PackedSpec } from './quantize';

export const WEIGHTS_FILE = 'weights.bin';
export const FORMAT = 'modescope-cvae';

/** What the prior reads besides the context: absent in modelTopology for the context alone. */
export interface PriorTopology {
  inputs: 'context+knowledge';
  /** model/knowledge.ts KNOWLEDGE_VERSION and KNOWLEDGE_DIM the weights were trained with. */
  knowledgeVersion: number;
  knowledgeDim: number;
  /**
   * True when the prior is fused with the labeller's constant-velocity forecast read from d(x)
   * (model/fusion.ts): the weights then hold the table log P(r | z) as `prior/forecast`.
   */
  forecastFusion?: true;
}

export interface ModelJson {
  format: typeof FORMAT;
  generatedBy: string;
  modelTopology: {
    /** config.ts NETWORK, but goalComponents is the model's own (1 to MAX_GOAL_COMPONENTS). */
    network: Omit<typeof NETWORK, 'goalComponents'> & { goalComponents: number };
    features: typeof FEATURES;
    labels: readonly string[];
    prior?: PriorTopology;
  };
  weightsManifest: { paths: string[]; weights: ManifestEntry[] }[];
  /** Training record: data, config, seed, commit, metrics (the model card). */
  userDefinedMetadata: Record<string, unknown>;
}

/**
 * A weights-manifest entry: tfjs's own (float16 and uint8 quantization included), or ModeScope's
 * packed form below 8 bits (model/quantize.ts: `modescopePacked`, decoded by weights.ts).
 */
export type ManifestEntry = tf.io.WeightsManifestEntry & { modescopePacked?: PackedSpec };

/** A model file that does not fit the network: `file` is the file, `problem` what is wrong. */
export class WeightsError extends Error {
  override name = 'WeightsError';
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
  }
}

/** Bytes per value as stored: the dtype's, or the quantized one's when the entry is quantized. */
const BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1, uint8: 1, uint16: 2, float16: 2 };

/** A byte count for people: MB with the exact count beside it (near misses differ in the bytes). */
export function formatBytes(n: number): string {
  return `${(n / 1e6).toFixed(2)} MB (${n} bytes)`;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const shapeText = (s: readonly number[]) => `[${s.join(',')}]`;

/**
 * Bytes an entry of a manifest takes in its shard; null when its shape or dtype is unreadable (a
 * packed entry's fields are checked by checkModelJson, which names what is wrong).
 */
export function entryBytes(w: ManifestEntry): number | null {
  if (!Array.isArray(w.shape) || !w.shape.every((d) => Number.isInteger(d) && d >= 0)) return null;
  const n = w.shape.reduce((a, d) => a * d, 1);
  if (w.modescopePacked !== undefined)
    return packedProblem(w.modescopePacked) || w.quantization ? null : packedBytes(n, w.modescopePacked.bits);
  const per = BYTES[w.quantization?.dtype ?? w.dtype];
  return per === undefined ? null : n * per;
}

/**
 * A model.json's text as a ModelJson that fits the network (checkModelJson); a WeightsError naming
 * `file` when it is not JSON or does not fit.
 */
export function parseModelJson(text: string, file = 'model.json'): ModelJson {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new WeightsError(file, `not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  return checkModelJson(v, file);
}

/**
 * Checks a parsed model.json against this build: the format, the network and feature sizes, a
 * readable weights manifest, and every variable the network needs present as float32 in its shape.
 * Weights the network does not use are ignored (tfjs decodes them and they are dropped).
 */
export function checkModelJson(v: unknown, file = 'model.json'): ModelJson {
  const fail = (problem: string): never => {
    throw new WeightsError(file, problem);
  };
  if (!isObject(v)) return fail('not a JSON object');
  if (v.format !== FORMAT) fail(`format '${String(v.format)}' is not ${FORMAT} (not a ModeScope model)`);
  const topo = isObject(v.modelTopology) ? v.modelTopology : fail('modelTopology is missing');
  const net = isObject(topo.network) ? topo.network : fail('modelTopology.network is missing');
  for (const [k, want] of Object.entries(NETWORK)) {
    if (k === 'goalComponents') {
      const g = net[k];
      if (!Number.isInteger(g) || (g as number) < 1 || (g as number) > MAX_GOAL_COMPONENTS)
        fail(`network.goalComponents is ${String(g)}, this build reads 1 to ${MAX_GOAL_COMPONENTS}`);
    } else if (net[k] !== want) fail(`network.${k} is ${String(net[k])}, this build needs ${want}`);
  }
  const goalComponents = net.goalComponents as number;
  const feats = isObject(topo.features) ? topo.features : fail('modelTopology.features is missing');
  for (const [k, want] of Object.entries(FEATURES))
    if (feats[k] !== want) fail(`features.${k} is ${String(feats[k])}, this build needs ${want}`);
  const knowledgeDim = priorTopologyDim(topo.prior, fail);
  const fusion = isObject(topo.prior) && topo.prior.forecastFusion !== undefined;
  if (fusion && (topo.prior as Record<string, unknown>).forecastFusion !== true)
    fail(
      `modelTopology.prior.forecastFusion is ${JSON.stringify((topo.prior as Record<string, unknown>).forecastFusion)}, expected true or absent`,
    );
  const groups = v.weightsManifest;
  if (
    !Array.isArray(groups) ||
    groups.length === 0 ||
    !groups.every(
      (g) =>
        isObject(g) &&
        Array.isArray(g.paths) &&
        g.paths.length > 0 &&
        g.paths.every((p) => typeof p === 'string' && p !== '') &&
        Array.isArray(g.weights) &&
        g.weights.every((w) => isObject(w) && typeof w.name === 'string'),
    )
  )
    return fail('weightsManifest is missing or not a list of {paths, weights}');
  const entries = new Map<string, ManifestEntry>();
  for (const g of groups as ModelJson['weightsManifest'])
    for (const w of g.weights) {
      if (w.modescopePacked !== undefined) {
        const problem = packedProblem(w.modescopePacked);
        if (problem) fail(`weight '${w.name}': ${problem}`);
        if (w.quantization) fail(`weight '${w.name}' has both modescopePacked and quantization`);
      }
      if (entryBytes(w) === null)
        fail(`weight '${w.name}' has an unreadable shape ${JSON.stringify(w.shape)} or dtype '${w.dtype}'`);
      entries.set(w.name, w);
    }
  for (const need of networkWeights(knowledgeDim, fusion, goalComponents)) {
    const w = entries.get(need.name);
    if (!w)
      return fail(
        `weight '${need.name}' missing from the manifest (the network needs ${shapeText(need.shape)})`,
      );
    if (w.dtype !== 'float32') fail(`weight '${need.name}' is ${w.dtype}, the network needs float32`);
    if (shapeText(w.shape) !== shapeText(need.shape))
      fail(
        `weight '${need.name}' has shape ${shapeText(w.shape)}, the network needs ${shapeText(need.shape)}`,
      );
  }
  if (!isObject(v.userDefinedMetadata)) v.userDefinedMetadata = {};
  return v as unknown as ModelJson;
}

/**
 * The d(x) size a modelTopology.prior asks for (0 when absent); `fail` when it names another
 * knowledge version or size than this build computes.
 */
function priorTopologyDim(prior: unknown, fail: (problem: string) => never): number {
  if (prior === undefined) return 0;
  if (!isObject(prior) || prior.inputs !== 'context+knowledge')
    return fail(
      `modelTopology.prior is ${JSON.stringify(prior)}, expected {inputs: 'context+knowledge', ...}`,
    );
  if (prior.knowledgeVersion !== KNOWLEDGE_VERSION || prior.knowledgeDim !== KNOWLEDGE_DIM)
    return fail(
      `modelTopology.prior reads domain knowledge version ${String(prior.knowledgeVersion)} of size ${String(prior.knowledgeDim)}, this build computes version ${KNOWLEDGE_VERSION} of size ${KNOWLEDGE_DIM}`,
    );
  return KNOWLEDGE_DIM;
}

/** How many values of d(x) the prior of a checked model.json reads (0: the context alone). */
export function modelKnowledgeDim(json: ModelJson): number {
  return json.modelTopology.prior?.knowledgeDim ?? 0;
}

/** Goal components per mode of a checked model.json (its goal2 width over GOAL_PARAMS). */
export function modelGoalComponents(json: ModelJson): number {
  return json.modelTopology.network.goalComponents;
}

/** Whether the prior of a checked model.json is fused with the forecast (model/fusion.ts). */
export function modelForecastFusion(json: ModelJson): boolean {
  return json.modelTopology.prior?.forecastFusion === true;
}

/** Per manifest group: its shard paths (in order) and the bytes its weights take together. */
export function manifestShards(json: ModelJson): { paths: string[]; bytes: number }[] {
  return json.weightsManifest.map((g) => ({
    paths: g.paths,
    bytes: g.weights.reduce((a, w) => a + (entryBytes(w) ?? 0), 0),
  }));
}

/**
 * Checks the weight files against the manifest: every path named is there (`sizes` by path; a
 * missing one is undefined) and each group's shards hold exactly the bytes its weights take.
 */
export function checkShards(json: ModelJson, sizes: (path: string) => number | undefined): void {
  for (const g of manifestShards(json)) {
    let have = 0;
    for (const p of g.paths) {
      const n = sizes(p);
      if (n === undefined) throw new WeightsError(p, 'missing (model.json’s weights manifest names it)');
      have += n;
    }
    if (have !== g.bytes)
      throw new WeightsError(
        g.paths.join(' + '),
        `${formatBytes(have)}${g.paths.length > 1 ? ' together' : ''}, the manifest needs ${formatBytes(g.bytes)}`,
      );
  }
}
