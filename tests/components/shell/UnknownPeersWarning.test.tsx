import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { UnknownPeersWarning } from '../../../components/shell/UnknownPeersWarning';
import { I18nProvider } from '../../../components/common/I18n';

afterEach(cleanup);

function renderWarning(count: number, locale: 'nl' | 'en' = 'en') {
  return render(
    <I18nProvider locale={locale}>
      <UnknownPeersWarning count={count} />
    </I18nProvider>,
  );
}

describe('someone unknown is connected', () => {
  it('keeps an empty alert region while everyone connected shows up', () => {
    renderWarning(0);
    expect(screen.getByRole('alert').textContent).toBe('');
  });

  it('warns, with what to do, when one peer shows no presence', () => {
    renderWarning(1);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Someone unknown is connected.');
    expect(alert.textContent).toContain('Ask in the call who it is.');
  });

  it('counts them when there are more', () => {
    renderWarning(3);
    expect(screen.getByRole('alert').textContent).toContain('3 unknown people are connected.');
  });

  it('says so in Dutch', () => {
    renderWarning(1, 'nl');
    expect(screen.getByRole('alert').textContent).toContain('Er is iemand onbekends verbonden.');
    renderWarning(2, 'nl');
    expect(screen.getAllByRole('alert')[1]!.textContent).toContain(
      'Er zijn 2 onbekenden verbonden.',
    );
  });

  it('offers the chair a fresh room, and nobody else (issue 13, point 3)', async () => {
    const onFreshRoom = vi.fn();
    render(
      <I18nProvider locale="en">
        <UnknownPeersWarning count={1} onFreshRoom={onFreshRoom} />
      </I18nProvider>,
    );
    await userEvent
      .setup()
      .click(await screen.findByRole('button', { name: 'Continue in a fresh room' }));
    expect(onFreshRoom).toHaveBeenCalledTimes(1);
    cleanup();
    renderWarning(1);
    // Once the warning shows (a frame after mounting), it offers no fresh room.
    await screen.findByText(/Ask in the call who it is/);
    expect(screen.queryByRole('button', { name: 'Continue in a fresh room' })).toBeNull();
  });
});
