// The export's pure parts without a browser: the caption text (scene, time, top modes by
// probability), the SVG figure (well-formed XML by a small tag parser, the prediction's mode
// colours on its polylines with opacity by probability, map and agents present, the scale bar a
// round length, the projection the camera's), and the video options' checks.
import { describe, expect, it } from 'vitest';
import { captionModes, captionText } from '../../src/app/export/caption';
import { projector, scaleBarMetres, sceneSvg } from '../../src/app/export/svg';
import { checkVideoOptions, frameCount, type VideoOptions } from '../../src/app/export/video';
import type { PairPrediction } from '../../src/app/model-protocol';
import { MODE_COLORS } from '../../src/app/palette';
import { DEFAULT_LAYERS, DEFAULT_PREDICT, Store, type ViewerState } from '../../src/app/store';
import { fixtureScene } from '../fixtures/scenes';

const scene = fixtureScene(1);

/** A pseudo-CVAE prediction for the pair (1, 2) from step 10: mode k's paths head off at its own angle. */
function prediction(probs: number[]): PairPrediction {
  const line = (x0: number, y0: number, dx: number, dy: number) =>
    Float32Array.from({ length: 160 }, (_, j) => (j & 1 ? y0 : x0) + (j & 1 ? dy : dx) * ((j >> 1) + 1));
  return {
    sceneId: scene.id,
    a: 1,
    b: 2,
    t: 10,
    label: 0,
    labelName: 'A passes first',
    prior: probs,
    posterior: null,
    variant: 'pseudo',
    backend: 'cpu',
    latencyMs: 5,
    numTensors: 0,
    choice: { backend: 'cpu', how: 'asked', figures: [], failed: [], key: '' },
    notice: null,
    modes: probs.map((probability, mode) => ({
      mode,
      label: `mode ${mode}`,
      probability,
      goals: [],
      samples: [
        {
          a: line(40, 80, 0.3 * (mode + 1), 0.2),
          b: line(45, 75, -0.2, 0.3 * (mode + 1)),
          goal: { a: [0, 0], b: [0, 0] },
        },
      ],
    })),
  } as PairPrediction;
}

function state(patch: Partial<ViewerState> = {}): ViewerState {
  const st = new Store();
  st.set({
    scene,
    time: 25.5,
    camera: { x: 40, y: 80, zoom: 2, rotation: 0 },
    layers: { ...DEFAULT_LAYERS },
    predict: { ...DEFAULT_PREDICT },
    prediction: prediction([0.2, 0.7, 0.1]),
    ...patch,
  });
  return st.get();
}

describe('captionText', () => {
  it('names the scene, the time and the top modes by probability', () => {
    expect(captionText(state())).toBe(
      `scene ${scene.id} · 2.55 s (step 25) · B passes first 70% · A passes first 20% · no interaction 10%`,
    );
    expect(captionText(state(), 1)).toBe(`scene ${scene.id} · 2.55 s (step 25) · B passes first 70%`);
    expect(captionModes(state()).map((m) => m.color)).toEqual([
      MODE_COLORS[1],
      MODE_COLORS[0],
      MODE_COLORS[2],
    ]);
  });

  it('leaves out a prediction of another scene, and says when there is no scene', () => {
    const other = { ...prediction([1, 0, 0]), sceneId: 'elsewhere' };
    expect(captionText(state({ prediction: other }))).toBe(`scene ${scene.id} · 2.55 s (step 25)`);
    expect(captionText(state({ scene: null }))).toBe('no scene');
  });
});

/** Parses XML tags enough to check nesting and collect every element with its attributes. */
function parseTags(xml: string): { name: string; attrs: Record<string, string> }[] {
  const body = xml.replace(/^<\?xml[^>]*\?>\s*/, '');
  const stack: string[] = [];
  const out: { name: string; attrs: Record<string, string> }[] = [];
  const tag = /<(\/?)([a-zA-Z][\w-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g;
  let at = 0;
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    // between tags only text without markup
    const text = body.slice(at, m.index);
    if (/[<>]/.test(text)) throw new Error(`stray markup at ${at}: ${text.slice(0, 40)}`);
    at = tag.lastIndex;
    const [, close, name, attrText, selfClose] = m;
    if (close) {
      if (stack.pop() !== name) throw new Error(`</${name}> closes nothing open`);
      continue;
    }
    const attrs = Object.fromEntries(
      [...attrText!.matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!]),
    );
    out.push({ name: name!, attrs });
    if (!selfClose) stack.push(name!);
  }
  if (body.slice(at).trim() !== '') throw new Error('text after the root');
  if (stack.length) throw new Error(`unclosed: ${stack.join(', ')}`);
  return out;
}

