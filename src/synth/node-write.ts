// Writes synthetic scenes as WOMD-style TFRecord shards (Node only), each with its sidecar truth
// `SHARD.truth.json` = { scenes: SynthTruth[] } next to it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeScene } from '../waymo/scenario';
import { writeRecordFile } from '../waymo/node-file';
import { generateScene, type SynthOptions, type SynthTruth } from './index';

export interface WriteOptions extends SynthOptions {
  seed: number;
  count: number;
  dir: string;
  /** File name stem, WOMD style: NAME.tfrecord-00000-of-00010. */
  name?: string;
  shardSize?: number;
  /** Called after every scene with the number written so far. */
  onScene?: (done: number, truth: SynthTruth) => void;
}

export interface WrittenShard {
  path: string;
  truthPath: string;
  scenes: number;
  bytes: number;
}

export function shardName(name: string, k: number, shards: number): string {
  return `${name}.tfrecord-${String(k).padStart(5, '0')}-of-${String(shards).padStart(5, '0')}`;
}

/** Scenes seed/0 .. seed/count-1 in order, `shardSize` per file; same options, same bytes. */
export async function writeSynthShards(o: WriteOptions): Promise<WrittenShard[]> {
  const size = Math.max(1, o.shardSize ?? 1000);
  const shards = Math.max(1, Math.ceil(o.count / size));
  const name = o.name ?? 'synth';
  mkdirSync(o.dir, { recursive: true });
  const out: WrittenShard[] = [];
  let done = 0;
  for (let k = 0; k < shards; k++) {
    const path = join(o.dir, shardName(name, k, shards));
    const truths: SynthTruth[] = [];
    let bytes = 0;
    const first = k * size;
    const last = Math.min(o.count, first + size);
    const payloads = function* () {
      for (let i = first; i < last; i++) {
        const { scene, truth } = generateScene(o.seed, i, o);
        const p = encodeScene(scene);
        bytes += p.length + 16;
        truths.push(truth);
        done++;
        o.onScene?.(done, truth);
        yield p;
      }
    };
    await writeRecordFile(path, payloads());
    const truthPath = `${path}.truth.json`;
    writeFileSync(truthPath, `${JSON.stringify({ scenes: truths }, null, 1)}\n`);
    out.push({ path, truthPath, scenes: truths.length, bytes });
  }
  return out;
}
