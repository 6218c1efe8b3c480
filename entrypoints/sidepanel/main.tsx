import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { PanelApp } from '../../components/shell/PanelApp';
import { panelStore } from '../../extension/panel-storage';
import { defaultSettings } from '../../extension/default-settings';
import { panelOpenGroupMemory, readOpenGroup } from '../../extension/open-group-memory';
import { tabIdFromPanelSearch } from '../../extension/side-panel-gate';
import { leaveAllRooms, loadGroupView } from '../../components/shell/lazy-views';
import { deferNotebook, notebookDatabaseExists } from '../../components/shell/deferred-notebook';
import { readWelcome } from '../../components/shell/useWelcome';
import { afterGroupShown, groupOpening } from '../../components/common/group-opening';
import { createPanelStore } from '../../lib/device/panel-store';
import { expireMeetingCopies, readMeetingCacheAhead } from '../../lib/device/meeting-cache';
import { readDeviceKeyAhead } from '../../lib/device/device-key-store';
import type { RememberedGroup } from '../../lib/device/groups';
import { parseInvite } from '../../lib/invite/invite';
import { deviceWipeKeys } from '../../lib/device/wipe-keys';
import type { PanelSnapshot, PanelStore } from '../../lib/device/panel-store';
import { pickLocale } from '../../lib/i18n/i18n';
import { loadMessages } from '../../lib/i18n/load-messages';
import { warmNameOrder } from '../../lib/util/order';
import { answerWithin } from '../../lib/util/answer-within';
import { FIRST_READS_MS } from '../../lib/util/limits';
import { traceMark } from '../../lib/util/trace';
import { whenIdle } from '../../components/common/when-idle';
import { afterFirstPaint } from '../../components/common/after-first-paint';
import '../../components/shell/panel.css';

// An invite link opens the web panel with the code in the fragment; take it and wipe it from
// the address bar, so that it does not linger on screen.
const fragment = new URLSearchParams(location.hash.slice(1));
// A group's servers for strict networks travel after the code (`&ice=`,
// lib/invite/ice-servers.ts); the join field then shows the whole link the member opened, which
// reads better than a code with `&ice=…` glued to it and still names this page's server.
const join = fragment.get('join') ?? '';
const initialInvite =
  join && fragment.get('ice') ? `${location.origin}${location.pathname}${location.hash}` : join;
if (initialInvite) history.replaceState(null, '', location.pathname + location.search);

// The page is going, or going into the back/forward cache: the others see us leave at once.
addEventListener('pagehide', (event) => leaveAllRooms(event.persisted));

// The private notebook: IndexedDB of this origin (the extension, or the companion's web page).
// Its code (Dexie, the crypto) is a chunk of its own, asked for once the first screen is painted
// and the group view's code is here: evaluating it earlier held that screen up (docs/benchmarks.md,
// "What the profile showed: panel ready"), and opening a group, the likely next step, needs the
// group's code, not the notebook's. Until it is here the panel answers what it can without it
// (deferred-notebook.ts). A group on its way to the screen goes first: the notebook waits for
// it (group-opening.ts). Should the chunk fail to load, the panel runs without notes, as where
// there is no IndexedDB. Where the remembered groups are sealed (a passphrase is set) it is asked
// for at once instead: they wait for its keys, and they, not the header, are that member's
// first screen.
// "Painted" is the first screen on screen (after-first-paint.ts): what waits for it competed
// with that screen's raster before.
let firstPainted: () => void = () => undefined;
const painted = new Promise<void>((resolve) => {
  firstPainted = resolve;
});
const firstRendered = () => afterFirstPaint(firstPainted);
let startNotebook: () => void = () => undefined;
const notebookAsked = new Promise<void>((resolve) => {
  startNotebook = resolve;
  void painted
    .then(() => loadGroupView())
    .catch(() => undefined)
    .then(afterGroupShown)
    .then(() => resolve());
});
const notebook = deferNotebook(
  notebookAsked
    .then(() => (traceMark('notebook-asked'), import('../../components/notes/open-notebook')))
    .then(
      (m) => (traceMark('notebook-code-in'), m.openNotebook()),
      () => null,
    ),
  () =>
    notebookDatabaseExists().then((exists) => {
      if (!exists) return exists;
      // Opening a group is that member's likely next step: its code at once (lazy-views.ts).
      void loadGroupView().catch(() => undefined);
      void panel.groupsSealed().then((sealed) => {
        if (sealed) startNotebook();
      });
      return exists;
    }),
);

// The collator that orders member names costs 15 to 70 ms the first time (lib/util/order.ts).
// Made once the first screen is painted and the page is idle, it is ready before a join's first
// list of members, which otherwise paid for it between the lobby's first connection and the knock.
void painted.then(() => whenIdle(warmNameOrder));

// Settings and groups are read now, before React renders: the settings (the language) are then
// in the first render, and a device without a notebook database has its groups in it too.
const store = panelStore();
const defaults = defaultSettings();
const panel = createPanelStore(store, defaults, notebook);
void panel.load().then(() => traceMark('panel-loaded'));

