// The prediction scheduler with a real Store and a stand-in model client (no worker): one request
// at a time and the latest wish next, a failed request not sent again until the request changes,
// a model that failed to start not started again until the backend changes, and an agent not
// tracked at the step refused without asking the model, and a worker that died restarted with the
// request retried, at most MAX_RESTARTS times.
import { describe, expect, it } from 'vitest';
import { ModelWorkerDied, type PredictRequestOptions } from '../../src/app/model-client';
import type { PairPrediction } from '../../src/app/model-protocol';
import {
  MAX_RESTARTS,
  PredictionController,
  predictionStep,
  type PredictClient,
  type StartClient,
} from '../../src/app/predictions/controller';
import { Store } from '../../src/app/store';
import type { Scene } from '../../src/scene/scene';
import { fixtureScene } from '../fixtures/scenes';

interface Call {
  scene: Scene;
  pair: [number, number];
  t: number;
  opts: PredictRequestOptions;
  /** Answered or failed. */
  settled: boolean;
  resolve: (p: PairPrediction) => void;
  reject: (e: Error) => void;
}

/**
 * A model client whose answers the test gives: every predict() waits until resolved or rejected.
 * Like ModelClient, terminate() fails the requests still open.
 */
class FakeClient implements PredictClient {
  readonly calls: Call[] = [];
  terminated = 0;
  /** The most requests open at once. */
  maxOpen = 0;
  constructor(readonly backend: string) {}

  predict(scene: Scene, pair: [number, number], t: number, opts: PredictRequestOptions) {
    return new Promise<PairPrediction>((resolve, reject) => {
      const c: Call = {
        scene,
        pair,
        t,
        opts,
        settled: false,
        resolve: (p) => ((c.settled = true), resolve(p)),
        reject: (e) => ((c.settled = true), reject(e)),
      };
      this.calls.push(c);
      this.maxOpen = Math.max(this.maxOpen, this.calls.filter((x) => !x.settled).length);
    });
  }

  terminate() {
    this.terminated++;
    for (const c of this.calls) if (!c.settled) c.reject(new Error('model worker stopped'));
  }
}

/** The answer to a call, as the worker would give it. */
function answer(c: Call): PairPrediction {
  return {
    sceneId: c.scene.id,
    a: c.pair[0],
    b: c.pair[1],
    t: c.t,
    label: 0,
    labelName: 'A passes first',
    modes: [],
    prior: [1, 0, 0],
    posterior: null,
    variant: c.opts.variant ?? 'pseudo',
    backend: 'fake-gpu',
    latencyMs: 7,
    numTensors: 0,
    choice: { backend: 'cpu', how: 'asked', figures: [], failed: [], key: '' },
    notice: null,
  };
}

/** Lets every pending promise callback run. */
const flush = () => new Promise((r) => setTimeout(r, 0));

/**
 * A store showing fixture scene 1 (pair: tracks 1 and 2; track 5 appears at step 20) and a
 * controller on it whose client starts are recorded. `start` decides each start (default: a new
 * FakeClient at once).
 */
function setup(
  o: {
    compare?: boolean;
    start?: (backend: string | undefined) => Promise<FakeClient>;
    state?: Parameters<Store['set']>[0];
  } = {},
) {
  const store = new Store();
  const scene = fixtureScene(1);
  store.set({ scene, time: 10, playing: false, ...o.state });
  const starts: (string | undefined)[] = [];
  const clients: FakeClient[] = [];
  const startClient: StartClient = async (opts) => {
    starts.push(opts.backend);
    const c = await (o.start ?? (async (b) => new FakeClient(`fake-${b ?? 'auto'}`)))(opts.backend);
    clients.push(c);
    return c;
  };
  const controller = new PredictionController(store, o.compare ?? false, startClient);
  /** Every predict call so far, over all clients. */
  const calls = () => clients.flatMap((c) => c.calls);
  /** The calls not answered yet. */
  const open = () => calls().filter((c) => !c.settled);
  /**
   * The steps asked for, a request sent twice in a row counted once (the main controller sends
   * each request a second time today: see 'sends each request once' below).
   */
  const steps = () =>
    calls()
      .filter((c, k, all) => k === 0 || requestKey(c) !== requestKey(all[k - 1]!))
      .map((c) => c.t);
  /** Answers every open request, and the ones that follow, until none is open. */
  const answerAll = async () => {
    await flush();
    for (let c = open(); c.length > 0; c = open()) {
      for (const x of c) x.resolve(answer(x));
      await flush();
    }
  };
  return { store, scene, controller, starts, clients, calls, open, steps, answerAll };
}

