import { describe, expect, it, vi } from 'vitest';
import type { AtRestKeys, AtRestSource } from '../../../lib/device/at-rest';
import type { RememberedGroup } from '../../../lib/device/groups';
import { memoryStore } from '../../../lib/device/key-value-store';
import type { KeyValueStore } from '../../../lib/device/key-value-store';
import { createPanelStore } from '../../../lib/device/panel-store';
import type { Settings } from '../../../lib/device/settings';
import { createInvite } from '../../../lib/invite/invite';

const DEFAULTS: Settings = {
  signalingUrl: 'ws://localhost:4444',
  locale: null,
  sound: 'chair',
  iceServers: [],
  relayOnly: false,
};
const MINE: Settings = {
  signalingUrl: 'wss://kring.example.org',
  locale: 'nl',
  sound: 'always',
  iceServers: [],
  relayOnly: false,
};

function group(n: number): RememberedGroup {
  return {
    groupId: `group-${String(n).padStart(4, '0')}`,
    code: createInvite().code,
    name: `Groep ${n}`,
    memberName: 'Anna',
    memberId: `member-${String(n).padStart(4, '0')}`,
    lastUsedAt: n,
    signalingUrl: null,
    iceServers: [],
  };
}

/** Storage that refuses every read and write, as a browser with storage switched off. */
const brokenStore: KeyValueStore = {
  get: () => Promise.reject(new Error('storage disabled')),
  set: () => Promise.reject(new Error('storage disabled')),
};

const ids = (groups: readonly RememberedGroup[]) => groups.map((g) => g.groupId);

/** A notebook whose keys come only when the test gives them (its code still loading). */
function slowKeys(): AtRestSource & { give(keys: AtRestKeys): void } {
  let give: (keys: AtRestKeys) => void = () => undefined;
  const keys = new Promise<AtRestKeys>((resolve) => (give = resolve));
  return { atRestKeys: () => keys, subscribe: () => () => undefined, give: (k) => give(k) };
}

/** A key pair as the notebook's at-rest keys are (ECDH P-256). */
function atRestPair(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
}

