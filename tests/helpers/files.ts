import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under a folder (a browser profile, a source tree), as full paths. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat?.isDirectory()) return filesUnder(path);
    return stat?.isFile() ? [path] : [];
  });
}

/** The files under `dir` whose bytes hold `needle` in the clear (UTF-8 or UTF-16LE), relative. */
export function filesHolding(dir: string, needle: string): string[] {
  const forms = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')];
  return filesUnder(dir)
    .filter((path) => {
      const bytes = readFileSync(path);
      return forms.some((form) => bytes.includes(form));
    })
    .map((path) => path.slice(dir.length + 1));
}
