import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { EMPTY_SNAPSHOT, GroupSession } from '../../lib/connection/group-session';
import type { GroupSnapshot } from '../../lib/connection/group-session';
import { warmBaseTable } from '../../lib/shared-doc/ed25519';
import {
  onNetworkReachLearnt,
  openRoom,
  openSignalingEarly,
  rememberNetworkReach,
  retargetRoom,
} from '../../lib/connection/room-connection';
import { networkReachItem } from '../../lib/device/network-reach';
import type { RoomOptions } from '../../lib/connection/room-connection';
import { icePeerOpts } from '../../lib/connection/ice-config';
import {
  askCompanionIce,
  prefetchCompanionIce,
  takePrefetchedIce,
} from '../../lib/connection/ice-prefetch';
import type { IcePeerOpts } from '../../lib/connection/ice-config';
import type { IceServer } from '../../lib/invite/ice-servers';
import type { RememberedGroup } from '../../lib/device/groups';
import type { KeyValueStore } from '../../lib/device/key-value-store';
import { createMeetingCache, meetingCacheFor } from '../../lib/device/meeting-cache';
import { deviceWipeKeys } from '../../lib/device/wipe-keys';
import { parseInvite } from '../../lib/invite/invite';
import { exposeSharedState } from './diagnostics';
import { groupShown } from '../common/group-opening';
import { loadDeviceKey, memoryDeviceKey } from '../../lib/device/device-key';
import { indexedDbKeyStore, takeDeviceKeyAhead } from '../../lib/device/device-key-store';
import type { DeviceSigner } from '../../lib/shared-doc/signed';
import { traceMark } from '../../lib/util/trace';

const EMPTY: GroupSnapshot = EMPTY_SNAPSHOT;

const noop = (): (() => void) => () => {};

/**
 * Sessions open one after another in this page. A session still opening when the member changes
 * the server address goes on to open its rooms through the old address before it can be
 * disposed; the next session, through the new address, would find those rooms held (a room
 * serves one set of servers: lib/connection/room-reuse.ts). So each open waits until the one
 * before it has settled and, if it was cancelled meanwhile, has been disposed.
 */
let openQueue: Promise<void> = Promise.resolve();

/** The member's own part in how the panel reaches the others (their settings). */
export interface MemberReach {
  readonly iceServers: readonly IceServer[];
  readonly relayOnly: boolean;
}

const NO_REACH: MemberReach = { iceServers: [], relayOnly: false };

/** Room options that reach nobody: no signaling server, so no peers (see useGroupSession). */
const NOWHERE: RoomOptions = { signalingUrls: [] };

/**
 * The servers the group's companion hands out at /ice, for this signaling address; null while
 * it has not answered (at most ICE_FETCH_TIMEOUT_MS). Asked again before its TURN passwords
 * expire: the session's rooms then take up the new ones (they keep their peers).
 */
function useCompanionIce(signalingUrl: string): readonly IceServer[] | null {
  const [answer, setAnswer] = useState<{ url: string; servers: IceServer[] } | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async (first: boolean): Promise<void> => {
      // The home screen may have asked already (ice-prefetch.ts): its answer is taken once.
      const early = first ? takePrefetchedIce(signalingUrl) : null;
      const askedAt = early?.askedAt ?? Date.now();
      const ice = await (early?.answer ?? askCompanionIce(signalingUrl, abort.signal));
      if (abort.signal.aborted) return;
      setAnswer({ url: signalingUrl, servers: ice.servers });
      if (ice.refreshAfterMs !== null) {
        const due = askedAt + ice.refreshAfterMs - Date.now();
        timer = setTimeout(() => void ask(false), Math.max(0, due));
      }
    };
    void ask(true);
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [signalingUrl]);
  return answer?.url === signalingUrl ? answer.servers : null;
}

/**
 * The same peer options as long as they are equal by value: a new object for equal options
 * would point the session's rooms at the server again on every render.
 */
