import { describe, expect, it } from 'vitest';
import {
  afterPhaseChange,
  clearDrafts,
  decodeDrafts,
  draftFor,
  draftsItem,
  draftsKey,
  itemDrafts,
  MAX_DRAFT_LENGTH,
  openDrafts,
  sealDrafts,
  withDraft,
} from '../../../lib/device/drafts';
import { deriveGroupId, deriveMeetingCacheKey } from '../../../lib/invite/room-name';
import type { MeetingDrafts } from '../../../lib/device/drafts';
import { createDraftStore } from '../../../lib/device/draft-store';
import { memoryStore } from '../../../lib/device/key-value-store';
import type { KeyValueStore } from '../../../lib/device/key-value-store';
import { memoryWipeKeys } from '../../../lib/device/wipe-keys';

const SECRET = Uint8Array.from({ length: 16 }, (_, i) => i + 1);
const OTHER_SECRET = Uint8Array.from({ length: 16 }, (_, i) => 100 + i);
const M1 = 'meeting-0001';
const M2 = 'meeting-0002';

/** Drafts in a compact notation: 'phase/field=text'. */
function drafts(meetingId: string, ...lines: string[]): MeetingDrafts {
  return {
    meetingId,
    entries: lines.map((line) => {
      const [place = '', text = ''] = line.split('=');
      const [phaseId = '', field = ''] = place.split('/');
      if (field !== 'question' && field !== 'advice') throw new Error(`field ${field}`);
      return { phaseId, field, text };
    }),
  };
}

const lines = (d: MeetingDrafts | null) =>
  (d?.entries ?? []).map((e) => `${e.phaseId}/${e.field}=${e.text}`).sort();

