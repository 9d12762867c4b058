// Models beside the shipped ones (DESIGN.md 6b), as registry entries (model/registry.ts): the dev
// server's list of models-local/ (absent from a production build: then none, quietly), and a model
// folder the user opens (the directory picker, a webkitdirectory input, or model.json and its
// weights picked as files). A folder is checked here, before any worker sees it, with the checks
// decodeModel runs (model/weights-check.ts): what does not fit is a WeightsError naming the file.
import {
  freePredictorId,
  filePredictor,
  localPredictor,
  registerPredictor,
  type LocalModelInfo,
  type Predictor,
  type PredictorId,
} from '../model/registry';
import { checkShards, parseModelJson, WeightsError } from '../model/weights-check';

/** The dev server's list of models-local/ (vite.config.ts, cli/lib/models-local.ts). */
export const LOCAL_INDEX = 'models-local/index.json';

function isLocalModelInfo(v: unknown): v is LocalModelInfo {
  if (typeof v !== 'object' || v === null) return false;
  const m = v as Record<string, unknown>;
  const card = m.card as Record<string, unknown> | null | undefined;
  return (
    typeof m.name === 'string' &&
    m.name !== '' &&
    typeof m.weightsBytes === 'number' &&
    (m.problem === null || typeof m.problem === 'string') &&
    typeof card === 'object' &&
    card !== null &&
    typeof card.modesMeanLabels === 'boolean'
  );
}

/**
 * Registers every model the dev server lists under models-local/; returns their ids. Where there is
 * no such list (a production build, a static server, no network) it registers none and says nothing.
 */
export async function registerLocalModels(
  baseUrl: string,
  fetcher: typeof fetch = fetch,
): Promise<PredictorId[]> {
  let list: unknown;
  try {
    const res = await fetcher(new URL(LOCAL_INDEX, baseUrl).href);
    if (!res.ok) return [];
    list = await res.json();
  } catch {
    return []; // e.g. a static server answering index.html: not a list
  }
  if (!Array.isArray(list)) return [];
  const ids: PredictorId[] = [];
  for (const m of list)
    if (isLocalModelInfo(m)) {
      const p = localPredictor(m);
      registerPredictor(p);
      ids.push(p.id);
    }
  return ids;
}

/** A picked file and its path inside the picked folder ('pseudo-real/model.json'; a lone file: its name). */
export interface PickedFile {
  file: File;
  path: string;
}

const base = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const dirOf = (path: string) => path.slice(0, path.lastIndexOf('/') + 1);

/**
 * A registry entry (not yet registered) for a model folder or for model.json and its shards picked
 * as files: the model.json (the shallowest one; else the only .json), each shard its manifest names
 * (by its path beside model.json, else by file name), checked against the network and byte by
 * byte against the manifest before any bytes are read. `name` names the entry (the folder's name;
 * default: the folder in the paths, else the card's variant). Throws a WeightsError naming the file.
 */
export async function openModelFiles(files: PickedFile[], name: string | null = null): Promise<Predictor> {
  const jsons = files.filter((f) => base(f.path) === 'model.json');
  const others = files.filter((f) => f.path.toLowerCase().endsWith('.json'));
  const model =
    jsons.sort((a, b) => a.path.split('/').length - b.path.split('/').length)[0] ??
    (others.length === 1 ? others[0] : undefined);
  if (!model)
    throw new WeightsError(
      name ?? 'the files picked',
      files.length ? `no model.json among ${files.length} file${files.length > 1 ? 's' : ''}` : 'no files',
    );
  const json = parseModelJson(await model.file.text(), model.path);
  const dir = dirOf(model.path);
  const find = (p: string) =>
    files.find((f) => f.path === dir + p) ?? files.find((f) => f !== model && base(f.path) === base(p));
  checkShards(json, (p) => find(p)?.file.size);
  const bytes = new Map<string, ArrayBuffer>();
  for (const p of json.weightsManifest.flatMap((g) => g.paths))
    bytes.set(p, await find(p)!.file.arrayBuffer());
  const variant = json.userDefinedMetadata.variant;
  const label =
    name ?? (dir ? dir.slice(0, -1).split('/').pop()! : typeof variant === 'string' ? variant : 'model');
  return filePredictor(freePredictorId('file', label), label, json, bytes);
}
