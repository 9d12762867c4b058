// Split view: a second map beside the main one that draws another model's prediction for the
// same scene. Both engines read the one store, so the camera (pan, zoom, rotation, follow) and the
// time are the same in both by construction; only the main engine advances the time and places
// the camera. Its title is a cell of the maps' header row (App.tsx), not drawn over the map; its
// engine is handed to the page (onEngine) so Save PNG saves both maps.
import { useEffect, useRef, useState } from 'react';
import type { Scene } from '../../scene/scene';
import { Engine } from '../engine';
import { composeLayers } from '../layers';
import type { Store, ViewerState } from '../store';
import { useStore } from '../useStore';
import { PredictionController } from './controller';
import { getPredictor } from '../../model/registry';
import './predictions.css';

declare global {
  interface Window {
    /** Test hook: the split view's engine while it is shown. */
    __modescopeCompare?: Engine;
  }
}

/** The split view's engine: draws the compare prediction, never moves the time itself. */
class CompareEngine extends Engine {
  override buildLayers = (s: ViewerState & { scene: Scene }) =>
    composeLayers({ scene: s.scene, time: s.time, view: { ...s, prediction: s.comparePrediction } });
  override advance() {}
  protected override fits = false;
}

export function CompareView({ store, onEngine }: { store: Store; onEngine: (e: Engine | null) => void }) {
  const compare = useStore(store, (s) => s.compare);
  const latency = useStore(store, (s) => s.comparePrediction?.latencyMs ?? null);
  const host = useRef<HTMLDivElement>(null);
  const [controller] = useState(() => new PredictionController(store, true));
  const on = compare !== null;

  useEffect(() => (on ? controller.attach() : undefined), [controller, on]);

  useEffect(() => {
    if (!on) return;
    const e = new CompareEngine(host.current!, store, { onHover: () => {} });
    window.__modescopeCompare = e;
    onEngine(e);
    return () => {
      onEngine(null);
      e.finalize();
      delete window.__modescopeCompare;
    };
  }, [store, on, onEngine]);

  if (!on) return null;
  return (
    <>
      <div className="compare-title" data-testid="compare-title">
        {getPredictor(compare).title}
        {latency !== null ? ` · ${latency.toFixed(0)} ms` : ''}
      </div>
      <div className="compare-host" data-testid="compare-view" ref={host} />
    </>
  );
}
