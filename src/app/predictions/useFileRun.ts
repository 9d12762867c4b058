// One run of a model over every scene of a file, as React state: start it (with the panel's
// samples per mode and backend from the store), cancel it, and its progress, result and error.
// A run belongs to the component that holds this hook: unmounting it aborts a run still going, so
// no result ever reaches another file. Starting clears the last result and error; a cancelled run
// ends with the error 'cancelled'. Every model's latest finished run on this file is kept
// (`results`, in the order first run), so the panel can set the models side by side.
import { useEffect, useRef, useState } from 'react';
import type { PredictorId } from '../../model/registry';
import type { SceneFile } from '../../waymo';
import type { Store } from '../store';
import { runFile, type FileRunResult } from './run-file';

export interface FileRunProgress {
  done: number;
  total: number;
}

export interface FileRunState {
  /** The scenes done so far while a run is going; null when none is. */
  progress: FileRunProgress | null;
  result: FileRunResult | null;
  /** Each model's latest finished run on this file, one per model, in the order they were first run. */
  results: FileRunResult[];
  error: string | null;
  start: (variant: PredictorId) => Promise<void>;
  cancel: () => void;
}

export function useFileRun(store: Store, file: SceneFile | null): FileRunState {
  const [progress, setProgress] = useState<FileRunProgress | null>(null);
  const [result, setResult] = useState<FileRunResult | null>(null);
  const [results, setResults] = useState<FileRunResult[]>([]);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  // the file is closed (another one opened): stop its run
  useEffect(() => () => abort.current?.abort(), []);

  const start = async (variant: PredictorId) => {
    if (!file) return;
    const ctl = new AbortController();
    abort.current = ctl;
    setError(null);
    setResult(null);
    setProgress({ done: 0, total: file.count });
    const p = store.get().predict;
    try {
      const r = await runFile(file, {
        variant,
        samplesPerMode: p.samplesPerMode,
        backend: p.backend === 'auto' ? undefined : p.backend,
        signal: ctl.signal,
        onProgress: (done, total) => setProgress({ done, total }),
      });
      setResult(r);
      setResults((all) =>
        all.some((x) => x.variant === r.variant)
          ? all.map((x) => (x.variant === r.variant ? r : x))
          : [...all, r],
      );
    } catch (e) {
      setError(ctl.signal.aborted ? 'cancelled' : e instanceof Error ? e.message : String(e));
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  return { progress, result, results, error, start, cancel: () => abort.current?.abort() };
}
