// The page's heavy work in progress (src/app/page-work.ts): background work waits for its end, at
// most lateMs.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { beginPageWork, pageBusy, whenPageFree } from '../../src/app/page-work';

afterEach(() => vi.useRealTimers());

describe('page work', () => {
  it('runs at once when the page is free, and when the last work ends otherwise', () => {
    const calls: string[] = [];
    whenPageFree(() => calls.push('free'), 1000);
    expect(calls).toEqual(['free']);
    const a = beginPageWork();
    const b = beginPageWork();
    expect(pageBusy()).toBe(true);
    whenPageFree(() => calls.push('after'), 1000);
    a();
    a(); // ending twice changes nothing
    expect(calls).toEqual(['free']);
    b();
    expect(calls).toEqual(['free', 'after']);
    expect(pageBusy()).toBe(false);
  });

  it('runs at most lateMs late, once, while the work goes on', () => {
    vi.useFakeTimers();
    const calls: number[] = [];
    const end = beginPageWork();
    whenPageFree(() => calls.push(1), 250);
    vi.advanceTimersByTime(249);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual([1]);
    end();
    vi.advanceTimersByTime(1000);
    expect(calls).toEqual([1]);
  });
});
