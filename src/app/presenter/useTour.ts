// The open tour (tour.ts): opened by URL (`?tour=URL`, read once at start; `&stop=N` after a reload
// keeps the stop without moving the view the URL restores) or picked from disk, and shown stop by
// stop. Showing a stop: its model, forced mode and split view are set, then its scene is opened at
// its step (from the files already open when one of them is the stop's file and lists the scene,
// else the stop's file is opened by URL and the scene opened once it is listed). What goes wrong
// (a stop whose scene is not in its file, a file that fails to open, an unknown model) is the tour's
// `error`, naming the tour file, the stop and the field; the tour stays open and the other stops
// stay usable. The store holds the tour and its stop (store.tour) for the caption and the tests.
import { useCallback, useEffect, useRef, useState } from 'react';
import { isBaseline, isPredictorId } from '../../model/registry';
import type { Store } from '../store';
import { parseUrl, type UrlView } from '../url';
import type { OpenFileState } from '../useScenarioFile';
import { fileNameOf, parseTour, stopFileUrl, TourError, type Tour } from './tour';

export interface TourControls {
  /** Opens a tour file picked from disk, at its first stop. */
  openFile(file: File): Promise<void>;
  /** Previous (-1) or next (+1) stop; false when no tour is open (the key then moves the scene). */
  step(delta: number): boolean;
  close(): void;
  /** Why the last tour could not be opened at all (not JSON, no stops, not fetched); null: none. */
  failure: string | null;
}

/** A stop waiting to be shown: its scene not yet listed (its file opening, or the list filling). */
export interface Want {
  tour: Tour;
  stop: number;
  /** Whether the stop's file was asked for (openUrls), so it is asked for once. */
  requested: boolean;
}

/** What to do for a wanted stop, given the open files now. */
export type WantStep =
  | { kind: 'show'; k: number }
  | { kind: 'wait' }
  | { kind: 'open'; url: string }
  | { kind: 'fail'; error: TourError };

/**
 * The wanted stop's next step: show its scene where an open file of its name lists it; wait while
 * the page's first open starts or the stop's file is still listing; open the stop's file once when
 * no open file is it; fail when the file did not open or is listed whole without the scene.
 */
