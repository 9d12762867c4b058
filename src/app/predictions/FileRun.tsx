// Across a file: the model on every scene of the open file (its own worker, progress bar, cancel),
// a sortable table of scenes that opens a scene on click, the confusion matrix of argmax prior mode
// against pseudo label, and the table as CSV and the predictions as JSON. A run belongs to its
// file: the app mounts one FileRun per opened file (keyed by the open), and unmounting cancels a
// run still going, so no row, export or click ever reaches another file.
import { useEffect, useMemo, useRef, useState } from 'react';
import { LABEL_NAMES } from '../../labels';
import type { Variant } from '../../model/config';
import type { ScenarioFile } from '../../waymo';
import { css, modeColor } from '../palette';
import { modeName, PREDICTORS } from '../../model/registry';
import type { Store } from '../store';
import { runFile, toCsv, toJson, type FileRunResult, type FileRunRow } from './run-file';
import './predictions.css';

type SortKey = 'k' | 'id' | 'label' | 'topMode' | 'topProbability' | 'agree' | 'minFDE';
const COLUMNS: [SortKey, string][] = [
  ['k', '#'],
  ['id', 'scene'],
  ['label', 'pseudo label'],
  ['topMode', 'top mode'],
  ['topProbability', 'p'],
  ['agree', 'agrees'],
  ['minFDE', 'minFDE (m)'],
];

function download(name: string, type: string, text: string) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

function compare(a: FileRunRow, b: FileRunRow, key: SortKey): number {
  const va = a[key];
  const vb = b[key];
  if (typeof va === 'string' && typeof vb === 'string') return va.localeCompare(vb);
  return Number(va ?? Infinity) - Number(vb ?? Infinity);
}

export function FileRun(props: {
  store: Store;
  file: ScenarioFile | null;
  fileName: string | null;
  onOpen: (k: number) => void;
}) {
  const { store, file, fileName, onOpen } = props;
  const [open, setOpen] = useState(false);
  const [variant, setVariant] = useState<Variant>('pseudo');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<FileRunResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'k', desc: false });
  const abort = useRef<AbortController | null>(null);
  const running = progress !== null;
  const empty = !file || file.count === 0;
  // the file is closed (another one opened): stop its run
  useEffect(() => () => abort.current?.abort(), []);

  const rows = useMemo(() => {
    if (!result) return [];
    const r = [...result.rows].sort((a, b) => compare(a, b, sort.key));
    return sort.desc ? r.reverse() : r;
  }, [result, sort]);

  const start = async () => {
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
    } catch (e) {
      setError(ctl.signal.aborted ? 'cancelled' : e instanceof Error ? e.message : String(e));
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

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

  const agree = result ? result.rows.filter((r) => r.agree).length : 0;
  // agreement with the label means something only where modes mean labels (not the vanilla CVAE)
  const meaningful = result ? PREDICTORS[result.variant].modesMeanLabels : false;
  const base = (fileName ?? 'scenes').replace(/\.[^.]*$/, '');
  return (
    <section className="file-run" data-testid="file-run">
      <header>
        <strong>Across the file{fileName ? `: ${fileName}` : ''}</strong>
        <button data-testid="file-run-close" onClick={() => setOpen(false)} title="Close">
          ×
        </button>
      </header>
      <div className="mode-controls">
        <select
          value={variant}
          data-testid="file-run-variant"
          disabled={running}
          onChange={(e) => setVariant(e.target.value as Variant)}
        >
          <option value="pseudo">pseudo-label CVAE</option>
          <option value="vanilla">vanilla CVAE</option>
        </select>
        {running ? (
          <>
            <progress data-testid="file-run-progress" value={progress.done} max={progress.total} />
            <span>
              {progress.done} / {progress.total}
            </span>
            <button data-testid="file-run-cancel" onClick={() => abort.current?.abort()}>
              Cancel
            </button>
          </>
        ) : (
          <button data-testid="file-run-start" disabled={empty} onClick={() => void start()}>
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
              onClick={() =>
                download(`${base}-predictions.json`, 'application/json', toJson(result, fileName))
              }
            >
              JSON
            </button>
          </>
        )}
      </div>
      {error && (
        <p className="error" data-testid="file-run-error">
          {error}
        </p>
      )}
      {result && (
        <>
          <p data-testid="file-run-summary">
            {result.rows.length} scenes scored ({result.skipped.length} skipped) on {result.backend} in{' '}
            {(result.ms / 1000).toFixed(1)} s, prediction from step 10;{' '}
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
          <table className="confusion" data-testid="confusion">
            <thead>
              <tr>
                <th>mode \ label</th>
                {LABEL_NAMES.map((n) => (
                  <th key={n}>{n}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.confusion.map((row, z) => (
                <tr key={z}>
                  <th style={{ color: css(modeColor(result.variant, z)) }}>{modeName(result.variant, z)}</th>
                  {row.map((n, l) => (
                    <td key={l} className={l === z ? 'diag' : ''}>
                      {n}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <div className="file-run-table">
            <table data-testid="file-run-table">
              <thead>
                <tr>
                  {COLUMNS.map(([key, name]) => (
                    <th
                      key={key}
                      data-sort={key}
                      onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : false }))}
                    >
                      {name}
                      {sort.key === key ? (sort.desc ? ' ▾' : ' ▴') : ''}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.k} data-k={r.k} onClick={() => onOpen(r.k)}>
                    <td>{r.record}</td>
                    <td>{r.id}</td>
                    <td>{r.labelName}</td>
                    <td style={{ color: css(modeColor(result.variant, r.topMode)) }}>
                      {modeName(result.variant, r.topMode)}
                    </td>
                    <td>{r.topProbability.toFixed(2)}</td>
                    <td>{meaningful ? (r.agree ? 'yes' : 'no') : '–'}</td>
                    <td>{r.minFDE?.toFixed(2) ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