describe('drafts on this device', () => {
  it.each([
    ['a new draft', null, M1, 'analysis', 'Wat deed je?', ['analysis/question=Wat deed je?']],
    [
      'a changed draft',
      drafts(M1, 'analysis/question=Wat'),
      M1,
      'analysis',
      'Wat deed je?',
      ['analysis/question=Wat deed je?'],
    ],
    ['a posted draft (emptied)', drafts(M1, 'analysis/question=Wat'), M1, 'analysis', '', []],
    [
      'a draft in another phase, next to the first',
      drafts(M1, 'analysis/question=Wat'),
      M1,
      'analysis-2',
      'Hoe?',
      ['analysis-2/question=Hoe?', 'analysis/question=Wat'],
    ],
    [
      'a draft of the next meeting, which drops the last meeting’s',
      drafts(M1, 'analysis/question=Oud'),
      M2,
      'analysis',
      'Nieuw',
      ['analysis/question=Nieuw'],
    ],
  ])('keeps %s', (_, before, meetingId, phaseId, text, after) => {
    const next = withDraft(before, meetingId, phaseId, 'question', text);
    expect(lines(next)).toEqual(after);
    if (next) expect(next.meetingId).toBe(meetingId);
  });

  it('reads a draft only in its own meeting, phase and field', () => {
    const d = drafts(M1, 'analysis/question=Wat deed je?', 'advice/advice=Vraag hulp');
    expect(draftFor(d, M1, 'analysis', 'question')).toBe('Wat deed je?');
    expect(draftFor(d, M1, 'advice', 'advice')).toBe('Vraag hulp');
    expect(draftFor(d, M1, 'analysis', 'advice')).toBe('');
    expect(draftFor(d, M1, 'awareness', 'question')).toBe('');
    expect(draftFor(d, M2, 'analysis', 'question')).toBe('');
    expect(draftFor(null, M1, 'analysis', 'question')).toBe('');
  });

  it('keeps a why per piece of advice, apart from each other and from the phase’s own drafts', () => {
    let d = withDraft(null, M1, 'advice', 'advice', 'Vraag hulp');
    d = withDraft(d, M1, 'advice', 'why', 'Past bij mij', 'advice-0001');
    d = withDraft(d, M1, 'advice', 'why', 'Dat lukt morgen', 'advice-0002');
    expect(draftFor(d, M1, 'advice', 'why', 'advice-0001')).toBe('Past bij mij');
    expect(draftFor(d, M1, 'advice', 'why')).toBe('');
    expect(draftFor(d, M1, 'advice', 'advice')).toBe('Vraag hulp');
    expect([...itemDrafts(d, M1, 'why')]).toEqual([
      ['advice-0001', 'Past bij mij'],
      ['advice-0002', 'Dat lukt morgen'],
    ]);
    expect(itemDrafts(d, M2, 'why').size).toBe(0);
    d = withDraft(d, M1, 'advice', 'why', '', 'advice-0001');
    expect([...itemDrafts(d, M1, 'why').keys()]).toEqual(['advice-0002']);
    // Stored and read back; an item that is no id is dropped.
    const stored = {
      meetingId: M1,
      entries: [...d!.entries, { phaseId: 'advice', field: 'why', text: 'x', item: 'no id!' }],
    };
    expect(decodeDrafts(JSON.parse(JSON.stringify(stored)))).toEqual(d);
  });

  it('cuts a draft longer than any field at the limit', () => {
    const long = 'x'.repeat(MAX_DRAFT_LENGTH + 10);
    expect(draftFor(withDraft(null, M1, 'a', 'advice', long), M1, 'a', 'advice')).toHaveLength(
      MAX_DRAFT_LENGTH,
    );
  });

  // A form that stays on screen while the chair moves on: 'from' and 'to' are phase ids.
  it.each([
    [
      'keeps what is typed, now in the new phase',
      ['one/question=Half'],
      'Half',
      'Half',
      ['two/question=Half'],
    ],
    [
      'gives back the new phase’s own draft and keeps the typed one where it was written',
      ['one/question=Half', 'two/question=Eerder'],
      'Half',
      'Eerder',
      ['one/question=Half', 'two/question=Eerder'],
    ],
    [
      'shows the new phase’s draft when nothing is typed',
      ['two/question=Eerder'],
      '',
      'Eerder',
      ['two/question=Eerder'],
    ],
    ['shows nothing when there is nothing', [], '', '', []],
  ])('%s', (_, before, typed, shown, after) => {
    const start = before.length ? drafts(M1, ...before) : null;
    const once = afterPhaseChange(start, M1, 'one', 'two', 'question', typed);
    expect(once.text).toBe(shown);
    expect(lines(once.drafts)).toEqual(after);
    // Run again (a re-render, StrictMode): nothing is duplicated or lost.
    const twice = afterPhaseChange(once.drafts, M1, 'one', 'two', 'question', typed);
    expect(twice.text).toBe(shown);
    expect(lines(twice.drafts)).toEqual(after);
  });

  it.each([
    ['nothing', undefined],
    ['not an object', 'drafts'],
    ['a bad meeting id', { meetingId: '../x', entries: [] }],
    ['no entries', { meetingId: M1, entries: [] }],
    ['entries that are not a list', { meetingId: M1, entries: { a: 1 } }],
  ])('reads %s as no drafts', (_, value) => {
    expect(decodeDrafts(value)).toBeNull();
  });

  it('drops stored entries that are malformed, unknown or twice there, and keeps the rest', () => {
    const stored = {
      meetingId: M1,
      entries: [
        { phaseId: 'analysis', field: 'question', text: 'Goed' },
        { phaseId: 'Analysis!', field: 'question', text: 'bad phase' },
        { phaseId: 'analysis', field: 'password', text: 'unknown field' },
        { phaseId: 'analysis', field: 'advice', text: 42 },
        { phaseId: 'analysis', field: 'advice', text: 'x'.repeat(MAX_DRAFT_LENGTH + 1) },
        { phaseId: 'analysis', field: 'question', text: 'twice' },
        { phaseId: 'advice', field: 'advice', text: '' },
        null,
      ],
    };
    expect(lines(decodeDrafts(stored))).toEqual(['analysis/question=Goed']);
  });

  it("stores them sealed with the group's key, readable only as that group's, and wipes them", async () => {
    const store = memoryStore();
    const key = await deriveMeetingCacheKey(SECRET);
    const d = drafts(M1, 'analysis/question=Wat deed je?');
    await draftsItem('group-1').write(store, await sealDrafts(key, 'group-1', d));
    const stored = await store.get(draftsKey('group-1'));
    expect(stored).toMatchObject({ v: 1 });
    expect(JSON.stringify(stored)).not.toMatch(/Wat deed je|analysis|question/);
    const blob = (await draftsItem('group-1').read(store)).value;
    expect(await openDrafts(key, 'group-1', blob)).toEqual(d);
    expect(await openDrafts(key, 'group-2', blob)).toBeNull();
    expect(await openDrafts(await deriveMeetingCacheKey(OTHER_SECRET), 'group-1', blob)).toBeNull();
    expect((await draftsItem('group-2').read(store)).value).toBeNull();
    await clearDrafts(store, 'group-1');
    expect((await draftsItem('group-1').read(store)).value).toBeNull();
  });
});

