import { observableValue } from '../util/observable-value';
import { deriveGroupId, deriveMeetingCacheKey } from '../invite/room-name';
import type { KeyValueStore } from './key-value-store';
import { afterPhaseChange, draftsItem, openDrafts, sealDrafts, withDraft } from './drafts';
import type { DraftField, MeetingDrafts } from './drafts';
import { wipeableKeys } from './wipe-keys';
import type { WipeKeyStore } from './wipe-keys';

/**
 * One group's unposted board texts (drafts.ts), in memory for the panel and stored sealed on
 * every change, so that a form that unmounts (the chair moved on) or a reload gives the text
 * back. Typing never waits for storage: changes apply in memory at once and are written one
 * after the other, the latest state each time.
 */
export interface DraftStore {
  getSnapshot(): MeetingDrafts | null;
  /** Calls the listener after every change of the snapshot; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /**
   * Reads the stored drafts; changes made before it finished are applied on top of what it
   * read, so typing while the store loads loses nothing. Later calls return the same promise.
   */
  load(): Promise<void>;
  /** Sets (or, with '', removes) the draft of a field in a phase (about `item`, if given). */
  set(meetingId: string, phaseId: string, field: DraftField, text: string, item?: string): void;
  /** A form stayed on screen while the phase changed: the text it shows now (afterPhaseChange). */
  phaseChanged(
    meetingId: string,
    from: string,
    to: string,
    field: DraftField,
    typed: string,
  ): string;
  /** Removes every draft (the meeting ended). */
  clear(): void;
  /** Resolves once everything changed so far is stored (or could not be). */
  flush(): Promise<void>;
}

type Change = (drafts: MeetingDrafts | null) => MeetingDrafts | null;

/**
 * The draft store of the group with this secret; without one (an unreadable invite) the drafts
 * live in memory only. With `wipeKeys` (the meeting cache's, wipe-keys.ts) they are sealed under
 * the secret and the group's wipe key, which the meeting cache replaces when a meeting ends: what
 * the browser's files keep of earlier drafts (every save, keystroke by keystroke) then no longer
 * opens. Drafts sealed under the secret alone (an earlier build, or no key) are still read.
 */
export function createDraftStore(
  store: KeyValueStore,
  secret: Uint8Array | null,
  wipeKeys?: WipeKeyStore,
): DraftStore {
  let sealing: Promise<{ groupId: string; key: CryptoKey }> | null = null;
  const keys = () => {
    if (!secret) return Promise.reject(new Error('no secret: drafts stay in memory'));
    sealing ??= Promise.all([deriveGroupId(secret), deriveMeetingCacheKey(secret)]).then(
      ([groupId, key]) => ({ groupId, key }),
    );
    return sealing;
  };
  const sealingKey = secret && wipeKeys ? wipeableKeys(secret) : null;
  /**
   * The key for the group's current wipe key, or null without one. A read only uses a key that
   * is there; a save makes one on first ask.
   */
  const wipeableKey = async (groupId: string, make: boolean): Promise<CryptoKey | null> => {
    if (!sealingKey || !wipeKeys) return null;
    const wipeKey = await (make ? wipeKeys.current(groupId) : wipeKeys.existing(groupId));
    return wipeKey ? sealingKey(wipeKey) : null;
  };
  const read = async (): Promise<MeetingDrafts | null> => {
    const { groupId, key } = await keys();
    const [stored, wipeable] = await Promise.all([
      draftsItem(groupId).read(store),
      wipeableKey(groupId, false),
    ]);
    return (
      (wipeable ? await openDrafts(wipeable, groupId, stored.value) : null) ??
      openDrafts(key, groupId, stored.value)
    );
  };
  const save = async (drafts: MeetingDrafts | null): Promise<void> => {
    const { groupId, key } = await keys();
    const sealWith = (await wipeableKey(groupId, true)) ?? key;
    await draftsItem(groupId).write(store, await sealDrafts(sealWith, groupId, drafts));
  };
  const value = observableValue<MeetingDrafts | null>(null);
  /** Changes made before the load finished, to apply again on what it read; null once loaded. */
  let beforeLoad: Change[] | null = [];
  let loading: Promise<void> | null = null;
  let dirty = false;
  let writing: Promise<void> = Promise.resolve();
  let writer: Promise<void> | null = null;
  const publish = value.set;

  const write = (): Promise<void> => {
    dirty = true;
    // Nothing is written before the load: it would replace drafts the panel has not read yet.
    if (beforeLoad !== null || writer) return writing;
    writer = (async () => {
      while (dirty) {
        dirty = false;
        await save(value.get()).catch(() => undefined);
      }
      writer = null;
    })();
    writing = writer;
    return writing;
  };

  const change = (apply: Change) => {
    beforeLoad?.push(apply);
    publish(apply(value.get()));
    void write();
  };

  return {
    getSnapshot: value.get,
    subscribe: value.subscribe,
    load() {
      loading ??= (async () => {
        const stored = await read().catch(() => null);
        const changes = beforeLoad ?? [];
        beforeLoad = null;
        publish(changes.reduce((drafts, apply) => apply(drafts), stored));
        if (changes.length > 0) await write();
      })();
      return loading;
    },
    set(meetingId, phaseId, field, text, item) {
      change((drafts) => withDraft(drafts, meetingId, phaseId, field, text, item));
    },
    phaseChanged(meetingId, from, to, field, typed) {
      const { text } = afterPhaseChange(value.get(), meetingId, from, to, field, typed);
      change((drafts) => afterPhaseChange(drafts, meetingId, from, to, field, typed).drafts);
      return text;
    },
    clear() {
      change(() => null);
    },
    flush: async () => {
      await loading;
      await writing;
    },
  };
}
