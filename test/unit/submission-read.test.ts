// Reading WOMD challenge submissions (src/waymo/submission*.ts): bytes built with the reference
// schema (test/fixtures/motion_submission.proto via protobufjs) and GNU tar, read back exactly;
// every encoding the spec allows (packed and unpacked floats, fields in any order, a scenario id
// after the predictions, unknown fields); tar of shards, tar.gz, gz, JSON; damage named and the
// rest kept; an index over several windows.
import { gzipSync } from 'node:zlib';
import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import { memorySource } from '../../src/waymo/source';
import { openSubmission, SubmissionError, WINDOW_BYTES } from '../../src/waymo';
import {
  concat,
  encodeEntry,
  encodeSubmission,
  jointEntry,
  line,
  singleEntry,
  tarArchive,
  wrapEntry,
} from '../fixtures/submissions';

const HEADER = {
  submissionType: 2,
  accountName: 'a@b.c',
  uniqueMethodName: 'my-method',
  authors: ['Ada', 'Grace'],
  affiliation: 'Lab',
  description: 'test',
  methodLink: 'https://x',
  usesLidarData: false,
  usesCameraData: true,
  usesPublicModelPretraining: true,
  numModelParameters: '200K',
  publicModelNames: ['resnet'],
};

/** Two joint predictions with awkward float values (exact float32 round trip is checked). */
function joint(id: string, seed = 0) {
  return jointEntry(id, [
    {
      confidence: 0.7 + seed,
      objects: [
        { id: 11, ...line(8123.456 + seed, -4321.987, 1.1, 0.3) },
        { id: 12, ...line(8100, -4300, -0.7, 1e-3) },
      ],
    },
    {
      confidence: 0.3,
      objects: [
        { id: 11, ...line(8123.456, -4321.987, 0.9, 0.5) },
        { id: 12, ...line(8100, -4300, -0.2, 2) },
      ],
    },
  ]);
}

const open = (bytes: Uint8Array, name = 'sub.binproto', o = {}) =>
  openSubmission(memorySource(bytes, name), o);

function expectPoints(got: { x: Float32Array; y: Float32Array }, want: { x: number[]; y: number[] }) {
  expect([...got.x]).toEqual(want.x);
  expect([...got.y]).toEqual(want.y);
}

