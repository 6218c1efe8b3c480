import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BeforeMeeting } from '../../../components/shell/BeforeMeeting';
import { I18nProvider } from '../../../components/common/I18n';
import type { LobbyHearing } from '../../../lib/connection/group-session';
import { BASIC_METHOD } from '../../../lib/method/methods/basic';
import { rescalePhaseMinutes } from '../../../lib/method/phase-times';

afterEach(cleanup);

function before({
  lobby = 'heard',
  chairsFirst = false,
  suggestedChair = null,
  locale = 'en',
}: {
  lobby?: LobbyHearing;
  chairsFirst?: boolean;
  suggestedChair?: string | null;
  locale?: 'nl' | 'en';
} = {}) {
  const onStart = vi.fn();
  render(
    <I18nProvider locale={locale}>
      <BeforeMeeting
        lobby={lobby}
        chairsFirst={chairsFirst}
        suggestedChair={suggestedChair}
        selfName="Carla"
        present={5}
        onStart={onStart}
      />
    </I18nProvider>,
  );
  return { onStart, user: userEvent.setup() };
}

const startForm = () => screen.queryByRole('form', { name: 'Start the meeting as chair' });

describe('before the meeting', () => {
  it('shows a member who does not chair "Waiting for the chair", and the start form only after "I chair today"', async () => {
    const { onStart, user } = before({ suggestedChair: 'Bram' });
    expect(screen.getByRole('heading', { name: 'Waiting for the chair' })).toBeTruthy();
    expect(screen.getByText("By the rota it is Bram's turn to chair.")).toBeTruthy();
    expect(startForm()).toBeNull();

    await user.click(screen.getByRole('button', { name: 'I chair today' }));
    expect(startForm()).toBeTruthy();
    // The button that was pressed is gone: focus goes to the form's first choice.
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Method' }));
    await user.click(screen.getByRole('button', { name: 'Start the meeting as chair' }));
    // The meeting starts at 90 minutes by default (lib/method/phase-times.ts), not basic's own 85.
    expect(onStart).toHaveBeenCalledExactlyOnceWith(
      'basic',
      rescalePhaseMinutes(BASIC_METHOD, 90),
      false,
    );
  });

  it('takes a member who changes their mind back to waiting', async () => {
    const { onStart, user } = before();
    await user.click(screen.getByRole('button', { name: 'I chair today' }));
    await user.click(screen.getByRole('button', { name: 'Not me after all' }));
    expect(startForm()).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'I chair today' }));
    expect(onStart).not.toHaveBeenCalled();
  });

  it('shows the founder of a new group the start form at once, and no way back to waiting', () => {
    before({ chairsFirst: true });
    expect(startForm()).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Waiting for the chair' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Not me after all' })).toBeNull();
  });

  it('tells the member whose turn it is by the rota that it is theirs, not their own name', async () => {
    const { user } = before({ suggestedChair: 'Carla' });
    expect(screen.getByText('By the rota it is your turn to chair.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'I chair today' }));
    expect(screen.getByText('By the rota it is your turn to chair.')).toBeTruthy();
    expect(screen.queryByText(/Carla's turn/)).toBeNull();
  });

  it('names nobody when the group has no rota yet', () => {
    before({ chairsFirst: true, suggestedChair: null });
    expect(screen.queryByText(/rota/)).toBeNull();
  });

  it('keeps the guard while the group is not heard: "I chair today" still asks before a start', async () => {
    const { user } = before({ lobby: 'looking' });
    expect(screen.getByText('Looking for your group…')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'I chair today' }));
    expect(startForm()).toBeNull();
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Start a new meeting anyway' }),
    );
    await user.click(screen.getByRole('button', { name: 'Start a new meeting anyway' }));
    expect(startForm()).toBeTruthy();
  });

  it('speaks Dutch', async () => {
    const { user } = before({ locale: 'nl' });
    expect(screen.getByRole('heading', { name: 'Wachten op de voorzitter' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Ik ben vandaag voorzitter' }));
    expect(
      screen.getByRole('button', { name: 'Start de bijeenkomst als voorzitter' }),
    ).toBeTruthy();
  });
});
