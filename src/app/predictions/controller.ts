// Keeps a prediction for what is on screen: when the scene, the step (while paused or scrubbing),
// the model or the sampling settings change, it asks the model worker for a new prediction from
// the current step. One request runs at a time and only the latest wanted one is sent next, so a
// fast scrub never queues up work and the UI thread never waits. A request that failed is not sent
// again until the request changes (scene, pair, step, settings), and a model that failed to start
// is not started again until the backend setting changes: the error is shown once. A worker that
// dies (model-client.ts ModelWorkerDied: crashed, closed, killed, silent) is restarted and the
// request retried, at most MAX_RESTARTS times until the backend setting changes; the status line
// says so from then on, and after the last restart the error stays.
// A submission's predictions (app/submissions.ts) are read from its file on this thread, never by
// the worker, and are from WOMD's current step (10) whatever the time on screen: scrubbing does not
// ask again, and the ghosts move with the time as during playback. When the file predicts another
// pair of the scene than the scene's own and the user chose none, that pair is taken.
import { isValid, STEP_HZ, type Scene } from '../../scene/scene';
import { MIN_STEP } from '../../model/features';
import { describeChoice } from '../../model/backends';
import { ModelClient, ModelWorkerDied } from '../model-client';
import { isSubmission } from '../../model/registry';
import { SUBMISSION_CURRENT_STEP } from '../../waymo/submission-types';
import {
  describeSubmission,
  submissionFile,
  submissionPrediction,
  SubmissionPredictionError,
} from '../submissions';
import {
  activePair,
  DEFAULT_PREDICT,
  stepAt,
  type ModelStatus,
  type PredictSettings,
  type Store,
  type ViewerState,
} from '../store';

/** The step predicted from at time `time`: history needs 10 steps, the future at least one. */
export function predictionStep(scene: Scene, time: number): number {
  return Math.min(scene.tracks.steps - 2, Math.max(MIN_STEP, stepAt(time)));
}

/**
 * Worker restarts after it died, per backend setting: a transient death (memory pressure, a GPU
 * process that went away) is survived, while a request that kills every worker ends within a few
 * starts (each costs a model load, ~1 s) instead of looping.
 */
export const MAX_RESTARTS = 3;

/** What the controller uses of a model client: ModelClient, or a stand-in (the Node unit tests). */
export type PredictClient = Pick<ModelClient, 'backend' | 'predict' | 'terminate'> &
  Partial<Pick<ModelClient, 'choice' | 'loseDevice' | 'onChoice' | 'crash'>>;
/** Starts a client on a backend (undefined: the default order); ModelClient.start in the app. */
export type StartClient = (opts: { backend?: string }) => Promise<PredictClient>;

interface Want {
  key: string;
  /** The key but for the step: the same scene, pair, model and settings at another step. */
  base: string;
  scene: Scene;
  pair: [number, number];
  t: number;
  p: PredictSettings;
}

export class PredictionController {
  private client: Promise<PredictClient> | null = null;
  private clientBackend: string | null = null;
  private running = false;
  /** The request being answered now: never queued again behind itself. */
  private inFlight: string | null = null;
  private next: Want | null = null;
  private shownKey = '';
  /** The request that failed last: not retried until what is wanted changes. */
  private failedKey = '';
  /** Why the worker could not start on a backend setting: not restarted until the setting changes. */
  private startFailure: { backend: string; error: Error } | null = null;
  /** Workers restarted after dying, on this backend setting (at most MAX_RESTARTS). */
  private restarts = 0;
  /** What happened to the worker, said beside every prediction until the backend setting changes. */
  private notice: string | null = null;
  private unsubscribe: (() => void) | null = null;

  /**
   * `compare`: this controller feeds the split view (the model in `compare`, the answer in
   * `comparePrediction`, no status line) instead of the main prediction. `startClient` starts the
   * model client (default: a ModelClient with its worker).
   */
  constructor(
    private store: Store,
    private compare = false,
    private startClient: StartClient = (o) => ModelClient.start(o),
  ) {}

  private current(s: ViewerState) {
    return this.compare ? s.comparePrediction : s.prediction;
  }

  private setModel(m: Partial<ModelStatus>, extra: Partial<ViewerState> = {}) {
    if (this.compare) {
      if (Object.keys(extra).length) this.store.set(extra);
    } else this.store.set({ ...extra, model: { ...this.store.get().model, ...m } });
  }

  /** Starts following the store (React effects attach and detach, twice under StrictMode). */
  attach(): () => void {
    this.unsubscribe = this.store.subscribe((s, prev) => this.changed(s, prev));
    this.changed(this.store.get(), this.store.get());
    return () => this.detach();
  }

