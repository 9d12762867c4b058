// waymo/submission-write.ts and node-file.ts openSubmissionFile: what ModeScope writes is decoded
// by protobufjs from the independent reference schema (test/fixtures/motion_submission.proto),
// never by our own reader. On demo scenes with constant velocity and the shipped pseudo-label CVAE
// (the joint set eval scores, 6 joint predictions): the scenario ids, the pair's WOMD object ids,
// 16 points per trajectory in world coordinates (the prediction plus the float64 origin, rounded to
// float32 once), the confidences (the mode's probability, most probable first) and every header
// field, the four the challenge requires present even when false; the bytes equal protobufjs's own
// encoding of the same message; .binproto.gz and .tar.gz round trips (zlib, and a minimal ustar
// parse written here); bad records refused by name, the rest still written.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import protobuf from 'protobufjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readModelDir } from '../../src/cli/lib/local-models';
import { openPath } from '../../src/cli/lib/scene-files';
import { defaultPair, submissionPair } from '../../src/labels/pairs';
import { PER_MODE } from '../../src/metrics/evaluate';
import { JOINT_SET } from '../../src/model/config';
import type { Params } from '../../src/model/network';
import { predictPairs, type PairResult } from '../../src/model/predictors';
import type { Scene } from '../../src/scene/scene';
import { openSubmissionFile, submissionContainer } from '../../src/waymo/node-file';
import {
  SUBMISSION_POINTS,
  SUBMISSION_STEPS,
  type ScenarioPredictionsRecord,
  type SubmissionHeader,
} from '../../src/waymo/submission-types';
import {
  encodeHeaderFields,
  encodeScenarioEntry,
  encodeSubmission,
  formatParameterCount,
  MAX_INTERACTION_ENTRY_BYTES,
  scenarioRecord,
  submissionPairOf,
  SubmissionWriteError,
} from '../../src/waymo/submission-write';

const ROOT = join(import.meta.dirname, '../..');
const Submission = protobuf
  .parse(readFileSync(join(ROOT, 'test/fixtures/motion_submission.proto'), 'utf8'))
  .root.lookupType('waymo.open_dataset.MotionChallengeSubmission');

interface Decoded {
  scenarioPredictions?: {
    scenarioId: string;
    jointPrediction?: {
      jointTrajectories: {
        confidence: number;
        trajectories: { objectId: number; trajectory: { centerX: number[]; centerY: number[] } }[];
      }[];
    };
    singlePredictions?: unknown;
  }[];
  submissionType: string;
  accountName: string;
  uniqueMethodName: string;
  authors?: string[];
  affiliation: string;
  description: string;
  methodLink: string;
  usesLidarData: boolean;
  usesCameraData: boolean;
  usesPublicModelPretraining: boolean;
  numModelParameters: string;
  publicModelNames?: string[];
}

/** Decoded with the reference schema; `present`: the fields the bytes carry (proto2 presence). */
function decode(bytes: Uint8Array): { msg: Decoded; present: string[] } {
  const m = Submission.decode(bytes);
  return {
    msg: Submission.toObject(m, { enums: String, arrays: true }) as Decoded,
    present: Object.keys(m),
  };
}

const HEADER: SubmissionHeader = {
  submissionType: 'interaction',
  accountName: 'someone@example.org',
  uniqueMethodName: 'modescope-test',
  authors: ['A. Author', 'B. Author'],
  affiliation: 'ModeScope',
  description: 'a test submission',
  methodLink: 'https://example.org/modescope',
  usesLidarData: false,
  usesCameraData: false,
  usesPublicModelPretraining: true,
  numModelParameters: '362K',
  publicModelNames: ['none'],
};

/** Demo records spread over the file: both pass orders and several layouts. */
const DEMO_RECORDS = [0, 3, 7, 15, 29, 41];

