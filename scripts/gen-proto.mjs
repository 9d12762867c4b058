// Regenerates src/waymo/proto/{scenario,example}.{js,d.ts} from the .proto files with protobufjs-cli.
// Output is committed so a fresh clone needs no generation step; rerun after editing the .proto.
import { execFileSync } from 'node:child_process';

const dir = 'src/waymo/proto';
const run = (bin, args) => execFileSync(`node_modules/.bin/${bin}`, args, { stdio: 'inherit' });
// Each file gets its own protobufjs root: generated code looks its nested types up through the
// root (`$root.modescope.womd.Track`), and two files sharing the default root would replace
// each other's `modescope` namespace. scenario keeps the default root its committed output has.
const files = [
  { name: 'scenario', root: [] },
  { name: 'example', root: ['-r', 'modescope_example'] },
];
for (const { name, root } of files) {
  run('pbjs', [
    ...root,
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
    `${dir}/${name}.js`,
    `${dir}/${name}.proto`,
  ]);
  run('pbts', ['-o', `${dir}/${name}.d.ts`, `${dir}/${name}.js`]);
}