  private detach(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    void this.client?.then(
      (c) => c.terminate(),
      () => {},
    );
    this.client = null;
    this.shownKey = '';
    this.failedKey = '';
    this.next = null;
  }

  private want(s: ViewerState): Want | null {
    const on = this.compare ? s.compare !== null : s.predict.on;
    if (!on || !s.scene) return null;
    const pair = activePair(s);
    if (!pair) return null;
    const p = this.compare ? { ...s.predict, variant: s.compare! } : s.predict;
    const t = isSubmission(p.variant)
      ? Math.min(SUBMISSION_CURRENT_STEP, s.scene.tracks.steps - 2)
      : predictionStep(s.scene, s.time);
    const base = [
      s.scene.id,
      pair.join(','),
      p.variant,
      p.samplesPerMode,
      p.forcedMode,
      p.seed,
      p.backend,
    ].join('|');
    return { key: `${base}|${t}`, base, scene: s.scene, pair, t, p };
  }

  private changed(s: ViewerState, prev: ViewerState) {
    if (s.predict.backend !== prev.predict.backend) {
      void this.client?.then(
        (c) => c.terminate(),
        () => {},
      );
      this.client = null;
      this.startFailure = null;
      this.restarts = 0;
      this.notice = null;
    }
    const shown = this.current(s);
    if (s.scene !== prev.scene && shown && shown.sceneId !== s.scene?.id) {
      this.store.set(this.compare ? { comparePrediction: null } : { prediction: null });
      return;
    }
    // during playback the prediction stays where it was made; its ghosts move with the time
    if (s.playing) return;
    const w = this.want(s);
    if (!w) {
      if (this.compare) {
        if (shown) this.store.set({ comparePrediction: null });
      } else if (!s.predict.on && (s.prediction || s.model.state !== 'off'))
        this.store.set({ prediction: null, model: { ...s.model, state: 'off', pending: false } });
      this.shownKey = '';
      return;
    }
    // back to what is being answered: nothing else is wanted after it
    if (w.key === this.inFlight) {
      this.next = null;
      return;
    }
    if (w.key === this.shownKey || w.key === this.failedKey || w.key === this.next?.key) return;
    // (a submission may predict an agent first seen after its step: the file's entry decides)
    const missing = isSubmission(w.p.variant)
      ? undefined
      : w.pair.find((i) => !isValid(w.scene.tracks, i, w.t));
    if (missing !== undefined) {
      // nothing to ask the model: say why once, in the user's terms
      this.next = null;
      this.failedKey = w.key;
      this.shownKey = '';
      const role = missing === w.pair[0] ? 'A' : 'B';
      this.setModel(
        {
          state: 'error',
          pending: false,
          message: `agent ${w.scene.tracks.ids[missing]} (${role}) is not tracked at step ${w.t} (${(w.t / STEP_HZ).toFixed(1)} s), so there is nothing to predict from; step back or choose another pair`,
        },
        this.compare ? { comparePrediction: null } : { prediction: null },
      );
      return;
    }
    this.next = w;
    if (!this.running) void this.run();
  }

  /**
   * Destroys the worker's WebGPU device as a lost GPU would (tests): at once, or (`during`) in the
   * middle of the next prediction; false when not on WebGPU.
   */
  async loseDevice(during = false): Promise<boolean> {
    const c = await this.client;
    return (await c?.loseDevice?.(during)) ?? false;
  }

  /** Tests: the worker dies at the next prediction request (model-client.ts crash); false: no worker. */
  async crashWorker(how: 'throw' | 'close'): Promise<boolean> {
    const c = await this.client;
    if (!c?.crash) return false;
    c.crash(how);
    return true;
  }

  private start(backend: string): Promise<PredictClient> {
    if (this.startFailure?.backend === backend) return Promise.reject(this.startFailure.error);
    if (!this.client || this.clientBackend !== backend) {
      this.clientBackend = backend;
      this.setModel({ state: 'loading', message: null });
      // a failed start rejects with its words, and is remembered so it is not retried
      const client: Promise<PredictClient> = this.startClient({
        backend: backend === 'auto' ? undefined : backend,
      }).then(
        (c) => {
          // a request refused meanwhile (agent not tracked) keeps its error on screen
          this.setModel({
            state: this.store.get().model.state === 'error' ? 'error' : 'ready',
            backend: c.backend,
            backendWhy: c.choice ? describeChoice(c.choice) : null,
          });
          // a first start's measurement ends later: the status line follows the switch
          c.onChoice = (ch) => {
            if (this.client === client)
              this.setModel({ backend: ch.backend, backendWhy: describeChoice(ch) });
          };
          return c;
        },
        (e: unknown) => {
          if (this.client !== client) throw e; // the backend changed meanwhile
          this.client = null;
          const cause = e instanceof Error ? e.message : String(e);
          const error = new Error(
            `the model could not start: ${cause} (choose another backend to try again)`,
          );
          this.startFailure = { backend, error };
          throw error;
        },
      );
      this.client = client;
    }
    return this.client;
  }

