// Video export of the current scene's playback (issue 17 item 3): the main map with predictions
// and ghosts, the caption strip and the legend, as MP4 (H.264) or WebM (VP9), rendered frame by
// frame, not recorded in real time, so a slow machine still gives every frame at the asked fps.
// For output frame k: the time start + k / fps is set on an off-screen copy of the map
// (offscreen.ts; the page's map, URL and prediction stay put), deck draws synchronously, the
// canvas is copied at once onto a 2D canvas of the output size with the caption and legend, and
// Mediabunny's CanvasSource makes a VideoFrame of it stamped k / fps s, encodes it with WebCodecs'
// VideoEncoder and muxes it (awaiting each add respects the encoder's backpressure). Which
// formats this browser can write is asked of VideoEncoder.isConfigSupported (Mediabunny's
// canEncodeVideo, with the codec string it will encode with). Playback is paused while exporting
// and restored after; an abort stops at the next frame and discards the file. Where WebCodecs is
// missing, recordVideo records the same frames in real time with MediaRecorder (frames drawn late
// on a slow machine are late in the file too).
import {
  BlobSource,
  BufferTarget,
  CanvasSource,
  canEncodeVideo,
  EncodedPacketSink,
  Input,
  Mp4OutputFormat,
  Output,
  QUALITY_HIGH,
  WEBM,
  WebMOutputFormat,
} from 'mediabunny';
import { STEP_HZ } from '../../scene/scene';
import type { Engine } from '../engine';
import { BACKGROUND } from '../palette';
import type { Camera, Store, ViewerState } from '../store';
import { drawCaption, drawLegend } from './caption';
import { OffscreenMap } from './offscreen';

export type VideoFormat = 'mp4' | 'webm';

/** Mediabunny's codec for each container: H.264 in MP4 (plays everywhere), VP9 in WebM. */
export const VIDEO_CODEC = { mp4: 'avc', webm: 'vp9' } as const;
export const VIDEO_MIME = { mp4: 'video/mp4', webm: 'video/webm' } as const;

/** Frame rates offered: 60 is the most a screen shows; below 5 playback is a slide show. */
export const MIN_FPS = 5;
export const MAX_FPS = 60;
/** Largest side: 4K UHD width, H.264 level 5.1's limit and beyond what a paper or talk needs. */
export const MAX_SIDE = 3840;
/** Smallest side: below this the caption cannot be read. */
export const MIN_SIDE = 64;

export interface VideoOptions {
  format: VideoFormat;
  /** Seconds from the scene's first step. */
  start: number;
  end: number;
  fps: number;
  /** Output size in pixels; both even (4:2:0 chroma halves each side). */
  width: number;
  height: number;
  /** The caption strip (scene, time, top modes) along the bottom. */
  caption: boolean;
  /** The legend of the mode colours, top right. */
  panels: boolean;
}

export interface VideoResult {
  blob: Blob;
  fileName: string;
  frames: number;
  /** Wall-clock seconds the export took. */
  seconds: number;
}

/** What this browser can write at a size: per format, and whether MediaRecorder is the fallback. */
export interface VideoSupport {
  webcodecs: boolean;
  mp4: boolean;
  webm: boolean;
  /** MediaRecorder's WebM MIME type where WebCodecs is missing and MediaRecorder records; else null. */
  recorder: string | null;
}

export async function videoSupport(width: number, height: number, fps: number): Promise<VideoSupport> {
  const webcodecs = typeof VideoEncoder !== 'undefined' && typeof VideoFrame !== 'undefined';
  const can = async (f: VideoFormat) =>
    webcodecs && (await canEncodeVideo(VIDEO_CODEC[f], { width, height, frameRate: fps }).catch(() => false));
  const [mp4, webm] = await Promise.all([can('mp4'), can('webm')]);
  const recorder =
    !webcodecs && typeof MediaRecorder !== 'undefined'
      ? (['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'].find((m) =>
          MediaRecorder.isTypeSupported(m),
        ) ?? null)
      : null;
  return { webcodecs, mp4, webm, recorder };
}

