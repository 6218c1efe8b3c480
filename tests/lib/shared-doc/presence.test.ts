import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  decodePresence,
  listMembers,
  presenceProof,
  PRESENCE_FIELD,
} from '../../../lib/shared-doc/presence';
import { fingerprintOf, newSessionSigner } from '../../../lib/shared-doc/signed';
import { memoryDeviceKey } from '../../../lib/device/device-key';
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

  it('lists names without what nobody sees: invisible and reordering characters are dropped', () => {
    const meeting = sessionWithChair('anna-000001');
    const states = new Map<number, unknown>([
      [1, state('anna-000001', 'An\u200bna')],
      [2, state('bram-000002', '\u202eBram\u202c')],
      [3, state('carla-00003', '\u200b')],
    ]);
    expect(listMembers(states, meeting, 'x-0000001').map((m) => m.name)).toEqual([
      'Anna',
      '?',
      'Bram',
    ]);
  });

  it('gives nobody the chair by claiming it in awareness', () => {
    const meeting = sessionWithChair('anna-000001');
    const states = new Map<number, unknown>([
      [1, { [PRESENCE_FIELD]: { memberId: 'mallory-0001', name: 'Anna', role: 'chair' } }],
    ]);
    expect(listMembers(states, meeting, 'x-0000001')[0]?.role).toBe('member');
  });

  it("with proof required, counts this panel's own state under its own card, and nobody else's unproven", async () => {
    const meeting = sessionWithChair('anna-000001');
    const signer = await newSessionSigner(await memoryDeviceKey(), 'Carla');
    const self = signer.card.memberId;
    const proven = (clientId: number, memberId: string, name: string) => ({
      [PRESENCE_FIELD]: {
        memberId,
        name,
        card: signer.card,
        proof: presenceProof(signer, clientId),
      },
    });
    const states = new Map<number, unknown>([
      // Our own client, its proof made for another client id: counted all the same, as ours.
      [7, proven(8, self, 'Carla')],
      // A peer repeating our card and proof under its client id: not proven there.
      [9, proven(7, self, 'Carla')],
      // Our client id, another member's id: verified as any peer's (and it does not prove).
      [10, { [PRESENCE_FIELD]: { memberId: 'bram-000002', name: 'Bram' } }],
    ]);
    const withSelf = listMembers(states, meeting, self, {
      proven: true,
      self: { clientId: 7, card: signer.card },
    });
    expect(withSelf.map((m) => [m.name, m.isSelf])).toEqual([['Carla', true]]);
    expect(withSelf[0]?.fingerprint).toBe(fingerprintOf(signer.card));
    expect(listMembers(states, meeting, self, { proven: true })).toEqual([]);
    const otherOnOurs = listMembers(
      new Map([[7, { [PRESENCE_FIELD]: { memberId: 'bram-000002', name: 'Bram' } }]]),
      meeting,
      self,
      { proven: true, self: { clientId: 7, card: signer.card } },
    );
    expect(otherOnOurs).toEqual([]);
  });
});
