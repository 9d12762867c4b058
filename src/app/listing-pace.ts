// The scene worker's pacing of a listing (scene-worker.ts): it posts rows in batches and may run at
// most `ahead` batches beyond those the page has taken (useScenarioFile.ts tells it: as rows arrive,
// or, while the page does heavy work of its own, when that ends; page-work.ts). The contract:
// - room() resolves at once while fewer than `ahead` posted batches are untaken, else when the page
//   takes one (taken) or the listing ends (stop: closed, or a newer file opened), whichever first;
// - a stopped pace never waits again (the listing checks that it is still live and returns).
/**
 * Batches of rows the listing may post beyond those the page has taken ('taken'; held while the
 * page does heavy work of its own, at most useScenarioFile.ts TAKEN_LATE_MS). At full speed while
 * the page was busy (the first scene staged into the map, the model's first prediction drawn), the
 * listing took half of the core the page's main thread needed (two cores, one busy: the page's 10-25 ms tasks
 * stretched past the 50 ms long-task line, npm run bench -- list). Two, so the next batch is ready
 * when the page takes one.
 */
export const AHEAD = 2;

export class ListingPace {
  private posted = 0;
  private took = 0;
  private stopped = false;
  private wake: (() => void) | null = null;

  constructor(readonly ahead: number) {}

  /** A batch was posted to the page. */
  post() {
    this.posted++;
  }

  /** The page took `batches` more batches. */
  taken(batches: number) {
    this.took += batches;
    this.release();
  }

  /** The listing ended: whatever waits goes on (and finds the listing gone). */
  stop() {
    this.stopped = true;
    this.release();
  }

  /** Batches posted and not yet taken. */
  get untaken(): number {
    return this.posted - this.took;
  }

  /** Resolves when the listing may decode its next batch (see the header). */
  async room(): Promise<void> {
    while (!this.stopped && this.untaken >= this.ahead)
      await new Promise<void>((resolve) => (this.wake = resolve));
  }

  private release() {
    const w = this.wake;
    this.wake = null;
    w?.();
  }
}
