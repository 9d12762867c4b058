// A copy of a map for export, drawn off screen at any pixel size: its own deck (its own canvas,
// a fixed pixel ratio, a preserved drawing buffer) in a hidden host of a given CSS size, and its
// own store, a snapshot of the viewer's state, so the export sets the time frame by frame without
// moving the page's map, its URL or the prediction controller (which follows the page's store
// only). It draws what the source engine draws (the same layer builder: the split view's map
// draws its own model) with the camera it is given. draw(time) renders synchronously and returns
// the canvas, to be read at once (drawImage), before anything else draws.
import { Engine } from '../engine';
import { Store, type Camera } from '../store';

/** Longest wait for the copy's deck to start and size its canvas (a software GPU under load), ms. */
const READY_MS = 60_000;

/** The copy's engine: never advances the time nor places the camera itself. */
class CopyEngine extends Engine {
  override advance() {}
  protected override fits = false;
}

export interface OffscreenOptions {
  /** CSS size of the copy's map area; the canvas is this times pixelRatio. */
  cssWidth: number;
  cssHeight: number;
  pixelRatio: number;
  camera: Camera;
}

export class OffscreenMap {
  private constructor(
    private host: HTMLDivElement,
    private engine: Engine,
    readonly store: Store,
  ) {}

  /** Starts a copy of `src`'s map; resolves once its deck is up and its canvas has the wanted size. */
  static async open(src: Engine, o: OffscreenOptions): Promise<OffscreenMap> {
    const host = document.createElement('div');
    // off the page, not display:none (a hidden element has no size, so deck would draw nothing)
    host.style.cssText = `position:fixed;left:-${Math.ceil(o.cssWidth) + 100}px;top:0;width:${o.cssWidth}px;height:${o.cssHeight}px;pointer-events:none;`;
    host.setAttribute('aria-hidden', 'true');
    document.body.appendChild(host);
    const store = new Store();
    store.set({ ...src.store.get(), playing: false, hovered: -1, camera: o.camera });
    let loaded = false;
    const engine = new CopyEngine(
      host,
      store,
      { onHover: () => {} },
      {
        useDevicePixels: o.pixelRatio,
        deviceProps: { webgl: { preserveDrawingBuffer: true } },
        onLoad: () => void (loaded = true),
      },
    );
    engine.buildLayers = src.buildLayers;
    const map = new OffscreenMap(host, engine, store);
    const want = [Math.round(o.cssWidth * o.pixelRatio), Math.round(o.cssHeight * o.pixelRatio)];
    const t0 = performance.now();
    // a state, not a time: the deck has loaded and its canvas and viewport have the wanted size
    // (deck sizes the canvas from a ResizeObserver, a frame or more after it starts)
    while (!(loaded && engine.deck.isInitialized && map.sized(want))) {
      if (performance.now() - t0 > READY_MS) {
        map.close();
        throw new Error(`the export's map did not start within ${READY_MS / 1000} s`);
      }
      await new Promise((r) => requestAnimationFrame(r));
    }
    return map;
  }

  private sized([w, h]: number[]): boolean {
    const c = this.engine.deck.getCanvas();
    // a pixel of rounding either way: luma rounds CSS size times ratio its own way
    return !!c && Math.abs(c.width - w!) <= 1 && Math.abs(c.height - h!) <= 1;
  }

  /** Draws the map at fractional step `time` now and returns its canvas (read it at once). */
  draw(time: number): HTMLCanvasElement {
    this.store.set({ time });
    this.engine.drawNow('export');
    return this.engine.deck.getCanvas() as HTMLCanvasElement;
  }

  close(): void {
    this.engine.finalize();
    this.host.remove();
  }
}