describe('binproto', () => {
  it('reads the header and every joint value back exactly (ids, points, confidences)', async () => {
    const entries = [joint('s-1'), joint('s-2', 1)];
    const sub = await open(encodeSubmission({ ...HEADER, scenarioPredictions: entries }));
    expect(sub.format).toBe('binproto');
    expect(sub.header).toEqual({ ...HEADER, submissionType: 'interaction' });
    expect(sub.method).toBe('my-method');
    expect(sub.ids).toEqual(['s-1', 's-2']);
    expect(sub.problems).toEqual([]);
    const rec = (await sub.get('s-2'))!;
    expect(rec.scenarioId).toBe('s-2');
    expect(rec.single).toBeNull();
    expect(rec.joint).toHaveLength(2);
    expect(rec.joint![0]!.confidence).toBe(Math.fround(1.7));
    expect(rec.joint![0]!.trajectories.map((t) => t.objectId)).toEqual([11, 12]);
    expectPoints(rec.joint![0]!.trajectories[0]!, line(8124.456, -4321.987, 1.1, 0.3));
    expectPoints(rec.joint![1]!.trajectories[1]!, line(8100, -4300, -0.2, 2));
    expect(await sub.get('nope')).toBeNull();
    expect(sub.has('s-1')).toBe(true);
  });

  it('reads motion (single) predictions back exactly', async () => {
    const t1 = line(10.5, 20.25, 1, 0);
    const t2 = line(-3.125, 7, 0, -1);
    const sub = await open(
      encodeSubmission({
        submissionType: 1,
        scenarioPredictions: [
          singleEntry('m', [
            {
              id: 5,
              trajectories: [
                { confidence: 0.5, ...t1 },
                { confidence: 0.25, ...t2 },
              ],
            },
            { id: -7, trajectories: [{ confidence: 1, ...t2 }] },
          ]),
        ],
      }),
      'motion.bin',
    );
    expect(sub.header.submissionType).toBe('motion');
    expect(sub.method).toBe('motion.bin'); // no unique_method_name: the file name
    const rec = (await sub.get('m'))!;
    expect(rec.joint).toBeNull();
    expect(rec.single!.map((o) => o.objectId)).toEqual([5, -7]);
    expect(rec.single![0]!.trajectories.map((t) => t.confidence)).toEqual([0.5, 0.25]);
    expectPoints(rec.single![0]!.trajectories[1]!, t2);
    expectPoints(rec.single![1]!.trajectories[0]!, t2);
  });

  it('reads unpacked floats as packed ones', async () => {
    const entries = [joint('a'), joint('b', 2)];
    const packed = await open(encodeSubmission({ scenarioPredictions: entries }));
    const unpackedBytes = encodeSubmission({ scenarioPredictions: entries }, false);
    expect(unpackedBytes.length).toBeGreaterThan(encodeSubmission({ scenarioPredictions: entries }).length);
    const unpacked = await open(unpackedBytes);
    for (const id of ['a', 'b']) expect(await unpacked.get(id)).toEqual(await packed.get(id));
  });

  it('takes fields in any order: header after the entries, the scenario id after the predictions, unknown fields', async () => {
    const want = joint('late-id');
    const { scenarioId: _id, ...predictions } = want;
    // entry: predictions, an unknown field 9 (varint), then the id
    const unknown = protobuf.Writer.create()
      .uint32((9 << 3) | 0)
      .uint32(42)
      .finish();
    const entry = concat(encodeEntry(predictions), unknown, encodeEntry({ scenarioId: 'late-id' }));
    // top level: an unknown LEN field 20, the entry, then the header, then an unknown fixed32 field 30
    const top = concat(
      protobuf.Writer.create()
        .uint32((20 << 3) | 2)
        .string('ignored')
        .finish(),
      wrapEntry(entry),
      encodeSubmission(HEADER),
      protobuf.Writer.create()
        .uint32((30 << 3) | 5)
        .fixed32(7)
        .finish(),
    );
    const sub = await open(top);
    expect(sub.problems).toEqual([]);
    expect(sub.ids).toEqual(['late-id']);
    expect(sub.header.uniqueMethodName).toBe('my-method');
    const ref = await open(encodeSubmission({ scenarioPredictions: [want] }));
    expect(await sub.get('late-id')).toEqual(await ref.get('late-id'));
  });

  it('names a truncated file at the byte where it breaks and keeps the entries before it', async () => {
    const bytes = encodeSubmission({ scenarioPredictions: [joint('k1'), joint('k2'), joint('k3')] });
    const cut = bytes.subarray(0, bytes.length - 100);
    const sub = await open(cut, 'cut.binproto');
    expect(sub.ids).toEqual(['k1', 'k2']);
    expect(sub.problems).toHaveLength(1);
    const p = sub.problems[0]!;
    expect(p).toBeInstanceOf(SubmissionError);
    expect(p.kind).toBe('malformed');
    expect(p.message).toMatch(
      /^cut\.binproto: byte \d+: scenario_predictions: field 1 of length \d+ runs past the end/,
    );
    expect((await sub.get('k2'))!.joint).toHaveLength(2);
  });

  it('names an entry without a scenario id and a duplicate id; keeps the first', async () => {
    const { scenarioId: _id, ...noId } = joint('x');
    const sub = await open(encodeSubmission({ scenarioPredictions: [joint('d', 0), noId, joint('d', 5)] }));
    expect(sub.ids).toEqual(['d']);
    expect(sub.problems.map((p) => [p.kind, p.record])).toEqual([['no-scenario-id', 1]]);
    expect(sub.warnings.map((p) => [p.kind, p.scenario])).toEqual([['duplicate-scenario', 'd']]);
    expect((await sub.get('d'))!.joint![0]!.confidence).toBe(Math.fround(0.7));
  });

  it('a lookup of a damaged entry throws a SubmissionError naming the scenario; the others still read', async () => {
    const good = encodeEntry(joint('good'));
    // an entry whose joint_prediction claims more bytes than the entry has
    const bad = concat(encodeEntry({ scenarioId: 'bad' }), Uint8Array.of((3 << 3) | 2, 100, 1, 2, 3));
    const sub = await open(concat(wrapEntry(bad), wrapEntry(good)), 'damaged.bin');
    expect(sub.ids).toEqual(['bad', 'good']);
    await expect(sub.get('bad')).rejects.toThrow(
      /^damaged\.bin: scenario bad: joint_prediction: malformed wire data/,
    );
    expect((await sub.get('good'))!.joint).toHaveLength(2);
  });

  it('skips an entry damaged before its scenario id, naming it, and reads the next one', async () => {
    // a sound entry length, but inside: a field 2 claiming 200 bytes, then the id
    const bad = concat(Uint8Array.of((2 << 3) | 2, 200, 1, 2), encodeEntry({ scenarioId: 'lost' }));
    const sub = await open(concat(wrapEntry(bad), wrapEntry(encodeEntry(joint('next')))), 'd.bin');
    expect(sub.ids).toEqual(['next']);
    expect(sub.problems.map((p) => [p.kind, p.record])).toEqual([['malformed', 0]]);
    expect(sub.problems[0]!.message).toMatch(
      /^d\.bin: scenario_predictions\[0\] \(byte 0\): scenario_predictions: field 2 of length 200 runs past the entry before its scenario_id/,
    );
  });

  it('indexes a submission several windows long, every entry where it is', async () => {
    const n = Math.ceil((2.5 * WINDOW_BYTES) / encodeEntry(joint('w-0')).length);
    const entries = Array.from({ length: n }, (_, i) => joint(`w-${i}`, i));
    const bytes = encodeSubmission({ scenarioPredictions: entries });
    expect(bytes.length).toBeGreaterThan(2 * WINDOW_BYTES);
    const sub = await open(bytes);
    expect(sub.count).toBe(n);
    expect(sub.ids[n - 1]).toBe(`w-${n - 1}`);
    for (const i of [0, Math.floor(n / 2), n - 1])
      expect((await sub.get(`w-${i}`))!.joint![0]!.confidence).toBe(Math.fround(0.7 + i));
  });

  it('refuses a file that is not a submission at all only by what it finds, naming it', async () => {
    const sub = await open(new TextEncoder().encode('\u0007\u0000garbage that is no protobuf'), 'junk.pb');
    expect(sub.count).toBe(0);
    expect(sub.problems[0]!.kind).toBe('malformed');
  });
});

