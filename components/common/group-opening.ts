/**
 * Whether a group is on its way to the screen: after a click on "Open" or Join, or while a
 * panel opened again goes back to the group it showed. Work that can wait for that group's
 * first screen does: the notebook's code (Dexie and its crypto, 20 to 100 ms of evaluation on a
 * slow machine) was evaluated in the very moment the group's session read its kept copy and made
 * its key, and the returning member's board waited for it (docs/benchmarks.md, tenth round).
 * Bounded: whatever happens to the group, waiting ends after GROUP_OPENING_MAX_MS.
 */
const GROUP_OPENING_MAX_MS = 3000;

let waiting: (() => void)[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;

/** A group is opening: `afterGroupShown` waits until it shows (or for GROUP_OPENING_MAX_MS). */
export function groupOpening(): void {
  clearTimeout(timer);
  timer = setTimeout(groupShown, GROUP_OPENING_MAX_MS);
}

/** The opening group shows (or will not: it failed, or the member went elsewhere). */
export function groupShown(): void {
  clearTimeout(timer);
  timer = undefined;
  const done = waiting;
  waiting = [];
  for (const resume of done) resume();
}

/** Resolves at once when no group is opening, else once it shows. */
export function afterGroupShown(): Promise<void> {
  if (timer === undefined) return Promise.resolve();
  return new Promise((resolve) => waiting.push(resolve));
}
