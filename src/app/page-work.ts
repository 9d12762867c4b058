// The page's own heavy main-thread work in progress, for background work that competes with it for
// the CPU. The contract:
// - beginPageWork() marks a piece of work in progress (the map staging a scene, engine.ts) and
//   returns its end; ending twice is harmless;
// - whenPageFree(f, lateMs) calls f at once when no work is in progress, else when the last one ends or
//   after lateMs, whichever comes first; f runs once.
// The scene worker's listing takes rows through it (useScenarioFile.ts): on two cores with one busy,
// a listing decoding at full speed beside the map's staging took half of the core the page needed,
// and the staging's 10-25 ms tasks stretched past the 50 ms long-task line (npm run bench -- list).
let inProgress = 0;
let waiting: (() => void)[] = [];

/** Whether some page work is in progress now. */
export function pageBusy(): boolean {
  return inProgress > 0;
}

/** Marks page work in progress; call the returned function when it ends. */
export function beginPageWork(): () => void {
  inProgress++;
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    inProgress--;
    if (inProgress > 0) return;
    const run = waiting;
    waiting = [];
    for (const f of run) f();
  };
}

/** Calls `f` once, when no page work is in progress (now, or when it ends), at most `lateMs` late. */
export function whenPageFree(f: () => void, lateMs: number): void {
  if (inProgress === 0) return f();
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    waiting = waiting.filter((w) => w !== once);
    f();
  };
  const timer = setTimeout(once, lateMs);
  waiting.push(once);
}
