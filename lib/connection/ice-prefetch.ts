import { fetchCompanionIce } from './ice-config';
import type { CompanionIce } from './ice-config';

/**
 * The companion's /ice answer asked for ahead of need: the home screen lists a group, and
 * opening it should not wait for a round trip to the group's server before the panel shows the
 * meeting it kept (useGroupSession opens the rooms, and reads the kept copy, once the companion
 * has answered). An answer is taken once, within PREFETCH_FRESH_MS of the asking.
 */

/** How long an answer asked for ahead may be taken. */
export const PREFETCH_FRESH_MS = 30_000;

/** The panel's way of asking: no cookies, nothing cached. */
export function askCompanionIce(signalingUrl: string, signal?: AbortSignal): Promise<CompanionIce> {
  return fetchCompanionIce(
    signalingUrl,
    (url, init) => fetch(url, { ...init, credentials: 'omit', cache: 'no-store' }),
    signal,
  );
}

export interface PrefetchedIce {
  /** When it was asked for (Date.now()): a TURN password's lifetime counts from then. */
  readonly askedAt: number;
  readonly answer: Promise<CompanionIce>;
}

const early = new Map<string, PrefetchedIce>();

/** Asks the companion of this signaling address now, unless an answer fresh enough is on its way. */
export function prefetchCompanionIce(
  signalingUrl: string,
  ask: (signalingUrl: string) => Promise<CompanionIce> = askCompanionIce,
  now: number = Date.now(),
): void {
  const held = early.get(signalingUrl);
  if (held && now - held.askedAt < PREFETCH_FRESH_MS) return;
  early.set(signalingUrl, { askedAt: now, answer: ask(signalingUrl) });
}

/** The answer asked for ahead for this address, if fresh; taken once. */
export function takePrefetchedIce(
  signalingUrl: string,
  now: number = Date.now(),
): PrefetchedIce | null {
  const held = early.get(signalingUrl);
  early.delete(signalingUrl);
  return held && now - held.askedAt < PREFETCH_FRESH_MS ? held : null;
}
