// The scene list's filter and the file run's exports, on rows made from fixture scenes: which rows
// each filter keeps (a damaged record only while nothing filters), and the CSV and JSON a run
// downloads (header, one row per scored scene with the WOMD scenario and object ids, the world
// origin, the step and the model; a quote and a comma in a scene id escaped, a cell a spreadsheet
// would run as a formula escaped, numbers, negative ones too, left as numbers).
import { describe, expect, it } from 'vitest';
import { filterRows, NO_FILTER, type SceneFilter } from '../../src/app/components/SceneList';
import type { PairPrediction } from '../../src/app/model-protocol';
import { csvCell, csvLine } from '../../src/app/predictions/csv';
import { toCsv, toJson, type FileRunResult, type FileRunRow } from '../../src/app/predictions/run-file';
import type { SceneRow } from '../../src/app/useScenarioFile';
import { buildScene } from '../../src/scene/build';
import { summarizeScene } from '../../src/scene/summary';
import { fixtureInput, fixtureScene } from '../fixtures/scenes';
import { galleryScene } from '../browser/viewer-fixtures';

describe('scene list filter', () => {
  // fixture: 2 vehicles, 2 pedestrians, a cyclist, an other, a pair; gallery: one of each type but
  // two vehicles, a pair; solo: six vehicles and no pair; then a damaged record
  const solo = fixtureInput(2, 'Solo-Vehicles');
  for (const t of solo.tracks) t.type = 1;
  solo.objectsOfInterest = [];
  solo.tracksToPredict = [];
  const rows: SceneRow[] = [
    { k: 0, record: 0, file: 'a.tfrecord', summary: summarizeScene(fixtureScene(1)), label: 0 },
    { k: 1, record: 1, file: 'a.tfrecord', summary: summarizeScene(galleryScene('Gallery-West')), label: 2 },
    { k: 2, record: 2, file: 'a.tfrecord', summary: summarizeScene(buildScene(solo)), label: null },
    { k: 3, record: 7, file: 'a.tfrecord', error: 'record 7: truncated' },
  ];
  const kept = (f: Partial<SceneFilter>) => filterRows(rows, { ...NO_FILTER, ...f }).map((r) => r.record);

  it('summarises the fixture rows as the filter sees them', () => {
    expect(rows.slice(0, 3).map((r) => [r.summary!.id, r.summary!.tracksByType, r.summary!.pair])).toEqual([
      ['fixture-1', { vehicle: 2, pedestrian: 2, cyclist: 1, other: 1 }, [101, 102]],
      ['Gallery-West', { vehicle: 2, pedestrian: 1, cyclist: 1, other: 1 }, [701, 702]],
      ['Solo-Vehicles', { vehicle: 6 }, null],
    ]);
  });

  it('keeps every row, the damaged one too, when nothing filters', () => {
    expect(kept({})).toEqual([0, 1, 2, 7]);
    expect(kept({ search: '   ' })).toEqual([0, 1, 2, 7]);
  });

  it('searches scene ids, trimmed and case-blind', () => {
    expect(kept({ search: ' gallery ' })).toEqual([1]);
    expect(kept({ search: 'VEHICLES' })).toEqual([2]);
    expect(kept({ search: 'e' })).toEqual([0, 1, 2]);
    expect(kept({ search: 'truncated' })).toEqual([]);
  });

  it('keeps scenes with a pair, with every checked type, with the pseudo label', () => {
    expect(kept({ pairOnly: true })).toEqual([0, 1]);
    expect(kept({ types: ['vehicle'] })).toEqual([0, 1, 2]);
    expect(kept({ types: ['pedestrian'] })).toEqual([0, 1]);
    expect(kept({ types: ['vehicle', 'cyclist', 'other'] })).toEqual([0, 1]);
    expect(kept({ types: ['unset'] })).toEqual([]);
    expect(kept({ label: 0 })).toEqual([0]);
    expect(kept({ label: 2 })).toEqual([1]);
    expect(kept({ label: 1 })).toEqual([]);
  });

  it('combines filters, and hides the damaged record under any of them', () => {
    expect(kept({ search: 'fixture', label: 2 })).toEqual([]);
    expect(kept({ search: 'west', pairOnly: true, types: ['cyclist'], label: 2 })).toEqual([1]);
    for (const f of [{ search: 'x' }, { pairOnly: true }, { types: ['vehicle'] }, { label: 0 }])
      expect(kept(f), JSON.stringify(f)).not.toContain(7);
  });
});

