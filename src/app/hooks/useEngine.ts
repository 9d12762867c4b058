// The map engine for a canvas host: created on mount, finalised on unmount (StrictMode-safe), with
// the hover tooltip written straight to its DOM node (never through React: hover is per frame).
import { useEffect, useState, type RefObject } from 'react';
import { Engine, type HoverDetails } from '../engine';
import type { Store } from '../store';

export function useEngine(
  store: Store,
  canvasHost: RefObject<HTMLDivElement | null>,
  tooltip: RefObject<HTMLDivElement | null>,
): Engine | null {
  const [engine, setEngine] = useState<Engine | null>(null);
  useEffect(() => {
    const e = new Engine(canvasHost.current!, store, {
      onHover: (h: HoverDetails | null) => {
        const el = tooltip.current!;
        if (!h) {
          el.style.display = 'none';
          return;
        }
        // the tooltip is fixed to the page: the hover is in canvas pixels, so add where the map sits
        const r = canvasHost.current!.getBoundingClientRect();
        el.style.display = 'block';
        el.style.left = `${r.left + h.x + 16}px`;
        el.style.top = `${r.top + h.y + 16}px`;
        el.textContent = h.lines.join('\n');
      },
    });
    // the engine needs the mounted canvas host, so it exists only after mount; the components that
    // draw with it get it by this one state change
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setEngine(e);
    return () => {
      e.finalize();
      setEngine(null);
    };
  }, [store, canvasHost, tooltip]);
  return engine;
}
