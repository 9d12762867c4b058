// window.__modescope: the live store and engine for browser tests and benches (never read by the
// app itself).
import { useEffect } from 'react';
import { poseAt } from '../../scene/interpolate';
import type { Engine } from '../engine';
import type { PredictionController } from '../predictions/controller';
import type { Store } from '../store';

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
      /** Destroys the model worker's WebGPU device, as a lost GPU would (false: not on WebGPU). */
      loseDevice: () => Promise<boolean>;
      /** The list bench's probe of decoding a scene here against receiving it, in its own chunk. */
      loadDeliveryProbe: () => Promise<typeof import('../delivery-probe')>;
      /** The bench's one-scene-at-a-time file run (and the batched one beside it), in its own chunk. */
      loadFileRunBench: () => Promise<typeof import('../predictions/run-file-baseline')>;
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
        loseDevice: () => controller.loseDevice(),
        loadDeliveryProbe: () => import('../delivery-probe'),
        loadFileRunBench: () => import('../predictions/run-file-baseline'),
      };
  }, [engine, store, fileName, controller]);
}
