import { useEffect, useState } from 'react';
import type { HTMLAttributes, ReactNode } from 'react';

/**
 * How long a region waits for its first frames before it shows its text anyway: a page that is
 * not drawn (a hidden panel) runs no animation frames, and its text must still arrive.
 */
const FALLBACK_MS = 250;

/**
 * True once the component has been on screen for a frame. Screen readers announce a change to
 * a live region they already know; one that arrives already filled is skipped (status) or read
 * inconsistently. Chromium updates its accessibility tree once per frame, and React flushes the
 * effects of a click in the same task, so an effect alone would fill the region before the
 * browser ever saw it empty: two animation frames make sure it did.
 */
export function useShownForAFrame(): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => setShown(true));
    });
    const fallback = setTimeout(() => setShown(true), FALLBACK_MS);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(fallback);
    };
  }, []);
  return shown;
}

/**
 * A live region (polite `status` or assertive `alert`) that mounts empty and shows its text a
 * frame later, so that screen readers announce even the text it was mounted with; later
 * changes show at once.
 */
export function LiveRegion({
  role = 'status',
  as: Tag = 'p',
  children,
  ...attributes
}: {
  role?: 'status' | 'alert';
  /** 'div' when the text is made of paragraphs. */
  as?: 'p' | 'div';
  children: ReactNode;
} & Omit<HTMLAttributes<HTMLElement>, 'role' | 'children'>) {
  const shown = useShownForAFrame();
  return (
    <Tag role={role} {...attributes}>
      {shown ? children : null}
    </Tag>
  );
}
