// The scene list: search by id, filters, and one row per record (damaged records name their error).
import { memo } from 'react';
import { LABEL_NAMES } from '../../labels';
import type { SceneRow } from '../useScenarioFile';
import { formatCounts, type SceneSummary } from '../../scene/summary';

export const AGENT_TYPES = ['vehicle', 'pedestrian', 'cyclist', 'other'] as const;

export interface SceneFilter {
  search: string;
  pairOnly: boolean;
  /** Types every listed scene must contain. */
  types: string[];
  /** Pseudo label of the pair (index into LABEL_NAMES), null for any. */
  label: number | null;
}

export const NO_FILTER: SceneFilter = { search: '', pairOnly: false, types: [], label: null };

export function filterRows(rows: SceneRow[], f: SceneFilter): SceneRow[] {
  const q = f.search.trim().toLowerCase();
  return rows.filter((r) => {
    if (!r.summary) return !q && !f.pairOnly && f.types.length === 0 && f.label === null;
    if (q && !r.summary.id.toLowerCase().includes(q)) return false;
    if (f.pairOnly && !r.summary.pair) return false;
    if (f.label !== null && r.label !== f.label) return false;
    return f.types.every((t) => (r.summary!.tracksByType[t] ?? 0) > 0);
  });
}

export function SceneList(props: {
  rows: SceneRow[];
  filter: SceneFilter;
  onFilter: (f: SceneFilter) => void;
  selected: number;
  onSelect: (k: number) => void;
  total: number;
  /** Name each scene's file (several files open). */
  showFile?: boolean;
}) {
  const { rows, filter, onFilter, selected, onSelect, total } = props;
  return (
    <section className="scenes">
      <SceneFilters filter={filter} onFilter={onFilter} shown={rows.length} total={total} />
      <SceneTable rows={rows} selected={selected} onSelect={onSelect} showFile={!!props.showFile} />
    </section>
  );
}

/** The search box, the pair, type and pseudo-label filters, and how many scenes they leave. */
function SceneFilters(props: {
  filter: SceneFilter;
  onFilter: (f: SceneFilter) => void;
  shown: number;
  total: number;
}) {
  const { filter, onFilter, shown, total } = props;
  return (
    <div className="filters">
      <input
        type="search"
        data-testid="scene-search"
        placeholder="search scene id"
        value={filter.search}
        onChange={(e) => onFilter({ ...filter, search: e.target.value })}
      />
      <label>
        <input
          type="checkbox"
          data-testid="filter-pair"
          checked={filter.pairOnly}
          onChange={(e) => onFilter({ ...filter, pairOnly: e.target.checked })}
        />
        has interacting pair
      </label>
      <TypeFilters filter={filter} onFilter={onFilter} />
      <LabelFilter filter={filter} onFilter={onFilter} />
      <div className="hint">
        {shown} of {total} scenes
      </div>
    </div>
  );
}

/** One checkbox per agent type; a checked type must be in every listed scene. */
function TypeFilters({ filter, onFilter }: { filter: SceneFilter; onFilter: (f: SceneFilter) => void }) {
  return (
    <div className="type-filters">
      {AGENT_TYPES.map((t) => (
        <label key={t}>
          <input
            type="checkbox"
            data-testid={`filter-${t}`}
            checked={filter.types.includes(t)}
            onChange={(e) =>
              onFilter({
                ...filter,
                types: e.target.checked ? [...filter.types, t] : filter.types.filter((x) => x !== t),
              })
            }
          />
          {t}
        </label>
      ))}
    </div>
  );
}

/** The pair's pseudo label, or any. */
function LabelFilter({ filter, onFilter }: { filter: SceneFilter; onFilter: (f: SceneFilter) => void }) {
  return (
    <select
      data-testid="filter-label"
      value={filter.label ?? ''}
      onChange={(e) => onFilter({ ...filter, label: e.target.value === '' ? null : Number(e.target.value) })}
      title="Pseudo label of the interacting pair"
    >
      <option value="">any pseudo label</option>
      {LABEL_NAMES.map((n, k) => (
        <option key={n} value={k}>
          {n}
        </option>
      ))}
    </select>
  );
}

/**
 * The table of scenes: one row per record, damaged records as error rows; with several files open,
 * a heading row names each file above its scenes.
 */
function SceneTable(props: {
  rows: SceneRow[];
  selected: number;
  onSelect: (k: number) => void;
  showFile: boolean;
}) {
  const { rows, selected, onSelect, showFile } = props;
  return (
    <div className="scene-table">
      <table className="scene-list" data-testid="scene-list">
        <thead>
          <tr>
            <th>#</th>
            <th>scenario id</th>
            <th>agents</th>
            <th>pair</th>
          </tr>
        </thead>
        <tbody>
          {rows.flatMap((r, i) => [
            ...(showFile && r.file !== rows[i - 1]?.file
              ? [
                  <tr key={`file-${r.k}`} className="file-row" data-testid="file-heading">
                    <td colSpan={4} title={r.file}>
                      {r.file}
                    </td>
                  </tr>,
                ]
              : []),
            r.summary ? (
              <SceneTableRow
                key={r.k}
                row={r}
                summary={r.summary}
                selected={r.k === selected}
                onSelect={onSelect}
              />
            ) : (
              <tr key={r.k} className="error" data-testid="record-error" data-file={r.file}>
                <td>{r.record}</td>
                <td colSpan={3}>{r.error}</td>
              </tr>
            ),
          ])}
        </tbody>
      </table>
    </div>
  );
}

const PAIR_SOURCE_TITLES = {
  objects_of_interest: 'objects_of_interest',
  tracks_to_predict: 'from tracks_to_predict (the scene names no objects_of_interest)',
  benchmark_rule: '* the real benchmark rule’s first pair: the scene names no pair (docs/real-benchmark.md)',
} as const;

/**
 * A readable record's row: record number, scenario id, agent count and the interacting pair.
 * Memoised: while the list fills, a commit re-renders only the rows it adds (and the selection).
 */
const SceneTableRow = memo(function SceneTableRow(props: {
  row: SceneRow;
  summary: SceneSummary;
  selected: boolean;
  onSelect: (k: number) => void;
}) {
  const { row: r, summary, selected, onSelect } = props;
  return (
    <tr
      data-scene-id={summary.id}
      data-record={r.record}
      data-file={r.file}
      data-label={r.label ?? ''}
      title={r.label != null ? `pseudo label: ${LABEL_NAMES[r.label]}` : 'no interacting pair'}
      className={selected ? 'selected' : ''}
      onClick={() => onSelect(r.k)}
    >
      <td>{r.record}</td>
      <td>{summary.id}</td>
      <td title={formatCounts(summary.tracksByType)}>{summary.tracks}</td>
      <td title={summary.pairSource ? PAIR_SOURCE_TITLES[summary.pairSource] : 'no pair'}>
        {summary.pair
          ? `${summary.pair[0]} & ${summary.pair[1]}${summary.pairSource === 'benchmark_rule' ? '*' : ''}`
          : '–'}
      </td>
    </tr>
  );
});
