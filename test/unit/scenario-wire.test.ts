// The one-pass Scenario decoder (decodeScenario, src/waymo/scenario-wire.ts) against the reference
// path (decodeScenarioReference: protobufjs's generated decode, then the checks and buildScene):
// identical Scenes on real, synthetic and generated inputs, and the same verdict on damaged ones.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildScene } from '../../src/scene/build';
import type { Scene } from '../../src/scene/scene';
import { Rng } from '../../src/util/rng';
import { decodeJsonText, gunzipBytes, WaymoReadError } from '../../src/waymo';
import { nodeFileSource } from '../../src/waymo/node-file';
import { modescope } from '../../src/waymo/proto/scenario.js';
import { decodeScenario, decodeScenarioReference, encodeScene } from '../../src/waymo/scenario';
import { indexRecords, readRecord } from '../../src/waymo/tfrecord';
import { fixtureInput, fixturePayload } from '../fixtures/scenes';
import { editWire, type Edits } from '../fixtures/wire-edit';

const ROOT = join(import.meta.dirname, '../..');
const SHARED = join(ROOT, '../shared');
const REAL_SCENARIO = join(SHARED, 'womd/motion_data_one_scenario.tfrecord');
const REAL_EXAMPLE = join(SHARED, 'womd/motion_data_one_example.tfrecord');
const REAL_JSON = join(SHARED, 'womd-json');
const DEMO = join(ROOT, 'public/demo/demo.tfrecord');
/** Real JSON scenes re-encoded and compared: every JSON_EVERY-th file by name (16 of the 156). */
const JSON_EVERY = 10;
/** Fuzz cases per base payload: enough to reach every message kind, a fraction of a second each. */
const FUZZ_CASES = 150;

async function payloadsOf(path: string): Promise<Uint8Array[]> {
  const file = await indexRecords(await nodeFileSource(path));
  const out: Uint8Array[] = [];
  for (const entry of file.records) out.push(await readRecord(file, entry));
  await file.source.close?.();
  return out;
}

/**
 * Where two values differ ('' when they do not), strictly: same types, same keys, typed arrays of
 * the same class and length with the same elements (NaN equal to NaN, as toStrictEqual has it).
 * vitest's toStrictEqual walks typed arrays element by element through its generic equality,
 * which took most of this file's time on real-size scenes.
 */
function diff(a: unknown, b: unknown, at = 'scene'): string {
  if (Object.is(a, b)) return '';
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
    return `${at}: ${String(a)} != ${String(b)}`;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${at}: different types`;
  if (ArrayBuffer.isView(a)) {
    const x = a as unknown as ArrayLike<number>;
    const y = b as unknown as ArrayLike<number>;
    if (x.length !== y.length) return `${at}: length ${x.length} != ${y.length}`;
    for (let k = 0; k < x.length; k++) if (!Object.is(x[k], y[k])) return `${at}[${k}]: ${x[k]} != ${y[k]}`;
    return '';
  }
  if (a instanceof Map) {
    const m = b as Map<unknown, unknown>;
    if (a.size !== m.size) return `${at}: size ${a.size} != ${m.size}`;
    for (const [k, v] of a) {
      if (!m.has(k)) return `${at}: no key ${String(k)}`;
      const d = diff(v, m.get(k), `${at}.get(${String(k)})`);
      if (d) return d;
    }
    return '';
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length || ka.some((k) => !kb.includes(k))) return `${at}: keys ${ka} != ${kb}`;
  for (const k of ka) {
    const d = diff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`);
    if (d) return d;
  }
  return '';
}
const expectSameScene = (got: Scene, want: Scene, what: string) => expect(diff(got, want), what).toBe('');

type Outcome = { scene: Scene } | { error: WaymoReadError };
function outcome(decode: () => Scene): Outcome {
  try {
    return { scene: decode() };
  } catch (e) {
    if (!(e instanceof WaymoReadError)) throw e;
    return { error: e };
  }
}

