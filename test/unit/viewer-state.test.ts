// The viewer's state that is logic rather than drawing: which pair is predicted when the user
// picks agents, and the view written to and read from the URL.
import { describe, expect, it } from 'vitest';
import { COMMANDS, commandFor, commandTitle, pressable } from '../../src/app/commands';
import { activePair, choosePair, DEFAULT_LAYERS, stepAt, Store, type ViewerState } from '../../src/app/store';
import { formatUrl, parseUrl, type UrlView } from '../../src/app/url';
import { benchmarkPairs } from '../../src/labels/pairs';
import { ObjectType, type Scene } from '../../src/scene/scene';
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

  it("takes the real benchmark rule's first pair when the scene names none (DESIGN.md 6b)", () => {
    const bare: Scene = {
      ...scene,
      objectsOfInterest: new Int32Array(),
      tracksToPredict: { trackIndex: new Int32Array(), difficulty: new Uint8Array() },
    };
    const first = benchmarkPairs(bare)[0]!;
    expect(activePair(state(bare))).toEqual([first.a, first.b]);
  });

  it('pairs with the nearest valid agent when the scene has no pair at all', () => {
    // pedestrians only: the rule pairs a pedestrian only with a vehicle or cyclist
    const bare: Scene = {
      ...scene,
      tracks: { ...scene.tracks, types: new Uint8Array(scene.tracks.count).fill(ObjectType.Pedestrian) },
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
      files: ['demo/demo.tfrecord', 'more/b.json.gz'],
      scene: 'synth-1',
      t: 42,
      sel: 7,
      follow: true,
      pair: [12, 7] as [number, number],
      layers: { ...DEFAULT_LAYERS, graph: false, future: true },
      camera: { x: 1.5, y: -2.25, zoom: 3.125, rotation: 15 },
      local: null,
      predict: { variant: 'pseudo', samplesPerMode: 2, seed: 1, forcedMode: null, backend: 'auto' },
      compare: null,
      speed: 1,
      predictions: ['subs/cv.binproto'],
      tour: null,
      stop: null,
    } satisfies UrlView;
    const q = formatUrl(v);
    expect(q).toContain('pair=12,7');
    expect(q).toContain('predictions=subs%2Fcv.binproto');
    expect(parseUrl(q).predictions).toEqual(['subs/cv.binproto']);
    expect(q).toContain('file=demo%2Fdemo.tfrecord&file=more%2Fb.json.gz');
    // defaults are left out
    expect(q).not.toMatch(/(^|&)(model|n|seed|force|backend|split|speed|local)=/);
    expect(parseUrl(`?${q}`)).toEqual(v);
  });

  it('round-trips the model, samples, seed, forced mode, backend, split view and speed', () => {
    const v: UrlView = {
      ...parseUrl('?scene=s'),
      predict: { variant: 'vanilla', samplesPerMode: 6, seed: 4, forcedMode: 2, backend: 'wasm' },
      compare: 'constant_velocity',
      speed: 0.25,
    };
    const q = formatUrl(v);
    expect(q).toBe(
      'scene=s&model=vanilla&n=6&seed=4&force=2&backend=wasm&split=constant_velocity&speed=0.25',
    );
    expect(parseUrl(`?${q}`)).toEqual(v);
  });

  it('ignores malformed settings, keeping their defaults', () => {
    const v = parseUrl('?model=mtr&n=0&seed=-1&force=7&backend=tpu&split=x&speed=3');
    expect(v.predict).toEqual({
      variant: 'pseudo',
      samplesPerMode: 2,
      seed: 1,
      forcedMode: null,
      backend: 'auto',
    });
    expect(v.compare).toBeNull();
    expect(v.speed).toBe(1);
    expect(parseUrl('?model=constant_velocity&force=1').predict.forcedMode).toBeNull();
  });

  it('names a local file only when there is no file URL', () => {
    expect(parseUrl('?local=a.tfrecord&scene=x').local).toBe('a.tfrecord');
    expect(parseUrl('?file=http://h/a.tfrecord&local=a.tfrecord').local).toBeNull();
    expect(formatUrl({ ...parseUrl('?scene=x'), local: 'shard 1.tfrecord' })).toBe(
      'scene=x&local=shard+1.tfrecord',
    );
  });

  it('writes the time truncated to the step shown, never rounded up to the next step', () => {
    expect(formatUrl({ ...parseUrl(''), t: 43.996 })).toBe('t=43.99');
    expect(formatUrl({ ...parseUrl(''), t: 44 })).toBe('t=44');
  });

  it('keeps an open tour and its stop (1-based in the URL); a stop without a tour is none', () => {
    const v: UrlView = { ...parseUrl('?scene=s'), tour: 'demo/tour.json', stop: 2 };
    const q = formatUrl(v);
    expect(q).toContain('tour=demo%2Ftour.json&stop=3');
    expect(parseUrl(`?${q}`)).toEqual(v);
    expect(parseUrl('?stop=2').stop).toBeNull();
    expect(parseUrl('?tour=t.json&stop=0').stop).toBeNull();
    expect(parseUrl('?tour=t.json&stop=x').stop).toBeNull();
    expect(parseUrl('?tour=t.json').tour).toBe('t.json');
  });

  it('ignores a malformed pair', () => {
    expect(parseUrl('?pair=1').pair).toBeNull();
    expect(parseUrl('?pair=1,x').pair).toBeNull();
    expect(parseUrl('?pair=1.5,2').pair).toBeNull();
    expect(parseUrl('?scene=a').pair).toBeNull();
  });
});

