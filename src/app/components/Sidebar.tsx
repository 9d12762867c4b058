// The left column: open a file (picker; dropping is handled by the page), what is open and what
// could not be read, the notice for a local file a reloaded link showed, and the scene list.
import { commandTitle } from '../commands';
import type { UrlSync } from '../hooks/useUrlSync';
import type { OpenFileState, SceneRow } from '../useScenarioFile';
import { SceneList, type SceneFilter } from './SceneList';

export function Sidebar(props: {
  file: OpenFileState;
  rows: SceneRow[];
  filter: SceneFilter;
  onFilter: (f: SceneFilter) => void;
  selected: number;
  onSelect: (k: number) => void;
  onOpen: (f: Blob) => void;
  onHelp: () => void;
  sceneError: string | null;
  localWanted: UrlSync['localWanted'];
}) {
  const { file: state, localWanted } = props;
  return (
    <aside className="sidebar">
      <header>
        <h1>ModeScope</h1>
        <button className="help" onClick={props.onHelp} title={commandTitle('sheet')}>
          ?
        </button>
      </header>
      <label className="open">
        Open scenario file
        <input
          type="file"
          data-testid="file-input"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) props.onOpen(f);
          }}
        />
      </label>
      <p className="hint">or drop a WOMD .tfrecord file anywhere</p>
      {localWanted && (
        <p className="notice" data-testid="local-notice">
          This link showed {localWanted.view.scene ? `scene ${localWanted.view.scene} of ` : ''}
          <b>{localWanted.name}</b>, a file from your disk that the page cannot reopen by itself. Open{' '}
          {localWanted.name} again to return to that view; the demo set is shown meanwhile.
        </p>
      )}
      {state.name && (
        <p data-testid="file-status" className="file-status">
          {state.name}: {state.file ? `${state.file.count} records` : 'opening…'}
          {state.loading ? ' (reading…)' : ''}
        </p>
      )}
      {state.error && <p className="error">{state.error}</p>}
      {props.sceneError && (
        <p className="error" data-testid="scene-error">
          {props.sceneError}
        </p>
      )}
      {state.problems.map((p) => (
        <p className="error" key={p}>
          {p}
        </p>
      ))}
      <SceneList
        rows={props.rows}
        total={state.rows.length}
        filter={props.filter}
        onFilter={props.onFilter}
        selected={props.selected}
        onSelect={props.onSelect}
      />
    </aside>
  );
}
