import { describe, expect, it } from 'vitest';
import { serialQueue } from '../../../lib/device/serial-queue';

describe('a serial queue', () => {
  it('starts each task after the previous one settled, also after a failure', async () => {
    const run = serialQueue();
    const log: string[] = [];
    const task =
      (name: string, fail = false) =>
      async () => {
        log.push(`start ${name}`);
        await Promise.resolve();
        await Promise.resolve();
        log.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([
      run(task('a')),
      run(task('b', true)),
      run(task('c')),
    ]);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