describe('keys: the command table and the form-field rule', () => {
  const el = (tagName: string, type?: string) => ({ tagName, type }) as unknown as EventTarget;
  const key = (k: string, target: EventTarget | null, extra: Partial<KeyboardEvent> = {}) =>
    commandFor({ key: k, target, ...extra })?.id ?? null;

  it('text and number fields keep printable keys, arrows, Home and End', () => {
    for (const t of [el('INPUT', 'number'), el('INPUT', 'search'), el('INPUT', 'text'), el('TEXTAREA')]) {
      for (const k of ['0', '1', 'e', 'q', ' ', 'ArrowLeft', 'ArrowRight', 'Home', 'End', '-', '+', '['])
        expect(key(k, t), `${k} in ${(t as HTMLElement).tagName}`).toBeNull();
    }
  });

  it('buttons and checkboxes keep Space and Enter, not the letter keys', () => {
    for (const t of [el('BUTTON'), el('INPUT', 'checkbox')]) {
      expect(key(' ', t)).toBeNull();
      expect(key('Enter', t)).toBeNull();
      expect(key('e', t)).toBe('rotateRight');
      expect(key('ArrowRight', t)).toBe('forward');
    }
  });

  it('a pressable row keeps Space and Enter, and presses on them only when the key is its own', () => {
    let pressed = 0;
    const props = pressable(() => pressed++);
    const row = {
      tagName: 'TR',
      hasAttribute: (name: string) => name in props,
    } as unknown as EventTarget;
    expect(props.tabIndex).toBe(0);
    expect(key(' ', row)).toBeNull();
    expect(key('Enter', row)).toBeNull();
    expect(key('ArrowRight', row)).toBe('forward');
    expect(key(' ', el('TR'))).toBe('play');
    const down = (k: string, target: EventTarget) => {
      let prevented = false;
      props.onKeyDown({
        key: k,
        target,
        currentTarget: row,
        preventDefault: () => (prevented = true),
      } as unknown as Parameters<typeof props.onKeyDown>[0]);
      return prevented;
    };
    expect(down('Enter', row)).toBe(true);
    expect(down(' ', row)).toBe(true);
    expect(down('a', row)).toBe(false);
    // Enter on the row's own button is the button's
    expect(down('Enter', el('BUTTON'))).toBe(false);
    expect(pressed).toBe(2);
    props.onClick();
    expect(pressed).toBe(3);
  });

  it('sliders and selects keep arrows, Home and End; Space still plays', () => {
    for (const t of [el('INPUT', 'range'), el('SELECT')]) {
      for (const k of ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'])
        expect(key(k, t)).toBeNull();
      expect(key(' ', t)).toBe('play');
    }
  });

  it('PageUp, PageDown, Escape and ? work from any field; modified keys never do', () => {
    for (const t of [el('INPUT', 'number'), el('BUTTON'), el('SELECT'), null]) {
      expect(key('PageUp', t)).toBe('prevStop');
      expect(key('PageDown', t)).toBe('nextStop');
      expect(key('Escape', t)).toBe('escape');
      expect(key('?', t, { shiftKey: true })).toBe('sheet');
    }
    expect(key('e', null, { ctrlKey: true })).toBeNull();
    expect(key('ArrowRight', null, { shiftKey: true })).toBe('forward10');
    expect(key('ArrowRight', null)).toBe('forward');
  });

  it('presenter keys: p, c, . and shift F; [ and ] stay scenes, b stays "selected as B"', () => {
    expect(key('p', null)).toBe('presenter');
    expect(key('c', null)).toBe('contrast');
    expect(key('.', null)).toBe('black');
    expect(key('F', null, { shiftKey: true })).toBe('fullscreen');
    expect(key('f', null)).toBe('follow');
    expect(key('b', null)).toBe('pairB');
    expect(key('[', null)).toBe('prevScene');
    expect(key(']', null)).toBe('nextScene');
    // typed into a text field they are text
    for (const k of ['p', 'c', '.', 'F']) expect(key(k, el('INPUT', 'search'))).toBeNull();
  });

  it('every command has a key, a label and help, and no key runs two commands', () => {
    const seen = new Set<string>();
    for (const c of COMMANDS) {
      expect(c.keys.length && c.label && c.help, c.id).toBeTruthy();
      for (const k of c.keys) {
        const id = `${k}|${!!c.shift}`;
        expect(seen.has(id), `${k} bound twice`).toBe(false);
        seen.add(id);
      }
    }
  });

  it('playback button titles come from the commands their keys run', () => {
    expect(commandTitle('back')).toBe('step back (←)');
    expect(commandTitle('play')).toBe('play / pause (space)');
    expect(commandTitle('forward')).toBe('step forward (→)');
    expect(key('ArrowLeft', null)).toBe('back');
    expect(key(' ', null)).toBe('play');
    expect(() => commandTitle('nope')).toThrow();
  });
});

describe('one time base', () => {
  it('pausing rests on the step shown; an explicit time is kept', () => {
    const store = new Store();
    store.set({ scene: fixtureScene(1), time: 43.7, playing: true });
    store.set({ playing: false });
    expect(store.get().time).toBe(43);
    expect(stepAt(43.99999999)).toBe(44);
    expect(stepAt(43.99)).toBe(43);
    store.set({ playing: true });
    store.set({ playing: false, time: 12.5 });
    expect(store.get().time).toBe(12.5);
  });
});
