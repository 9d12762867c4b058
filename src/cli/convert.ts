// `npm run convert -- IN... --out FILE.tfrecord[.gz]`: scenes of any readable format (Scenario or
// tf.Example TFRecord, GPUDrive/Nocturne JSON; folders walked) written as genuine WOMD Scenario
// TFRecord, GZIP when the name ends in .gz. A scene that names no objects_of_interest gets the
// real benchmark rule's first pair there (labels/pairs.ts, docs/real-benchmark.md), so the written
// file carries the pair every tool reads. What a Scenario cannot carry: the GPUDrive `name` (the
// WOMD split is read from it), said once at the end. Unreadable inputs are named and skipped.
import { parseArgs } from 'node:util';
import { withBenchmarkPair } from '../labels/pairs';
import { encodeScene } from '../waymo';
import { writeRecordFile } from '../waymo/node-file';
import { scenesOf } from './lib/scene-files';

const { values, positionals } = parseArgs({
  options: { out: { type: 'string', short: 'o' } },
  allowPositionals: true,
});
if (!values.out || positionals.length === 0) {
  console.error('usage: npm run convert -- IN... --out FILE.tfrecord[.gz]');
  process.exit(2);
}

let problems = 0;
let named = 0;
let paired = 0;
async function* payloads() {
  for await (const { scene } of scenesOf(positionals, (p) => {
    console.log(`skipped: ${p}`);
    problems++;
  })) {
    const { scene: out, added } = withBenchmarkPair(scene);
    if (added) paired++;
    if (scene.sourceName) named++;
    yield encodeScene(out);
  }
}
const n = await writeRecordFile(values.out, payloads(), { gzip: values.out.endsWith('.gz') });
console.log(
  `${values.out}: ${n} scenario(s)${values.out.endsWith('.gz') ? ' (GZIP)' : ''}; ${paired} given the rule's pair as objects_of_interest` +
    (named ? `; ${named} carried a dataset name (GPUDrive \`name\`) that a Scenario has no field for` : '') +
    (problems ? `; ${problems} input problem(s) above` : ''),
);
process.exit(problems > 0 ? 1 : 0);
