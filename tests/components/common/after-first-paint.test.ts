import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterFirstPaint } from '../../../components/common/after-first-paint';

/**
 * Work that waits for the first screen (the group's code, the notebook) waits until it is on
 * screen: the page's first contentful paint, or a timer where the browser says nothing.
 */
type Callback = (list: { getEntriesByName(name: string): unknown[] }) => void;

/** A PerformanceObserver whose paint entries the test hands out. */
function paintObserver() {
  const observers: { callback: Callback; disconnected: boolean }[] = [];
  class FakeObserver {
    private readonly entry: { callback: Callback; disconnected: boolean };
    constructor(callback: Callback) {
      this.entry = { callback, disconnected: false };
      observers.push(this.entry);
    }
    observe(options: { type: string }): void {
      if (options.type !== 'paint') throw new TypeError('unsupported');
    }
    disconnect(): void {
      this.entry.disconnected = true;
    }
  }
  vi.stubGlobal('PerformanceObserver', FakeObserver);
  return {
    paint(name: string): void {
      for (const o of observers) {
        if (!o.disconnected)
          o.callback({ getEntriesByName: (n) => (n === name ? [{ name, startTime: 1 }] : []) });
      }
    },
    get connected(): number {
      return observers.filter((o) => !o.disconnected).length;
    },
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('afterFirstPaint', () => {
  it('runs the work once the first contentful paint is reported, after that task, once', () => {
    vi.useFakeTimers();
    const browser = paintObserver();
    const work = vi.fn();
    afterFirstPaint(work, 1000);
    vi.advanceTimersByTime(500);
    expect(work).not.toHaveBeenCalled();
    browser.paint('first-paint');
    vi.advanceTimersByTime(10);
    expect(work).not.toHaveBeenCalled(); // a paint without content is not the screen
    browser.paint('first-contentful-paint');
    expect(work).not.toHaveBeenCalled(); // not inside the observer's own task
    browser.paint('first-contentful-paint');
    vi.advanceTimersByTime(0);
    expect(work).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(2000);
    expect(work).toHaveBeenCalledTimes(1);
    expect(browser.connected).toBe(0);
  });

  it('goes on after the wait where no paint is reported', () => {
    vi.useFakeTimers();
    const browser = paintObserver();
    const work = vi.fn();
    afterFirstPaint(work, 1000);
    vi.advanceTimersByTime(999);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(work).toHaveBeenCalledTimes(1);
    expect(browser.connected).toBe(0);
  });

  it('goes on after the wait where the browser has no PerformanceObserver', () => {
    vi.useFakeTimers();
    vi.stubGlobal('PerformanceObserver', undefined);
    const work = vi.fn();
    afterFirstPaint(work, 300);
    vi.advanceTimersByTime(300);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('does nothing once cancelled, paint or no paint', () => {
    vi.useFakeTimers();
    const browser = paintObserver();
    const work = vi.fn();
    const cancel = afterFirstPaint(work, 1000);
    browser.paint('first-contentful-paint');
    cancel();
    vi.advanceTimersByTime(2000);
    expect(work).not.toHaveBeenCalled();
    expect(browser.connected).toBe(0);
  });
});
