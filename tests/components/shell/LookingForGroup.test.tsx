import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LookingForGroup } from '../../../components/shell/LookingForGroup';
import { I18nProvider } from '../../../components/common/I18n';
import type { LobbyHearing } from '../../../lib/connection/group-session';

afterEach(cleanup);

function renderLooking(lobby: LobbyHearing, locale: 'nl' | 'en' = 'en') {
  return render(
    <I18nProvider locale={locale}>
      <LookingForGroup lobby={lobby}>
        <form aria-label="Start the meeting as chair" />
      </LookingForGroup>
    </I18nProvider>,
  );
}

describe('looking for the group before offering a start', () => {
  it('says it is looking and shows no start form until the member asks for one', async () => {
    renderLooking('looking');
    expect(screen.getByRole('status').textContent).toBe('Looking for your group…');
    expect(screen.queryByRole('form', { name: 'Start the meeting as chair' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Start a new meeting anyway' }));
    expect(screen.getByRole('form', { name: 'Start the meeting as chair' })).toBeTruthy();
  });

  it('says so in Dutch', () => {
    renderLooking('looking', 'nl');
    expect(screen.getByRole('status').textContent).toBe('Je groep zoeken…');
    expect(
      screen.getByRole('button', { name: 'Toch een nieuwe bijeenkomst starten' }),
    ).toBeTruthy();
  });

  it.each(['heard', 'alone'] as const)(
    'offers the start form at once when the group is %s',
    (lobby) => {
      renderLooking(lobby);
      expect(screen.getByRole('form', { name: 'Start the meeting as chair' })).toBeTruthy();
      expect(screen.queryByRole('button', { name: 'Start a new meeting anyway' })).toBeNull();
    },
  );
});
