// `npm run synth -- --scenes N --seed S --out DIR [--layouts a,b] [--shard-size M] [--name NAME]
// [--interactive-share P]`: synthetic WOMD shards with sidecar truth, deterministic per seed.
import { SingleBar, Presets } from 'cli-progress';
import { parseArgs } from 'node:util';
import { LAYOUTS, type LayoutName, type SynthTruth } from '../synth';
import { writeSynthShards } from '../synth/node-write';

const { values } = parseArgs({
  options: {
    scenes: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string', default: 'data/synth' },
    layouts: { type: 'string' },
    'shard-size': { type: 'string', default: '1000' },
    name: { type: 'string', default: 'synth' },
    'interactive-share': { type: 'string' },
  },
});
const layouts = values.layouts ? (values.layouts.split(',') as LayoutName[]) : undefined;
for (const l of layouts ?? [])
  if (!LAYOUTS.includes(l)) {
    console.error(`unknown layout '${l}'; known: ${LAYOUTS.join(', ')}`);
    process.exit(2);
  }
const count = Number(values.scenes);
const bar = new SingleBar(
  { format: 'synth [{bar}] {value}/{total} scenes | {rate} scenes/s | eta {eta}s' },
  Presets.shades_classic,
);
const truths: SynthTruth[] = [];
const t0 = performance.now();
bar.start(count, 0, { rate: '0' });
const shards = await writeSynthShards({
  seed: Number(values.seed),
  count,
  dir: values.out,
  name: values.name,
  shardSize: Number(values['shard-size']),
  layouts,
  interactiveShare: values['interactive-share'] ? Number(values['interactive-share']) : undefined,
  onScene: (done, truth) => {
    truths.push(truth);
    if (done % 10 === 0 || done === count)
      bar.update(done, { rate: (done / ((performance.now() - t0) / 1000)).toFixed(1) });
  },
});
bar.stop();
const secs = (performance.now() - t0) / 1000;
const bytes = shards.reduce((a, s) => a + s.bytes, 0);
console.log(
  `${count} scenes in ${shards.length} shard(s) under ${values.out}: ${(bytes / 1e6).toFixed(1)} MB, ${(bytes / count / 1e3).toFixed(0)} KB/scene, ${secs.toFixed(1)} s (${(count / secs).toFixed(1)} scenes/s)`,
);
for (const l of LAYOUTS) {
  const ts = truths.filter((t) => t.layout === l);
  if (ts.length === 0) continue;
  const inter = ts.filter((t) => t.interactive);
  const a = inter.filter((t) => t.first === 'A').length;
  console.log(
    `  ${l.padEnd(20)} ${ts.length} scenes, ${inter.length} interacting: A first ${a}, B first ${inter.length - a}`,
  );
}
