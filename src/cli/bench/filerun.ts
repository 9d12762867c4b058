// The file-level run ("Run on every scene…"), batched (run-file.ts runFile: model/batch-run.ts,
// batchSizeFor the worker's backend, decoding overlapped with inference) against the one-scene-at-
// a-time run it replaced (run-file-baseline.ts, kept for this baseline only), in the same page and
// run, on the app's default backend (WebGPU; SwiftShader here) and on wasm:
// - the demo set (42 scenes): the batch size sweep that picked BATCH_SIZES (every size in one warm
//   worker, so only the size differs: ms per scene, best of two passes), then the baseline and the
//   batched run as the app runs them (each with its own worker's start), whose rows must agree;
// - a 500-scene synthetic file (seed 15, cached in the temp folder): the batched run through the
//   page itself (Run clicked, the progress bar read every frame: how often it moved, the longest
//   wait between moves, the longest frame), against the baseline timed over its first 50 scenes
//   and scaled to 500 (the one-at-a-time loop costs the same per scene throughout: one decode, one
//   round trip, one forward pass).
// Every run starts its own worker, as the app's run does, so each time includes the worker's start.
import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BATCH_SIZES } from '../../model/batch-run';
import { writeSynthShards } from '../../synth/node-write';
import { startHarness, buildApp } from '../lib/browser';
import { fmt } from '../lib/timing';

const BACKENDS = ['webgpu', 'wasm'];
const SIZES = [1, 4, 8, 16, 32, 64];
const BIG = { seed: 15, count: 500, baselineScenes: 50 };

/** The 500-scene synthetic file, made once per machine (same options, same bytes). */
async function bigFile(): Promise<string> {
  const path = join(tmpdir(), `modescope-bench-synth-${BIG.seed}-${BIG.count}.tfrecord`);
  if (existsSync(path)) return path;
  const dir = mkdtempSync(join(tmpdir(), 'modescope-bench-synth-'));
  const [shard] = await writeSynthShards({ seed: BIG.seed, count: BIG.count, dir, name: 'synth' });
  renameSync(shard!.path, path);
  rmSync(dir, { recursive: true, force: true });
  return path;
}

