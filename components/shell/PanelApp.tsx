import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { KeyValueStore } from '../../lib/device/key-value-store';
import type { RememberedGroup } from '../../lib/device/groups';
import { clearDrafts } from '../../lib/device/drafts';
import { clearMeetingCache } from '../../lib/device/meeting-cache';
import { deviceWipeKeys } from '../../lib/device/wipe-keys';
import { deriveGroupId } from '../../lib/invite/room-name';
import { randomId } from '../../lib/util/random-id';
import { LOCALES, pickLocale } from '../../lib/i18n/i18n';
import type { Locale } from '../../lib/i18n/i18n';
import { serverHost } from '../../lib/device/settings';
import type { Settings } from '../../lib/device/settings';
import type { Invite } from '../../lib/invite/invite';
import type { IceServer } from '../../lib/invite/ice-servers';
import type { Notebook } from '../../lib/notebook/notebook';
import { CallBadge } from './CallBadge';
import { Home } from './Home';
import { Announcer } from '../common/Announcer';
import { I18nProvider, useI18n } from '../common/I18n';
import { LiveRegion } from '../common/LiveRegion';
import { useFocusOnChange } from '../common/useFocusOnChange';
import { NotebookProvider } from '../notes/NotebookContext';
import { LazyFallback } from './LazyFallback';
import { deferNotebook } from './deferred-notebook';
import type { DeferredNotebook } from './deferred-notebook';
import type { PanelStore } from '../../lib/device/panel-store';
import { prefetchCompanionIce } from '../../lib/connection/ice-prefetch';
import {
  LazyGroupView,
  LazyNotesOverview,
  LazySettingsForm,
  loadGroupView,
  prepareGroupView,
  prepareToEnter,
  prepareToJoin,
} from './lazy-views';
import { usePanelState } from './usePanelState';
import { groupOpening, groupShown } from '../common/group-opening';
import { afterFirstPaint } from '../common/after-first-paint';
import { noOpenGroupMemory } from '../../extension/open-group-memory';
import type { OpenGroupMemory } from '../../extension/open-group-memory';
import { useUnsealBeforeRemoval } from './useUnsealBeforeRemoval';
import type { PanelState } from './usePanelState';
import { Icon } from '../common/Icon';

/** The whole panel, the same in the extension's side panel and the companion's web page. */
export function PanelApp({
  store,
  defaults,
  initialInvite,
  browserLanguages,
  notebook,
  panel = null,
  openGroupMemory = noOpenGroupMemory,
  reopen = null,
}: {
  store: KeyValueStore;
  defaults: Settings;
  initialInvite: string;
  browserLanguages: readonly string[];
  /**
   * The private notebook on this device; null where the browser has no IndexedDB. A promise
   * while its code loads: the panel shows its first screen meanwhile (deferred-notebook.ts).
   */
  notebook: Notebook | null | Promise<Notebook | null> | DeferredNotebook;
  /**
   * Settings and groups, made and loading before React renders (the entrypoint's): the first
   * render then has the settings. Made here from `store` and `defaults` when not given.
   */
  panel?: PanelStore | null;
  /** Where the panel notes which group it shows (open-group-memory.ts). */
  openGroupMemory?: OpenGroupMemory;
  /**
   * The group this panel showed before it was closed or reloaded, read from that memory before
   * the first render: the panel opens it again if the device still remembers it.
   */
  reopen?: string | null;
}) {
  const deferred = useMemo(() => deferNotebook(notebook), [notebook]);
  const [opened, setOpened] = useState(deferred.current);
  useEffect(() => {
    let live = true;
    void deferred.ready.then((n) => live && setOpened(n));
    return () => {
      live = false;
    };
  }, [deferred]);
  const state = usePanelState(store, defaults, deferred, panel);
  useUnsealBeforeRemoval(
    opened ?? null,
    store,
    state.groups.map((g) => g.groupId),
  );
  const locale = state.settings.locale ?? pickLocale(browserLanguages);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <I18nProvider locale={locale}>
      <Announcer>
        <NotebookProvider notebook={opened ?? null}>
          {state.settingsLoaded ? (
            <Panel
              state={state}
              store={store}
              locale={locale}
              initialInvite={initialInvite}
              notebookLoading={opened === undefined}
              openGroupMemory={openGroupMemory}
              reopen={reopen}
            />
          ) : (
            <LoadingLine />
          )}
        </NotebookProvider>
      </Announcer>
    </I18nProvider>
  );
}

