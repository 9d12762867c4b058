// The scene worker's listing pace (src/app/listing-pace.ts): at most `ahead` batches beyond those the
// page has taken; a take or a stop lets a waiting listing go on.
import { describe, expect, it } from 'vitest';
import { ListingPace } from '../../src/app/listing-pace';

/** Whether `p` has settled after the microtasks queued now have run. */
async function settled(p: Promise<void>): Promise<boolean> {
  let done = false;
  void p.then(() => (done = true));
  await new Promise((r) => setTimeout(r, 0));
  return done;
}

describe('ListingPace', () => {
  it('lets the listing run `ahead` batches beyond what the page took, then waits for a take', async () => {
    const pace = new ListingPace(2);
    expect(await settled(pace.room())).toBe(true);
    pace.post();
    expect(await settled(pace.room())).toBe(true);
    pace.post();
    expect(pace.untaken).toBe(2);
    const waiting = pace.room();
    expect(await settled(waiting)).toBe(false);
    pace.taken(1);
    expect(await settled(waiting)).toBe(true);
    expect(pace.untaken).toBe(1);
  });

  it('keeps waiting while the page has taken too little, and goes on once it takes enough', async () => {
    const pace = new ListingPace(1);
    pace.post();
    pace.post();
    pace.post();
    const waiting = pace.room();
    pace.taken(1); // 2 untaken: still at least `ahead`
    expect(await settled(waiting)).toBe(false);
    pace.taken(2);
    expect(await settled(waiting)).toBe(true);
  });

  it('a stopped listing (closed, or a newer file opened) never waits', async () => {
    const pace = new ListingPace(1);
    pace.post();
    const waiting = pace.room();
    expect(await settled(waiting)).toBe(false);
    pace.stop();
    expect(await settled(waiting)).toBe(true);
    pace.post();
    pace.post();
    expect(await settled(pace.room())).toBe(true);
  });
});
