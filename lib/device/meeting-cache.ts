import { deriveGroupId, deriveMeetingCacheKey } from '../invite/room-name';
import { boundedString, finiteNumber, isRecord, safeId } from '../util/guards';
import { fromBase64, toBase64 } from '../util/base64';
import { sameBytes } from '../util/bytes';
import { traceMark } from '../util/trace';
import { KEPT_MEETING_MAX_AGE_MS, LIMITS, PROOF_BYTES } from '../util/limits';
import { parseInvite } from '../invite/invite';
import { clearDrafts } from './drafts';
import { groupsItem } from './groups';
import type { RememberedGroup } from './groups';
import type { KeyValueStore } from './key-value-store';
import { decodeBlob, openBlob, seal } from './sealed-blob';
import type { SealedBlob } from './sealed-blob';
import { serialQueue } from './serial-queue';
import { defineStoredItem } from './stored-item';
import type { StoredItem } from './stored-item';
import { wipeableKeys } from './wipe-keys';
import type { WipeKeyStore } from './wipe-keys';

/**
 * What a member's panel keeps on the device so that a reload, a browser crash or the whole group
 * reloading at once does not lose the running meeting (the shared documents live only in the
 * panels that have them open): the lobby's state (which meetings run, which ended) and the
 * shared state of each meeting this panel holds that has not ended. The lobby outlives meetings
 * on purpose: its record of ended meetings keeps a member who missed the end from bringing an
 * ended meeting back. A meeting's state is dropped when it ends, as the boards are cleared.
 *
 * Every document is sealed with AES-GCM under a key derived from the group's secret (HKDF,
 * `deriveMeetingCacheKey`), a fresh IV per write, and bound to its group and meeting by the
 * additional data, so storage holds nothing readable without the invite and a sealed state
 * cannot be passed off as another meeting's.
 *
 * With a `WipeKeyStore` (the panel's, in the origin private file system) the key is derived from
 * the secret and the group's wipe key (`deriveWipeableCacheKey`), and the wipe key is replaced
 * before a save that no longer holds a meeting the previous save held, and removed with the
 * cache: the copies of earlier saves that the browser's storage files keep (wiped values linger
 * in LevelDB's log) can then no longer be opened, invite or not.
 */

/** One meeting's shared state as `Y.encodeStateAsUpdate` gives it. */
export interface CachedMeeting {
  readonly meetingId: string;
  readonly state: Uint8Array;
  /**
   * Proofs of the signatures the panel verified in it (`provenSignatures`, signed.ts): sealed
   * with it, so that the panel restoring the copy does not verify them again.
   */
  readonly proven?: Uint8Array;
}

/** Everything kept for one group. */
export interface CachedGroup {
  /** When the panel saved it, on this device's clock. */
  readonly savedAt: number;
  readonly lobby: Uint8Array | null;
  readonly meetings: readonly CachedMeeting[];
  /** The keys of the meetings this panel was let into (lib/shared-doc/admission.ts). */
  readonly keys?: ReadonlyArray<{
    readonly meetingId: string;
    readonly key: Uint8Array;
    /** The meeting's first key, when it moved to a fresh room. */
    readonly first?: Uint8Array;
  }>;
  /** Members this device met in the group's meetings: let in without asking. */
  readonly regulars?: ReadonlyArray<{ readonly memberId: string; readonly name: string }>;
}

/**
 * One group's cache; the group is fixed when the cache is made. `load` and `save` never reject:
 * a damaged, foreign or unreadable item loads as nothing, a failed write is left for the next.
 */
export interface MeetingCache {
  load(): Promise<CachedGroup | null>;
  save(record: CachedGroup): Promise<void>;
  clear(): Promise<void>;
}

/** The proofs of verified signatures kept with one meeting at most, in bytes. */
const MAX_PROOF_BYTES = LIMITS.proofsPerMeeting * PROOF_BYTES;

/** Meetings kept per group; more running at once than this is a group in trouble, not a meeting. */
export const MAX_CACHED_MEETINGS = 4;

/** The lobby is tiny (a few entries per meeting); a larger one is not ours. */
const MAX_LOBBY_BYTES = 256 * 1024;

/** The store key of a group's cached meeting. */
export function meetingCacheKey(groupId: string): string {
  return `meeting-cache:${groupId}`;
}

