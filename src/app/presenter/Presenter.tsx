// Presenter mode (issue 17 item 1) and the tour's controls on the page. Contract:
//  - PresenterCaption, shown while presenter mode is on (`p`): a strip under the map (never over
//    it, so the camera's fit stays in view) that says, in type at least 28 px tall, the tour stop's
//    caption (else the scene), the scene, the time and step, what really happened ("B yields to A",
//    pseudo label and yielder) and each drawn model's modes with their probabilities (caption.ts),
//    with buttons for the previous / next stop, fullscreen, the high-contrast theme and leaving.
//    The time is written after each map draw (Engine.afterDraw), so playback renders no React.
//  - Blackout (`.`): the whole page black until `.` again (or a click), presenter mode or not.
//  - PresenterTools, in the map's header: enter presenter mode, open a tour file, and the open
//    tour's stop, caption and stepping; a tour that could not be opened is said there.
// Styles: presenter.css (the panels fold away via the .app.presenter class App sets).
import { useContext, useEffect, useMemo, useRef, type ChangeEvent } from 'react';
import { labelPairDetail } from '../../labels';
import { getPredictor } from '../../model/registry';
import { STEP_HZ } from '../../scene/scene';
import { commandTitle } from '../commands';
import type { Engine } from '../engine';
import { RunCommand } from '../hooks/useCommands';
import { css, modeColor } from '../palette';
import { activePair, stepAt, type Store, type ViewerState } from '../store';
import { useStore } from '../useStore';
import { interactionPhrase, modePhrases, percent } from './caption';
import type { TourControls } from './useTour';
import './presenter.css';

/** The step and time shown, written into `el` after each draw (never a React render per frame). */
function useLiveTime(store: Store, engine: Engine | null) {
  const el = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const show = () => {
      const s = store.get();
      if (!el.current) return;
      const step = stepAt(s.time);
      el.current.textContent = s.scene
        ? `${(step / STEP_HZ).toFixed(1)} s · step ${step}/${s.scene.timestamps.length - 1}`
        : '';
      el.current.dataset.step = String(step);
    };
    show();
    return engine ? engine.afterDraw(show) : store.subscribe(show);
  }, [store, engine]);
  return el;
}

/** What really happened between the pair, in words; null without a scene or pair. */
function useWhatHappened(store: Store): string | null {
  const scene = useStore(store, (s) => s.scene);
  const pair = useStore(store, (s) => s.pair);
  return useMemo(() => {
    const p = scene ? activePair({ scene, pair } as ViewerState) : null;
    return scene && p ? interactionPhrase(labelPairDetail(scene, p[0], p[1])) : null;
  }, [scene, pair]);
}

/** One model's modes for the caption: "pseudo-label CVAE: ■ B yields to A · 58% ■ ...". */
function ModesLine({ store, which }: { store: Store; which: 'main' | 'compare' }) {
  const prediction = useStore(store, (s) => (which === 'main' ? s.prediction : s.comparePrediction));
  const scene = useStore(store, (s) => s.scene);
  const variant = useStore(store, (s) => (which === 'main' ? s.predict.variant : s.compare));
  // a forced mode is the one drawn, whatever its prior: said so beside its probability
  const forced = useStore(store, (s) => s.predict.forcedMode);
  const phrases = useMemo(
    () => (prediction && scene && prediction.sceneId === scene.id ? modePhrases(prediction, scene) : null),
    [prediction, scene],
  );
  if (!variant) return null;
  return (
    <div className="presenter-modes" data-testid={`presenter-modes-${which}`}>
      <span className="presenter-model">{getPredictor(variant).title}:</span>
      {phrases === null ? (
        <span className="presenter-wait"> predicting…</span>
      ) : (
        phrases.map((m) => (
          <span key={m.mode} className="presenter-mode" data-mode={m.mode}>
            <span
              className="presenter-swatch"
              style={{ background: css(modeColor(prediction!.variant, m.mode)) }}
            />
            {m.name} · {percent(m.probability)}
            {forced === m.mode && <i className="presenter-forced"> (forced)</i>}
          </span>
        ))
      )}
    </div>
  );
}

