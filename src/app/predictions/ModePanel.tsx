// The latent, mode by mode: the prior p(z|x) and the posterior q(z|x,y) named by their labels,
// the pseudo label of what really happened, each mode's minADE / minFDE against the real future;
// click a mode to draw only it, force a mode to resample only it; the model, the number of samples,
// the backend, and a status line with the active backend and the last prediction's latency.
// The pair predicted is the scene's own unless the user picks agents as A and B.
import { useMemo } from 'react';
import { OBJECT_TYPE_NAMES, type Scene } from '../../scene/scene';
import { sceneMinDisplacement } from '../../metrics';
import { css, modeColor } from '../palette';
import { activePair, choosePair, DEFAULT_PREDICT, type PredictSettings, type Store } from '../store';
import { useStore } from '../useStore';
import { modeName, PREDICTOR_IDS, PREDICTORS, BACKEND_ORDER } from '../../model/registry';
import type { PredictorName } from '../model-protocol';

const VARIANTS = PREDICTOR_IDS.map((v) => [v, PREDICTORS[v].title] as const);
const BACKENDS = ['auto', ...BACKEND_ORDER] as const;

const pct = (v: number) => `${(100 * v).toFixed(0)}%`;

export function ModePanel({ store }: { store: Store }) {
  const predict = useStore(store, (s) => s.predict);
  const prediction = useStore(store, (s) => s.prediction);
  const model = useStore(store, (s) => s.model);
  const scene = useStore(store, (s) => s.scene);
  const compare = useStore(store, (s) => s.compare);
  const chosen = useStore(store, (s) => s.pair);
  const selected = useStore(store, (s) => s.selected);
  const pair = scene ? activePair(store.get()) : null;
  const set = (patch: Partial<PredictSettings>) =>
    store.set({ predict: { ...store.get().predict, ...patch } });

  const errors = useMemo(() => {
    if (!prediction || !scene || scene.id !== prediction.sceneId) return [];
    return prediction.modes.map((m) =>
      sceneMinDisplacement(scene, prediction.a, prediction.b, prediction.t, m.samples),
    );
  }, [prediction, scene]);

  const status =
    model.state === 'off'
      ? 'model off'
      : !scene && model.state !== 'error'
        ? 'no scene'
        : model.state === 'loading'
          ? 'starting the model…'
          : model.state === 'error'
            ? (model.message ?? 'model error')
            : `${model.backend} · ${model.latencyMs?.toFixed(0) ?? '–'} ms${model.pending ? ' · predicting…' : ''}`;

  return (
    <details className="mode-panel" data-testid="mode-panel" open>
      <summary>
        <label onClick={(e) => e.stopPropagation()}>
          <input
            type="checkbox"
            data-testid="predict-toggle"
            checked={predict.on}
            onChange={(e) => set({ on: e.target.checked })}
          />{' '}
          Predictions
        </label>
        <span className="model-status" data-testid="model-status">
          {status}
        </span>
      </summary>
      <div className="mode-controls">
        <select
          data-testid="model-variant"
          value={predict.variant}
          onChange={(e) =>
            set({ variant: e.target.value as PredictSettings['variant'], forcedMode: null, shownMode: null })
          }
          title="Model"
        >
          {VARIANTS.map(([v, name]) => (
            <option key={v} value={v}>
              {name}
            </option>
          ))}
        </select>
        <select
          data-testid="compare-variant"
          value={compare ?? ''}
          onChange={(e) =>
            store.set({ compare: (e.target.value || null) as PredictorName | null, comparePrediction: null })
          }
          title="Split view: another model beside this one, camera and time in sync"
        >
          <option value="">no split view</option>
          {VARIANTS.map(([v, name]) => (
            <option key={v} value={v}>
              split: {name}
            </option>
          ))}
        </select>
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
        <button
          data-testid="resample"
          onClick={() => set({ seed: predict.seed + 1 })}
          title={
            predict.seed === DEFAULT_PREDICT.seed
              ? 'Now: the goal mixture’s means (the most likely goals). Resample: random draws from it'
              : `Now: random draws (seed ${predict.seed}). Resample: new draws`
          }
        >
          resample
        </button>
        <button
          data-testid="reset-modes"
          title="Every mode, the default number of samples, the goal means"
          onClick={() =>
            set({
              forcedMode: null,
              shownMode: null,
              samplesPerMode: DEFAULT_PREDICT.samplesPerMode,
              seed: DEFAULT_PREDICT.seed,
            })
          }
        >
          reset
        </button>
        <select
          data-testid="model-backend"
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
      {scene && (
        <div className="mode-pair" data-testid="mode-pair">
          <span data-testid="pair-names">
            {pair ? (
              <>
                A <b>{agentName(scene, pair[0])}</b> · B <b>{agentName(scene, pair[1])}</b>{' '}
                {chosen ? '(chosen)' : '(the scene’s pair)'}
              </>
            ) : (
              'no pair: select an agent, then make it A or B'
            )}
          </span>
          <button
            data-testid="pair-a"
            disabled={selected < 0}
            onClick={() => store.set({ pair: choosePair(store.get(), 0, selected) })}
            title="Predict for the selected agent as A (key a)"
          >
            selected → A
          </button>
          <button
            data-testid="pair-b"
            disabled={selected < 0}
            onClick={() => store.set({ pair: choosePair(store.get(), 1, selected) })}
            title="Predict for the selected agent as B (key b)"
          >
            selected → B
          </button>
          <button
            data-testid="pair-swap"
            disabled={!pair}
            onClick={() => store.set({ pair: pair && [pair[1], pair[0]] })}
            title="Swap A and B"
          >
            swap
          </button>
          <button
            data-testid="pair-reset"
            disabled={!chosen}
            onClick={() => store.set({ pair: null })}
            title="Back to objects_of_interest (else tracks_to_predict)"
          >
            scene’s pair
          </button>
        </div>
      )}
      {prediction && (
        <>
          <p className="mode-truth" data-testid="mode-truth">
            from step {prediction.t} ({(prediction.t / 10).toFixed(1)} s) · what happened:{' '}
            <b>{prediction.labelName}</b>
            {prediction.variant !== 'constant_velocity' && (
              <span className="hint" data-testid="sampling">
                {' '}
                · samples:{' '}
                {predict.seed === DEFAULT_PREDICT.seed
                  ? 'the goal means'
                  : `random draws (seed ${predict.seed})`}
              </span>
            )}
          </p>
          <table className="modes" data-testid="modes">
            <thead>
              <tr>
                <th>mode</th>
                <th>p(z|x)</th>
                <th>q(z|x,y)</th>
                <th>minADE/FDE</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {prediction.modes.map((m, k) => {
                const c = css(modeColor(prediction.variant, m.mode));
                const q = prediction.posterior?.[m.mode];
                const e = errors[k];
                const shown = predict.shownMode === null || predict.shownMode === m.mode;
                return (
                  <tr
                    key={m.mode}
                    data-testid={`mode-row-${m.mode}`}
                    className={shown ? '' : 'dimmed'}
                    onClick={() => set({ shownMode: predict.shownMode === m.mode ? null : m.mode })}
                    title="Click to show only this mode"
                  >
                    <td>
                      <span className="swatch" style={{ background: c }} />{' '}
                      {modeName(prediction.variant, m.mode)}
                      {PREDICTORS[prediction.variant].modesMeanLabels && m.mode === prediction.label
                        ? ' ✓'
                        : ''}
                    </td>
                    <td>
                      <span className="bar" style={{ width: `${40 * m.probability}px`, background: c }} />{' '}
                      {pct(m.probability)}
                    </td>
                    <td>
                      {q === undefined ? (
                        '–'
                      ) : (
                        <>
                          <span className="bar" style={{ width: `${40 * q}px`, background: c }} /> {pct(q)}
                        </>
                      )}
                    </td>
                    <td>
                      {e && m.samples.length ? `${e.minADE.toFixed(1)} / ${e.minFDE.toFixed(1)} m` : '–'}
                    </td>
                    <td>
                      {prediction.variant !== 'constant_velocity' && (
                        <button
                          data-testid={`force-mode-${m.mode}`}
                          className={predict.forcedMode === m.mode ? 'active' : ''}
                          onClick={(ev) => {
                            ev.stopPropagation();
                            set({
                              forcedMode: predict.forcedMode === m.mode ? null : m.mode,
                              shownMode: null,
                            });
                          }}
                          title="Sample only this mode"
                        >
                          {predict.forcedMode === m.mode ? 'unforce' : 'force'}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </details>
  );
}

function agentName(scene: Scene, i: number): string {
  return `${scene.tracks.ids[i]} ${OBJECT_TYPE_NAMES[scene.tracks.types[i]!] ?? 'unknown'}`;
}
