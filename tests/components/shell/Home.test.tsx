import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Home } from '../../../components/shell/Home';
import { I18nProvider } from '../../../components/common/I18n';
import { UNDO_MS } from '../../../components/common/useUndo';
import { readWelcome } from '../../../components/shell/useWelcome';
import type { RememberedGroup } from '../../../lib/device/groups';
import { memoryStore } from '../../../lib/device/key-value-store';
import type { KeyValueStore } from '../../../lib/device/key-value-store';
import { iceInviteParam } from '../../../lib/invite/ice-servers';
import { createInvite } from '../../../lib/invite/invite';

afterEach(cleanup);

function renderHome(locale: 'nl' | 'en' = 'en', initialInvite = '') {
  const onJoin = vi.fn();
  const onCreate = vi.fn();
  const onInviteReady = vi.fn();
  render(
    <I18nProvider locale={locale}>
      <Home
        groups={[]}
        initialInvite={initialInvite}
        onOpen={vi.fn()}
        onForget={vi.fn()}
        onCreate={onCreate}
        onJoin={onJoin}
        onInviteReady={onInviteReady}
      />
    </I18nProvider>,
  );
  return { onJoin, onCreate, onInviteReady };
}

describe('the home screen', () => {
  it('puts joining first for a member who opened an invite link, with the name field ready', () => {
    const { code } = createInvite();
    renderHome('en', code);
    const forms = screen.getAllByRole('form').map((f) => f.getAttribute('aria-labelledby'));
    const join = screen.getByRole('form', { name: 'Join with an invite' });
    expect(forms[0]).toBe(join.getAttribute('aria-labelledby'));
    expect(
      join.compareDocumentPosition(screen.getByRole('heading', { name: 'Your groups' })) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(screen.getByText(/You were invited to an intervision group/)).toBeTruthy();
    expect(document.activeElement).toBe(within(join).getByRole('textbox', { name: 'Your name' }));
    expect(within(join).getByRole('textbox', { name: 'Invite (link or code)' })).toHaveProperty(
      'value',
      code,
    );
  });

  it('keeps its usual order, and the focus where it was, without a link or with a broken one', () => {
    renderHome('en', 'KR1-NOT-A-CODE');
    const join = screen.getByRole('form', { name: 'Join with an invite' });
    expect(
      join.compareDocumentPosition(screen.getByRole('heading', { name: 'Your groups' })) &
        Node.DOCUMENT_POSITION_PRECEDING,
    ).toBeTruthy();
    expect(screen.queryByText(/You were invited/)).toBeNull();
    expect(document.activeElement).toBe(document.body);
  });

  it('tells of a valid invite and its server before Join, so that the panel can reach it early', async () => {
    const { onInviteReady, onJoin } = renderHome();
    const { code } = createInvite();
    const field = screen.getByRole('textbox', { name: 'Invite (link or code)' });
    await userEvent.type(field, code.slice(0, 5));
    expect(onInviteReady).not.toHaveBeenCalled();
    await userEvent.clear(field);
    await userEvent.click(field);
    await userEvent.paste(`https://kring.example.org/#join=${code}`);
    expect(onInviteReady).toHaveBeenLastCalledWith('wss://kring.example.org');
    // While the member types their name too (a socket opened ahead closes if left unused).
    onInviteReady.mockClear();
    await userEvent.type(screen.getAllByRole('textbox', { name: 'Your name' })[0]!, 'B');
    expect(onInviteReady).toHaveBeenLastCalledWith('wss://kring.example.org');
    expect(onJoin).not.toHaveBeenCalled();
  });

  it('tells of the invite a link opened the panel with, a bare code naming no server', () => {
    const { code } = createInvite();
    const { onInviteReady } = renderHome('en', code);
    expect(onInviteReady).toHaveBeenCalledWith(null);
  });

  it('joins with a valid invite pasted inside a chat message', async () => {
    const { onJoin } = renderHome();
    const { code } = createInvite();
    const form = screen.getByRole('form', { name: 'Join with an invite' });
    await userEvent.type(screen.getAllByRole('textbox', { name: 'Your name' })[0]!, 'Bram');
    await userEvent.click(screen.getByRole('textbox', { name: 'Invite (link or code)' }));
    await userEvent.paste(`Hier is de link: https://kring.example/#join=${code} groet`);
    await userEvent.click(screen.getByRole('button', { name: 'Join' }));
    expect(form).toBeTruthy();
    expect(onJoin).toHaveBeenCalledOnce();
    expect(onJoin.mock.calls[0]![0]).toMatchObject({ memberName: 'Bram', invite: { code } });
  });

  it.each([
    ['a bare code', (code: string) => code, null],
    [
      'a link to a companion',
      (code: string) => `https://kring.example.org/#join=${code}`,
      'wss://kring.example.org',
    ],
    [
      'a link to a companion on this computer',
      (code: string) => `Doe mee: http://127.0.0.1:4444/#join=${code}`,
      'ws://127.0.0.1:4444',
    ],
  ])('joins with the server that %s names', async (_, text, server) => {
    const { onJoin } = renderHome();
    const { code } = createInvite();
    await userEvent.type(screen.getAllByRole('textbox', { name: 'Your name' })[0]!, 'Bram');
    await userEvent.click(screen.getByRole('textbox', { name: 'Invite (link or code)' }));
    await userEvent.paste(text(code));
    await userEvent.click(screen.getByRole('button', { name: 'Join' }));
    expect(onJoin).toHaveBeenCalledOnce();
    expect(onJoin.mock.calls[0]![0]).toMatchObject({ invite: { code }, server });
  });

  it("joins with the group's connection servers that its link carries", async () => {
    const { onJoin } = renderHome();
    const { code } = createInvite();
    const servers = [{ urls: 'turn:turn.zorg.example:3478', username: 'groep', credential: 'w8' }];
    await userEvent.type(screen.getAllByRole('textbox', { name: 'Your name' })[0]!, 'Bram');
    await userEvent.click(screen.getByRole('textbox', { name: 'Invite (link or code)' }));
    await userEvent.paste(`https://kring.example.org/#join=${code}${iceInviteParam(servers)}`);
    await userEvent.click(screen.getByRole('button', { name: 'Join' }));
    expect(onJoin.mock.calls[0]![0]).toMatchObject({
      invite: { code },
      server: 'wss://kring.example.org',
      iceServers: servers,
    });
  });

  it('refuses a link whose connection servers cannot be read, and joins nothing', async () => {
    const { onJoin } = renderHome();
    await userEvent.type(screen.getAllByRole('textbox', { name: 'Your name' })[0]!, 'Bram');
    await userEvent.click(screen.getByRole('textbox', { name: 'Invite (link or code)' }));
    await userEvent.paste(`https://kring.example.org/#join=${createInvite().code}&ice=bm90`);
    await userEvent.click(screen.getByRole('button', { name: 'Join' }));
    expect(screen.getByRole('alert').textContent).toContain(
      'The extra servers in this invite link cannot be read',
    );
    expect(onJoin).not.toHaveBeenCalled();
  });

  it.each([
    ['ftp://kring.example.org/', 'does not lead to a Kring server'],
    ['https://anna:geheim@kring.example.org/', 'The link in this invite is damaged'],
    // Without TLS only on this computer: on a network, the link is http:// and readable.
    ['http://192.168.1.20:4444/', 'uses an unprotected address (http://)'],
  ])('refuses an invite link to %s with a reason, and joins nothing', async (base, message) => {
    const { onJoin } = renderHome();
    await userEvent.type(screen.getAllByRole('textbox', { name: 'Your name' })[0]!, 'Bram');
    await userEvent.click(screen.getByRole('textbox', { name: 'Invite (link or code)' }));
    await userEvent.paste(`${base}#join=${createInvite().code}`);
    await userEvent.click(screen.getByRole('button', { name: 'Join' }));
    expect(screen.getByRole('alert').textContent).toContain(message);
    expect(onJoin).not.toHaveBeenCalled();
  });

  it.each([
    ['', 'Please paste the invite first.'],
    ['hello', 'does not contain a Kring invite'],
    ['KR1-ABCD-EF', 'This invite is incomplete'],
  ])('explains what is wrong with the invite %j and joins nothing', async (text, message) => {
    const { onJoin } = renderHome();
    if (text) {
      await userEvent.click(screen.getByRole('textbox', { name: 'Invite (link or code)' }));
      await userEvent.paste(text);
    }
    await userEvent.click(screen.getByRole('button', { name: 'Join' }));
    expect(screen.getByRole('alert').textContent).toContain(message);
    expect(onJoin).not.toHaveBeenCalled();
  });

  it('asks for a name before starting a group, in Dutch', async () => {
    const { onCreate } = renderHome('nl');
    await userEvent.type(screen.getByRole('textbox', { name: 'Naam van de groep' }), 'Team Oost');
    await userEvent.click(screen.getByRole('button', { name: 'Groep starten' }));
    expect(screen.getByRole('alert').textContent).toBe('Vul je naam in.');
    expect(onCreate).not.toHaveBeenCalled();
  });

  it('can be used by keyboard alone', async () => {
    const { onCreate } = renderHome();
    const user = userEvent.setup();
    // Tab through the join form to the start form: every control is reachable.
    const start = screen.getByRole('textbox', { name: 'Group name' });
    start.focus();
    await user.keyboard('Intervisie Oost');
    await user.tab();
    await user.keyboard('Anna{Enter}');
    expect(onCreate).toHaveBeenCalledOnce();
    expect(onCreate.mock.calls[0]![0]).toMatchObject({
      groupName: 'Intervisie Oost',
      memberName: 'Anna',
    });
  });
});

describe('the first-run welcome', () => {
  const home = (store: KeyValueStore, groups: readonly RememberedGroup[] = []) => (
    <I18nProvider locale="en">
      <Home
        groups={groups}
        initialInvite=""
        store={store}
        onOpen={() => {}}
        onForget={() => {}}
        onCreate={() => {}}
        onJoin={() => {}}
      />
    </I18nProvider>
  );

  it('says what is shared, what stays on the device and who does what, until it is put away for good', async () => {
    const store = memoryStore();
    const user = userEvent.setup();
    const { unmount } = render(home(store));
    const welcome = await screen.findByRole('region', { name: 'Welcome to Kring' });
    expect(welcome.textContent).toContain('Shared with your group');
    expect(welcome.textContent).toContain('Only on this device');
    for (const role of ['Chair', 'Case bringer', 'Members']) {
      expect(welcome.textContent).toContain(role);
    }
    await user.click(screen.getByRole('button', { name: 'Got it' }));
    expect(screen.queryByRole('region', { name: 'Welcome to Kring' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'How Kring works' }));
    expect(await store.get('welcome')).toEqual({ v: 1, value: { dismissed: true } });

    unmount();
    render(home(store));
    await screen.findByRole('button', { name: 'How Kring works' });
    expect(screen.queryByRole('region', { name: 'Welcome to Kring' })).toBeNull();
  });

  it('comes back from "How Kring works", with the focus on it', async () => {
    const store = memoryStore();
    await store.set('welcome', { v: 1, value: { dismissed: true } });
    const user = userEvent.setup();
    render(home(store));
    await user.click(await screen.findByRole('button', { name: 'How Kring works' }));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Welcome to Kring' }));
  });

  it('is in the first render once read before it, and stays away after it was put away', async () => {
    const store = memoryStore();
    await readWelcome(store);
    const user = userEvent.setup();
    const { unmount } = render(home(store));
    // No waiting: the welcome is there at once, not pushed in above the groups a moment later.
    expect(screen.getByRole('region', { name: 'Welcome to Kring' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Got it' }));
    unmount();
    render(home(store));
    expect(screen.getByRole('button', { name: 'How Kring works' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Welcome to Kring' })).toBeNull();
  });

  it('is not in the first render of a member who put it away on this device', async () => {
    const store = memoryStore();
    await store.set('welcome', { v: 1, value: { dismissed: true } });
    await readWelcome(store);
    render(home(store));
    expect(screen.getByRole('button', { name: 'How Kring works' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Welcome to Kring' })).toBeNull();
  });

  it('stays out of the way of a member who already has groups', async () => {
    const store = memoryStore();
    render(home(store, [group('Team Oost')]));
    await screen.findByRole('button', { name: 'How Kring works' });
    expect(screen.queryByRole('region', { name: 'Welcome to Kring' })).toBeNull();
  });
});

function group(name: string | null, n = 1): RememberedGroup {
  return {
    groupId: `group-${String(n).padStart(4, '0')}`,
    code: createInvite().code,
    name,
    memberName: 'Anna',
    memberId: `member-${String(n).padStart(4, '0')}`,
    lastUsedAt: n,
    signalingUrl: null,
    iceServers: [],
  };
}

describe('forgetting a group', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  function homeWith(groups: readonly RememberedGroup[]) {
    // Only the clock of the undo is faked. Clicks are fired directly: Testing Library's async
    // wrapper waits on a real timeout that Vitest's fake clock would hold forever.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const forgotten: string[] = [];
    const view = render(
      <I18nProvider locale="en">
        <Home
          groups={groups}
          initialInvite=""
          onOpen={() => {}}
          onForget={(g) => forgotten.push(g.groupId)}
          onCreate={() => {}}
          onJoin={() => {}}
        />
      </I18nProvider>,
    );
    return { forgotten, view };
  }

  it('takes the group off the list at once, and forgets it only when the time to undo is over', async () => {
    const { forgotten } = homeWith([group('Team Oost'), group('Team West', 2)]);
    fireEvent.click(screen.getByRole('button', { name: 'Forget Team Oost on this device' }));
    expect(screen.queryByRole('button', { name: 'Open Team Oost' })).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Team Oost was forgotten on this device.');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Undo' }));
    expect(forgotten).toEqual([]);
    act(() => vi.advanceTimersByTime(UNDO_MS - 1));
    expect(forgotten).toEqual([]);
    act(() => vi.advanceTimersByTime(1));
    expect(forgotten).toEqual(['group-0001']);
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('brings the group back with Undo, and forgets nothing', async () => {
    const { forgotten } = homeWith([group('Team Oost')]);
    fireEvent.click(screen.getByRole('button', { name: 'Forget Team Oost on this device' }));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Open Team Oost' }));
    expect(screen.getByRole('status').textContent).toBe('Team Oost is back.');
    act(() => vi.advanceTimersByTime(UNDO_MS * 2));
    expect(forgotten).toEqual([]);
  });

  it('forgets the first at once when a second is forgotten, and a waiting one when the member moves on', async () => {
    const { forgotten, view } = homeWith([group('Team Oost'), group('Team West', 2)]);
    fireEvent.click(screen.getByRole('button', { name: 'Forget Team Oost on this device' }));
    fireEvent.click(screen.getByRole('button', { name: 'Forget Team West on this device' }));
    expect(forgotten).toEqual(['group-0001']);
    view.unmount();
    expect(forgotten).toEqual(['group-0001', 'group-0002']);
  });

  it('shows a group whose name is not known yet as "New group", without its code', () => {
    const joined = group(null);
    homeWith([joined]);
    expect(screen.getByRole('button', { name: 'Open New group' }).textContent).toBe('New group');
    expect(document.body.textContent).not.toContain(joined.code.slice(4, 8));
  });
});
