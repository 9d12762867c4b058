// The one entry to every format (waymo/open.ts): the sniffer decides by content, never by name;
// SceneSet lists the scenes of several files of mixed formats as one list, names each scene's
// file, and keeps every other file open when one cannot be read.
import { describe, expect, it } from 'vitest';
import { generateScene } from '../../src/synth';
import {
  encodeRecords,
  encodeScene,
  gzipBytes,
  memorySource,
  SceneSet,
  sniffFormat,
  WaymoReadError,
} from '../../src/waymo';
import { newRadians, oldDegrees } from '../fixtures/json-scenes';
import { sceneToExample } from '../fixtures/tf-example-writer';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** A folder of mixed files: Scenario TFRecord (2 scenes), tf.Example TFRecord, JSON, gzipped JSON, a README. */
async function mixedFolder() {
  const synth = [generateScene(7, 0).scene, generateScene(7, 1).scene];
  return [
    memorySource(encodeRecords(synth.map(encodeScene)), 'a-scenario.tfrecord'),
    memorySource(encodeRecords([sceneToExample(generateScene(7, 2).scene).payload]), 'b-example.tfrecord'),
    memorySource(utf8(JSON.stringify(oldDegrees())), 'c-old.json'),
    memorySource(await gzipBytes(utf8(JSON.stringify(newRadians()))), 'd-new.json.gz'),
    memorySource(utf8('# Notes\n\nnot a scenario at all\n'), 'e-notes'),
  ];
}

describe('sniffFormat', () => {
  it('tells JSON from TFRecord by content, through GZIP, and refuses text naming the file', async () => {
    const [scenario, example, json, gz, text] = await mixedFolder();
    expect(await sniffFormat(scenario!)).toBe('tfrecord');
    expect(await sniffFormat(example!)).toBe('tfrecord');
    expect(await sniffFormat(json!)).toBe('json');
    expect(await sniffFormat(gz!)).toBe('json');
    const gzRecords = memorySource(
      await gzipBytes(encodeRecords([encodeScene(generateScene(7, 0).scene)])),
      'x.gz',
    );
    expect(await sniffFormat(gzRecords)).toBe('tfrecord');
    // a record of 123 bytes: its header starts with 0x7b, '{', and is still a TFRecord
    expect(await sniffFormat(memorySource(encodeRecords([new Uint8Array(123)]), 'brace.tfrecord'))).toBe(
      'tfrecord',
    );
    const err = await sniffFormat(text!).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WaymoReadError);
    expect((err as WaymoReadError).message).toMatch(
      /^e-notes: file: format: a text file, not a scenario file/,
    );
  });
});

describe('SceneSet', () => {
  it('lists the scenes of mixed files in order, names their files, and keeps going past a bad one', async () => {
    const set = await SceneSet.open(await mixedFolder());
    expect(set.name).toBe('4 files');
    expect(set.count).toBe(5);
    expect(set.problems.map((p) => p.file)).toEqual(['e-notes']);
    expect([0, 1, 2, 3, 4].map((k) => set.fileOf(k))).toEqual([
      'a-scenario.tfrecord',
      'a-scenario.tfrecord',
      'b-example.tfrecord',
      'c-old.json',
      'd-new.json.gz',
    ]);
    expect([0, 1, 2, 3, 4].map((k) => set.record(k))).toEqual([0, 1, 0, 0, 0]);
    const got = [];
    for await (const r of set.scenes()) got.push(r);
    expect(got.map((r) => r.k)).toEqual([0, 1, 2, 3, 4]);
    expect(got.every((r) => r.scene && !r.error)).toBe(true);
    expect(got.map((r) => r.scene!.id)).toEqual([
      generateScene(7, 0).scene.id,
      generateScene(7, 1).scene.id,
      generateScene(7, 2).scene.id,
      'tfrecord-00012-of-01000_7',
      '2bd577a009790706',
    ]);
    expect((await set.scene(4)).sourceName).toBe('tfrecord-00004-of-00150_246.json');
    await expect(set.scene(5)).rejects.toThrow(/no scene 5 \(5 open\)/);
  });

  it('names a broken JSON file and its field, and the other files still read', async () => {
    const broken = oldDegrees();
    (broken.objects as { width: unknown }[])[1]!.width = 'wide';
    const set = await SceneSet.open([
      memorySource(utf8(JSON.stringify(broken)), 'broken.json'),
      memorySource(utf8(JSON.stringify(newRadians())), 'good.json'),
    ]);
    const got = [];
    for await (const r of set.scenes()) got.push(r);
    expect(got[0]!.error?.message).toMatch(/^broken\.json: record 0: objects\[1\]\.width: /);
    expect(got[1]!.scene?.id).toBe('2bd577a009790706');
  });
});
