// Weights that do not fit the network get a WeightsError naming the file and what is wrong, in the
// network's terms: not JSON, not a ModeScope model, other sizes, a weight missing, a wrong shape or
// dtype, a shard missing or of the wrong length. The same checks run on a folder the user opens
// (model-folder.ts, before any worker sees it) and in decodeModel / loadModel (the worker).
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openModelFiles, type PickedFile } from '../../src/app/model-folder';
import { getPredictor, registerPredictor } from '../../src/model/registry';
import { decodeModel, decodeModelFiles, loadModel } from '../../src/model/weights';
import {
  checkModelJson,
  checkShards,
  parseModelJson,
  WeightsError,
  type ModelJson,
} from '../../src/model/weights-check';

const dir = join(import.meta.dirname, '../../public/models/pseudo');
const text = readFileSync(join(dir, 'model.json'), 'utf8');
const buf = readFileSync(join(dir, 'weights.bin'));
const bytes = (): ArrayBuffer =>
  buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
const fresh = (): ModelJson => JSON.parse(text) as ModelJson;
const entry = (j: ModelJson, name: string) => j.weightsManifest[0]!.weights.find((w) => w.name === name)!;

/** The WeightsError `f` throws (fails the test when it throws anything else or nothing). */
function caught(f: () => unknown): WeightsError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(WeightsError);
    return e as WeightsError;
  }
  throw new Error('expected a WeightsError');
}

beforeAll(async () => {
  await tf.setBackend('wasm');
});

