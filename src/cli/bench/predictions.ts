// Predictions in the viewer: the time from a scrub to the new prediction on screen (on the backend
// the app chooses by measurement, model/backends.ts; the page starts without a cached choice, so it
// measures first) against a scrub without predictions (the frame alone), and the main-thread ms
// per playback frame while the predictions' ghosts animate against the same frames with the
// predictions layer off, in the same page and run. Demo scene 0.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STEP_HZ } from '../../scene/scene';
import { startHarness, buildApp } from '../lib/browser';
import { fmt, median, quantile } from '../lib/timing';

const SCRUBS = [20, 30, 40, 25, 35, 15, 22, 33, 44, 27, 37, 17];
const FRAMES = 60;

export default async function () {
  const dir = mkdtempSync(join(tmpdir(), 'modescope-bench-pred-'));
  try {
    await buildApp(dir);
    const h = await startHarness();
    try {
      const page = await h.newPage();
      // tsx keeps function names with a __name helper that the page does not have
      await page.addInitScript('window.__name = (f) => f');
      await page.goto(h.url);
      await page.waitForFunction(() => window.__modescope?.store.get().prediction?.t === 10, null, {
        timeout: 120_000,
      });
      const r = await page.evaluate(
        async ({ scrubs, frames, stepsPerFrame }) => {
          const m = window.__modescope!;
          const until = (f: () => boolean) =>
            new Promise<void>((res) => {
              const tick = () => (f() ? res() : requestAnimationFrame(tick));
              tick();
            });
          // scrub to step s: with predictions, until the step-s prediction is in the store (heard
          // at once by a store subscription, as the engine hears it), then drawn. Polling by
          // animation frame would add up to a frame of SwiftShader's compositor (hundreds of ms
          // here) that the frame-only baseline below never waits for.
          const withPred: number[] = [];
          const arrived = (s: number) =>
            new Promise<void>((res) => {
              if (m.store.get().prediction?.t === s) return res();
              const off = m.store.subscribe((st) => {
                if (st.prediction?.t !== s) return;
                off();
                res();
              });
            });
          for (const s of scrubs) {
            const t0 = performance.now();
            m.store.set({ time: s, playing: false });
            await arrived(s);
            m.engine.drawNow('bench');
            withPred.push(performance.now() - t0);
          }
          const set = (on: boolean) => m.store.set({ predict: { ...m.store.get().predict, on } });
          set(false);
          const without: number[] = [];
          for (const s of scrubs) {
            const t0 = performance.now();
            m.store.set({ time: s, playing: false });
            m.engine.drawNow('bench');
            without.push(performance.now() - t0);
          }
          // frames while the ghosts move: predictions on (made at step 15) vs the layer off
          const play = async (layerOn: boolean) => {
            const st = m.store.get();
            m.store.set({ time: 15, layers: { ...st.layers, predictions: layerOn } });
            const times: number[] = [];
            for (let i = 0; i < frames + 10; i++) {
              const t0 = performance.now();
              m.engine.advance(stepsPerFrame);
              m.engine.drawNow('bench');
              if (i >= 10) times.push(performance.now() - t0);
              await new Promise((res) => requestAnimationFrame(res));
            }
            return times;
          };
          set(true);
          m.store.set({ time: 15 });
          await until(() => m.store.get().prediction?.t === 15 && !m.store.get().model.pending);
          m.store.set({ playing: true }); // keeps the prediction while time moves
          const on = await play(true);
          const off = await play(false);
          m.store.set({ playing: false });
          return { withPred, without, on, off, backend: m.store.get().model.backend };
        },
        { scrubs: SCRUBS, frames: FRAMES, stepsPerFrame: STEP_HZ / 60 },
      );
      const s = (v: number[]) => [...v].sort((a, b) => a - b);
      const w = s(r.withPred);
      const n = s(r.without);
      console.log(
        `scrub to the new prediction on screen (${r.backend}, ${SCRUBS.length} scrubs): median ${fmt(median(w), 0)} ms, ` +
          `max ${fmt(w[w.length - 1]!, 0)} ms; scrub without predictions (frame only): median ${fmt(median(n), 1)} ms; ` +
          `ratio ${fmt(median(w) / median(n), 0)}x`,
      );
      const on = s(r.on);
      const off = s(r.off);
      console.log(
        `main thread per frame while predictions animate: median ${fmt(median(on))} ms, p95 ${fmt(quantile(on, 0.95))} ms; ` +
          `predictions layer off: median ${fmt(median(off))} ms, p95 ${fmt(quantile(off, 0.95))} ms; ratio ${fmt(median(on) / median(off), 2)}x`,
      );
      await page.close();
    } finally {
      await h.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
