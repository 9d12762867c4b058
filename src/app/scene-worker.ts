// The page's scene worker: everything that reads scenario bytes for the page runs here, so the main
// thread never decodes (a real WOMD scene takes 20-130 ms to decode, a 3 MB JSON file tens of ms to
// parse). Three jobs, messages only (the protocol and the page's side are in scene-decoder.ts):
// - 'json': decode one GPUDrive/Nocturne JSON scenario's bytes to a Scene (waymo/json.ts);
// - 'open': open files (Blobs, any format waymo/open.ts reads) as one SceneSet, post its index
//   ('opened': counts, record numbers, file problems) and list it: every record decoded,
//   summarised and labelled (scene-rows.ts), rows posted in batches (FLUSH_MS), at most AHEAD
//   batches beyond those the page has taken ('taken'); a newer 'open' or a 'close' stops an older
//   listing at its next record;
// - 'scene': decode scene k of the open set (to show, or for the file-level run), its typed arrays
//   moved to the page.
// Errors keep their WaymoReadError parts (file, record, field), so the page names them as before.
import { SceneSet, blobSource } from '../waymo';
import { WaymoReadError } from '../waymo/errors';
import { readJsonScene } from '../waymo/json';
import type { Scene } from '../scene/scene';
import { AHEAD, ListingPace } from './listing-pace';
import { sceneRow, type SceneRow } from './scene-rows';
import type { WorkerError, SceneWorkerReply, SceneWorkerRequest } from './scene-decoder';

/**
 * Rows are posted at most this often while a listing runs, in milliseconds (one animation frame at
 * 60 Hz): the page commits rows once per frame anyway, so a message per record (500 for a WOMD
 * shard) would only add message handling on the main thread. The first row goes at once, so the
 * first scene opens without waiting for a batch.
 */
export const FLUSH_MS = 16;

const post = (r: SceneWorkerReply, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(r, transfer);

/** A WaymoReadError in parts; anything else as a WaymoReadError of `file`, or, without one, its message. */
function errorParts(err: unknown, file: string | null, field: string): WorkerError {
  const reason = err instanceof Error ? err.message : String(err);
  if (err instanceof WaymoReadError)
    return { file: err.file, record: err.record, field: err.field, reason: err.reason, offset: err.offset };
  return file === null ? { message: reason } : { file, record: 0, field, reason };
}

/**
 * The buffers a scene owns whole (a view that spans its entire buffer): moved to the page instead
 * of copied. A view into a larger buffer (a decoder that kept a window of the payload) is copied.
 */
function ownBuffers(o: unknown, out = new Set<ArrayBuffer>()): Set<ArrayBuffer> {
  if (ArrayBuffer.isView(o)) {
    if (o.buffer instanceof ArrayBuffer && o.byteOffset === 0 && o.byteLength === o.buffer.byteLength)
      out.add(o.buffer);
  } else if (o && typeof o === 'object') for (const v of Object.values(o)) ownBuffers(v, out);
  return out;
}

/** The set being listed and shown: one at a time (a newer open replaces it). */
let current: { open: number; set: Promise<SceneSet> } | null = null;

/** The current listing's pacing (a newer open or a close stops it). */
let pace = new ListingPace(AHEAD);

async function list(open: number, files: { blob: Blob; name: string }[]) {
  const set = SceneSet.open(files.map((f) => blobSource(f.blob, f.name)));
  current = { open, set };
  pace.stop();
  const myPace = (pace = new ListingPace(AHEAD));
  const live = () => current?.open === open;
  const send = (rows: SceneRow[]) => {
    post({ kind: 'rows', open, rows });
    myPace.post();
  };
  try {
    const s = await set;
    if (!live()) return;
    post({
      kind: 'opened',
      open,
      files: s.files.map((f) => ({ name: f.name, count: f.count })),
      records: Array.from({ length: s.count }, (_, k) => s.record(k)),
      problems: s.problems.map((p) => errorParts(p, p.file, p.field)),
    });
    let batch: SceneRow[] = [];
    let last = -Infinity;
    for await (const r of s.scenes()) {
      if (!live()) return;
      batch.push(sceneRow(r, s.fileOf(r.k)));
      if (performance.now() - last >= FLUSH_MS) {
        send(batch);
        batch = [];
        // the next record waits until the page has taken all but AHEAD batches
        await myPace.room();
        last = performance.now();
      }
    }
    if (!live()) return;
    if (batch.length) send(batch);
    post({ kind: 'listed', open });
  } catch (err) {
    if (live()) post({ kind: 'failed', open, message: String(err) });
  }
}

async function scene(id: number, open: number, k: number) {
  let scene: Scene;
  try {
    if (current?.open !== open) throw new Error('the file was closed (a newer file is open)');
    scene = await (await current.set).scene(k);
  } catch (err) {
    post({ kind: 'result', id, error: errorParts(err, null, 'scene') });
    return;
  }
  post({ kind: 'result', id, scene }, [...ownBuffers(scene)]);
}

self.onmessage = async (e: MessageEvent<SceneWorkerRequest>) => {
  const m = e.data;
  if (m.kind === 'open') return list(m.open, m.files);
  if (m.kind === 'scene') return scene(m.id, m.open, m.k);
  if (m.kind === 'taken') {
    if (current?.open === m.open) pace.taken(m.batches);
    return;
  }
  if (m.kind === 'close') {
    if (current?.open === m.open) {
      current = null;
      pace.stop();
    }
    return;
  }
  try {
    post({ kind: 'result', id: m.id, scene: await readJsonScene(m.bytes, m.file) });
  } catch (err) {
    post({ kind: 'result', id: m.id, error: errorParts(err, m.file, 'json') });
  }
};
