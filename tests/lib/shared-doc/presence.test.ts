import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodePresence, listMembers, PRESENCE_FIELD } from '../../../lib/shared-doc/presence';
import { readMeeting } from '../../../lib/shared-doc/meeting-state';
import { startMeeting } from '../../../lib/shared-doc/meeting-commands';

function sessionWithChair(chairId: string) {
  const doc = new Y.Doc();
  startMeeting(doc, { methodId: 'basic', chairId, chairName: 'Anna', groupName: 'G', now: 0 });
  return readMeeting(doc);
}

const state = (memberId: unknown, name: unknown) => ({ [PRESENCE_FIELD]: { memberId, name } });

describe('presence', () => {
  it('lists the chair first, then members by name, each once, marking self', () => {
    const meeting = sessionWithChair('anna-000001');
    const states = new Map<number, unknown>([
      [1, state('bram-000002', 'Bram')],
      [2, state('anna-000001', 'Anna')],
      [3, state('carla-00003', 'Carla')],
      [4, state('bram-000002', 'Bram')], // Bram's second panel
    ]);
    expect(listMembers(states, meeting, 'carla-00003')).toEqual([
      { memberId: 'anna-000001', name: 'Anna', role: 'chair', isSelf: false },
      { memberId: 'bram-000002', name: 'Bram', role: 'member', isSelf: false },
      { memberId: 'carla-00003', name: 'Carla', role: 'member', isSelf: true },
    ]);
  });

  it.each([
    [null],
    ['text'],
    [{}],
    [{ [PRESENCE_FIELD]: 'x' }],
    [state('short', 'Bram')],
    [state('bram-000002', '')],
    [state('bram-000002', 'x'.repeat(500))],
    [state('<script>ab', 'Bram')],
    [state(42, 'Bram')],
  ])('drops the malformed awareness state %j', (value) => {
    expect(decodePresence(value)).toBeNull();
  });

  it('gives nobody the chair by claiming it in awareness', () => {
    const meeting = sessionWithChair('anna-000001');
    const states = new Map<number, unknown>([
      [1, { [PRESENCE_FIELD]: { memberId: 'mallory-0001', name: 'Anna', role: 'chair' } }],
    ]);
    expect(listMembers(states, meeting, 'x-0000001')[0]?.role).toBe('member');
  });
});