function useSamePeerOpts(next: IcePeerOpts | null): IcePeerOpts | null {
  const [held, setHeld] = useState(next);
  if (JSON.stringify(held) !== JSON.stringify(next)) {
    setHeld(next);
    return next;
  }
  return held;
}

/**
 * Connects the panel to a group while it is shown. The rooms themselves live outside React
 * (lib/connection/room-connection.ts), so StrictMode's mount, unmount, mount shares one provider.
 * With a `store`, the panel keeps the group's meeting there (sealed) to rejoin after a reload.
 * The rooms' WebRTC connections use the companion's servers (GET /ice), the group's and the
 * member's own, and only relays when the member chose "only through the server"; never
 * simple-peer's default third-party STUN servers.
 */
export function useGroupSession(
  group: RememberedGroup,
  signalingUrl: string,
  store: KeyValueStore | null = null,
  reach: MemberReach = NO_REACH,
): { session: GroupSession | null; snapshot: GroupSnapshot; error: string | null } {
  const [session, setSession] = useState<GroupSession | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Remembered groups were validated when loaded; this only guards against a damaged store.
  // The code as the panel opened: when the chair gives the group a new invite, the session
  // moves to it by itself (snapshot.newInvite) and the panel remembers it; that must not reopen.
  const [openedCode] = useState(group.code);
  const parsed = useMemo(() => parseInvite(openedCode), [openedCode]);
  // The name as the panel opened: a member who joined with an invite gets it from the session
  // (snapshot.groupName), and the panel then remembers it; that must not reopen the session.
  const [groupName] = useState(group.name ?? '');
  useRememberedNetworkReach(store);
  const companionIce = useCompanionIce(signalingUrl);
  // The device key is read (or made) while the companion answers, not after.
  useEffect(prepareDevice, []);
  const peerOpts = useSamePeerOpts(
    companionIce === null
      ? null
      : icePeerOpts(
          { companion: companionIce, group: group.iceServers, member: reach.iceServers },
          reach.relayOnly,
        ),
  );

  // How the rooms reach the others. Until the companion has said which connection servers to
  // use (or did not answer in time), they reach nobody: the session opens meanwhile, so that
  // what the panel kept of a running meeting shows without waiting for that round trip (on a
  // slow network or server, seconds; issue 15). Once the answer is here, every room this panel
  // opened reaches the others through the group's server, keeping its document and presence; a
  // later answer (fresh credentials for the connection servers) is taken up the same way.
  const rooms = useMemo<RoomOptions>(
    () => (peerOpts === null ? NOWHERE : { signalingUrls: [signalingUrl], peerOpts }),
    [signalingUrl, peerOpts],
  );
  const roomsNow = useRef(rooms);
  const roomsOpened = useRef(new Set<string>());
  useEffect(() => {
    roomsNow.current = rooms;
    if (rooms === NOWHERE) return;
    for (const roomName of roomsOpened.current) retargetRoom(roomName, rooms);
  }, [rooms]);

  useEffect(() => {
    if (!parsed.ok) return undefined;
    let cancelled = false;
    let opened: GroupSession | null = null;
    const turn = openQueue.then(async () =>
      cancelled
        ? null
        : GroupSession.open(
            {
              secret: parsed.invite.secret,
              memberId: group.memberId,
              memberName: group.memberName,
              groupName,
            },
            {
              openRoom: (keys) => {
                roomsOpened.current.add(keys.roomName);
                return openRoom(keys, roomsNow.current);
              },
              // Every write signed with this device's key (issue 13).
              device: await thisDevice(),
              provePresenceAhead: true,
              ...(store
                ? {
                    // Read ahead when the panel went back to this group (main.tsx).
                    meetingCache: meetingCacheFor(store, parsed.invite.secret, deviceWipeKeys()),
                    cacheFor: (secret: Uint8Array) =>
                      createMeetingCache(store, secret, deviceWipeKeys()),
                  }
                : {}),
            },
          ),
    );
    openQueue = turn.then(
      (value) => {
        if (!value) return;
        if (cancelled) value.dispose();
        else {
          opened = value;
          setSession(value);
        }
      },
      (reason: unknown) => {
        if (!cancelled) setError(String(reason));
      },
    );
    return () => {
      cancelled = true;
      opened?.dispose();
      setSession(null);
      setError(null);
    };
  }, [parsed, group.memberId, group.memberName, groupName, signalingUrl, store]);

  useEffect(() => (session ? exposeSharedState(session) : undefined), [session]);
  // The group's first screen is committed: what waited for it may go (group-opening.ts).
  useEffect(() => {
    if (session || error !== null) groupShown();
  }, [session, error]);

  // A reload or a closing tab: save what changed since the last save, before the rooms close
  // (the entrypoint closes them on pagehide too; a capturing listener runs first).
  useEffect(() => {
    if (!session) return undefined;
    const save = (): void => void session.saveNow();
    addEventListener('pagehide', save, { capture: true });
    return () => removeEventListener('pagehide', save, { capture: true });
  }, [session]);

  const snapshot = useSyncExternalStore(
    session ? (listener) => session.subscribe(listener) : noop,
    () => (session ? session.snapshot() : EMPTY),
  );
  return { session, snapshot, error: parsed.ok ? error : parsed.error };
}

