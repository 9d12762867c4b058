// The export dialog (the Export… button of the playback bar, key `x`): the video of the current
// scene's playback (video.ts: format, time range, fps, size, caption, legend; progress and cancel;
// the formats this browser can write, and MediaRecorder where WebCodecs is missing) and the
// figures (PNG of the maps at 1x, 2x or 4x with or without the caption: snapshot.ts; SVG of the
// main map with the predicted trajectories: svg.ts). Every file goes through saveFile.
import { useEffect, useRef, useState } from 'react';
import type { Engine } from '../engine';
import { FIGURE_SCALES, snapshot, type FigureScale } from '../snapshot';
import type { Store } from '../store';
import { useStore } from '../useStore';
import { dataUrlBlob, saveFile } from './download';
import { sceneSvg } from './svg';
import {
  exportVideo,
  recordVideo,
  sceneSeconds,
  videoSupport,
  type VideoFormat,
  type VideoOptions,
  type VideoSupport,
} from './video';

/** Output sizes offered (16:9, even): a small preview, 720p, 1080p and 4K UHD. */
export const VIDEO_SIZES = [
  [640, 360],
  [1280, 720],
  [1920, 1080],
  [3840, 2160],
] as const;
export const VIDEO_FPS = [15, 24, 30, 60] as const;

export function ExportPanel(props: {
  store: Store;
  engine: Engine | null;
  compareEngine: Engine | null;
  onClose: () => void;
}) {
  const { store, engine, compareEngine, onClose } = props;
  return (
    <div className="sheet-backdrop" onClick={onClose}>
      <div className="sheet export-panel" data-testid="export-dialog" onClick={(e) => e.stopPropagation()}>
        <h2>Export</h2>
        <VideoSection store={store} engine={engine} />
        <FigureSection store={store} engine={engine} compareEngine={compareEngine} />
        <button onClick={onClose}>Close</button>
      </div>
    </div>
  );
}

type Job =
  | { state: 'idle' }
  | { state: 'running'; done: number; total: number }
  | { state: 'done' | 'error'; message: string };

/** The running export (progress, cancel) and what this browser can write at the chosen size. */
function useVideoJob(engine: Engine | null, o: VideoOptions) {
  const [job, setJob] = useState<Job>({ state: 'idle' });
  const [support, setSupport] = useState<VideoSupport | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => {
    let live = true;
    void videoSupport(o.width, o.height, o.fps).then((s) => live && setSupport(s));
    return () => void (live = false);
  }, [o.width, o.height, o.fps]);
  // closing the dialog cancels an export in flight
  useEffect(() => () => abort.current?.abort(), []);
  const run = async (recorder: string | null) => {
    if (!engine) return;
    const ac = new AbortController();
    abort.current = ac;
    setJob({ state: 'running', done: 0, total: 1 });
    const progress = (done: number, total: number) => setJob({ state: 'running', done, total });
    try {
      const r = recorder
        ? await recordVideo(engine, o, recorder, progress, ac.signal)
        : await exportVideo(engine, o, progress, ac.signal);
      saveFile(r.blob, r.fileName);
      setJob({
        state: 'done',
        message: `saved ${r.fileName}: ${r.frames} frames, ${(r.blob.size / 1024).toFixed(0)} KB in ${r.seconds.toFixed(1)} s`,
      });
    } catch (e) {
      const cancelled = e instanceof DOMException && e.name === 'AbortError';
      setJob({ state: 'error', message: cancelled ? 'cancelled' : `export failed: ${(e as Error).message}` });
    }
  };
  return { job, support, run, cancel: () => abort.current?.abort() };
}

function VideoSection({ store, engine }: { store: Store; engine: Engine | null }) {
  const length = useStore(store, sceneSeconds);
  const [o, setO] = useState<VideoOptions>({
    format: 'webm',
    start: 0,
    end: length,
    fps: 30,
    width: 1920,
    height: 1080,
    caption: true,
    panels: true,
  });
  const set = (p: Partial<VideoOptions>) => setO((v) => ({ ...v, ...p }));
  const { job, support, run, cancel } = useVideoJob(engine, o);
  const running = job.state === 'running';
  const can = support?.[o.format] ?? false;
  return (
    <section className="export-video">
      <h3>Video</h3>
      <VideoFields o={o} set={set} length={length} support={support} disabled={running} />
      <SupportLine support={support} />
      <div className="export-actions">
        {support?.webcodecs !== false ? (
          <button
            data-testid="export-video"
            disabled={running || !can || !engine}
            onClick={() => void run(null)}
          >
            Export video
          </button>
        ) : (
          <button
            data-testid="export-record"
            disabled={running || !support.recorder || !engine}
            onClick={() => void run(support.recorder)}
          >
            Record in real time (MediaRecorder)
          </button>
        )}
        <button data-testid="export-cancel" disabled={!running} onClick={cancel}>
          Cancel
        </button>
        {running && <progress data-testid="export-progress" value={job.done} max={job.total} />}
      </div>
      <p className="hint" data-testid="export-status" data-state={job.state}>
        {job.state === 'running'
          ? `frame ${job.done} of ${job.total}`
          : job.state === 'idle'
            ? ''
            : job.message}
      </p>
    </section>
  );
}

