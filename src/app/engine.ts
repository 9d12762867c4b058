// The per-frame path, kept out of React: a requestAnimationFrame loop advances the time, moves
// the follow camera (or places the app's own camera: the pair and its predictions fitted into the
// map area, fit.ts) and hands deck the layer stack. Layer data is memoised per scene, so a frame
// costs building a few layer descriptors and setting uniforms; nothing is re-uploaded.
// A new scene is staged in (stageScene): its layer data built one layer group per task and its
// deck layers created and uploaded one layer per task, between frames, so no single main-thread
// task carries the whole scene's setup (78-181 ms in one animation frame before, npm run bench --
// list); for those few tasks deck's frames draw nothing new (the old scene stays on the canvas), and
// the next frame draws the new scene whole. drawNow (tests, screenshots, export) stages nothing: it
// draws the whole scene at once.
import { Deck, type DeckProps, type Layer, type PickingInfo } from '@deck.gl/core';
import type { Framebuffer } from '@luma.gl/core';
import { poseAt } from '../scene/interpolate';
import { OBJECT_TYPE_NAMES, STEP_HZ, type Scene } from '../scene/scene';
import { BACKGROUND, HIGH_CONTRAST_BACKGROUND } from './palette';
import { agentData } from './layers/agents';
import { composeLayers, LAYER_GROUPS } from './layers';
import { fitPair, MAX_ZOOM, MIN_ZOOM } from './fit';
import { beginPageWork } from './page-work';
import { activePair, type Camera, type Store, type ViewerState } from './store';
import { RotatedOrthographicView } from './view';

/**
 * Longest wall-clock gap one frame may advance playback by, seconds. A real scene on a software
 * GPU under load draws at 2-5 fps (frames of 190-850 ms measured here), and 1x must still be 1x
 * there; a gap over a second means the page was not drawing at all (rAF stops in a hidden tab),
 * and the time should not leap when it comes back.
 */
const MAX_FRAME_S = 1;
/**
 * Frames the loop runs on with nothing to do (no playback, nothing new to draw, deck drawing
 * nothing, no scene being staged) before it stops asking for frames; anything that changes the
 * view (the store, a pointer on the map, a resize, deck starting) wakes it. Asking for frames with
 * nothing to draw was not free: an idle viewer cost about 0.2 of a core, mostly the GPU process
 * (the compositor's frames; 4.2 - 4.8 -> 0.3 CPU s per 20 s across Chromium's processes here
 * since it sleeps, docs/performance.md), a laptop's battery in a lecture. 30 frames is half a second at 60 Hz, so a change that reaches
 * deck a frame or two late (an async layer update) still finds the loop running.
 */
const QUIET_FRAMES = 30;
/** Pointer events on the map that wake the frame loop (deck's hover pick, pan and zoom). */
const WAKING_EVENTS = ['pointermove', 'pointerdown', 'pointerup', 'pointerleave', 'wheel'] as const;
/** A press that moves further than this (CSS px) before release is a pan, not a click. */
const CLICK_SLOP_PX = 5;
export interface HoverDetails {
  x: number;
  y: number;
  lines: string[];
}

export interface EngineHooks {
  onHover(h: HoverDetails | null): void;
}

/** Deck applies new layers on its next animation frame; tests, screenshots and the bench draw now. */
class SceneDeck extends Deck<RotatedOrthographicView> {
  drawNow(reason: string) {
    this.layerManager?.updateLayers();
    this.redraw(reason);
  }

  /**
   * While this says so, deck's own frames draw nothing (the canvas keeps the last frame): a scene
   * being staged in is drawn once, whole, not once per layer added (each a full frame, hundreds of
   * ms of the GPU process on a software GPU, which held back the next frames).
   */
  held: () => boolean = () => false;

  override redraw(reason?: string) {
    if (!reason && this.held()) return; // the redraw flags stay set: the next frame after draws
    super.redraw(reason);
  }

  /** The 1x1 target of warm(). */
  private warmTarget: Framebuffer | null = null;

