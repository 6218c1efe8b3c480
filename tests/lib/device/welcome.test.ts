import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../../lib/device/key-value-store';
import { welcomeItem } from '../../../lib/device/welcome';

describe('the first-run welcome on this device', () => {
  it.each([
    ['nothing stored', undefined, false],
    ['a dismissal', { v: 1, value: { dismissed: true } }, true],
    ['anything else', { v: 1, value: { dismissed: 'yes' } }, false],
    ['junk', 'welcome', false],
  ])('is shown again unless put away: %s', (_, raw, dismissed) => {
    expect(welcomeItem.decodeStored(raw).value).toEqual({ dismissed });
  });

  it('stays put away once the member said so', async () => {
    const store = memoryStore();
    await welcomeItem.write(store, { dismissed: true });
    expect((await welcomeItem.read(store)).value).toEqual({ dismissed: true });
  });
});
