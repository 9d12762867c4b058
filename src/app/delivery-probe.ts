// For `npm run bench -- list` only (loaded through window.__modescope in its own chunk, never by the
// app): what it costs the main thread to have the shown scene decoded here, against receiving it
// from the scene worker. Receiving is a structured clone's deserialisation (the worker moves the
// arrays, so less than that): structuredClone here does serialise plus deserialise, an upper bound.
import { blobSource, SceneSet } from '../waymo';

export async function probeSceneDelivery(
  blob: Blob,
  name: string,
  runs: number,
): Promise<{ decodeMs: number[]; cloneMs: number[]; bytes: number }> {
  const set = await SceneSet.open([blobSource(blob, name)]);
  const decodeMs: number[] = [];
  const cloneMs: number[] = [];
  let bytes = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const scene = await set.scene(0);
    const t1 = performance.now();
    structuredClone(scene);
    const t2 = performance.now();
    decodeMs.push(t1 - t0);
    cloneMs.push(t2 - t1);
    bytes = 0;
    const walk = (o: unknown) => {
      if (ArrayBuffer.isView(o)) bytes += o.byteLength;
      else if (o && typeof o === 'object') Object.values(o).forEach(walk);
    };
    walk(scene);
  }
  return { decodeMs, cloneMs, bytes };
}
