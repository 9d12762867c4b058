// The share command (commands.ts 'share'): copies the link to the view shown (the URL carries the
// scene, time, selection, camera, models and settings: url.ts) to the clipboard, and says so in a
// note beside the button ("link copied"), or why it could not, with the link to copy by hand. The
// note clears itself after NOTE_MS or at the next share.
import { useCallback, useEffect, useState } from 'react';

/** How long the note stays, ms: long enough to read, short enough not to linger as stale news. */
const NOTE_MS = 4000;

export interface Share {
  share(): void;
  /** What the last share did, while it is news; null otherwise. */
  note: string | null;
}

/** `link`: writes the view into the URL now and returns it (useUrlSync's UrlSync.link). */
export function useShare(link: () => string): Share {
  const [note, setNote] = useState<{ text: string; at: number } | null>(null);
  useEffect(() => {
    if (!note) return;
    const timer = window.setTimeout(() => setNote(null), NOTE_MS);
    return () => clearTimeout(timer);
  }, [note]);
  const share = useCallback(() => {
    const href = link();
    const say = (text: string) => setNote({ text, at: performance.now() });
    if (!navigator.clipboard) {
      say(`copy this link: ${href} (the clipboard needs a secure page: https or localhost)`);
      return;
    }
    navigator.clipboard.writeText(href).then(
      () => say('link copied'),
      (e: unknown) =>
        say(`the link could not be copied (${e instanceof Error ? e.message : String(e)}): ${href}`),
    );
  }, [link]);
  return { share, note: note?.text ?? null };
}