  /**
   * Draws the layers of `ids` (and their sublayers) once into a 1x1 off-screen target, so what a
   * layer's first draw does (its uniform buffers created and written, the program's uniform blocks
   * looked up, GLES2::GetUniformBlockIndex) is done here, in a staging task, and not in the frame
   * that draws the new scene (36 ms of deck's part of that frame under load, npm run bench --
   * list). Nothing reaches the canvas. False when deck is not ready or the draw failed.
   */
  warm(ids: ReadonlySet<string>): boolean {
    const layers = this.layerManager;
    const views = this.viewManager;
    const renderer = this.deckRenderer;
    const device = this.device;
    if (!layers || !views || !renderer || !device) return false;
    try {
      this.warmTarget ??= device.createFramebuffer({
        width: 1,
        height: 1,
        colorAttachments: ['rgba8unorm'],
        depthStencilAttachment: 'depth16unorm',
      });
      renderer.renderLayers({
        target: this.warmTarget,
        layers: layers.getLayers(),
        viewports: views.getViewports(),
        onViewportActive: layers.activateViewport,
        views: views.getViews(),
        pass: 'warm',
        effects: [],
        layerFilter: ({ layer }: { layer: Layer }) => ids.has(layer.root.id),
      } as never);
      return true;
    } catch (e) {
      console.warn('warming the new layers failed (their first frame draws them as before)', e);
      return false;
    }
  }

  override finalize() {
    this.warmTarget?.destroy();
    this.warmTarget = null;
    super.finalize();
  }

  /** Hands deck `layers` and creates/updates them now (attributes computed and uploaded), without drawing. */
  updateNow(layers: Layer[]): boolean {
    if (!this.layerManager) return false;
    this.setProps({ layers });
    this.layerManager.updateLayers();
    return true;
  }
}

/** Engine.staging while the map's layers are taken down one per task (the scene was closed). */
const CLEARING = 'clearing';

/** Engine.staging while layers new to deck (a first prediction's) are created one per task. */
interface LayerStaging {
  layers: Layer[];
}

/**
 * Longest run of a group's sliced work (LayerGroup.prepare) in one staging task, ms: a task of 8 ms
 * of work stretched 3 to 6 times by a loaded two-core machine (the profiles of npm run bench --
 * list at load 14) still stays under the 50 ms long-task line.
 */
const SLICE_MS = 8;

/**
 * Resolves in a new task (a MessageChannel message: not clamped like setTimeout, not held to the
 * next frame like requestAnimationFrame), so what the page has queued (input, a frame) runs first.
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}

function deckViewState(cam: Camera) {
  return {
    target: [cam.x, cam.y, 0],
    zoom: cam.zoom,
    rotation: cam.rotation,
    minZoom: MIN_ZOOM,
    maxZoom: MAX_ZOOM,
  } as never;
}

/** The map's view; `contrast`: presenter mode's high-contrast theme, a black ground. */
function sceneView(contrast: boolean) {
  return new RotatedOrthographicView({
    id: 'scene',
    // the app owns the keyboard (space, arrows, - and + drive playback): deck's own key
    // handling would also pan, rotate and zoom the map on the same keys, with animated
    // transitions that fight the camera in the store
    controller: { doubleClickZoom: false, keyboard: false },
    clear: true,
    clearColor: contrast ? HIGH_CONTRAST_BACKGROUND : BACKGROUND,
  });
}

