// The controls of a run across the file: the model to run (locked while running), Run or the
// progress bar with Cancel, and once a run has rows, the table as CSV, the predictions as JSON and
// as a WOMD challenge submission (submission.ts; the line beside it says what was saved or why not),
// named after the file.
import { useState } from 'react';
import { isPredictorId, type PredictorId } from '../../model/registry';
import { usePredictors } from '../usePredictors';
import { toCsv, toJson, type FileRunResult } from './run-file';
import { submissionOfRun } from './submission';
import type { FileRunState } from './useFileRun';

function download(name: string, type: string, data: string | Uint8Array<ArrayBuffer>) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([data], { type }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** Saves the run as BASE-submission.binproto.gz; what was written (or the error), for the status line. */
async function saveSubmission(result: FileRunResult, base: string): Promise<string> {
  try {
    const s = await submissionOfRun(result);
    download(`${base}-submission.binproto.gz`, 'application/gzip', s.bytes as Uint8Array<ArrayBuffer>);
    const left = s.left.map((x) => `record ${x.record}: ${x.reason}`).join('; ');
    return `${s.scenarios} scenarios saved${left ? `; left out ${left}` : ''}`;
  } catch (e) {
    return `not saved: ${e instanceof Error ? e.message : String(e)}`;
  }
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
  const [saved, setSaved] = useState<{ of: FileRunResult; text: string } | null>(null);
  // every model, run-time ones and submissions included: any model's futures have outcomes to
  // score (the side-by-side table); the latent's agreement is said only where modes mean labels
  const models = usePredictors();
  const base = (fileName ?? 'scenes').replace(/\.[^.]*$/, '');
  return (
    <div className="mode-controls">
      <select
        value={variant}
        data-testid="file-run-variant"
        aria-label="model to run on every scene"
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
          <button
            data-testid="export-submission"
            title="The run's joint predictions as a WOMD interaction-prediction submission (binproto, gzipped)"
            onClick={() => void saveSubmission(result, base).then((text) => setSaved({ of: result, text }))}
          >
            Save as WOMD submission
          </button>
          {saved?.of === result && <span data-testid="submission-status">{saved.text}</span>}
        </>
      )}
    </div>
  );
}
