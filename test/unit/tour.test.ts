// Tours (src/app/presenter/tour.ts, useTour.ts wantStep) and the bundled demo tour
// (public/demo/tour.json): the file format's checks name the file, the stop and the field and keep
// the other stops; a stop's file resolves against the tour's URL; the stop's next step follows the
// open files. The demo tour's every stop names a scene of public/demo/demo.tfrecord, and what its
// caption claims holds there: the pseudo label and who yields, the shipped models' priors, and the
// futures a forced mode draws (the models run here on tfjs wasm, as the app's worker runs them).
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { interactionPhrase, modePhrases } from '../../src/app/presenter/caption';
import { parseTour, stopFileUrl, TourError, type Tour } from '../../src/app/presenter/tour';
import { wantStep } from '../../src/app/presenter/useTour';
import type { OpenFileState } from '../../src/app/useScenarioFile';
import { readModelDir } from '../../src/cli/lib/local-models';
import { openPath } from '../../src/cli/lib/scene-files';
import { labelPairDetail, type PairDetail } from '../../src/labels';
import { labelFuture } from '../../src/labels/forecast';
import { defaultPair } from '../../src/labels/pairs';
import type { Params } from '../../src/model/network';
import { predictPairs, type PairResult } from '../../src/model/predictors';
import type { Scene } from '../../src/scene/scene';

const ROOT = join(import.meta.dirname, '../..');
const TOUR_PATH = join(ROOT, 'public/demo/tour.json');

