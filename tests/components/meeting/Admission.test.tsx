import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AskToJoin, JoinRequests } from '../../../components/meeting/Admission';
import { I18nProvider } from '../../../components/common/I18n';
import type { KnockView } from '../../../lib/connection/group-session';

afterEach(cleanup);

const BRAM: KnockView = {
  meetingId: 'meeting-0001',
  memberId: 'bram-000000',
  name: 'Bram',
  fingerprint: '1DF5 8CB6',
};
const CARLA: KnockView = {
  meetingId: 'meeting-0001',
  memberId: 'carla-00000',
  name: 'Carla',
  fingerprint: 'E0BF D1A2',
};

/** The waiting view of a member asking with the code 1DF5 8CB6. */
function renderAsking(
  locale: 'en' | 'nl',
  chairName: string | null,
  away: 'chair' | 'everyone' | null,
) {
  return render(
    <I18nProvider locale={locale}>
      <AskToJoin
        admission={{ state: 'asking', fingerprint: '1DF5 8CB6', refusedBy: null, chairName, away }}
        onAskAgain={() => {}}
      />
    </I18nProvider>,
  );
}

describe('asking to join (issue 13)', () => {
  it("shows the waiting member's code as one piece inside the sentence, in both languages", () => {
    for (const locale of ['en', 'nl'] as const) {
      const { container, unmount } = renderAsking(locale, 'Anna', null);
      const code = container.querySelector('.admission-code');
      expect(code?.textContent).toBe('1DF5 8CB6');
      const sentence = code?.closest('[role="status"]')?.textContent ?? '';
      expect(sentence).toContain(
        locale === 'en' ? 'this code: 1DF5 8CB6.' : 'deze code: 1DF5 8CB6.',
      );
      expect(sentence).not.toContain('{code}');
      expect(sentence).not.toContain('\u0000');
      unmount();
    }
  });

  it('says so when the chair, or everyone, has gone, instead of "the chair sees" (both languages)', () => {
    const shown = (
      away: 'chair' | 'everyone' | null,
      chairName: string | null,
      locale: 'en' | 'nl',
    ) => {
      const { container, unmount } = renderAsking(locale, chairName, away);
      const text = container.querySelector('[role="status"]')?.textContent ?? '';
      // The code is still there, as one piece, to read out to whoever lets them in.
      expect(container.querySelector('.admission-code')?.textContent).toBe('1DF5 8CB6');
      expect(text).not.toMatch(/[{}]/);
      expect(text).not.toContain('\u0000');
      unmount();
      return text;
    };
    expect(shown(null, 'Anna', 'en')).toContain('The chair sees that you ask to join');
    const chairAway = shown('chair', 'Anna', 'en');
    expect(chairAway).toContain('Anna started this meeting but is not connected right now.');
    expect(chairAway).toContain('Another member may still let you in');
    expect(chairAway).not.toContain('The chair sees');
    expect(shown('chair', 'Anna', 'nl')).toContain(
      'Anna is deze bijeenkomst begonnen, maar is nu niet verbonden.',
    );
    expect(shown('chair', null, 'en')).toContain('Whoever started this meeting is not connected');
    expect(shown('chair', null, 'nl')).toContain(
      'Wie deze bijeenkomst begon, is nu niet verbonden.',
    );
    const nobody = shown('everyone', 'Anna', 'en');
    expect(nobody).toContain('Nobody who can let you in is connected right now');
    expect(nobody).toContain('this code: 1DF5 8CB6.');
    expect(shown('everyone', 'Anna', 'nl')).toContain(
      'Er is nu niemand verbonden die je kan binnenlaten',
    );
  });

  it('moves the focus to the next "Let in" when the row the chair answered goes', async () => {
    const onAdmit = vi.fn();
    const { rerender } = render(
      <I18nProvider locale="en">
        <JoinRequests knocks={[BRAM, CARLA]} onAdmit={onAdmit} onRefuse={() => {}} />
      </I18nProvider>,
    );
    const user = userEvent.setup();
    // The list shows after a frame (a live region that arrives filled, LiveRegion.tsx).
    (await screen.findByRole('button', { name: 'Let Bram in' })).focus();
    await user.keyboard('{Enter}');
    expect(onAdmit).toHaveBeenCalledWith('bram-000000');
    rerender(
      <I18nProvider locale="en">
        <JoinRequests knocks={[CARLA]} onAdmit={onAdmit} onRefuse={() => {}} />
      </I18nProvider>,
    );
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Let Carla in' }));
  });

  it('tells two asking under one name apart by their codes, in the buttons too', async () => {
    const onAdmit = vi.fn();
    const sanne = (memberId: string, fingerprint: string): KnockView => ({
      meetingId: 'meeting-0001',
      memberId,
      name: 'Sanne',
      fingerprint,
    });
    render(
      <I18nProvider locale="en">
        <JoinRequests
          knocks={[sanne('sanne-00001', '1DF5 8CB6'), sanne('sanne-00002', 'E0BF D1A2'), BRAM]}
          onAdmit={onAdmit}
          onRefuse={() => {}}
        />
      </I18nProvider>,
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Let Sanne (code E0BF D1A2) in' }),
    );
    expect(onAdmit).toHaveBeenCalledWith('sanne-00002');
    expect(screen.getByRole('button', { name: 'Refuse Sanne (code 1DF5 8CB6)' })).toBeTruthy();
    // A name asked once stays short.
    expect(screen.getByRole('button', { name: 'Let Bram in' })).toBeTruthy();
  });

  it('leaves the focus alone when the chair is elsewhere as a row goes', async () => {
    const { rerender } = render(
      <I18nProvider locale="en">
        <input aria-label="Elsewhere" />
        <JoinRequests knocks={[BRAM, CARLA]} onAdmit={() => {}} onRefuse={() => {}} />
      </I18nProvider>,
    );
    (await screen.findByRole('button', { name: 'Let Bram in' })).focus();
    const elsewhere = screen.getByRole('textbox', { name: 'Elsewhere' });
    elsewhere.focus();
    rerender(
      <I18nProvider locale="en">
        <input aria-label="Elsewhere" />
        <JoinRequests knocks={[CARLA]} onAdmit={() => {}} onRefuse={() => {}} />
      </I18nProvider>,
    );
    expect(document.activeElement).toBe(elsewhere);
  });

  it('names each button with the member (Let Bram in) while its visible words stay short', async () => {
    for (const [locale, letIn, refuse, shown] of [
      ['en', 'Let Bram in', 'Refuse Bram', ['Let in', 'Refuse']],
      ['nl', 'Laat Bram binnen', 'Weiger Bram', ['Laat binnen', 'Weiger']],
    ] as const) {
      const { unmount } = render(
        <I18nProvider locale={locale}>
          <JoinRequests knocks={[BRAM]} onAdmit={() => {}} onRefuse={() => {}} />
        </I18nProvider>,
      );
      const buttons = [
        await screen.findByRole('button', { name: letIn }),
        screen.getByRole('button', { name: refuse }),
      ];
      // No aria-label over the words: the name is the visible words plus the hidden name.
      for (const [i, button] of buttons.entries()) {
        expect(button.getAttribute('aria-label')).toBeNull();
        const visible = [...button.childNodes]
          .filter((node) => !(node instanceof HTMLElement && node.className === 'visually-hidden'))
          .map((node) => node.textContent)
          .join('')
          .replace(/\s+/g, ' ')
          .trim();
        expect(visible).toBe(shown[i]);
      }
      unmount();
    }
  });
});

