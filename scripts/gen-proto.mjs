// Regenerates src/waymo/proto/scenario.{js,d.ts} from scenario.proto with protobufjs-cli.
// Output is committed so a fresh clone needs no generation step; rerun after editing the .proto.
import { execFileSync } from 'node:child_process';

const dir = 'src/waymo/proto';
const run = (bin, args) => execFileSync(`node_modules/.bin/${bin}`, args, { stdio: 'inherit' });
run('pbjs', [
  '-t',
  'static-module',
  '-w',
  'es6',
  '--force-number',
  '--no-verify',
  '--no-convert',
  '--no-delimited',
  '--no-beautify',
  '-o',
  `${dir}/scenario.js`,
  `${dir}/scenario.proto`,
]);
run('pbts', ['-o', `${dir}/scenario.d.ts`, `${dir}/scenario.js`]);
