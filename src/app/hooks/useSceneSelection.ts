// Which scene of the open file is shown: a new file clears the view, then the scene a URL view
// asked for (once it is listed) or else the first readable scene is opened, once per file; a scene
// is opened by record position (SceneSet.scene), and a record that fails to read says why. What a
// URL view names that the files lack (a scene id, an agent's track id, a pair, a step past the
// end) is ignored with a notice (notices.ts) naming the parameter and its value.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { addNotice, ignoredLine } from '../notices';
import type { Store } from '../store';
import type { UrlView } from '../url';
import type { OpenFileState, SceneRow } from '../useScenarioFile';

export interface SceneSelection {
  /** Opens the scene at index position k, restoring a URL view's time, selection, pair, camera. */
  selectScene(k: number, restore?: UrlView): Promise<void>;
  /** Previous (-1) or next (+1) scene of `rows` (the list as filtered). */
  stepScene(delta: number): void;
  /** Opens the scene a URL view names, if the open file lists it (Back and Forward). */
  restore(view: UrlView): void;
  /** Why the last scene asked for could not open (for this file only). */
  error: string | null;
}

/**
 * Previous (-1) or next (+1) scene of `rows`, counted from the scene asked for last (`asked`: it is
 * the one shown once its decode lands), not the one shown: three quick presses of `]` go three
 * scenes on, as slow ones would.
 */
function useStepScene(
  rows: SceneRow[],
  asked: RefObject<number>,
  selectScene: (k: number) => Promise<void>,
): (d: number) => void {
  return useCallback(
    (d: number) => {
      if (rows.length === 0) return;
      const i = rows.findIndex((r) => r.k === asked.current);
      const next = rows[(i + d + rows.length) % rows.length];
      if (next?.summary) void selectScene(next.k);
    },
    [rows, selectScene, asked],
  );
}

export function useSceneSelection(
  store: Store,
  file: OpenFileState,
  rows: SceneRow[],
  /** A URL view waiting for its scene to be listed; consumed when it is. */
  pendingRef: RefObject<UrlView | null>,
): SceneSelection {
  const gen = useRef(0);
  const asked = useRef(-1);
  const [error, setError] = useState<{ openId: number; message: string } | null>(null);

  const selectScene = useCallback(
    async (k: number, restore?: UrlView) => {
      if (!file.file) return;
      const g = ++gen.current;
      asked.current = k;
      let scene;
      try {
        scene = await file.file.scene(k);
      } catch (e) {
        // a record that lists but fails to read now (changed on disk, a stale row); `]` steps past it
        if (g === gen.current)
          setError({ openId: file.openId, message: e instanceof Error ? e.message : String(e) });
        return;
      }
      if (g !== gen.current) return;
      setError(null);
      const sel = restore?.sel != null ? scene.tracks.ids.indexOf(restore.sel) : -1;
      const pair = restore?.pair?.map((id) => scene.tracks.ids.indexOf(id));
      const last = scene.timestamps.length - 1;
      if (restore) noticeMissing(restore, scene.id, sel, pair, last);
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
    [file.file, file.openId, store],
  );

  // a new file: nothing is shown from it yet
  const opened = useRef(false);
  useEffect(() => {
    opened.current = false;
    asked.current = -1;
    store.set({ scene: null, sceneIndex: -1, playing: false, prediction: null, comparePrediction: null });
  }, [file.file, store]);

  // the scene the URL names once it is listed, else the first readable scene (once per file: the
  // decode is async, so later row updates must not queue a second choice)
  useEffect(() => {
    if (!file.file || opened.current) return;
    const want = pendingRef.current?.scene;
    const hit = want ? file.rows.find((r) => r.summary?.id === want) : undefined;
    const first = hit ?? (!want || !file.loading ? file.rows.find((r) => r.summary) : undefined);
    if (!first) return;
    const restore = hit ? pendingRef.current! : noticeUnlisted(want);
    pendingRef.current = null;
    opened.current = true;
    void selectScene(first.k, restore);
  }, [file.rows, file.loading, file.file, selectScene, pendingRef]);

  const stepScene = useStepScene(rows, asked, selectScene);

  const restore = useCallback(
    (v: UrlView) => {
      const hit = v.scene ? file.rows.find((r) => r.summary?.id === v.scene) : undefined;
      if (hit) void selectScene(hit.k, v);
    },
    [file.rows, selectScene],
  );

  return {
    selectScene,
    stepScene,
    restore,
    error: error?.openId === file.openId ? error.message : null,
  };
}

/** The notice for a URL's scene the open files lack (none asked: none); no view to restore. */
function noticeUnlisted(want: string | null | undefined): undefined {
  if (want) addNotice(ignoredLine('scene', want, 'no scene of that id in the open files'));
  return undefined;
}

/** Notices for what a URL view names that scene `id` lacks (see the header). */
function noticeMissing(v: UrlView, id: string, sel: number, pair: number[] | undefined, last: number): void {
  if (v.sel != null && sel < 0)
    addNotice(ignoredLine('sel', String(v.sel), `no agent of that track id in scene ${id}`));
  if (v.pair && pair && (pair[0]! < 0 || pair[1]! < 0 || pair[0] === pair[1]))
    addNotice(ignoredLine('pair', v.pair.join(','), `not two different agents of scene ${id}`));
  if (v.t != null && v.t > last)
    addNotice(
      ignoredLine('t', String(v.t), `past the last step of scene ${id} (${last}): showing that step`),
    );
}
