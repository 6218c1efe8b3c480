import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ChairControls } from '../../../components/meeting/ChairControls';
import { I18nProvider } from '../../../components/common/I18n';
import type { Member } from '../../../lib/shared-doc/presence';

afterEach(cleanup);

const MEMBERS: readonly Member[] = [
  { memberId: 'anna-000000', name: 'Anna', role: 'chair', isSelf: true },
  { memberId: 'bram-000000', name: 'Bram', role: 'member', isSelf: false },
];

function controls(locale: 'nl' | 'en' = 'en') {
  const onTimer = vi.fn();
  const onHandChair = vi.fn();
  render(
    <I18nProvider locale={locale}>
      <ChairControls
        timer={null}
        members={MEMBERS}
        caseBringerId={null}
        onTimer={onTimer}
        onHandChair={onHandChair}
        onEnd={() => {}}
      />
    </I18nProvider>,
  );
  return { onTimer, onHandChair, user: userEvent.setup() };
}

describe("the chair's controls that cannot be taken back", () => {
  it('reset the timer only after the chair confirms; Cancel has the focus, Escape cancels', async () => {
    const { onTimer, user } = controls();
    const reset = screen.getByRole('button', { name: 'Reset timer' });
    await user.click(reset);
    const question = screen.getByRole('group', {
      name: "Start this phase's timer again? The time already gone no longer counts.",
    });
    // A second press of Enter (or a double click) lands on Cancel, not on the reset.
    expect(document.activeElement).toBe(within(question).getByRole('button', { name: 'Cancel' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: /timer again/ })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Reset timer' }));
    expect(onTimer).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Reset timer' }));
    await user.click(screen.getByRole('button', { name: 'Yes, start again' }));
    expect(onTimer).toHaveBeenCalledExactlyOnceWith({ kind: 'reset' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Reset timer' }));
  });

  it('hand over the chair only after the chair confirms, saying who gets it', async () => {
    const { onHandChair, user } = controls();
    expect(screen.getByRole('button', { name: 'Hand over the chair' })).toHaveProperty(
      'disabled',
      true,
    );
    await user.selectOptions(screen.getByRole('combobox', { name: 'Hand the chair to' }), 'Bram');
    await user.click(screen.getByRole('button', { name: 'Hand over the chair' }));
    screen.getByRole('group', {
      name: 'Bram becomes the chair. You cannot take the role back yourself.',
    });
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onHandChair).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Hand over the chair' }));
    await user.click(screen.getByRole('button', { name: 'Yes, hand over' }));
    expect(onHandChair).toHaveBeenCalledExactlyOnceWith(MEMBERS[1]);
  });

  it('tell two members of one name apart by their keys, in the list and the question', async () => {
    const onHandChair = vi.fn();
    const sanne = (memberId: string, fingerprint: string): Member => ({
      memberId,
      name: 'Sanne',
      role: 'member',
      isSelf: false,
      fingerprint,
    });
    const members = [
      MEMBERS[0]!,
      sanne('sanne-00001', '1DF5 8CB6'),
      sanne('sanne-00002', 'E0BF D1A2'),
      MEMBERS[1]!,
    ];
    render(
      <I18nProvider locale="en">
        <ChairControls
          timer={null}
          members={members}
          caseBringerId={null}
          onTimer={() => {}}
          onHandChair={onHandChair}
          onEnd={() => {}}
        />
      </I18nProvider>,
    );
    const user = userEvent.setup();
    const select = screen.getByRole('combobox', { name: 'Hand the chair to' });
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['—', 'Sanne (key 1DF5 8CB6)', 'Sanne (key E0BF D1A2)', 'Bram']);
    await user.selectOptions(select, 'Sanne (key E0BF D1A2)');
    await user.click(screen.getByRole('button', { name: 'Hand over the chair' }));
    screen.getByRole('group', {
      name: 'Sanne (key E0BF D1A2) becomes the chair. You cannot take the role back yourself.',
    });
    await user.click(screen.getByRole('button', { name: 'Yes, hand over' }));
    expect(onHandChair).toHaveBeenCalledExactlyOnceWith(members[2]);
  });

  it('ask in Dutch', async () => {
    const { onTimer, user } = controls('nl');
    await user.click(screen.getByRole('button', { name: 'Timer opnieuw' }));
    await user.click(screen.getByRole('button', { name: 'Ja, opnieuw beginnen' }));
    expect(onTimer).toHaveBeenCalledExactlyOnceWith({ kind: 'reset' });
  });
});
