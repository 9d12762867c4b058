import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { poseAt } from '../scene/interpolate';
import { LayerPanel } from './components/LayerPanel';
import { PredictionController } from './predictions/controller';
import { CompareView } from './predictions/CompareView';
import { FileRun } from './predictions/FileRun';
import { ModePanel } from './predictions/ModePanel';
import { PlaybackBar } from './components/PlaybackBar';
import { filterRows, NO_FILTER, SceneList, type SceneFilter } from './components/SceneList';
import { ShortcutSheet } from './components/ShortcutSheet';
import { Engine, fitCamera, type HoverDetails } from './engine';
import { commandFor, type CommandContext } from './commands';
import { choosePair, SPEEDS, stepAt, Store } from './store';
import { formatUrl, parseUrl, type UrlView } from './url';
import { useScenarioFile } from './useScenarioFile';
import { useStore } from './useStore';

/** The bundled demo set, served next to the page, so the app opens offline with no file. */
export const DEMO_URL = `${import.meta.env.BASE_URL}demo/demo.tfrecord`;

declare global {
  interface Window {
    /** Test and bench hook: the live store and engine. */
    __modescope?: {
      store: Store;
      engine: Engine;
      poseAt: typeof poseAt;
      fileName: string | null;
      /** The bench's rebuild-every-frame baseline, in its own chunk. */
      loadNaive: () => Promise<typeof import('./layers/naive')>;
    };
  }
}

