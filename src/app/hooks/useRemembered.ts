// A panel's folded or open state, remembered in this browser (localStorage) across reloads, so a
// panel the user folded away stays folded. A browser that refuses storage (private mode, a
// sandboxed frame) still gets a working toggle, just not remembered.
import { useCallback, useState } from 'react';

/** The localStorage key of panel `id`: one namespace for every remembered panel. */
export const panelKey = (id: string) => `modescope.panel.${id}`;

function read(id: string, fallback: boolean): boolean {
  try {
    const v = localStorage.getItem(panelKey(id));
    return v === null ? fallback : v === 'open';
  } catch {
    return fallback;
  }
}

/** [open, setOpen] for panel `id`, `fallback` until the user first folds or opens it. */
export function useRemembered(id: string, fallback: boolean): [boolean, (open: boolean) => void] {
  const [open, set] = useState(() => read(id, fallback));
  const setOpen = useCallback(
    (v: boolean) => {
      set(v);
      try {
        localStorage.setItem(panelKey(id), v ? 'open' : 'folded');
      } catch {
        // storage refused: the toggle still works for this page
      }
    },
    [id],
  );
  return [open, setOpen];
}
