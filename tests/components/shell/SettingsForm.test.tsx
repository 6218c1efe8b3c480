import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nProvider } from '../../../components/common/I18n';
import { SettingsForm } from '../../../components/shell/SettingsForm';
import type { Settings } from '../../../lib/device/settings';

afterEach(cleanup);

const SETTINGS: Settings = { signalingUrl: 'ws://localhost:4444', locale: null, sound: 'chair' };

function renderForm(locale: 'nl' | 'en' = 'en') {
  const onSave = vi.fn<(settings: Settings) => void>();
  render(
    <I18nProvider locale={locale}>
      <SettingsForm settings={SETTINGS} onSave={onSave} onClose={vi.fn()} />
    </I18nProvider>,
  );
  return onSave;
}

function renderWithGroup(signalingUrl: string | null) {
  const onSave = vi.fn<(settings: Settings) => void>();
  const onSaveGroup = vi.fn<(url: string | null) => void>();
  render(
    <I18nProvider locale="en">
      <SettingsForm
        settings={SETTINGS}
        group={{ signalingUrl, onSave: onSaveGroup }}
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
      screen.getByRole<HTMLOptionElement>('option', { name: 'Only when I chair' }).selected,
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
    expect(onSaveGroup).toHaveBeenCalledWith('wss://zorg.example/kring');
    expect(onSave).toHaveBeenCalledWith(SETTINGS);
    expect(screen.getByRole('status').textContent).toBe('Saved.');
  });

  it("puts a group back on the settings' server when its own address is emptied", async () => {
    const { onSaveGroup, field } = renderWithGroup('wss://kring.example.org');
    await userEvent.clear(field);
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSaveGroup).toHaveBeenCalledWith(null);
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
});
