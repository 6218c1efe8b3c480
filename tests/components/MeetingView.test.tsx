import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as Y from 'yjs';
import { MeetingView } from '../../components/MeetingView';
import { ConnectionStatus } from '../../components/ConnectionStatus';
import { I18nProvider } from '../../components/I18n';
import { goToPhase, startMeeting } from '../../lib/session-commands';
import { readSession } from '../../lib/session-state';

afterEach(cleanup);

function session(phase: number) {
  const doc = new Y.Doc();
  startMeeting(doc, {
    methodId: 'basic',
    chairId: 'anna-000001',
    chairName: 'Anna',
    groupName: 'G',
    now: 0,
  });
  goToPhase(doc, 'anna-000001', phase, 1);
  return readSession(doc);
}

describe('the meeting view', () => {
  it('shows the chair the phase controls and a member none', () => {
    const onNext = vi.fn();
    const { rerender } = render(
      <I18nProvider locale="en">
        <MeetingView session={session(1)} isChair onNext={onNext} onPrevious={vi.fn()} />
      </I18nProvider>,
    );
    expect(screen.getByRole('heading', { name: 'Analysis' })).toBeTruthy();
    expect(screen.getByText('Phase 2 of 5')).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Chair controls' })).toBeTruthy();
    rerender(
      <I18nProvider locale="en">
        <MeetingView session={session(1)} isChair={false} onNext={onNext} onPrevious={vi.fn()} />
      </I18nProvider>,
    );
    expect(screen.queryByRole('button', { name: 'Next phase' })).toBeNull();
  });

  it('disables "previous" in the first phase and "next" in the last', async () => {
    const onNext = vi.fn();
    const { rerender } = render(
      <I18nProvider locale="en">
        <MeetingView session={session(0)} isChair onNext={onNext} onPrevious={vi.fn()} />
      </I18nProvider>,
    );
    expect(screen.getByRole('button', { name: 'Previous phase' }).hasAttribute('disabled')).toBe(
      true,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Next phase' }));
    expect(onNext).toHaveBeenCalledOnce();
    rerender(
      <I18nProvider locale="nl">
        <MeetingView session={session(4)} isChair onNext={onNext} onPrevious={vi.fn()} />
      </I18nProvider>,
    );
    expect(screen.getByRole('heading', { name: 'Evaluatie' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Volgende fase' }).hasAttribute('disabled')).toBe(
      true,
    );
  });

  it.each([
    [{ kind: 'connecting' } as const, 'Connecting…'],
    [{ kind: 'connected', members: 0 } as const, 'Connected; waiting for other members.'],
    [{ kind: 'connected', members: 1 } as const, 'Connected to 1 member.'],
    [{ kind: 'connected', members: 6 } as const, 'Connected to 6 members.'],
    [{ kind: 'unreachable', members: 0 } as const, 'Signaling server unreachable (ws://x:1)'],
  ])('says the connection state %j in words', (status, text) => {
    render(
      <I18nProvider locale="en">
        <ConnectionStatus status={status} signalingUrl="ws://x:1" />
      </I18nProvider>,
    );
    expect(screen.getByRole('status').textContent).toContain(text);
  });
});
