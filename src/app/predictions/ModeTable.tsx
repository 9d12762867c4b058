// The latest prediction, mode by mode: the step it is from and what really happened (the pseudo
// label), how the samples were drawn, then one row per mode with the prior p(z|x), the posterior
// q(z|x,y) and minADE / minFDE against the real future (only while the prediction is for the open
// scene). A mode's kinematic anchors (model/joint-set.ts) are named under its name ("+ kinematic:
// A keeps · B brakes"; data-testid "mode-anchor", data-mode and data-source on each). The column "its
// future" says what each mode's own most likely future means to the pseudo labeller
// (labels/forecast.ts, nothing after the step seen), short ("B first"), marked ✗ where a mode trained
// to mean a label draws a future of another (data-testid "mode-reads", data-label the label index;
// a column, not a line, so the panel over the map grows no taller). Click a row to draw only that
// mode; force a mode to sample only it. Under the table, for any model (latent or not, a submission
// too), the outcomes its futures stand for: the probability mass on each pseudo label (the modes'
// probabilities summed by what their futures read), whether its most probable future has what
// really happened and whether any future does (mode coverage; data-testid "mode-outcomes"); and a
// submission's scores on this scene as eval scores a model (data-testid "submission-scores") and
// its problems for this scene, each named (data-testid "prediction-problem").
// Nothing while there is no prediction. `which` picks the
// main map's prediction or the split view's second map's (data-pane on the table says which);
// both follow the same settings, so a row click or a force acts on both maps.
import { useMemo } from 'react';
import { pressable } from '../commands';
import { STEP_HZ, type Scene } from '../../scene/scene';
import { sceneMinDisplacement } from '../../metrics';
import { LABEL_NAMES, LABEL_SHORT_NAMES } from '../../labels';
import { modeReadings } from './readings';
import { css, modeColor } from '../palette';
import { DEFAULT_PREDICT, type PredictSettings, type Store } from '../store';
import { useStore } from '../useStore';
import { getPredictor, isBaseline, isSubmission, modeName } from '../../model/registry';
import { scoreSubmissionPair, type SubmissionPairResult } from '../../metrics/submission';
import type { PairPrediction } from '../model-protocol';
import { setPredict } from './predict-settings';

type Mode = PairPrediction['modes'][number];
type Displacement = ReturnType<typeof sceneMinDisplacement>;

const pct = (v: number) => `${(100 * v).toFixed(0)}%`;

/** Each mode's minADE / minFDE, or none when the prediction is not for this scene. */
function useModeErrors(prediction: PairPrediction | null, scene: Scene | null): Displacement[] {
  return useMemo(() => {
    if (!prediction || !scene || scene.id !== prediction.sceneId) return [];
    return prediction.modes.map((m) =>
      sceneMinDisplacement(scene, prediction.a, prediction.b, prediction.t, m.samples),
    );
  }, [prediction, scene]);
}

/**
 * Each mode's reading: the pseudo label of its first own sample (not an anchor), or null (no sample,
 * or the prediction is not for this scene). About a millisecond a mode, once per prediction.
 */
function useModeReadings(prediction: PairPrediction | null, scene: Scene | null): (number | null)[] {
  return useMemo(() => {
    if (!prediction || !scene || scene.id !== prediction.sceneId) return [];
    return modeReadings(scene, prediction);
  }, [prediction, scene]);
}

