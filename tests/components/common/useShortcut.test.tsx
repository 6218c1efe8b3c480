import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { altShift, matchesShortcut, useShortcut } from '../../../components/common/useShortcut';

afterEach(cleanup);

function Chair({ pressed, enabled = true }: { pressed: string[]; enabled?: boolean }) {
  useShortcut(altShift('ArrowRight'), () => pressed.push('next'), enabled);
  useShortcut(altShift('ArrowLeft'), () => pressed.push('previous'), enabled);
  return (
    <>
      <button type="button">Next phase</button>
      <textarea aria-label="Your line" />
      <dialog open aria-label="End the meeting">
        <button type="button">Cancel</button>
      </dialog>
    </>
  );
}

describe("the chair's phase shortcuts", () => {
  it('names itself as aria-keyshortcuts does', () => {
    expect(altShift('ArrowRight').aria).toBe('Alt+Shift+ArrowRight');
  });

  it('shows itself to a member with arrows, as the chair controls and the hint do', () => {
    expect(altShift('ArrowRight').label).toBe('Alt+Shift+→');
    expect(altShift('ArrowLeft').label).toBe('Alt+Shift+←');
  });

  it.each([
    [{ altKey: true, shiftKey: true, ctrlKey: false, metaKey: false }, true],
    [{ altKey: true, shiftKey: false, ctrlKey: false, metaKey: false }, false],
    [{ altKey: false, shiftKey: true, ctrlKey: false, metaKey: false }, false],
    [{ altKey: true, shiftKey: true, ctrlKey: true, metaKey: false }, false],
    [{ altKey: true, shiftKey: true, ctrlKey: false, metaKey: true }, false],
  ])('takes %j with the arrow as the shortcut: %s', (modifiers, matches) => {
    expect(matchesShortcut({ key: 'ArrowRight', ...modifiers }, altShift('ArrowRight'))).toBe(
      matches,
    );
    expect(matchesShortcut({ key: 'ArrowLeft', ...modifiers }, altShift('ArrowRight'))).toBe(false);
  });

  it('moves on with Alt+Shift+arrows pressed anywhere but in a field or a dialog', async () => {
    const pressed: string[] = [];
    render(<Chair pressed={pressed} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Next phase' }));
    await user.keyboard('{Alt>}{Shift>}{ArrowRight}{ArrowLeft}{/Shift}{/Alt}');
    expect(pressed).toEqual(['next', 'previous']);
    await user.click(screen.getByRole('textbox', { name: 'Your line' }));
    await user.keyboard('{Alt>}{Shift>}{ArrowRight}{/Shift}{/Alt}');
    expect(pressed).toEqual(['next', 'previous']);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.keyboard('{Alt>}{Shift>}{ArrowRight}{/Shift}{/Alt}');
    expect(pressed).toEqual(['next', 'previous']);
  });

  it('does nothing while disabled (no next phase after the last)', async () => {
    const pressed: string[] = [];
    render(<Chair pressed={pressed} enabled={false} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Next phase' }));
    await user.keyboard('{Alt>}{Shift>}{ArrowRight}{/Shift}{/Alt}');
    expect(pressed).toEqual([]);
  });
});
