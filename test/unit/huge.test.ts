// Huge and odd scenes and files in Node (issue 18 items 1 and 2; the browser side is
// test/browser/huge.test.ts): each odd scene of src/synth/odd.ts survives the Scenario wire format
// whole, gets a list row and a prediction (or, for the pair invalid at every step, a named "not
// tracked at step" error); a GZIP scenario file over the inflate cap is refused with a message
// that says to gunzip it, before anything is inflated when the file itself is over the cap.
import { describe, expect, it } from 'vitest';
import { focusPoints } from '../../src/app/fit';
import { sceneRow } from '../../src/app/scene-rows';
import { predictPairs } from '../../src/model/predictors';
import { interactingPair, S_X, S_Y, type Scene } from '../../src/scene/scene';
import { generateScene } from '../../src/synth';
import { hugeFileParts } from '../../src/synth/huge-file';
import {
  ODD_FAR_M,
  ODD_MAP_POINTS,
  ODD_STEPS,
  ODD_TRACKS,
  oddScene,
  type OddScene,
} from '../../src/synth/odd';
import {
  encodeRecords,
  encodeScene,
  gzipBytes,
  memorySource,
  openSceneFile,
  SceneSet,
  type ByteSource,
} from '../../src/waymo';
import { WaymoReadError } from '../../src/waymo/errors';
import { ScenarioFile } from '../../src/waymo/file';
import { fixturePayload } from '../fixtures/scenes';

/** The odd scene written as a one-record TFRecord file and read back through the app's reader. */
async function roundTrip(name: OddScene): Promise<Scene> {
  const f = await openSceneFile(
    memorySource(encodeRecords([encodeScene(oddScene(name))]), `${name}.tfrecord`),
  );
  expect(f.count).toBe(1);
  return f.scene(0);
}

const predictCv = (s: Scene) => {
  const [a, b] = interactingPair(s)!;
  return predictPairs('constant_velocity', null, [{ scene: s, a, b, t: s.currentIndex }], {
    samplesPerMode: 1,
  });
};

describe('odd scenes survive the wire format and list', () => {
  // one scene at a time: the biggest is a 17 MB payload
  it.each([
    ['tracks3000', (s: Scene) => expect(s.tracks.count).toBe(ODD_TRACKS)],
    ['map200k', (s: Scene) => expect(s.map.starts[s.map.count]).toBeGreaterThanOrEqual(ODD_MAP_POINTS)],
    [
      'steps1000',
      (s: Scene) => expect([s.tracks.steps, s.timestamps.length]).toEqual([ODD_STEPS, ODD_STEPS]),
    ],
    ['nomap', (s: Scene) => expect([s.map.count, s.signals.lanes.length]).toEqual([0, 0])],
  ] as const)('%s: decodes whole, lists and predicts', { timeout: 60_000 }, async (name, check) => {
    const s = await roundTrip(name);
    check(s);
    const row = sceneRow({ k: 0, record: 0, scene: s }, `${name}.tfrecord`);
    expect(row.error).toBeUndefined();
    expect(row.summary!.tracks).toBe(s.tracks.count);
    const [r] = await predictCv(s);
    expect(r!.modes[0]!.samples.length).toBeGreaterThan(0);
  });

  it("steps1000: the pair fit frames WOMD's 9.1 s window, not the pair's whole 100 s drive", () => {
    const long = oddScene('steps1000');
    const short = generateScene(18, 0).scene;
    const span = (s: Scene) => {
      const pts = focusPoints(s, interactingPair(s)!, []);
      const xs = pts.filter((_, k) => k % 2 === 0);
      const ys = pts.filter((_, k) => k % 2 === 1);
      return Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
    };
    // the first 91 steps are the synthetic scene's own: the same frame
    expect(span(long)).toBe(span(short));
  });

  it('far: 10^7 m from zero, the origin carries it in float64 and the scene-relative values are unchanged', async () => {
    const s = await roundTrip('far');
    const near = generateScene(18, 0).scene;
    expect(s.origin[0] - near.origin[0]).toBe(ODD_FAR_M);
    expect(s.origin[1] - near.origin[1]).toBe(ODD_FAR_M);
    // float32 relative positions survive exactly: the float64 world values hold them
    const i = (near.tracks.steps * 3 + 10) * 10;
    expect([s.tracks.state[i + S_X], s.tracks.state[i + S_Y]]).toEqual([
      near.tracks.state[i + S_X],
      near.tracks.state[i + S_Y],
    ]);
    expect(s.map.points).toEqual(near.map.points);
    expect(sceneRow({ k: 0, record: 0, scene: s }, 'far').error).toBeUndefined();
    const [r] = await predictCv(s);
    const [a] = interactingPair(s)!;
    // the prediction starts where agent A is, in scene coordinates (not shifted by 10^7 m)
    const o = (a * s.tracks.steps + s.currentIndex) * 10;
    const first = r!.modes[0]!.samples[0]!.a;
    expect(
      Math.hypot(first[0]! - s.tracks.state[o + S_X]!, first[1]! - s.tracks.state[o + S_Y]!),
    ).toBeLessThan(5);
  });

  it('invalidpair: lists with its label, and a prediction names the agent not tracked at the step', async () => {
    const s = await roundTrip('invalidpair');
    const row = sceneRow({ k: 0, record: 0, scene: s }, 'invalidpair');
    expect(row.error).toBeUndefined();
    const [a] = interactingPair(s)!;
    await expect(predictCv(s)).rejects.toThrow(
      new RegExp(`agent ${s.tracks.ids[a]} is not tracked at step ${s.currentIndex}`),
    );
  });
});