/** Both decoders on one payload: the same Scene, or both a WaymoReadError on the same field. */
function expectSame(payload: Uint8Array, what: string): Outcome {
  const ref = outcome(() => decodeScenarioReference(payload, 'f.tfrecord', 3, 100));
  const wire = outcome(() => decodeScenario(payload, 'f.tfrecord', 3, 100));
  if ('scene' in ref) {
    if (!('scene' in wire))
      throw new Error(`${what}: the reference decodes, the new decoder says ${wire.error.message}`);
    expectSameScene(wire.scene, ref.scene, what);
  } else {
    if (!('error' in wire))
      throw new Error(`${what}: the reference says ${ref.error.message}, the new decoder decodes`);
    expect(wire.error.field, what).toBe(ref.error.field);
    expect(wire.error.message, what).toMatch(/^f\.tfrecord: record 3 \(byte 100\): /);
    if (ref.error.field !== 'payload') expect(wire.error.message, what).toBe(ref.error.message);
  }
  return ref;
}

const EDITS: [string, Edits][] = [
  ['fields reordered', { shuffle: true }],
  ['repeats all packed', { pack: 'packed' }],
  ['repeats all unpacked', { pack: 'unpacked' }],
  ['repeats mixed packed and unpacked', { pack: 'mixed' }],
  ['unknown fields inserted', { unknown: 0.3, pack: 'unpacked' }],
  ['sub-messages split in two occurrences', { split: 1, pack: 'unpacked' }],
  ['scalars overridden by a later occurrence', { overridden: 0.2, pack: 'unpacked' }],
  ['another oneof member before the real one', { oneofSwitch: 1, pack: 'unpacked' }],
  [
    'all of it',
    { shuffle: true, pack: 'mixed', unknown: 0.2, split: 0.5, overridden: 0.1, oneofSwitch: 0.3 },
  ],
];

/** Every edit keeps the meaning: both decoders give the original Scene. */
function expectEditsKeepScene(payload: Uint8Array, name: string, seeds: number[]) {
  const want = decodeScenarioReference(payload);
  for (const [what, edits] of EDITS)
    for (const seed of seeds) {
      const edited = editWire(payload, edits, seed);
      const label = `${name}, ${what}, seed ${seed}`;
      expectSameScene(decodeScenarioReference(edited), want, label);
      expectSameScene(decodeScenario(edited), want, label);
    }
}

describe('one-pass decoder = reference: synthetic scenes', () => {
  it('fixture scenes', () => {
    for (const seed of [1, 2, 3]) expectSame(fixturePayload(seed), `fixture ${seed}`);
  });

  it('the bundled demo scenes', async () => {
    const payloads = await payloadsOf(DEMO);
    expect(payloads.length).toBeGreaterThan(0);
    for (const [k, p] of payloads.entries()) expectSame(p, `demo record ${k}`);
  });

  it('edited encodings of the fixtures decode to the same Scene', () => {
    for (const seed of [1, 2]) expectEditsKeepScene(fixturePayload(seed), `fixture ${seed}`, [1, 2]);
  });

  it('edited encodings of a demo scene decode to the same Scene', async () => {
    const [p] = await payloadsOf(DEMO);
    const want = decodeScenarioReference(p!);
    for (const [what, edits] of [EDITS[0]!, EDITS.at(-1)!]) {
      const edited = editWire(p!, edits, 4);
      expectSameScene(decodeScenarioReference(edited), want, what);
      expectSameScene(decodeScenario(edited), want, what);
    }
  });

  it('the edits do change the bytes', () => {
    const p = fixturePayload(1);
    for (const [what, edits] of EDITS)
      if (what !== 'repeats all packed') expect(editWire(p, edits, 1), what).not.toEqual(p);
  });
});