describe('tour files', () => {
  it('reads stops with their defaults', () => {
    const t = parseTour(JSON.stringify({ stops: [{ scene: 's', caption: 'c' }] }), 't.json');
    expect(t.title).toBe('t.json');
    expect(t.stops).toEqual([
      { file: null, scene: 's', step: null, model: 'pseudo', mode: null, split: null, caption: 'c' },
    ]);
    expect(t.problems).toEqual([]);
  });

  it('leaves out a bad stop, naming the file, the stop and the field, and keeps the others', () => {
    const t = parseTour(
      JSON.stringify({
        stops: [
          { scene: 'a', caption: 'one' },
          { scene: 'b', caption: 'two', mode: 3 },
          { caption: 'three' },
          { scene: 'd', caption: 'four', step: 12.5 },
          'five',
          { scene: 'f', caption: 'six', step: 30, mode: 1, split: 'vanilla', file: 'x.tfrecord' },
        ],
      }),
      'talk.json',
    );
    expect(t.stops.map((s) => s.scene)).toEqual(['a', 'f']);
    expect(t.problems.map((p) => [p.file, p.stop, p.field])).toEqual([
      ['talk.json', 2, 'mode'],
      ['talk.json', 3, 'scene'],
      ['talk.json', 4, 'step'],
      ['talk.json', 5, 'stop'],
    ]);
    expect(t.problems[0]!.message).toBe('talk.json: stop 2: mode: expected a whole number 0..2, got 3');
  });

  it('refuses a file that is not JSON, not an object or has no readable stop, by name', () => {
    const err = (text: string) => {
      try {
        parseTour(text, 'bad.json');
      } catch (e) {
        expect(e).toBeInstanceOf(TourError);
        return (e as TourError).message;
      }
      throw new Error('no error');
    };
    expect(err('{')).toMatch(/^bad\.json: file: not JSON/);
    expect(err('[]')).toMatch(/^bad\.json: file: expected an object/);
    expect(err('{"stops": []}')).toBe('bad.json: stops: expected a non-empty list of stops');
    expect(err('{"stops": [{"scene": "x"}]}')).toMatch(
      /^bad\.json: stops: no readable stop \(bad\.json: stop 1: caption: missing/,
    );
  });

  it("resolves a stop's file against the tour's URL, else the page's", () => {
    const t = parseTour(
      JSON.stringify({ stops: [{ scene: 's', caption: 'c', file: 'demo.tfrecord' }] }),
      'tour.json',
    );
    const page = 'http://h/app/index.html';
    expect(stopFileUrl({ ...t, url: 'http://h/app/demo/tour.json' }, t.stops[0]!, page)).toBe(
      'http://h/app/demo/demo.tfrecord',
    );
    expect(stopFileUrl(t, t.stops[0]!, page)).toBe('http://h/app/demo.tfrecord');
    expect(stopFileUrl(t, { ...t.stops[0]!, file: null }, page)).toBeNull();
  });
});

describe("a stop's next step (wantStep)", () => {
  const tour: Tour = {
    ...parseTour(JSON.stringify({ stops: [{ scene: 's2', caption: 'c', file: 'b.tfrecord' }] }), 'tour.json'),
    url: 'http://h/tour.json',
  };
  const file = (over: Partial<OpenFileState>): OpenFileState => ({
    openId: 1,
    name: 'a.tfrecord',
    file: null,
    rows: [{ k: 0, record: 0, file: 'a.tfrecord', summary: { id: 's2' } as never }],
    problems: [],
    loading: false,
    error: null,
    ...over,
  });
  const want = { tour, stop: 0, requested: false };
  const href = 'http://h/index.html';

  it('opens the stop file when another file holding a scene of that id is open', () => {
    expect(wantStep(want, file({}), href)).toEqual({ kind: 'open', url: 'http://h/b.tfrecord' });
    // asked for already: waits for it
    expect(wantStep({ ...want, requested: true }, file({}), href)).toEqual({ kind: 'wait' });
  });

  it('shows the scene once its file lists it; waits while it lists; fails when listed without it', () => {
    const row = { k: 4, record: 4, file: 'b.tfrecord', summary: { id: 's2' } as never };
    expect(wantStep(want, file({ name: 'b.tfrecord', rows: [row] }), href)).toEqual({ kind: 'show', k: 4 });
    expect(wantStep(want, file({ name: 'b.tfrecord', rows: [], loading: true }), href)).toEqual({
      kind: 'wait',
    });
    const none = wantStep(want, file({ name: 'b.tfrecord', rows: [] }), href);
    expect(none.kind === 'fail' && none.error.message).toBe(
      "tour.json: stop 1: scene: 's2' is not in b.tfrecord",
    );
  });

  it('waits for the page to start its first open, and names a stop file that did not open', () => {
    expect(wantStep(want, file({ openId: 0, name: null, rows: [] }), href)).toEqual({ kind: 'wait' });
    const bad = wantStep({ ...want, requested: true }, file({ rows: [], error: 'HTTP 404' }), href);
    expect(bad.kind === 'fail' && bad.error.message).toBe(
      'tour.json: stop 1: file: http://h/b.tfrecord did not open: HTTP 404',
    );
  });
});

describe('the demo tour: every stop is in the demo set and its caption is true', () => {
  const tour = parseTour(readFileSync(TOUR_PATH, 'utf8'), 'tour.json', 'http://h/demo/tour.json');
  const scenes = new Map<string, Scene>();
  const params: Record<string, Params> = {};

  beforeAll(async () => {
    await tf.setBackend('wasm');
    for (const v of ['pseudo', 'vanilla']) params[v] = readModelDir(join(ROOT, `public/models/${v}`))!.params;
    const file = await openPath(join(ROOT, 'public/demo/demo.tfrecord'));
    for await (const r of file.scenes()) if (r.scene) scenes.set(r.scene.id, r.scene);
  }, 60_000);

  /** The stop's scene, its pair's real label, and a model's prediction from the stop's step. */
  async function at(k: number, model: string, mode: number | null = null) {
    const stop = tour.stops[k]!;
    const scene = scenes.get(stop.scene)!;
    const [a, b] = defaultPair(scene)!;
    const truth: PairDetail = labelPairDetail(scene, a, b);
    const [p] = await predictPairs(
      model,
      params[model]!,
      [{ scene, a, b, t: stop.step ?? scene.currentIndex }],
      {
        samplesPerMode: 2,
        posterior: false,
        ...(mode === null ? {} : { mode }),
      },
    );
    return { stop, scene, a, b, truth, p: p! };
  }
  const argmax = (p: PairResult) => p.prior.indexOf(Math.max(...p.prior));

  it('is whole: five stops, none left out, all in demo.tfrecord, models known', () => {
    expect(tour.problems).toEqual([]);
    expect(tour.stops).toHaveLength(5);
    for (const s of tour.stops) {
      expect(stopFileUrl(tour, s, 'http://h/')).toBe('http://h/demo/demo.tfrecord');
      expect(scenes.has(s.scene), s.scene).toBe(true);
    }
  });

  it('stop 1, a yield: A turns left and passes first, B yields to A; the pseudo CVAE says so', async () => {
    const { stop, scene, truth, p } = await at(0, 'pseudo');
    expect([truth.label, truth.yielder, truth.maneuverA]).toEqual([0, 'B', 'left']);
    expect(stop.caption).toMatch(/yield: A turns left first, B slows down/);
    expect(argmax(p)).toBe(0);
    expect(p.prior[0]).toBeGreaterThan(0.9);
    // the caption's top mode, in words
    expect(modePhrases({ ...p, variant: 'pseudo' } as never, scene)[0]!.name).toBe('B yields to A');
  });

  it('stop 2, a pass: B passes first and nobody yields; the pseudo CVAE says so', async () => {
    const { stop, truth, p } = await at(1, 'pseudo');
    expect([truth.label, truth.yielder]).toEqual([1, null]);
    expect(stop.caption).toMatch(/B goes through first, nobody has to slow down/);
    expect(argmax(p)).toBe(1);
  });

  it('stop 3, a forced mode: B went first and A yielded; forced "A passes first", B yields to A', async () => {
    const { stop, scene, a, b, truth, p } = await at(2, 'pseudo', 0);
    expect(stop.mode).toBe(0);
    expect([truth.label, truth.yielder]).toEqual([1, 'A']);
    expect(stop.caption).toMatch(/B went first here; force "A passes first" and B yields to A/);
    const own = p.modes[0]!.samples.filter((s) => s.source !== 'kinematic');
    expect(own.length).toBeGreaterThan(0);
    for (const s of own) {
      const d = labelFuture(scene, a, b, p.t, s.a, s.b);
      expect(interactionPhrase(d)).toBe('B yields to A');
    }
  });

  it('stop 4, no interaction: the paths never meet; the pseudo CVAE says so', async () => {
    const { stop, truth, p } = await at(3, 'pseudo');
    expect([truth.label, truth.kind]).toEqual([2, 'none']);
    expect(stop.caption).toMatch(/never meet/);
    expect(argmax(p)).toBe(2);
  });

  it("stop 5: the vanilla CVAE's modes collapse onto one beside the pseudo CVAE's named ones", async () => {
    const stop = tour.stops[4]!;
    expect([stop.model, stop.split]).toEqual(['pseudo', 'vanilla']);
    const pseudo = await at(4, 'pseudo');
    const vanilla = await at(4, 'vanilla');
    expect(argmax(pseudo.p)).toBe(pseudo.truth.label);
    // collapsed: one of its modes takes (nearly) all the probability, whatever the scene
    expect(Math.max(...vanilla.p.prior)).toBeGreaterThan(0.95);
    expect(stop.caption).toMatch(/vanilla CVAE: one mode takes it all/);
  });
});
