import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nProvider } from '../../../components/common/I18n';
import { SettingsForm } from '../../../components/shell/SettingsForm';
import type { Settings } from '../../../lib/device/settings';

afterEach(cleanup);

const SETTINGS: Settings = { signalingUrl: 'ws://localhost:4444', locale: null, sound: false };

function renderForm(locale: 'nl' | 'en' = 'en') {
  const onSave = vi.fn<(settings: Settings) => void>();
  render(
    <I18nProvider locale={locale}>
      <SettingsForm settings={SETTINGS} onSave={onSave} onClose={vi.fn()} />
    </I18nProvider>,
  );
  return onSave;
}

describe('the settings form', () => {
  it('switches the time-up sound on, by keyboard', async () => {
    const onSave = renderForm();
    const sound = screen.getByRole('checkbox', { name: 'Sound when time is up' });
    expect((sound as HTMLInputElement).checked).toBe(false);
    sound.focus();
    await userEvent.keyboard(' ');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledWith({ ...SETTINGS, sound: true });
    expect(screen.getByRole('status').textContent).not.toBe('');
  });

  it('refuses a signaling address that is not a WebSocket URL, and saves nothing', async () => {
    const onSave = renderForm('nl');
    const field = screen.getByRole('textbox', { name: 'Adres van de signaleringsserver' });
    await userEvent.clear(field);
    await userEvent.type(field, 'http://example.org');
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).not.toBe('');
  });
});
