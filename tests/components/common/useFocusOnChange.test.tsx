import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { Announcer } from '../../../components/common/Announcer';
import { useFocusOnChange } from '../../../components/common/useFocusOnChange';

afterEach(cleanup);

/** A view with a heading and, outside it, a field a member may be typing in. */
function View({ phase, onMount = true }: { phase: string; onMount?: boolean }) {
  const heading = useFocusOnChange(phase, { onMount, announcement: `Now: ${phase}` });
  return (
    <>
      <h2 ref={heading} tabIndex={-1}>
        {phase}
      </h2>
      <button type="button">Something else</button>
      <textarea aria-label="My note" />
      <input type="checkbox" aria-label="Answered" />
    </>
  );
}

function renderView(phase: string, onMount = true) {
  const result = render(
    <Announcer>
      <View phase={phase} onMount={onMount} />
    </Announcer>,
  );
  return {
    ...result,
    show: (next: string) =>
      result.rerender(
        <Announcer>
          <View phase={next} onMount={onMount} />
        </Announcer>,
      ),
  };
}

const announced = () => screen.getByTestId('announcer').textContent;

describe('focus for the heading of a new view', () => {
  it('focuses the heading when the view opens and each time it changes', () => {
    const { show } = renderView('Inventory');
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Inventory' }));
    act(() => screen.getByRole('button', { name: 'Something else' }).focus());
    show('Analysis');
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Analysis' }));
    expect(announced()).toBe('');
  });

  it('leaves the focus where it is when the view merely renders again', () => {
    const { show } = renderView('Inventory');
    act(() => screen.getByRole('button', { name: 'Something else' }).focus());
    show('Inventory');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Something else' }));
  });

  it('does not take the focus from a member typing in a field, and announces the new view instead', () => {
    const { show } = renderView('Inventory');
    const note = screen.getByRole('textbox', { name: 'My note' });
    act(() => note.focus());
    show('Analysis');
    expect(document.activeElement).toBe(note);
    expect(announced()).toBe('Now: Analysis');
  });

  it('takes the focus from a checkbox, which is not typing', () => {
    const { show } = renderView('Inventory');
    act(() => screen.getByRole('checkbox', { name: 'Answered' }).focus());
    show('Analysis');
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Analysis' }));
  });

  it('leaves the focus alone when the view opens if asked to, and still moves it on a change', () => {
    const { show } = renderView('home', false);
    expect(document.activeElement).toBe(document.body);
    show('group');
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'group' }));
  });
});
