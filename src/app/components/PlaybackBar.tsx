// Play/pause, step, speed, loop and the timeline. The time readout and the slider are written to
// the DOM after each map draw (never before it, see Engine.afterDraw), so playback never renders
// React and never forces a layout. The bar fits every width down to 900 px: the timeline keeps a
// scrubbable width and a 28 px tall hit area (styles.css), on a row of its own when the buttons
// leave it too little. Save PNG saves every map on screen (snapshot.ts: both in the split view).
import { useContext, useEffect, useRef, type RefObject } from 'react';
import { RunCommand } from '../hooks/useCommands';
import { commandTitle } from '../commands';
import { SPEEDS, stepAt, type Store, type ViewerState } from '../store';
import { useStore } from '../useStore';
import type { Engine } from '../engine';
import { snapshot } from '../snapshot';

export function PlaybackBar(props: { store: Store; engine: Engine | null; compareEngine: Engine | null }) {
  const { store, engine, compareEngine } = props;
  const steps = useStore(store, (s) => s.scene?.timestamps.length ?? 0);
  const { slider, readout } = useTimeReadout(store, engine, steps);
  const last = Math.max(0, steps - 1);
  const none = steps === 0;
  const run = useContext(RunCommand);
  return (
    <div className="playback" data-testid="playback">
      <Transport store={store} none={none} />
      <SpeedAndLoop store={store} />
      <Timeline store={store} slider={slider} steps={steps} last={last} none={none} />
      <span className="readout" data-testid="time" ref={readout} />
      <button
        onClick={() => engine && void download([engine, ...(compareEngine ? [compareEngine] : [])], store)}
        disabled={none}
        data-testid="screenshot"
        title="Save what the maps show as a PNG (both maps in the split view)"
      >
        Save PNG
      </button>
      <button
        onClick={() => run('export')}
        disabled={none}
        data-testid="export-open"
        title={commandTitle('export')}
      >
        Export…
      </button>
    </div>
  );
}

/**
 * The refs for the slider and the time readout, which this hook writes after each map draw (or on
 * each store change when there is no engine); the per-frame path never renders React.
 */
function useTimeReadout(store: Store, engine: Engine | null, steps: number) {
  const slider = useRef<HTMLInputElement>(null);
  const readout = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const show = () => {
      if (slider.current && readout.current) showTime(store.get(), slider.current, readout.current);
    };
    show();
    return engine ? engine.afterDraw(show) : store.subscribe(show);
    // `steps` changes with the scene: show the new scene's readout (or 'no scene') at once
  }, [store, engine, steps]);
  return { slider, readout };
}

/** Moves the slider to the store's time and writes the seconds and step into the readout. */
function showTime(s: ViewerState, slider: HTMLInputElement, readout: HTMLSpanElement) {
  const sc = s.scene;
  if (!sc) {
    readout.textContent = 'no scene';
    delete readout.dataset.step;
    return;
  }
  slider.value = String(s.time);
  const t0 = sc.timestamps[0] ?? 0;
  const step = stepAt(s.time);
  const frac = s.time - step;
  const a = sc.timestamps[step] ?? 0;
  const b = sc.timestamps[Math.min(step + 1, sc.timestamps.length - 1)] ?? a;
  const sec = a + (b - a) * frac - t0;
  readout.textContent = `${sec.toFixed(2)} s · step ${step}/${sc.timestamps.length - 1}`;
  readout.dataset.step = String(step);
}

/** Step back, play / pause and step forward; the titles come from the command table. */
function Transport({ store, none }: { store: Store; none: boolean }) {
  const playing = useStore(store, (s) => s.playing);
  const run = useContext(RunCommand);
  return (
    <>
      <button onClick={() => run('back')} disabled={none} title={commandTitle('back')} aria-label="step back">
        ◀|
      </button>
      <button
        data-testid="play"
        disabled={none}
        onClick={() => run('play')}
        title={commandTitle('play')}
        aria-label={playing ? 'pause' : 'play'}
      >
        {playing ? '❚❚' : '▶'}
      </button>
      <button
        onClick={() => run('forward')}
        disabled={none}
        title={commandTitle('forward')}
        aria-label="step forward"
      >
        |▶
      </button>
    </>
  );
}

/** The speed select and the loop checkbox. */
function SpeedAndLoop({ store }: { store: Store }) {
  const speed = useStore(store, (s) => s.speed);
  const loop = useStore(store, (s) => s.loop);
  return (
    <>
      <label>
        speed
        <select
          data-testid="speed"
          value={speed}
          onChange={(e) => store.set({ speed: Number(e.target.value) })}
        >
          {SPEEDS.map((v) => (
            <option key={v} value={v}>
              {v}×
            </option>
          ))}
        </select>
      </label>
      <label>
        <input type="checkbox" checked={loop} onChange={(e) => store.set({ loop: e.target.checked })} /> loop
      </label>
    </>
  );
}

/** The time slider (its value is written by useTimeReadout) and the scene's current-time marker. */
function Timeline(props: {
  store: Store;
  slider: RefObject<HTMLInputElement | null>;
  steps: number;
  last: number;
  none: boolean;
}) {
  const { store, slider, steps, last, none } = props;
  const current = useStore(store, (s) => s.scene?.currentIndex ?? 0);
  return (
    <div className="timeline" data-testid="timeline-area">
      <input
        ref={slider}
        type="range"
        data-testid="timeline"
        disabled={none}
        min={0}
        max={last}
        step={0.01}
        onChange={(e) => store.set({ time: Number(e.target.value), playing: false })}
        aria-label="time"
      />
      {steps > 1 && (
        <span
          className="current-marker"
          title={`current_time_index ${current}`}
          style={{ left: `calc(${(current / last) * 100}% + ${8 - (current / last) * 16}px)` }}
        />
      )}
    </div>
  );
}

async function download(engines: Engine[], store: Store) {
  const s = store.get();
  const a = document.createElement('a');
  a.href = await snapshot(engines);
  a.download = `modescope-${s.scene?.id ?? 'view'}-step${Math.round(s.time)}.png`;
  a.click();
}
