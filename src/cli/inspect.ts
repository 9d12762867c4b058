// `npm run inspect -- FILE...`: per file, the record count, each scenario's summary, and every
// record that could not be read with the reason. Exits 1 when any record was unreadable.
import { formatCounts, summarizeScene } from '../scene/summary';
import { nodeFileSource } from '../waymo/node-file';
import { ScenarioFile } from '../waymo';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npm run inspect -- FILE...');
  process.exit(2);
}
let bad = 0;
for (const path of files) {
  let file: ScenarioFile;
  try {
    file = await ScenarioFile.open(await nodeFileSource(path));
  } catch (e) {
    console.log(`${path}: cannot open: ${(e as Error).message}`);
    bad++;
    continue;
  }
  console.log(`${path}: ${file.count} readable-looking records${file.index.gzip ? ' (gzip)' : ''}`);
  for (const p of file.problems) {
    console.log(`  ERROR ${p.message}`);
    bad++;
  }
  for await (const { k, scene, error } of file.scenes()) {
    if (error) {
      console.log(`  [${k}] ERROR ${error.message}`);
      bad++;
      continue;
    }
    const s = summarizeScene(scene!);
    const pair = s.pair ? `${s.pair[0]} & ${s.pair[1]} (${s.pairSource})` : 'none';
    console.log(`  [${k}] ${s.id}: ${s.tracks} tracks (${formatCounts(s.tracksByType)})`);
    console.log(`        map: ${formatCounts(s.mapByKind) || 'none'}; pair: ${pair}`);
  }
  await file.close();
}
process.exit(bad > 0 ? 1 : 0);
