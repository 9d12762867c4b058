// The predictor registry open to entries found at run time (DESIGN.md 6b): models-local/ folders
// (the dev server's list) and folders opened from disk join it beside the fixed shipped ones; every
// consumer reads it, so a registered id is listed, looked up, named in the URL and read back.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYERS, DEFAULT_PREDICT } from '../../src/app/store';
import { formatUrl, parseUrl, type UrlView } from '../../src/app/url';
import { registerLocalModels } from '../../src/app/model-folder';
import {
  cardSummary,
  freePredictorId,
  getPredictor,
  isPredictorId,
  localPredictor,
  modeName,
  onPredictorsChange,
  predictorList,
  registerPredictor,
  SHIPPED_IDS,
  SHIPPED_PREDICTORS,
  type LocalModelInfo,
} from '../../src/model/registry';
import { LABEL_NAMES } from '../../src/labels';

const info = (name: string, card: unknown, problem: string | null = null): LocalModelInfo => ({
  name,
  card: cardSummary(card),
  weightsBytes: 1446496,
  problem,
});

const view = (over: Partial<UrlView>): UrlView => ({
  files: [],
  predictions: [],
  scene: null,
  t: null,
  sel: null,
  follow: false,
  pair: null,
  layers: { ...DEFAULT_LAYERS },
  camera: null,
  local: null,
  predict: {
    variant: DEFAULT_PREDICT.variant,
    samplesPerMode: DEFAULT_PREDICT.samplesPerMode,
    seed: DEFAULT_PREDICT.seed,
    forcedMode: DEFAULT_PREDICT.forcedMode,
    backend: DEFAULT_PREDICT.backend,
  },
  compare: null,
  speed: 1,
  tour: null,
  stop: null,
  ...over,
});