/** The stored value; null once cleared (the store has no delete). */
export interface StoredMeetingCache {
  readonly savedAt: number;
  readonly lobby: SealedBlob | null;
  readonly meetings: ReadonlyArray<
    { readonly meetingId: string; readonly proven?: SealedBlob } & SealedBlob
  >;
  /** Meeting keys and regulars, sealed as one JSON document; absent in caches of earlier builds. */
  readonly admission?: SealedBlob | null;
  /** 2: sealed under the secret and the group's wipe key; absent: under the secret alone. */
  readonly sealing?: 2;
}

/** Regulars kept per group at most. */
export const MAX_REGULARS = 200;
/** The sealed admission document is small: keys of a few meetings and some names. */
const MAX_ADMISSION_BYTES = 64 * 1024;

/** Base64 length of the largest document we seal (AES-GCM adds 16 bytes). */
const maxBase64 = (bytes: number): number => Math.ceil((bytes + 16) / 3) * 4;

/** Decodes what the store holds; anything malformed is null or dropped, never cast. */
export function decodeStoredCache(value: unknown): StoredMeetingCache | null {
  if (!isRecord(value)) return null;
  const savedAt = finiteNumber(value.savedAt);
  if (savedAt === null) return null;
  const lobby = decodeBlob(value.lobby, maxBase64(MAX_LOBBY_BYTES));
  const meetings: Array<{ meetingId: string; proven?: SealedBlob } & SealedBlob> = [];
  const seen = new Set<string>();
  const raw = Array.isArray(value.meetings) ? value.meetings : [];
  for (const entry of raw.slice(0, MAX_CACHED_MEETINGS)) {
    if (!isRecord(entry)) continue;
    const meetingId = safeId(entry.meetingId);
    const blob = decodeBlob(entry, maxBase64(LIMITS.meetingDocumentBytes));
    if (!meetingId || !blob || seen.has(meetingId)) continue;
    seen.add(meetingId);
    const proven = decodeBlob(entry.proven, maxBase64(MAX_PROOF_BYTES));
    meetings.push({ meetingId, ...blob, ...(proven ? { proven } : {}) });
  }
  const admission = decodeBlob(value.admission, maxBase64(MAX_ADMISSION_BYTES));
  return {
    savedAt,
    lobby,
    meetings,
    ...(admission ? { admission } : {}),
    ...(value.sealing === 2 ? { sealing: 2 as const } : {}),
  };
}

/** Reads the opened admission document; anything malformed is dropped, never cast. */
export function decodeAdmission(bytes: Uint8Array | null): Pick<CachedGroup, 'keys' | 'regulars'> {
  let value: unknown;
  try {
    value = bytes ? JSON.parse(new TextDecoder().decode(bytes)) : null;
  } catch {
    value = null;
  }
  if (!isRecord(value)) return { keys: [], regulars: [] };
  const keys: Array<{ meetingId: string; key: Uint8Array; first?: Uint8Array }> = [];
  for (const entry of Array.isArray(value.keys)
    ? value.keys.slice(0, MAX_CACHED_MEETINGS + 1)
    : []) {
    if (!isRecord(entry)) continue;
    const meetingId = safeId(entry.meetingId);
    const key = typeof entry.key === 'string' ? fromBase64(entry.key) : null;
    const first = typeof entry.first === 'string' ? fromBase64(entry.first) : null;
    if (!meetingId || !key || key.length !== 32) continue;
    keys.push(first && first.length === 32 ? { meetingId, key, first } : { meetingId, key });
  }
  const regulars: Array<{ memberId: string; name: string }> = [];
  for (const entry of Array.isArray(value.regulars) ? value.regulars.slice(0, MAX_REGULARS) : []) {
    if (!isRecord(entry)) continue;
    const memberId = safeId(entry.memberId);
    const name = boundedString(entry.name, LIMITS.memberName);
    if (memberId && name) regulars.push({ memberId, name });
  }
  return { keys, regulars };
}

function encodeAdmission(record: CachedGroup): Uint8Array {
  return new TextEncoder().encode(
    JSON.stringify({
      keys: (record.keys ?? []).slice(0, MAX_CACHED_MEETINGS + 1).map((k) => ({
        meetingId: k.meetingId,
        key: toBase64(k.key),
        ...(k.first ? { first: toBase64(k.first) } : {}),
      })),
      regulars: (record.regulars ?? []).slice(0, MAX_REGULARS),
    }),
  );
}

