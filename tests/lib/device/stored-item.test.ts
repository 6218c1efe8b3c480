import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../../lib/device/key-value-store';
import { defineStoredItem, migrateEach } from '../../../lib/device/stored-item';
import { isRecord } from '../../../lib/util/guards';

/**
 * A made-up item that changed shape twice: version 1 stored a list of names, version 2 a list
 * of `{ name }`, version 3 adds `since`.
 */
interface Member {
  readonly name: string;
  readonly since: number;
}

function decodeMembers(value: unknown): Member[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) =>
    isRecord(entry) && typeof entry.name === 'string' && typeof entry.since === 'number'
      ? [{ name: entry.name, since: entry.since }]
      : [],
  );
}

function membersItem(ran: string[] = []) {
  return defineStoredItem({
    key: 'members',
    version: 3,
    decode: decodeMembers,
    migrations: {
      2: migrateEach((name) => {
        ran.push('2');
        if (typeof name !== 'string') throw new Error('not a name');
        return { name };
      }),
      3: migrateEach((member) => {
        ran.push('3');
        return isRecord(member) ? { ...member, since: 0 } : undefined;
      }),
    },
  });
}

const anna = { name: 'Anna', since: 0 };
const bram = { name: 'Bram', since: 0 };

describe('a stored item with versions', () => {
  it.each([
    ['nothing stored', undefined, { status: 'missing', value: [] }],
    [
      'a version 1 list without envelope (stored before versions)',
      ['Anna', 'Bram'],
      { status: 'stored', version: 1, value: [anna, bram] },
    ],
    [
      'a version 1 list in an envelope',
      { v: 1, value: ['Anna'] },
      { status: 'stored', version: 1, value: [anna] },
    ],
    [
      'a version 2 list',
      { v: 2, value: [{ name: 'Bram' }] },
      { status: 'stored', version: 2, value: [bram] },
    ],
    [
      'a current list',
      { v: 3, value: [{ name: 'Anna', since: 5 }] },
      { status: 'stored', version: 3, value: [{ name: 'Anna', since: 5 }] },
    ],
    [
      'a version 1 list with entries the migration cannot read',
      ['Anna', 42, null, { name: 'x' }, 'Bram'],
      { status: 'stored', version: 1, value: [anna, bram] },
    ],
    [
      'a current list with malformed entries',
      { v: 3, value: [{ name: 'Anna', since: 'x' }, 'junk', { name: 'Bram', since: 0 }] },
      { status: 'stored', version: 3, value: [bram] },
    ],
    ['garbage', 'junk', { status: 'stored', version: 1, value: [] }],
    ['null', null, { status: 'stored', version: 1, value: [] }],
    [
      'an envelope whose version is not a whole number from 1',
      { v: 1.5, value: ['Anna'] },
      { status: 'stored', version: 1, value: [] },
    ],
    [
      'an envelope with version 0',
      { v: 0, value: ['Anna'] },
      { status: 'stored', version: 1, value: [] },
    ],
    [
      'an envelope with the version as text',
      { v: '3', value: [{ name: 'Anna', since: 5 }] },
      { status: 'stored', version: 1, value: [] },
    ],
    [
      'a version from a later build',
      { v: 4, value: { members: ['Anna'] } },
      { status: 'unknown', version: 4, value: [] },
    ],
  ])('reads %s', (_, raw, expected) => {
    expect(membersItem().decodeStored(raw)).toEqual(expected);
  });

  it('runs only the migrations after the stored version, in order', () => {
    const ran: string[] = [];
    membersItem(ran).decodeStored(['Anna', 'Bram']);
    expect(ran).toEqual(['2', '2', '3', '3']);
    ran.length = 0;
    membersItem(ran).decodeStored({ v: 2, value: [{ name: 'Anna' }] });
    expect(ran).toEqual(['3']);
  });

  it('reads a value whose migration throws as the defaults', () => {
    const item = defineStoredItem({
      key: 'count',
      version: 2,
      decode: (value) => (typeof value === 'number' ? value : 0),
      migrations: {
        2: (previous) => {
          if (typeof previous !== 'string') throw new Error('not text');
          return previous.length;
        },
      },
    });
    expect(item.decodeStored('abc')).toEqual({ status: 'stored', version: 1, value: 3 });
    expect(item.decodeStored(['abc'])).toEqual({ status: 'stored', version: 1, value: 0 });
  });

  it('refuses a definition that misses a migration or has no valid version', () => {
    const decode = () => 0;
    expect(() =>
      defineStoredItem({ key: 'x', version: 3, decode, migrations: { 2: (v) => v } }),
    ).toThrow(/no migration to version 3/);
    expect(() => defineStoredItem({ key: 'x', version: 0, decode, migrations: {} })).toThrow(
      /version/,
    );
  });

  it('round-trips a value in an envelope of the current version', async () => {
    const store = memoryStore();
    const item = membersItem();
    expect(await item.write(store, [anna, bram])).toBe(true);
    expect(await store.get('members')).toEqual({ v: 3, value: [anna, bram] });
    expect(await item.read(store)).toEqual({ status: 'stored', version: 3, value: [anna, bram] });
  });

  it('upgrades an old value in storage on the next write', async () => {
    const store = memoryStore();
    await store.set('members', ['Anna']);
    const item = membersItem();
    const read = await item.read(store);
    expect(await item.write(store, [...read.value, bram])).toBe(true);
    expect(await store.get('members')).toEqual({ v: 3, value: [anna, bram] });
  });

  it('never overwrites a value from a later build, and overwrites garbage', async () => {
    const store = memoryStore();
    const later = { v: 7, value: { members: [{ first: 'Anna' }] } };
    await store.set('members', later);
    expect(await membersItem().write(store, [bram])).toBe(false);
    expect(await store.get('members')).toEqual(later);

    await store.set('members', 'junk');
    expect(await membersItem().write(store, [bram])).toBe(true);
    expect(await store.get('members')).toEqual({ v: 3, value: [bram] });
  });
});