describe('the panel store', () => {
  it('starts with the defaults, not loaded', () => {
    expect(createPanelStore(memoryStore(), DEFAULTS).getSnapshot()).toEqual({
      settingsLoaded: false,
      loaded: false,
      settings: DEFAULTS,
      groups: [],
      groupsLocked: false,
    });
  });

  it('loads the settings and groups that builds before versions stored', async () => {
    const store = memoryStore();
    const [a, b, c] = [group(1), group(2), group(3)];
    // Builds before versions stored the sound as a switch.
    await store.set('settings', { ...MINE, sound: true });
    await store.set('groups', [b, a]);
    const panel = createPanelStore(store, DEFAULTS);
    await panel.load();
    expect(panel.getSnapshot()).toEqual({
      settingsLoaded: true,
      loaded: true,
      settings: MINE,
      groups: [b, a],
      groupsLocked: false,
    });
    // Loading alone leaves storage as it was; the next save writes the envelope.
    expect(await store.get('groups')).toEqual([b, a]);
    await panel.saveGroup(c);
    expect(await store.get('groups')).toEqual({ v: 5, value: { plain: [c, b, a] } });
  });

  it('is loaded with the defaults when storage cannot be read', async () => {
    const panel = createPanelStore(brokenStore, DEFAULTS);
    await panel.load();
    expect(panel.getSnapshot()).toEqual({
      settingsLoaded: true,
      loaded: true,
      settings: DEFAULTS,
      groups: [],
      groupsLocked: false,
    });
  });

  it('shows new settings at once and stores them', async () => {
    const store = memoryStore();
    const panel = createPanelStore(store, DEFAULTS);
    await panel.load();
    const saved = panel.saveSettings(MINE);
    expect(panel.getSnapshot().settings).toEqual(MINE);
    await saved;
    expect((await createLoaded(store)).getSnapshot().settings).toEqual(MINE);
  });

  it('keeps a group another panel stored since this one loaded', async () => {
    const store = memoryStore();
    const first = await createLoaded(store);
    const second = await createLoaded(store);
    await first.saveGroup(group(1));
    await second.saveGroup(group(2));
    expect(ids(second.getSnapshot().groups)).toEqual(['group-0002', 'group-0001']);
    expect(ids((await createLoaded(store)).getSnapshot().groups)).toEqual([
      'group-0002',
      'group-0001',
    ]);
  });

  it('keeps every group when several are saved at once', async () => {
    const store = memoryStore();
    const panel = await createLoaded(store);
    await Promise.all([
      panel.saveGroup(group(1)),
      panel.saveGroup(group(2)),
      panel.saveGroup(group(3)),
    ]);
    expect(ids((await createLoaded(store)).getSnapshot().groups)).toEqual([
      'group-0003',
      'group-0002',
      'group-0001',
    ]);
  });

  it('forgets a group', async () => {
    const store = memoryStore();
    const panel = await createLoaded(store);
    await panel.saveGroup(group(1));
    await panel.saveGroup(group(2));
    await panel.removeGroup('group-0002');
    expect(ids(panel.getSnapshot().groups)).toEqual(['group-0001']);
    expect(ids((await createLoaded(store)).getSnapshot().groups)).toEqual(['group-0001']);
  });

  it('works in memory and leaves storage alone when it holds a later version', async () => {
    const store = memoryStore();
    const laterGroups = { v: 6, value: { byId: {} } };
    const laterSettings = { v: 4, value: { theme: 'dark' } };
    await store.set('groups', laterGroups);
    await store.set('settings', laterSettings);
    const panel = await createLoaded(store);
    expect(panel.getSnapshot()).toEqual({
      settingsLoaded: true,
      loaded: true,
      settings: DEFAULTS,
      groups: [],
      groupsLocked: false,
    });

    const [a, b] = [group(1), group(2)];
    await panel.saveGroup(a);
    await panel.saveGroup(b);
    await panel.saveSettings(MINE);
    expect(panel.getSnapshot()).toEqual({
      settingsLoaded: true,
      loaded: true,
      settings: MINE,
      groups: [b, a],
      groupsLocked: false,
    });
    expect(await store.get('groups')).toEqual(laterGroups);
    expect(await store.get('settings')).toEqual(laterSettings);
  });

  it('tells each subscriber of every change until it unsubscribes', async () => {
    const panel = createPanelStore(memoryStore(), DEFAULTS);
    const seen: boolean[] = [];
    const unsubscribe = panel.subscribe(() => seen.push(panel.getSnapshot().loaded));
    await panel.load();
    await panel.saveSettings(MINE);
    unsubscribe();
    await panel.saveGroup(group(1));
    // Loading tells twice: the settings first (the panel's language), then the groups.
    expect(seen).toEqual([false, true, true]);
  });

  it("shows a plain list of groups before the notebook's keys come", async () => {
    const store = memoryStore();
    const [a, b] = [group(1), group(2)];
    const before = await createLoaded(store);
    await before.saveGroup(a);
    await before.saveGroup(b);

    const notebook = slowKeys();
    const panel = createPanelStore(store, DEFAULTS, notebook);
    const seen: (readonly RememberedGroup[])[] = [];
    panel.subscribe(() => seen.push(panel.getSnapshot().groups));
    const loading = panel.load();
    await vi.waitFor(() =>
      expect(ids(panel.getSnapshot().groups)).toEqual(['group-0002', 'group-0001']),
    );
    expect(panel.getSnapshot()).toMatchObject({ loaded: true, groupsLocked: false });

    notebook.give({ state: 'off' });
    await loading;
    // No passphrase: the keys change nothing, and nobody is told of a change that is none.
    expect(ids(panel.getSnapshot().groups)).toEqual(['group-0002', 'group-0001']);
    expect(seen.length).toBe(2);
  });

  it('hides a plain list shown early once the keys say the notebook is locked, and seals it', async () => {
    const store = memoryStore();
    const a = group(1);
    const before = await createLoaded(store);
    await before.saveGroup(a);

    const notebook = slowKeys();
    const panel = createPanelStore(store, DEFAULTS, notebook);
    const loading = panel.load();
    await vi.waitFor(() => expect(ids(panel.getSnapshot().groups)).toEqual([a.groupId]));

    // A passphrase set, and the panel closed before the list was sealed: locked at this load.
    const pair = await atRestPair();
    notebook.give({ state: 'locked', publicKey: pair.publicKey });
    await loading;
    expect(panel.getSnapshot()).toMatchObject({ loaded: true, groups: [], groupsLocked: true });
    const raw = JSON.stringify(await store.get('groups'));
    expect(raw).not.toContain(a.code);
    expect(raw).not.toContain(a.groupId);
  });

  it('shows a device with no groups before the keys come, and asks for no unlock there', async () => {
    const notebook = slowKeys();
    const panel = createPanelStore(memoryStore(), DEFAULTS, notebook);
    const seen: unknown[] = [];
    panel.subscribe(() => seen.push(panel.getSnapshot()));
    const loading = panel.load();
    await vi.waitFor(() => expect(panel.getSnapshot().loaded).toBe(true));
    expect(panel.getSnapshot()).toMatchObject({ groups: [], groupsLocked: false });

    // A passphrase set and locked: there is nothing to unlock, so nothing changes.
    const pair = await atRestPair();
    notebook.give({ state: 'locked', publicKey: pair.publicKey });
    await loading;
    expect(panel.getSnapshot()).toMatchObject({ loaded: true, groups: [], groupsLocked: false });
    expect(seen.length).toBe(2); // the settings, then the (empty) groups
  });

  it('waits for the keys where the list is sealed', async () => {
    const store = memoryStore();
    const pair = await atRestPair();
    const sealing = slowKeys();
    sealing.give({ state: 'unlocked', publicKey: pair.publicKey, privateKey: pair.privateKey });
    const before = createPanelStore(store, DEFAULTS, sealing);
    await before.load();
    await before.saveGroup(group(1));

    const notebook = slowKeys();
    const panel = createPanelStore(store, DEFAULTS, notebook);
    const loading = panel.load();
    await vi.waitFor(() => expect(panel.getSnapshot().settingsLoaded).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(panel.getSnapshot()).toMatchObject({ loaded: false, groups: [] });

    notebook.give({ state: 'unlocked', publicKey: pair.publicKey, privateKey: pair.privateKey });
    await loading;
    expect(ids(panel.getSnapshot().groups)).toEqual(['group-0001']);
  });

  it('says whether the groups are sealed, so that only then the notebook is asked for at once', async () => {
    const store = memoryStore();
    expect(await createPanelStore(store, DEFAULTS).groupsSealed()).toBe(false); // none stored
    await (await createLoaded(store)).saveGroup(group(1));
    expect(await createPanelStore(store, DEFAULTS).groupsSealed()).toBe(false); // plain
    const pair = await atRestPair();
    const sealing = slowKeys();
    sealing.give({ state: 'unlocked', publicKey: pair.publicKey, privateKey: pair.privateKey });
    await createPanelStore(store, DEFAULTS, sealing).load(); // a passphrase: sealed at this load
    expect(await createPanelStore(store, DEFAULTS).groupsSealed()).toBe(true);
    expect(await createPanelStore(brokenStore, DEFAULTS).groupsSealed()).toBe(false);
  });

  it('loads once however often it is asked', async () => {
    const store = memoryStore();
    const panel = createPanelStore(store, DEFAULTS);
    const snapshots = new Set<unknown>();
    panel.subscribe(() => snapshots.add(panel.getSnapshot()));
    await Promise.all([panel.load(), panel.load()]);
    await panel.load();
    // The settings, then the groups; the second and third load read nothing again.
    expect(snapshots.size).toBe(2);
  });
});

async function createLoaded(store: KeyValueStore) {
  const panel = createPanelStore(store, DEFAULTS);
  await panel.load();
  return panel;
}
