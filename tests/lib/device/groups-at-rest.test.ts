import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import type { RememberedGroup } from '../../../lib/device/groups';
import { memoryStore } from '../../../lib/device/key-value-store';
import { createPanelStore, unsealGroups } from '../../../lib/device/panel-store';
import type { Settings } from '../../../lib/device/settings';
import { createInvite } from '../../../lib/invite/invite';
import { Notebook } from '../../../lib/notebook/notebook';

const DEFAULTS: Settings = {
  signalingUrl: 'ws://localhost:4444',
  locale: null,
  sound: 'chair',
  iceServers: [],
  relayOnly: false,
};
const PASSPHRASE = 'fiets lamp wolk thee';

function group(n: number): RememberedGroup {
  return {
    groupId: `group-${String(n).padStart(4, '0')}`,
    code: createInvite().code,
    name: `Intervisiegroep ${n}`,
    memberName: 'Anna Vermeer',
    memberId: `member-${String(n).padStart(4, '0')}`,
    lastUsedAt: n,
    signalingUrl: null,
    iceServers: [],
  };
}

const ids = (groups: readonly RememberedGroup[]) => groups.map((g) => g.groupId);
const opened: Notebook[] = [];
afterEach(() => {
  for (const notebook of opened.splice(0)) notebook.close();
});

function notebook() {
  const made = Notebook.open({ indexedDB: new IDBFactory(), IDBKeyRange });
  opened.push(made);
  return made;
}

describe('remembered groups at rest', () => {
  it('are sealed once a passphrase is set: no invite code, name or group id readable in storage', async () => {
    const store = memoryStore();
    const [a, b] = [group(1), group(2)];
    await store.set('groups', { v: 4, value: [a, b] });
    const book = notebook();
    expect(await book.enableEncryption(PASSPHRASE)).toEqual({ ok: true });

    const panel = createPanelStore(store, DEFAULTS, book);
    await panel.load();
    expect(ids(panel.getSnapshot().groups)).toEqual([b.groupId, a.groupId]);
    expect(panel.getSnapshot().groupsLocked).toBe(false);
    const raw = JSON.stringify(await store.get('groups'));
    for (const text of [a.code, b.code, 'Intervisiegroep', a.groupId, a.memberId]) {
      expect(raw).not.toContain(text);
    }
    expect(await store.get('groups')).toMatchObject({ v: 5, value: { sealed: [{}] } });
  }, 30_000);

  it('are hidden while locked; a group joined then is kept, merged after unlock', async () => {
    const store = memoryStore();
    const [a, b, c] = [group(1), group(2), group(3)];
    const book = notebook();
    expect(await book.enableEncryption(PASSPHRASE)).toEqual({ ok: true });
    const first = createPanelStore(store, DEFAULTS, book);
    await first.load();
    await first.saveGroup(a);
    await first.saveGroup(b);
    book.lock();

    const panel = createPanelStore(store, DEFAULTS, book);
    const stop = panel.watchKeys();
    await panel.load();
    expect(panel.getSnapshot()).toMatchObject({ loaded: true, groups: [], groupsLocked: true });

    // Locked: joining a group by invite works (shown in this session), and is stored sealed.
    await panel.saveGroup(c);
    expect(ids(panel.getSnapshot().groups)).toEqual([c.groupId]);
    // Forgetting one while locked is kept too.
    await panel.removeGroup(a.groupId);
    expect(JSON.stringify(await store.get('groups'))).not.toContain(c.code);

    expect(await book.unlock(PASSPHRASE)).toEqual({ ok: true });
    const reopened = createPanelStore(store, DEFAULTS, book);
    await reopened.load();
    expect(ids(reopened.getSnapshot().groups)).toEqual([c.groupId, b.groupId]);
    // Merged into one entry.
    expect(await store.get('groups')).toMatchObject({ value: { sealed: [{}] } });
    stop();
  }, 30_000);

  it('are written back plain before the passphrase is removed, and stay readable after a change', async () => {
    const store = memoryStore();
    const a = group(1);
    const book = notebook();
    expect(await book.enableEncryption(PASSPHRASE)).toEqual({ ok: true });
    const panel = createPanelStore(store, DEFAULTS, book);
    await panel.load();
    await panel.saveGroup(a);
    expect(await book.changePassphrase(PASSPHRASE, 'boot regen kaas molen')).toEqual({
      ok: true,
    });
    book.setBeforeDisable((keys) => unsealGroups(store, keys.privateKey));
    expect(await book.disableEncryption('boot regen kaas molen')).toEqual({ ok: true });
    expect(await store.get('groups')).toEqual({ v: 5, value: { plain: [a] } });
    const after = createPanelStore(store, DEFAULTS, book);
    await after.load();
    expect(after.getSnapshot()).toMatchObject({ groups: [a], groupsLocked: false });
  }, 30_000);
});
