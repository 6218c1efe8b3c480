/**
 * Runs `work` when the page is idle (within `timeoutMs` at the latest), or after a short timer
 * where the browser has no idle callbacks. For work done ahead of need: the first use of a
 * collator or a signing table costs tens of ms that a click should not wait for.
 */
export function whenIdle(work: () => void, timeoutMs = 2000): void {
  if (typeof requestIdleCallback === 'function')
    requestIdleCallback(() => work(), { timeout: timeoutMs });
  else setTimeout(work, 200);
}