let params: Params;
let scenes: Scene[];
const predictions: Record<'constant_velocity' | 'pseudo', PairResult[]> = {
  constant_velocity: [],
  pseudo: [],
};
let dir: string;

beforeAll(async () => {
  await tf.setBackend('wasm');
  params = readModelDir(join(ROOT, 'public/models/pseudo'))!.params;
  const file = await openPath(join(ROOT, 'public/demo/demo.tfrecord'));
  scenes = [];
  for (const k of DEMO_RECORDS) scenes.push(await file.scene(k));
  const reqs = scenes.map((scene) => {
    const [a, b] = submissionPair(scene)!.pair;
    return { scene, a, b, t: 10 };
  });
  const o = {
    samplesPerMode: PER_MODE,
    posterior: false,
    anchors: JOINT_SET.anchors,
    budget: JOINT_SET.budget,
  };
  predictions.constant_velocity = await predictPairs('constant_velocity', null, reqs, o);
  predictions.pseudo = await predictPairs('pseudo', params, reqs, o);
  dir = mkdtempSync(join(tmpdir(), 'modescope-submission-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const recordsOf = (id: keyof typeof predictions): ScenarioPredictionsRecord[] =>
  predictions[id].map((p, k) => scenarioRecord(p, submissionPairOf(scenes[k]!, p.a, p.b)));

/** A submission's field-1 bytes as protobufjs's own encoder writes them, for the byte comparison. */
function referenceEncoding(h: SubmissionHeader, records: ScenarioPredictionsRecord[]): Uint8Array {
  // protobufjs gives a Buffer in Node: compared as plain bytes
  const bytes = Submission.encode(
    Submission.fromObject({
      scenarioPredictions: records.map((r) => ({
        scenarioId: r.scenarioId,
        jointPrediction: {
          jointTrajectories: r.joint!.map((j) => ({
            trajectories: j.trajectories.map((t) => ({
              objectId: t.objectId,
              trajectory: { centerX: [...t.x], centerY: [...t.y] },
            })),
            confidence: j.confidence,
          })),
        },
      })),
      submissionType: 'INTERACTION_PREDICTION',
      accountName: h.accountName,
      uniqueMethodName: h.uniqueMethodName,
      authors: h.authors,
      affiliation: h.affiliation,
      description: h.description,
      methodLink: h.methodLink,
      usesLidarData: h.usesLidarData,
      usesCameraData: h.usesCameraData,
      usesPublicModelPretraining: h.usesPublicModelPretraining,
      numModelParameters: h.numModelParameters,
      publicModelNames: h.publicModelNames,
    }),
  ).finish();
  return new Uint8Array(bytes);
}

describe('a submission from demo predictions, decoded with the reference schema', () => {
  for (const id of ['constant_velocity', 'pseudo'] as const)
    it(`${id}: scenario ids, object ids, world points, confidences`, () => {
      const { msg } = decode(encodeSubmission(HEADER, recordsOf(id)));
      const got = msg.scenarioPredictions!;
      expect(got.map((s) => s.scenarioId)).toEqual(scenes.map((s) => s.id));
      got.forEach((s, k) => {
        const scene = scenes[k]!;
        const p = predictions[id][k]!;
        expect(s.singlePredictions).toBeUndefined();
        const joint = s.jointPrediction!.jointTrajectories;
        // constant velocity: one joint prediction; the CVAE's joint set: 6
        expect(joint).toHaveLength(id === 'pseudo' ? 6 : 1);
        // the expected joint predictions: mode probability, most probable first, the mode's samples in order
        const expected = [...p.modes]
          .sort((u, v) => v.probability - u.probability)
          .flatMap((m) => m.samples.map((smp) => ({ smp, confidence: m.probability })));
        joint.forEach((j, n) => {
          const e = expected[n]!;
          expect(j.confidence).toBe(Math.fround(e.confidence));
          if (n > 0) expect(j.confidence).toBeLessThanOrEqual(joint[n - 1]!.confidence);
          expect(j.trajectories.map((t) => t.objectId)).toEqual([
            scene.tracks.ids[p.a],
            scene.tracks.ids[p.b],
          ]);
          j.trajectories.forEach((t, ag) => {
            const pts = ag === 0 ? e.smp.a : e.smp.b;
            expect(t.trajectory.centerX).toHaveLength(SUBMISSION_POINTS);
            expect(t.trajectory.centerY).toHaveLength(SUBMISSION_POINTS);
            SUBMISSION_STEPS.forEach((step, i) => {
              const at = step - 10 - 1; // future index of the step
              const wx = scene.origin[0] + pts[2 * at]!;
              const wy = scene.origin[1] + pts[2 * at + 1]!;
              // world coordinates, within float32 rounding (half an ulp) of prediction + origin
              expect(Math.abs(t.trajectory.centerX[i]! - wx)).toBeLessThanOrEqual(Math.abs(wx) * 2 ** -24);
              expect(Math.abs(t.trajectory.centerY[i]! - wy)).toBeLessThanOrEqual(Math.abs(wy) * 2 ** -24);
              expect(t.trajectory.centerX[i]).toBe(Math.fround(wx));
            });
          });
        });
      });
    });

  it('every header field, the four the challenge requires present even when false', () => {
    const { msg, present } = decode(encodeSubmission(HEADER, recordsOf('pseudo')));
    expect(msg).toMatchObject({
      submissionType: 'INTERACTION_PREDICTION',
      accountName: HEADER.accountName,
      uniqueMethodName: HEADER.uniqueMethodName,
      authors: HEADER.authors,
      affiliation: HEADER.affiliation,
      description: HEADER.description,
      methodLink: HEADER.methodLink,
      usesLidarData: false,
      usesCameraData: false,
      usesPublicModelPretraining: true,
      numModelParameters: '362K',
      publicModelNames: ['none'],
    });
    for (const f of ['usesLidarData', 'usesCameraData', 'usesPublicModelPretraining', 'numModelParameters'])
      expect(present).toContain(f);
  });

  it("equals protobufjs's own encoding of the same message byte for byte", () => {
    const records = recordsOf('pseudo');
    expect(encodeSubmission(HEADER, records)).toEqual(referenceEncoding(HEADER, records));
  });

  it('a motion (single-object) record too: decoded, and byte-equal to protobufjs', () => {
    const x = Float32Array.from({ length: 16 }, (_, k) => 8123.5 + k);
    const y = Float32Array.from({ length: 16 }, (_, k) => -4321.25 - k);
    const rec: ScenarioPredictionsRecord = {
      scenarioId: 'abcdef0123456789',
      joint: null,
      single: [
        { objectId: 7, trajectories: [{ confidence: 0.75, x, y }] },
        { objectId: -3, trajectories: [] },
      ],
    };
    const h = { ...HEADER, submissionType: 'motion' as const, authors: [], publicModelNames: [] };
    const ours = encodeSubmission(h, [rec]);
    const ref = Submission.encode(
      Submission.fromObject({
        scenarioPredictions: [
          {
            scenarioId: rec.scenarioId,
            singlePredictions: {
              predictions: [
                {
                  objectId: 7,
                  trajectories: [{ trajectory: { centerX: [...x], centerY: [...y] }, confidence: 0.75 }],
                },
                { objectId: -3, trajectories: [] },
              ],
            },
          },
        ],
        submissionType: 'MOTION_PREDICTION',
        accountName: h.accountName,
        uniqueMethodName: h.uniqueMethodName,
        affiliation: h.affiliation,
        description: h.description,
        methodLink: h.methodLink,
        usesLidarData: h.usesLidarData,
        usesCameraData: h.usesCameraData,
        usesPublicModelPretraining: h.usesPublicModelPretraining,
        numModelParameters: h.numModelParameters,
      }),
    ).finish();
    expect(ours).toEqual(new Uint8Array(ref));
    const m = Submission.toObject(Submission.decode(ours), { enums: String, arrays: true });
    expect(m.submissionType).toBe('MOTION_PREDICTION');
    expect(
      m.scenarioPredictions[0].singlePredictions.predictions[0].trajectories[0].trajectory.centerX,
    ).toEqual([...x]);
  });

  it('the largest interaction entry is MAX_INTERACTION_ENTRY_BYTES (the shard size rule)', () => {
    const traj = { objectId: -(2 ** 31), x: new Float32Array(16), y: new Float32Array(16) };
    const worst: ScenarioPredictionsRecord = {
      scenarioId: 'f'.repeat(16),
      joint: Array.from({ length: 6 }, () => ({ confidence: 0.5, trajectories: [traj, traj] })),
      single: null,
    };
    expect(encodeScenarioEntry(worst).length).toBe(MAX_INTERACTION_ENTRY_BYTES);
    // and the demo's real entries stay under it
    for (const r of recordsOf('pseudo'))
      expect(encodeScenarioEntry(r).length).toBeLessThanOrEqual(MAX_INTERACTION_ENTRY_BYTES);
  });
});

/** The files of a ustar archive: a minimal reader written for this test (name, size, magic). */
function untar(bytes: Uint8Array): { name: string; data: Uint8Array }[] {
  const out: { name: string; data: Uint8Array }[] = [];
  const text = (a: number, b: number) => new TextDecoder().decode(bytes.subarray(a, b)).replace(/\0.*$/s, '');
  let at = 0;
  while (at + 512 <= bytes.length) {
    if (bytes.subarray(at, at + 512).every((b) => b === 0)) break; // end-of-archive blocks
    const name = text(at, at + 100);
    const size = Number.parseInt(text(at + 124, at + 136).trim(), 8);
    expect(text(at + 257, at + 262)).toBe('ustar');
    expect(text(at + 156, at + 157)).toBe('0'); // a regular file
    out.push({ name, data: bytes.slice(at + 512, at + 512 + size) });
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

describe('containers', () => {
  it('.binproto and .binproto.gz hold the same bytes as the whole message', async () => {
    const records = recordsOf('pseudo');
    const whole = encodeSubmission(HEADER, records);
    for (const name of ['s.binproto', 's.binproto.gz']) {
      const f = openSubmissionFile(join(dir, name), HEADER);
      for (const r of records) await f.add(r);
      expect(await f.finish()).toEqual({ scenarios: records.length, shards: 1 });
      const raw = readFileSync(join(dir, name));
      expect(new Uint8Array(name.endsWith('.gz') ? gunzipSync(raw) : raw)).toEqual(whole);
    }
  });

  it('.tar.gz: shards of at most N scenarios, each a whole submission with the header', async () => {
    const records = recordsOf('constant_velocity');
    const f = openSubmissionFile(join(dir, 'sub.tar.gz'), HEADER, { shardScenarios: 4 });
    for (const r of records) await f.add(r);
    expect(await f.finish()).toEqual({ scenarios: 6, shards: 2 });
    const files = untar(new Uint8Array(gunzipSync(readFileSync(join(dir, 'sub.tar.gz')))));
    expect(files.map((x) => x.name)).toEqual(['sub.binproto-00000', 'sub.binproto-00001']);
    const shards = files.map((x) => decode(x.data).msg);
    expect(shards.map((s) => s.scenarioPredictions!.length)).toEqual([4, 2]);
    expect(shards.flatMap((s) => s.scenarioPredictions!.map((p) => p.scenarioId))).toEqual(
      scenes.map((s) => s.id),
    );
    for (const s of shards) expect(s.uniqueMethodName).toBe(HEADER.uniqueMethodName);
    expect(files[1]!.data).toEqual(encodeSubmission(HEADER, records.slice(4)));
  });

  it('names the container from the file name, and refuses any other', () => {
    expect(submissionContainer('a.binproto')).toBe('binproto');
    expect(submissionContainer('a.binproto.gz')).toBe('binproto.gz');
    expect(submissionContainer('a.tar.gz')).toBe('tar.gz');
    expect(() => submissionContainer('a.tar')).toThrow(/a\.tar: a submission file ends in/);
  });
});

describe('bad input', () => {
  it('a record the schema cannot carry is refused by scenario and field; the others are written', async () => {
    const [good, other] = recordsOf('constant_velocity');
    const j = good!.joint![0]!;
    const short: ScenarioPredictionsRecord = {
      ...good!,
      scenarioId: 'short-one',
      joint: [
        {
          ...j,
          trajectories: [
            { ...j.trajectories[0]!, x: j.trajectories[0]!.x.subarray(0, 15) },
            j.trajectories[1]!,
          ],
        },
      ],
    };
    expect(() => encodeScenarioEntry(short)).toThrow(SubmissionWriteError);
    expect(() => encodeScenarioEntry(short)).toThrow(
      'submission: scenario short-one: joint_prediction.joint_trajectories[0].trajectories[0].trajectory.center_x: 15 points, a submission trajectory has exactly 16',
    );
    const nan = { ...good!, scenarioId: 'nan-one', joint: [{ ...j, confidence: Number.NaN }] };
    expect(() => encodeScenarioEntry(nan)).toThrow(
      /scenario nan-one: joint_prediction.joint_trajectories\[0\].confidence/,
    );
    expect(() => encodeScenarioEntry({ ...good!, single: [] })).toThrow(/prediction_set: both/);
    const f = openSubmissionFile(join(dir, 'bad.binproto'), HEADER);
    await f.add(good!);
    await expect(f.add(short)).rejects.toThrow(SubmissionWriteError);
    await f.add(other!);
    await f.finish();
    const { msg } = decode(readFileSync(join(dir, 'bad.binproto')));
    expect(msg.scenarioPredictions!.map((s) => s.scenarioId)).toEqual([good!.scenarioId, other!.scenarioId]);
  });

  it('a prediction not from step 10 is refused, naming the scenario', () => {
    const p = predictions.pseudo[0]!;
    expect(() => scenarioRecord({ ...p, t: 11 }, submissionPairOf(scenes[0]!, p.a, p.b))).toThrow(
      `submission: scenario ${scenes[0]!.id}: prediction step: predicted from step 11; a submission predicts from step 10`,
    );
  });

  it('num_model_parameters: the K/M/B rule, and a malformed one refused', () => {
    expect([0, 999, 45_678, 187_523, 1_234_567, 123_456_789, 5e9].map(formatParameterCount)).toEqual([
      '0',
      '999',
      '46K',
      '188K',
      '1235K',
      '123M',
      '5000M',
    ]);
    expect(() => encodeHeaderFields({ ...HEADER, numModelParameters: '1.5M' })).toThrow(
      /header: num_model_parameters: '1.5M' is not an integer/,
    );
  });
});

describe('the pair of a submission (labels/pairs.ts submissionPair)', () => {
  it('exactly two tracks_to_predict: those two; otherwise the default pair', () => {
    for (const scene of scenes) {
      const p = submissionPair(scene)!;
      const ttp = scene.tracksToPredict.trackIndex;
      if (ttp.length === 2) expect(p).toEqual({ pair: [ttp[0], ttp[1]], rule: 'tracks_to_predict' });
      else expect(p).toEqual({ pair: defaultPair(scene), rule: 'default' });
    }
    const s = scenes[0]!;
    const two = {
      ...s,
      tracksToPredict: { trackIndex: Int32Array.of(5, 2), difficulty: Uint8Array.of(1, 1) },
    };
    expect(submissionPair(two)).toEqual({ pair: [5, 2], rule: 'tracks_to_predict' });
  });
});