export class Engine {
  readonly deck: SceneDeck;
  /** Whether the view clears to the high-contrast ground (presenter mode's theme). */
  private contrast = false;
  /** The requested animation frame; 0 while the loop sleeps (wake), -1 inside a frame (tick). */
  private raf = 0;
  private last = 0;
  private dirty = true;
  /** Frames in a row with nothing to do (QUIET_FRAMES). */
  private quiet = 0;
  /** Set by wake() during a frame: the frame did not find the view settled. */
  private poked = false;
  /** Deck's next frame, asked of animationFrameProvider; run by tick, after the engine's own. */
  private deckFrame: FrameRequestCallback | null = null;
  /** Whether deck drew during this frame (onAfterRender). */
  private drew = false;
  private closed = false;
  private unsubscribe: () => void;
  private drawn = new Set<() => void>();
  /** Whether this engine places the camera (autoFit); the split view's second map only follows. */
  protected fits = true;
  /** The last camera autoFit placed, and what it fitted (autoFit's key). */
  private fitted: Camera | null = null;
  private fitKey = '';
  /** performance.now() of the first frame that drew a whole scene; for the load-time figure. */
  firstSceneDrawMs: number | null = null;
  /**
   * Told each staging step as it ends (what it did, its start and length in ms), when set: `npm run
   * bench -- list` names the steps behind its long tasks with it. Null (the app): nothing is timed.
   */
  stagingTrace: ((what: string, start: number, ms: number) => void) | null = null;
  /** The scene whose layers deck holds whole; another scene in the store is staged in first. */
  private shown: Scene | null = null;
  /**
   * Layers of a scene no longer shown (those the next scene has not: a prediction's, before its
   * first prediction), kept in deck hidden (visible: false), by id: a later layer with the same id
   * (the next scene's, a first prediction's) then updates one, its data replaced and its attributes
   * computed again, where deck would otherwise create a layer anew (its models and their shaders,
   * most of a staging step's 20-60 ms under load, npm run bench -- list) and finalize the old one.
   * Picks name no agent while a scene is staged in (picksShown). A spare is let go
   * when a layer replaces it, or when the map is emptied at once (render `whole` with no scene);
   * a layer switched off in the layer panel is removed, not kept.
   */
  private spare = new Map<string, Layer>();
  /**
   * The scene being staged in (stageScene), CLEARING while the layers go (stageClear), the layers
   * being added to the shown scene (stageLayers), or null.
   */
  private stagingNow: Scene | typeof CLEARING | LayerStaging | null = null;
  /** Ends the page work (page-work.ts) marked while something is staged. */
  private endStaging: (() => void) | null = null;
  private get staging() {
    return this.stagingNow;
  }
  /** Staging is page work (page-work.ts): the scene worker's listing steps aside meanwhile. */
  private set staging(s: Scene | typeof CLEARING | LayerStaging | null) {
    this.stagingNow = s;
    if (s !== null) this.endStaging ??= beginPageWork();
    else {
      this.endStaging?.();
      this.endStaging = null;
    }
  }
  /**
   * The map area's size in CSS pixels as of the last layout (a ResizeObserver), for the frames'
   * camera fit: reading clientWidth in a frame forced the page's pending layout into it (16 ms
   * inside the frame that drew a new scene while the list filled, npm run bench -- list).
   */
  private size: { w: number; h: number } | null = null;
  private resizes: ResizeObserver | null = null;
  /** Build the layer stack; replaced by the bench to time a naive baseline. */
  buildLayers: (s: ViewerState & { scene: Scene }) => Layer[] = (s) =>
    composeLayers({ scene: s.scene, time: s.time, view: s });

