// What the page tells the user it ignored in the link it was opened with (issue 18 item 5): one
// line per parameter, naming it and its value and why ("ignored t=abc: not a step number"). The
// link's parser (url.ts) finds the malformed values; the scene selection (hooks/useSceneSelection)
// finds the ones that name what the open files lack (a scene, an agent, a time past the end).
// A page-wide list outside React state (like submissions.ts's entries), read with
// useSyncExternalStore by the Sidebar's <UrlNotices>; a line already listed is not added twice.

/** How much of a value a notice shows: a line, not a page of garbage. */
const SHOWN_CHARS = 40;

/** The line for parameter `k` ignored with `value` and why: "ignored t=abc: not a step number". */
export function ignoredLine(k: string, value: string, why: string): string {
  const shown = value.length > SHOWN_CHARS ? `${value.slice(0, SHOWN_CHARS)}…` : value;
  return `ignored ${k}=${shown}: ${why}`;
}

let notices: readonly string[] = [];
const listeners = new Set<() => void>();

/** Adds a notice (once: the same line again is ignored). */
export function addNotice(line: string): void {
  if (notices.includes(line)) return;
  notices = [...notices, line];
  for (const l of listeners) l();
}

/** Removes every notice (the user dismissed them). */
export function clearNotices(): void {
  notices = [];
  for (const l of listeners) l();
}

/** The notices so far: a stable array until the next change (useSyncExternalStore). */
export const currentNotices = (): readonly string[] => notices;

export function onNoticesChange(l: () => void): () => void {
  listeners.add(l);
  return () => void listeners.delete(l);
}
