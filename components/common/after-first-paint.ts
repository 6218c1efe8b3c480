/**
 * The longest the panel waits to hear that its first screen is on screen. A browser that does
 * not report paints (or a page that is not drawn) then goes on as if it were.
 */
export const FIRST_PAINT_WAIT_MS = 1000;

/**
 * Runs `work` once the page's first contentful paint has been presented: the frame on screen,
 * not the frame begun. The frame's own work is only half of it: after the main thread's style,
 * layout and paint, the frame is rastered on worker threads and drawn, and on two cores the
 * panel's next work (the group's code, about 400 KB to fetch and parse in the background, and
 * the notebook's) competed with that raster and held the first paint back by tens of ms
 * (docs/benchmarks.md, fifteenth round). `requestAnimationFrame` and a timer after it run once
 * the main thread's part is done, before the pixels. Falls back to a timer where the Paint
 * Timing API is missing or says nothing within FIRST_PAINT_WAIT_MS. Once the first paint has
 * been, it runs `work` at once (after the current task). The returned function cancels it.
 */
export function afterFirstPaint(work: () => void, waitMs = FIRST_PAINT_WAIT_MS): () => void {
  let done = false;
  let observer: PerformanceObserver | null = null;
  let soon: ReturnType<typeof setTimeout> | undefined;
  const stop = (): void => {
    done = true;
    clearTimeout(fallback);
    clearTimeout(soon);
    observer?.disconnect();
  };
  const run = (): void => {
    if (done) return;
    stop();
    work();
  };
  const fallback = setTimeout(run, waitMs);
  try {
    observer = new PerformanceObserver((list) => {
      // After the entry's own task: the work is not the paint's to wait for.
      if (list.getEntriesByName('first-contentful-paint').length > 0) soon ??= setTimeout(run, 0);
    });
    observer.observe({ type: 'paint', buffered: true });
  } catch {
    // No PerformanceObserver, or no 'paint' entries here: the timer alone.
    observer = null;
  }
  return stop;
}