export default async function () {
  const dir = mkdtempSync(join(tmpdir(), 'modescope-bench-filerun-'));
  try {
    const synth = await bigFile();
    await buildApp(dir);
    copyFileSync(synth, join(dir, 'synth500.tfrecord'));
    const h = await startHarness();
    try {
      const page = await h.newPage();
      // tsx keeps function names with a __name helper that the page does not have
      await page.addInitScript('window.__name = (f) => f');
      await page.goto(`${h.url}?off=predictions`);
      await page.waitForFunction(() => window.__modescope?.store.get().scene != null, null, {
        timeout: 120_000,
      });
      for (const backend of BACKENDS) {
        const sweep = await page.evaluate(
          async ({ backend, sizes }) => {
            const m = await window.__modescope!.loadFileRunBench();
            const file = await m.openFileUrl('demo/demo.tfrecord');
            const items: {
              scene: Awaited<ReturnType<typeof file.scene>>;
              a: number;
              b: number;
              t: number;
            }[] = [];
            for (let k = 0; k < file.count; k++) {
              const x = await m.fileRunItem(file, k);
              if ('scene' in x) items.push({ scene: x.scene, a: x.pair[0], b: x.pair[1], t: 10 });
            }
            const client = await m.ModelClient.start({ backend, variants: ['pseudo'] });
            try {
              const o = { variant: 'pseudo' as const, samplesPerMode: 2, seed: 1 };
              const pass = async (size: number) => {
                const t0 = performance.now();
                await m.runInBatches(items, {
                  batchSize: size,
                  ahead: 2,
                  run: (b) => client.predictBatch(b, o),
                });
                return performance.now() - t0;
              };
              await pass(8); // kernels compiled, memory grown: every size below starts warm
              const out: { size: number; ms: number }[] = [];
              for (const size of sizes) out.push({ size, ms: Math.min(await pass(size), await pass(size)) });
              return { backend: client.backend, scenes: items.length, out };
            } finally {
              client.terminate();
            }
          },
          { backend, sizes: SIZES },
        );
        console.log(
          `batch size sweep, ${sweep.backend}, one warm worker, the demo set's ${sweep.scenes} scenes (best of 2; ms per scene): ` +
            sweep.out.map((x) => `${x.size}: ${fmt(x.ms / sweep.scenes, 1)}`).join(', '),
        );
        const r = await page.evaluate(
          async ({ backend }) => {
            const m = await window.__modescope!.loadFileRunBench();
            const file = await m.openFileUrl('demo/demo.tfrecord');
            const opts = () => ({
              variant: 'pseudo' as const,
              samplesPerMode: 2,
              backend,
              signal: new AbortController().signal,
              onProgress: () => undefined,
            });
            const base = await m.runFileOneAtATime(file, opts());
            const def = await m.runFile(file, opts());
            // the batched rows against the baseline's: same scenes, top modes, labels; prior gap
            let priorGap = 0;
            def.predictions.forEach((p, i) =>
              p.prior.forEach((v, z) => {
                priorGap = Math.max(priorGap, Math.abs(v - base.predictions[i]!.prior[z]!));
              }),
            );
            const same =
              def.rows.length === base.rows.length &&
              def.rows.every(
                (row, i) =>
                  row.k === base.rows[i]!.k &&
                  row.topMode === base.rows[i]!.topMode &&
                  row.label === base.rows[i]!.label,
              );
            return {
              backend: def.backend,
              baseMs: base.ms,
              rows: base.rows.length,
              size: def.batchSize,
              ms: def.ms,
              same,
              priorGap,
            };
          },
          { backend },
        );
        console.log(
          `demo set (${r.rows} scenes scored), ${r.backend}, whole run with its worker's start: one scene at a time ` +
            `${fmt(r.baseMs / 1000, 1)} s; batched (${r.size} per batch) ${fmt(r.ms / 1000, 2)} s; ratio ${fmt(r.ms / r.baseMs, 3)}x ` +
            `(rows ${r.same ? 'agree' : 'DIFFER'}: scene, top mode, label; max |prior difference| ${r.priorGap.toExponential(1)})`,
        );
      }
      await bigFileRuns(page, h.url);
      await page.close();
    } finally {
      await h.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type Page = Awaited<ReturnType<Awaited<ReturnType<typeof startHarness>>['newPage']>>;

/** The 500-scene file: the app's own Run (progress bar read per frame) and the scaled baseline. */
async function bigFileRuns(page: Page, url: string) {
  for (const backend of BACKENDS) {
    await page.goto(`${url}?file=synth500.tfrecord&backend=${backend}`);
    // the scene list has read every scene (it decodes them all), so the run has the page to itself
    await page.waitForFunction(
      (n) => {
        const s = document.querySelector('[data-testid=file-status]')?.textContent ?? '';
        return s.includes(`${n} scenes`) && !s.includes('reading');
      },
      BIG.count,
      { timeout: 300_000 },
    );
    await page.click('[data-testid=file-run-open]');
    const ui = await page.evaluate(async () => {
      const seen: { t: number; v: number }[] = [];
      let worstFrame = 0;
      let last = performance.now();
      const t0 = last;
      document.querySelector<HTMLButtonElement>('[data-testid=file-run-start]')!.click();
      await new Promise<void>((done) => {
        const tick = () => {
          const now = performance.now();
          worstFrame = Math.max(worstFrame, now - last);
          last = now;
          const bar = document.querySelector<HTMLProgressElement>('[data-testid=file-run-progress]');
          if (bar && seen[seen.length - 1]?.v !== bar.value) seen.push({ t: now - t0, v: bar.value });
          if (document.querySelector('[data-testid=file-run-summary]')) done();
          else requestAnimationFrame(tick);
        };
        tick();
      });
      let longest = 0;
      for (let i = 1; i < seen.length; i++) longest = Math.max(longest, seen[i]!.t - seen[i - 1]!.t);
      return {
        ms: performance.now() - t0,
        summary: document.querySelector('[data-testid=file-run-summary]')!.textContent!,
        moves: seen.length,
        firstMove: seen.find((x) => x.v > 0)?.t ?? NaN,
        longest,
        worstFrame,
      };
    });
    const base = await page.evaluate(
      async ({ backend, n }) => {
        const m = await window.__modescope!.loadFileRunBench();
        const whole = await m.openFileUrl('synth500.tfrecord');
        // the first n scenes of the file, as a file
        const file = {
          ...whole,
          count: n,
          record: (k: number) => whole.record(k),
          scene: (k: number) => whole.scene(k),
        };
        const r = await m.runFileOneAtATime(file, {
          variant: 'pseudo',
          samplesPerMode: 2,
          backend,
          signal: new AbortController().signal,
          onProgress: () => undefined,
        });
        return { ms: r.ms, backend: r.backend };
      },
      { backend, n: BIG.baselineScenes },
    );
    const scaled = (base.ms * BIG.count) / BIG.baselineScenes;
    console.log(
      `${BIG.count}-scene synthetic file, ${base.backend}: batched (the page's Run) ${fmt(ui.ms / 1000, 1)} s ` +
        `[${ui.summary.split(';')[0]}]; one at a time ${fmt(base.ms / 1000, 1)} s over the first ${BIG.baselineScenes} scenes, ` +
        `x${BIG.count / BIG.baselineScenes} = ${fmt(scaled / 1000, 0)} s; ratio ${fmt(ui.ms / scaled, 3)}x`,
    );
    console.log(
      `  progress bar: ${ui.moves} values shown, first move after ${fmt(ui.firstMove / 1000, 1)} s, ` +
        `longest wait between moves ${fmt(ui.longest / 1000, 2)} s; longest frame during the run ${fmt(ui.worstFrame, 0)} ms ` +
        `(batch size ${BATCH_SIZES[base.backend] ?? '?'})`,
    );
  }
}