/** The versioned item of a group's cache; version 1 is the first shape. */
export function meetingCacheItem(groupId: string): StoredItem<StoredMeetingCache | null> {
  return defineStoredItem({
    key: meetingCacheKey(groupId),
    version: 1,
    decode: decodeStoredCache,
    migrations: {},
  });
}

/**
 * Writes of every group's cache, one after the other: a save still sealing when the member
 * forgets the group must not land after the clear.
 */
const writes = serialQueue();

/**
 * The cache of the group with this secret, in `store`; with `wipeKeys`, sealed so that what a
 * meeting leaves behind in the browser's files can be made unreadable (see above).
 */
export function createMeetingCache(
  store: KeyValueStore,
  secret: Uint8Array,
  wipeKeys?: WipeKeyStore,
): MeetingCache {
  let keys: Promise<{ groupId: string; key: CryptoKey }> | null = null;
  const derive = () => {
    keys ??= Promise.all([deriveGroupId(secret), deriveMeetingCacheKey(secret)]).then(
      ([groupId, key]) => ({ groupId, key }),
    );
    return keys;
  };
  const wipeableKey = wipeableKeys(secret);
  /** The meetings the stored cache holds as this panel last read or wrote it; null: not known. */
  let heldMeetings: ReadonlySet<string> | null = null;

  return {
    async load() {
      try {
        const { groupId, key: plainKey } = await derive();
        // The wipe key is asked for beside the store's read, and waited for only when the copy
        // is sealed with it: a group with nothing kept (a new member's) does not wait for the
        // private file system (several round trips to the browser) before its rooms open.
        const wipeKey = (wipeKeys?.existing(groupId) ?? Promise.resolve(null)).catch(() => null);
        const stored = await meetingCacheItem(groupId).read(store);
        if (stored.status !== 'stored' || !stored.value) return null;
        const { savedAt, lobby, meetings, admission, sealing } = stored.value;
        heldMeetings = new Set(meetings.map((m) => m.meetingId));
        let key = plainKey;
        if (sealing === 2) {
          const wipe = await wipeKey;
          if (!wipe) return null;
          key = await wipeableKey(wipe);
        }
        const opened = await Promise.all(
          meetings.map(async (m) => {
            const state = await openBlob(key, m, label(groupId, m.meetingId));
            if (!state) return null;
            const proven = m.proven
              ? await openBlob(key, m.proven, label(groupId, m.meetingId, 'proven'))
              : null;
            return proven
              ? { meetingId: m.meetingId, state, proven }
              : { meetingId: m.meetingId, state };
          }),
        );
        return {
          savedAt,
          lobby: lobby ? await openBlob(key, lobby, label(groupId, null)) : null,
          meetings: opened.filter((m): m is CachedMeeting => m !== null),
          ...decodeAdmission(
            admission ? await openBlob(key, admission, label(groupId, 'admission')) : null,
          ),
        };
      } catch {
        return null;
      }
    },
    save(record) {
      return writes(async () => {
        try {
          const { groupId, key: plainKey } = await derive();
          const kept = record.meetings
            .slice(0, MAX_CACHED_MEETINGS)
            .filter((m) => safeId(m.meetingId) !== null);
          let key = plainKey;
          let sealing: 2 | null = null;
          if (wipeKeys) {
            const before = heldMeetings ?? (await storedMeetings(store, groupId));
            const now = new Set(kept.map((m) => m.meetingId));
            // A meeting leaves the cache (it ended, or gave way): its earlier copies go with the key.
            const gone = [...before].some((id) => !now.has(id));
            const wipeKey = await (gone ? wipeKeys.renew(groupId) : wipeKeys.current(groupId));
            if (wipeKey) {
              key = await wipeableKey(wipeKey);
              sealing = 2;
            }
          }
          const meetings = [];
          for (const m of kept) {
            if (m.state.length > LIMITS.meetingDocumentBytes) continue;
            const blob = await seal(key, m.state, label(groupId, m.meetingId));
            const proven =
              m.proven && m.proven.length > 0 && m.proven.length <= MAX_PROOF_BYTES
                ? await seal(key, m.proven, label(groupId, m.meetingId, 'proven'))
                : null;
            meetings.push({ meetingId: m.meetingId, ...blob, ...(proven ? { proven } : {}) });
          }
          const lobby =
            record.lobby && record.lobby.length <= MAX_LOBBY_BYTES
              ? await seal(key, record.lobby, label(groupId, null))
              : null;
          const admission = await seal(key, encodeAdmission(record), label(groupId, 'admission'));
          const value: StoredMeetingCache = {
            savedAt: record.savedAt,
            lobby,
            meetings,
            admission,
            ...(sealing ? { sealing } : {}),
          };
          await meetingCacheItem(groupId).write(store, value);
          heldMeetings = new Set(meetings.map((m) => m.meetingId));
        } catch {
          // Full or unavailable storage: the panel works on, and the next save tries again.
        }
      });
    },
    async clear() {
      try {
        const { groupId } = await derive();
        await clearMeetingCache(store, groupId, wipeKeys);
        heldMeetings = new Set();
      } catch {
        // As with a failed save: nothing to undo.
      }
    },
  };
}

