import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../../lib/device/key-value-store';
import {
  historyItem,
  historyKey,
  MAX_HISTORY,
  suggestNextChair,
} from '../../../lib/device/meeting-history';
import type { MeetingSummary } from '../../../lib/shared-doc/meeting-end';

function summary(n: number): MeetingSummary {
  return {
    meetingId: `meeting-${String(n).padStart(4, '0')}`,
    startedAt: n * 100 - 50,
    endedAt: n * 100,
    methodId: 'basic',
    chairName: 'Anna',
    caseBringerName: 'Bram',
    caseBringerId: 'bram-000000',
    caseTitle: null,
    agreements: ['Volgende keer om 9 uur'],
    followUp: [],
  };
}

describe("a group's stored history", () => {
  const item = historyItem('group-1');
  const [m1, m2, m3] = [summary(1), summary(2), summary(3)];

  it('is kept under a key of its own per group', () => {
    expect(item.key).toBe(historyKey('group-1'));
    expect(historyItem('group-2').key).not.toBe(item.key);
  });

  it.each([
    ['nothing', undefined, { status: 'missing', value: { plain: [] } }],
    [
      'the list as stored before versions',
      JSON.parse(JSON.stringify([m2, m1])),
      { status: 'stored', version: 1, value: { plain: [m2, m1] } },
    ],
    [
      'a list before versions, oldest first, with a meeting twice',
      [m1, m3, m1, m2],
      { status: 'stored', version: 1, value: { plain: [m3, m2, m1] } },
    ],
    [
      'a version 1 envelope',
      { v: 1, value: [m1] },
      { status: 'stored', version: 1, value: { plain: [m1] } },
    ],
    [
      'a list with damaged meetings',
      [m1, { meetingId: 'x' }, { ...m2, methodId: 'no-such-method' }, 'junk', null, m3],
      { status: 'stored', version: 1, value: { plain: [m3, m1] } },
    ],
    ['text', 'history', { status: 'stored', version: 1, value: { plain: [] } }],
    [
      'an envelope holding no list',
      { v: 1, value: { m1 } },
      { status: 'stored', version: 1, value: { plain: [] } },
    ],
    [
      'a version 2 plain history',
      { v: 2, value: { plain: [m1] } },
      { status: 'stored', version: 2, value: { plain: [m1] } },
    ],
    [
      'a later version',
      { v: 3, value: [m1] },
      { status: 'unknown', version: 3, value: { plain: [] } },
    ],
  ])('reads %s', (_, raw, expected) => {
    expect(item.decodeStored(raw)).toEqual(expected);
  });

  it(`reads at most the ${MAX_HISTORY} newest meetings`, () => {
    const many = Array.from({ length: MAX_HISTORY + 5 }, (_, i) => summary(i + 1));
    const stored = item.decodeStored(many).value;
    const read = 'plain' in stored ? stored.plain : [];
    expect(read).toHaveLength(MAX_HISTORY);
    expect(read[0]).toEqual(summary(MAX_HISTORY + 5));
  });

  it('round-trips through a store', async () => {
    const store = memoryStore();
    await item.write(store, { plain: [m2, m1] });
    expect(await store.get(historyKey('group-1'))).toEqual({ v: 2, value: { plain: [m2, m1] } });
    expect((await item.read(store)).value).toEqual({ plain: [m2, m1] });
  });

  it('leaves a history from a later build in storage', async () => {
    const store = memoryStore();
    await store.set(historyKey('group-1'), { v: 3, value: 'anything' });
    expect(await item.write(store, { plain: [m1] })).toBe(false);
    expect(await store.get(historyKey('group-1'))).toEqual({ v: 3, value: 'anything' });
  });
});

describe("the group's chair rota", () => {
  const chairedBy = (n: number, chairName: string): MeetingSummary => ({
    ...summary(n),
    chairName,
  });

  it.each([
    ['a brand-new group (no rota yet), with only its founder', [], ['Anna'], null],
    ['a brand-new group with everyone present', [], ['Anna', 'Bram', 'Carla'], null],
    ['nobody present', [chairedBy(1, 'Anna')], [], null],
    ['a member who never chaired first', [chairedBy(1, 'Anna')], ['Anna', 'Bram'], 'Bram'],
    [
      'whoever chaired longest ago when all have chaired',
      [chairedBy(3, 'Carla'), chairedBy(2, 'Anna'), chairedBy(1, 'Bram')],
      ['Anna', 'Bram', 'Carla'],
      'Bram',
    ],
  ] as const)('names the next chair for %s', (_, history, names, expected) => {
    expect(suggestNextChair(history, names)).toBe(expected);
  });
});
