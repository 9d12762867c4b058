// The prediction controls of the mode panel: the model, the split view's model, the joint samples
// per mode, resample (a new seed), reset (every mode, default samples, the goal means) and the
// tfjs backend to try first. Each control writes one patch to the store; nothing is kept here. The
// models are the registry's (model/registry.ts), run-time ones (local, opened) included.
import { DEFAULT_PREDICT, type PredictSettings, type Store } from '../store';
import { useStore } from '../useStore';
import { usePredictors } from '../usePredictors';
import { BACKEND_ORDER, isPredictorId } from '../../model/registry';
import { setPredict } from './predict-settings';

const BACKENDS = ['auto', ...BACKEND_ORDER] as const;

export function ModeControls({ store }: { store: Store }) {
  const predict = useStore(store, (s) => s.predict);
  const predictors = usePredictors();
  const set = (patch: Partial<PredictSettings>) => setPredict(store, patch);
  return (
    <div className="mode-controls">
      <select
        data-testid="model-variant"
        aria-label="model"
        value={predict.variant}
        onChange={(e) => {
          if (isPredictorId(e.target.value))
            set({ variant: e.target.value, forcedMode: null, shownMode: null });
        }}
        title={predictors.find((p) => p.id === predict.variant)?.source ?? 'Model'}
      >
        {predictors.map((p) => (
          <option key={p.id} value={p.id} title={p.source}>
            {p.title}
          </option>
        ))}
      </select>
      <CompareSelect store={store} />
      <label title="Joint samples per mode">
        samples{' '}
        <input
          type="number"
          data-testid="samples"
          min={1}
          max={20}
          value={predict.samplesPerMode}
          onChange={(e) => set({ samplesPerMode: Math.max(1, Math.min(20, Number(e.target.value) || 1)) })}
        />
      </label>
      <SampleButtons store={store} seed={predict.seed} />
      <select
        data-testid="model-backend"
        aria-label="tfjs backend"
        value={predict.backend}
        onChange={(e) => set({ backend: e.target.value as PredictSettings['backend'] })}
        title="tfjs backend to try first"
      >
        {BACKENDS.map((b) => (
          <option key={b} value={b}>
            {b === 'auto' ? 'backend: auto' : b}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The split view's model: none, or another model drawn beside this one. */
function CompareSelect({ store }: { store: Store }) {
  const compare = useStore(store, (s) => s.compare);
  const predictors = usePredictors();
  return (
    <select
      data-testid="compare-variant"
      aria-label="split view: a second model beside this one"
      value={compare ?? ''}
      onChange={(e) =>
        store.set({
          compare: isPredictorId(e.target.value) ? e.target.value : null,
          comparePrediction: null,
        })
      }
      title="Split view: another model beside this one, camera and time in sync"
    >
      <option value="">no split view</option>
      {predictors.map((p) => (
        <option key={p.id} value={p.id} title={p.source}>
          split: {p.title}
        </option>
      ))}
    </select>
  );
}

/** Resample (the next seed) and reset (every mode, the default samples, the goal means). */
function SampleButtons({ store, seed }: { store: Store; seed: number }) {
  return (
    <>
      <button
        data-testid="resample"
        onClick={() => setPredict(store, { seed: seed + 1 })}
        title={
          seed === DEFAULT_PREDICT.seed
            ? 'Now: the goal mixture’s means (the most likely goals). Resample: random draws from it'
            : `Now: random draws (seed ${seed}). Resample: new draws`
        }
      >
        resample
      </button>
      <button
        data-testid="reset-modes"
        title="Every mode, the default number of samples, the goal means"
        onClick={() =>
          setPredict(store, {
            forcedMode: null,
            shownMode: null,
            samplesPerMode: DEFAULT_PREDICT.samplesPerMode,
            seed: DEFAULT_PREDICT.seed,
          })
        }
      >
        reset
      </button>
    </>
  );
}
