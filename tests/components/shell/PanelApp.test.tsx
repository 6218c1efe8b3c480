import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PanelApp } from '../../../components/shell/PanelApp';
import { preloadPanelViews } from '../../../components/shell/lazy-views';
import { memoryStore } from '../../../lib/device/key-value-store';
import type { KeyValueStore } from '../../../lib/device/key-value-store';
import { groupsItem } from '../../../lib/device/groups';
import { createInvite } from '../../../lib/invite/invite';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Notebook } from '../../../lib/notebook/notebook';
import type { OpenGroupMemory } from '../../../extension/open-group-memory';

// The group, the notes and the settings load on first use; here their code is loaded up front.
beforeAll(() => preloadPanelViews());
afterEach(cleanup);

// Nobody listens there: the panel stays "looking for the group", as it would while offline.
const NOWHERE = 'ws://127.0.0.1:9';

function panel(
  store: KeyValueStore = memoryStore(),
  notebook: Notebook | null = null,
  reopened: { memory?: OpenGroupMemory; reopen?: string | null; invite?: string } = {},
) {
  const user = userEvent.setup();
  render(
    <PanelApp
      store={store}
      defaults={{
        signalingUrl: NOWHERE,
        locale: 'en',
        sound: 'always',
        iceServers: [],
        relayOnly: false,
      }}
      initialInvite={reopened.invite ?? ''}
      browserLanguages={['en']}
      notebook={notebook}
      openGroupMemory={reopened.memory}
      reopen={reopened.reopen}
    />,
  );
  return { user, store };
}

/** A panel's open-group memory in a variable, with every write it was given. */
function memoryOfWrites(): OpenGroupMemory & { writes: (string | null)[] } {
  const writes: (string | null)[] = [];
  return {
    writes,
    read: async () => writes.at(-1) ?? null,
    write: async (groupId) => void writes.push(groupId),
  };
}

/** A store that remembers Team Oost (and Team West), as a device that met before. */
async function rememberingStore(): Promise<KeyValueStore> {
  const store = memoryStore();
  const group = (groupId: string, name: string, lastUsedAt: number) => ({
    groupId,
    code: createInvite().code,
    name,
    memberName: 'Anna',
    memberId: 'member-0001',
    lastUsedAt,
    signalingUrl: null,
    iceServers: [],
  });
  await store.set('groups', {
    v: 4,
    value: [group('group-0001', 'Team Oost', 2), group('group-0002', 'Team West', 1)],
  });
  return store;
}

/** Whether `a` comes before `b` in the page. */
const before = (a: Node, b: Node) =>
  Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);

