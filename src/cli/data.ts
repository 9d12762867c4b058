// `npm run data [-- --only train,val,test]`: the model's train / validation / test sets, made by the
// synthetic generator with the sizes and seeds of src/model/config.ts, written as WOMD shards with
// truth sidecars under data/model/SPLIT/. Deterministic; not committed.
import { SingleBar, Presets } from 'cli-progress';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DATA_CONFIG, type Split } from '../model/config';
import { writeSynthShards } from '../synth/node-write';

const { values } = parseArgs({ options: { only: { type: 'string' } } });
const splits = (values.only?.split(',') ?? Object.keys(DATA_CONFIG.splits)) as Split[];
for (const split of splits) {
  const cfg = DATA_CONFIG.splits[split];
  if (!cfg) throw new Error(`unknown split '${split}'; known: ${Object.keys(DATA_CONFIG.splits).join(', ')}`);
  const bar = new SingleBar(
    { format: `${split.padEnd(5)} [{bar}] {value}/{total} scenes | {rate} scenes/s | eta {eta}s` },
    Presets.shades_classic,
  );
  const t0 = performance.now();
  bar.start(cfg.scenes, 0, { rate: '0' });
  const shards = await writeSynthShards({
    seed: cfg.seed,
    count: cfg.scenes,
    dir: join(DATA_CONFIG.dir, split),
    name: split,
    shardSize: DATA_CONFIG.shardSize,
    onScene: (done) => {
      if (done % 20 === 0 || done === cfg.scenes)
        bar.update(done, { rate: (done / ((performance.now() - t0) / 1000)).toFixed(1) });
    },
  });
  bar.stop();
  const mb = shards.reduce((a, s) => a + s.bytes, 0) / 1e6;
  console.log(
    `${split}: ${cfg.scenes} scenes, ${shards.length} shards, ${mb.toFixed(0)} MB in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );
}
