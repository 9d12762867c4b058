// The scene list: search by id, filters, and one row per record (damaged records name their error);
// a long list renders only the rows in view (WINDOW_FROM).
import { memo, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { LABEL_NAMES } from '../../labels';
import { pressable } from '../commands';
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
  /** The list is still filling (the file's rows arriving): it renders only the rows in view. */
  filling?: boolean;
}) {
  const { rows, filter, onFilter, selected, onSelect, total } = props;
  return (
    <section className="scenes">
      <SceneFilters filter={filter} onFilter={onFilter} shown={rows.length} total={total} />
      <SceneTable
        rows={rows}
        selected={selected}
        onSelect={onSelect}
        showFile={!!props.showFile}
        filling={!!props.filling}
      />
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
        aria-label="search scene id"
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
      aria-label="pseudo label of the interacting pair"
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
 * Lists with more entries than this render only the rows in view (and OVERSCAN on each side):
 * rendering 500 rows at once is a long task (92 ms on the 2-core test machines under load, npm
 * run bench -- list), and the layout of a table that grows every frame was a large part of what
 * the page spent while a list filled (a table is laid out again whole when a row is added), so a
 * list goes windowed at 80 entries (200 before), and any list while it fills (useWindow). Below it
 * every row of a filled list is in the DOM, as tests and find-in-page expect of a short list (the
 * demo set's 42 scenes). Hand-written: the list is a table whose rows
 * have a few heights (a pair that wraps, an error message, a file heading), which the windowing
 * libraries' fixed-size or absolutely positioned rows do not fit without rebuilding the component.
 */
export const WINDOW_FROM = 80;
/** Rows rendered beyond each edge of the view: a fast scroll shows rows, not blank space. */
const OVERSCAN = 15;
/** Row height guessed before any is measured, px (a row whose pair wraps onto two lines). */
const ROW_GUESS_PX = 40;

type Entry = { kind: 'file'; row: SceneRow } | { kind: 'row'; row: SceneRow };

/** The table's entries in order: a heading above each file's first scene (several files open). */
function entries(rows: SceneRow[], showFile: boolean): Entry[] {
  const out: Entry[] = [];
  rows.forEach((r, i) => {
    if (showFile && r.file !== rows[i - 1]?.file) out.push({ kind: 'file', row: r });
    out.push({ kind: 'row', row: r });
  });
  return out;
}

/** The range of entries to render: all of a short list, else those in view (by the mean row height). */
function useWindow(count: number, filling: boolean) {
  const box = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 800 });
  const [rowPx, setRowPx] = useState(ROW_GUESS_PX);
  // a list still filling is windowed whatever its length: a table is laid out again whole when a
  // row is added, so each commit of rows laid out every row already in it (494 of the page's 716
  // layout objects in one traced commit, 816 of 1038 in another: 18-84 ms with one core busy, npm run
  // bench -- list); windowed, rows added below the view change a stand-in's height only. A short
  // list renders whole once it has filled.
  const windowed = count > WINDOW_FROM || (filling && count > 0);
  const first = windowed ? Math.max(0, Math.floor(view.top / rowPx) - OVERSCAN) : 0;
  const end = windowed ? Math.min(count, Math.ceil((view.top + view.height) / rowPx) + OVERSCAN) : count;
  // The view's height and the mean height of the rows rendered (the spacers' unit, so the scroll
  // bar fits the list), read when the browser has laid them out anyway (a ResizeObserver on the
  // view and the table body): reading them in a layout effect forced a synchronous layout of the
  // whole page inside React's commit, 20-25 ms of a 30-40 ms task as the list filled (npm run bench
  // -- list, profiled).
  useLayoutEffect(() => {
    const el = box.current;
    const body = el?.querySelector('tbody');
    if (!windowed || !el || !body) return;
    const measure = () => {
      setView((v) =>
        v.top === el.scrollTop && v.height === el.clientHeight
          ? v
          : { top: el.scrollTop, height: el.clientHeight },
      );
      const shown = [...body.children].filter((c) => !c.classList.contains('spacer'));
      if (shown.length === 0) return;
      const mean = shown.reduce((n, c) => n + c.getBoundingClientRect().height, 0) / shown.length;
      if (mean > 0) setRowPx((px) => (Math.abs(mean - px) > 0.5 ? mean : px));
    };
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    ro.observe(body);
    return () => ro.disconnect();
  }, [windowed]);
  const onScroll = () => {
    const el = box.current;
    if (el && windowed) setView({ top: el.scrollTop, height: el.clientHeight });
  };
  return { box, first, end, rowPx, onScroll };
}

/**
 * The table of scenes: one row per record, damaged records as error rows; with several files open,
 * a heading row names each file above its scenes. A long list renders the rows in view (WINDOW_FROM).
 */
function SceneTable(props: {
  rows: SceneRow[];
  selected: number;
  onSelect: (k: number) => void;
  showFile: boolean;
  filling: boolean;
}) {
  const { rows, selected, onSelect, showFile, filling } = props;
  const all = useMemo(() => entries(rows, showFile), [rows, showFile]);
  const { box, first, end, rowPx, onScroll } = useWindow(all.length, filling);
  const spacer = (n: number, key: string) =>
    n > 0 && (
      <tr key={key} className="spacer" aria-hidden>
        <td colSpan={4} style={{ height: n * rowPx }} />
      </tr>
    );
  return (
    // focusable, so the list scrolls from the keyboard too (its rows are in the Tab order as well)
    <div className="scene-table" ref={box} onScroll={onScroll} tabIndex={0} role="region" aria-label="scenes">
      <table
        className="scene-list"
        data-testid="scene-list"
        data-first={first}
        data-end={end}
        data-count={all.length}
      >
        <thead>
          <tr>
            <th>#</th>
            <th>scenario id</th>
            <th>agents</th>
            <th>pair</th>
          </tr>
        </thead>
        <tbody>
          {spacer(first, 'above')}
          {all.slice(first, end).map(({ kind, row: r }) =>
            kind === 'file' ? (
              <tr key={`file-${r.k}`} className="file-row" data-testid="file-heading">
                <td colSpan={4} title={r.file}>
                  {r.file}
                </td>
              </tr>
            ) : r.summary ? (
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
          )}
        </tbody>
      </table>
      {/* the rows below the view stand in outside the table: rows added at the end of a long list
          (as it fills) then change this block's height only, and the browser lays out the table
          again only when the rows in view change (a spacer row in the table made every commit
          lay out the whole table, most of the page's layout objects: a trace of npm run bench --
          list showed 494 of 716 dirty per commit, 18-84 ms with one core busy) */}
      {windowedBelow(all.length - end, rowPx)}
    </div>
  );
}

/** The stand-in for the rows below the windowed list's view, or nothing. */
function windowedBelow(n: number, rowPx: number) {
  return (
    n > 0 && (
      <div className="spacer-below" data-testid="rows-below" aria-hidden style={{ height: n * rowPx }} />
    )
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
      aria-selected={selected}
      {...pressable(() => onSelect(r.k))}
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