describe('one-pass decoder = reference: what the reference refuses', () => {
  const pb = modescope.womd;
  const enc = (m: modescope.womd.Scenario.$Properties) => pb.Scenario.encode(m).finish();

  it('each check names the same field with the same words', () => {
    const nan = fixtureInput(1);
    nan.tracks[2]!.states[7]!.vy = NaN;
    const inf = fixtureInput(1);
    inf.tracks[0]!.states[3]!.x = -Infinity;
    const badPoint = fixtureInput(1);
    badPoint.features[3]!.points[1]!.y = Infinity;
    const badStop = fixtureInput(1);
    badStop.signals[4]![0]!.stop.x = NaN; // not checked by the reference: decodes
    const cases: [string, Uint8Array][] = [
      ['empty payload', new Uint8Array(0)],
      ['no scenario_id', enc({ timestampsSeconds: [0], tracks: [{ states: [{}] }] })],
      ['no timestamps', enc({ scenarioId: 'y', tracks: [{ states: [] }] })],
      ['zero tracks', enc({ scenarioId: 'x', timestampsSeconds: [0, 0.1] })],
      [
        'current index',
        enc({ scenarioId: 'x', timestampsSeconds: [0], currentTimeIndex: 1, tracks: [{ states: [{}] }] }),
      ],
      [
        'negative current',
        enc({ scenarioId: 'x', timestampsSeconds: [0], currentTimeIndex: -1, tracks: [{ states: [{}] }] }),
      ],
      [
        'sdc index',
        enc({ scenarioId: 'x', timestampsSeconds: [0], sdcTrackIndex: 1, tracks: [{ states: [{}] }] }),
      ],
      [
        'sdc -2',
        enc({ scenarioId: 'x', timestampsSeconds: [0], sdcTrackIndex: -2, tracks: [{ states: [{}] }] }),
      ],
      [
        'sdc -1 is fine',
        enc({ scenarioId: 'x', timestampsSeconds: [0], sdcTrackIndex: -1, tracks: [{ states: [{}] }] }),
      ],
      [
        'short second track',
        enc({
          scenarioId: 'z',
          timestampsSeconds: [0, 0.1],
          tracks: [{ states: [{}, {}] }, { states: [{}] }],
        }),
      ],
      ['long track', enc({ scenarioId: 'z', timestampsSeconds: [0], tracks: [{ states: [{}, {}] }] })],
      [
        'NaN before a short track',
        enc({
          scenarioId: 'z',
          timestampsSeconds: [0],
          tracks: [{ states: [{ valid: true, heading: NaN }] }, { states: [] }],
        }),
      ],
      [
        'NaN in an invalid state is fine',
        enc({ scenarioId: 'z', timestampsSeconds: [0], tracks: [{ states: [{ centerX: NaN }] }] }),
      ],
      [
        'tracks_to_predict index',
        enc({
          scenarioId: 'x',
          timestampsSeconds: [0],
          tracks: [{ states: [{}] }],
          tracksToPredict: [{ trackIndex: 0 }, { trackIndex: 1 }],
        }),
      ],
      ['NaN state', encodeScene(buildScene(nan))],
      ['-Infinity state', encodeScene(buildScene(inf))],
      ['non-finite map point', encodeScene(buildScene(badPoint))],
      ['NaN stop point', encodeScene(buildScene(badStop))],
      ['not protobuf', new TextEncoder().encode('this is not a protobuf message at all, just text')],
      ['a lone end-group tag', Uint8Array.of(0x0c)],
      ['field number 0', Uint8Array.of(0x00, 0x01)],
    ];
    const fields = cases.map(([what, p]) => {
      const r = expectSame(p, what);
      return 'error' in r ? r.error.field : 'ok';
    });
    expect(fields).toEqual([
      'scenario_id',
      'scenario_id',
      'timestamps_seconds',
      'tracks',
      'current_time_index',
      'current_time_index',
      'sdc_track_index',
      'sdc_track_index',
      'ok',
      'tracks[1].states',
      'tracks[0].states',
      'tracks[0].states[0].heading',
      'ok',
      'tracks_to_predict[1].track_index',
      'tracks[2].states[7].velocity_y',
      'tracks[0].states[3].center_x',
      'map_features[3].polyline',
      'ok',
      'payload',
      'payload',
      'payload',
    ]);
  });

  it('a damaged payload: the reason says where in the message it broke', () => {
    const message = (p: Uint8Array) => {
      const r = outcome(() => decodeScenario(p, 'x.tfrecord', 2));
      return 'error' in r ? r.error.message : 'decoded';
    };
    // cut inside the fourth track: its length runs past the end
    expect(message(fixturePayload(1).subarray(0, 20_000))).toMatch(
      /^x\.tfrecord: record 2: payload: not a Scenario protobuf: index out of range: .* \(in tracks\[3\], byte \d+\)$/,
    );
    // scenario_id 'x', then a track whose one state holds a tag of wire type 7
    const badState = Uint8Array.of(0x2a, 0x01, 0x78, 0x12, 0x03, 0x1a, 0x01, 0x0f);
    expect(message(badState)).toMatch(
      /^x\.tfrecord: record 2: payload: not a Scenario protobuf: invalid wire type 7.* \(in tracks\[0\]\.states\[0\], byte 8\)$/,
    );
    expectSame(badState, 'wire type 7 in a state');
  });

  it.skipIf(!existsSync(REAL_EXAMPLE))('a tf.Example says which decoder reads it', async () => {
    const [p] = await payloadsOf(REAL_EXAMPLE);
    const r = expectSame(p!, 'tf.Example');
    expect('error' in r && r.error.reason).toMatch(/tf\.Example.*decodeExample/);
  });
});