/** How long a read ahead waits to be taken (`readMeetingCacheAhead`). */
export const READ_AHEAD_MS = 10_000;

/**
 * The stores a session of this page has asked for a cache from (`meetingCacheFor`): a read
 * ahead is for a page's start only, before any session could have saved since.
 */
const sessionAsked = new WeakSet<KeyValueStore>();

/** The one cache read ahead, for the group a panel is going back to. */
let readAhead: {
  readonly store: KeyValueStore;
  readonly secret: Uint8Array;
  readonly cache: MeetingCache;
  readonly first: Promise<CachedGroup | null>;
  readonly at: number;
} | null = null;

/**
 * Starts reading a group's cache now, for the session that will open it in a moment
 * (`meetingCacheFor`): a panel going back to its group after a reload reads what it kept while
 * the group's code still loads, instead of after it (issue 15, the returning member; the page's
 * entry, main.tsx). One group at a time, and only before this page's first session asked for a
 * cache (a session saves what changes: a read made after that could be older than its last
 * save); a read not taken within `READ_AHEAD_MS` is dropped, so that a session opened later
 * reads the store as it is then.
 */
export function readMeetingCacheAhead(
  store: KeyValueStore,
  secret: Uint8Array,
  wipeKeys?: WipeKeyStore,
  now = Date.now(),
): void {
  if (sessionAsked.has(store)) return;
  const cache = createMeetingCache(store, secret, wipeKeys);
  const entry = { store, secret: Uint8Array.from(secret), cache, first: cache.load(), at: now };
  readAhead = entry;
  // Not taken in time: let go of it, and of the meeting it read.
  setTimeout(() => {
    if (readAhead === entry) readAhead = null;
  }, READ_AHEAD_MS);
}

/**
 * The group's cache for a session opening it: the one read ahead for this store and secret,
 * whose first `load` answers with that read, if it is fresh; else a new one.
 */
export function meetingCacheFor(
  store: KeyValueStore,
  secret: Uint8Array,
  wipeKeys?: WipeKeyStore,
  now = Date.now(),
): MeetingCache {
  sessionAsked.add(store);
  const ahead = readAhead;
  if (ahead && ahead.store === store && sameBytes(ahead.secret, secret)) {
    readAhead = null;
    if (now - ahead.at <= READ_AHEAD_MS) {
      traceMark('copy-read-ahead-taken');
      let first: Promise<CachedGroup | null> | null = ahead.first;
      const { cache } = ahead;
      return {
        load() {
          const read = first ?? cache.load();
          first = null;
          return read;
        },
        save: (record) => cache.save(record),
        clear: () => cache.clear(),
      };
    }
  }
  return createMeetingCache(store, secret, wipeKeys);
}

/** The meetings a group's stored cache holds (none when it holds nothing readable). */
async function storedMeetings(store: KeyValueStore, groupId: string): Promise<Set<string>> {
  const stored = await meetingCacheItem(groupId).read(store);
  const meetings = stored.status === 'stored' && stored.value ? stored.value.meetings : [];
  return new Set(meetings.map((m) => m.meetingId));
}