const hex = (c: number[]) =>
  `#${c
    .slice(0, 3)
    .map((v) => v.toString(16).padStart(2, '0'))
    .join('')}`;

describe('sceneSvg', () => {
  const svg = sceneSvg(state(), 800, 500);
  const tags = parseTags(svg);

  it('is well-formed SVG of the view box asked', () => {
    expect(tags[0]!.name).toBe('svg');
    expect(tags[0]!.attrs.viewBox).toBe('0 0 800 500');
    expect(tags[0]!.attrs.xmlns).toBe('http://www.w3.org/2000/svg');
  });

  it('draws every mode in its colour, opacity by probability, both agents per sample', () => {
    const lines = tags.filter((t) => t.name === 'polyline' && t.attrs.class === 'sample');
    expect(lines).toHaveLength(6);
    for (const mode of [0, 1, 2]) {
      const mine = lines.filter((l) => l.attrs['data-mode'] === String(mode));
      expect(mine).toHaveLength(2);
      expect(new Set(mine.map((l) => l.attrs.stroke))).toEqual(new Set([hex(MODE_COLORS[mode]!)]));
    }
    const opacity = (mode: number) =>
      Number(lines.find((l) => l.attrs['data-mode'] === String(mode))!.attrs['stroke-opacity']);
    expect(opacity(1)).toBeGreaterThan(opacity(0));
    expect(opacity(0)).toBeGreaterThan(opacity(2));
  });

  it('holds the map, the agents and a round scale bar', () => {
    const inGroup = (id: string) => svg.split(`<g id="${id}"`)[1]?.split('</g>')[0] ?? '';
    expect(inGroup('lanes')).toContain('<polyline');
    expect(inGroup('agents')).toContain('<polygon');
    const bar = tags.find((t) => t.attrs.id === 'scale-bar')!;
    // 2^2 = 4 px per metre, a fifth of 800 px is 40 m: the bar is 20 m (1, 2 or 5 times 10^k)
    expect(bar.attrs['data-metres']).toBe('20');
    expect(svg).toContain('>20 m<');
  });

  it('leaves out the predictions when their layer is off', () => {
    const off = sceneSvg(state({ layers: { ...DEFAULT_LAYERS, predictions: false } }), 800, 500);
    expect(parseTags(off).filter((t) => t.name === 'polyline' && t.attrs.class === 'sample')).toHaveLength(0);
  });

  it('refuses a state with no camera, naming why', () => {
    expect(() => sceneSvg(state({ camera: null }), 800, 500)).toThrow(/no view/);
  });
});

describe('projector and scale bar', () => {
  it('puts the camera target at the centre, north up, and turns with the rotation', () => {
    const p = projector({ x: 10, y: 20, zoom: 1, rotation: 0 }, 200, 100);
    expect(p(10, 20)).toEqual([100, 50]);
    expect(p(11, 20)).toEqual([102, 50]);
    expect(p(10, 21)).toEqual([100, 48]);
    // turned 90° counter-clockwise: east points up
    const q = projector({ x: 0, y: 0, zoom: 0, rotation: 90 }, 200, 100)(1, 0);
    expect(q[0]).toBeCloseTo(100, 9);
    expect(q[1]).toBeCloseTo(49, 9);
  });

  it('rounds the bar down to 1, 2 or 5 times a power of ten', () => {
    expect([0.7, 1, 3, 7, 19, 40, 120].map(scaleBarMetres)).toEqual([0.5, 1, 2, 5, 10, 20, 100]);
  });
});

describe('checkVideoOptions', () => {
  const ok: VideoOptions = {
    format: 'webm',
    start: 1,
    end: 3,
    fps: 15,
    width: 640,
    height: 360,
    caption: true,
    panels: true,
  };
  it('accepts a 2 s 640x360 clip of 30 frames and names what is wrong otherwise', () => {
    expect(checkVideoOptions(ok, 9.0)).toBeNull();
    expect(frameCount(ok)).toBe(30);
    expect(checkVideoOptions({ ...ok, width: 641 }, 9)).toMatch(/even/);
    expect(checkVideoOptions({ ...ok, fps: 120 }, 9)).toMatch(/frame rate/);
    expect(checkVideoOptions({ ...ok, end: 12 }, 9)).toMatch(/time range/);
    expect(checkVideoOptions({ ...ok, end: 1 }, 9)).toMatch(/time range/);
    expect(checkVideoOptions({ ...ok, width: 7680, height: 4320 }, 9)).toMatch(/3840/);
  });
});