export function wantStep(want: Want, file: OpenFileState, href: string): WantStep {
  const { tour, stop: k } = want;
  const stop = tour.stops[k]!;
  const url = stopFileUrl(tour, stop, href);
  const name = url ? fileNameOf(url) : null;
  const row = file.rows.find((r) => r.summary?.id === stop.scene && (name === null || r.file === name));
  if (row) return { kind: 'show', k: row.k };
  // the page's first open is still starting: it may be the stop's file
  if (file.openId === 0 && !file.error) return { kind: 'wait' };
  const isOpen = name === null || file.name === name || file.rows.some((r) => r.file === name);
  if (file.loading && isOpen) return { kind: 'wait' }; // listing: the scene may come
  if (want.requested && file.error)
    return {
      kind: 'fail',
      error: new TourError(tour.name, k + 1, 'file', `${url} did not open: ${file.error}`),
    };
  if (!isOpen && url) return want.requested ? { kind: 'wait' } : { kind: 'open', url };
  if (file.loading) return { kind: 'wait' };
  const where = name ?? 'the open files';
  return {
    kind: 'fail',
    error: new TourError(tour.name, k + 1, 'scene', `'${stop.scene}' is not in ${where}`),
  };
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The stop's model, split and forced mode, checked against the registry: an error names the field. */
function stopSettings(tour: Tour, k: number) {
  const stop = tour.stops[k]!;
  const bad = (field: string, reason: string) => new TourError(tour.name, k + 1, field, reason);
  if (!isPredictorId(stop.model)) throw bad('model', `no model '${stop.model}' here`);
  if (stop.split !== null && !isPredictorId(stop.split)) throw bad('split', `no model '${stop.split}' here`);
  if (stop.mode !== null && isBaseline(stop.model))
    throw bad('mode', `model '${stop.model}' has no latent modes to force`);
  return { variant: stop.model, forcedMode: stop.mode, compare: stop.split };
}

/** Sets the stop's model, forced mode and split view (a new split model clears its old prediction). */
function applySettings(store: Store, tour: Tour, k: number) {
  const { variant, forcedMode, compare } = stopSettings(tour, k);
  const s = store.get();
  store.set({
    predict: { ...s.predict, variant, forcedMode, shownMode: null },
    compare,
    ...(compare !== s.compare ? { comparePrediction: null } : {}),
  });
}

export function useTour(
  store: Store,
  file: OpenFileState,
  selectScene: (k: number, restore?: UrlView) => Promise<void>,
  openUrls: (urls: string[]) => Promise<void>,
  initial: UrlView,
): TourControls {
  const want = useRef<Want | null>(null);
  const files = useRef(file);
  const [failure, setFailure] = useState<string | null>(null);

  // the wanted stop's scene: opened once listed; its file opened when no open file is it
  const attempt = useCallback(() => {
    const w = want.current;
    if (!w) return;
    const next = wantStep(w, files.current, location.href);
    if (next.kind === 'wait') return;
    if (next.kind === 'open') {
      w.requested = true;
      void openUrls([next.url]);
      return;
    }
    want.current = null;
    if (next.kind === 'fail')
      return store.set({ tour: { tour: w.tour, stop: w.stop, error: next.error.message } });
    const stop = w.tour.stops[w.stop]!;
    void selectScene(next.k, {
      ...parseUrl(''),
      scene: stop.scene,
      t: stop.step,
      layers: store.get().layers,
    });
  }, [openUrls, selectScene, store]);

  useEffect(() => {
    files.current = file;
    attempt();
  }, [file, attempt]);

  /** Shows stop k: the tour's state and the stop's settings now, its scene once listed. */
  const show = useCallback(
    (tour: Tour, k: number) => {
      store.set({ tour: { tour, stop: k, error: null } });
      try {
        applySettings(store, tour, k);
      } catch (e) {
        want.current = null;
        return store.set({ tour: { tour, stop: k, error: message(e) } });
      }
      want.current = { tour, stop: k, requested: false };
      attempt();
    },
    [store, attempt],
  );

  useTourUrl(initial, store, show, setFailure);

  const openFile = useCallback(
    async (f: File) => {
      try {
        const tour = parseTour(await f.text(), f.name, null);
        setFailure(null);
        show(tour, 0);
      } catch (e) {
        setFailure(message(e));
      }
    },
    [show],
  );

  const step = useCallback(
    (delta: number) => {
      const t = store.get().tour;
      if (!t) return false;
      const k = Math.min(t.tour.stops.length - 1, Math.max(0, t.stop + delta));
      if (k !== t.stop || t.error) show(t.tour, k);
      return true;
    },
    [store, show],
  );

  const close = useCallback(() => {
    want.current = null;
    store.set({ tour: null });
  }, [store]);

  return { openFile, step, close, failure };
}

/** ?tour=URL: fetched once at start; a reload's &stop=N keeps the view the URL restores. */
function useTourUrl(
  initial: UrlView,
  store: Store,
  show: (tour: Tour, k: number) => void,
  setFailure: (m: string) => void,
) {
  useEffect(() => {
    const url = initial.tour;
    if (!url) return;
    let live = true;
    void (async () => {
      try {
        const res = await fetch(url);
        if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`);
        const abs = new URL(url, location.href).href;
        const tour = parseTour(await res.text(), fileNameOf(abs), abs);
        if (!live) return;
        const at = initial.stop !== null && initial.stop < tour.stops.length ? initial.stop : null;
        if (at !== null && initial.scene) store.set({ tour: { tour, stop: at, error: null } });
        else show(tour, at ?? 0);
      } catch (e) {
        if (live) setFailure(e instanceof TourError ? e.message : `tour ${url}: ${message(e)}`);
      }
    })();
    return () => {
      live = false;
    };
  }, [initial, store, show, setFailure]);
}
