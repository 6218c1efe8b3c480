import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { LiveRegion } from '../../../components/common/LiveRegion';

afterEach(cleanup);

/** The element inside the region that holds its text (the part that may wait for a frame). */
function content(region: HTMLElement): HTMLElement {
  const inner = region.firstElementChild;
  if (!(inner instanceof HTMLElement)) throw new Error('the region holds no element');
  return inner;
}

describe('a live region that is in the page before its text', () => {
  it('keeps the text it was mounted with hidden until a frame has passed, then shows it', async () => {
    render(<LiveRegion>Saved.</LiveRegion>);
    const region = screen.getByRole('status');
    // The words are in the document at once, so nothing reads them differently...
    expect(region.textContent).toBe('Saved.');
    // ...but a screen reader first meets the region empty.
    expect(content(region).style.visibility).toBe('hidden');
    await waitFor(() => expect(content(region).style.visibility).toBe(''));
  });

  it('shows text that arrives later at once when it was mounted empty', () => {
    const { rerender } = render(<LiveRegion live="alert">{''}</LiveRegion>);
    const region = screen.getByRole('alert');
    expect(region.textContent).toBe('');
    rerender(<LiveRegion live="alert">Write something first.</LiveRegion>);
    expect(region.textContent).toBe('Write something first.');
    expect(content(region).style.visibility).toBe('');
  });

  it('is a polite region without a role when asked, with paragraphs when they are its text', () => {
    render(
      <LiveRegion live="polite" as="div" id="coach">
        <p>Coach: no remarks.</p>
      </LiveRegion>,
    );
    const region = document.getElementById('coach');
    expect(region?.getAttribute('aria-live')).toBe('polite');
    expect(region?.getAttribute('role')).toBeNull();
    expect(region?.querySelector('div > p')?.textContent).toBe('Coach: no remarks.');
  });
});