  constructor(
    readonly parent: HTMLDivElement,
    readonly store: Store,
    private hooks: EngineHooks,
    /** More deck props (export/offscreen.ts: a fixed pixel ratio, a preserved drawing buffer). */
    deckProps: Partial<DeckProps<RotatedOrthographicView>> = {},
  ) {
    this.deck = new SceneDeck({
      parent,
      views: sceneView(false),
      viewState: { target: [0, 0, 0], zoom: 0, rotation: 0, minZoom: MIN_ZOOM, maxZoom: MAX_ZOOM } as never,
      layers: [],
      getCursor: ({ isDragging, isHovering }) => (isDragging ? 'grabbing' : isHovering ? 'pointer' : 'grab'),
      onViewStateChange: ({ viewState, interactionState }) => {
        const vs = viewState as { target: number[]; zoom: number };
        const cam = this.store.get().camera;
        // a user pan stops following; zooming while following keeps it
        const follow = this.store.get().follow && !interactionState.isPanning;
        this.store.set({
          camera: { x: vs.target[0]!, y: vs.target[1]!, zoom: vs.zoom, rotation: cam?.rotation ?? 0 },
          follow,
        });
        return viewState;
      },
      onHover: (info) => this.hover(info),
      // the map area changed size (a panel folded, the split view, the window): autoFit looks again
      onResize: () => this.invalidate(),
      onAfterRender: () => {
        this.drew = true;
        const scene = this.store.get().scene;
        if (this.firstSceneDrawMs === null && scene && scene === this.shown && this.deck.isInitialized) {
          this.firstSceneDrawMs = performance.now();
        }
        for (const f of this.drawn) f();
      },
      // deck's loop (luma's AnimationLoop) asks for its frames here, and tick runs them, so the
      // map has one loop, which sleeps when nothing changes (QUIET_FRAMES). A request from
      // outside tick (deck's loop starting, its device ready) wakes it; the loop's request for
      // the next frame, made during tick, does not, or it would never sleep.
      animationFrameProvider: {
        requestAnimationFrame: (cb: FrameRequestCallback) => {
          this.deckFrame = cb;
          if (this.raf !== -1) this.wake();
          return 1;
        },
        cancelAnimationFrame: () => {
          this.deckFrame = null;
        },
      },
      ...deckProps,
    } as DeckProps<RotatedOrthographicView>);
    this.deck.held = () => this.staging !== null;
    this.unsubscribe = store.subscribe(() => this.invalidate());
    // Clicks are ours, not deck's: deck's tap recogniser drops a press held over 250 ms, and on a
    // slow frame (a 257-agent real scene on a software GPU picks in 110-250 ms) the press and
    // release land in frames far enough apart that most clicks were lost. A press and release of
    // the primary button within CLICK_SLOP_PX of each other select, however long the press.
    parent.addEventListener('pointerdown', this.onPointerDown);
    parent.addEventListener('pointerup', this.onPointerUp);
    // deck picks the hovered agent and pans or zooms in its frames: a pointer on the map wakes them
    for (const type of WAKING_EVENTS) parent.addEventListener(type, this.wake);
    // the callback runs after the browser's own layout, so reading the size there forces none
    if (typeof ResizeObserver !== 'undefined') {
      this.resizes = new ResizeObserver(() => {
        this.size = { w: parent.clientWidth, h: parent.clientHeight };
        this.invalidate();
      });
      this.resizes.observe(parent);
    }
    this.wake();
  }

  /** `layers`, then the spare layers they do not replace; a spare they replace is let go. */
  private withSpare(layers: Layer[]): Layer[] {
    if (this.spare.size === 0) return layers;
    for (const l of layers) if (this.spare.get(l.id) !== l) this.spare.delete(l.id);
    const ids = new Set(layers.map((l) => l.id));
    const rest = [...this.spare.values()].filter((l) => !ids.has(l.id));
    return rest.length ? [...layers, ...rest] : layers;
  }

  /** The layers deck holds that are not spare: what the map shows, or showed before a staging. */
  private liveLayers(): Layer[] {
    return ((this.deck.props.layers ?? []) as Layer[]).filter((l) => this.spare.get(l.id) !== l);
  }

  /** Keeps `layers` (deck's, shown now) as spares, hidden; deck gets them with the next update. */
  private retire(layers: Layer[]) {
    for (const l of layers) this.spare.set(l.id, l.clone({ visible: false }));
  }

  /** Runs one staging step, telling stagingTrace what it was and how long it took. */
  private step<T>(what: string, f: () => T): T {
    const trace = this.stagingTrace;
    if (!trace) return f();
    const t = performance.now();
    try {
      return f();
    } finally {
      trace(what, t, performance.now() - t);
    }
  }

  /** Whether the loop asks for frames now (false: it sleeps until something changes). */
  get running(): boolean {
    return this.raf !== 0;
  }

  /** The view changed: the next frame renders it (waking the loop). */
  private invalidate() {
    this.dirty = true;
    this.wake();
  }

  /** Keeps the loop running, or starts it again from sleep. */
  private wake = () => {
    this.quiet = 0;
    if (this.raf === -1) this.poked = true; // inside tick, which asks for the next frame
    if (this.raf !== 0 || this.closed) return;
    this.last = 0; // asleep until now: no wall-clock gap to play over
    this.raf = requestAnimationFrame(this.tick);
  };

