// The summary of a run across the file: scenes scored and skipped, backend, time and batch size,
// and how often the argmax prior mode is the pseudo label (only where modes mean labels); when
// every scene was skipped, the first 20 reasons.
import { getPredictor } from '../../model/registry';
import type { FileRunResult } from './run-file';

export function FileRunSummary({ result }: { result: FileRunResult }) {
  const agree = result.rows.filter((r) => r.agree).length;
  // agreement with the label means something only where modes mean labels (not the vanilla CVAE)
  const meaningful = getPredictor(result.variant).modesMeanLabels;
  return (
    <>
      <p data-testid="file-run-summary">
        {result.rows.length} scenes scored ({result.skipped.length} skipped) on {result.backend} in{' '}
        {(result.ms / 1000).toFixed(1)} s ({result.batchSize} per batch), prediction from step 10;{' '}
        {meaningful
          ? `argmax prior = pseudo label in ${agree} / ${result.rows.length} (${((100 * agree) / Math.max(1, result.rows.length)).toFixed(1)}%)`
          : 'this model’s modes carry no label meaning: the matrix shows how its top modes split by pseudo label'}
      </p>
      {result.rows.length === 0 && result.skipped.length > 0 && (
        <ul className="error" data-testid="file-run-skipped">
          {result.skipped.slice(0, 20).map((x) => (
            <li key={x.record}>
              record {x.record}: {x.reason}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