describe('one-pass decoder = reference: seeded fuzz (truncations, bit flips, inserted bytes)', () => {
  function damage(rng: Rng, p: Uint8Array): Uint8Array {
    const kind = rng.int(0, 3);
    if (kind === 0) return p.slice(0, rng.int(0, p.length - 1));
    const b = p.slice();
    if (kind === 1 || kind === 2) {
      for (let k = rng.int(1, kind === 1 ? 1 : 4); k > 0; k--)
        b[rng.int(0, b.length - 1)]! ^= 1 << rng.int(0, 7);
      return b;
    }
    const at = rng.int(0, b.length);
    const junk = Uint8Array.from({ length: rng.int(1, 8) }, () => rng.int(0, 255));
    return new Uint8Array([...b.subarray(0, at), ...junk, ...b.subarray(at)]);
  }

  const bases: [string, Uint8Array][] = [
    ['fixture', fixturePayload(2)],
    ['fixture, edited', editWire(fixturePayload(2), EDITS.at(-1)![1], 7)],
  ];
  for (const [name, base] of bases)
    it(`${name}: both decode the same Scene or both name the same field`, () => {
      expect('scene' in expectSame(base, name)).toBe(true);
      const rng = new Rng(2024, name.length, 3);
      let errors = 0;
      for (let k = 0; k < FUZZ_CASES; k++)
        if ('error' in expectSame(damage(rng, base), `${name} case ${k}`)) errors++;
      // both verdicts occur: the damage is neither always fatal nor always harmless
      expect(errors).toBeGreaterThan(FUZZ_CASES / 10);
      expect(errors).toBeLessThan(FUZZ_CASES);
    });
});

describe.skipIf(!existsSync(REAL_SCENARIO))(
  'one-pass decoder = reference: real WOMD (../shared/womd)',
  () => {
    it('the real Scenario record, as it is and edited', async () => {
      const [p] = await payloadsOf(REAL_SCENARIO);
      expectSame(p!, 'real');
      expect(decodeScenario(p!).tracks.count).toBe(83);
      for (const [what, edits] of [EDITS[0]!, EDITS.at(-1)!]) {
        const edited = editWire(p!, edits, 11);
        expectSameScene(decodeScenario(edited), decodeScenarioReference(p!), what);
      }
    });
  },
);

describe.skipIf(!existsSync(REAL_JSON))(
  'one-pass decoder = reference: real JSON scenes re-encoded (../shared/womd-json)',
  () => {
    it(`every ${JSON_EVERY}th scene`, async () => {
      const files = readdirSync(REAL_JSON)
        .filter((f) => f.endsWith('.json.gz'))
        .sort()
        .filter((_, i) => i % JSON_EVERY === 0);
      expect(files.length).toBeGreaterThan(0);
      for (const f of files) {
        const text = new TextDecoder().decode(
          await gunzipBytes(new Uint8Array(readFileSync(join(REAL_JSON, f)))),
        );
        expectSame(encodeScene(decodeJsonText(text, f)), f);
      }
    });
  },
);
