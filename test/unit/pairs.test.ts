// The real benchmark's pair rule (src/labels/pairs.ts, docs/real-benchmark.md): on synthetic scenes
// as generated (they name objects_of_interest) and with objects_of_interest and tracks_to_predict
// cleared (so the rule picks), and on the real WOMD sample when ../shared/womd is present. The
// "frozen" tests pin the rule's output (size + hash): a change that moves them changes the
// benchmark, and must be a deliberate rule change written into docs/real-benchmark.md.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { labelPair, NO_INTERACTION } from '../../src/labels';
import {
  benchmarkPairList,
  benchmarkPairs,
  defaultPair,
  FOLDS,
  fnv1a,
  isMoving,
  markedPair,
  MAX_INTERACTING,
  MAX_QUIET,
  PAIR_RADIUS_M,
  PAIR_TYPES,
  pairCandidates,
  scenarioFold,
  scenarioSplit,
  validThroughout,
  type BenchmarkPair,
} from '../../src/labels/pairs';
import {
  interactingPair,
  isValid,
  ObjectType,
  trackXY,
  womdSplitOf,
  type Scene,
} from '../../src/scene/scene';
import { generateScene } from '../../src/synth';
import { ScenarioFile } from '../../src/waymo';
import { nodeFileSource } from '../../src/waymo/node-file';

const SEED = 7;
const COUNT = 24;
const synth: Scene[] = Array.from({ length: COUNT }, (_, i) => generateScene(SEED, i).scene);

/** The scene as a file that names no pair: objects_of_interest (and, with `ttp`, tracks_to_predict) cleared. */
function unmarked(s: Scene, ttp = false): Scene {
  return {
    ...s,
    objectsOfInterest: new Int32Array(0),
    tracksToPredict: ttp
      ? { trackIndex: new Int32Array(0), difficulty: new Uint8Array(0) }
      : s.tracksToPredict,
  };
}

/** Every property the rule promises for one scene's list. */
function checkRulePairs(s: Scene, pairs: BenchmarkPair[]): void {
  const tr = s.tracks;
  const cur = s.currentIndex;
  const dist = (p: BenchmarkPair) => {
    const [ax, ay] = trackXY(tr, p.a, cur);
    const [bx, by] = trackXY(tr, p.b, cur);
    return Math.hypot(ax - bx, ay - by);
  };
  const inter = pairs.filter((p) => p.interacting);
  const quiet = pairs.filter((p) => !p.interacting);
  expect(inter.length).toBeLessThanOrEqual(MAX_INTERACTING);
  expect(quiet.length).toBeLessThanOrEqual(MAX_QUIET);
  // Interacting first, each group nearest first.
  expect(pairs).toEqual([...inter, ...quiet]);
  for (const g of [inter, quiet])
    for (let k = 1; k < g.length; k++) expect(dist(g[k]!)).toBeGreaterThanOrEqual(dist(g[k - 1]!));
  expect(new Set(pairs.map((p) => `${p.a}:${p.b}`)).size).toBe(pairs.length);
  for (const p of pairs) {
    expect(p.marked).toBe(false);
    expect(p.a).toBeLessThan(p.b);
    for (const i of [p.a, p.b]) {
      for (let t = 0; t < tr.steps; t++) expect(isValid(tr, i, t)).toBe(true);
      expect(PAIR_TYPES).toContain(tr.types[i]);
      expect(isMoving(s, i)).toBe(true);
    }
    expect(tr.types[p.a] === ObjectType.Pedestrian && tr.types[p.b] === ObjectType.Pedestrian).toBe(false);
    expect(dist(p)).toBeLessThanOrEqual(PAIR_RADIUS_M);
    expect(p.label).toBe(labelPair(s, p.a, p.b).label);
    expect(p.interacting).toBe(p.label !== NO_INTERACTION);
  }
}

