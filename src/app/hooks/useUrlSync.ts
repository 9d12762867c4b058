// The view in the URL (url.ts formats and parses it): written when the view settles (never per
// frame), a new history entry when the scene changes (Back returns to the last scene), read back
// on Back and Forward. Remembers where the open files came from: URLs (`file=`, repeated) reopen on
// load; local files cannot (browsers give pages no path), so its name is kept (`local=`) and, after a
// reload, the view waits for the user to open that file again.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { Store } from '../store';
import { formatUrl, parseUrl, type UrlView } from '../url';

/** How long the view must rest before the URL is written, ms: a drag or a scrub writes once. */
const SETTLE_MS = 250;

export interface UrlSync {
  /** The local file a reloaded link showed, until the user opens it again. */
  localWanted: { name: string; view: UrlView } | null;
  /**
   * Call when the user opens local files: restores the view a reloaded link had for them. Several
   * files are remembered by the first one's name and their number ("a.json +3").
   */
  openedLocal(files: Blob[]): void;
  /** Writes the view into the URL now (not after it settles) and returns the page's link to it. */
  link(): string;
}

/** The store's settings from a URL view: model settings, split view, speed. */
export function applyUrlSettings(store: Store, v: UrlView): Store {
  store.set({ predict: { ...store.get().predict, ...v.predict }, compare: v.compare, speed: v.speed });
  return store;
}

export function useUrlSync(
  store: Store,
  initial: UrlView,
  pendingRef: RefObject<UrlView | null>,
  restore: (v: UrlView) => void,
): UrlSync {
  const fileUrls = useRef<string[]>(initial.files);
  // submissions opened by URL stay in it (a picked or dropped one cannot: the page has no path)
  const predictionUrls = useRef<string[]>(initial.predictions);
  // the link's size cap for files by link stays in it
  const maxMb = useRef(initial.maxMb ?? null);
  const localName = useRef<string | null>(null);
  const [localWanted, setLocalWanted] = useState(() =>
    initial.local ? { name: initial.local, view: initial } : null,
  );

  // the pending write, run at once by `link` (a share must copy the view shown, not the last settled)
  const writeNow = useRef<() => void>(() => {});
  useEffect(() => {
    let timer = 0;
    const write = () => {
      const s = store.get();
      if (!s.scene) return;
      const ids = s.scene.tracks.ids;
      const url = formatUrl({
        files: fileUrls.current,
        predictions: predictionUrls.current,
        scene: s.scene.id,
        t: s.time,
        sel: s.selected >= 0 ? ids[s.selected]! : null,
        follow: s.follow,
        pair: s.pair ? [ids[s.pair[0]]!, ids[s.pair[1]]!] : null,
        layers: s.layers,
        camera: s.camera,
        local: localName.current,
        predict: s.predict,
        compare: s.compare,
        speed: s.speed,
        tour: s.tour?.tour.url ?? null,
        stop: s.tour?.stop ?? null,
        maxMb: maxMb.current,
      });
      // another scene is a new history entry; anything else updates the entry in place
      const shown = new URLSearchParams(location.search).get('scene');
      if (shown !== null && shown !== s.scene.id) history.pushState(null, '', `${location.pathname}?${url}`);
      else history.replaceState(null, '', `${location.pathname}?${url}`);
    };
    const unsub = store.subscribe(() => {
      clearTimeout(timer);
      timer = window.setTimeout(write, SETTLE_MS);
    });
    writeNow.current = () => {
      clearTimeout(timer);
      write();
    };
    return () => {
      clearTimeout(timer);
      unsub();
    };
  }, [store]);

  useEffect(() => {
    const onPop = () => {
      const v = parseUrl(location.search);
      applyUrlSettings(store, v);
      restore(v);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [store, restore]);

  const openedLocal = useCallback(
    (files: Blob[]) => {
      fileUrls.current = [];
      localName.current = localFilesName(files);
      const again = localWanted && localName.current === localWanted.name ? localWanted.view : null;
      pendingRef.current = again;
      if (again) setLocalWanted(null);
    },
    [localWanted, pendingRef],
  );

  const link = useCallback(() => {
    writeNow.current();
    return location.href;
  }, []);

  return { localWanted, openedLocal, link };
}

/** How a local open is named in the URL: the file's name, or the first's and how many more. */
export function localFilesName(files: Blob[]): string | null {
  const first = files[0];
  if (!(first instanceof File)) return null;
  return files.length === 1 ? first.name : `${first.name} +${files.length - 1}`;
}
