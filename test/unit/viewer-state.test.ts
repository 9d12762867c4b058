// The viewer's state that is logic rather than drawing: which pair is predicted when the user
// picks agents, and the view written to and read from the URL.
import { describe, expect, it } from 'vitest';
import { activePair, choosePair, DEFAULT_LAYERS, Store, type ViewerState } from '../../src/app/store';
import { formatUrl, parseUrl } from '../../src/app/url';
import type { Scene } from '../../src/scene/scene';
import { fixtureScene } from '../fixtures/scenes';

function state(scene: Scene, patch: Partial<ViewerState> = {}): ViewerState {
  const store = new Store();
  store.set({ scene, time: 30, ...patch });
  return store.get();
}

describe('choosing the pair', () => {
  const scene = fixtureScene(1); // objects_of_interest 101, 102 = track indices 1, 2

  it('starts from the scene pair and replaces one member', () => {
    const s = state(scene);
    expect(activePair(s)).toEqual([1, 2]);
    expect(choosePair(s, 1, 4)).toEqual([1, 4]);
    expect(choosePair(s, 0, 4)).toEqual([4, 2]);
  });

  it('swaps when the other member is chosen, keeps the pair when the same one is', () => {
    const s = state(scene);
    expect(choosePair(s, 0, 2)).toEqual([2, 1]);
    expect(choosePair(s, 1, 1)).toEqual([2, 1]);
    expect(choosePair(s, 0, 1)).toEqual([1, 2]);
  });

  it('builds on a chosen pair and ignores a track that does not exist', () => {
    const s = state(scene, { pair: [3, 4] });
    expect(activePair(s)).toEqual([3, 4]);
    expect(choosePair(s, 1, 0)).toEqual([3, 0]);
    expect(choosePair(s, 1, 99)).toEqual([3, 4]);
  });

  it('pairs with the nearest valid agent when the scene marks no pair', () => {
    const bare: Scene = {
      ...scene,
      objectsOfInterest: new Int32Array(),
      tracksToPredict: { trackIndex: new Int32Array(), difficulty: new Uint8Array() },
    };
    // the agents drive in a row 7.9 m apart; track 5 appears at step 20, so at step 10 the
    // nearest to track 4 is track 3
    expect(activePair(state(bare))).toBeNull();
    expect(choosePair(state(bare, { time: 10 }), 0, 4)).toEqual([4, 3]);
    expect(choosePair(state(bare, { time: 10 }), 1, 0)).toEqual([1, 0]);
  });
});

describe('view in the URL', () => {
  it('round-trips the chosen pair by track IDs', () => {
    const v = {
      file: 'demo/demo.tfrecord',
      scene: 'synth-1',
      t: 42,
      sel: 7,
      follow: true,
      pair: [12, 7] as [number, number],
      layers: { ...DEFAULT_LAYERS, graph: false, future: true },
      camera: { x: 1.5, y: -2.25, zoom: 3.125, rotation: 15 },
    };
    const q = formatUrl(v);
    expect(q).toContain('pair=12,7');
    expect(parseUrl(`?${q}`)).toEqual(v);
  });

  it('ignores a malformed pair', () => {
    expect(parseUrl('?pair=1').pair).toBeNull();
    expect(parseUrl('?pair=1,x').pair).toBeNull();
    expect(parseUrl('?pair=1.5,2').pair).toBeNull();
    expect(parseUrl('?scene=a').pair).toBeNull();
  });
});
