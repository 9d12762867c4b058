// `npm run demo`: regenerates the bundled demo set public/demo/demo.tfrecord (+ demo.truth.json):
// seven scenes per layout, two where A goes first, two where B goes first, two non-interacting
// pairs and one more, found by walking a fixed seed (one seed per layout keeps scene ids unique).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LAYOUTS, generateScene, type SynthTruth } from '../synth';
import { encodeScene } from '../waymo/scenario';
import { writeRecordFile } from '../waymo/node-file';

const DIR = join(import.meta.dirname, '../../public/demo');
const BASE_SEED = 2026;
const QUOTA = { A: 2, B: 2, none: 2, any: 1 };

const payloads: Uint8Array[] = [];
const truths: SynthTruth[] = [];
LAYOUTS.forEach((layout, li) => {
  const left = { ...QUOTA };
  for (let i = 0; left.A + left.B + left.none + left.any > 0 && i < 500; i++) {
    const { scene, truth } = generateScene(BASE_SEED + li, i, { layouts: [layout], interactiveShare: 0.6 });
    const kind = truth.first ?? 'none';
    if (left[kind] > 0) left[kind]--;
    else if (left.any > 0) left.any--;
    else continue;
    payloads.push(encodeScene(scene));
    truths.push(truth);
  }
});
mkdirSync(DIR, { recursive: true });
await writeRecordFile(join(DIR, 'demo.tfrecord'), payloads);
writeFileSync(join(DIR, 'demo.truth.json'), `${JSON.stringify({ scenes: truths }, null, 1)}\n`);
const bytes = payloads.reduce((a, p) => a + p.length + 16, 0);
console.log(`public/demo/demo.tfrecord: ${payloads.length} scenes, ${(bytes / 1e6).toFixed(2)} MB`);
for (const t of truths)
  console.log(
    `  ${t.id.padEnd(16)} ${t.layout.padEnd(20)} ${t.interactive ? `${t.first} first` : 'no interaction'}`,
  );