/** A store whose writes wait until released, to see what happens while one is in flight. */
function slowStore(): KeyValueStore & { release(): void; writes: unknown[] } {
  const inner = memoryStore();
  let gate: Promise<void> = Promise.resolve();
  let open: () => void = () => {};
  const hold = () => {
    gate = new Promise((resolve) => (open = resolve));
  };
  hold();
  const store = {
    writes: [] as unknown[],
    get: (key: string) => inner.get(key),
    async set(key: string, value: unknown) {
      await gate;
      store.writes.push(value);
      await inner.set(key, value);
    },
    release() {
      open();
    },
  };
  return store;
}

describe("a group's draft store", () => {
  it('gives a draft back in a new panel (a reload)', async () => {
    const store = memoryStore();
    const first = createDraftStore(store, SECRET);
    await first.load();
    first.set(M1, 'analysis', 'question', 'Wat deed je toen?');
    await first.flush();
    const second = createDraftStore(store, SECRET);
    await second.load();
    expect(draftFor(second.getSnapshot(), M1, 'analysis', 'question')).toBe('Wat deed je toen?');
  });

  it('keeps typing done before the load on top of what the load read', async () => {
    const store = memoryStore();
    const groupId = await deriveGroupId(SECRET);
    const key = await deriveMeetingCacheKey(SECRET);
    await draftsItem(groupId).write(
      store,
      await sealDrafts(key, groupId, drafts(M1, 'one/question=Opgeslagen')),
    );
    const drafted = createDraftStore(store, SECRET);
    drafted.set(M1, 'two', 'question', 'Getypt');
    const loading = drafted.load();
    expect(lines(drafted.getSnapshot())).toEqual(['two/question=Getypt']);
    await loading;
    await drafted.flush();
    const expected = ['one/question=Opgeslagen', 'two/question=Getypt'];
    expect(lines(drafted.getSnapshot())).toEqual(expected);
    const stored = (await draftsItem(groupId).read(store)).value;
    expect(lines(await openDrafts(key, groupId, stored))).toEqual(expected);
  });

  it('writes the latest text once a write in flight is done, not every keystroke', async () => {
    const store = slowStore();
    const drafted = createDraftStore(store, SECRET);
    await drafted.load();
    for (const text of ['W', 'Wa', 'Wat', 'Wat?']) drafted.set(M1, 'one', 'question', text);
    store.release();
    await drafted.flush();
    expect(store.writes.length).toBeLessThanOrEqual(2);
    const groupId = await deriveGroupId(SECRET);
    const last = draftsItem(groupId).decodeStored(store.writes.at(-1)).value;
    const key = await deriveMeetingCacheKey(SECRET);
    expect(await openDrafts(key, groupId, last)).toEqual(drafts(M1, 'one/question=Wat?'));
  });

  it('tells its listeners, and forgets everything when the meeting ends', async () => {
    const store = memoryStore();
    const drafted = createDraftStore(store, SECRET);
    await drafted.load();
    let told = 0;
    const stop = drafted.subscribe(() => (told += 1));
    drafted.set(M1, 'one', 'advice', 'Bel haar');
    expect(drafted.phaseChanged(M1, 'one', 'two', 'advice', 'Bel haar')).toBe('Bel haar');
    expect(lines(drafted.getSnapshot())).toEqual(['two/advice=Bel haar']);
    drafted.clear();
    await drafted.flush();
    expect(drafted.getSnapshot()).toBeNull();
    expect((await draftsItem(await deriveGroupId(SECRET)).read(store)).value).toBeNull();
    expect(told).toBe(3);
    stop();
  });

  it('works in memory when the store fails', async () => {
    const broken: KeyValueStore = {
      get: () => Promise.reject(new Error('no storage')),
      set: () => Promise.reject(new Error('no storage')),
    };
    const drafted = createDraftStore(broken, SECRET);
    await drafted.load();
    drafted.set(M1, 'one', 'question', 'Toch bewaard');
    await drafted.flush();
    expect(draftFor(drafted.getSnapshot(), M1, 'one', 'question')).toBe('Toch bewaard');
  });

  it("keeps drafts in memory only, and writes nothing, without the group's secret", async () => {
    const store = slowStore();
    store.release();
    const drafted = createDraftStore(store, null);
    await drafted.load();
    drafted.set(M1, 'one', 'question', 'Alleen hier');
    await drafted.flush();
    expect(draftFor(drafted.getSnapshot(), M1, 'one', 'question')).toBe('Alleen hier');
    expect(store.writes).toEqual([]);
  });
});