export function ModeTable({ store, which }: { store: Store; which: 'main' | 'compare' }) {
  const predict = useStore(store, (s) => s.predict);
  const prediction = useStore(store, (s) => (which === 'main' ? s.prediction : s.comparePrediction));
  const scene = useStore(store, (s) => s.scene);
  const errors = useModeErrors(prediction, scene);
  const readings = useModeReadings(prediction, scene);
  if (!prediction) return null;
  const tid = (name: string) => (which === 'main' ? name : `compare-${name}`);
  const set = (patch: Partial<PredictSettings>) => setPredict(store, patch);
  return (
    <>
      <p className="mode-truth" data-testid={which === 'main' ? 'mode-truth' : 'compare-mode-truth'}>
        from step {prediction.t} ({(prediction.t / STEP_HZ).toFixed(1)} s) · what happened:{' '}
        <b>{prediction.labelName}</b>
        {!isBaseline(prediction.variant) && (
          <span className="hint" data-testid={which === 'main' ? 'sampling' : 'compare-sampling'}>
            {' '}
            · samples:{' '}
            {predict.seed === DEFAULT_PREDICT.seed ? 'the goal means' : `random draws (seed ${predict.seed})`}
            {anchorCount(prediction) > 0 &&
              ` + ${anchorCount(prediction)} kinematic anchor${anchorCount(prediction) > 1 ? 's' : ''}`}
          </span>
        )}
      </p>
      <table className="modes" data-testid={which === 'main' ? 'modes' : 'compare-modes'} data-pane={which}>
        <thead>
          <tr>
            <th>mode</th>
            <th>p(z|x)</th>
            <th>q(z|x,y)</th>
            <th>minADE / FDE</th>
            <th title="What each mode's own most likely future means to the pseudo labeller">its future</th>
            <th>
              <span className="visually-hidden">force</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {prediction.modes.map((m, k) => (
            <ModeRow
              key={m.mode}
              prediction={prediction}
              m={m}
              error={errors[k]}
              reading={readings[k] ?? null}
              predict={predict}
              set={set}
              which={which}
            />
          ))}
        </tbody>
      </table>
      <Outcomes prediction={prediction} readings={readings} testId={tid('mode-outcomes')} />
      {isSubmission(prediction.variant) && scene?.id === prediction.sceneId && (
        <SubmissionScores prediction={prediction} scene={scene} testId={tid('submission-scores')} />
      )}
      {prediction.problems?.map((msg, i) => (
        <p key={i} className="error" data-testid={tid('prediction-problem')}>
          {msg}
        </p>
      ))}
    </>
  );
}

/** Metres (or an AP) with two decimals, or – where unknown. */
const fmtM = (v: number | null | undefined) => (v === null || v === undefined ? '–' : v.toFixed(2));

/**
 * A submission's scene scored as `npm run eval` scores a model (metrics/submission.ts
 * scoreSubmissionPair: its futures at 10 Hz, interpolated from 2 Hz, against the real states; the
 * 8 s end point is a submitted point): minADE / minFDE / miss at 3, 5 and 8 s, overlap of the most
 * confident future, and the scene's mAP from the file's raw confidences.
 */
function SubmissionScores(props: { prediction: PairPrediction; scene: Scene; testId: string }) {
  const { prediction, scene, testId } = props;
  const s = useMemo(
    () => scoreSubmissionPair(scene, prediction as PairPrediction & SubmissionPairResult),
    [prediction, scene],
  );
  const miss = (m: boolean | null) => (m === null ? '–' : m ? 'miss' : 'hit');
  return (
    <p className="hint" data-testid={testId}>
      this scene at 3 / 5 / 8 s: minADE {s.minADE.map(fmtM).join(' / ')} m · minFDE{' '}
      {s.minFDE.map(fmtM).join(' / ')} m · {s.miss.map(miss).join(' / ')} · mAP {s.mAP.map(fmtM).join(' / ')}{' '}
      · {s.overlap ? 'most confident future overlaps' : 'no overlap'}
    </p>
  );
}

/**
 * What the futures stand for (see the header). The most probable future is the first mode's by
 * probability (ties: the first); modes without a reading (no own sample) count for no outcome.
 */
function Outcomes(props: { prediction: PairPrediction; readings: (number | null)[]; testId: string }) {
  const { prediction, readings, testId } = props;
  if (readings.length === 0) return null;
  const mass = LABEL_NAMES.map(() => 0);
  prediction.modes.forEach((m, k) => {
    const r = readings[k];
    if (r !== null && r !== undefined) mass[r]! += m.probability;
  });
  let top = 0;
  prediction.modes.forEach((m, k) => {
    if (m.probability > prediction.modes[top]!.probability) top = k;
  });
  const topHas = readings[top] === prediction.label;
  const anyHas = readings.some((r) => r === prediction.label);
  return (
    <p
      className="mode-outcomes hint"
      data-testid={testId}
      data-top-has={topHas ? 1 : 0}
      data-any-has={anyHas ? 1 : 0}
      title="The probability the model puts on each interaction outcome, by what each of its futures reads to the pseudo labeller"
    >
      outcomes: {LABEL_SHORT_NAMES.map((n, i) => `${n} ${pct(mass[i]!)}`).join(' · ')} · most probable future{' '}
      {topHas ? 'has' : 'misses'} what happened{topHas ? ' ✓' : ' ✗'}
      {!topHas && (anyHas ? ' (another future has it)' : ' (no future has it)')}
    </p>
  );
}

