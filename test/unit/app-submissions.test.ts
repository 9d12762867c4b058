// The app's side of opened submissions (app/submissions.ts): which dropped files are submissions,
// the registry entry an opened one becomes, its prediction for a scene as the viewer draws it (from
// step 10, modes ranked by confidence, each future's outcome), and the named errors when the file
// has no entry for the scene or predicts another pair (with that pair offered). Submission bytes come
// from the reference schema (test/fixtures/submissions.ts), never from ModeScope's writer.
import { describe, expect, it } from 'vitest';
import { defaultPair } from '../../src/labels/pairs';
import { LABEL_NAMES } from '../../src/labels';
import { getPredictor, isBaseline, isSubmission, modeName, predictorList } from '../../src/model/registry';
import { trackXY } from '../../src/scene/scene';
import { generateScene } from '../../src/synth';
import { memorySource } from '../../src/waymo';
import { encodeRecord } from '../../src/waymo/tfrecord';
import {
  looksLikeSubmission,
  openSubmission,
  submissionEntries,
  submissionPrediction,
  SubmissionPredictionError,
} from '../../src/app/submissions';
import { encodeSubmission, jointEntry, line, tarArchive } from '../fixtures/submissions';

const scene = generateScene(77, 0).scene;
const [a, b] = defaultPair(scene)!;
const [ox, oy] = scene.origin;
const ids = scene.tracks.ids;
/** A joint prediction of the pair: straight lines from where each agent is at step 10, in world coordinates. */
const joint = (confidence: number, dx: number, pair = [a, b]) => ({
  confidence,
  objects: pair.map((t) => {
    const [x, y] = trackXY(scene.tracks, t, 10);
    return { id: ids[t]!, ...line(x + ox, y + oy, dx, 0) };
  }),
});

describe('opened submissions in the app', () => {
  it('tells submissions from scene files by name, then by bytes', async () => {
    const bin = encodeSubmission({ scenarioPredictions: [jointEntry(scene.id, [joint(1, 1)])] });
    expect(await looksLikeSubmission(memorySource(bin, 'preds.bin'))).toBe(true);
    expect(await looksLikeSubmission(memorySource(new Uint8Array(4), 'x.binproto'))).toBe(true);
    expect(await looksLikeSubmission(memorySource(tarArchive([['a.bin', bin]]), 'upload'))).toBe(true);
    const json = new TextEncoder().encode(JSON.stringify({ method: 'm', scenarios: {} }));
    expect(await looksLikeSubmission(memorySource(json, 'preds.json'))).toBe(true);
    // a scene file: a TFRecord, a GPUDrive JSON scene, a gzipped shard
    expect(await looksLikeSubmission(memorySource(encodeRecord(new Uint8Array([0x2a, 1, 0x41])), 'a'))).toBe(
      false,
    );
    const scenario = new TextEncoder().encode(JSON.stringify({ name: 's', objects: [], roads: [] }));
    expect(await looksLikeSubmission(memorySource(scenario, 's.json'))).toBe(false);
    expect(await looksLikeSubmission(memorySource(Uint8Array.of(0x1f, 0x8b, 8, 0), 'x.tfrecord.gz'))).toBe(
      false,
    );
  });

  it('registers the file as a model and predicts from step 10, futures ranked by confidence', async () => {
    const bin = encodeSubmission({
      uniqueMethodName: 'lines',
      submissionType: 2,
      scenarioPredictions: [jointEntry(scene.id, [joint(1, 0.5), joint(3, 1.5)])],
    });
    const { predictor, file } = await openSubmission(memorySource(bin, 'lines.binproto'));
    expect(predictor.id).toBe('sub:lines');
    expect(predictorList()).toContain(getPredictor('sub:lines'));
    expect(isSubmission('sub:lines') && isBaseline('sub:lines')).toBe(true);
    expect(modeName('sub:lines', 1)).toBe('future 2');
    expect(submissionEntries().at(-1)).toMatchObject({ id: 'sub:lines', file });

    const p = await submissionPrediction('sub:lines', scene, [a, b]);
    expect(p).toMatchObject({ variant: 'sub:lines', backend: 'file', t: 10, choice: null, problems: [] });
    expect(p.prior).toEqual([0.75, 0.25]);
    expect(p.modes.map((m) => m.probability)).toEqual([0.75, 0.25]);
    // the most confident is the faster line: its end point 16 x 1.5 m ahead of step 10
    const [x10] = trackXY(scene.tracks, a, 10);
    expect(p.modes[0]!.samples[0]!.a[158]).toBeCloseTo(x10 + 24, 3);
    for (const m of p.modes) expect(LABEL_NAMES).toContain(m.label);

    // a second file of the same method gets its own entry
    const again = await openSubmission(memorySource(bin, 'lines-2.binproto'));
    expect(again.predictor.id).toBe('sub:lines (2)');
  });

  it('names a scene without an entry, and offers the pair a file predicts instead', async () => {
    const other = defaultPair(scene)![0] === 0 ? [1, 2] : [0, 1];
    const bin = encodeSubmission({
      uniqueMethodName: 'elsewhere',
      scenarioPredictions: [jointEntry(scene.id, [joint(1, 1, other)])],
    });
    await openSubmission(memorySource(bin, 'elsewhere.binproto'));
    const missing = generateScene(77, 1).scene;
    await expect(submissionPrediction('sub:elsewhere', missing, [0, 1])).rejects.toThrow(
      `elsewhere.binproto has no predictions for scenario ${missing.id}`,
    );
    const e = await submissionPrediction('sub:elsewhere', scene, [a, b]).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SubmissionPredictionError);
    expect((e as SubmissionPredictionError).predictedPair).toEqual(other);
    expect((e as Error).message).toContain(`it predicts agents ${ids[other[0]!]} and ${ids[other[1]!]}`);
  });

  it('names a file that is no submission and registers nothing', async () => {
    const before = predictorList().length;
    await expect(
      openSubmission(memorySource(new TextEncoder().encode('hello'), 'notes.txt')),
    ).rejects.toThrow(/notes\.txt/);
    expect(predictorList().length).toBe(before);
    expect(submissionEntries().at(-1)).toMatchObject({ id: null, name: 'notes.txt' });
  });
});
