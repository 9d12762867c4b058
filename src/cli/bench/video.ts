// Video export speed (issue 17): wall-clock seconds of export per second of 1080p30 clip (H.264
// in MP4 where this Chromium encodes it, else VP9 in WebM), against real-time playback of the same
// span of the same demo scene in the same page and run (the app playing at 1x, which takes the
// span's length by the wall clock whatever the frame rate, and draws as many frames as the
// machine manages). Builds the app into a temp dir and drives headless Chromium (SwiftShader
// WebGL, software encoders) through the browser-test harness. The clip is short (CLIP_S) so the
// bench stays quick on a software GPU; the first export (the copy's deck start, shader compiles)
// is reported apart from the timed ones.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, buildApp } from '../lib/browser';
import { fmt, median } from '../lib/timing';

/** Clip length, s: 60 frames at 30 fps, enough to average over, short on SwiftShader. */
const CLIP_S = 2;
/** From 1 s in: the prediction (from step 10) and its ghosts are on the map. */
const START_S = 1;
const FPS = 30;
const [W, H] = [1920, 1080];
/** Timed exports after the warm-up one; each is about a minute here. */
const RUNS = 2;

interface PageResult {
  format: string;
  playback: { seconds: number; frames: number };
  exports: { seconds: number; bytes: number; frames: number }[];
}

/** Runs in the page: plays the span at 1x, then exports it 1 + RUNS times. */
const pageScript = (runs: number) => `(async () => {
  const m = window.__modescope;
  const { exportVideo, videoSupport } = await m.loadExport();
  const support = await videoSupport(${W}, ${H}, ${FPS});
  const format = support.mp4 ? 'mp4' : 'webm';
  // real-time playback of the span: the app's own loop at 1x, frames counted as drawn
  let frames = 0;
  const off = m.engine.afterDraw(() => frames++);
  m.store.set({ time: ${START_S * 10}, speed: 1, loop: false, playing: true });
  const t0 = performance.now();
  await new Promise((done) => {
    const poll = () => (m.store.get().time >= ${(START_S + CLIP_S) * 10} ? done() : requestAnimationFrame(poll));
    requestAnimationFrame(poll);
  });
  const playback = { seconds: (performance.now() - t0) / 1000, frames };
  off();
  m.store.set({ playing: false, time: ${START_S * 10} });
  const exports = [];
  for (let k = 0; k < ${runs + 1}; k++) {
    const r = await exportVideo(m.engine, { format, start: ${START_S}, end: ${START_S + CLIP_S}, fps: ${FPS},
      width: ${W}, height: ${H}, caption: true, panels: true });
    exports.push({ seconds: r.seconds, bytes: r.blob.size, frames: r.frames });
  }
  return { format, playback, exports };
})()`;

export default async function () {
  const dir = mkdtempSync(join(tmpdir(), 'modescope-bench-video-'));
  try {
    await buildApp(dir);
    const h = await startHarness();
    try {
      const page = await h.newPage();
      await page.goto(`${h.url}?backend=wasm`);
      await page.waitForFunction(
        () => {
          const m = window.__modescope;
          const s = m?.store.get();
          return (
            !!s && m!.engine.firstSceneDrawMs !== null && s.prediction?.sceneId === s.scene?.id && !!s.camera
          );
        },
        null,
        { timeout: 120_000 },
      );
      const r = (await page.evaluate(pageScript(RUNS))) as PageResult;
      const [first, ...timed] = r.exports;
      const perSecond = median(timed.map((e) => e.seconds / CLIP_S).sort((a, b) => a - b));
      const play = r.playback.seconds / CLIP_S;
      console.log(
        `${W}x${H} ${FPS} fps ${r.format === 'mp4' ? 'H.264 (MP4)' : 'VP9 (WebM; this Chromium has no H.264 encoder)'}, ${CLIP_S} s clip (${timed[0]?.frames} frames, ${fmt((timed[0]?.bytes ?? 0) / 1024, 0)} KB)`,
      );
      console.log(
        `real-time playback of the span: ${fmt(r.playback.seconds, 2)} s wall clock, ${r.playback.frames} frames drawn (${fmt(r.playback.frames / r.playback.seconds, 1)} fps)`,
      );
      console.log(
        `export: first ${fmt(first!.seconds, 1)} s (deck start, shader compiles); then ${timed.map((e) => fmt(e.seconds, 1)).join(', ')} s`,
      );
      console.log(
        `export time per second of clip: ${fmt(perSecond, 2)} s (median of ${timed.length}); playback ${fmt(play, 2)} s; ratio export / real time: ${fmt(perSecond / play, 1)}x`,
      );
    } finally {
      await h.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
