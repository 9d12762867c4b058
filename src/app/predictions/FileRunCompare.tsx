// Every model run on this file, side by side (issue 16: the interaction modes of any model, a
// submission's as well as ours). One row per model: scenes scored, how often its most probable
// future has what really happened (the pseudo label of the scene; labels/forecast.ts reads each
// future), how often any of its futures has it (mode coverage), mean minFDE over every sample, and
// its confusion of the most probable future's outcome against what happened (hover). Under it, the
// scenes scored by every model where the models' most probable futures disagree on the outcome:
// one column per model (its outcome, ✓ where it is what happened), sortable by record, by scene or
// by how many models get it right; click a row to open the scene. Shown once a run has finished;
// a model run again replaces its row (useFileRun keeps the latest per model).
import { useMemo, useState } from 'react';
import { pressable } from '../commands';
import { LABEL_NAMES, LABEL_SHORT_NAMES } from '../../labels';
import { getPredictor, isPredictorId } from '../../model/registry';
import type { FileRunResult, FileRunRow } from './run-file';

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '–');
type Sort = 'record' | 'id' | 'right';

/** A model's title for the table (the id when it is no longer registered). */
const title = (id: string) => (isPredictorId(id) ? getPredictor(id).title : id);

export function FileRunCompare({
  results,
  onOpen,
}: {
  results: FileRunResult[];
  onOpen: (k: number) => void;
}) {
  if (results.length === 0) return null;
  return (
    <div className="file-run-compare">
      <table data-testid="file-run-compare">
        <thead>
          <tr>
            <th>model</th>
            <th>scenes</th>
            <th title="How often the most probable future has what really happened (its pseudo label)">
              top future = what happened
            </th>
            <th title="How often any of the model's futures has what really happened">mode coverage</th>
            <th>mean minFDE (m)</th>
          </tr>
        </thead>
        <tbody>
          {results.map((r) => {
            const n = r.rows.length;
            const fde = r.rows.filter((x) => x.minFDE !== null);
            return (
              <tr
                key={r.variant}
                data-testid="file-run-compare-row"
                data-variant={r.variant}
                data-top={r.rows.filter((x) => x.topHasOutcome).length}
                data-any={r.rows.filter((x) => x.anyHasOutcome).length}
                data-n={n}
                title={confusionText(r)}
              >
                <td>{title(r.variant)}</td>
                <td>{n}</td>
                <td>{pct(r.rows.filter((x) => x.topHasOutcome).length, n)}</td>
                <td>{pct(r.rows.filter((x) => x.anyHasOutcome).length, n)}</td>
                <td>{fde.length ? (fde.reduce((s, x) => s + x.minFDE!, 0) / fde.length).toFixed(2) : '–'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {results.length > 1 && <Disagreements results={results} onOpen={onOpen} />}
    </div>
  );
}

/** The scenes where the models' most probable futures disagree (see the header). */
function Disagreements({ results, onOpen }: { results: FileRunResult[]; onOpen: (k: number) => void }) {
  const [sort, setSort] = useState<{ key: Sort; desc: boolean }>({ key: 'record', desc: false });
  const disagreements = useMemo(() => disagreeing(results), [results]);
  const shown = useMemo(() => {
    const key = (r: (typeof disagreements)[number]) =>
      sort.key === 'record' ? r.record : sort.key === 'id' ? r.id : r.right;
    const out = [...disagreements].sort((a, b) => {
      const x = key(a);
      const y = key(b);
      return typeof x === 'string' ? x.localeCompare(String(y)) : x - Number(y);
    });
    return sort.desc ? out.reverse() : out;
  }, [disagreements, sort]);
  const header = (key: Sort, name: string) => (
    <th
      data-sort={key}
      {...pressable(() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : false })))}
    >
      {name}
      {sort.key === key ? (sort.desc ? ' ▾' : ' ▴') : ''}
    </th>
  );
  return (
    <>
      <p className="hint" data-testid="file-run-disagree-count">
        {disagreements.length} scene{disagreements.length === 1 ? '' : 's'} where the models’ most probable
        futures disagree on the outcome
      </p>
      {disagreements.length > 0 && (
        <div className="file-run-table">
          <table data-testid="file-run-disagree">
            <thead>
              <tr>
                {header('record', '#')}
                {header('id', 'scene')}
                <th>what happened</th>
                {results.map((r) => (
                  <th key={r.variant}>{title(r.variant)}</th>
                ))}
                {header('right', 'right')}
              </tr>
            </thead>
            <tbody>
              {shown.map((d) => (
                <tr key={d.k} data-testid="file-run-disagree-row" {...pressable(() => onOpen(d.k))}>
                  <td>{d.record}</td>
                  <td className="id">{d.id}</td>
                  <td>{LABEL_SHORT_NAMES[d.label]}</td>
                  {d.outcomes.map((o, i) => (
                    <td key={i}>
                      {o === null ? '–' : `${LABEL_SHORT_NAMES[o]}${o === d.label ? ' ✓' : ''}`}
                    </td>
                  ))}
                  <td>{d.right}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** The scenes every run scored whose most probable futures do not all read the same outcome. */
function disagreeing(results: FileRunResult[]) {
  if (results.length < 2) return [];
  const byK = results.map((r) => new Map<number, FileRunRow>(r.rows.map((x) => [x.k, x])));
  return results[0]!.rows.flatMap((row) => {
    const rows = byK.map((m) => m.get(row.k));
    if (rows.some((x) => !x)) return [];
    const outcomes = rows.map((x) => x!.topOutcome);
    if (outcomes.every((o) => o === outcomes[0])) return [];
    return [
      {
        k: row.k,
        record: row.record,
        id: row.id,
        label: row.label,
        outcomes,
        right: rows.filter((x) => x!.topHasOutcome).length,
      },
    ];
  });
}

/** The outcome confusion as text (the row's tooltip): rows the top future's outcome, columns what happened. */
function confusionText(r: FileRunResult): string {
  return (
    'most probable future (rows) against what happened (columns):\n' +
    r.outcomeConfusion
      .map((row, i) => `${LABEL_NAMES[i]}: ${row.map((n, j) => `${LABEL_SHORT_NAMES[j]} ${n}`).join(', ')}`)
      .join('\n')
  );
}