describe('pair rule on synthetic scenes', () => {
  it('a scene naming objects_of_interest keeps exactly that pair, marked, lower index first', () => {
    let notCandidates = 0;
    for (const s of synth) {
      const m = markedPair(s)!;
      expect(m).toEqual(interactingPair(s));
      const [a, b] = [Math.min(...m), Math.max(...m)];
      const label = labelPair(s, a, b).label;
      expect(benchmarkPairs(s)).toEqual([
        { a, b, label, interacting: label !== NO_INTERACTION, marked: true },
      ]);
      const cand = pairCandidates(s);
      if (!cand.includes(a) || !cand.includes(b)) notCandidates++;
    }
    // Kept even where the rule itself would not have picked the pair.
    console.log(`marked pairs the rule's candidate filter would have dropped: ${notCandidates} of ${COUNT}`);
  });

  it('objects_of_interest naming a track not in the scene falls back to the rule', () => {
    const s = synth[0]!;
    const broken = { ...s, objectsOfInterest: Int32Array.of(s.tracks.ids[0]!, -12345) };
    expect(markedPair(broken)).toBeNull();
    expect(benchmarkPairs(broken)).toEqual(benchmarkPairs(unmarked(s)));
  });

  it('without objects_of_interest: bounded, valid throughout, moving, near, A < B, labels from labels/', () => {
    const hist = [0, 0, 0];
    let designed = 0;
    for (const s of synth) {
      const u = unmarked(s);
      const pairs = benchmarkPairs(u);
      checkRulePairs(u, pairs);
      for (const p of pairs) hist[p.label]!++;
      const [ia, ib] = interactingPair(s)!;
      if (pairs.some((p) => p.a === Math.min(ia, ib) && p.b === Math.max(ia, ib))) designed++;
    }
    console.log(
      `rule pairs on ${COUNT} unmarked synthetic scenes: A first ${hist[0]}, B first ${hist[1]}, none ${hist[2]}; ` +
        `the generator's own pair among them in ${designed}`,
    );
    expect(hist[0]! + hist[1]!).toBeGreaterThan(0);
    expect(hist[2]).toBeGreaterThan(0);
  });

  it('is deterministic: same scene (or a copy of it) gives the same list', () => {
    for (const s of synth.slice(0, 8)) {
      const u = unmarked(s);
      const copy = unmarked({
        ...s,
        tracks: { ...s.tracks, state: s.tracks.state.slice(), ids: s.tracks.ids.slice() },
      });
      expect(benchmarkPairs(u)).toEqual(benchmarkPairs(u));
      expect(benchmarkPairs(copy)).toEqual(benchmarkPairs(u));
    }
  });

  it('candidates are exactly the typed, always-valid, moving tracks', () => {
    for (const s of synth.slice(0, 8)) {
      const expected: number[] = [];
      for (let i = 0; i < s.tracks.count; i++)
        if (PAIR_TYPES.includes(s.tracks.types[i]!) && validThroughout(s, i) && isMoving(s, i))
          expected.push(i);
      expect(pairCandidates(s)).toEqual(expected);
    }
  });

  it('the bounds are options: tighter quotas give a prefix of each group', () => {
    for (const s of synth.slice(0, 8)) {
      const u = unmarked(s);
      const full = benchmarkPairs(u);
      const one = benchmarkPairs(u, { maxInteracting: 1, maxQuiet: 0 });
      expect(one).toEqual(full.filter((p) => p.interacting).slice(0, 1));
      expect(benchmarkPairs(u, { radiusM: 0 })).toEqual([]);
    }
  });

  it('defaultPair: interactingPair when the scene names a pair, else the rule first pair', () => {
    for (const s of synth.slice(0, 8)) {
      expect(defaultPair(s)).toEqual(interactingPair(s));
      // tracks_to_predict still names a pair: the app keeps it.
      expect(defaultPair(unmarked(s))).toEqual(interactingPair(unmarked(s)));
      const bare = unmarked(s, true);
      expect(interactingPair(bare)).toBeNull();
      const first = benchmarkPairs(bare)[0];
      expect(defaultPair(bare)).toEqual(first ? [first.a, first.b] : null);
    }
  });
});