// Meetings kept by panels closed before their meeting ended, once too old to restore, leave the
// device (lib/device/meeting-cache.ts): for every group this panel can open, once idle after the
// first paint, and for groups a passphrase kept shut once it opens them. The extension's worker
// does it too, for a plain list; the web panel has only this page.
const expiryDone = new Set<string>();
const expireOpenedGroups = () => {
  const due = panel.getSnapshot().groups.filter((group) => !expiryDone.has(group.groupId));
  if (due.length === 0) return;
  for (const group of due) expiryDone.add(group.groupId);
  void expireMeetingCopies(store, due, deviceWipeKeys(), Date.now());
};
void painted.then(() =>
  whenIdle(() => {
    expireOpenedGroups();
    panel.subscribe(expireOpenedGroups);
  }),
);

// Whether the first-run welcome was put away: known at the first render, so that the welcome
// is in the first frame rather than pushed in above the home screen a few frames later.
const welcomeRead = readWelcome(store);
// Which group this panel showed before it was closed or reloaded (open-group-memory.ts): the
// panel opens it again, so its code is asked for at once, not after the first paint.
const openGroupMemory = panelOpenGroupMemory(tabIdFromPanelSearch(location.search));
const reopenRead = readOpenGroup(openGroupMemory).then((groupId) => {
  if (groupId !== null) {
    groupOpening();
    void loadGroupView().catch(() => undefined);
  }
  return groupId;
});

// Going back to a group, the panel also reads what opening it takes from the device, the device
// key and the meeting it kept, while the group's code loads (the session takes both:
// useGroupSession.ts); after the code, these reads were 80 to 100 ms of a reload's way to its
// board (issue 15).
void reopenRead.then((groupId) => {
  if (groupId === null) return;
  readDeviceKeyAhead();
  void answerWithin(groupRead(panel, groupId), FIRST_READS_MS, null).then((group) => {
    const parsed = group ? parseInvite(group.code) : null;
    if (parsed?.ok) readMeetingCacheAhead(store, parsed.invite.secret, deviceWipeKeys());
  });
});

/**
 * What `read` finds in the panel store's snapshot, once it finds something (not undefined): the
 * snapshot is looked at now and after each change.
 */
function panelRead<T>(panel: PanelStore, read: (now: PanelSnapshot) => T | undefined): Promise<T> {
  return new Promise((resolve) => {
    const check = () => {
      const found = read(panel.getSnapshot());
      if (found === undefined) return;
      stop();
      resolve(found);
    };
    const stop = panel.subscribe(check);
    check();
  });
}

/** The remembered group `groupId` once the panel store has read the groups; null: not there. */
function groupRead(panel: PanelStore, groupId: string): Promise<RememberedGroup | null> {
  return panelRead(panel, ({ groups, loaded }) => {
    const group = groups.find((g) => g.groupId === groupId) ?? null;
    return group || loaded ? group : undefined;
  });
}

/** Resolves once the panel store has read the settings (or could not). */
function settingsRead(panel: PanelStore): Promise<true> {
  return panelRead(panel, (now) => (now.settingsLoaded ? true : undefined));
}

// The texts of the panel's language are a chunk of their own (the other language is never
// loaded unless the member switches): here before the first render. texts-first.ts, the page's
// first script, has usually fetched them already.
const firstTexts = answerWithin(settingsRead(panel), FIRST_READS_MS, undefined).then(() =>
  loadMessages(panel.getSnapshot().settings.locale ?? pickLocale(navigator.languages)),
);

const root = document.getElementById('root');
if (root) {
  const react = createRoot(root);
  // Should the texts fail to load, the panel renders anyway and I18nProvider tries again.
  // flushSync: the first render is done when `firstRendered` runs. A plain render() only queued
  // it, so the frame that lets the notebook's code in could come first, and the notebook's
  // evaluation then ran before the first screen (seen in bench/panel-ready-profile.ts).
  // Each read bounded (FIRST_READS_MS): storage that never answers must not leave the panel
  // blank. Without the welcome's answer the home screen shows without it until it comes; without
  // the open group's, the panel starts at home.
  void Promise.all([
    firstTexts.catch(() => undefined),
    answerWithin(welcomeRead, FIRST_READS_MS, undefined),
    answerWithin(reopenRead, FIRST_READS_MS, null),
  ])
    .then(([, , reopen]) =>
      flushSync(() =>
        react.render(
          <StrictMode>
            <PanelApp
              store={store}
              defaults={defaults}
              initialInvite={initialInvite}
              browserLanguages={navigator.languages}
              notebook={notebook}
              panel={panel}
              openGroupMemory={openGroupMemory}
              reopen={reopen}
            />
          </StrictMode>,
        ),
      ),
    )
    .then(() => traceMark('first-render'))
    .then(firstRendered);
} else {
  firstRendered();
}
