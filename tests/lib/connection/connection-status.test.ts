import { describe, expect, it } from 'vitest';
import { describeConnection } from '../../../lib/connection/connection-status';

describe('connection status', () => {
  it.each([
    [{ signalingConnected: false, signalingFailed: false, members: 0 }, { kind: 'connecting' }],
    [
      { signalingConnected: true, signalingFailed: false, members: 0 },
      { kind: 'connected', members: 0 },
    ],
    [
      { signalingConnected: true, signalingFailed: false, members: 3 },
      { kind: 'connected', members: 3 },
    ],
    [
      { signalingConnected: false, signalingFailed: true, members: 0 },
      { kind: 'unreachable', members: 0 },
    ],
    [
      { signalingConnected: false, signalingFailed: true, members: 2 },
      { kind: 'unreachable', members: 2 },
    ],
    [
      { signalingConnected: false, signalingFailed: false, members: 2 },
      { kind: 'connected', members: 2 },
    ],
  ])('describes %j as %j', (facts, status) => {
    expect(describeConnection(facts)).toEqual(status);
  });
});
