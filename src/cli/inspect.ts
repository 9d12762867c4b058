// `npm run inspect -- PATH...`: per file (any format waymo/open.ts reads; folders walked), the
// scene count, each scenario's summary, and every record that could not be read with the reason.
// Exits 1 when any file or record was unreadable.
import { defaultPair } from '../labels/pairs';
import { formatCounts, summarizeScene } from '../scene/summary';
import { openEach } from './lib/scene-files';

const paths = process.argv.slice(2);
if (paths.length === 0) {
  console.error('usage: npm run inspect -- FILE_OR_FOLDER...');
  process.exit(2);
}
const bad = { count: 0 };
for await (const { path, file } of openEach(paths, bad)) {
  console.log(`${path}: ${file.count} scene(s)`);
  for (const p of file.problems) {
    console.log(`  ERROR ${p.message}`);
    bad.count++;
  }
  for await (const { record, scene, error } of file.scenes()) {
    if (error) {
      console.log(`  [${record}] ERROR ${error.message}`);
      bad.count++;
      continue;
    }
    const s = summarizeScene(scene!, defaultPair(scene!));
    const pair = s.pair ? `${s.pair[0]} & ${s.pair[1]} (${s.pairSource})` : 'none';
    const name = scene!.sourceName ? ` [${scene!.sourceName}]` : '';
    console.log(`  [${record}] ${s.id}${name}: ${s.tracks} tracks (${formatCounts(s.tracksByType)})`);
    console.log(`        map: ${formatCounts(s.mapByKind) || 'none'}; pair: ${pair}`);
  }
  await file.close?.();
}
process.exit(bad.count > 0 ? 1 : 0);