  /**
   * The worker died answering `w`: the client is dropped, and a new one is started for `w` again
   * (true) unless MAX_RESTARTS were spent on this backend setting: then the error to show, which
   * also keeps the worker from being started again until the setting changes.
   */
  private workerDied(e: ModelWorkerDied, w: Want): true | Error {
    this.client = null;
    if (this.restarts < MAX_RESTARTS) {
      this.restarts++;
      this.notice = `${e.message}; restarted it (${this.restarts} of ${MAX_RESTARTS})`;
      this.setModel({ message: this.notice });
      // the same request again while it is still what is wanted, unless newer is queued
      if (!this.next && this.want(this.store.get())?.key === w.key) this.next = w;
      return true;
    }
    this.startFailure = {
      backend: w.p.backend,
      error: new Error(
        `${e.message}, after ${MAX_RESTARTS} restarts: not started again (choose another backend to try again)`,
      ),
    };
    return this.startFailure.error;
  }

  /**
   * Whether the answer to `w` goes on screen: a newer wish replaces it unless it is still what the
   * screen wants. An answer for another step of the scene, pair and model is shown while nothing
   * newer is asked, as during playback; never over the error of a request that cannot be answered,
   * nor over the answer to what is wanted now, already on screen (a scrub away and back).
   */
  private showable(w: Want): boolean {
    const now = this.want(this.store.get());
    return (
      now?.key === w.key ||
      (!this.next &&
        now?.scene === w.scene &&
        now.base === w.base &&
        now.key !== this.failedKey &&
        now.key !== this.shownKey)
    );
  }

  private async run() {
    this.running = true;
    while (this.next) {
      const w = this.next;
      this.next = null;
      // before the store hears of it: changed() must see this request as in flight
      this.inFlight = w.key;
      this.setModel({ pending: true });
      let used: Promise<PredictClient> | null = null;
      try {
        const t0 = performance.now();
        const prediction = isSubmission(w.p.variant)
          ? await submissionPrediction(w.p.variant, w.scene, w.pair)
          : await (
              await (used = this.start(w.p.backend))
            ).predict(w.scene, w.pair, w.t, {
              samplesPerMode: w.p.samplesPerMode,
              mode: w.p.forcedMode ?? undefined,
              seed: w.p.seed,
              // the default seed draws the goal means first (what eval scores); a resample draws anew
              meansFirst: w.p.seed === DEFAULT_PREDICT.seed,
              variant: w.p.variant,
            });
        const roundTripMs = performance.now() - t0;
        if (this.showable(w)) {
          this.shownKey = w.key;
          this.failedKey = '';
          this.setModel(
            {
              state: 'ready',
              backend: prediction.backend,
              // a fallback says what failed for as long as the worker runs on the backend it fell to
              backendWhy: prediction.choice
                ? describeChoice(prediction.choice)
                : isSubmission(w.p.variant)
                  ? describeSubmission(submissionFile(w.p.variant)!)
                  : this.store.get().model.backendWhy,
              latencyMs: prediction.latencyMs,
              roundTripMs,
              pending: this.next !== null,
              message: this.notice,
            },
            this.compare ? { comparePrediction: prediction } : { prediction },
          );
        }
      } catch (thrown) {
        let e = thrown;
        if (e instanceof ModelWorkerDied && used && this.client === used) {
          const restarted = this.workerDied(e, w);
          if (restarted === true) continue;
          e = restarted;
        }
        // the file predicts another pair of this scene, and the user chose none: take it (once)
        const s = this.store.get();
        if (
          e instanceof SubmissionPredictionError &&
          e.predictedPair &&
          s.scene === w.scene &&
          s.pair === null &&
          this.want(s)?.key === w.key
        ) {
          this.store.set({ pair: e.predictedPair });
          continue;
        }
        // no stale answer from another step or pair stays on screen beside the error; the same
        // request is not sent again (changed() skips failedKey), and nothing queued behind it
        // that is the same request either
        this.shownKey = '';
        this.failedKey = w.key;
        // (an await ran since `this.next = null` above: changed() may have queued a request)
        if ((this.next as Want | null)?.key === w.key) this.next = null;
        const msg = e instanceof Error ? e.message : String(e);
        this.setModel(
          {
            state: 'error',
            pending: false,
            // a failed start already says so in its own words
            message: e === this.startFailure?.error ? msg : `prediction failed: ${msg}`,
          },
          this.compare ? { comparePrediction: null } : { prediction: null },
        );
      }
    }
    this.inFlight = null;
    this.setModel({ pending: false });
    this.running = false;
  }
}
