import type { ReactElement } from 'react';

/**
 * The panel's icons, drawn inline in the text's colour (`currentColor`, forced colours
 * included). They were CSS masks of SVG data URLs until the fifteenth round of issue 15: each
 * icon's first use in a page then made an SVG image of its own during the style pass, about
 * 2 to 3 ms each, 10 to 12 ms of the first screen's first frame for its four icons
 * (docs/benchmarks.md). Inline SVG is styled as the elements it is.
 */
export type IconName =
  | 'ring'
  | 'notes'
  | 'settings'
  | 'globe'
  | 'lock'
  | 'video'
  | 'prev'
  | 'next'
  | 'check'
  | 'pause'
  | 'play'
  | 'plus'
  | 'reset'
  | 'back';

/** Each icon's shapes on a 24 x 24 grid, stroked 2 wide with round ends unless they say otherwise. */
const SHAPES: Readonly<Record<IconName, ReactElement>> = {
  ring: (
    <>
      <circle cx="12" cy="12" r="8" strokeWidth="1.6" />
      <g fill="currentColor" stroke="none">
        <circle cx="12" cy="4" r="2.6" />
        <circle cx="19.61" cy="9.53" r="2.6" />
        <circle cx="16.7" cy="18.47" r="2.6" />
        <circle cx="7.3" cy="18.47" r="2.6" />
        <circle cx="4.39" cy="9.53" r="2.6" />
      </g>
    </>
  ),
  notes: (
    <>
      <path d="M2 4h6a4 4 0 0 1 4 4v13a3 3 0 0 0-3-3H2z" />
      <path d="M22 4h-6a4 4 0 0 0-4 4v13a3 3 0 0 1 3-3h7z" />
    </>
  ),
  settings: (
    <>
      <circle cx="12" cy="12" r="3" />
      <path d="M19.4 15a1.65 1.65 0 0 0 .33 1.82l.06.06a2 2 0 0 1 0 2.83 2 2 0 0 1-2.83 0l-.06-.06a1.65 1.65 0 0 0-1.82-.33 1.65 1.65 0 0 0-1 1.51V21a2 2 0 0 1-2 2 2 2 0 0 1-2-2v-.09A1.65 1.65 0 0 0 9 19.4a1.65 1.65 0 0 0-1.82.33l-.06.06a2 2 0 0 1-2.83 0 2 2 0 0 1 0-2.83l.06-.06a1.65 1.65 0 0 0 .33-1.82 1.65 1.65 0 0 0-1.51-1H3a2 2 0 0 1-2-2 2 2 0 0 1 2-2h.09A1.65 1.65 0 0 0 4.6 9a1.65 1.65 0 0 0-.33-1.82l-.06-.06a2 2 0 0 1 0-2.83 2 2 0 0 1 2.83 0l.06.06a1.65 1.65 0 0 0 1.82.33H9a1.65 1.65 0 0 0 1-1.51V3a2 2 0 0 1 2-2 2 2 0 0 1 2 2v.09a1.65 1.65 0 0 0 1 1.51 1.65 1.65 0 0 0 1.82-.33l.06-.06a2 2 0 0 1 2.83 0 2 2 0 0 1 0 2.83l-.06.06a1.65 1.65 0 0 0-.33 1.82V9a1.65 1.65 0 0 0 1.51 1H21a2 2 0 0 1 2 2 2 2 0 0 1-2 2h-.09a1.65 1.65 0 0 0-1.51 1z" />
    </>
  ),
  globe: (
    <>
      <circle cx="12" cy="12" r="10" />
      <path d="M2 12h20" />
      <path d="M12 2a15.3 15.3 0 0 1 4 10 15.3 15.3 0 0 1-4 10 15.3 15.3 0 0 1-4-10 15.3 15.3 0 0 1 4-10z" />
    </>
  ),
  lock: (
    <>
      <rect x="4" y="11" width="16" height="10" rx="2" />
      <path d="M8 11V7a4 4 0 0 1 8 0v4" />
    </>
  ),
  video: (
    <>
      <path d="M23 7l-7 5 7 5z" />
      <rect x="1" y="5" width="15" height="14" rx="2" />
    </>
  ),
  prev: <path d="M15 18l-6-6 6-6" />,
  next: <path d="M9 18l6-6-6-6" />,
  check: <path d="M20 6L9 17l-5-5" strokeWidth="3" />,
  pause: (
    <>
      <rect x="6" y="4" width="4" height="16" rx="1" />
      <rect x="14" y="4" width="4" height="16" rx="1" />
    </>
  ),
  play: <path d="M6 4l14 8-14 8z" />,
  plus: (
    <>
      <path d="M12 5v14" />
      <path d="M5 12h14" />
    </>
  ),
  reset: (
    <>
      <path d="M1 4v6h6" />
      <path d="M3.51 15a9 9 0 1 0 2.13-9.36L1 10" />
    </>
  ),
  back: (
    <>
      <path d="M19 12H5" />
      <path d="M12 19l-7-7 7-7" />
    </>
  ),
};

/** An icon beside a text that names it: hidden from screen readers, never focusable. */
export function Icon({ name }: { readonly name: IconName }) {
  return (
    <svg
      className={`icon icon-${name}`}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {SHAPES[name]}
    </svg>
  );
}