/** Format, range, fps, size, caption and legend. */
function VideoFields(props: {
  o: VideoOptions;
  set: (p: Partial<VideoOptions>) => void;
  length: number;
  support: VideoSupport | null;
  disabled: boolean;
}) {
  const { o, set, length, support, disabled } = props;
  const num = (v: string) => Math.min(length, Math.max(0, Number(v)));
  return (
    <fieldset disabled={disabled} className="export-fields">
      <label>
        format
        <select
          data-testid="export-format"
          value={o.format}
          onChange={(e) => set({ format: e.target.value as VideoFormat })}
        >
          <option value="mp4" disabled={support !== null && !support.mp4}>
            MP4 (H.264)
          </option>
          <option value="webm" disabled={support !== null && !support.webm}>
            WebM (VP9)
          </option>
        </select>
      </label>
      <label>
        from
        <input
          data-testid="export-start"
          type="number"
          min={0}
          max={length}
          step={0.1}
          value={o.start}
          onChange={(e) => set({ start: num(e.target.value) })}
        />
      </label>
      <label>
        to
        <input
          data-testid="export-end"
          type="number"
          min={0}
          max={length}
          step={0.1}
          value={o.end}
          onChange={(e) => set({ end: num(e.target.value) })}
        />
        s
      </label>
      <RateAndLook o={o} set={set} />
    </fieldset>
  );
}

/** Frame rate, size, caption and legend. */
function RateAndLook({ o, set }: { o: VideoOptions; set: (p: Partial<VideoOptions>) => void }) {
  return (
    <>
      <label>
        fps
        <select data-testid="export-fps" value={o.fps} onChange={(e) => set({ fps: Number(e.target.value) })}>
          {VIDEO_FPS.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
      </label>
      <label>
        size
        <select
          data-testid="export-size"
          value={`${o.width}x${o.height}`}
          onChange={(e) => {
            const [width, height] = e.target.value.split('x').map(Number);
            set({ width: width!, height: height! });
          }}
        >
          {VIDEO_SIZES.map(([w, h]) => (
            <option key={w} value={`${w}x${h}`}>
              {w}×{h}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input
          data-testid="export-caption"
          type="checkbox"
          checked={o.caption}
          onChange={(e) => set({ caption: e.target.checked })}
        />{' '}
        caption
      </label>
      <label>
        <input
          data-testid="export-panels"
          type="checkbox"
          checked={o.panels}
          onChange={(e) => set({ panels: e.target.checked })}
        />{' '}
        legend
      </label>
    </>
  );
}

/** Which formats this browser writes, in words. */
function SupportLine({ support }: { support: VideoSupport | null }) {
  if (!support) return <p className="hint">checking what this browser can encode…</p>;
  if (!support.webcodecs)
    return (
      <p className="hint" data-testid="export-support">
        This browser has no WebCodecs (VideoEncoder), so a clip cannot be rendered frame by frame.
        {support.recorder
          ? ' It can record the playback in real time with MediaRecorder (WebM); on a slow machine frames come late and are held.'
          : ' MediaRecorder cannot record WebM here either.'}
      </p>
    );
  const names = [support.mp4 && 'MP4 (H.264)', support.webm && 'WebM (VP9)'].filter(Boolean);
  return (
    <p className="hint" data-testid="export-support">
      {names.length
        ? `This browser writes ${names.join(' and ')} at this size.`
        : 'This browser cannot encode H.264 or VP9 at this size.'}
      {!support.mp4 && names.length ? ' It has no H.264 encoder for MP4.' : ''}
    </p>
  );
}

function FigureSection(props: { store: Store; engine: Engine | null; compareEngine: Engine | null }) {
  const { store, engine, compareEngine } = props;
  const [scale, setScale] = useState<FigureScale>(2);
  const [caption, setCaption] = useState(false);
  const [message, setMessage] = useState('');
  const name = (ext: string) => {
    const s = store.get();
    return `modescope-${s.scene?.id ?? 'view'}-step${Math.round(s.time)}${ext}`;
  };
  const png = async () => {
    if (!engine) return;
    const url = await snapshot([engine, ...(compareEngine ? [compareEngine] : [])], { scale, caption });
    saveFile(await dataUrlBlob(url), name(`-${scale}x.png`));
    setMessage(`saved ${name(`-${scale}x.png`)}`);
  };
  const svg = () => {
    if (!engine) return;
    const text = sceneSvg(store.get(), engine.parent.clientWidth, engine.parent.clientHeight);
    saveFile(new Blob([text], { type: 'image/svg+xml' }), name('.svg'));
    setMessage(`saved ${name('.svg')}`);
  };
  const fail = (e: unknown) => setMessage(`failed: ${(e as Error).message}`);
  return (
    <section className="export-figure">
      <h3>Figure</h3>
      <label>
        PNG scale
        <select
          data-testid="figure-scale"
          value={scale}
          onChange={(e) => setScale(Number(e.target.value) as FigureScale)}
        >
          {FIGURE_SCALES.map((k) => (
            <option key={k} value={k}>
              {k}×
            </option>
          ))}
        </select>
      </label>
      <label>
        <input
          data-testid="figure-caption"
          type="checkbox"
          checked={caption}
          onChange={(e) => setCaption(e.target.checked)}
        />{' '}
        caption
      </label>
      <button data-testid="figure-png" disabled={!engine} onClick={() => void png().catch(fail)}>
        Save PNG
      </button>
      <button
        data-testid="figure-svg"
        disabled={!engine}
        onClick={() => {
          try {
            svg();
          } catch (e) {
            fail(e);
          }
        }}
      >
        Save SVG (map and predictions)
      </button>
      <p className="hint" data-testid="figure-status">
        {message}
      </p>
    </section>
  );
}