/** A source that counts the bytes it hands out and whether its stream (inflation) was started. */
function counted(bytes: Uint8Array, name: string): ByteSource & { streamed: () => boolean } {
  const inner = memorySource(bytes, name);
  let streamed = false;
  return {
    ...inner,
    stream: () => {
      streamed = true;
      return inner.stream();
    },
    streamed: () => streamed,
  };
}

describe('a GZIP scenario file over the inflate cap', () => {
  const plain = encodeRecords([fixturePayload(1), fixturePayload(2), fixturePayload(3)]);

  it('opens under the cap', async () => {
    const gz = await gzipBytes(plain);
    const f = await ScenarioFile.open(memorySource(gz, 'ok.tfrecord.gz'), { maxInflatedBytes: plain.length });
    expect(f.count).toBe(3);
    expect((await f.scene(2)).id).toBe('fixture-3');
  });

  it('is refused before inflating when the file itself is over the cap', async () => {
    const gz = await gzipBytes(plain);
    const src = counted(gz, 'big.tfrecord.gz');
    const err = await ScenarioFile.open(src, { maxInflatedBytes: gz.length - 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WaymoReadError);
    expect((err as WaymoReadError).field).toBe('gzip');
    expect((err as Error).message).toMatch(/big\.tfrecord\.gz.*gzip.*cap.*gunzip FILE/);
    expect(src.streamed()).toBe(false);
  });

  it('stops inflating at the cap when the file is smaller than the cap but inflates past it', async () => {
    // two members, so the file is smaller than the first member's inflated bytes
    const one = await gzipBytes(plain);
    const two = await gzipBytes(encodeRecords([fixturePayload(4)]));
    const both = new Uint8Array(one.length + two.length);
    both.set(one);
    both.set(two, one.length);
    const cap = plain.length - 1;
    expect(both.length).toBeLessThan(cap);
    const err = await ScenarioFile.open(memorySource(both, 'members.tfrecord.gz'), {
      maxInflatedBytes: cap,
    }).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(new RegExp(`inflates to more than ${cap} bytes.*gunzip FILE`));
  });

  it('is one named problem of a set; the other files stay open', async () => {
    const gz = await gzipBytes(plain);
    const set = await SceneSet.open(
      [memorySource(gz, 'refused.tfrecord.gz'), memorySource(plain, 'plain.tfrecord')],
      { maxInflatedBytes: 100 },
    );
    expect(set.count).toBe(3);
    expect(set.problems.map((p) => [p.file, p.field])).toEqual([['refused.tfrecord.gz', 'gzip']]);
    expect((await set.scene(0)).id).toBe('fixture-1');
  });
});

describe("the huge file's pieces (src/synth/huge-file.ts)", () => {
  it('put together, are a valid TFRecord of distinct Scenarios, record by record', async () => {
    const p = hugeFileParts({ records: 3, recordBytes: 1 << 20 });
    const all = new Uint8Array(p.records * p.recordBytes);
    for (let k = 0; k < p.records; k++) {
      all.set(p.head, k * p.recordBytes);
      all.set(p.tails.subarray(k * p.tailBytes, (k + 1) * p.tailBytes), k * p.recordBytes + p.head.length);
    }
    const f = await ScenarioFile.open(memorySource(all, 'huge.tfrecord'));
    expect([f.count, f.problems]).toEqual([3, []]);
    for (let k = 0; k < 3; k++) expect((await f.scene(k)).id).toBe(p.idOf(k)); // payload CRCs checked
  });
});