  private tick = (now: number) => {
    this.raf = -1;
    this.poked = false;
    // playback follows the wall clock however slow the frames (a real scene on a software GPU
    // draws at 5-10 fps); only a gap over MAX_FRAME_S (a hidden tab, a debugger pause) is cut
    const dt = this.last ? Math.min(MAX_FRAME_S, (now - this.last) / 1000) : 0;
    this.last = now;
    const s = this.store.get();
    const playing = s.playing && !!s.scene;
    if (playing) this.advance(dt * STEP_HZ * s.speed);
    const rendered = this.dirty;
    if (this.dirty) this.render();
    this.drew = false;
    const deckFrame = this.deckFrame;
    this.deckFrame = null;
    deckFrame?.(now); // deck's frame: its hover pick, its draw if needed; it asks for the next one
    const busy =
      playing ||
      rendered ||
      this.poked ||
      this.drew ||
      this.staging !== null ||
      !this.deck.isInitialized ||
      !!this.deck.needsRedraw({ clearRedrawFlags: false });
    this.quiet = busy ? 0 : this.quiet + 1;
    this.raf = !this.closed && this.quiet < QUIET_FRAMES ? requestAnimationFrame(this.tick) : 0;
  };

  /** Moves the time on by `steps`, looping or stopping at the end. */
  advance(steps: number) {
    const s = this.store.get();
    const last = this.store.lastStep();
    let t = s.time + steps;
    let playing = s.playing;
    if (t > last) {
      if (s.loop) t = t % (last + 1);
      else {
        t = last;
        playing = false;
      }
    }
    this.store.set({ time: t, playing });
  }

  /**
   * One frame: camera, then layers. Public so the bench can time it. A scene not drawn before is
   * staged in over the next tasks (stageScene) unless `whole`, which draws it at once.
   */
  render(whole = false) {
    this.dirty = false;
    const s = this.store.get();
    if (s.presenter.contrast !== this.contrast) {
      this.contrast = s.presenter.contrast;
      this.deck.setProps({ views: sceneView(this.contrast) });
    }
    if (!s.scene) {
      this.shown = null;
      if (whole || !this.deck.isInitialized) {
        this.staging = null;
        this.spare.clear();
        this.deck.setProps({ layers: [] });
      } else if (this.staging !== CLEARING) void this.stageClear();
      return;
    }
    if (s.scene !== this.shown) {
      if (!whole && this.deck.isInitialized) {
        if (this.staging !== s.scene) void this.stageScene(s.scene);
        return;
      }
      this.staging = null;
      this.shown = s.scene;
    }
    if (this.staging !== null && typeof this.staging === 'object' && 'layers' in this.staging) {
      if (!whole) {
        this.invalidate(); // drawn when the layers are in
        return;
      }
      this.staging = null;
    }
    const cam = this.placeCamera(s as ViewerState & { scene: Scene }, whole);
    if (!cam) return;
    const layers = this.buildLayers(s as ViewerState & { scene: Scene });
    if (!whole && this.deck.isInitialized) {
      const have = new Set(this.liveLayers().map((l) => l.id));
      if (layers.some((l) => !have.has(l.id))) {
        void this.stageLayers(layers, have);
        return;
      }
    }
    this.deck.setProps({ viewState: deckViewState(cam), layers: this.withSpare(layers) });
  }