/** The caption's buttons: the tour's previous / next stop, fullscreen, high contrast, leave. */
function CaptionButtons({ store }: { store: Store }) {
  const run = useContext(RunCommand);
  const open = useStore(store, (s) => s.tour);
  const contrast = useStore(store, (s) => s.presenter.contrast);
  return (
    <span className="presenter-buttons">
      {open && (
        <>
          <button onClick={() => run('prevStop')} title={commandTitle('prevStop')} aria-label="previous stop">
            ◀
          </button>
          <span data-testid="presenter-stop">
            {open.stop + 1}/{open.tour.stops.length}
          </span>
          <button onClick={() => run('nextStop')} title={commandTitle('nextStop')} aria-label="next stop">
            ▶
          </button>
        </>
      )}
      <button
        data-testid="presenter-fullscreen"
        onClick={() => run('fullscreen')}
        title={commandTitle('fullscreen')}
      >
        fullscreen
      </button>
      <button
        data-testid="presenter-contrast"
        className={contrast ? 'active' : ''}
        aria-pressed={contrast}
        onClick={() => run('contrast')}
        title={commandTitle('contrast')}
      >
        contrast
      </button>
      <button data-testid="presenter-exit" onClick={() => run('presenter')} title={commandTitle('presenter')}>
        exit
      </button>
    </span>
  );
}

/** The caption strip of presenter mode (see the header). */
export function PresenterCaption({
  store,
  engine,
  tour,
}: {
  store: Store;
  engine: Engine | null;
  tour: TourControls;
}) {
  const sceneId = useStore(store, (s) => s.scene?.id ?? null);
  const open = useStore(store, (s) => s.tour);
  const time = useLiveTime(store, engine);
  const happened = useWhatHappened(store);
  // the stop's caption while its scene is shown (a scene moved to with [ or ] has its id)
  const stop = open ? open.tour.stops[open.stop] : undefined;
  const headline = stop && stop.scene === sceneId ? stop.caption : (sceneId ?? 'no scene');
  return (
    <section className="presenter-caption" data-testid="presenter-caption">
      <div className="presenter-headline">
        {/* the page's one heading while the sidebar's title is hidden (axe: page-has-heading-one) */}
        <span data-testid="presenter-title" role="heading" aria-level={1}>
          {headline}
        </span>
        <CaptionButtons store={store} />
      </div>
      <div className="presenter-facts">
        <span data-testid="presenter-scene">{sceneId}</span> ·{' '}
        <span data-testid="presenter-time" ref={time} />
        {happened && (
          <>
            {' '}
            · what happened: <b data-testid="presenter-happened">{happened}</b>
          </>
        )}
      </div>
      <ModesLine store={store} which="main" />
      <ModesLine store={store} which="compare" />
      {open?.error && (
        <p className="error" data-testid="tour-error">
          {open.error}
        </p>
      )}
      {tour.failure && <p className="error">{tour.failure}</p>}
    </section>
  );
}

/** The black screen (`.`): covers the page until `.` again or a click. */
export function Blackout({ store }: { store: Store }) {
  const black = useStore(store, (s) => s.presenter.black);
  const run = useContext(RunCommand);
  if (!black) return null;
  return <div className="blackout" data-testid="blackout" onClick={() => run('black')} />;
}

/** In the map's header: presenter mode, a tour picker, and the open tour's stop and caption. */
export function PresenterTools({ store, tour }: { store: Store; tour: TourControls }) {
  const run = useContext(RunCommand);
  const open = useStore(store, (s) => s.tour);
  const input = useRef<HTMLInputElement>(null);
  const pick = (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    if (f) void tour.openFile(f);
    e.target.value = '';
  };
  return (
    <>
      {open && (
        <span className="tour-bar" data-testid="tour-bar">
          <button onClick={() => run('prevStop')} title={commandTitle('prevStop')} aria-label="previous stop">
            ◀
          </button>
          <span
            className="tour-caption"
            data-testid="tour-caption"
            title={open.tour.stops[open.stop]?.caption}
          >
            {open.stop + 1}/{open.tour.stops.length} {open.tour.stops[open.stop]?.caption}
          </span>
          <button onClick={() => run('nextStop')} title={commandTitle('nextStop')} aria-label="next stop">
            ▶
          </button>
          <button onClick={tour.close} title="Close the tour (PageUp / PageDown move the scene again)">
            close tour
          </button>
        </span>
      )}
      {(open?.error ?? tour.failure) && (
        <span
          className="error tour-error"
          data-testid="tour-problem"
          title={open?.error ?? tour.failure ?? ''}
        >
          {open?.error ?? tour.failure}
        </span>
      )}
      <input
        ref={input}
        type="file"
        hidden
        accept=".json,application/json"
        data-testid="tour-picker"
        onChange={pick}
      />
      <button
        data-testid="tour-open"
        onClick={() => input.current?.click()}
        title="Open a tour file (JSON: scenes, steps, models, modes and captions)"
      >
        tour…
      </button>
      <button
        data-testid="presenter-enter"
        onClick={() => run('presenter')}
        title={commandTitle('presenter')}
      >
        present
      </button>
    </>
  );
}