describe('a new invite (issue 13, point 2)', () => {
  it('asks the chair to confirm before it makes one, and can be cancelled', async () => {
    const { NewInviteControl } = await import('../../../components/meeting/Admission');
    const onNewInvite = vi.fn();
    render(
      <I18nProvider locale="en">
        <NewInviteControl onNewInvite={onNewInvite} />
      </I18nProvider>,
    );
    const user = userEvent.setup();
    await user.click(screen.getByText('A new invite for the group'));
    await user.click(screen.getByRole('button', { name: 'Make a new invite' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onNewInvite).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Make a new invite' }));
    await user.click(screen.getByRole('button', { name: 'Yes, make a new invite' }));
    expect(onNewInvite).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Make a new invite' })).toBeTruthy();
  });
});

describe('who else may let people in (issue 13, point 1)', () => {
  it('lets the chair name a member present, or nobody', async () => {
    const { DoorControl } = await import('../../../components/meeting/Admission');
    const onChange = vi.fn();
    render(
      <I18nProvider locale="en">
        <DoorControl
          members={[{ memberId: 'bram-000000', name: 'Bram' }]}
          doorkeeper={null}
          onChange={onChange}
        />
      </I18nProvider>,
    );
    const user = userEvent.setup();
    const select = screen.getByRole('combobox', { name: 'Who else may let people in?' });
    await user.selectOptions(select, 'Bram');
    expect(onChange).toHaveBeenLastCalledWith('bram-000000');
    await user.selectOptions(select, 'Nobody, only me');
    expect(onChange).toHaveBeenLastCalledWith(null);
  });

  it('names two members of one name with their keys', async () => {
    const { DoorControl } = await import('../../../components/meeting/Admission');
    const onChange = vi.fn();
    render(
      <I18nProvider locale="nl">
        <DoorControl
          members={[
            { memberId: 'sanne-00001', name: 'Sanne', fingerprint: '1DF5 8CB6' },
            { memberId: 'sanne-00002', name: 'Sanne', fingerprint: 'E0BF D1A2' },
            { memberId: 'bram-000000', name: 'Bram' },
          ]}
          doorkeeper={null}
          onChange={onChange}
        />
      </I18nProvider>,
    );
    const select = screen.getByRole('combobox');
    await userEvent.selectOptions(select, 'Sanne (sleutel E0BF D1A2)');
    expect(onChange).toHaveBeenLastCalledWith('sanne-00002');
    expect(screen.getByRole('option', { name: 'Bram' })).toBeTruthy();
  });
});
