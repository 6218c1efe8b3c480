import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Method } from '../../../lib/method/method';
import { METHODS } from '../../../lib/method/method-list';
import type { MethodId } from '../../../lib/method/method-list';

const METHOD_FOLDER = fileURLToPath(new URL('../../../lib/method/methods/', import.meta.url));

/**
 * Every method id once; a Record, so that a method added to the list but not here, or named here
 * but not in the list, fails to compile.
 */
const METHOD_IDS: Record<MethodId, true> = {
  basic: true,
  incident: true,
  balint: true,
  gossip: true,
  socratic: true,
  'ten-step': true,
  'solution-focused': true,
  'first-meeting': true,
};

const isMethod = (value: unknown): value is Method =>
  typeof value === 'object' && value !== null && 'id' in value && 'phases' in value;

/** What each file in lib/method/methods/ exports that looks like a method, by file name. */
async function methodFiles(): Promise<ReadonlyMap<string, readonly Method[]>> {
  const files = readdirSync(METHOD_FOLDER).filter((name) => name.endsWith('.ts'));
  const entries = await Promise.all(
    files.map(async (file) => {
      const module: Record<string, unknown> = await import(`${METHOD_FOLDER}${file}`);
      return [file.replace(/\.ts$/, ''), Object.values(module).filter(isMethod)] as const;
    }),
  );
  return new Map(entries);
}

describe('the list of methods', () => {
  it('names every method id once', () => {
    const ids = METHODS.map((method) => method.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has exactly the ids of the MethodId type', () => {
    expect(METHODS.map((method) => method.id).sort()).toEqual(Object.keys(METHOD_IDS).sort());
  });

  it('keeps one method per file, the file named after its id', async () => {
    for (const [file, methods] of await methodFiles()) {
      expect(methods.map((method) => method.id)).toEqual([file]);
    }
  });

  it('offers every method file, and no method that has no file', async () => {
    const files = await methodFiles();
    expect([...files.keys()].sort()).toEqual(METHODS.map((method) => method.id).sort());
    for (const method of METHODS) expect(files.get(method.id)).toEqual([method]);
  });
});
