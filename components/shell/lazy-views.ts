import { createElement, lazy, useState } from 'react';
import type { ComponentProps, ComponentType, ReactElement } from 'react';
import { afterGroupShown } from '../common/group-opening';
import { whenIdle } from '../common/when-idle';
import { traceMark } from '../../lib/util/trace';
import { markPageGoing } from '../../lib/util/page-going';
import type * as RoomConnection from '../../lib/connection/room-connection';
import type * as GroupCode from '../meeting/useGroupSession';

/**
 * The parts of the panel that its first screen (welcome or home, the call badge, the header)
 * does not show, each loaded when it is first shown: the group with its meeting (Yjs, WebRTC,
 * the method), the notes overview, the settings form and the notebook's unlock form (the
 * attendance record's body is lazy in AttendanceRecord.tsx). They are most of the panel's code;
 * the first screen stays small (bench/first-screen.ts measures it).
 * Show them inside `<Suspense fallback={<LazyFallback />}>`.
 */

let rooms: typeof RoomConnection | null = null;

/**
 * For `pagehide`: leaves every room of this page at once (the others see us go). A page that is
 * going (not into the back/forward cache) is marked so first: clearing its presence would
 * otherwise have its session read a heavy meeting's board again inside the unload, for a screen
 * nobody sees (`lib/util/page-going.ts`). Rooms exist only once the group view's code is here,
 * and it brings the connection code with it; before that: nothing to leave. Synchronous.
 */
export function leaveAllRooms(persisted: boolean): void {
  if (!persisted) markPageGoing();
  rooms?.closeAllRooms();
}

/**
 * A view loaded on first use that shows at once when its code is already here. React.lazy alone
 * suspends on its first render even then (its loader's promise is new), and React holds a
 * Suspense boundary's content back for 300 ms after it showed its fallback: a new member's Join
 * waited those 300 ms for a group view whose code had long been fetched (issue 15, late join).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any props, as React.lazy takes
function loadedOnDemand<C extends ComponentType<any>>(load: () => Promise<C>) {
  let loaded: C | null = null;
  let loading: Promise<C> | null = null;
  const preload = (): Promise<C> => {
    loading ??= load().then(
      (view) => (loaded = view),
      (reason: unknown) => {
        loading = null; // a failed fetch (an update of the extension) is tried again
        throw reason;
      },
    );
    return loading;
  };
  const Lazy = lazy(() => preload().then((view) => ({ default: view })));
  /** Renders the view itself when its code is here, else the lazy one (inside Suspense). */
  function View(props: ComponentProps<C>): ReactElement {
    // Fixed per mount: switching from the lazy element to the view would remount it.
    const [held] = useState(() => ({ type: (loaded ?? Lazy) as ComponentType<ComponentProps<C>> }));
    return createElement(held.type, props);
  }
  return { View, preload };
}

const groupView = loadedOnDemand(() => {
  traceMark('group-code-asked');
  return Promise.all([import('./GroupView'), import('../../lib/connection/room-connection')]).then(
    ([view, connection]) => {
      traceMark('group-code-in');
      rooms = connection;
      return view.GroupView;
    },
  );
});
/** Loads the group view's code; the first load also arms `leaveAllRooms`. */
export const loadGroupView = groupView.preload;
export const LazyGroupView = groupView.View;

/**
 * Once the group view's code is here, runs `ahead` with its session module: work done before
 * the member opens or joins a group. Should the code fail to load, nothing is done ahead.
 */
function withGroupCode(ahead: (m: typeof GroupCode) => void): void {
  void loadGroupView()
    .then(() => import('../meeting/useGroupSession'))
    .then(ahead)
    .catch(() => undefined);
}

/**
 * Loads the group view's code ahead (after the first screen is painted), then, when the page
 * is idle, does what the first opened group would otherwise do after the click
 * (useGroupSession.ts `warmGroupCode`: the signing table, 20 to 90 ms). Not while a group is
 * on its way to the screen: a reloaded panel going back to its group had idle moments while
 * its kept copy was read, the table was built in one of them, and the board waited for it
 * (docs/benchmarks.md, twenty-first round). That group's first signature builds it, after its
 * board; its session key is the platform's (ed25519.ts `platformKeyPair`).
 */
export function prepareGroupView(): void {
  withGroupCode((m) => void afterGroupShown().then(() => whenIdle(m.warmGroupCode)));
}

/**
 * A member is about to join or start a group (they type in its form): the group view's code
 * and this device's key are made ready meanwhile. Local only; nothing goes on the network.
 */
export function prepareToEnter(): void {
  withGroupCode((m) => m.prepareDevice());
}

/**
 * The join form holds a valid invite for the group's server at `signalingUrl`: as
 * `prepareToEnter`, and that server is reached ahead of the click on Join (its connection
 * servers asked for, the signaling socket opened; useGroupSession.ts `prepareToJoin`).
 */
export function prepareToJoin(signalingUrl: string): void {
  withGroupCode((m) => m.prepareToJoin(signalingUrl));
}

const notesOverview = loadedOnDemand(() =>
  import('../notes/NotesOverview').then((m) => m.NotesOverview),
);
export const LazyNotesOverview = notesOverview.View;

const settingsForm = loadedOnDemand(() => import('./SettingsForm').then((m) => m.SettingsForm));
export const LazySettingsForm = settingsForm.View;

/** The notebook's unlock form, on the home screen only while the groups are sealed and locked. */
const unlockForm = loadedOnDemand(() => import('../notes/NotesPane').then((m) => m.UnlockForm));
export const LazyUnlockForm = unlockForm.View;

/**
 * Loads every lazy part's code now. For tests that render them: a part whose code is already
 * here shows at once, as it does in the panel after the first load.
 */
export async function preloadPanelViews(): Promise<void> {
  await Promise.all([
    groupView.preload(),
    notesOverview.preload(),
    settingsForm.preload(),
    unlockForm.preload(),
  ]);
}
