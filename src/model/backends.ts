// tfjs backends: start one, and choose the fastest by measuring the real model on each (issue 15).
//
// Contract:
// - `pickBackend(order)` starts the first backend of `order` that initialises and runs an op.
// - `measureBackends(order, run)` starts each backend of `order` in turn, runs `run()` once to compile
//   (its time is kept as `firstMs`, not judged), then times RUNS more runs and keeps their median;
//   the fastest median wins and is left active. `run` is what the caller wants fast: the app passes a
//   full prediction with the posterior on the real weights, loaded anew on each backend, so a backend
//   that breaks mid-measure takes no other backend's tensors with it. A backend that fails to start
//   or to run is listed in `failed` with its words and never chosen.
// - `BackendChoice` is what the app shows and caches: the backend, how it was chosen (measured,
//   cached, asked for, fallen back to after a failure, or interim while measuring) and every figure; `describeChoice` writes
//   the status line's words ("wasm 9 ms · webgl 46 ms · webgpu 590 ms").
// - `nextBackend(choice, failed)` is the fallback after a failure: the next fastest measured backend
//   that has not failed, else the next of BACKEND_ORDER after it, cpu last.
// Nothing here touches the DOM or storage: the worker measures, the app's client caches.
import * as tf from '@tensorflow/tfjs';
import { median } from '../util/median';
import { BACKEND_ORDER } from './registry';

/** Timed runs per backend after the compiling one; the median is judged (3: one outlier cannot decide). */
export const RUNS = 3;
/**
 * A backend whose first timed run is this many times slower than the best median so far is not
 * timed further: one slow run already rules it out, and on a software GPU each run costs ~0.6 s.
 */
export const HOPELESS = 3;

export interface BackendFigure {
  backend: string;
  /** Median of the timed runs, ms. */
  ms: number;
  /** The first (compiling) run, ms: shown, never judged. */
  firstMs: number;
  runs: number;
}

export interface BackendChoice {
  backend: string;
  /**
   * measured: fastest of `figures`, just measured; cached: the same, measured at an earlier start on
   * this browser, adapter and app build; asked: the user's explicit choice (no measurement);
   * fallback: the backend before it failed, named in `failed`; measuring: a first start's interim
   * backend (wasm, else the order) while another worker measures; unmeasured: that measurement
   * failed (its words in `failed`), the interim backend stays.
   */
  how: 'measured' | 'cached' | 'asked' | 'fallback' | 'measuring' | 'unmeasured';
  /** Fastest first. */
  figures: BackendFigure[];
  failed: { backend: string; error: string }[];
  /**
   * What the measurement is valid for (browser, adapter, app build, model); see the worker. Empty
   * for a backend asked for: nothing is measured or cached then.
   */
  key: string;
}

/**
 * Starts the first backend of `order` that initialises and runs an op (WebGPU can register and
 * then fail at its first kernel, so one op is run); throws naming why each one failed.
 */
export async function pickBackend(order: readonly string[]): Promise<string> {
  const tried: string[] = [];
  for (const name of order) {
    try {
      if (!(await tf.setBackend(name))) throw new Error('setBackend returned false');
      await tf.ready();
      const one = tf.add(tf.scalar(1), tf.scalar(1));
      try {
        await one.data();
      } finally {
        one.dispose();
      }
      return name;
    } catch (e) {
      tried.push(`${name}: ${message(e)}`);
    }
  }
  throw new Error(`no tfjs backend could start (${tried.join('; ')})`);
}

/**
 * Measures `run` on each backend of `order` (see the header) and leaves the fastest active.
 * `prepare(backend)` runs after the backend starts and before its runs (load the weights there);
 * `release()` after them (dispose what prepare made). Throws when no backend could run.
 */
export async function measureBackends(
  order: readonly string[],
  run: () => Promise<void>,
  hooks: { prepare?: (backend: string) => Promise<void>; release?: () => void } = {},
): Promise<Omit<BackendChoice, 'key'>> {
  const figures: BackendFigure[] = [];
  const failed: BackendChoice['failed'] = [];
  for (const backend of order) {
    try {
      await pickBackend([backend]);
      await hooks.prepare?.(backend);
      try {
        const f0 = performance.now();
        await run();
        const firstMs = performance.now() - f0;
        const best = figures.length ? Math.min(...figures.map((f) => f.ms)) : Infinity;
        const times: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const t0 = performance.now();
          await run();
          times.push(performance.now() - t0);
          if (i === 0 && times[0]! > HOPELESS * best) break;
        }
        figures.push({ backend, ms: median(times), firstMs, runs: times.length });
      } finally {
        hooks.release?.();
      }
    } catch (e) {
      failed.push({ backend, error: message(e) });
    }
  }
  if (!figures.length)
    throw new Error(
      `no tfjs backend could run the model (${failed.map((f) => `${f.backend}: ${f.error}`).join('; ')})`,
    );
  figures.sort((a, b) => a.ms - b.ms);
  await pickBackend([figures[0]!.backend]);
  return { backend: figures[0]!.backend, how: 'measured', figures, failed };
}

/**
 * The backend to fall back to after `failing` failed: the next fastest measured one not in
 * `failed`, else the first of BACKEND_ORDER after it that has not failed; null when none is left.
 */
export function nextBackend(
  choice: BackendChoice,
  failing: string,
  failed: ReadonlySet<string>,
): string | null {
  const ok = (b: string) => b !== failing && !failed.has(b);
  const measured = choice.figures.map((f) => f.backend).find(ok);
  if (measured) return measured;
  const i = BACKEND_ORDER.indexOf(failing as (typeof BACKEND_ORDER)[number]);
  return BACKEND_ORDER.slice(i + 1).find(ok) ?? BACKEND_ORDER.find(ok) ?? null;
}

/** The status line's words for a choice: "wasm 9 ms · webgl 46 ms · webgpu 590 ms" and why. */
export function describeChoice(c: BackendChoice): string {
  const figures = c.figures.map((f) => `${f.backend} ${fmtMs(f.ms)} ms`).join(' · ');
  const failed = c.failed.map((f) => `${f.backend} failed`).join(' · ');
  const all = [figures, failed].filter(Boolean).join(' · ');
  switch (c.how) {
    case 'measured':
      return `fastest here: ${all}`;
    case 'cached':
      return `fastest here (measured before): ${all}`;
    case 'asked':
      return 'as chosen';
    case 'fallback':
      return `${c.failed.at(-1)?.backend ?? 'the backend'} failed (${c.failed.at(-1)?.error ?? '?'}); now ${c.backend}`;
    case 'measuring':
      return 'measuring the backends…';
    case 'unmeasured':
      return `could not measure the backends (${c.failed.at(-1)?.error ?? '?'})`;
  }
}

function fmtMs(ms: number): string {
  return ms < 10 ? ms.toFixed(1) : ms.toFixed(0);
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