/** The first problem with these options for this scene, or null. */
export function checkVideoOptions(o: VideoOptions, sceneSeconds: number): string | null {
  if (!(o.width % 2 === 0 && o.height % 2 === 0)) return `the size must be even (${o.width}x${o.height})`;
  if (Math.min(o.width, o.height) < MIN_SIDE || Math.max(o.width, o.height) > MAX_SIDE)
    return `the size must be ${MIN_SIDE} to ${MAX_SIDE} pixels a side (${o.width}x${o.height})`;
  if (!(o.fps >= MIN_FPS && o.fps <= MAX_FPS))
    return `the frame rate must be ${MIN_FPS} to ${MAX_FPS} (${o.fps})`;
  if (!(o.start >= 0 && o.end <= sceneSeconds + 1e-9 && o.end > o.start))
    return `the time range must lie in 0 to ${sceneSeconds.toFixed(1)} s and end after it starts (${o.start} to ${o.end})`;
  if (frameCount(o) < 1) return 'the time range is shorter than one frame';
  return null;
}

/** Frames in the clip: one per 1/fps s of the range (2 s at 15 fps: 30). */
export const frameCount = (o: Pick<VideoOptions, 'start' | 'end' | 'fps'>) =>
  Math.round((o.end - o.start) * o.fps);

/** The scene's length in seconds (its last step's time). */
export const sceneSeconds = (s: ViewerState) => Math.max(0, (s.scene?.timestamps.length ?? 1) - 1) / STEP_HZ;

/**
 * Draws the frames of a clip one by one onto a 2D canvas of the output size: `frame(k)` draws frame
 * k (the map at start + k / fps s, then the caption and legend). Shared by the WebCodecs export
 * and the MediaRecorder fallback.
 */
class FrameRenderer {
  readonly canvas: HTMLCanvasElement;
  private g: CanvasRenderingContext2D;

  private constructor(
    private map: OffscreenMap,
    private o: VideoOptions,
  ) {
    this.canvas = document.createElement('canvas');
    this.canvas.width = o.width;
    this.canvas.height = o.height;
    this.g = this.canvas.getContext('2d', { alpha: false })!;
  }

  /**
   * The map copy sized so the page's map area fits the frame (contain): its CSS size is the frame
   * over the pixel ratio that scales the page's map up (or down) to it, so the camera's zoom and
   * every line width in pixels scale with the frame, and the frame shows at least what the page does.
   */
  static async open(engine: Engine, o: VideoOptions): Promise<FrameRenderer> {
    const cam = engine.store.get().camera;
    if (!cam) throw new Error('the map has no view yet; wait for the scene to draw');
    const w = Math.max(1, engine.parent.clientWidth);
    const h = Math.max(1, engine.parent.clientHeight);
    const ratio = Math.min(o.width / w, o.height / h);
    const camera: Camera = { ...cam };
    const map = await OffscreenMap.open(engine, {
      cssWidth: o.width / ratio,
      cssHeight: o.height / ratio,
      pixelRatio: ratio,
      camera,
    });
    return new FrameRenderer(map, o);
  }

  frame(k: number): void {
    const o = this.o;
    const st = this.map.store;
    const last = Math.max(0, (st.get().scene?.timestamps.length ?? 1) - 1);
    const time = Math.min(last, (o.start + k / o.fps) * STEP_HZ);
    const src = this.map.draw(time);
    const g = this.g;
    g.fillStyle = `rgb(${BACKGROUND[0]},${BACKGROUND[1]},${BACKGROUND[2]})`;
    g.fillRect(0, 0, o.width, o.height);
    // read right after the draw (the buffer is also preserved); a pixel of rounding is scaled away
    g.drawImage(src, 0, 0, o.width, o.height);
    const s = st.get();
    if (o.panels) drawLegend(g, s, o.width, o.height);
    if (o.caption) drawCaption(g, s, o.width, o.height);
  }

