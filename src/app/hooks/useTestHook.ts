// window.__modescope: the live store and engine for browser tests and benches (never read by the
// app itself).
import { useEffect } from 'react';
import { poseAt } from '../../scene/interpolate';
import type { Engine } from '../engine';
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
      /** The bench's one-scene-at-a-time file run (and the batched one beside it), in its own chunk. */
      loadFileRunBench: () => Promise<typeof import('../predictions/run-file-baseline')>;
    };
  }
}

export function useTestHook(store: Store, engine: Engine | null, fileName: string | null) {
  useEffect(() => {
    if (engine)
      window.__modescope = {
        store,
        engine,
        poseAt,
        fileName,
        loadNaive: () => import('../layers/naive'),
        loadFileRunBench: () => import('../predictions/run-file-baseline'),
      };
  }, [engine, store, fileName]);
}
