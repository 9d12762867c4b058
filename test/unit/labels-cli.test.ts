// `npm run labels` (src/cli/labels.ts) reads every format the app reads: a GPUDrive JSON scenario
// and a folder of them are labelled with the app's pair (labels/pairs.ts defaultPair), and a file
// it cannot read is named with its reason and exit code 1. Before, it opened only TFRecords and said
// "0 records" for a JSON scenario without a word on why. A path that does not exist is named too,
// and the other paths are still read (it used to end the run with a stack trace).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { newRadians, oldDegrees } from '../fixtures/json-scenes';

const run = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/labels.ts', ...args], { encoding: 'utf8' });

describe('npm run labels', () => {
  const dir = mkdtempSync(join(tmpdir(), 'labels-cli-'));
  const folder = join(dir, 'scenes');
  mkdirSync(folder);
  writeFileSync(join(folder, 'old.json'), JSON.stringify(oldDegrees()));
  writeFileSync(join(folder, 'new.json.gz'), gzipSync(JSON.stringify(newRadians())));
  writeFileSync(join(folder, 'README.md'), '# not a scene\n');

  it('labels GPUDrive JSON scenarios (plain and GZIP, a folder walked) with the app pair', () => {
    const r = run([folder]);
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.status).toBe(0);
    // two files, one record each, each labelled (the README is not offered to the reader)
    expect(r.stdout.match(/: 1 records/g)).toHaveLength(2);
    expect(r.stdout).not.toContain('README');
    const labelled = [...r.stdout.matchAll(/histogram \((\d+) labelled, (\d+) without a pair\)/g)];
    expect(labelled.map((m) => Number(m[1]) + Number(m[2]))).toEqual([1, 1]);
    expect(r.stdout).toMatch(/\[0\] \S+: (A passes first|B passes first|no interaction) \(/);
  }, 120_000);

  it('names a file it cannot read and exits 1', () => {
    const bad = join(dir, 'bad.tfrecord');
    writeFileSync(bad, new Uint8Array(64).fill(7));
    const r = run([bad]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/bad\.tfrecord.*(record|file)/);
    expect(r.stdout).toContain('ERROR');
  }, 120_000);

  it('names a path that does not exist, reads the others and exits 1', () => {
    const r = run([join(dir, 'missing.tfrecord'), folder]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/missing\.tfrecord: cannot open: ENOENT/);
    expect(r.stdout.match(/: 1 records/g)).toHaveLength(2);
  }, 120_000);
});