  close() {
    this.map.close();
  }
}

export type Progress = (done: number, total: number) => void;

const abortError = () => new DOMException('export cancelled', 'AbortError');

/** Pauses playback for `f` and restores it (and the time) after, whatever happens. */
async function paused<T>(store: Store, f: () => Promise<T>): Promise<T> {
  const { playing, time } = store.get();
  if (playing) store.set({ playing: false, time });
  try {
    return await f();
  } finally {
    if (playing) store.set({ playing: true, time });
  }
}

const fileNameFor = (s: ViewerState, o: VideoOptions, ext: string) =>
  `modescope-${s.scene?.id ?? 'scene'}-${o.start.toFixed(1)}-${o.end.toFixed(1)}s-${o.width}x${o.height}-${o.fps}fps.${ext}`;

/** Exports the clip with WebCodecs; rejects with an AbortError when `signal` aborts. */
export function exportVideo(
  engine: Engine,
  o: VideoOptions,
  onProgress: Progress = () => {},
  signal?: AbortSignal,
): Promise<VideoResult> {
  const s = engine.store.get();
  const bad = checkVideoOptions(o, sceneSeconds(s));
  if (bad) return Promise.reject(new Error(bad));
  return paused(engine.store, async () => {
    const t0 = performance.now();
    const codec = VIDEO_CODEC[o.format];
    if (!(await videoSupport(o.width, o.height, o.fps))[o.format])
      throw new Error(
        `this browser cannot encode ${o.format === 'mp4' ? 'H.264 (MP4)' : 'VP9 (WebM)'} at ${o.width}x${o.height}`,
      );
    const r = await FrameRenderer.open(engine, o);
    const target = new BufferTarget();
    const output = new Output({
      format: o.format === 'mp4' ? new Mp4OutputFormat({ fastStart: 'in-memory' }) : new WebMOutputFormat(),
      target,
    });
    try {
      const source = new CanvasSource(r.canvas, { codec, bitrate: QUALITY_HIGH });
      output.addVideoTrack(source, { frameRate: o.fps });
      await output.start();
      const n = frameCount(o);
      for (let k = 0; k < n; k++) {
        if (signal?.aborted) throw abortError();
        r.frame(k);
        await source.add(k / o.fps, 1 / o.fps);
        onProgress(k + 1, n);
      }
      await output.finalize();
      const blob = new Blob([target.buffer!], { type: VIDEO_MIME[o.format] });
      return {
        blob,
        fileName: fileNameFor(s, o, o.format),
        frames: n,
        seconds: (performance.now() - t0) / 1000,
      };
    } catch (e) {
      if (output.state !== 'finalized' && output.state !== 'canceled') await output.cancel().catch(() => {});
      throw e;
    } finally {
      r.canvas.remove();
      r.close();
    }
  });
}

/** Timeslice of the fallback's recorder: how often it hands over what it has muxed, so the wait for its first frame sees it. */
const RECORDER_SLICE_MS = 100;
/**
 * Longest wait after the last frame for the recorder to mux its first frame. Measured in headless
 * Chromium on two cores while the model predicts in its workers: the VP9 encoder's first frame
 * came 1.5 to 5.5 s after start() (0.15 to 0.4 s on an idle page); a minute is far past that.
 */
const RECORDER_START_MS = 60_000;

/** Video frames (packets) in a WebM, as Mediabunny reads it; 0 for a header alone. */
async function framesIn(blob: Blob): Promise<number> {
  const input = new Input({ source: new BlobSource(blob), formats: [WEBM] });
  try {
    const track = await input.getPrimaryVideoTrack();
    if (!track) return 0;
    let n = 0;
    for await (const _ of new EncodedPacketSink(track).packets()) n++;
    return n;
  } catch {
    // a recording cut inside its first cluster does not parse yet: no whole frame
    return 0;
  } finally {
    input.dispose();
  }
}