export function App() {
  // what the URL asked for: the model settings apply at once, the view when its scene is listed
  const [initial] = useState(() => parseUrl(location.search));
  const [store] = useState(() => {
    const st = new Store();
    st.set({
      predict: { ...st.get().predict, ...initial.predict },
      compare: initial.compare,
      speed: initial.speed,
    });
    return st;
  });
  const { state, openBlob, openUrl } = useScenarioFile();
  const [engine, setEngine] = useState<Engine | null>(null);
  const [dragging, setDragging] = useState(false);
  const [filter, setFilter] = useState<SceneFilter>(NO_FILTER);
  const [sheet, setSheet] = useState(false);
  // a scene that failed to open, for the file it belongs to (another file's error is not shown)
  const [sceneError, setSceneError] = useState<{ openId: number; message: string } | null>(null);
  const canvasHost = useRef<HTMLDivElement>(null);
  const tooltip = useRef<HTMLDivElement>(null);
  // a view of a local file waits for the user to open that file again; the demo opens meanwhile
  const pending = useRef<UrlView | null>(initial.local ? null : initial);
  const [localWanted, setLocalWanted] = useState<{ name: string; view: UrlView } | null>(() =>
    initial.local ? { name: initial.local, view: initial } : null,
  );
  const fileParam = useRef<string | null>(initial.file);
  /** Name of the file the user opened from disk (null: a URL or the demo). */
  const localName = useRef<string | null>(null);
  const selectGen = useRef(0);
  const sceneIndex = useStore(store, (s) => s.sceneIndex);
  const sceneId = useStore(store, (s) => s.scene?.id ?? null);

  const rows = useMemo(() => filterRows(state.rows, filter), [state.rows, filter]);

  useEffect(() => {
    const e = new Engine(canvasHost.current!, store, {
      onHover: (h: HoverDetails | null) => {
        const el = tooltip.current!;
        if (!h) {
          el.style.display = 'none';
          return;
        }
        el.style.display = 'block';
        el.style.left = `${h.x + 16}px`;
        el.style.top = `${h.y + 16}px`;
        el.textContent = h.lines.join('\n');
      },
    });
    setEngine(e);
    return () => {
      e.finalize();
      setEngine(null);
    };
  }, [store]);

  // the model's predictions follow the store (scene, step, settings) on their own
  const [controller] = useState(() => new PredictionController(store));
  useEffect(() => controller.attach(), [controller]);

  useEffect(() => {
    if (engine)
      window.__modescope = {
        store,
        engine,
        poseAt,
        fileName: state.name,
        loadNaive: () => import('./layers/naive'),
      };
  }, [engine, store, state.name]);

  // open the file named in the URL, else the bundled demo set
  useEffect(() => {
    void openUrl(fileParam.current ?? DEMO_URL);
  }, [openUrl]);

  const selectScene = useCallback(
    async (k: number, restore?: UrlView) => {
      if (!state.file) return;
      const gen = ++selectGen.current;
      let scene;
      try {
        scene = await state.file.scene(k);
      } catch (e) {
        // a record that lists but fails to read now (the file changed on disk, a stale row)
        if (gen === selectGen.current)
          setSceneError({ openId: state.openId, message: e instanceof Error ? e.message : String(e) });
        return;
      }
      if (gen !== selectGen.current) return;
      setSceneError(null);
      const sel = restore?.sel != null ? scene.tracks.ids.indexOf(restore.sel) : -1;
      const pair = restore?.pair?.map((id) => scene.tracks.ids.indexOf(id));
      const last = scene.timestamps.length - 1;
      store.set({
        scene,
        sceneIndex: k,
        time: restore?.t != null ? Math.min(last, Math.max(0, restore.t)) : scene.currentIndex,
        playing: false,
        selected: sel,
        hovered: -1,
        follow: sel >= 0 && !!restore?.follow,
        pair: pair && pair[0]! >= 0 && pair[1]! >= 0 && pair[0] !== pair[1] ? [pair[0]!, pair[1]!] : null,
        camera: restore?.camera ?? null,
        ...(restore ? { layers: restore.layers } : {}),
      });
    },
    [state.file, state.openId, store],
  );

  // a new file: nothing is shown from it yet
  const opened = useRef(false);
  useEffect(() => {
    opened.current = false;
    store.set({ scene: null, sceneIndex: -1, playing: false, prediction: null, comparePrediction: null });
  }, [state.file, store]);

  // show the scene the URL names once it is listed, else the first readable scene (once per file:
  // the decode is async, so later row updates must not queue a second choice)
  useEffect(() => {
    if (!state.file || opened.current) return;
    const want = pending.current?.scene;
    const hit = want ? state.rows.find((r) => r.summary?.id === want) : undefined;
    if (hit) {
      const restore = pending.current!;
      pending.current = null;
      opened.current = true;
      void selectScene(hit.k, restore);
    } else if (!want || !state.loading) {
      const first = state.rows.find((r) => r.summary);
      if (first) {
        pending.current = null;
        opened.current = true;
        void selectScene(first.k);
      }
    }
  }, [state.rows, state.loading, state.file, selectScene, store]);

  // the view in the URL, written when it settles (never per frame)
  useEffect(() => {
    let timer = 0;
    const write = () => {
      const s = store.get();
      if (!s.scene) return;
      const url = formatUrl({
        file: fileParam.current,
        scene: s.scene.id,
        t: s.time,
        sel: s.selected >= 0 ? s.scene.tracks.ids[s.selected]! : null,
        follow: s.follow,
        pair: s.pair ? [s.scene.tracks.ids[s.pair[0]]!, s.scene.tracks.ids[s.pair[1]]!] : null,
        layers: s.layers,
        camera: s.camera,
        local: localName.current,
        predict: s.predict,
        compare: s.compare,
        speed: s.speed,
      });
      // another scene is a new history entry (Back returns to the last one); anything else
      // updates the entry in place
      const shown = new URLSearchParams(location.search).get('scene');
      if (shown !== null && shown !== s.scene.id) history.pushState(null, '', `${location.pathname}?${url}`);
      else history.replaceState(null, '', `${location.pathname}?${url}`);
    };
    const unsub = store.subscribe(() => {
      clearTimeout(timer);
      timer = window.setTimeout(write, 250);
    });
    return () => {
      clearTimeout(timer);
      unsub();
    };
  }, [store]);

  // Back and Forward: the entry's scene and view, from the open file
  useEffect(() => {
    const onPop = () => {
      const v = parseUrl(location.search);
      store.set({ predict: { ...store.get().predict, ...v.predict }, compare: v.compare, speed: v.speed });
      const hit = v.scene ? state.rows.find((r) => r.summary?.id === v.scene) : undefined;
      if (hit) void selectScene(hit.k, v);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [state.rows, selectScene, store]);

  const stepScene = useCallback(
    (d: number) => {
      if (rows.length === 0) return;
      const i = rows.findIndex((r) => r.k === store.get().sceneIndex);
      const next = rows[(i + d + rows.length) % rows.length];
      if (next?.summary) void selectScene(next.k);
    },
    [rows, selectScene, store],
  );

  useEffect(() => {
    const ctx: CommandContext = {
      // time commands need a scene: with none open there is no time to move
      togglePlay: () => store.get().scene && store.set({ playing: !store.get().playing }),
      step: (d) =>
        store.get().scene &&
        store.set({
          playing: false,
          time: Math.min(store.lastStep(), Math.max(0, stepAt(store.get().time) + d)),
        }),
      first: () => store.get().scene && store.set({ playing: false, time: 0 }),
      last: () => store.get().scene && store.set({ playing: false, time: store.lastStep() }),
      scene: stepScene,
      toggleFollow: () => {
        const s = store.get();
        store.set({ follow: !s.follow && s.selected >= 0 });
      },
      makePair: (role) => {
        const s = store.get();
        if (s.selected >= 0) store.set({ pair: choosePair(s, role, s.selected) });
      },
      toggleFuture: () => {
        const s = store.get();
        store.set({ layers: { ...s.layers, future: !s.layers.future } });
      },
      toggleLoop: () => store.set({ loop: !store.get().loop }),
      speed: (d) => {
        const at = SPEEDS.indexOf(store.get().speed as (typeof SPEEDS)[number]);
        store.set({ speed: SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, at + d))]! });
      },
      rotate: (deg) => {
        const cam = store.get().camera;
        if (cam) store.set({ camera: { ...cam, rotation: cam.rotation + deg } });
      },
      fit: () => {
        const s = store.get();
        if (s.scene && canvasHost.current)
          store.set({
            follow: false,
            camera: fitCamera(
              s.scene,
              canvasHost.current.clientWidth,
              canvasHost.current.clientHeight,
              s.camera?.rotation,
            ),
          });
      },
      toggleSheet: () => setSheet((v) => !v),
      escape: () => {
        setSheet(false);
        store.set({ selected: -1, follow: false });
      },
    };
    const onKey = (e: KeyboardEvent) => {
      const cmd = commandFor(e);
      if (!cmd) return;
      e.preventDefault();
      cmd.run(ctx);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, stepScene]);

  const openFile = useCallback(
    (f: Blob) => {
      fileParam.current = null;
      localName.current = f instanceof File ? f.name : null;
      // the file a reloaded link showed: restore its view
      const again = localWanted && localName.current === localWanted.name ? localWanted.view : null;
      pending.current = again;
      if (again) setLocalWanted(null);
      void openBlob(f);
    },
    [openBlob, localWanted],
  );

  const onDrop = useCallback(
    (e: DragEvent) => {
      e.preventDefault();
      setDragging(false);
      const f = e.dataTransfer.files[0];
      if (f) openFile(f);
    },
    [openFile],
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
      <aside className="sidebar">
        <header>
          <h1>ModeScope</h1>
          <button className="help" onClick={() => setSheet(true)} title="Keyboard shortcuts (?)">
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
              if (f) openFile(f);
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
        {sceneError?.openId === state.openId && (
          <p className="error" data-testid="scene-error">
            {sceneError.message}
          </p>
        )}
        {state.problems.map((p) => (
          <p className="error" key={p}>
            {p}
          </p>
        ))}
        <SceneList
          rows={rows}
          total={state.rows.length}
          filter={filter}
          onFilter={setFilter}
          selected={sceneIndex}
          onSelect={(k) => void selectScene(k)}
        />
      </aside>
      <main className="viewer">
        <div className="scene-title" data-testid="scene-title">
          {sceneId ?? (state.loading ? 'loading…' : 'no scene')}
        </div>
        <div className="canvas-host" ref={canvasHost} data-testid="viewer" />
        <div className="tooltip" ref={tooltip} data-testid="tooltip" />
        <LayerPanel store={store} />
        <ModePanel store={store} />
        <FileRun
          key={state.openId}
          store={store}
          file={state.file}
          fileName={state.name}
          onOpen={(k) => void selectScene(k)}
        />
        <CompareView store={store} />
        <PlaybackBar store={store} engine={engine} />
      </main>
      {sheet && <ShortcutSheet onClose={() => setSheet(false)} />}
    </div>
  );
}
