// "Save as WOMD submission" after the file-level run (app/predictions/submission.ts): the run on the
// demo set in the built app (wasm backend, named in the URL), the button clicked, the download
// captured (playwright's download event), gunzipped with zlib and decoded with the independent
// reference schema (test/fixtures/motion_submission.proto), never with ModeScope's reader: one
// scenario per demo scene with its WOMD id, the pair's WOMD object ids (the app's default pair, read
// here from the demo file in Node), 16 points per trajectory, finite confidences most probable
// first, and the header the page writes. Every wait is for a state (a selector, an event).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import protobuf from 'protobufjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../src/cli/lib/browser';
import { readModelDir } from '../../src/cli/lib/local-models';
import { openPath } from '../../src/cli/lib/scene-files';
import { defaultPair } from '../../src/labels/pairs';
import { formatParameterCount } from '../../src/waymo/submission-write';
import { waitForScene } from './viewer-fixtures';

const ROOT = join(import.meta.dirname, '../..');
const DEMO = join(ROOT, 'public/demo/demo.tfrecord');
const Submission = protobuf
  .parse(readFileSync(join(ROOT, 'test/fixtures/motion_submission.proto'), 'utf8'))
  .root.lookupType('waymo.open_dataset.MotionChallengeSubmission');

interface Decoded {
  scenarioPredictions: {
    scenarioId: string;
    jointPrediction: {
      jointTrajectories: {
        confidence: number;
        trajectories: { objectId: number; trajectory: { centerX: number[]; centerY: number[] } }[];
      }[];
    };
  }[];
  submissionType: string;
  uniqueMethodName: string;
  description: string;
  usesLidarData: boolean;
  usesCameraData: boolean;
  usesPublicModelPretraining: boolean;
  numModelParameters: string;
}

let h: Harness;
let page: Page;
/** Per demo scene: its id and the pair's WOMD object ids, from the file itself. */
const demo: { id: string; objectIds: number[] }[] = [];

beforeAll(async () => {
  const file = await openPath(DEMO);
  for (let k = 0; k < file.count; k++) {
    const scene = await file.scene(k);
    const [a, b] = defaultPair(scene)!;
    demo.push({ id: scene.id, objectIds: [scene.tracks.ids[a]!, scene.tracks.ids[b]!] });
  }
  await file.close?.();
  h = await startHarness();
  page = await h.newPage();
  await page.goto(`${h.url}?backend=wasm`);
  await waitForScene(page);
});
afterAll(async () => {
  await h?.close();
});

describe('Save as WOMD submission', () => {
  it('writes the file run as a submission the reference schema decodes', async () => {
    await page.click('[data-testid=file-run-open]');
    await page.click('[data-testid=file-run-start]');
    await page.waitForSelector('[data-testid=export-submission]', { timeout: 240_000 });
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=export-submission]'),
    ]);
    expect(dl.suggestedFilename()).toBe('demo-submission.binproto.gz');
    const bytes = gunzipSync(readFileSync((await dl.path())!));
    const msg = Submission.toObject(Submission.decode(bytes), { enums: String, arrays: true }) as Decoded;

    const got = msg.scenarioPredictions;
    expect(got.map((s) => s.scenarioId)).toEqual(demo.map((d) => d.id));
    got.forEach((s, k) => {
      const joint = s.jointPrediction.jointTrajectories;
      expect(joint.length).toBeGreaterThan(0);
      expect(joint.length).toBeLessThanOrEqual(6);
      joint.forEach((j, n) => {
        expect(Number.isFinite(j.confidence)).toBe(true);
        if (n > 0) expect(j.confidence).toBeLessThanOrEqual(joint[n - 1]!.confidence);
        expect(j.trajectories.map((t) => t.objectId)).toEqual(demo[k]!.objectIds);
        for (const t of j.trajectories) {
          expect(t.trajectory.centerX).toHaveLength(16);
          expect(t.trajectory.centerY).toHaveLength(16);
          expect([...t.trajectory.centerX, ...t.trajectory.centerY].every(Number.isFinite)).toBe(true);
        }
      });
    });
    expect(msg).toMatchObject({
      submissionType: 'INTERACTION_PREDICTION',
      uniqueMethodName: 'modescope-pseudo',
      usesLidarData: false,
      usesCameraData: false,
      usesPublicModelPretraining: false,
    });
    // the page counts the weights manifest; the CLI counts the loaded tensors: the same figure
    const params = readModelDir(join(ROOT, 'public/models/pseudo'))!.params;
    expect(msg.numModelParameters).toBe(
      formatParameterCount(Object.values(params).reduce((n, v) => n + v.size, 0)),
    );
    expect(msg.description).toContain("ModeScope's default pair");
    expect(await page.textContent('[data-testid=submission-status]')).toBe(`${demo.length} scenarios saved`);
  });
});
