// The latent, mode by mode: the prior p(z|x) and the posterior q(z|x,y) named by their labels,
// the pseudo label of what really happened, each mode's minADE / minFDE against the real future;
// click a mode to draw only it, force a mode to resample only it; the model, the number of samples,
// the backend, and a status line with the active backend and the last prediction's latency; and
// opening a model folder from disk, which joins the model select (ModelFolderPicker), and opening
// another model's predictions from a WOMD challenge submission (SubmissionPicker).
// The pair predicted is the scene's own unless the user picks agents as A and B.
// This file is the panel's frame (the summary with the status line, and the on/off toggle); the
// controls, the pair and the modes table are ModeControls, PairControls and ModeTable. A dock
// panel (components/DockPanel.tsx): beside or below the map, folded to its summary when asked.
// The on/off toggle is the panel's first row, not in the summary: a control inside a summary (itself
// a button) is a nested control that keyboards and screen readers cannot reach on its own.
// In the split view each map gets its own mode table, the left map's first, each named by its model.
import { memo } from 'react';
import { DockPanel } from '../components/DockPanel';
import type { Scene } from '../../scene/scene';
import { getPredictor } from '../../model/registry';
import type { ModelStatus, Store } from '../store';
import { useStore } from '../useStore';
import { ModeControls as ModeControlsAlways } from './ModeControls';
import { ModelFolderPicker as ModelFolderPickerAlways } from './ModelFolderPicker';
import { ModeTable } from './ModeTable';
import { PairControls as PairControlsAlways } from './PairControls';
import { SubmissionPicker } from './SubmissionPicker';
import { setPredict } from './predict-settings';

// The panel's parts that read only the store, memoised: the panel re-renders whenever the open
// file's rows change (sceneIds, up to once a frame while a list fills), and they need not.
const ModeControls = memo(ModeControlsAlways);
const ModelFolderPicker = memo(ModelFolderPickerAlways);
const PairControls = memo(PairControlsAlways);

/** `sceneIds`: the open file's scenario ids, for the submissions' "predictions for N of M open scenes". */
export function ModePanel({ store, sceneIds }: { store: Store; sceneIds: readonly string[] }) {
  return (
    <DockPanel
      id="predictions"
      className="mode-panel"
      testId="mode-panel"
      defaultOpen
      summary={<ModeSummary store={store} />}
    >
      <PredictToggle store={store} />
      <ModeControls store={store} />
      <ModelFolderPicker store={store} />
      <SubmissionPicker store={store} sceneIds={sceneIds} />
      <PairControls store={store} />
      <ModeTables store={store} />
    </DockPanel>
  );
}

/** The main map's mode table; in the split view, the second map's after it, each under its model. */
const ModeTables = memo(function ModeTables({ store }: { store: Store }) {
  const compare = useStore(store, (s) => s.compare);
  const variant = useStore(store, (s) => s.predict.variant);
  if (compare === null) return <ModeTable store={store} which="main" />;
  return (
    <>
      <h2 className="pane-table-title" data-testid="main-table-title">
        left map: {getPredictor(variant).title}
      </h2>
      <ModeTable store={store} which="main" />
      <h2 className="pane-table-title" data-testid="compare-table-title">
        right map: {getPredictor(compare).title}
      </h2>
      <ModeTable store={store} which="compare" />
    </>
  );
});

/** The predictions on/off toggle. */
const PredictToggle = memo(function PredictToggle({ store }: { store: Store }) {
  const on = useStore(store, (s) => s.predict.on);
  return (
    <label className="predict-toggle">
      <input
        type="checkbox"
        data-testid="predict-toggle"
        checked={on}
        onChange={(e) => setPredict(store, { on: e.target.checked })}
      />{' '}
      predict
    </label>
  );
});

/** The panel's summary line: its title and the model's status. */
const ModeSummary = memo(function ModeSummary({ store }: { store: Store }) {
  const model = useStore(store, (s) => s.model);
  const scene = useStore(store, (s) => s.scene);
  return (
    <summary>
      Predictions
      <span className="model-status" data-testid="model-status">
        {modelStatus(model, scene)}
      </span>
    </summary>
  );
});

/** The status line: off, no scene, starting, the error, or backend · latency (· predicting…). */
function modelStatus(model: ModelStatus, scene: Scene | null): string {
  return model.state === 'off'
    ? 'model off'
    : !scene && model.state !== 'error'
      ? 'no scene'
      : model.state === 'loading'
        ? 'starting the model…'
        : model.state === 'error'
          ? (model.message ?? 'model error')
          : `${model.backend} · ${model.latencyMs?.toFixed(0) ?? '–'} ms${model.pending ? ' · predicting…' : ''}` +
            (model.backendWhy ? ` · ${model.backendWhy}` : '') +
            // what happened to the worker (a restart after it died), while it matters
            (model.message ? ` · ${model.message}` : '');
}
