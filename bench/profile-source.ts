import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';

/** A CPU profile node's call frame, as Chromium's CDP Profiler gives it. */
export interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
  readonly columnNumber: number;
}

/**
 * Names profile frames by their source, through the source maps the build writes beside its
 * chunks (`KRING_SOURCEMAP=1 npx wxt build`): the file (a package's name for node_modules) and
 * "function (file:line)". Without a map, the minified names. For the profile tools
 * (phase-profile.ts, late-join-profile.ts).
 */
export function profileSources(
  build: string,
): (frame: CallFrame) => { file: string; name: string } {
  const maps = new Map<string, TraceMap | null>();
  const mapFor = (url: string): TraceMap | null => {
    if (maps.has(url)) return maps.get(url)!;
    const file = join(build, url.replace(/^chrome-extension:\/\/[^/]+\//, '') + '.map');
    const map =
      url.startsWith('chrome-extension://') && existsSync(file)
        ? new TraceMap(readFileSync(file, 'utf8'))
        : null;
    maps.set(url, map);
    return map;
  };
  return (frame) => {
    let file = frame.url === '' ? frame.functionName : frame.url;
    let name = frame.functionName || '(anonymous)';
    // A frame with no position (-1: the chunk's top level as it was compiled) maps to nothing.
    const map = frame.url && frame.lineNumber >= 0 ? mapFor(frame.url) : null;
    if (!map) return { file, name };
    const pos = originalPositionFor(map, {
      line: frame.lineNumber + 1,
      column: frame.columnNumber,
    });
    if (!pos.source) return { file, name };
    file = pos.source.replace(/^.*node_modules\//, 'node_modules/').replace(/^(\.\.\/)+/, '');
    if (file.startsWith('node_modules/')) {
      const parts = file.split('/');
      file = parts.slice(0, parts[1]?.startsWith('@') ? 3 : 2).join('/');
    }
    name = `${pos.name ?? name} (${file}:${pos.line})`;
    return { file, name };
  };
}

/**
 * The `n` largest of `times` (ms by name), one line each, largest first: the figure divided by
 * `per` (per change, say), then the name. For the profile tools' tables.
 */
export function largest(
  times: ReadonlyMap<string, number>,
  n: number,
  { per = 1, digits = 2, width = 7 }: { per?: number; digits?: number; width?: number } = {},
): string[] {
  return [...times]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, ms]) => `${(ms / per).toFixed(digits).padStart(width)} ms  ${name}`);
}
