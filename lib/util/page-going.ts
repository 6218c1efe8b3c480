/**
 * Whether this page is going (a reload, a closed panel: `pagehide`, not into the back/forward
 * cache). What it shows no longer matters then: a session does not read its documents again for
 * a screen nobody will see. Leaving the rooms on `pagehide` clears this member's presence, and a
 * session heard that as news and read its meeting again inside the page's unload (readBoard of a
 * heavy meeting in the profile of a reload), which a reloading panel's next page waits for.
 */
let going = false;

/** The page is going: from now on `pageGoing()` is true. */
export function markPageGoing(): void {
  going = true;
}

export function pageGoing(): boolean {
  return going;
}