/**
 * The fallback where WebCodecs is missing: the same frames drawn in real time onto the output
 * canvas and recorded by MediaRecorder as WebM (`mimeType` from videoSupport's `recorder`). A frame
 * is drawn when its time comes by the wall clock and handed to the recorder with requestFrame
 * (captureStream(0): the canvas gives a frame only when asked), so a machine that draws slower
 * than `fps` gives a clip with held frames.
 *
 * Chromium's recorder encodes on its own thread and drops whatever it has not yet encoded when
 * stop() comes; on a busy machine its encoder starts seconds after start() (see RECORDER_START_MS),
 * so stopping right after the last frame gave a file with the WebM header alone (110 bytes, no
 * frame). So after the last frame it waits (a state: a chunk of the recording holds a frame) until
 * the recorder has muxed a frame, then stops; stop() writes out what the encoder then holds. Under
 * load the recorder can still drop frames of its own accord: `frames` counts the frames in the
 * file, not those drawn, and a file with none is an error.
 */
export function recordVideo(
  engine: Engine,
  o: VideoOptions,
  mimeType: string,
  onProgress: Progress = () => {},
  signal?: AbortSignal,
): Promise<VideoResult> {
  const s = engine.store.get();
  const bad = checkVideoOptions(o, sceneSeconds(s));
  if (bad) return Promise.reject(new Error(bad));
  return paused(engine.store, async () => {
    const t0 = performance.now();
    const r = await FrameRenderer.open(engine, o);
    let rec: MediaRecorder | null = null;
    let stopped: Promise<void> = Promise.resolve();
    try {
      const stream = r.canvas.captureStream(0);
      const track = stream.getVideoTracks()[0] as CanvasCaptureMediaStreamTrack;
      rec = new MediaRecorder(stream, { mimeType });
      const chunks: Blob[] = [];
      let chunk: () => void = () => {};
      rec.ondataavailable = (e) => {
        if (e.data.size > 0) chunks.push(e.data);
        chunk();
      };
      const recorder = rec;
      stopped = new Promise<void>((done) => (recorder.onstop = () => done()));
      const n = frameCount(o);
      r.frame(0);
      rec.start(RECORDER_SLICE_MS);
      const start = performance.now();
      for (let k = 0; k < n; k++) {
        if (signal?.aborted) throw abortError();
        // the recorder stamps frames by the wall clock: wait for frame k's time
        const due = start + (k * 1000) / o.fps;
        while (performance.now() < due) await new Promise((w) => requestAnimationFrame(w));
        r.frame(k);
        track.requestFrame();
        onProgress(k + 1, n);
      }
      while (performance.now() < start + (n * 1000) / o.fps)
        await new Promise((w) => requestAnimationFrame(w));
      // a state, not a time: the next chunk the recorder hands over, until one holds a frame
      const last = performance.now();
      while ((await framesIn(new Blob(chunks))) === 0) {
        if (signal?.aborted) throw abortError();
        if (performance.now() - last > RECORDER_START_MS)
          throw new Error(`the browser's recorder encoded no frame within ${RECORDER_START_MS / 1000} s`);
        // the next chunk, an abort, or a tick that checks the bound (a chunk may never come)
        await new Promise<void>((w) => {
          chunk = w;
          signal?.addEventListener('abort', () => w(), { once: true });
          setTimeout(w, 1000);
        });
      }
      chunk = () => {};
      rec.stop();
      await stopped;
      const blob = new Blob(chunks, { type: 'video/webm' });
      const frames = await framesIn(blob);
      if (frames === 0) throw new Error("the browser's recorder wrote no frame");
      return {
        blob,
        fileName: fileNameFor(s, o, 'webm'),
        frames,
        seconds: (performance.now() - t0) / 1000,
      };
    } finally {
      if (rec && rec.state !== 'inactive') {
        rec.stop();
        await stopped;
      }
      r.close();
    }
  });
}
