// The page's JSON scenario decoder (waymo/open.ts OpenOptions.decodeJson): parses in a web worker
// (scene-worker.ts), one request at a time per worker, and rebuilds the WaymoReadError the worker
// reports so the page names file, record and field as for any other format.
import type { Scene } from '../scene/scene';
import { WaymoReadError } from '../waymo/errors';

export interface SceneWorkerRequest {
  id: number;
  bytes: Uint8Array;
  file: string;
}

export type SceneWorkerReply =
  | { id: number; scene: Scene }
  | { id: number; error: { file: string; record: number; field: string; reason: string } };

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, { resolve: (s: Scene) => void; reject: (e: Error) => void }>();

function start(): Worker {
  const w = new Worker(new URL('./scene-worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (e: MessageEvent<SceneWorkerReply>) => {
    const r = e.data;
    const p = waiting.get(r.id);
    waiting.delete(r.id);
    if (!p) return;
    if ('scene' in r) p.resolve(r.scene);
    else p.reject(new WaymoReadError(r.error.file, r.error.record, r.error.field, r.error.reason));
  };
  w.onerror = (e) => {
    // the worker itself failed (it could not load): every waiting decode fails with the reason
    for (const p of waiting.values()) p.reject(new Error(`JSON decoder worker failed: ${e.message}`));
    waiting.clear();
    worker?.terminate();
    worker = null;
  };
  return w;
}

/** Decodes a JSON scenario (plain or GZIP bytes) in the worker. */
export function decodeJsonInWorker(bytes: Uint8Array, file: string): Promise<Scene> {
  worker ??= start();
  const id = nextId++;
  return new Promise<Scene>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    worker!.postMessage({ id, bytes, file } satisfies SceneWorkerRequest);
  });
}