/** Kring's mark and name; the view's main heading only where the view has none of its own. */
function Brand({
  heading,
  headingRef,
}: {
  heading: boolean;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const { t } = useI18n();
  const inner = (
    <>
      <Icon name="ring" />
      <span>
        {t('appName')} <span className="brand-tagline">{t('appTagline')}</span>
      </span>
    </>
  );
  return heading ? (
    <h1 className="brand" ref={headingRef} tabIndex={-1}>
      {inner}
    </h1>
  ) : (
    <p className="brand">{inner}</p>
  );
}

function LoadingLine() {
  const { t } = useI18n();
  return <LiveRegion>{t('loading')}</LiveRegion>;
}

function Panel({
  state,
  store,
  locale,
  initialInvite,
  notebookLoading,
  openGroupMemory,
  reopen,
}: {
  state: PanelState;
  store: KeyValueStore;
  locale: Locale;
  initialInvite: string;
  /** The notebook's code is still on its way: the notes wait for it rather than say "none". */
  notebookLoading: boolean;
  openGroupMemory: OpenGroupMemory;
  reopen: string | null;
}) {
  const { t } = useI18n();
  const [activeId, setActiveId] = useState<string | null>(null);
  // The group to open again, until it is open, or the member went elsewhere first, or the device
  // turned out not to remember it. An invite link the panel was opened with goes first: its
  // join form is what the member came for.
  const [reopening, setReopening] = useState(initialInvite ? null : reopen);
  const show = (groupId: string | null) => {
    setReopening(null);
    setActiveId(groupId);
    void openGroupMemory.write(groupId).catch(() => undefined);
  };
  // A group opens once its view's code is here (fetched after the first paint, so at once but
  // for a very quick click): a Suspense fallback in between would hold the view back 300 ms.
  const openGroup = (groupId: string) => {
    groupOpening();
    setReopening(null);
    void loadGroupView()
      .catch(() => undefined)
      .then(() => show(groupId));
  };
  // Back in the group it showed: once the groups are known (after the passphrase, where one
  // seals them), and only a group this device still remembers.
  const { loaded, groupsLocked, groups } = state;
  const reopenStep =
    reopening === null
      ? null
      : !loaded || groupsLocked
        ? 'wait'
        : groups.some((g) => g.groupId === reopening)
          ? 'open'
          : 'gone';
  useEffect(() => {
    if (reopenStep === 'gone') {
      void openGroupMemory.write(null).catch(() => undefined);
      groupShown();
    }
    if (reopenStep !== 'open' || reopening === null) return;
    let live = true;
    void loadGroupView()
      .catch(() => undefined)
      .then(() => {
        if (!live) return;
        setReopening(null);
        setActiveId(reopening);
      });
    return () => {
      live = false;
    };
  }, [reopenStep, reopening, openGroupMemory]);
  const [createdId, setCreatedId] = useState<string | null>(null);
  const [showSettings, setShowSettings] = useState(false);
  const [showNotes, setShowNotes] = useState(false);
  const notesButton = useRef<HTMLButtonElement>(null);
  const settingsButton = useRef<HTMLButtonElement>(null);
  // A group just created or joined shows at once; the list has it once the store has it.
  const [entering, setEntering] = useState<RememberedGroup | null>(null);
  const active = useMemo(() => {
    const stored = state.groups.find((g) => g.groupId === activeId) ?? null;
    const pending = entering?.groupId === activeId ? entering : null;
    // As entered (a known group joined again may bring a new invite or server) until the store
    // has that very entry or a later one.
    return pending && (!stored || stored.lastUsedAt < pending.lastUsedAt) ? pending : stored;
  }, [state.groups, activeId, entering]);
  // Back from a group, the home screen's heading takes focus; a group focuses its own.
  const homeHeading = useFocusOnChange(active ? 'group' : 'home', { onMount: false });
  // Opening or joining a group is the likely next step on the home screen and the welcome: its
  // code (the meeting, the connection: about 90 KB gzipped, a third of a second to fetch and
  // compile on a slow machine) is fetched once the first screen has been painted, so that Join
  // and "Open" do not wait for it (issue 15, late join: a new member's Join waited 350 ms), and
  // the first screen does not wait for it either (after-first-paint.ts).
  useEffect(() => afterFirstPaint(prepareGroupView), []);

  // The group used last is the likely one to open: its companion is asked for its connection
  // servers now, so that opening it does not wait for that round trip (ice-prefetch.ts).
  const lastServer = state.groups[0]?.signalingUrl ?? state.settings.signalingUrl;
  const prefetchIce = !active && state.groups.length > 0;
  useEffect(() => {
    if (!prefetchIce) return;
    prefetchCompanionIce(lastServer);
    // And this device's key, which opening any group reads first (IndexedDB; local only).
    prepareToEnter();
  }, [prefetchIce, lastServer]);

  // A valid invite in the join form: its server is reached while the member types their name,
  // and Join then waits for no round trip to it (lazy-views.ts prepareToJoin).
  const defaultServer = state.settings.signalingUrl;
  const inviteReady = useCallback(
    (server: string | null) => prepareToJoin(server ?? defaultServer),
    [defaultServer],
  );

  const enter = async (
    invite: Invite,
    groupName: string | null,
    memberName: string,
    server: string | null,
    iceServers: IceServer[] | null,
  ) => {
    const groupId = await deriveGroupId(invite.secret);
    const known = state.groups.find((g) => g.groupId === groupId);
    const group: RememberedGroup = {
      groupId,
      code: invite.code,
      // An invite carries no name: a joiner's is null until the others tell (GroupView).
      name: groupName ?? known?.name ?? null,
      memberName,
      memberId: known?.memberId ?? randomId(12),
      lastUsedAt: Date.now(),
      // A bare code says nothing about the server: a known group keeps the one it had.
      signalingUrl: server ?? known?.signalingUrl ?? null,
      // Likewise for the group's connection servers, which only a link carries.
      iceServers: iceServers ?? known?.iceServers ?? [],
    };
    // Shown before it is stored: for a new member the store's read-modify-write (and the
    // notebook's database, created on first use) took 300 ms of the join (issue 15).
    setEntering(group);
    // The founder of a new group is shown the invite as step one and the start form after it.
    setCreatedId(groupName !== null ? groupId : null);
    openGroup(groupId);
    await state.saveGroup(group);
  };

  return (
    <div className="panel">
      <header className="panel-header">
        {/* The title is the page's h1 where no view brings its own: home and my notes. */}
        <Brand heading={!active || showNotes} headingRef={homeHeading} />
        <div className="header-actions">
          <label className="language header-button">
            <Icon name="globe" />
            <span className="visually-hidden">{t('language')}</span>
            <select
              value={locale}
              onChange={(e) => {
                const next = LOCALES.find((l) => l === e.target.value) ?? null;
                void state.saveSettings({ ...state.settings, locale: next });
              }}
            >
              <option value="nl" lang="nl" title="Nederlands">
                NL
              </option>
              <option value="en" lang="en" title="English">
                EN
              </option>
            </select>
          </label>
          <button
            ref={notesButton}
            type="button"
            className="header-button"
            onClick={() => setShowNotes((s) => !s)}
            aria-pressed={showNotes}
          >
            <Icon name="notes" />
            {t('myNotes')}
          </button>
          <button
            ref={settingsButton}
            type="button"
            className="header-button"
            title={t('settings')}
            onClick={() => setShowSettings((s) => !s)}
            aria-expanded={showSettings}
          >
            <Icon name="settings" />
            {/* Under 420 px only the gear shows; the name stays for screen readers and tests. */}
            <span className="header-label narrow-hidden">{t('settings')}</span>
          </button>
        </div>
        <CallBadge />
      </header>
      {showSettings && (
        <Suspense fallback={<LazyFallback />}>
          <LazySettingsForm
            key={active?.groupId ?? ''}
            settings={state.settings}
            group={
              active && {
                signalingUrl: active.signalingUrl,
                iceServers: active.iceServers,
                onSave: (change) => void state.saveGroup({ ...active, ...change }),
              }
            }
            onSave={(settings) => void state.saveSettings(settings)}
            onClose={() => {
              setShowSettings(false);
              settingsButton.current?.focus();
            }}
          />
        </Suspense>
      )}
      {/* The notes overview sits above the group, which stays connected underneath. */}
      {/* The page's main content while it is open; the group's main is hidden meanwhile. */}
      {showNotes && (
        <main>
          <Suspense fallback={<LazyFallback />}>
            {notebookLoading ? (
              <LazyFallback />
            ) : (
              <LazyNotesOverview
                onClose={() => {
                  setShowNotes(false);
                  // Back where the member came from: keyboard users keep their place.
                  notesButton.current?.focus();
                }}
              />
            )}
          </Suspense>
        </main>
      )}
      <main hidden={showNotes}>
        {active ? (
          <>
            <Suspense fallback={<LazyFallback />}>
              <LazyGroupView
                key={active.groupId}
                group={active}
                signalingUrl={active.signalingUrl ?? state.settings.signalingUrl}
                store={store}
                sound={state.settings.sound}
                reach={state.settings}
                founded={active.groupId === createdId}
                onLearnt={(group) => void state.saveGroup(group)}
                onBack={() => show(null)}
              />
            </Suspense>
            {active.signalingUrl !== null && (
              <p className="hint group-server">
                {t('groupMeetsThrough', { host: serverHost(active.signalingUrl) })}{' '}
                <button type="button" className="link-button" onClick={() => setShowSettings(true)}>
                  {t('changeGroupServer')}
                </button>
              </p>
            )}
          </>
        ) : !state.loaded || reopenStep === 'open' ? (
          // The header works already; the groups wait for the notebook's keys (at most a
          // moment: "Loading…" only after QUIET_MS), so no list shows that a passphrase seals.
          // A panel opening a group again shows no home screen on its way there.
          <LazyFallback />
        ) : (
          <Home
            groups={state.groups}
            groupsLocked={state.groupsLocked}
            initialInvite={initialInvite}
            store={store}
            onOpen={(group) => {
              void state.saveGroup({ ...group, lastUsedAt: Date.now() });
              openGroup(group.groupId);
            }}
            onForget={(group) => {
              void state.removeGroup(group.groupId);
              // What the panel kept of the group's meeting goes with the group.
              void clearMeetingCache(store, group.groupId, deviceWipeKeys());
              void clearDrafts(store, group.groupId);
            }}
            onCreate={({ invite, groupName, memberName }) =>
              void enter(invite, groupName, memberName, null, null)
            }
            onJoin={({ invite, memberName, server, iceServers }) =>
              void enter(invite, null, memberName, server, iceServers)
            }
            onInviteReady={inviteReady}
          />
        )}
      </main>
    </div>
  );
}
