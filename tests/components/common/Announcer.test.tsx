import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { Announcer, useAnnounce } from '../../../components/common/Announcer';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** A button for each thing to say; pressing it says its lines one after the other. */
function Speaker({ things }: { things: readonly (readonly string[])[] }) {
  const announce = useAnnounce();
  return things.map((lines, index) => (
    <button key={index} type="button" onClick={() => lines.forEach(announce)}>
      {`say ${index}`}
    </button>
  ));
}

function renderAnnouncer(...things: (readonly string[])[]) {
  render(
    <Announcer>
      <Speaker things={things} />
    </Announcer>,
  );
  return screen.getByTestId('announcer');
}

const say = (index: number) =>
  act(() => screen.getByRole('button', { name: `say ${index}` }).click());

describe('the panel announcer', () => {
  it('is a polite live region in the page from the first render, empty', () => {
    const region = renderAnnouncer();
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.textContent).toBe('');
  });

  it('adds each announcement as a paragraph of its own, the same words twice as two', () => {
    const region = renderAnnouncer(['New question from Bram'], ['New advice from Carla']);
    say(0);
    say(0);
    say(1);
    expect(Array.from(region.querySelectorAll('p'), (p) => p.textContent)).toEqual([
      'New question from Bram',
      'New question from Bram',
      'New advice from Carla',
    ]);
  });

  it('says nothing for empty text and clears what it said after a while', () => {
    vi.useFakeTimers();
    const region = renderAnnouncer(['  '], ['Now phase 2 of 5: Analysis']);
    say(0);
    expect(region.querySelectorAll('p')).toHaveLength(0);
    say(1);
    expect(region.textContent).toBe('Now phase 2 of 5: Analysis');
    act(() => vi.advanceTimersByTime(10_000));
    expect(region.textContent).toBe('');
  });

  it('keeps the last five when many arrive at once', () => {
    const region = renderAnnouncer([1, 2, 3, 4, 5, 6, 7].map((i) => `line ${i}`));
    say(0);
    expect(Array.from(region.querySelectorAll('p'), (p) => p.textContent)).toEqual([
      'line 3',
      'line 4',
      'line 5',
      'line 6',
      'line 7',
    ]);
  });
});