  /**
   * Layers the shown scene did not have (a first prediction's paths, goals and ghosts, a layer
   * switched on) created one per task, as stageScene does for a scene: creating them in the frame
   * (models, attributes) was 20 ms of a 103 ms frame while the list filled; a spare layer of the
   * same id is updated instead. The layers deck already has keep their props meanwhile; the next
   * frame after draws all at once.
   */
  private async stageLayers(layers: Layer[], have: Set<string>) {
    const me: LayerStaging = { layers };
    this.staging = me;
    const fresh = layers.filter((l) => !have.has(l.id));
    const old = this.liveLayers();
    try {
      for (let i = 1; i <= fresh.length; i++) {
        await nextTask();
        if (this.staging !== me) return;
        const added = new Set(fresh.slice(0, i));
        // the old layers as they are, the new ones in their final places
        const now = layers.flatMap((l) => (added.has(l) ? [l] : old.filter((o) => o.id === l.id)));
        const id = fresh[i - 1]!.id;
        const verb = this.spare.has(id) ? 'reuse' : 'add';
        if (!this.step(`${verb} ${id}`, () => this.deck.updateNow(this.withSpare(now)))) break;
        await nextTask();
        if (this.staging !== me) return;
        this.step(`warm ${id}`, () => this.deck.warm(new Set([id])));
      }
    } catch (e) {
      console.error(e); // the frame builds the layers as before and reports it
    }
    if (this.staging !== me) return;
    this.staging = null;
    this.invalidate();
  }

  /** The camera for this frame: autoFit's, or the store's moved to follow the selected agent. */
  private placeCamera(s: ViewerState & { scene: Scene }, live = false): Camera | null {
    let cam = s.camera;
    const fit = this.autoFit(s, live);
    if (fit) {
      cam = fit;
      this.store.set({ camera: cam });
      this.dirty = false;
    }
    if (!cam) return null;
    if (s.follow && s.selected >= 0) {
      const p = poseAt(s.scene.tracks, s.selected, s.time);
      if (p && (p.x !== cam.x || p.y !== cam.y)) {
        cam = { ...cam, x: p.x, y: p.y };
        this.store.set({ camera: cam });
        this.dirty = false;
      }
    }
    return cam;
  }

  /**
   * Brings a new scene's layers into deck a piece per task: first each layer group's data (the
   * memoised map geometry, agent columns, prediction paths), then the layers one at a time, each
   * created and its attributes computed and uploaded (deck's updateLayers) in its own task. When all
   * are in, the next frame draws the scene whole (render). A newer scene, or drawNow, ends it.
   */
  private async stageScene(scene: Scene) {
    this.staging = scene;
    // a staging overtaken (a newer scene, drawNow) lets go of it, so the next render starts again
    const live = () => {
      if (this.staging === scene && this.store.get().scene === scene) return true;
      if (this.staging === scene) {
        this.staging = null;
        this.invalidate();
      }
      return false;
    };
    try {
      const ctx = () => ({ scene, time: this.store.get().time, view: this.store.get() });
      for (const [g, group] of LAYER_GROUPS.entries()) {
        await nextTask();
        if (!live()) return;
        // work the group can take in slices (the interaction graph: 28 pair labels, 87 ms in one
        // task under load), a task per SLICE_MS of it
        if (group.prepare) {
          const steps = this.step(`prepare group ${g}`, () => group.prepare!(ctx()));
          let t = performance.now();
          let done = false;
          while (!done) {
            done = this.step(`prepare group ${g} slice`, () => {
              while (!steps.next().done) if (performance.now() - t >= SLICE_MS) return false;
              return true;
            });
            if (done) break;
            await nextTask();
            if (!live()) return;
            t = performance.now();
          }
        }
        // fills the group's per-scene caches; its layers are built again below
        this.step(`data group ${g}`, () => group(ctx()));
      }
      await nextTask();
      if (!live()) return;
      // the new scene's camera with its first layer, so no frame draws it under the old scene's
      const layers = this.step('camera and layers', () => {
        const cam = this.placeCamera({ ...this.store.get(), scene });
        if (cam) this.deck.setProps({ viewState: deckViewState(cam) });
        return this.buildLayers({ ...this.store.get(), scene });
      });
      // the old scene's layers stay in deck (not drawn: the frames are held) until a new layer of
      // their id replaces them, so deck updates them; those the new scene has not are kept spare
      const old = this.liveLayers();
      const ids = new Set(layers.map((l) => l.id));
      for (let i = 1; i <= layers.length; i++) {
        await nextTask();
        if (!live()) return;
        const now = layers.slice(0, i);
        const taken = new Set(now.map((l) => l.id));
        const id = layers[i - 1]!.id;
        const verb = old.some((l) => l.id === id) || this.spare.has(id) ? 'reuse' : 'add';
        const list = [...now, ...old.filter((l) => !taken.has(l.id))];
        if (!this.step(`${verb} ${id}`, () => this.deck.updateNow(this.withSpare(list)))) break;
        // its first draw in a task of its own (SceneDeck.warm)
        await nextTask();
        if (!live()) return;
        this.step(`warm ${layers[i - 1]!.id}`, () => this.deck.warm(new Set([layers[i - 1]!.id])));
      }
      const left = old.filter((l) => !ids.has(l.id));
      if (left.length > 0) {
        await nextTask();
        if (!live()) return;
        this.retire(left);
        this.step('keep spare', () => this.deck.updateNow(this.withSpare(layers)));
      }
    } catch (e) {
      // a layer that fails to build: the frame builds the scene whole, and reports it as before
      if (this.staging === scene) {
        this.staging = null;
        this.shown = scene;
        this.invalidate();
      }
      console.error(e);
      return;
    }
    if (!live()) return;
    this.staging = null;
    this.shown = scene;
    this.invalidate();
  }

