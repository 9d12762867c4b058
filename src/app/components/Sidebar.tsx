// The left column: open files or a folder (pickers; dropping is handled by the page), what is
// open and what could not be read (a file by link over the size cap offers "load anyway up to N
// MB"), what the link named that was ignored (notices.ts), the notice for a local file a reloaded
// link showed, and the scene list. Every string from a file or a link is React text, never HTML.
import { useSyncExternalStore } from 'react';
import { commandTitle } from '../commands';
import { hasDirectoryPicker, inputFolderFiles, pickFolder } from '../folder';
import type { UrlSync } from '../hooks/useUrlSync';
import { clearNotices, currentNotices, onNoticesChange } from '../notices';
import type { OpenFileState, SceneRow } from '../useScenarioFile';
import { SceneList, type SceneFilter } from './SceneList';

export function Sidebar(props: {
  file: OpenFileState;
  rows: SceneRow[];
  filter: SceneFilter;
  onFilter: (f: SceneFilter) => void;
  selected: number;
  onSelect: (k: number) => void;
  onOpen: (files: Blob[]) => void;
  onHelp: () => void;
  sceneError: string | null;
  localWanted: UrlSync['localWanted'];
}) {
  const { file: state, localWanted } = props;
  return (
    <aside className="sidebar" aria-label="files and scenes">
      <header>
        <h1>ModeScope</h1>
        <button className="help" onClick={props.onHelp} title={commandTitle('sheet')}>
          ?
        </button>
      </header>
      <OpenButtons onOpen={props.onOpen} />
      <p className="hint">
        or drop files or a folder anywhere: WOMD Scenario or tf.Example .tfrecord, GPUDrive/Nocturne .json
        (plain or .gz)
      </p>
      <UrlNotices />
      {localWanted && (
        <p className="notice" data-testid="local-notice">
          This link showed {localWanted.view.scene ? `scene ${localWanted.view.scene} of ` : ''}
          <b>{localWanted.name}</b>, a file from your disk that the page cannot reopen by itself. Open{' '}
          {localWanted.name} again to return to that view; the demo set is shown meanwhile.
        </p>
      )}
      {state.name && (
        <p data-testid="file-status" className="file-status">
          {state.name}: {state.file ? `${state.file.count} scenes` : 'opening…'}
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
        <p className="error" key={p} data-testid="file-problem">
          {p}
        </p>
      ))}
      {state.retry && (
        <button data-testid="load-anyway" onClick={state.retry.run}>
          load anyway up to {state.retry.mb} MB
        </button>
      )}
      <SceneList
        rows={props.rows}
        total={state.rows.length}
        filter={props.filter}
        onFilter={props.onFilter}
        selected={props.selected}
        onSelect={props.onSelect}
        showFile={(state.file?.files.length ?? 0) > 1}
        filling={state.loading}
      />
    </aside>
  );
}

/** Open files (several at once) and open a folder (the directory picker, else webkitdirectory). */
function OpenButtons({ onOpen }: { onOpen: (files: Blob[]) => void }) {
  return (
    <div className="open-buttons">
      <label className="open">
        Open scenario files
        <input
          type="file"
          multiple
          data-testid="file-input"
          onChange={(e) => {
            onOpen([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
        />
      </label>
      <label
        className="open"
        onClick={(e) => {
          if (!hasDirectoryPicker()) return; // the input below opens the browser's folder dialog
          e.preventDefault();
          void pickFolder().then((files) => files && onOpen(files));
        }}
      >
        Open folder
        <input
          type="file"
          data-testid="folder-input"
          ref={(el) => el?.setAttribute('webkitdirectory', '')}
          onChange={(e) => {
            onOpen(inputFolderFiles(e.target.files ?? new DataTransfer().files));
            e.target.value = '';
          }}
        />
      </label>
    </div>
  );
}

/** What the link named that the page ignored, one line each (notices.ts), until dismissed. */
function UrlNotices() {
  const notices = useSyncExternalStore(onNoticesChange, currentNotices);
  if (notices.length === 0) return null;
  return (
    <div className="notice url-notices" role="status">
      {notices.map((n) => (
        <p key={n} data-testid="url-notice">
          {n}
        </p>
      ))}
      <button onClick={clearNotices}>dismiss</button>
    </div>
  );
}
