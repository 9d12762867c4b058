// The page: wires the store, the open file, the engine, the model controller, the URL and the
// keyboard together (each in its own hook under hooks/), and lays out the panels. No logic here.
// Layout (styles.css): the scene list on the left; the maps (a header row with the titles, then
// the map, or both maps of the split view); the dock with the file run, the predictions and the
// layers, beside the maps on a wide window and below them on a narrow one, never over them; the
// playback bar along the bottom. The deck view is the map area alone, so what the camera fits
// (Engine.autoFit) is on screen and under no panel. Presenter mode (presenter/, `p`) folds every
// panel away and puts a large caption strip under the map; `.` blacks the page (Blackout).
import { memo, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { commandTitle } from './commands';
import type { Engine } from './engine';
import { getPredictor } from '../model/registry';
import { LayerPanel as LayerPanelAlways } from './components/LayerPanel';
import { PlaybackBar as PlaybackBarAlways } from './components/PlaybackBar';
import { filterRows, NO_FILTER, type SceneFilter } from './components/SceneList';
import { ShortcutSheet } from './components/ShortcutSheet';
import { ExportPanel } from './export/ExportPanel';
import { Sidebar } from './components/Sidebar';
import { RunCommand, useCommands } from './hooks/useCommands';
import { useDropFile } from './hooks/useDropFile';
import { useEngine } from './hooks/useEngine';
import { useLocalModels } from './hooks/useLocalModels';
import { useSceneSelection } from './hooks/useSceneSelection';
import { useShare } from './hooks/useShare';
import { useTestHook } from './hooks/useTestHook';
import { applyUrlSettings, useUrlSync } from './hooks/useUrlSync';
import { CompareView as CompareViewAlways } from './predictions/CompareView';
import { PredictionController } from './predictions/controller';
import { FileRun as FileRunAlways } from './predictions/FileRun';
import { ModePanel as ModePanelAlways } from './predictions/ModePanel';
import { useOpenFiles } from './hooks/useOpenFiles';
import { Store } from './store';
import { parseUrl, type UrlView } from './url';
import { useScenarioFile, type OpenFileState } from './useScenarioFile';
import { useStore } from './useStore';
import { Blackout, PresenterCaption, PresenterTools } from './presenter/Presenter';
import { useTour, type TourControls } from './presenter/useTour';

/**
 * The page's parts that do not show the file's rows, memoised: while a file's list fills, rows are
 * committed up to once a frame (useScenarioFile), and each commit re-rendered the whole page (the
 * mode table, the panels, the playback bar), main-thread work in the frames that stage the first
 * scene (npm run bench -- list). These re-render when their own props or store slices change.
 */
const PlaybackBar = memo(PlaybackBarAlways);
const CompareView = memo(CompareViewAlways);
const ModePanel = memo(ModePanelAlways);
const FileRun = memo(FileRunAlways);
const LayerPanel = memo(LayerPanelAlways);

/** The bundled demo set, served next to the page, so the app opens offline with no file. */
export const DEMO_URL = `${import.meta.env.BASE_URL}demo/demo.tfrecord`;

/** The page's classes: a file dragged over it, presenter mode, the high-contrast theme. */
function appClass(dragging: boolean, p: { on: boolean; contrast: boolean }): string {
  return ['app', dragging && 'dragging', p.on && 'presenter', p.contrast && 'contrast']
    .filter(Boolean)
    .join(' ');
}

export function App() {
  // what the URL asked for: the model settings apply at once, the view when its scene is listed
  // (a local file's view waits for that file; the demo opens meanwhile)
  const [initial] = useState(() => parseUrl(location.search));
  const [store] = useState(() => applyUrlSettings(new Store(), initial));
  const pendingRef = useRef<UrlView | null>(initial.local ? null : initial);
  // models-local/ (dev server only) joins the model selects
  useLocalModels(store, initial);
  const { state, openBlobs, openUrls } = useScenarioFile();
  const [filter, setFilter] = useState<SceneFilter>(NO_FILTER);
  const [sheet, setSheet] = useState(false);
  const [exporting, setExport] = useState(false);
  const canvasHost = useRef<HTMLDivElement>(null);
  const tooltip = useRef<HTMLDivElement>(null);
  const rows = useMemo(() => filterRows(state.rows, filter), [state.rows, filter]);
  const engine = useEngine(store, canvasHost, tooltip);
  const scenes = useSceneSelection(store, state, rows, pendingRef);
  const url = useUrlSync(store, initial, pendingRef, scenes.restore);
  const tour = useTour(store, state, scenes.selectScene, openUrls, initial);
  const shared = useShare(url.link);
  const run = useCommands(store, canvasHost, {
    stepScene: scenes.stepScene,
    setSheet,
    setExport,
    tourStep: tour.step,
    share: shared.share,
  });
  const presenter = useStore(store, (s) => s.presenter);
  const sceneIndex = useStore(store, (s) => s.sceneIndex);
  const sceneId = useStore(store, (s) => s.scene?.id ?? null);
  // the split view's engine, for Save PNG (both maps)
  const [compareEngine, setCompareEngine] = useState<Engine | null>(null);

  // the model's predictions follow the store (scene, step, settings) on their own
  const [controller] = useState(() => new PredictionController(store));
  useEffect(() => controller.attach(), [controller]);

  useTestHook(store, engine, state.name, controller);

  // the files named in the URL (else the bundled demo set) open at once; picked or dropped ones here
  const openers = { openBlobs, openUrls, openedLocal: url.openedLocal };
  const openFiles = useOpenFiles(store, initial, openers, DEMO_URL);
  const drop = useDropFile(openFiles);
  // stable, so the scene list's rows re-render only when their own data changes
  const { selectScene } = scenes;
  const onSelect = useCallback((k: number) => void selectScene(k), [selectScene]);

  return (
    <RunCommand.Provider value={run}>
      <div className={appClass(drop.dragging, presenter)} {...drop.handlers}>
        <Sidebar
          file={state}
          rows={rows}
          filter={filter}
          onFilter={setFilter}
          selected={sceneIndex}
          onSelect={onSelect}
          onOpen={openFiles}
          onHelp={() => run('sheet')}
          sceneError={scenes.error}
          localWanted={url.localWanted}
        />
        <main className="viewer">
          <div className="maps">
            <MapHeader
              store={store}
              title={sceneId ?? (state.loading ? 'loading…' : 'no scene')}
              tour={tour}
              shareNote={shared.note}
            />
            <div className="canvas-host" ref={canvasHost} data-testid="viewer" />
            <CompareView store={store} onEngine={setCompareEngine} />
          </div>
          <div className="tooltip" ref={tooltip} data-testid="tooltip" />
          <Dock store={store} file={state} onOpen={scenes.selectScene} />
          <PlaybackBar store={store} engine={engine} compareEngine={compareEngine} />
          {presenter.on && <PresenterCaption store={store} engine={engine} tour={tour} />}
        </main>
        {sheet && <ShortcutSheet onClose={() => setSheet(false)} />}
        {exporting && <ExportPanel {...{ store, engine, compareEngine }} onClose={() => setExport(false)} />}
        <Blackout store={store} />
      </div>
    </RunCommand.Provider>
  );
}

/**
 * The main map's header: the scene, the model it draws in the split view, the open tour and
 * presenter mode (presenter/), the pair fit (z) and share (s: copies a link to this view;
 * `shareNote` says what it did).
 */
const MapHeader = memo(function MapHeader(props: {
  store: Store;
  title: string;
  tour: TourControls;
  shareNote: string | null;
}) {
  const { store, title, tour, shareNote } = props;
  const run = useContext(RunCommand);
  const compare = useStore(store, (s) => s.compare);
  const variant = useStore(store, (s) => s.predict.variant);
  const none = useStore(store, (s) => s.scene === null);
  return (
    <header className="map-header">
      <span className="scene-title" data-testid="scene-title">
        {title}
      </span>
      {compare !== null && <span className="pane-model">{getPredictor(variant).title}</span>}
      <PresenterTools store={store} tour={tour} />
      <button
        className="fit-pair"
        data-testid="fit-pair"
        disabled={none}
        onClick={() => run('fitPair')}
        title={commandTitle('fitPair')}
      >
        fit pair
      </button>
      <button data-testid="share" disabled={none} onClick={() => run('share')} title={commandTitle('share')}>
        share
      </button>
      <span className="share-note" data-testid="share-note" role="status">
        {shareNote}
      </span>
    </header>
  );
});

/**
 * The dock's panels, in order: the file run (one button until opened), the predictions, the layers.
 * It re-renders with every rows commit; only the predictions panel's submission lines read the rows
 * (the open scenes' ids), the rest skip it.
 */
function Dock(props: { store: Store; file: OpenFileState; onOpen: (k: number) => Promise<void> | void }) {
  const { store, file, onOpen } = props;
  // the open scenes' ids, for the submissions' "predictions for N of M open scenes"
  const sceneIds = useMemo(() => file.rows.flatMap((r) => (r.summary ? [r.summary.id] : [])), [file.rows]);
  const open = useCallback((k: number) => void onOpen(k), [onOpen]);
  return (
    <aside className="dock" data-testid="dock" aria-label="panels">
      <FileRun key={file.openId} store={store} file={file.file} fileName={file.name} onOpen={open} />
      <ModePanel store={store} sceneIds={sceneIds} />
      <LayerPanel store={store} />
    </aside>
  );
}
