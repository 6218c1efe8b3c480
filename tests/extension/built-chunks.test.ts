import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The panel's chunks as the build left them (`npm test` builds before the suite runs;
 * KRING_EXTENSION_DIR points at another build, as for the e2e tests). The group view's code
 * comes in one file, and the notebook's, which every panel loads after its first paint, takes
 * nothing of the group's along (scripts/group-chunk.ts).
 */
const BUILD = resolve(
  process.env.KRING_EXTENSION_DIR ??
    resolve(import.meta.dirname, '..', '..', '.output', 'chrome-mv3'),
);
const CHUNKS = join(BUILD, 'chunks');

/** The chunk files whose name is `name` and a hash (`group-AbC1_x.js`). */
const named = (name: string): string[] =>
  readdirSync(CHUNKS).filter((file) => new RegExp(`^${name}-[\\w-]+\\.js$`).test(file));

/** The chunk names a chunk imports statically (`from"./x-hash.js"`), without their hashes. */
function staticImports(file: string): string[] {
  const code = readFileSync(join(CHUNKS, file), 'utf8');
  const names = [...code.matchAll(/from\s*"\.\/([^"]+)\.js"/g)].map(([, name]) =>
    name!.replace(/-[\w-]{8}$/, ''),
  );
  return [...new Set(names)].sort();
}

describe("the panel's built chunks", () => {
  it('are there: build first (npm run build)', () => {
    expect(existsSync(CHUNKS), `no ${CHUNKS}`).toBe(true);
  });

  it("give the group view's code in one file, which needs the first screen's alone", () => {
    const [group, ...more] = named('group');
    expect(more).toEqual([]);
    expect(group).toBeDefined();
    expect(staticImports(group!)).toEqual(['sidepanel']);
    // The view, its session and the connection code are in it, not in chunks of their own.
    for (const part of ['GroupView', 'useGroupSession', 'room-connection', 'signed']) {
      expect(named(part), part).toEqual([]);
    }
  });

  it("load the notebook without the group's code", () => {
    const notebook = named('open-notebook');
    expect(notebook).toHaveLength(1);
    expect(staticImports(notebook[0]!)).toEqual(['sidepanel']);
  });

  it('load the first screen from one file', () => {
    const sidepanel = named('sidepanel');
    expect(sidepanel).toHaveLength(1);
    expect(staticImports(sidepanel[0]!)).toEqual([]);
  });
});