  /**
   * Hides the layers when the scene goes (a new file opening) and keeps them spare, for the next
   * scene's layers to update: finalizing them all at once (their buffers and models deleted) was a
   * 38-59 ms animation frame under load, and creating the next scene's anew 20-60 ms a layer. A
   * scene arriving meanwhile is staged in instead (stageScene).
   */
  private async stageClear() {
    this.staging = CLEARING;
    await nextTask();
    if (this.staging !== CLEARING) return;
    const shown = this.liveLayers();
    if (!this.store.get().scene && shown.length > 0) {
      this.retire(shown);
      this.step('hide', () => this.deck.updateNow(this.withSpare([])));
    }
    this.staging = null;
  }

  /**
   * The app's own camera placement: with no camera (a scene opened, the first load, the `z` key),
   * or while the camera is still the one placed here (no pan, zoom, rotation, follow or link since),
   * fit the pair and its predictions into the map area (fit.ts fitPair). Refits only when what is
   * fitted changes: the scene, the pair, a first prediction (main or split) arriving for them, or the
   * map area's size (a panel folded, the split opened, the window resized); later predictions (a
   * scrub, a resample) never move a camera. Null: leave the camera as it is.
   */
  private autoFit(s: ViewerState & { scene: Scene }, live: boolean): Camera | null {
    if (!this.fits) return null;
    const cam = s.camera;
    if (cam !== null && cam !== this.fitted) return null;
    // drawNow (live) reads the size now: a test or an export may draw right after a resize
    const size = !live && this.size ? this.size : { w: this.parent.clientWidth, h: this.parent.clientHeight };
    const { w, h } = size;
    const pair = activePair(s);
    const mine = (p: ViewerState['prediction']) =>
      p && pair && p.sceneId === s.scene.id && p.a === pair[0] && p.b === pair[1] ? p : null;
    const main = mine(s.prediction);
    const split = mine(s.comparePrediction);
    const key = `${s.scene.id}|${pair?.join(',')}|${!!main}|${!!split}|${w}x${h}`;
    if (cam !== null && key === this.fitKey) return null;
    this.fitKey = key;
    this.fitted = fitPair(s.scene, pair, [main, split], w || 1, h || 1, cam?.rotation ?? 0);
    return this.fitted;
  }

  private press: { id: number; x: number; y: number } | null = null;

  private onPointerDown = (e: PointerEvent) => {
    this.press = e.button === 0 && e.isPrimary ? { id: e.pointerId, x: e.clientX, y: e.clientY } : null;
  };

  private onPointerUp = (e: PointerEvent) => {
    const p = this.press;
    this.press = null;
    if (!p || p.id !== e.pointerId || Math.hypot(e.clientX - p.x, e.clientY - p.y) > CLICK_SLOP_PX) return;
    const r = this.parent.getBoundingClientRect();
    this.select(this.pickAgent(e.clientX - r.left, e.clientY - r.top));
  };

