import { useCallback, useLayoutEffect, useRef } from 'react';
import type { HTMLAttributes, ReactNode } from 'react';

/**
 * How long text waits for the page's first frames before it shows anyway: a page that is not
 * drawn (a hidden panel) runs no animation frames, and its text must still arrive.
 */
const FALLBACK_MS = 250;

/**
 * A ref for an element whose content stays hidden (`visibility`, so nothing moves) until the
 * browser has drawn it so for a frame, when `active` at mount. Screen readers announce a change in a live region
 * they already know; a region that arrives already filled is skipped (status) or read
 * inconsistently. Chromium updates its accessibility tree once per frame, and React renders a
 * click's update and runs its effects in one task, so text shown from an effect would still
 * arrive with the region: two animation frames make sure the region was seen empty first. The
 * text is in the DOM all along (only its visibility waits), so nothing reads differently.
 */
export function useHiddenForAFrame(active: boolean): (element: HTMLElement | null) => void {
  // Only what the region was mounted with waits; later changes are announced as they are.
  const atMount = useRef(active);
  const content = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    const element = content.current;
    if (!atMount.current || !element) return;
    element.style.visibility = 'hidden';
    const show = () => {
      element.style.visibility = '';
    };
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(show);
    });
    const fallback = setTimeout(show, FALLBACK_MS);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(fallback);
    };
  }, []);
  return useCallback((element: HTMLElement | null) => {
    content.current = element;
  }, []);
}

/**
 * A live region that is in the page before its text: `status` (polite, read as a whole),
 * `alert` (assertive) or `polite` (aria-live only, new parts read). Text it is mounted with is
 * shown a frame later, so that screen readers announce even that; later changes show at once.
 * Where a message comes and goes, keep the region mounted with empty text if the layout allows.
 */
export function LiveRegion({
  live = 'status',
  as = 'p',
  children,
  ...attributes
}: {
  live?: 'status' | 'alert' | 'polite';
  /** 'div' when the text is made of paragraphs. */
  as?: 'p' | 'div';
  children: ReactNode;
} & Omit<HTMLAttributes<HTMLElement>, 'role' | 'aria-live' | 'children'>) {
  const content = useHiddenForAFrame(!isEmpty(children));
  const region = live === 'polite' ? { 'aria-live': live } : { role: live };
  if (as === 'div') {
    return (
      <div {...region} {...attributes}>
        <div ref={content}>{children}</div>
      </div>
    );
  }
  return (
    <p {...region} {...attributes}>
      <span ref={content}>{children}</span>
    </p>
  );
}

/** Nothing to say: what a condition such as `{error && ...}` or `{x ? text : ''}` gives. */
function isEmpty(children: ReactNode): boolean {
  return children === null || children === undefined || children === false || children === '';
}
