import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { EMPTY_SNAPSHOT, GroupSession } from '../../lib/connection/group-session';
import type { GroupSnapshot } from '../../lib/connection/group-session';
import { openRoom } from '../../lib/connection/room-connection';
import type { RememberedGroup } from '../../lib/device/groups';
import type { KeyValueStore } from '../../lib/device/key-value-store';
import { createMeetingCache } from '../../lib/device/meeting-cache';
import { parseInvite } from '../../lib/invite/invite';
import { exposeSharedState } from './diagnostics';

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

/**
 * Connects the panel to a group while it is shown. The rooms themselves live outside React
 * (lib/connection/room-connection.ts), so StrictMode's mount, unmount, mount shares one provider.
 * With a `store`, the panel keeps the group's meeting there (sealed) to rejoin after a reload.
 */
export function useGroupSession(
  group: RememberedGroup,
  signalingUrl: string,
  store: KeyValueStore | null = null,
): { session: GroupSession | null; snapshot: GroupSnapshot; error: string | null } {
  const [session, setSession] = useState<GroupSession | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Remembered groups were validated when loaded; this only guards against a damaged store.
  const parsed = useMemo(() => parseInvite(group.code), [group.code]);
  // The name as the panel opened: a member who joined with an invite gets it from the session
  // (snapshot.groupName), and the panel then remembers it; that must not reopen the session.
  const [groupName] = useState(group.name ?? '');

  useEffect(() => {
    if (!parsed.ok) return undefined;
    let cancelled = false;
    let opened: GroupSession | null = null;
    const turn = openQueue.then(() =>
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
              openRoom: (keys) => openRoom(keys, { signalingUrls: [signalingUrl] }),
              ...(store ? { meetingCache: createMeetingCache(store, parsed.invite.secret) } : {}),
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