const requestKey = (c: Call) => JSON.stringify([c.scene.id, c.pair, c.t, c.opts]);

describe('predictionStep', () => {
  it('predicts from step 10 at the earliest and leaves one step of future', () => {
    const scene = fixtureScene(1);
    expect([0, 3.7, 10, 42.9999995, 42.5, 88.9, 89, 90].map((t) => predictionStep(scene, t))).toEqual([
      10, 10, 10, 43, 42, 88, 89, 89,
    ]);
  });
});

describe('prediction controller', () => {
  it('starts the model once, predicts the pair from the step and shows the answer', async () => {
    const h = setup();
    h.controller.attach();
    // the request is on its way before any await: the model is loading
    expect(h.starts).toEqual([undefined]);
    expect(h.store.get().model).toMatchObject({ state: 'loading', pending: true, message: null });
    await flush();
    expect(h.store.get().model).toMatchObject({ state: 'ready', backend: 'fake-auto', pending: true });
    expect(h.calls()).toHaveLength(1);
    const c = h.calls()[0]!;
    expect([c.scene, c.pair, c.t, c.opts]).toEqual([
      h.scene,
      [1, 2],
      10,
      { samplesPerMode: 2, mode: undefined, seed: 1, meansFirst: true, variant: 'pseudo' },
    ]);
    const p = answer(c);
    c.resolve(p);
    await flush();
    expect(h.store.get().prediction).toBe(p);
    await h.answerAll();
    expect(h.store.get().prediction).toMatchObject({ sceneId: 'fixture-1', a: 1, b: 2, t: 10 });
    expect(h.store.get().model).toMatchObject({
      state: 'ready',
      backend: 'fake-gpu',
      latencyMs: 7,
      // the answer's choice (model/backends.ts describeChoice)
      backendWhy: 'as chosen',
      pending: false,
      message: null,
    });
    expect(h.store.get().model.roundTripMs).toBeGreaterThanOrEqual(0);
    // nothing that leaves the request as it is asks again: a selection, a time within the step
    h.store.set({ selected: 3 });
    h.store.set({ time: 10.7 });
    await flush();
    expect(h.open()).toEqual([]);
    expect(h.steps()).toEqual([10]);
    expect(h.starts).toEqual([undefined]);
  });

  // A fault these tests found (fixed): run() set `pending` on the store right after taking the
  // request off the queue; the store called changed(), which did not know that request was in
  // flight and queued it again, so the main controller sent every request twice.
  it('sends each request once', async () => {
    const h = setup();
    h.controller.attach();
    await h.answerAll();
    expect(h.calls().map((c) => c.t)).toEqual([10]);
  });

  // The same symptom by another path (shown on the split view's controller): a scrub away and
  // back to the step in flight queued that step again behind itself.
  it('does not send the request in flight again after a scrub away and back', async () => {
    const h = setup({ compare: true, state: { compare: 'vanilla' } });
    h.controller.attach();
    await flush();
    h.store.set({ time: 20 });
    h.store.set({ time: 10 });
    await h.answerAll();
    expect(h.calls().map((c) => c.t)).toEqual([10]);
  });

  it('sends one request at a time and only the latest wish next', async () => {
    const h = setup();
    h.controller.attach();
    await h.answerAll();
    const first = h.store.get().prediction;
    expect(first).toMatchObject({ t: 10 });
    // a fast scrub: 20 goes out at once, 30 is replaced by 40 while 20 runs
    h.store.set({ time: 20 });
    h.store.set({ time: 30 });
    h.store.set({ time: 40 });
    await flush();
    expect(h.open().map((c) => c.t)).toEqual([20]);
    h.open()[0]!.resolve(answer(h.open()[0]!));
    await flush();
    // the answer for 20 is not what the screen wants: step 10's stays until 40's comes
    expect(h.open().map((c) => c.t)).toEqual([40]);
    expect(h.store.get().prediction).toBe(first);
    expect(h.store.get().model.pending).toBe(true);
    await h.answerAll();
    expect(h.store.get().prediction).toMatchObject({ t: 40 });
    expect(h.store.get().model.pending).toBe(false);
    expect(h.steps()).toEqual([10, 20, 40]);
    expect(h.clients[0]!.maxOpen).toBe(1);
    expect(h.starts).toHaveLength(1);
  });

  // Found while writing the rapid-input storm (by reading; the storm's seeds did not hit it): a scrub
  // away and back to the step shown let the away step's late answer replace it (another step drawn).
  it('keeps the answer shown for the step it is back at over a late answer for the step left', async () => {
    const h = setup();
    h.controller.attach();
    await h.answerAll();
    const first = h.store.get().prediction;
    h.store.set({ time: 20 });
    await flush();
    h.store.set({ time: 10 });
    await h.answerAll();
    expect(h.steps()).toEqual([10, 20]);
    expect(h.store.get().prediction).toBe(first);
    expect(h.store.get().model.pending).toBe(false);
  });

  it('does not show a late answer for another pair or model of the scene', async () => {
    const h = setup();
    h.controller.attach();
    await h.answerAll();
    const first = h.store.get().prediction;
    // playback (nothing asked) while the pair changes and a request for the old pair is answered
    h.store.set({ time: 20 });
    await flush();
    h.store.set({ playing: true, pair: [2, 1] });
    await h.answerAll();
    expect(h.store.get().prediction).toBe(first);
    h.store.set({ playing: false });
    await h.answerAll();
    expect(h.store.get().prediction).toMatchObject({ a: 2, b: 1, t: 20 });
  });

  it('asks nothing during playback, shows the answer made before it, and asks again when it stops', async () => {
    const h = setup({ state: { time: 50 } });
    h.controller.attach();
    await flush();
    h.store.set({ playing: true, time: 55.4 });
    h.store.set({ time: 61.2 });
    await h.answerAll();
    expect(h.store.get().prediction).toMatchObject({ t: 50 });
    expect(h.steps()).toEqual([50]);
    // stopping rests on the whole step shown, and predicts from it
    h.store.set({ playing: false });
    await flush();
    expect(h.store.get().time).toBe(61);
    expect(h.open().map((c) => c.t)).toEqual([61]);
  });

  it('passes the sampling settings, and a resample draws without the means first', async () => {
    const h = setup();
    h.store.set({ predict: { ...h.store.get().predict, samplesPerMode: 6, forcedMode: 2, seed: 5 } });
    h.controller.attach();
    await flush();
    expect(h.calls()[0]!.opts).toEqual({
      samplesPerMode: 6,
      mode: 2,
      seed: 5,
      meansFirst: false,
      variant: 'pseudo',
    });
  });

  it('does not send a failed request again until the request changes', async () => {
    const h = setup();
    h.controller.attach();
    await h.answerAll();
    h.store.set({ time: 20 });
    await flush();
    h.open()[0]!.reject(new Error('out of memory'));
    await flush();
    expect(h.store.get().model).toMatchObject({
      state: 'error',
      pending: false,
      message: 'prediction failed: out of memory',
    });
    // no stale answer from step 10 beside the error
    expect(h.store.get().prediction).toBeNull();
    expect(h.open()).toEqual([]);
    h.store.set({ selected: 2 });
    h.store.set({ time: 20.6 });
    h.store.set({ hovered: 4 });
    await flush();
    expect(h.open()).toEqual([]);
    expect(h.steps()).toEqual([10, 20]);
    // a new seed is a new request
    h.store.set({ predict: { ...h.store.get().predict, seed: 2 } });
    await flush();
    expect(h.open().map((c) => [c.t, c.opts.seed])).toEqual([[20, 2]]);
    await h.answerAll();
    expect(h.store.get().prediction).toMatchObject({ t: 20 });
    expect(h.store.get().model).toMatchObject({ state: 'ready', message: null });
  });

  it('drops a queued copy of the request that just failed', async () => {
    const h = setup();
    h.controller.attach();
    await flush();
    // away and back while step 10 runs: step 10 is queued again behind itself
    h.store.set({ time: 20 });
    h.store.set({ time: 10 });
    h.calls()[0]!.reject(new Error('lost'));
    await flush();
    expect(h.calls().map((c) => c.t)).toEqual([10]);
    expect(h.open()).toEqual([]);
    expect(h.store.get().model).toMatchObject({ state: 'error', message: 'prediction failed: lost' });
  });

  it('does not start a model that failed to start until the backend changes', async () => {
    const h = setup({
      start: async (b) => {
        if (b === undefined) throw new Error('no WebGPU adapter');
        return new FakeClient(`fake-${b}`);
      },
    });
    h.controller.attach();
    await flush();
    const message = 'the model could not start: no WebGPU adapter (choose another backend to try again)';
    expect(h.store.get().model).toMatchObject({ state: 'error', pending: false, message });
    // a new step is a new request, but the failed start is not tried again
    h.store.set({ time: 20 });
    await flush();
    h.store.set({ time: 30 });
    await flush();
    expect(h.starts).toEqual([undefined]);
    expect(h.calls()).toHaveLength(0);
    expect(h.store.get().model).toMatchObject({ state: 'error', pending: false, message });
    // another backend: started, and the step asked for
    h.store.set({ predict: { ...h.store.get().predict, backend: 'wasm' } });
    await flush();
    expect(h.starts).toEqual([undefined, 'wasm']);
    expect(h.open().map((c) => c.t)).toEqual([30]);
    await h.answerAll();
    expect(h.store.get().model).toMatchObject({ state: 'ready', backend: 'fake-gpu', message: null });
    // back to auto: the failure was for the old setting, so auto is tried again
    h.store.set({ predict: { ...h.store.get().predict, backend: 'auto' } });
    await flush();
    expect(h.starts).toEqual([undefined, 'wasm', undefined]);
    expect(h.clients[0]!.terminated).toBe(1);
  });

  it('restarts a worker that died, retries the request, says so, and stops after MAX_RESTARTS', async () => {
    const h = setup();
    h.controller.attach();
    await h.answerAll();
    h.store.set({ time: 20 });
    await flush();
    const died = new ModelWorkerDied('the model worker crashed (boom)');
    h.open()[0]!.reject(died);
    await flush();
    // a new client, asked the same request again
    expect(h.starts).toEqual([undefined, undefined]);
    expect(h.clients[1]!.calls.map((c) => c.t)).toEqual([20]);
    expect(h.store.get().model.pending).toBe(true);
    await h.answerAll();
    const notice = `the model worker crashed (boom); restarted it (1 of ${MAX_RESTARTS})`;
    expect(h.store.get().model).toMatchObject({ state: 'ready', pending: false, message: notice });
    expect(h.store.get().prediction).toMatchObject({ t: 20 });
    // the notice stays beside later predictions
    h.store.set({ time: 30 });
    await h.answerAll();
    expect(h.store.get().model).toMatchObject({ state: 'ready', message: notice });
    // a request that kills every worker: restarted up to the cap, then the error stays
    h.store.set({ time: 40 });
    for (let k = 0; k < MAX_RESTARTS; k++) {
      await flush();
      h.open()[0]!.reject(died);
    }
    await flush();
    expect(h.starts).toHaveLength(1 + MAX_RESTARTS);
    expect(h.open()).toEqual([]);
    expect(h.store.get().model).toMatchObject({ state: 'error', pending: false });
    expect(h.store.get().model.message).toBe(
      `the model worker crashed (boom), after ${MAX_RESTARTS} restarts: not started again (choose another backend to try again)`,
    );
    expect(h.store.get().prediction).toBeNull();
    // not started again on this backend setting; another one starts afresh
    h.store.set({ time: 50 });
    await flush();
    expect(h.starts).toHaveLength(1 + MAX_RESTARTS);
    h.store.set({ predict: { ...h.store.get().predict, backend: 'wasm' } });
    await h.answerAll();
    expect(h.starts.at(-1)).toBe('wasm');
    expect(h.store.get().model).toMatchObject({ state: 'ready', message: null });
  });

  it('stops the old client and starts one on the new backend', async () => {
    const h = setup();
    h.controller.attach();
    await h.answerAll();
    h.store.set({ predict: { ...h.store.get().predict, backend: 'cpu' } });
    await flush();
    expect(h.clients[0]!.terminated).toBe(1);
    expect(h.starts).toEqual([undefined, 'cpu']);
    expect(h.clients[1]!.calls.map((c) => c.t)).toEqual([10]);
    await h.answerAll();
    expect(h.store.get().model).toMatchObject({ state: 'ready', pending: false });
  });

  it('refuses a pair whose agent is not tracked at the step without asking the model', async () => {
    const h = setup({ state: { pair: [1, 5] } });
    h.controller.attach();
    await flush();
    expect(h.starts).toEqual([]);
    expect(h.store.get().prediction).toBeNull();
    expect(h.store.get().model).toMatchObject({
      state: 'error',
      pending: false,
      message:
        'agent 105 (B) is not tracked at step 10 (1.0 s), so there is nothing to predict from; step back or choose another pair',
    });
    h.store.set({ pair: [5, 1], time: 12 });
    await flush();
    expect(h.store.get().model.message).toMatch(/^agent 105 \(A\) is not tracked at step 12 \(1\.2 s\)/);
    expect(h.starts).toEqual([]);
    // from step 20 on, track 5 is there
    h.store.set({ time: 25 });
    await flush();
    expect(h.starts).toEqual([undefined]);
    expect(h.open().map((c) => [c.pair, c.t])).toEqual([[[5, 1], 25]]);
  });

  it('keeps the refusal on screen over a late answer and a late start', async () => {
    let release: (c: FakeClient) => void = () => {};
    const h = setup({
      state: { pair: [1, 5], time: 25 },
      start: () => new Promise<FakeClient>((r) => (release = r)),
    });
    // every prediction the screen could see (this listener runs before the controller's)
    const shown: unknown[] = [];
    h.store.subscribe((s) => shown.push(s.prediction));
    h.controller.attach();
    await flush();
    expect(h.store.get().model.state).toBe('loading');
    // back to a step where track 5 is not yet tracked while the model starts
    h.store.set({ time: 15 });
    release(new FakeClient('fake-late'));
    await flush();
    expect(h.store.get().model).toMatchObject({ state: 'error', backend: 'fake-late' });
    // the request for 25 still went out; its answer does not cover the refusal, not even for a moment
    expect(h.open().map((c) => c.t)).toEqual([25]);
    await h.answerAll();
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((p) => p === null)).toBe(true);
    expect(h.store.get().prediction).toBeNull();
    expect(h.store.get().model).toMatchObject({ state: 'error', pending: false });
    expect(h.store.get().model.message).toMatch(/^agent 105 \(B\) is not tracked at step 15/);
  });

  it('clears the prediction of another scene and predicts the new one', async () => {
    const h = setup();
    h.controller.attach();
    await h.answerAll();
    expect(h.store.get().prediction).toMatchObject({ sceneId: 'fixture-1' });
    h.store.set({ scene: fixtureScene(2) });
    expect(h.store.get().prediction).toBeNull();
    await flush();
    expect(h.open().map((c) => [c.scene.id, c.t])).toEqual([['fixture-2', 10]]);
    await h.answerAll();
    expect(h.store.get().prediction).toMatchObject({ sceneId: 'fixture-2', t: 10 });
  });

  it('turns off: no prediction, the model off; on again asks anew', async () => {
    const h = setup();
    h.controller.attach();
    await h.answerAll();
    h.store.set({ predict: { ...h.store.get().predict, on: false } });
    expect(h.store.get().prediction).toBeNull();
    expect(h.store.get().model).toMatchObject({ state: 'off', pending: false });
    h.store.set({ time: 30 });
    await flush();
    expect(h.open()).toEqual([]);
    expect(h.steps()).toEqual([10]);
    h.store.set({ predict: { ...h.store.get().predict, on: true } });
    await flush();
    expect(h.open().map((c) => c.t)).toEqual([30]);
  });

  it('stops the client and stops following the store when detached', async () => {
    const h = setup();
    const detach = h.controller.attach();
    await h.answerAll();
    detach();
    await flush();
    expect(h.clients[0]!.terminated).toBe(1);
    h.store.set({ time: 30 });
    await flush();
    expect(h.open()).toEqual([]);
    expect(h.steps()).toEqual([10]);
  });

  it('feeds the split view: the compared model, its own prediction, no status line', async () => {
    const h = setup({ compare: true, state: { compare: 'vanilla' } });
    h.controller.attach();
    await flush();
    expect(h.open().map((c) => c.opts.variant)).toEqual(['vanilla']);
    const p = answer(h.open()[0]!);
    h.open()[0]!.resolve(p);
    await flush();
    expect(h.store.get().comparePrediction).toBe(p);
    expect(h.store.get().prediction).toBeNull();
    expect(h.store.get().model.state).toBe('off');
    // the split view's controller sends its request once
    expect(h.calls()).toHaveLength(1);
    h.store.set({ compare: null });
    expect(h.store.get().comparePrediction).toBeNull();
  });
});