describe('the weights check names the file and what does not fit', () => {
  it('passes the shipped model', () => {
    const j = parseModelJson(text);
    expect(() => checkShards(j, (p) => (p === 'weights.bin' ? buf.byteLength : undefined))).not.toThrow();
  });

  it('model.json that is not JSON', () => {
    const e = caught(() => parseModelJson('{"format": "modescope-cvae",', 'run7/model.json'));
    expect(e.name).toBe('WeightsError');
    expect(e.file).toBe('run7/model.json');
    expect(e.message).toMatch(/^run7\/model\.json: not JSON \(/);
  });

  it('a JSON file that is not a ModeScope model', () => {
    expect(caught(() => checkModelJson([1, 2])).message).toBe('model.json: not a JSON object');
    expect(caught(() => checkModelJson({ format: 'layers-model' })).message).toBe(
      "model.json: format 'layers-model' is not modescope-cvae (not a ModeScope model)",
    );
    const j = fresh() as unknown as Record<string, unknown>;
    delete j.weightsManifest;
    expect(caught(() => checkModelJson(j)).message).toMatch(/weightsManifest is missing/);
  });

  it('a network of other sizes', () => {
    const j = fresh();
    (j.modelTopology.network as unknown as Record<string, number>).hidden = 32;
    expect(caught(() => checkModelJson(j)).message).toMatch(
      /^model\.json: network\.hidden is 32, this build needs \d+$/,
    );
    const f = fresh();
    (f.modelTopology.features as unknown as Record<string, number>).history = 5;
    expect(caught(() => checkModelJson(f)).message).toMatch(/features\.history is 5, this build needs 11/);
  });

  it('goal components per mode: 1 to 16 read, the goal head held to the number the topology gives', () => {
    for (const bad of [0, 17, 2.5, '6'])
      expect(
        caught(() => {
          const j = fresh();
          (j.modelTopology.network as unknown as Record<string, unknown>).goalComponents = bad;
          checkModelJson(j);
        }).message,
      ).toMatch(/^model\.json: network\.goalComponents is [^,]+, this build reads 1 to 16$/);
    const j = fresh();
    const g = j.modelTopology.network.goalComponents;
    j.modelTopology.network.goalComponents = g === 2 ? 3 : 2;
    expect(caught(() => checkModelJson(j)).message).toBe(
      `model.json: weight 'goal2/kernel' has shape [128,${9 * g}], the network needs [128,${9 * (g === 2 ? 3 : 2)}]`,
    );
  });

  it('a weight missing, of another shape or dtype', () => {
    const m = fresh();
    m.weightsManifest[0]!.weights = m.weightsManifest[0]!.weights.filter((w) => w.name !== 'goal1/kernel');
    expect(caught(() => checkModelJson(m)).message).toMatch(
      /^model\.json: weight 'goal1\/kernel' missing from the manifest \(the network needs \[\d+,\d+\]\)$/,
    );
    const s = fresh();
    const [nIn, nOut] = entry(s, 'goal1/kernel').shape;
    entry(s, 'goal1/kernel').shape = [nIn! + 64, nOut!];
    expect(caught(() => checkModelJson(s)).message).toBe(
      `model.json: weight 'goal1/kernel' has shape [${nIn! + 64},${nOut}], the network needs [${nIn},${nOut}]`,
    );
    const d = fresh();
    entry(d, 'traj3/bias').dtype = 'int32';
    expect(caught(() => checkModelJson(d)).message).toBe(
      "model.json: weight 'traj3/bias' is int32, the network needs float32",
    );
    const u = fresh();
    entry(u, 'traj3/bias').shape = [-1];
    expect(caught(() => checkModelJson(u)).message).toMatch(
      /weight 'traj3\/bias' has an unreadable shape \[-1\]/,
    );
  });

  it('a shard missing or of the wrong length', () => {
    const j = parseModelJson(text);
    const missing = caught(() => checkShards(j, () => undefined));
    expect(missing.file).toBe('weights.bin');
    expect(missing.message).toMatch(/^weights\.bin: missing/);
    const short = caught(() => checkShards(j, () => buf.byteLength - 4));
    expect(short.message).toBe(
      `weights.bin: ${(buf.byteLength / 1e6 - 4e-6).toFixed(2)} MB (${buf.byteLength - 4} bytes), the manifest needs ${(buf.byteLength / 1e6).toFixed(2)} MB (${buf.byteLength} bytes)`,
    );
    // two shards: their total counts
    const two = parseModelJson(text);
    two.weightsManifest[0]!.paths = ['group1-shard1of2.bin', 'group1-shard2of2.bin'];
    expect(caught(() => checkShards(two, () => 1000)).message).toMatch(
      /^group1-shard1of2\.bin \+ group1-shard2of2\.bin: 0\.00 MB \(2000 bytes\) together, the manifest needs/,
    );
  });

  it('decodeModel refuses a wrong byte length and decodes shards split anywhere', () => {
    const e = caught(() => decodeModel(fresh(), bytes().slice(0, 1000)));
    expect(e.message).toMatch(/^weights\.bin: 0\.00 MB \(1000 bytes\), the manifest needs/);
    const j = fresh();
    j.weightsManifest[0]!.paths = ['a.bin', 'b.bin'];
    const whole = bytes();
    const files = new Map([
      ['a.bin', whole.slice(0, 1001)],
      ['b.bin', whole.slice(1001)],
    ]);
    const p = decodeModelFiles(j, files);
    const q = decodeModel(fresh(), bytes());
    expect(Object.keys(p).sort()).toEqual(Object.keys(q).sort());
    expect(Array.from(p['traj3/kernel']!.dataSync().slice(0, 5))).toEqual(
      Array.from(q['traj3/kernel']!.dataSync().slice(0, 5)),
    );
    tf.dispose([...Object.values(p), ...Object.values(q)]);
    expect(caught(() => decodeModelFiles(j, new Map([['a.bin', whole]]))).message).toMatch(
      /^b\.bin: missing/,
    );
  });

  it('loadModel fetches every shard and names a bad one', async () => {
    const serve = (bin: ArrayBuffer, json = text) =>
      (async (url: string) =>
        url.endsWith('model.json')
          ? new Response(json)
          : url.endsWith('/weights.bin')
            ? new Response(bin)
            : new Response('', { status: 404 })) as typeof fetch;
    const ok = await loadModel('http://x/models-local/a/model.json', serve(bytes()));
    expect(ok.json.userDefinedMetadata.variant).toBe('pseudo');
    tf.dispose(Object.values(ok.params));
    await expect(loadModel('http://x/m/model.json', serve(bytes().slice(8)))).rejects.toThrow(
      /^weights\.bin: .* the manifest needs/,
    );
    await expect(loadModel('http://x/m/model.json', serve(bytes(), '<html>'))).rejects.toThrow(
      /^http:\/\/x\/m\/model\.json: not JSON/,
    );
  });
});

describe('a model folder opened from disk', () => {
  const file = (name: string, data: BlobPart) => new File([data], name);
  const folder = (name: string, bin: ArrayBuffer | string, json = text): PickedFile[] => [
    { file: file('model.json', json), path: `${name}/model.json` },
    { file: file('weights.bin', bin), path: `${name}/weights.bin` },
    { file: file('README.md', 'notes'), path: `${name}/README.md` },
  ];

  it('becomes a registry entry with its bytes, named after the folder, modes by its card', async () => {
    const p = await openModelFiles(folder('pseudo-real', bytes()), 'pseudo-real');
    expect(p.id).toBe('file:pseudo-real');
    expect(p.origin).toBe('file');
    expect(p.modesMeanLabels).toBe(true);
    expect(p.source).toMatch(/^opened from disk: pseudo-real: variant pseudo, pseudo-label loss 1/);
    if (p.weights?.kind !== 'files') throw new Error('expected files');
    expect([...p.weights.files.keys()]).toEqual(['weights.bin']);
    expect(p.weights.files.get('weights.bin')!.byteLength).toBe(buf.byteLength);
    registerPredictor(p);
    expect(getPredictor('file:pseudo-real')).toBe(p);
    // the worker decodes exactly these bytes
    const params = decodeModelFiles(p.weights.json, p.weights.files);
    tf.dispose(Object.values(params));
    // opened again: a second entry
    expect((await openModelFiles(folder('pseudo-real', bytes()), 'pseudo-real')).id).toBe(
      'file:pseudo-real (2)',
    );
    // a vanilla card: plain modes
    const vanilla = readFileSync(join(dir, '../vanilla/model.json'), 'utf8');
    const vb = readFileSync(join(dir, '../vanilla/weights.bin'));
    const vBytes = vb.buffer.slice(vb.byteOffset, vb.byteOffset + vb.byteLength) as ArrayBuffer;
    const v = await openModelFiles(folder('v', vBytes, vanilla), null);
    expect(v.id).toBe('file:v');
    expect(v.modesMeanLabels).toBe(false);
  });

  it('takes model.json and weights.bin picked as two files', async () => {
    const two = [
      { file: file('weights.bin', bytes()), path: 'weights.bin' },
      { file: file('model.json', text), path: 'model.json' },
    ];
    const p = await openModelFiles(two, null);
    expect(p.id).toBe('file:pseudo'); // named by the card's variant
  });

  it('names the file and the problem', async () => {
    await expect(openModelFiles(folder('a', bytes().slice(0, 1200000)), 'a')).rejects.toThrow(
      `weights.bin: 1.20 MB (1200000 bytes), the manifest needs ${(bytes().byteLength / 1e6).toFixed(2)} MB`,
    );
    const j = fresh();
    const [nIn, nOut] = entry(j, 'goal1/kernel').shape;
    entry(j, 'goal1/kernel').shape = [nIn! * 2, nOut!];
    await expect(openModelFiles(folder('b', bytes(), JSON.stringify(j)), 'b')).rejects.toThrow(
      `b/model.json: weight 'goal1/kernel' has shape [${nIn! * 2},${nOut}], the network needs [${nIn},${nOut}]`,
    );
    await expect(openModelFiles(folder('c', bytes(), 'weights?'), 'c')).rejects.toThrow(
      /^c\/model\.json: not JSON/,
    );
    await expect(
      openModelFiles([{ file: file('model.json', text), path: 'd/model.json' }], 'd'),
    ).rejects.toThrow(/^weights\.bin: missing/);
    await expect(
      openModelFiles([{ file: file('weights.bin', bytes()), path: 'e/weights.bin' }], 'e'),
    ).rejects.toThrow(/^e: no model\.json among 1 file$/);
  });
});
