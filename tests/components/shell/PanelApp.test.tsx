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

// The group, the notes and the settings load on first use; here their code is loaded up front.
beforeAll(() => preloadPanelViews());
afterEach(cleanup);

// Nobody listens there: the panel stays "looking for the group", as it would while offline.
const NOWHERE = 'ws://127.0.0.1:9';

function panel(store: KeyValueStore = memoryStore(), notebook: Notebook | null = null) {
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
      initialInvite=""
      browserLanguages={['en']}
      notebook={notebook}
    />,
  );
  return { user, store };
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

  it('shows a member who joined with an invite an honest name and "Waiting for the chair"', async () => {
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
    await screen.findByRole('heading', { name: 'Waiting for the chair' });
    expect(screen.queryByRole('form', { name: 'Start the meeting as chair' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Step 1: invite your group' })).toBeNull();
    expect(screen.getByRole('button', { name: 'I chair today' })).toBeTruthy();
  });
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
