import { lazy } from 'react';

/**
 * The parts of the panel that its first screen (welcome or home, the call badge, the header)
 * does not show, each loaded when it is first shown: the group with its meeting (Yjs, WebRTC,
 * the method), the notes overview, the settings form and the notebook's unlock form (the
 * attendance record's body is lazy in AttendanceRecord.tsx). They are most of the panel's code;
 * the first screen stays small (bench/first-screen.ts measures it).
 * Show them inside `<Suspense fallback={<LazyFallback />}>`.
 */

let leaveRooms: (() => void) | null = null;

/**
 * Leaves every room of this page at once (the others see us go). Rooms exist only once the
 * group view's code is here, and it brings the connection code with it; before that: nothing to
 * leave. Synchronous, for `pagehide`.
 */
export function leaveAllRooms(): void {
  leaveRooms?.();
}

/** Loads the group view's code; the first load also arms `leaveAllRooms`. */
export function loadGroupView() {
  return Promise.all([import('./GroupView'), import('../../lib/connection/room-connection')]).then(
    ([view, rooms]) => {
      leaveRooms = rooms.closeAllRooms;
      return view;
    },
  );
}

export const LazyGroupView = lazy(() =>
  loadGroupView().then((view) => ({ default: view.GroupView })),
);

export const LazyNotesOverview = lazy(() =>
  import('../notes/NotesOverview').then((m) => ({ default: m.NotesOverview })),
);

export const LazySettingsForm = lazy(() =>
  import('./SettingsForm').then((m) => ({ default: m.SettingsForm })),
);

/** The notebook's unlock form, on the home screen only while the groups are sealed and locked. */
export const LazyUnlockForm = lazy(() =>
  import('../notes/NotesPane').then((m) => ({ default: m.UnlockForm })),
);

/**
 * Loads every lazy part's code now. For tests that render them: a part whose code is already
 * here shows at once, as it does in the panel after the first load.
 */
export async function preloadPanelViews(): Promise<void> {
  await Promise.all([
    loadGroupView(),
    import('../notes/NotesOverview'),
    import('./SettingsForm'),
    import('../notes/NotesPane'),
  ]);
}
