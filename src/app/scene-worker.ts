// Decodes GPUDrive/Nocturne JSON scenarios off the main thread (a 3 MB file takes tens of
// milliseconds to parse, which would stall playback): bytes in, a Scene out. Messages only; the
// reader is waymo/json.ts.
import { WaymoReadError } from '../waymo/errors';
import { readJsonScene } from '../waymo/json';
import type { SceneWorkerReply, SceneWorkerRequest } from './scene-decoder';

self.onmessage = async (e: MessageEvent<SceneWorkerRequest>) => {
  const { id, bytes, file } = e.data;
  let reply: SceneWorkerReply;
  try {
    reply = { id, scene: await readJsonScene(bytes, file) };
  } catch (err) {
    reply =
      err instanceof WaymoReadError
        ? { id, error: { file: err.file, record: err.record, field: err.field, reason: err.reason } }
        : {
            id,
            error: {
              file,
              record: 0,
              field: 'json',
              reason: err instanceof Error ? err.message : String(err),
            },
          };
  }
  (self as unknown as Worker).postMessage(reply);
};
