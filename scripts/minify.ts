/**
 * How the panel's JavaScript is minified (issue 15: the JavaScript before the first screen and
 * before a returning member's sealed groups). Terser with two compress passes makes those chunks
 * about 3.7 KiB gzipped smaller than Vite's default (esbuild): 137.7 against 141.4 KiB with the
 * notebook chunk, where the budget is 140 (docs/benchmarks.md, thirty-ninth round); the build
 * takes about 9 s longer. Comments that say they must stay (`/*!`, `@license`) stay. The bench's
 * minimal React page is built with the same options (bench/panel-ready-section.ts), so that
 * "the same build setup" holds for panel ready.
 */
export const MINIFY = {
  minify: 'terser',
  terserOptions: { compress: { passes: 2 }, format: { comments: 'some' } },
} as const;