describe('the predictor registry at run time', () => {
  it('registers a local model: listed after the shipped ones, looked up, announced', () => {
    const before = predictorList();
    let heard = 0;
    const off = onPredictorsChange(() => heard++);
    const p = localPredictor(info('pseudo-real', { variant: 'pseudo', train: { labelWeight: 1 } }));
    expect(p.id).toBe('local:pseudo-real');
    expect(isPredictorId('local:pseudo-real')).toBe(false);
    registerPredictor(p);
    off();
    expect(heard).toBe(1);
    expect(isPredictorId('local:pseudo-real')).toBe(true);
    expect(getPredictor('local:pseudo-real')).toBe(p);
    expect(p.origin).toBe('local');
    expect(p.weights).toEqual({ kind: 'url', dir: 'models-local/pseudo-real/' });
    expect(p.source).toMatch(/^local, models-local\/pseudo-real: variant pseudo, pseudo-label loss 1/);
    expect(p.modesMeanLabels).toBe(true);
    expect(modeName('local:pseudo-real', 1)).toBe(LABEL_NAMES[1]);
    const list = predictorList();
    expect(list).not.toBe(before); // a new snapshot, so React re-renders
    expect(list.map((x) => x.id)).toEqual([...SHIPPED_IDS, 'local:pseudo-real']);
    expect(predictorList()).toBe(list); // stable until the next change
    // the shipped ones are untouched
    expect(getPredictor('pseudo')).toBe(SHIPPED_PREDICTORS.pseudo);
  });

  it('keeps the shipped entries fixed and run-time ids prefixed', () => {
    const fake = { ...SHIPPED_PREDICTORS.vanilla, title: 'impostor' };
    expect(() => registerPredictor(fake)).toThrow(/'vanilla' is shipped and fixed/);
    expect(() => registerPredictor({ ...fake, id: 'mine' })).toThrow(
      /must start with 'local:', 'file:' or 'sub:'/,
    );
    expect(() => getPredictor('local:nothing')).toThrow(/no predictor 'local:nothing'/);
    expect(isPredictorId('toString')).toBe(false);
    expect(isPredictorId(3)).toBe(false);
    expect(getPredictor('vanilla').title).toBe('vanilla CVAE');
  });

  it('reads from the model card whether the modes mean labels', () => {
    expect(cardSummary({ variant: 'vanilla', train: { labelWeight: 0 } }).modesMeanLabels).toBe(false);
    expect(cardSummary({ variant: 'vanilla', train: { labelWeight: 0.5 } }).modesMeanLabels).toBe(true);
    // no weight recorded: the variant's own
    expect(cardSummary({ variant: 'pseudo' }).modesMeanLabels).toBe(true);
    expect(cardSummary({ variant: 'vanilla' }).modesMeanLabels).toBe(false);
    // nothing known: plain "mode k", never label names it may not deserve
    expect(cardSummary({ variant: 'mystery' }).modesMeanLabels).toBe(false);
    expect(cardSummary(null)).toMatchObject({ variant: null, labelWeight: null, modesMeanLabels: false });
    const s = cardSummary({
      variant: 'pseudo',
      train: { labelWeight: 1 },
      data: { dir: 'data/real', trainScenes: 250, trainSamples: 400 },
      steps: 900,
      commit: 'abc',
    });
    expect(s).toEqual({
      variant: 'pseudo',
      labelWeight: 1,
      modesMeanLabels: true,
      trainScenes: 250,
      trainSamples: 400,
      steps: 900,
      dataDir: 'data/real',
      commit: 'abc',
    });
    const vanillaLocal = localPredictor(
      info('vanilla-real', { variant: 'vanilla', train: { labelWeight: 0 } }),
    );
    expect(vanillaLocal.modesMeanLabels).toBe(false);
    registerPredictor(vanillaLocal);
    expect(modeName('local:vanilla-real', 1)).toBe('mode 2');
    // a local model that does not fit says so in its title and source
    const broken = localPredictor(
      info('odd', {}, 'odd/model.json: network.hidden is 32, this build needs 64'),
    );
    expect(broken.title).toMatch(/does not fit/);
    expect(broken.source).toMatch(/network.hidden is 32/);
  });

  it('gives a folder opened twice two ids', () => {
    expect(freePredictorId('file', 'run7')).toBe('file:run7');
    registerPredictor({ ...localPredictor(info('x', {})), id: 'file:run7', origin: 'file' });
    expect(freePredictorId('file', 'run7')).toBe('file:run7 (2)');
    expect(freePredictorId('file', '  ')).toBe('file:model');
  });

  it('round-trips a local id through the URL (model and split)', () => {
    registerPredictor(localPredictor(info('pseudo-real', { variant: 'pseudo' })));
    const v = view({
      predict: { ...view({}).predict, variant: 'local:pseudo-real', forcedMode: 2 },
      compare: 'local:pseudo-real',
    });
    const q = formatUrl(v);
    expect(q).toContain('model=local%3Apseudo-real');
    const back = parseUrl(`?${q}`);
    expect(back.predict.variant).toBe('local:pseudo-real');
    expect(back.predict.forcedMode).toBe(2);
    expect(back.compare).toBe('local:pseudo-real');
    // an id not registered (a link from a dev server opened in a production build) falls back
    const gone = parseUrl('?model=local%3Anot-here&split=file%3Ax');
    expect(gone.predict.variant).toBe(DEFAULT_PREDICT.variant);
    expect(gone.compare).toBeNull();
  });

  it('registers what the dev server lists, and nothing (quietly) where there is no list', async () => {
    const listed = [info('from-index', { variant: 'pseudo', train: { labelWeight: 1 } })];
    const asked: string[] = [];
    const ok = (async (url: string) => {
      asked.push(url);
      return new Response(JSON.stringify([...listed, { name: 3 }]), { status: 200 });
    }) as typeof fetch;
    expect(await registerLocalModels('http://localhost:5173/', ok)).toEqual(['local:from-index']);
    expect(asked).toEqual(['http://localhost:5173/models-local/index.json']);
    expect(getPredictor('local:from-index').modesMeanLabels).toBe(true);
    const missing = (async () => new Response('not found', { status: 404 })) as typeof fetch;
    expect(await registerLocalModels('http://x/app/', missing)).toEqual([]);
    // a static server that answers every path with the page
    const html = (async () => new Response('<!doctype html>', { status: 200 })) as typeof fetch;
    expect(await registerLocalModels('http://x/', html)).toEqual([]);
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await registerLocalModels('http://x/', offline)).toEqual([]);
  });
});
