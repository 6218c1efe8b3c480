import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Home } from '../../../components/shell/Home';
import { I18nProvider } from '../../../components/common/I18n';
import { createInvite } from '../../../lib/invite/invite';

afterEach(cleanup);

function renderHome(locale: 'nl' | 'en' = 'en') {
  const onJoin = vi.fn();
  const onCreate = vi.fn();
  render(
    <I18nProvider locale={locale}>
      <Home
        groups={[]}
        initialInvite=""
        onOpen={vi.fn()}
        onForget={vi.fn()}
        onCreate={onCreate}
        onJoin={onJoin}
      />
    </I18nProvider>,
  );
  return { onJoin, onCreate };
}

describe('the home screen', () => {
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
      'a link to a companion on this network',
      (code: string) => `Doe mee: http://192.168.1.20:4444/#join=${code}`,
      'ws://192.168.1.20:4444',
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

  it.each([
    ['ftp://kring.example.org/', 'does not lead to a Kring server'],
    ['https://anna:geheim@kring.example.org/', 'The link in this invite is damaged'],
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