/**
 * Wipes a group's cache, as when the member forgets the group (no secret needed), and destroys
 * its wipe key: what the browser's files still hold of it cannot be opened.
 */
export function clearMeetingCache(
  store: KeyValueStore,
  groupId: string,
  wipeKeys?: WipeKeyStore,
): Promise<void> {
  // A read ahead may hold what is wiped now: a session opened next reads the store again.
  readAhead = null;
  return writes(async () => {
    await wipeKeys?.remove(groupId).catch(() => undefined);
    await meetingCacheItem(groupId).write(store, null);
  });
}

/**
 * Takes the meetings out of the group's copy when it was last saved more than
 * `KEPT_MEETING_MAX_AGE_MS` before `now`: such a copy restores nothing (GroupSession.restore),
 * yet a panel closed before its meeting ended would keep the case's words on the device, sealed
 * but openable with the invite, until the group was opened again. What stays is what outlives
 * meetings, the regulars (whom this device met in the group); the save renews the wipe key, so
 * the copies the browser's files still hold no longer open. A copy that cannot be opened any
 * more is wiped whole. The group's drafts (lib/device/drafts.ts: what was typed in that meeting
 * and not posted) go with it: sealed under the key the save renewed, they no longer open, and
 * their meeting can no longer be restored. Answers whether anything was taken out; never rejects.
 */
export async function expireMeetingCopy(
  store: KeyValueStore,
  secret: Uint8Array,
  wipeKeys: WipeKeyStore | undefined,
  now: number,
): Promise<boolean> {
  try {
    const groupId = await deriveGroupId(secret);
    const stored = await meetingCacheItem(groupId).read(store);
    if (stored.status !== 'stored' || !stored.value) return false;
    const { savedAt, meetings } = stored.value;
    if (meetings.length === 0 || savedAt >= now - KEPT_MEETING_MAX_AGE_MS) return false;
    const cache = createMeetingCache(store, secret, wipeKeys);
    const record = await cache.load();
    if (record === null) {
      await clearMeetingCache(store, groupId, wipeKeys);
    } else {
      // The copy's own time stays: it still reads as too old to restore its lobby.
      await cache.save({ savedAt, lobby: null, meetings: [], regulars: record.regulars ?? [] });
    }
    await clearDrafts(store, groupId);
    return true;
  } catch {
    return false;
  }
}

/**
 * `expireMeetingCopy` for each of these groups (their invites hold the secrets). Answers how many
 * copies lost their meetings.
 */
export async function expireMeetingCopies(
  store: KeyValueStore,
  groups: ReadonlyArray<Pick<RememberedGroup, 'code'>>,
  wipeKeys: WipeKeyStore | undefined,
  now: number,
): Promise<number> {
  let expired = 0;
  for (const group of groups) {
    const invite = parseInvite(group.code);
    if (invite.ok && (await expireMeetingCopy(store, invite.invite.secret, wipeKeys, now))) {
      expired += 1;
    }
  }
  return expired;
}

/**
 * `expireMeetingCopies` for every group this device remembers in a plain list: what the
 * extension's worker can do alone. A list sealed with the notebook's passphrase is left alone:
 * without the passphrase its invites, and with them the copies, do not open; a panel does it for
 * those groups once the passphrase opened them (entrypoints/sidepanel/main.tsx).
 */
export async function expireKeptMeetings(
  store: KeyValueStore,
  wipeKeys: WipeKeyStore | undefined,
  now: number,
): Promise<number> {
  let groups;
  try {
    groups = (await groupsItem.read(store)).value;
  } catch {
    return 0;
  }
  return 'plain' in groups ? expireMeetingCopies(store, groups.plain, wipeKeys, now) : 0;
}

/** Where a sealed part belongs, bound into its seal (the additional data). */
export function label(
  groupId: string,
  meetingId: string | null,
  part: 'proven' | null = null,
): Uint8Array<ArrayBuffer> {
  // 'admission' is no meeting id (ids are hex or url-safe base64 of 16+ characters).
  const what =
    meetingId === null
      ? 'lobby'
      : meetingId === 'admission'
        ? 'admission'
        : `meeting/${meetingId}${part ? `/${part}` : ''}`;
  return new TextEncoder().encode(`kring/meeting-cache/v1/${groupId}/${what}`);
}
