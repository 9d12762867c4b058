// The keyboard and the buttons: each key event runs the command the command table (commands.ts)
// gives it, with this context (a key a focused form field keeps never reaches here: commands.ts
// fieldKeepsKey); buttons run the same commands by id through RunCommand.
import { createContext, useCallback, useEffect, useMemo, type RefObject } from 'react';
import { commandFor, COMMANDS, type CommandContext } from '../commands';
import { fitCamera } from '../fit';
import { poseAt } from '../../scene/interpolate';
import { choosePair, SPEEDS, stepAt, type Store, type ViewerState } from '../store';

export interface CommandHooks {
  /** Moves to the previous (-1) or next (+1) scene of the list as filtered. */
  stepScene(delta: number): void;
  setSheet(f: (open: boolean) => boolean): void;
  /** Copies the link to this view (useShare). */
  share(): void;
  /** Opens or closes the export dialog. */
  setExport?(f: (open: boolean) => boolean): void;
  /** The open tour's previous (-1) or next (+1) stop (presenter/useTour.ts); false: no tour open. */
  tourStep(delta: number): boolean;
}

/** Flips one field of presenter mode's state. */
function flipPresenter(store: Store, key: keyof ViewerState['presenter']) {
  const p = store.get().presenter;
  store.set({ presenter: { ...p, [key]: !p[key] } });
}

/**
 * The page fullscreen, or back. A browser may refuse (no user gesture, a headless browser, a
 * policy): the promise's rejection is taken here and the page stays as it is, visibly so.
 */
function toggleFullscreen() {
  const done = () => {};
  if (document.fullscreenElement) void document.exitFullscreen?.().catch(done);
  else void document.documentElement.requestFullscreen?.().catch(done);
}

/** The context the commands act through: the store, the canvas size for `fit`, the sheet. */
export function commandContext(
  store: Store,
  canvasHost: RefObject<HTMLDivElement | null>,
  hooks: CommandHooks,
): CommandContext {
  const time = (t: number) => store.get().scene && store.set({ playing: false, time: t });
  return {
    // time commands need a scene: with none open there is no time to move
    togglePlay: () => store.get().scene && store.set({ playing: !store.get().playing }),
    step: (d) => time(Math.min(store.lastStep(), Math.max(0, stepAt(store.get().time) + d))),
    first: () => time(0),
    last: () => time(store.lastStep()),
    scene: hooks.stepScene,
    toggleFollow: () => {
      const s = store.get();
      store.set({ follow: !s.follow && s.selected >= 0 });
    },
    selectAgent: (d) => {
      const s = store.get();
      if (!s.scene) return;
      const tracks = s.scene.tracks;
      const n = tracks.ids.length;
      // from the selection (none: from before the first track, or after the last going back)
      const from = s.selected >= 0 ? s.selected : d > 0 ? -1 : n;
      for (let k = 1; k <= n; k++) {
        const i = (((from + d * k) % n) + n) % n;
        if (poseAt(tracks, i, s.time)) return store.set({ selected: i });
      }
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
      const host = canvasHost.current;
      if (s.scene && host)
        store.set({
          follow: false,
          camera: fitCamera(s.scene, host.clientWidth, host.clientHeight, s.camera?.rotation),
        });
    },
    // no camera: the engine fits the pair and its predictions into the map area (Engine.autoFit)
    fitPair: () => store.get().scene && store.set({ follow: false, camera: null }),
    toggleSheet: () => hooks.setSheet((v) => !v),
    toggleExport: () => store.get().scene && hooks.setExport?.((v) => !v),
    escape: () => {
      hooks.setSheet(() => false);
      hooks.setExport?.(() => false);
      store.set({ selected: -1, follow: false });
    },
    togglePresenter: () => flipPresenter(store, 'on'),
    toggleContrast: () => flipPresenter(store, 'contrast'),
    toggleBlack: () => flipPresenter(store, 'black'),
    toggleFullscreen,
    tourStep: (d) => {
      if (!hooks.tourStep(d)) hooks.stepScene(d);
    },
    share: hooks.share,
  };
}

/**
 * Runs a command of the table by id: what the buttons call, so a button and its key always do the
 * same thing (App provides it; a component outside the provider gets a no-op).
 */
export const RunCommand = createContext<(id: string) => void>(() => {});

/** Installs the key handler and returns the runner for buttons. */
export function useCommands(
  store: Store,
  canvasHost: RefObject<HTMLDivElement | null>,
  hooks: CommandHooks,
): (id: string) => void {
  const { stepScene, setSheet, setExport, tourStep, share } = hooks;
  const ctx = useMemo(
    () => commandContext(store, canvasHost, { stepScene, setSheet, setExport, tourStep, share }),
    [store, canvasHost, stepScene, setSheet, setExport, tourStep, share],
  );
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const cmd = commandFor(e);
      if (!cmd) return;
      e.preventDefault();
      cmd.run(ctx);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ctx]);
  return useCallback(
    (id: string) => {
      const cmd = COMMANDS.find((c) => c.id === id);
      if (!cmd) throw new Error(`no command '${id}'`);
      cmd.run(ctx);
    },
    [ctx],
  );
}