  /**
   * Whether deck's agents layer is the store's scene's: not while another scene is staged in or
   * the map is being cleared, when the old scene's layers are still in deck (the spare layers) under
   * the new scene's camera, and a pick would name an agent of the old scene.
   */
  private picksShown(): boolean {
    return this.staging === null || (typeof this.staging === 'object' && 'layers' in this.staging);
  }

  /** The agent drawn at canvas pixel (x, y), -1 for none (and while a scene is staged in). */
  pickAgent(x: number, y: number): number {
    if (!this.deck.isInitialized || !this.picksShown()) return -1;
    const info = this.deck.pickObject({ x, y, radius: 2, layerIds: ['agents'] });
    return info?.layer?.id === 'agents' ? info.index : -1;
  }

  /** Selects a track (-1 clears); following stays on only for a selected agent. */
  select(track: number) {
    const s = this.store.get();
    this.store.set({ selected: track, follow: track >= 0 && s.follow });
  }

  private hover(info: PickingInfo) {
    const s = this.store.get();
    const track = info.layer?.id === 'agents' && this.picksShown() ? info.index : -1;
    if (track !== s.hovered) this.store.set({ hovered: track });
    if (track < 0 || !s.scene) {
      this.hooks.onHover(null);
      return;
    }
    const sc = s.scene;
    const p = poseAt(sc.tracks, track, s.time);
    if (!p) return this.hooks.onHover(null);
    const role = agentData(sc).roles[track];
    this.hooks.onHover({
      x: info.x,
      y: info.y,
      lines: [
        `id ${sc.tracks.ids[track]} · ${OBJECT_TYPE_NAMES[sc.tracks.types[track]!] ?? 'unknown'}${role && role !== 'none' ? ` · ${role === 'predict' ? 'to predict' : role === 'interest' ? 'of interest' : 'SDC'}` : ''}`,
        `speed ${Math.hypot(p.vx, p.vy).toFixed(1)} m/s`,
        `heading ${((p.heading * 180) / Math.PI).toFixed(0)}°`,
        `size ${p.length.toFixed(1)} × ${p.width.toFixed(1)} m`,
      ],
    });
  }

  /**
   * Calls `f` after every draw. DOM that follows the time (the timeline) is written here: deck
   * reads the page layout while it draws (its widget container), so a write before the draw
   * forces a synchronous layout every frame (about 1 ms here, `npm run bench -- viewer`).
   */
  afterDraw(f: () => void): () => void {
    this.drawn.add(f);
    return () => void this.drawn.delete(f);
  }

  /** Applies the store to deck and draws synchronously. */
  drawNow(reason: string) {
    this.render(true);
    this.deck.drawNow(reason);
  }

  /** Scene metres to canvas pixels under the current camera. */
  project(x: number, y: number): [number, number] {
    const vp = this.deck.getViewports()[0];
    if (!vp) return [NaN, NaN];
    const [px, py] = vp.project([x, y, 0]);
    return [px!, py!];
  }

  /** Scene metres to page (client) pixels: the canvas pixel plus where the map area sits. */
  toClient(x: number, y: number): [number, number] {
    const [px, py] = this.project(x, y);
    const r = this.parent.getBoundingClientRect();
    return [r.left + px, r.top + py];
  }

  /** The current view as a PNG data URL (drawn now, so the buffer is fresh). */
  screenshot(): string {
    this.drawNow('screenshot');
    return (this.deck.getCanvas() as HTMLCanvasElement).toDataURL('image/png');
  }

  finalize() {
    this.closed = true;
    this.staging = null;
    if (this.raf > 0) cancelAnimationFrame(this.raf);
    this.raf = 0;
    for (const type of WAKING_EVENTS) this.parent.removeEventListener(type, this.wake);
    this.resizes?.disconnect();
    this.parent.removeEventListener('pointerdown', this.onPointerDown);
    this.parent.removeEventListener('pointerup', this.onPointerUp);
    this.unsubscribe();
    this.deck.finalize();
  }
}
