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
import { choosePair, SPEEDS, Store } from './store';
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
  const [store] = useState(() => new Store());
  const { state, openBlob, openUrl } = useScenarioFile();
  const [engine, setEngine] = useState<Engine | null>(null);
  const [dragging, setDragging] = useState(false);
  const [filter, setFilter] = useState<SceneFilter>(NO_FILTER);
  const [sheet, setSheet] = useState(false);
  const canvasHost = useRef<HTMLDivElement>(null);
  const tooltip = useRef<HTMLDivElement>(null);
  // what the URL asked for; consumed when its scene is listed
  const [initial] = useState(() => parseUrl(location.search));
  const pending = useRef<UrlView | null>(initial);
  const fileParam = useRef<string | null>(initial.file);
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
      const scene = await state.file.scene(k);
      if (gen !== selectGen.current) return;
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
    [state.file, store],
  );

  // a new file: nothing is shown from it yet
  const opened = useRef(false);
  useEffect(() => {
    opened.current = false;
    store.set({ scene: null, sceneIndex: -1, playing: false });
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
      });
      history.replaceState(null, '', `${location.pathname}?${url}`);
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
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement;
      if (t.tagName === 'INPUT' && (t as HTMLInputElement).type === 'search') return;
      if (t.tagName === 'SELECT' || e.ctrlKey || e.metaKey || e.altKey) return;
      const s = store.get();
      const last = store.lastStep();
      const stepTo = (v: number) => store.set({ playing: false, time: Math.min(last, Math.max(0, v)) });
      const speedAt = SPEEDS.indexOf(s.speed as (typeof SPEEDS)[number]);
      const cam = s.camera;
      const handled = () => e.preventDefault();
      switch (e.key) {
        case ' ':
          store.set({ playing: !s.playing });
          return handled();
        case 'ArrowLeft':
          stepTo(Math.round(s.time) - (e.shiftKey ? 10 : 1));
          return handled();
        case 'ArrowRight':
          stepTo(Math.round(s.time) + (e.shiftKey ? 10 : 1));
          return handled();
        case 'Home':
          stepTo(0);
          return handled();
        case 'End':
          stepTo(last);
          return handled();
        case '[':
          stepScene(-1);
          return handled();
        case ']':
          stepScene(1);
          return handled();
        case 'f':
          store.set({ follow: !s.follow && s.selected >= 0 });
          return handled();
        case 'a':
        case 'b':
          if (s.selected >= 0) store.set({ pair: choosePair(s, e.key === 'a' ? 0 : 1, s.selected) });
          return handled();
        case 'g':
          store.set({ layers: { ...s.layers, future: !s.layers.future } });
          return handled();
        case 'l':
          store.set({ loop: !s.loop });
          return handled();
        case '-':
          store.set({ speed: SPEEDS[Math.max(0, speedAt - 1)]! });
          return handled();
        case '+':
        case '=':
          store.set({ speed: SPEEDS[Math.min(SPEEDS.length - 1, speedAt + 1)]! });
          return handled();
        case 'q':
        case 'e':
          if (cam) store.set({ camera: { ...cam, rotation: cam.rotation + (e.key === 'q' ? 15 : -15) } });
          return handled();
        case '0':
          if (s.scene && canvasHost.current)
            store.set({
              follow: false,
              camera: fitCamera(
                s.scene,
                canvasHost.current.clientWidth,
                canvasHost.current.clientHeight,
                cam?.rotation,
              ),
            });
          return handled();
        case '?':
          setSheet((v) => !v);
          return handled();
        case 'Escape':
          setSheet(false);
          store.set({ selected: -1, follow: false });
          return handled();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, stepScene]);

  const openFile = useCallback(
    (f: Blob) => {
      fileParam.current = null;
      pending.current = null;
      void openBlob(f);
    },
    [openBlob],
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
        {state.name && (
          <p data-testid="file-status" className="file-status">
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
        <FileRun store={store} file={state.file} fileName={state.name} onOpen={(k) => void selectScene(k)} />
        <CompareView store={store} />
        <PlaybackBar store={store} engine={engine} />
      </main>
      {sheet && <ShortcutSheet onClose={() => setSheet(false)} />}
    </div>
  );
}
