// Across a file: the model on every scene of the open file (its own worker, progress bar, cancel),
// a sortable table of scenes that opens a scene on click, the confusion matrix of argmax prior mode
// against pseudo label, and the table as CSV and the predictions as JSON. A run belongs to its
// file: the app mounts one FileRun per opened file (keyed by the open), and unmounting cancels a
// run still going, so no row, export or click ever reaches another file. The run (useFileRun),
// the model and the sort live here, so closing the panel neither stops a run nor forgets them.
// Under the last run, every model run on this file side by side (FileRunCompare).
// It sits in the dock (App.tsx) like the other panels, opaque and never over the map, so a scene
// opened from its table is shown whole beside it; closed, it is one button in the dock.
import { useState } from 'react';
import type { PredictorId } from '../../model/registry';
import type { SceneFile } from '../../waymo';
import type { Store } from '../store';
import { ConfusionMatrix } from './ConfusionMatrix';
import { FileRunCompare } from './FileRunCompare';
import { FileRunControls } from './FileRunControls';
import { FileRunSummary } from './FileRunSummary';
import { DEFAULT_SORT, FileRunTable, type FileRunSort } from './FileRunTable';
import { useFileRun } from './useFileRun';
import './predictions.css';

export function FileRun(props: {
  store: Store;
  file: SceneFile | null;
  fileName: string | null;
  onOpen: (k: number) => void;
}) {
  const { store, file, fileName, onOpen } = props;
  const [open, setOpen] = useState(false);
  const [variant, setVariant] = useState<PredictorId>('pseudo');
  const [sort, setSort] = useState<FileRunSort>(DEFAULT_SORT);
  const run = useFileRun(store, file);
  const empty = !file || file.count === 0;

  if (!open)
    return (
      <button
        className="file-run-open"
        data-testid="file-run-open"
        disabled={empty}
        title={file && empty ? 'the file has no readable records' : undefined}
        onClick={() => setOpen(true)}
      >
        Run on every scene…
      </button>
    );

  return (
    <section className="file-run" data-testid="file-run">
      <header>
        <strong>Across the file{fileName ? `: ${fileName}` : ''}</strong>
        <button data-testid="file-run-close" onClick={() => setOpen(false)} title="Close">
          ×
        </button>
      </header>
      <FileRunControls run={run} variant={variant} onVariant={setVariant} empty={empty} fileName={fileName} />
      {run.error && (
        <p className="error" data-testid="file-run-error">
          {run.error}
        </p>
      )}
      {run.result && (
        <>
          <FileRunSummary result={run.result} />
          <ConfusionMatrix result={run.result} />
          <FileRunTable result={run.result} sort={sort} onSort={setSort} onOpen={onOpen} />
        </>
      )}
      <FileRunCompare results={run.results} onOpen={onOpen} />
    </section>
  );
}