describe('the panel after creating or joining a group', () => {
  it('shows the founder the invite as step one, and the start form after it', async () => {
    const { user } = panel();
    const form = await screen.findByRole('form', { name: 'Start a new group' });
    await user.type(within(form).getByRole('textbox', { name: 'Group name' }), 'Team Oost');
    await user.type(within(form).getByRole('textbox', { name: 'Your name' }), 'Anna');
    await user.click(within(form).getByRole('button', { name: 'Start group' }));

    const invite = await screen.findByRole('region', { name: 'Step 1: invite your group' });
    const start = await screen.findByRole('region', { name: 'Step 2: start the meeting' });
    expect(before(invite, start)).toBe(true);
    expect(screen.queryByRole('heading', { name: 'Waiting for the chair' })).toBeNull();
    // Not heard the group yet (no server here): the start stays behind the explicit choice.
    expect(within(start).getByRole('button', { name: 'Start a new meeting anyway' })).toBeTruthy();

    await user.click(within(invite).getByRole('button', { name: 'Copy invite' }));
    const copied = await navigator.clipboard.readText();
    expect(copied).toMatch(/^Join our intervision group Team Oost in Kring: \S+#join=KR1-/);
    expect(within(invite).getByRole('status').textContent).toBe('Copied');
  });

  it('shows a group just joined at once, before the device has stored it, and stores it', async () => {
    // Storage that answers only when let go (the first write of a fresh profile can take long).
    const inner = memoryStore();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const slow: KeyValueStore = {
      get: (key) => inner.get(key),
      set: async (key, value) => {
        await held;
        await inner.set(key, value);
      },
    };
    const { user } = panel(slow);
    const form = await screen.findByRole('form', { name: 'Join with an invite' });
    await user.click(within(form).getByRole('textbox', { name: 'Invite (link or code)' }));
    await user.paste(createInvite().code);
    await user.type(within(form).getByRole('textbox', { name: 'Your name' }), 'Bram');
    await user.click(within(form).getByRole('button', { name: 'Join' }));

    await screen.findByRole('heading', { level: 1, name: 'New group' });
    expect(await groupsItem.read(inner)).toMatchObject({ status: 'missing' });
    release();
    await waitFor(async () =>
      expect((await groupsItem.read(inner)).value).toMatchObject({
        plain: [expect.objectContaining({ memberName: 'Bram' })],
      }),
    );
    expect(screen.getByRole('heading', { level: 1, name: 'New group' })).toBeTruthy();
  });

  it('shows a member who joined with an invite an honest name, and that it looks for the group', async () => {
    const { user, store } = panel();
    const { code } = createInvite();
    const form = await screen.findByRole('form', { name: 'Join with an invite' });
    await user.click(within(form).getByRole('textbox', { name: 'Invite (link or code)' }));
    await user.paste(code);
    await user.type(within(form).getByRole('textbox', { name: 'Your name' }), 'Bram');
    await user.click(within(form).getByRole('button', { name: 'Join' }));

    const name = await screen.findByRole('heading', { level: 1, name: 'New group' });
    expect(name.textContent).not.toContain(code.slice(4, 8));
    const stored = (await groupsItem.read(store)).value;
    expect('plain' in stored && stored.plain[0]?.name).toBeNull();
    // No server here: the others are never reached, and the panel says it is looking for them
    // once the server can be reached.
    const looking = await screen.findByRole('region', { name: 'Looking for your group…' });
    await waitFor(() =>
      expect(within(looking).getByRole('status').textContent).toBe(
        'As soon as the connection server can be reached, Kring looks for the panels of the others in your group.',
      ),
    );
    // Nothing that belongs to a member of the group yet: no start, no count of this device's
    // meetings, no series, no invite to pass on, no role.
    expect(screen.queryByRole('heading', { name: 'Waiting for the chair' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'I chair today' })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Start the meeting as chair' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Step 1: invite your group' })).toBeNull();
    expect(screen.queryByText('Meeting 1')).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Meetings in this series' })).toBeNull();
    expect(screen.queryByText("This group's invite")).toBeNull();
    expect(screen.queryByText(/member, you/)).toBeNull();
  });
});

