import { useCallback, useState, type DragEvent } from 'react';
import { formatCounts } from '../scene/summary';
import { useScenarioFile } from './useScenarioFile';

export function App() {
  const { state, openBlob } = useScenarioFile();
  const [dragging, setDragging] = useState(false);

  const onDrop = useCallback(
    (e: DragEvent) => {
      e.preventDefault();
      setDragging(false);
      const f = e.dataTransfer.files[0];
      if (f) void openBlob(f);
    },
    [openBlob],
  );

  return (
    <div
      className={`app ${dragging ? 'dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <header>
        <h1>ModeScope</h1>
        <label className="open">
          Open scenario file
          <input
            type="file"
            data-testid="file-input"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void openBlob(f);
            }}
          />
        </label>
        <span className="hint">or drop a WOMD .tfrecord file anywhere</span>
      </header>
      <main>
        {state.name && (
          <p data-testid="file-status">
            {state.name}: {state.file ? `${state.file.count} records` : 'opening…'}
            {state.loading ? ' (reading…)' : ''}
          </p>
        )}
        {state.error && <p className="error">{state.error}</p>}
        {state.problems.map((p) => (
          <p className="error" key={p}>
            {p}
          </p>
        ))}
        <table className="scene-list" data-testid="scene-list">
          <thead>
            <tr>
              <th>#</th>
              <th>scenario id</th>
              <th>agents</th>
              <th>interacting pair</th>
            </tr>
          </thead>
          <tbody>
            {state.rows.map((r) =>
              r.summary ? (
                <tr key={r.k} data-scene-id={r.summary.id}>
                  <td>{r.k}</td>
                  <td>{r.summary.id}</td>
                  <td>
                    {r.summary.tracks} ({formatCounts(r.summary.tracksByType)})
                  </td>
                  <td>
                    {r.summary.pair ? `${r.summary.pair[0]} & ${r.summary.pair[1]}` : 'none'}
                    {r.summary.pairSource === 'tracks_to_predict' ? ' (from tracks_to_predict)' : ''}
                  </td>
                </tr>
              ) : (
                <tr key={r.k} className="error">
                  <td>{r.k}</td>
                  <td colSpan={3}>{r.error}</td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </main>
    </div>
  );
}
