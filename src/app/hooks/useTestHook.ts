// window.__modescope: the live store and engine for browser tests and benches (never read by the
// app itself), and where the pair and its predictions are drawn on the page (`drawn`).
import { useEffect } from 'react';
import { beginPageWork } from '../page-work';
import { poseAt } from '../../scene/interpolate';
import type { Engine } from '../engine';
import type { PredictionController } from '../predictions/controller';
import { activePair, type Store } from '../store';
import { lastSaved, type SavedFile } from '../export/download';

/** Where a map draws the pair and its prediction, in page (client) pixels. */
export interface DrawnPair {
  /** The map area (the canvas host) on the page. */
  map: { left: number; top: number; right: number; bottom: number };
  /** Each agent of the pair at the time shown: its box's four corners; none where it is not valid. */
  boxes: [number, number][][];
  /** Every point of every predicted path of the prediction this map draws (none when it has none). */
  paths: [number, number][];
}

/** The pair's boxes and the predicted paths of `engine`'s map, drawn now. */
function drawnPair(store: Store, engine: Engine, which: 'main' | 'compare'): DrawnPair {
  engine.drawNow('test');
  const s = store.get();
  const r = engine.parent.getBoundingClientRect();
  const out: DrawnPair = {
    map: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
    boxes: [],
    paths: [],
  };
  const pair = activePair(s);
  if (!s.scene || !pair) return out;
  for (const track of pair) {
    const p = poseAt(s.scene.tracks, track, s.time);
    if (!p) continue;
    const c = Math.cos(p.heading);
    const n = Math.sin(p.heading);
    out.boxes.push(
      [
        [1, 1],
        [1, -1],
        [-1, -1],
        [-1, 1],
      ].map(([u, v]) => {
        const dx = (u! * p.length) / 2;
        const dy = (v! * p.width) / 2;
        return engine.toClient(p.x + dx * c - dy * n, p.y + dx * n + dy * c);
      }),
    );
  }
  const pred = which === 'main' ? s.prediction : s.comparePrediction;
  if (pred && pred.sceneId === s.scene.id && s.layers.predictions)
    for (const m of pred.modes)
      for (const smp of m.samples)
        for (const path of [smp.a, smp.b])
          for (let k = 0; k + 1 < path.length; k += 2)
            out.paths.push(engine.toClient(path[k]!, path[k + 1]!));
  return out;
}

declare global {
  interface Window {
    /** Test and bench hook: the live store and engine. */
    __modescope?: {
      store: Store;
      engine: Engine;
      poseAt: typeof poseAt;
      fileName: string | null;
      /** The bench's rebuild-every-frame baseline, in its own chunk. */
      loadNaive: () => Promise<typeof import('../layers/naive')>;
      /**
       * Destroys the model worker's WebGPU device, as a lost GPU would, at once or (`during`) in the
       * middle of the next prediction (false: not on WebGPU).
       */
      loseDevice: (during?: boolean) => Promise<boolean>;
      /** The pair predicted for (store.ts activePair): the chosen one, else the scene's. */
      pair: () => [number, number] | null;
      /** The model worker dies at its next prediction request: an uncaught error, or close(). */
      crashModelWorker: (how: 'throw' | 'close') => Promise<boolean>;
      /** The list bench's probe of decoding a scene here against receiving it, in its own chunk. */
      loadDeliveryProbe: () => Promise<typeof import('../delivery-probe')>;
      /** The bench's one-scene-at-a-time file run (and the batched one beside it), in its own chunk. */
      loadFileRunBench: () => Promise<typeof import('../predictions/run-file-baseline')>;
      /** Where the main map (or the split view's second map) draws the pair and its prediction. */
      drawn: (which: 'main' | 'compare') => DrawnPair | null;
      /** The last file an export saved (video, PNG, SVG), with its bytes. */
      lastSaved: () => SavedFile | null;
      /** Mediabunny, to decode an exported clip back in the page (tests, bench), in its own chunk. */
      loadMediabunny: () => Promise<typeof import('mediabunny')>;
      /** The export modules (video, SVG), for the tests and the bench, in their own chunk. */
      loadExport: () => Promise<typeof import('../export/api')>;
      /** Marks page work in progress (page-work.ts), as the map's staging does; returns its end. */
      beginPageWork: () => () => void;
    };
  }
}

export function useTestHook(
  store: Store,
  engine: Engine | null,
  fileName: string | null,
  controller: PredictionController,
) {
  useEffect(() => {
    if (engine)
      window.__modescope = {
        store,
        engine,
        poseAt,
        fileName,
        loadNaive: () => import('../layers/naive'),
        loseDevice: (during) => controller.loseDevice(during),
        crashModelWorker: (how) => controller.crashWorker(how),
        pair: () => activePair(store.get()),
        loadDeliveryProbe: () => import('../delivery-probe'),
        loadFileRunBench: () => import('../predictions/run-file-baseline'),
        lastSaved,
        loadMediabunny: () => import('mediabunny'),
        loadExport: () => import('../export/api'),
        beginPageWork,
        drawn: (which) => {
          const e = which === 'main' ? engine : window.__modescopeCompare;
          return e ? drawnPair(store, e, which) : null;
        },
      };
  }, [engine, store, fileName, controller]);
}