describe("a group's draft store with the device's wipe keys", () => {
  const typed = async (store: KeyValueStore, wipeKeys = memoryWipeKeys()) => {
    const drafted = createDraftStore(store, SECRET, wipeKeys);
    await drafted.load();
    drafted.set(M1, 'analysis', 'question', 'Waarom belde je haar niet?');
    await drafted.flush();
    return wipeKeys;
  };
  const reread = async (store: KeyValueStore, wipeKeys: ReturnType<typeof memoryWipeKeys>) => {
    const again = createDraftStore(store, SECRET, wipeKeys);
    await again.load();
    return draftFor(again.getSnapshot(), M1, 'analysis', 'question');
  };

  it('makes no key by reading: only a typed draft does', async () => {
    const store = memoryStore();
    const wipeKeys = memoryWipeKeys();
    const drafted = createDraftStore(store, SECRET, wipeKeys);
    await drafted.load();
    expect(wipeKeys.keys.size).toBe(0);
    drafted.set(M1, 'analysis', 'question', 'Wat deed je toen?');
    await drafted.flush();
    expect(wipeKeys.keys.size).toBe(1);
  });

  it('gives a draft back to a reload, and an earlier copy opens nothing once the key is renewed', async () => {
    const store = memoryStore();
    const wipeKeys = await typed(store);
    expect(await reread(store, wipeKeys)).toBe('Waarom belde je haar niet?');
    const groupId = await deriveGroupId(SECRET);
    const earlier = await store.get(draftsKey(groupId));
    // Not sealed under the secret alone.
    expect(
      await openDrafts(
        await deriveMeetingCacheKey(SECRET),
        groupId,
        draftsItem(groupId).decodeStored(earlier).value,
      ),
    ).toBeNull();
    // The meeting ended: the cache renewed the group's key. The copy the browser kept opens nothing.
    await wipeKeys.renew(groupId);
    const copy = memoryStore();
    await copy.set(draftsKey(groupId), earlier);
    expect(await reread(copy, wipeKeys)).toBe('');
  });

  it('reads drafts sealed under the secret alone (an earlier build), and seals the next save with the key', async () => {
    const store = memoryStore();
    const before = createDraftStore(store, SECRET);
    await before.load();
    before.set(M1, 'analysis', 'question', 'Van voor de wissel');
    await before.flush();
    const wipeKeys = memoryWipeKeys();
    expect(await reread(store, wipeKeys)).toBe('Van voor de wissel');
    await typed(store, wipeKeys);
    expect(await reread(store, wipeKeys)).toBe('Waarom belde je haar niet?');
  });
});
