// The scenes of a run across the file, one row each: record, scene id, pseudo label, top mode (in
// its colour), its probability, whether it agrees with the label (only where modes mean labels)
// and minFDE. Click a header to sort by it (again: reverse); click a row to open that scene. The
// sort is the caller's state, so it outlives this table.
import { useMemo } from 'react';
import { pressable } from '../commands';
import { css, modeColor } from '../palette';
import { getPredictor, modeName } from '../../model/registry';
import type { FileRunResult, FileRunRow } from './run-file';

export type SortKey = 'k' | 'id' | 'label' | 'topMode' | 'topProbability' | 'agree' | 'minFDE';
export interface FileRunSort {
  key: SortKey;
  desc: boolean;
}
export const DEFAULT_SORT: FileRunSort = { key: 'k', desc: false };

const COLUMNS: [SortKey, string][] = [
  ['k', '#'],
  ['id', 'scene'],
  ['label', 'pseudo label'],
  ['topMode', 'top mode'],
  ['topProbability', 'p'],
  ['agree', 'agrees'],
  ['minFDE', 'minFDE (m)'],
];

function compare(a: FileRunRow, b: FileRunRow, key: SortKey): number {
  const va = a[key];
  const vb = b[key];
  if (typeof va === 'string' && typeof vb === 'string') return va.localeCompare(vb);
  return Number(va ?? Infinity) - Number(vb ?? Infinity);
}

export function FileRunTable(props: {
  result: FileRunResult;
  sort: FileRunSort;
  onSort: (update: (s: FileRunSort) => FileRunSort) => void;
  onOpen: (k: number) => void;
}) {
  const { result, sort, onSort, onOpen } = props;
  const rows = useMemo(() => {
    const r = [...result.rows].sort((a, b) => compare(a, b, sort.key));
    return sort.desc ? r.reverse() : r;
  }, [result, sort]);
  // agreement with the label means something only where modes mean labels (not the vanilla CVAE)
  const meaningful = getPredictor(result.variant).modesMeanLabels;
  return (
    <div className="file-run-table">
      <table data-testid="file-run-table">
        <thead>
          <tr>
            {COLUMNS.map(([key, name]) => (
              <th
                key={key}
                data-sort={key}
                aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : undefined}
                {...pressable(() => onSort((s) => ({ key, desc: s.key === key ? !s.desc : false })))}
              >
                {name}
                {sort.key === key ? (sort.desc ? ' ▾' : ' ▴') : ''}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.k} data-k={r.k} {...pressable(() => onOpen(r.k))}>
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
  );
}