let deviceKey: Promise<DeviceSigner> | null = null;

/**
 * Reads (or makes) this device's key ahead of need: a member typing an invite or a new group
 * will open a group in a moment, and a fresh profile's key takes a while to make and store.
 */
export function prepareDevice(): void {
  void thisDevice();
}

/**
 * Work the first opened group would do after the click, done in idle time before it: the
 * signing table a session's key needs (ed25519.ts `warmBaseTable`).
 */
export function warmGroupCode(): void {
  warmBaseTable();
}

/**
 * A member has a valid invite in the join form and will join through `signalingUrl` in a
 * moment: its companion is asked for its connection servers and the signaling socket is opened
 * now, so that Join waits for neither round trip (on a real network, several). The socket
 * subscribes to no room until Join, and closes unused after WARM_SIGNALING_MS. Not for a
 * returning member opening a group: its kept copy renders first, and rooms set up sooner only
 * competed with that render (measured, docs/benchmarks.md).
 */
export function prepareToJoin(signalingUrl: string): void {
  prepareDevice();
  prefetchCompanionIce(signalingUrl);
  openSignalingEarly(signalingUrl);
}

/**
 * This device's key pair, loaded once per page from IndexedDB (made the first time), or taken
 * from the page's read ahead (main.tsx); in memory only where IndexedDB refuses to keep it.
 */
function thisDevice(): Promise<DeviceSigner> {
  deviceKey ??= typeof indexedDB === 'undefined' ? memoryDeviceKey() : storedDevice();
  return deviceKey;
}

function storedDevice(): Promise<DeviceSigner> {
  const stored = indexedDbKeyStore();
  const early = takeDeviceKeyAhead();
  if (early) traceMark('device-key-read-ahead-taken');
  const store = early ? { load: () => early, save: stored.save } : stored;
  return loadDeviceKey(store).catch(() => memoryDeviceKey());
}

/**
 * What this device's network showed last time (relay-plan RP8, lib/device/network-reach.ts):
 * told to the rooms as the panel opens, and kept as the rooms learn it anew.
 */
function useRememberedNetworkReach(store: KeyValueStore | null): void {
  useEffect(() => {
    if (!store) return undefined;
    let stopped = false;
    networkReachItem.read(store).then(
      (read) => {
        if (!stopped) rememberNetworkReach(read.value.onlyThroughServer);
      },
      () => undefined,
    );
    const stop = onNetworkReachLearnt((onlyThroughServer) => {
      void networkReachItem.write(store, { onlyThroughServer }).catch(() => false);
    });
    return () => {
      stopped = true;
      stop();
    };
  }, [store]);
}
