import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nProvider } from '../../../components/common/I18n';
import { EndMeetingButton } from '../../../components/meeting/EndMeetingButton';

afterEach(cleanup);

function renderButton(ended: string[]) {
  render(
    <I18nProvider locale="en">
      <EndMeetingButton onEnd={() => ended.push('ended')} />
    </I18nProvider>,
  );
  return {
    opener: screen.getByRole('button', { name: 'End the meeting' }),
    dialog: () => document.querySelector('dialog'),
  };
}

describe("the chair's end-meeting dialog", () => {
  it('opens as a modal alert dialog named by its heading, with the focus on Cancel', async () => {
    const ended: string[] = [];
    const { opener, dialog } = renderButton(ended);
    expect(opener.getAttribute('aria-haspopup')).toBe('dialog');
    expect(dialog()?.open).toBe(false);
    await userEvent.click(opener);
    expect(dialog()?.open).toBe(true);
    expect(dialog()?.getAttribute('role')).toBe('alertdialog');
    const title = document.getElementById(dialog()?.getAttribute('aria-labelledby') ?? '');
    expect(title?.textContent).toBe('End the meeting');
    expect(document.activeElement?.textContent).toBe('Cancel');
    expect(ended).toEqual([]);
  });

  it('closes on Cancel without ending, and gives the focus back to its button', async () => {
    const ended: string[] = [];
    const { opener, dialog } = renderButton(ended);
    await userEvent.click(opener);
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(dialog()?.open).toBe(false);
    await waitFor(() => expect(document.activeElement).toBe(opener));
    expect(ended).toEqual([]);
  });

  it('ends the meeting once when the chair confirms', async () => {
    const ended: string[] = [];
    const { opener, dialog } = renderButton(ended);
    await userEvent.click(opener);
    await userEvent.click(screen.getByRole('button', { name: 'Yes, end it' }));
    expect(ended).toEqual(['ended']);
    expect(dialog()?.open).toBe(false);
  });
});