describe('tar, tar.gz and gz', () => {
  const shardA = encodeSubmission({ ...HEADER, scenarioPredictions: [joint('t1'), joint('t2')] });
  const shardB = encodeSubmission({
    uniqueMethodName: 'other-name',
    description: 'test',
    scenarioPredictions: [joint('t3', 1)],
  });
  const shardC = encodeSubmission({ scenarioPredictions: [joint('t4', 2)], affiliation: 'Lab' });
  const long = `${'deep/'.repeat(25)}shard-c.binproto`; // > 100 characters: a GNU long name / pax path
  const files: [string, Uint8Array][] = [
    ['sub/shard-a.binproto', shardA],
    ['sub/._shard-a.binproto', new Uint8Array([0, 5, 22, 7, 0, 2, 0, 0])], // macOS AppleDouble
    ['sub/shard-b.binproto', shardB],
    [long, shardC],
  ];

  for (const format of ['gnu', 'pax'] as const)
    it(`indexes every shard of a ${format} tar, merges the headers (first wins) and says where they disagree`, async () => {
      const sub = await open(tarArchive(files, { format }), 'upload.tar');
      expect(sub.format).toBe('tar');
      expect(sub.shards).toEqual(['sub/shard-a.binproto', 'sub/shard-b.binproto', long]);
      expect(sub.skipped).toEqual([
        'sub/._shard-a.binproto: an AppleDouble metadata file (macOS tar), not a shard',
      ]);
      expect(sub.ids).toEqual(['t1', 't2', 't3', 't4']);
      expect(sub.problems).toEqual([]);
      expect(sub.header.uniqueMethodName).toBe('my-method');
      expect(sub.warnings.map((w) => [w.kind, w.field])).toEqual([
        ['header-disagreement', 'uniqueMethodName'],
      ]);
      expect(sub.warnings[0]!.message).toMatch(
        /sub\/shard-b\.binproto sets "other-name", sub\/shard-a\.binproto \(first\) set "my-method"/,
      );
      const ref = await open(shardC);
      expect(await sub.get('t4')).toEqual(await ref.get('t4'));
    });

  it('reads a tar.gz (inflated once) and a gzipped binproto, sniffed by content, not name', async () => {
    const tgz = await open(tarArchive(files, { gzip: true }), 'upload.bin');
    expect([tgz.format, tgz.gzip]).toEqual(['tar', true]);
    expect(tgz.ids).toEqual(['t1', 't2', 't3', 't4']);
    expect(tgz.inflatedBytes).toBeGreaterThan(shardA.length + shardB.length);
    const gz = await open(gzipSync(shardA), 'shard.tar');
    expect([gz.format, gz.gzip]).toEqual(['binproto', true]);
    expect(await gz.get('t2')).toEqual(await (await open(shardA)).get('t2'));
  });

  it('refuses a GZIP file that inflates past the cap, saying to gunzip it', async () => {
    const big = encodeSubmission({
      scenarioPredictions: Array.from({ length: 200 }, (_, i) => joint(`g${i}`)),
    });
    await expect(open(gzipSync(big), 'big.tar.gz', { maxInflatedBytes: 100_000 })).rejects.toThrow(
      /big\.tar\.gz: file: gzip: inflates to more than 100000 bytes.*Unpack it first \(gunzip FILE/,
    );
  });

  it('keeps what inflated before damage in a GZIP stream', async () => {
    const big = encodeSubmission({
      scenarioPredictions: Array.from({ length: 300 }, (_, i) => joint(`z${i}`, i)),
    });
    const gz = gzipSync(big);
    const sub = await open(gz.subarray(0, Math.floor(gz.length * 0.6)), 'cut.gz');
    expect(sub.count).toBeGreaterThan(0);
    expect(sub.count).toBeLessThan(300);
    expect(sub.problems.map((p) => p.kind)).toContain('malformed');
    expect(sub.problems.some((p) => p.field === 'gzip')).toBe(true);
    expect((await sub.get('z0'))!.joint![0]!.confidence).toBe(Math.fround(0.7));
  });

  it('names a damaged tar header and keeps the members before it', async () => {
    const tar = tarArchive(files.filter(([p]) => !p.includes('._')));
    const second = 512 + Math.ceil(shardA.length / 512) * 512; // header of the second member
    const bad = tar.slice();
    bad[second + 10] = bad[second + 10]! ^ 0xff;
    const sub = await open(bad, 'bad.tar');
    expect(sub.ids).toEqual(['t1', 't2']);
    expect(sub.problems[0]!.message).toBe(
      `bad.tar: byte ${second}: tar header: checksum mismatch (damaged archive): the members from here on are not read`,
    );
  });
});

describe('the JSON form', () => {
  const pts = (n: number, x0: number) => Array.from({ length: n }, (_, k) => [x0 + k + 1, 2 * (k + 1)]);
  const doc = {
    method: 'json-model',
    authors: ['A'],
    scenarios: {
      j: {
        joint: [
          { confidence: 0.4, objects: { '11': pts(16, 100), '12': pts(80, 0) } },
          { confidence: 0.6, objects: { '11': pts(16, 5), x: pts(16, 1) } },
          'nonsense',
        ],
      },
      s: { single: { '5': [{ confidence: 0.5, points: pts(16, 3) }, { points: 'no' }] } },
      both: { joint: [], single: {} },
      bad: 7,
    },
  };

  it('reads joint and single predictions; 80 points at 10 Hz become the 16 at steps 15..90', async () => {
    const sub = await open(new TextEncoder().encode(`\n  ${JSON.stringify(doc)}`), 'preds.json');
    expect(sub.format).toBe('json');
    expect(sub.method).toBe('json-model');
    expect(sub.header.authors).toEqual(['A']);
    expect(sub.header.submissionType).toBe('interaction');
    expect(sub.ids).toEqual(['j', 's', 'both']);
    const j = (await sub.get('j'))!;
    expect(j.joint).toHaveLength(2);
    expect([...j.joint![0]!.trajectories[1]!.x]).toEqual(Array.from({ length: 16 }, (_, k) => 5 * (k + 1)));
    expect([...j.joint![0]!.trajectories[1]!.y]).toEqual(Array.from({ length: 16 }, (_, k) => 10 * (k + 1)));
    expect(j.joint![1]!.trajectories.map((t) => t.objectId)).toEqual([11]);
    const s = (await sub.get('s'))!;
    expect(s.single![0]!.trajectories).toHaveLength(1);
    expect(sub.warnings.map((w) => `${w.scenario}: ${w.field}`)).toEqual([
      'j: joint[1].objects["x"]',
      'j: joint[2]',
      's: single["5"][1]',
      'both: ',
      'bad: ',
    ]);
    expect((await sub.get('both'))!.joint).toEqual([]);
  });

  it('refuses JSON that is not a submission, naming the file', async () => {
    await expect(open(new TextEncoder().encode('{"scenes": {}}'), 'x.json')).rejects.toThrow(
      /^x\.json: file: scenarios: a JSON submission is an object with "scenarios"/,
    );
  });
});