describe('file run exports', () => {
  const row = (r: Partial<FileRunRow>): FileRunRow => ({
    k: 0,
    record: 0,
    id: 'x',
    objectIds: [101, 102],
    origin: [8123.456, -4321.987, 12.5],
    t: 10,
    label: 0,
    labelName: 'A passes first',
    topMode: 0,
    topProbability: 1,
    agree: true,
    minADE: null,
    minFDE: null,
    topOutcome: null,
    topHasOutcome: false,
    anyHasOutcome: false,
    ...r,
  });
  const prediction: PairPrediction = {
    sceneId: 'scene "7", west',
    a: 1,
    b: 2,
    t: 10,
    label: 1,
    labelName: 'B passes first',
    prior: [0.2, 0.6, 0.2],
    posterior: [0.1, 0.8, 0.1],
    variant: 'pseudo',
    backend: 'cpu',
    latencyMs: 12,
    numTensors: 0,
    choice: { backend: 'cpu', how: 'asked', figures: [], failed: [], key: '' },
    notice: null,
    modes: [
      {
        mode: 0,
        label: 'A passes first',
        probability: 0.2,
        goals: [],
        samples: [
          { a: Float32Array.of(1.1, 2.2), b: Float32Array.of(-3.3, 4.4), goal: { a: [1, 2], b: [3, 4] } },
        ],
      },
    ],
  };
  const result = (variant: FileRunResult['variant']): FileRunResult => ({
    variant,
    backend: 'wasm',
    samplesPerMode: 4,
    batchSize: 8,
    rows: [
      row({
        record: 0,
        id: 'scene "7", west',
        label: 1,
        labelName: 'B passes first',
        topMode: 1,
        topProbability: 0.61234,
        agree: true,
        minADE: 1.23456,
        minFDE: 2.5,
      }),
      row({
        k: 2,
        record: 5,
        id: 'plain-2',
        label: 2,
        labelName: 'no interaction',
        topMode: 0,
        topProbability: 0.5,
        agree: false,
      }),
      row({
        k: 3,
        record: 6,
        id: 'two\nlines',
        objectIds: [-7, 3],
        topMode: 2,
        topProbability: 0.99999,
        minADE: 0,
        minFDE: 0.0004,
      }),
    ],
    predictions: [prediction],
    confusion: [
      [0, 0, 1],
      [0, 1, 0],
      [0, 0, 0],
    ],
    outcomeConfusion: [
      [0, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ],
    skipped: [{ record: 3, reason: 'no interacting pair' }],
    ms: 1234,
  });

  const HEADER =
    'record,scenario_id,object_id_a,object_id_b,origin_x,origin_y,step,model,label,top_mode,top_mode_label,probability,agree,minADE_m,minFDE_m';

  it('writes a header and one row per scored scene, quoting ids with a quote, comma or newline', () => {
    expect(toCsv(result('pseudo'))).toBe(
      [
        HEADER,
        '0,"scene ""7"", west",101,102,8123.456,-4321.987,10,pseudo,B passes first,1,B passes first,0.6123,1,1.235,2.500',
        '5,plain-2,101,102,8123.456,-4321.987,10,pseudo,no interaction,0,A passes first,0.5000,0,,',
        '6,"two\nlines",-7,3,8123.456,-4321.987,10,pseudo,A passes first,2,no interaction,1.0000,1,0.000,0.000',
        '',
      ].join('\n'),
    );
  });

  it('leaves the top mode label empty for a model whose modes mean no label', () => {
    const lines = toCsv(result('vanilla')).split('\n');
    expect(lines[1]).toBe(
      '0,"scene ""7"", west",101,102,8123.456,-4321.987,10,vanilla,B passes first,1,,0.6123,1,1.235,2.500',
    );
    expect(lines[2]).toBe('5,plain-2,101,102,8123.456,-4321.987,10,vanilla,no interaction,0,,0.5000,0,,');
  });

  it('writes only the header for a run that scored nothing', () => {
    expect(toCsv({ ...result('pseudo'), rows: [] })).toBe(`${HEADER}\n`);
  });

  it('escapes a scenario id a spreadsheet would run as a formula', () => {
    const r = result('pseudo');
    r.rows = [row({ id: '=HYPERLINK("http://x","y")' }), row({ id: '-foo' }), row({ id: '@SUM(A1)' })];
    const ids = toCsv(r)
      .split('\n')
      .slice(1, 4)
      .map((l) => l.split(',')[1]);
    expect(ids[0]).toBe('"\'=HYPERLINK(""http://x""');
    expect(ids[1]).toBe("'-foo");
    expect(ids[2]).toBe("'@SUM(A1)");
  });
  it('writes the predictions as JSON with samples as plain arrays', () => {
    const json = JSON.parse(toJson(result('pseudo'), 'demo.tfrecord'));
    expect(json).toMatchObject({
      file: 'demo.tfrecord',
      variant: 'pseudo',
      backend: 'wasm',
      predictionStep: 10,
      samplesPerMode: 4,
      confusion: [
        [0, 0, 1],
        [0, 1, 0],
        [0, 0, 0],
      ],
      skipped: [{ record: 3, reason: 'no interacting pair' }],
    });
    expect(json.scenes).toHaveLength(1);
    const s = json.scenes[0];
    expect([s.sceneId, s.a, s.b, s.t, s.label, s.prior, s.posterior]).toEqual([
      'scene "7", west',
      1,
      2,
      10,
      1,
      [0.2, 0.6, 0.2],
      [0.1, 0.8, 0.1],
    ]);
    expect(s.modes[0].samples[0]).toEqual({
      a: Array.from(Float32Array.of(1.1, 2.2)),
      b: Array.from(Float32Array.of(-3.3, 4.4)),
      goal: { a: [1, 2], b: [3, 4] },
    });
    // WOMD ids and the world origin the scene-relative samples are relative to
    expect([s.scenarioId, s.objectIds, s.origin]).toEqual([
      'scene "7", west',
      [101, 102],
      [8123.456, -4321.987, 12.5],
    ]);
    expect(json.coordinates).toBe('scene-relative metres: world = origin + (x, y)');
    expect(json.model).toBe('pseudo-label CVAE');
    expect(JSON.parse(toJson(result('pseudo'), null)).file).toBeNull();
  });
});

describe('CSV cells (app/predictions/csv.ts)', () => {
  it('leaves numbers as numbers, negative ones too, whether given as numbers or as text', () => {
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(csvCell('-1.5')).toBe('-1.5');
    expect(csvCell('-4321.987')).toBe('-4321.987');
    expect(csvCell('+2e-3')).toBe('+2e-3');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('escapes text that starts a formula: =, +, -, @, tab, carriage return', () => {
    expect(csvCell('-foo')).toBe("'-foo");
    expect(csvCell('=1+2')).toBe("'=1+2");
    expect(csvCell('+cmd')).toBe("'+cmd");
    expect(csvCell('@SUM(A1:A2)')).toBe("'@SUM(A1:A2)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe(`"'\rx"`);
    expect(csvCell('-')).toBe("'-");
  });

  it('quotes a cell with a comma, a quote or a line break (RFC 4180), after the formula escape', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=A1,B1')).toBe(`"'=A1,B1"`);
    expect(csvCell('plain text')).toBe('plain text');
    expect(csvLine(['x', -3, '-y', null])).toBe("x,-3,'-y,");
  });
});
