import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nProvider } from '../../../components/common/I18n';
import { SettingsForm } from '../../../components/shell/SettingsForm';
import type { Settings } from '../../../lib/device/settings';
import type { IceServer } from '../../../lib/invite/ice-servers';

afterEach(cleanup);

const SETTINGS: Settings = {
  signalingUrl: 'ws://localhost:4444',
  locale: null,
  sound: 'chair',
  iceServers: [],
  relayOnly: false,
};

function renderForm(locale: 'nl' | 'en' = 'en') {
  const onSave = vi.fn<(settings: Settings) => void>();
  render(
    <I18nProvider locale={locale}>
      <SettingsForm settings={SETTINGS} onSave={onSave} onClose={vi.fn()} />
    </I18nProvider>,
  );
  return onSave;
}

type GroupChange = { readonly signalingUrl: string | null; readonly iceServers: IceServer[] };

function renderWithGroup(signalingUrl: string | null, iceServers: IceServer[] = []) {
  const onSave = vi.fn<(settings: Settings) => void>();
  const onSaveGroup = vi.fn<(change: GroupChange) => void>();
  render(
    <I18nProvider locale="en">
      <SettingsForm
        settings={SETTINGS}
        group={{ signalingUrl, iceServers, onSave: onSaveGroup }}
        onSave={onSave}
        onClose={vi.fn()}
      />
    </I18nProvider>,
  );
  return {
    onSave,
    onSaveGroup,
    field: screen.getByRole('textbox', { name: 'Server address for this group' }),
  };
}

describe('the settings form', () => {
  it('sets the time-up sound to always (for the chair only by default)', async () => {
    const onSave = renderForm();
    const sound = screen.getByRole('combobox', { name: 'Sound when time is up' });
    expect(
      screen.getByRole<HTMLOptionElement>('option', { name: 'Only when I chair or keep the time' })
        .selected,
    ).toBe(true);
    await userEvent.selectOptions(sound, 'Always');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledWith({ ...SETTINGS, sound: 'always' });
    expect(screen.getByRole('status').textContent).not.toBe('');
  });

  it('refuses a signaling address that is not a WebSocket URL, and saves nothing', async () => {
    const onSave = renderForm('nl');
    const field = screen.getByRole('textbox', { name: 'Adres van de verbindingsserver' });
    await userEvent.clear(field);
    await userEvent.type(field, 'http://example.org');
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).not.toBe('');
  });

  it('says which server the open group meets through, and changes it', async () => {
    const { onSave, onSaveGroup, field } = renderWithGroup('wss://kring.example.org');
    expect(screen.getByText(/This group meets through kring\.example\.org\./)).toBeTruthy();
    expect((field as HTMLInputElement).value).toBe('wss://kring.example.org');
    await userEvent.clear(field);
    await userEvent.type(field, 'wss://zorg.example/kring/');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSaveGroup).toHaveBeenCalledWith({
      signalingUrl: 'wss://zorg.example/kring',
      iceServers: [],
    });
    expect(onSave).toHaveBeenCalledWith(SETTINGS);
    expect(screen.getByRole('status').textContent).toBe('Saved.');
  });

  it("puts a group back on the settings' server when its own address is emptied", async () => {
    const { onSaveGroup, field } = renderWithGroup('wss://kring.example.org');
    await userEvent.clear(field);
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSaveGroup).toHaveBeenCalledWith({ signalingUrl: null, iceServers: [] });
  });

  it("names the settings' server for a group without its own, and leaves the group alone", async () => {
    const { onSaveGroup, field } = renderWithGroup(null);
    expect(screen.getByText(/This group meets through localhost:4444\./)).toBeTruthy();
    expect((field as HTMLInputElement).value).toBe('');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSaveGroup).not.toHaveBeenCalled();
  });

  it('refuses a malformed address for the group, marks that field, and saves nothing', async () => {
    const { onSave, onSaveGroup, field } = renderWithGroup(null);
    await userEvent.type(field, 'wss://user:pw@kring.example.org');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('status').textContent).toBe('This is not a valid address.');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(onSave).not.toHaveBeenCalled();
    expect(onSaveGroup).not.toHaveBeenCalled();
  });

  it('refuses ws:// to another computer with a word on wss://, and saves nothing', async () => {
    const onSave = renderForm();
    const field = screen.getByRole('textbox', { name: 'Connection server address' });
    await userEvent.clear(field);
    await userEvent.type(field, 'ws://kring.example.org');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toBe(
      'Use wss:// for a server on another computer; ws:// only for this computer (localhost).',
    );
    expect(field.getAttribute('aria-invalid')).toBe('true');
  });

  it('saves "Only connect through the server" and pasted connection servers', async () => {
    const onSave = renderForm();
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Only connect through the server' }),
    );
    const servers = screen.getByRole('textbox', {
      name: 'Servers for networks that block calls',
    });
    await userEvent.type(
      servers,
      'turns:Turn.Example.org:443?transport=tcp kring geheim{Enter}stun:stun.example.org',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledWith({
      ...SETTINGS,
      relayOnly: true,
      iceServers: [
        {
          urls: 'turns:turn.example.org:443?transport=tcp',
          username: 'kring',
          credential: 'geheim',
        },
        { urls: 'stun:stun.example.org' },
      ],
    });
  });

  it('names the line of a connection server that is wrong, in Dutch too, and saves nothing', async () => {
    const onSave = renderForm('nl');
    const servers = screen.getByRole('textbox', {
      name: 'Servers voor netwerken die gesprekken blokkeren',
    });
    await userEvent.type(servers, 'stun:stun.example.org{Enter}turn:turn.example.org');
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toBe(
      'Regel 2: een turn:- of turns:-adres heeft een gebruikersnaam en een wachtwoord nodig, met spaties ertussen.',
    );
    expect(servers.getAttribute('aria-invalid')).toBe('true');
  });

  it("changes the group's connection servers, which its invite link carries", async () => {
    const { onSaveGroup } = renderWithGroup('wss://kring.example.org', [
      { urls: 'stun:old.example.org' },
    ]);
    const field = screen.getByRole('textbox', {
      name: "This group's servers for networks that block calls",
    });
    expect((field as HTMLTextAreaElement).value).toBe('stun:old.example.org');
    await userEvent.clear(field);
    await userEvent.type(field, 'turn:turn.zorg.example:3478 groep wachtwoord');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSaveGroup).toHaveBeenCalledWith({
      signalingUrl: 'wss://kring.example.org',
      iceServers: [
        { urls: 'turn:turn.zorg.example:3478', username: 'groep', credential: 'wachtwoord' },
      ],
    });
  });
});
