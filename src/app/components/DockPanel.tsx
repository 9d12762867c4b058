// One panel of the dock (App.tsx: beside the map on a wide window, below it on a narrow one, never
// over it): a <details> whose fold is remembered in this browser (useRemembered). The summary is
// the strip a folded panel shrinks to.
import type { ReactNode } from 'react';
import { useRemembered } from '../hooks/useRemembered';

export function DockPanel(props: {
  /** Remembered under this id (hooks/useRemembered.ts panelKey). */
  id: string;
  className: string;
  testId: string;
  /** Open until the user first folds it. */
  defaultOpen: boolean;
  summary: ReactNode;
  children: ReactNode;
}) {
  const [open, setOpen] = useRemembered(props.id, props.defaultOpen);
  return (
    <details
      className={`dock-panel ${props.className}`}
      data-testid={props.testId}
      open={open}
      onToggle={(e) => {
        // React's toggle event also fires for the open state it set itself: only a change counts
        if (e.currentTarget.open !== open) setOpen(e.currentTarget.open);
      }}
    >
      {props.summary}
      {props.children}
    </details>
  );
}
