// The controls of a run across the file: the model to run (locked while running), Run or the
// progress bar with Cancel, and once a run has rows, the table as CSV and the predictions as JSON,
// named after the file.
import { isPredictorId, type PredictorId } from '../../model/registry';
import { usePredictors } from '../usePredictors';
import { toCsv, toJson } from './run-file';
import type { FileRunState } from './useFileRun';

function download(name: string, type: string, text: string) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

export function FileRunControls(props: {
  run: FileRunState;
  variant: PredictorId;
  onVariant: (v: PredictorId) => void;
  empty: boolean;
  fileName: string | null;
}) {
  const { run, variant, onVariant, empty, fileName } = props;
  const { progress, result } = run;
  // the models with weights (constant velocity has no latent to score), run-time ones included
  const models = usePredictors().filter((p) => p.weights !== null);
  const base = (fileName ?? 'scenes').replace(/\.[^.]*$/, '');
  return (
    <div className="mode-controls">
      <select
        value={variant}
        data-testid="file-run-variant"
        disabled={progress !== null}
        onChange={(e) => {
          if (isPredictorId(e.target.value)) onVariant(e.target.value);
        }}
      >
        {models.map((p) => (
          <option key={p.id} value={p.id} title={p.source}>
            {p.title}
          </option>
        ))}
      </select>
      {progress !== null ? (
        <>
          <progress data-testid="file-run-progress" value={progress.done} max={progress.total} />
          <span>
            {progress.done} / {progress.total}
          </span>
          <button data-testid="file-run-cancel" onClick={run.cancel}>
            Cancel
          </button>
        </>
      ) : (
        <button data-testid="file-run-start" disabled={empty} onClick={() => void run.start(variant)}>
          Run
        </button>
      )}
      {result && result.rows.length > 0 && (
        <>
          <button
            data-testid="export-csv"
            onClick={() => download(`${base}-modes.csv`, 'text/csv', toCsv(result))}
          >
            CSV
          </button>
          <button
            data-testid="export-json"
            onClick={() => download(`${base}-predictions.json`, 'application/json', toJson(result, fileName))}
          >
            JSON
          </button>
        </>
      )}
    </div>
  );
}