/** The kinematic anchors among a prediction's samples (model/joint-set.ts). */
function anchorCount(p: PairPrediction): number {
  return p.modes.reduce((n, m) => n + m.samples.filter((s) => s.source === 'kinematic').length, 0);
}

/** One mode: its name (✓ where it is the label) and anchors, prior and posterior bars, errors, force button. */
function ModeRow(props: {
  prediction: PairPrediction;
  m: Mode;
  error: Displacement | undefined;
  /** The pseudo label of the mode's own most likely future; null: none. */
  reading: number | null;
  predict: PredictSettings;
  set: (patch: Partial<PredictSettings>) => void;
  which: 'main' | 'compare';
}) {
  const { prediction, m, error: e, reading, predict, set, which } = props;
  // the main table keeps the ids the tests and the docs know; the split table's are prefixed
  const id = (name: string) => (which === 'main' ? name : `compare-${name}`);
  const meansLabels = getPredictor(prediction.variant).modesMeanLabels;
  const c = css(modeColor(prediction.variant, m.mode));
  const q = prediction.posterior?.[m.mode];
  const shown = predict.shownMode === null || predict.shownMode === m.mode;
  return (
    <tr
      data-testid={id(`mode-row-${m.mode}`)}
      className={shown ? '' : 'dimmed'}
      {...pressable(() => set({ shownMode: predict.shownMode === m.mode ? null : m.mode }))}
      title="Click (or Enter) to show only this mode"
    >
      <td>
        <span className="swatch" style={{ background: c }} />{' '}
        <span data-testid="mode-name">{modeName(prediction.variant, m.mode, m.label)}</span>
        {meansLabels && m.mode === prediction.label ? ' ✓' : ''}
        {m.samples
          .filter((s) => s.source === 'kinematic')
          .map((s, i) => (
            <div
              key={i}
              className="mode-anchor hint"
              data-testid="mode-anchor"
              data-mode={m.mode}
              data-source={s.source}
              title="A kinematic joint prediction (constant turn rate and acceleration) placed in this mode, drawn thin"
            >
              + kinematic: {s.name}
            </div>
          ))}
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
      <td>{e && m.samples.length ? `${e.minADE.toFixed(1)} / ${e.minFDE.toFixed(1)}\u00a0m` : '–'}</td>
      <td>
        <ModeReading mode={m.mode} reading={reading} meansLabels={meansLabels} />
      </td>
      <td>
        {!isBaseline(prediction.variant) && (
          <button
            data-testid={id(`force-mode-${m.mode}`)}
            className={predict.forcedMode === m.mode ? 'active' : ''}
            onClick={(ev) => {
              ev.stopPropagation();
              set({ forcedMode: predict.forcedMode === m.mode ? null : m.mode, shownMode: null });
            }}
            title="Sample only this mode"
          >
            {predict.forcedMode === m.mode ? 'unforce' : 'force'}
          </button>
        )}
      </td>
    </tr>
  );
}

/** What a mode's own future means to the pseudo labeller; ✗ when a labelled mode draws another outcome. */
function ModeReading(props: { mode: number; reading: number | null; meansLabels: boolean }) {
  const { mode, reading, meansLabels } = props;
  if (reading === null) return <>–</>;
  const off = meansLabels && reading !== mode;
  return (
    <span
      className="mode-reads"
      data-testid="mode-reads"
      data-mode={mode}
      data-label={reading}
      title={`This mode's own most likely future reads "${LABEL_NAMES[reading]}" to the pseudo labeller (nothing after the step predicted from is seen)${off ? ': not the outcome the mode is named for' : ''}`}
    >
      {LABEL_SHORT_NAMES[reading]}
      {off ? ' ✗' : ''}
    </span>
  );
}