describe('a panel opened again', () => {
  it('is back in the group it showed, without the home screen on its way', async () => {
    const memory = memoryOfWrites();
    panel(await rememberingStore(), null, { memory, reopen: 'group-0001' });
    // Not even for a moment: the home screen's list would be in the first render.
    expect(screen.queryByRole('button', { name: 'Open Team Oost' })).toBeNull();
    expect(await screen.findByRole('heading', { level: 1, name: 'Team Oost' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Open Team West' })).toBeNull();
  });

  it('never shows an empty "Present" card while the group opens: the member is in it first', async () => {
    // Every DOM change is looked at: an empty list that was rendered at all is caught.
    let emptyList = false;
    const watch = new MutationObserver(() => {
      const list = document.querySelector('ul.members');
      if (list && list.children.length === 0) emptyList = true;
    });
    watch.observe(document.body, { childList: true, subtree: true });
    try {
      panel(await rememberingStore(), null, { memory: memoryOfWrites(), reopen: 'group-0001' });
      await screen.findByRole('heading', { level: 1, name: 'Team Oost' });
      const present = await screen.findByRole('list', { name: 'Present' });
      await waitFor(() => expect(present.textContent).toContain('Anna'));
      expect(emptyList).toBe(false);
    } finally {
      watch.disconnect();
    }
  });

  it('says the group is opening until what comes next shows: never a view with only its invite', async () => {
    // Every DOM change is looked at: a moment with the group's name and nothing under it is caught,
    // and so is the invite or the series setting shown while the group still opens (they would
    // jump down when the view comes).
    const says = (text: string) => document.body.textContent?.includes(text) ?? false;
    let blank = false;
    let besideOpening = false;
    const watch = new MutationObserver(() => {
      if (!says('Team Oost') || screen.queryByRole('heading', { level: 1 }) === null) return;
      if (!says('Opening the group…') && !says('Looking for your group…')) blank = true;
      if (
        says('Opening the group…') &&
        (screen.queryByLabelText('Code') !== null ||
          screen.queryByRole('form', { name: /meetings in this series/i }) !== null)
      ) {
        besideOpening = true;
      }
    });
    watch.observe(document.body, { childList: true, subtree: true, characterData: true });
    try {
      panel(await rememberingStore(), null, { memory: memoryOfWrites(), reopen: 'group-0001' });
      await screen.findByRole('heading', { level: 1, name: 'Team Oost' });
      expect(screen.getByText('Opening the group…').getAttribute('role')).toBe('status');
      // No server here: the panel goes on to look for its group, and the line goes.
      await screen.findByText('Looking for your group…');
      expect(screen.queryByText('Opening the group…')).toBeNull();
      expect(blank).toBe(false);
      expect(besideOpening).toBe(false);
      // Once open, both are there again.
      expect(screen.getByLabelText('Code')).toBeTruthy();
      expect(screen.getByRole('form', { name: /meetings in this series/i })).toBeTruthy();
    } finally {
      watch.disconnect();
    }
  });

  it('notes the group opened and the way back home, for the next time it opens', async () => {
    const memory = memoryOfWrites();
    const { user } = panel(await rememberingStore(), null, { memory });
    await user.click(await screen.findByRole('button', { name: 'Open Team West' }));
    await screen.findByRole('heading', { level: 1, name: 'Team West' });
    expect(memory.writes).toEqual(['group-0002']);
    await user.click(screen.getByRole('button', { name: 'Back to your groups' }));
    await screen.findByRole('button', { name: 'Open Team West' });
    expect(memory.writes).toEqual(['group-0002', null]);
  });

  it('shows the home screen for a group this device no longer remembers, and forgets it', async () => {
    const memory = memoryOfWrites();
    panel(await rememberingStore(), null, { memory, reopen: 'group-0404' });
    expect(await screen.findByRole('button', { name: 'Open Team Oost' })).toBeTruthy();
    expect(memory.writes).toEqual([null]);
  });

  it('opened with an invite link, shows its join form and not the group it showed', async () => {
    const { code } = createInvite();
    panel(await rememberingStore(), null, { reopen: 'group-0001', invite: code });
    const form = await screen.findByRole('form', { name: 'Join with an invite' });
    expect(within(form).getByRole('textbox', { name: 'Invite (link or code)' })).toHaveProperty(
      'value',
      code,
    );
    expect(screen.queryByRole('heading', { level: 1, name: 'Team Oost' })).toBeNull();
  });

  it('goes back to the group once the passphrase opened the groups', async () => {
    const store = await rememberingStore();
    const notebook = Notebook.open({ indexedDB: new IDBFactory(), IDBKeyRange });
    expect(await notebook.enableEncryption('fiets lamp wolk thee')).toEqual({ ok: true });
    notebook.lock();
    const { user } = panel(store, notebook, { reopen: 'group-0001' });
    await screen.findByText(/Unlock to see your groups/);
    const unlock = screen.getByRole('form', { name: 'Unlock' });
    expect(screen.queryByRole('heading', { level: 1, name: 'Team Oost' })).toBeNull();
    await user.type(within(unlock).getByLabelText('Passphrase'), 'fiets lamp wolk thee');
    await user.click(within(unlock).getByRole('button', { name: 'Unlock' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Team Oost' }, { timeout: 10_000 }),
    ).toBeTruthy();
    notebook.close();
  }, 30_000);
});

describe('the panel with the notebook protected and locked', () => {
  it("says the groups need unlocking, with the notes' unlock form, and shows them after", async () => {
    const store = memoryStore();
    const notebook = Notebook.open({ indexedDB: new IDBFactory(), IDBKeyRange });
    await store.set('groups', {
      v: 4,
      value: [
        {
          groupId: 'group-0001',
          code: createInvite().code,
          name: 'Team Oost',
          memberName: 'Anna',
          memberId: 'member-0001',
          lastUsedAt: 1,
          signalingUrl: null,
          iceServers: [],
        },
      ],
    });
    expect(await notebook.enableEncryption('fiets lamp wolk thee')).toEqual({ ok: true });
    notebook.lock();
    const { user } = panel(store, notebook);

    expect(
      await screen.findByText(
        'Your groups are protected with your passphrase. Unlock to see your groups.',
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Team Oost/ })).toBeNull();
    // No first-run welcome for a member whose groups are only locked.
    expect(screen.queryByRole('region', { name: /welcome/i })).toBeNull();
    const unlock = screen.getByRole('form', { name: 'Unlock' });
    await user.type(within(unlock).getByLabelText('Passphrase'), 'fiets lamp wolk thee');
    await user.click(within(unlock).getByRole('button', { name: 'Unlock' }));
    expect(
      await screen.findByRole('button', { name: 'Open Team Oost' }, { timeout: 10_000 }),
    ).toBeTruthy();
    expect(screen.queryByText(/Unlock to see your groups/)).toBeNull();
    expect(JSON.stringify(await store.get('groups'))).not.toContain('Team Oost');
    notebook.close();
  }, 30_000);
});