describe('split, folds and hash', () => {
  it('reads the WOMD split from the dataset name', () => {
    expect(womdSplitOf('tfrecord-00997-of-01000_183.json')).toBe('training');
    expect(womdSplitOf('tfrecord-00005-of-00150_2bd577a009790706.json')).toBe('validation');
    expect(womdSplitOf('uncompressed_scenario_training_20s-00000-of-01000')).toBe('training');
    expect(womdSplitOf('tfrecord-ab2a72c63f8fd589.json')).toBe('unknown');
    expect(womdSplitOf('tfrecord-00001-of-001500.json')).toBe('unknown');
    expect(womdSplitOf('')).toBe('unknown');
    const s = synth[0]!;
    expect(scenarioSplit(s)).toBe('unknown');
    expect(scenarioSplit({ ...s, sourceName: 'tfrecord-00997-of-01000_183.json' })).toBe('training');
    expect(scenarioSplit({ ...s, sourceName: 'tfrecord-00000-of-00150_78.json' })).toBe('validation');
  });

  it('FNV-1a matches the published test vectors', () => {
    expect(fnv1a('')).toBe('811c9dc5');
    expect(fnv1a('a')).toBe('e40c292c');
    expect(fnv1a('foobar')).toBe('bf9cf968');
  });

  it('folds: by scenario id, stable, all folds used', () => {
    const ids = Array.from({ length: 500 }, (_, i) => `scenario-${i}`);
    const counts = new Array<number>(FOLDS).fill(0);
    for (const id of ids) {
      const f = scenarioFold(id);
      expect(f).toBe(scenarioFold(id));
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThan(FOLDS);
      counts[f]!++;
    }
    for (const c of counts) expect(c).toBeGreaterThan(60);
    expect(scenarioFold('637f20cafde22ff8')).toBe(Number.parseInt(fnv1a('637f20cafde22ff8'), 16) % 5);
  });
});

describe('frozen: the rule is pinned (size + hash)', () => {
  it('unmarked synthetic scenes (seed 7, 24 scenes)', () => {
    const scenes = synth.map((s) => unmarked(s));
    const first = benchmarkPairList(scenes);
    const second = benchmarkPairList(scenes);
    expect(second).toEqual(first);
    console.log(`synthetic pin: ${first.pairs.length} pairs, hash ${first.hash}`);
    // Moves only when the rule, labels/ or the synthetic generator changes: see docs/real-benchmark.md.
    expect(first.pairs.length).toBe(53);
    expect(first.hash).toBe('3af3bd88');
  });
});

const WOMD = join(import.meta.dirname, '../../../shared/womd/motion_data_one_scenario.tfrecord');

describe.skipIf(!existsSync(WOMD))('real WOMD sample (../shared/womd)', () => {
  it('gives a pinned list, quickly (candidates are pruned before labelling)', async () => {
    const file = await ScenarioFile.open(await nodeFileSource(WOMD));
    const scenes: Scene[] = [];
    for await (const { scene, error } of file.scenes()) {
      expect(error).toBeUndefined();
      scenes.push(scene!);
    }
    await file.close();
    const s = scenes[0]!;
    expect(markedPair(s)).toBeNull();
    const t0 = performance.now();
    const pairs = benchmarkPairs(s);
    const cold = performance.now() - t0;
    const t1 = performance.now();
    expect(benchmarkPairs(s)).toEqual(pairs);
    const warm = performance.now() - t1;
    checkRulePairs(s, pairs);
    console.log(
      `real ${s.id}: ${s.tracks.count} tracks, ${pairCandidates(s).length} candidates ` +
        `[${pairCandidates(s).join(', ')}]; pairs ${JSON.stringify(pairs)}; ` +
        `benchmarkPairs ${cold.toFixed(1)} ms (first), ${warm.toFixed(1)} ms (again)`,
    );
    expect(warm).toBeLessThan(1000);
    const list = benchmarkPairList(scenes);
    expect(benchmarkPairList(scenes)).toEqual(list);
    expect(list.pairs.length).toBe(1);
    expect(list.hash).toBe('317d3e7b');
    // The scene names no pair of interest; tracks_to_predict still gives the app's default.
    expect(defaultPair(s)).toEqual(interactingPair(s));
    expect(scenarioSplit(s)).toBe('unknown');
  });
});
