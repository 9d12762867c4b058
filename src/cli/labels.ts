// `npm run labels -- FILE_OR_FOLDER...`: the pseudo label of every scene's pair, a histogram per
// file, and, where a truth sidecar FILE.truth.json exists, agreement with it and the confusion
// matrix (and over all files when several have one). `--quiet` drops the per-scene lines.
// Any format waymo/open.ts reads (TFRecord of Scenario or tf.Example, plain or GZIP; GPUDrive JSON),
// folders walked (cli/lib/scene-files.ts); the pair is the app's (labels/pairs.ts defaultPair:
// objects_of_interest, else tracks_to_predict, else the benchmark rule's first pair). A file that
// cannot be opened, and every damaged record, is printed with its reason and makes the exit code 1.
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Agreement, type PassTruth } from '../labels/agreement';
import { LABEL_NAMES, labelPairDetail } from '../labels';
import { defaultPair } from '../labels/pairs';
import { openEach } from './lib/scene-files';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { quiet: { type: 'boolean', default: false } },
});
if (positionals.length === 0) {
  console.error('usage: npm run labels -- [--quiet] FILE_OR_FOLDER...');
  process.exit(2);
}
const bad = { count: 0 };
const total = new Agreement();
let withTruth = 0;
for await (const { path, file } of openEach(positionals, bad)) {
  const sidecar = `${path}.truth.json`;
  const truths = existsSync(sidecar)
    ? new Map(
        (JSON.parse(readFileSync(sidecar, 'utf8')) as { scenes: PassTruth[] }).scenes.map((t) => [t.id, t]),
      )
    : null;
  const agreement = new Agreement();
  const hist = LABEL_NAMES.map(() => 0);
  let noPair = 0;
  let secs = 0;
  console.log(`${path}: ${file.count} records${truths ? `, truth sidecar with ${truths.size} scenes` : ''}`);
  for (const p of file.problems) {
    console.log(`  ERROR ${p.message}`);
    bad.count++;
  }
  for await (const { k, scene, error } of file.scenes()) {
    if (error || !scene) {
      console.log(`  [${k}] ERROR ${error?.message}`);
      bad.count++;
      continue;
    }
    const pair = defaultPair(scene);
    if (!pair) {
      noPair++;
      if (!values.quiet) console.log(`  [${k}] ${scene.id}: no pair`);
      continue;
    }
    const t0 = performance.now();
    const l = labelPairDetail(scene, pair[0], pair[1]);
    secs += (performance.now() - t0) / 1000;
    hist[l.label]!++;
    const truth = truths?.get(scene.id);
    if (truth) {
      agreement.add(truth, l);
      total.add(truth, l);
    }
    if (!values.quiet) {
      const f = (v: number | null) => (v === null ? '-' : `${v.toFixed(2)} s`);
      console.log(
        `  [${k}] ${scene.id}: ${LABEL_NAMES[l.label]} (${l.kind}; ${l.reason}); tA ${f(l.tA)}, tB ${f(l.tB)}, ` +
          `yielder ${l.yielder ?? '-'}; A ${l.maneuverA}, B ${l.maneuverB}`,
      );
    }
  }
  const labelled = hist.reduce((a, b) => a + b, 0);
  console.log(`histogram (${labelled} labelled, ${noPair} without a pair):`);
  hist.forEach((c, i) => console.log(`  ${LABEL_NAMES[i]!.padEnd(16)} ${String(c).padStart(6)}`));
  console.log(`labelling time ${(secs * 1000).toFixed(1)} ms (${(labelled / secs).toFixed(0)} scenes/s)`);
  if (truths) {
    withTruth++;
    console.log(agreement.format());
  }
  await file.close?.();
}
if (withTruth > 1) console.log(`\nall ${withTruth} files with truth:\n${total.format()}`);
process.exit(bad.count > 0 ? 1 : 0);
