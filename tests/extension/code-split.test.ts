import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * What the panel's code loads before it is needed, read from the source: the modules and
 * packages a file reaches through static imports (`import … from`, `export … from`, `import '…'`),
 * not through `import()` and not through `import type`. The build puts a lazy view's static
 * imports in its chunks, so whatever is reached here is fetched, parsed and run before that
 * view shows (docs/benchmarks.md: the group view once took the notebook's Dexie along through
 * one value import of an error class).
 */
const ROOT = resolve(import.meta.dirname, '..', '..');
const STATIC_IMPORT =
  /^\s*(?:import|export)\s+(?!type\b)[\w\s{},*$]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm;

function resolveLocal(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) {
    if (/\.(ts|tsx)$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  return null;
}

const packageOf = (specifier: string): string =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/** The project files and the packages `entry` reaches through static imports. */
function staticClosure(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const todo = [resolve(ROOT, entry)];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      const specifier = (match[1] ?? match[2])!;
      if (!specifier.startsWith('.')) {
        packages.add(packageOf(specifier));
        continue;
      }
      const local = resolveLocal(file, specifier);
      if (local) todo.push(local);
    }
  }
  return { files, packages };
}

const projectFiles = (closure: { files: Set<string> }): string[] =>
  [...closure.files].map((file) => relative(ROOT, file));

describe("what the panel's code takes along", () => {
  it('reads static imports, and not import() or import type', () => {
    const closure = staticClosure('components/shell/lazy-views.ts');
    // lazy-views.ts only names the views through import(): none of them is reached.
    expect(projectFiles(closure)).not.toContain('components/shell/GroupView.tsx');
    expect(closure.packages).toContain('react');
    // The walk follows a chain of static imports through several files.
    const panel = staticClosure('entrypoints/sidepanel/main.tsx');
    expect(projectFiles(panel)).toContain('components/shell/Home.tsx');
    expect(panel.packages).toContain('react-dom');
  });

  it("keeps the first screen free of the group's, the notebook's and the passphrase's code", () => {
    const { packages } = staticClosure('entrypoints/sidepanel/main.tsx');
    for (const lazy of [
      'dexie',
      '@zxcvbn-ts/core',
      'yjs',
      'y-webrtc',
      'simple-peer',
      '@noble/curves',
    ]) {
      expect(packages, lazy).not.toContain(lazy);
    }
  });

  it("keeps the notebook's database code out of the group view", () => {
    // A returning member's board waits for the group view's code; the notebook's code (Dexie,
    // about 100 KB of JavaScript) is asked for after that board shows (main.tsx).
    const closure = staticClosure('components/shell/GroupView.tsx');
    expect(closure.packages).not.toContain('dexie');
    expect(closure.packages).not.toContain('@zxcvbn-ts/core');
    expect(projectFiles(closure)).not.toContain('lib/notebook/notebook.ts');
    // It does take the meeting's own code along: the walk reaches it.
    expect(closure.packages).toContain('yjs');
  });
});
