import { describe, expect, it } from 'vitest';
import { ANSWER_MS, ConnectionLiveness, QUIET_MS } from '../../../lib/connection/liveness';

interface Conn {
  connected: boolean;
  closed: boolean;
  heardAt: number;
  readonly name: string;
}

const conn = (name: string, heardAt = 0): Conn => ({
  name,
  connected: true,
  closed: false,
  heardAt,
});

/** Runs the check every second from `from` to `to` (inclusive); what it did, by second. */
function run(
  liveness: ConnectionLiveness<Conn>,
  conns: Conn[],
  from: number,
  to: number,
  hear?: (now: number) => void,
) {
  const log: { at: number; ask: string[]; close: string[] }[] = [];
  for (let now = from; now <= to; now += 1_000) {
    hear?.(now);
    const { ask, close } = liveness.check(conns, now);
    for (const c of close) c.closed = true; // as y-webrtc's connection does once destroyed
    if (ask.length + close.length > 0) {
      log.push({ at: now, ask: ask.map((c) => c.name), close: close.map((c) => c.name) });
    }
  }
  return log;
}

describe('the liveness of a connection', () => {
  it('leaves a connection alone while it carries something', () => {
    const liveness = new ConnectionLiveness<Conn>();
    const anna = conn('anna');
    // Anna says something every 5 s (presence, pulls): never asked, never closed.
    const log = run(liveness, [anna], 0, 60_000, (now) => {
      if (now % 5_000 === 0) anna.heardAt = now;
    });
    expect(log).toEqual([]);
  });

  it('asks a quiet peer, and keeps the connection when the peer answers', () => {
    const liveness = new ConnectionLiveness<Conn>();
    const bram = conn('bram');
    const asked: number[] = [];
    for (let now = 0; now <= 40_000; now += 1_000) {
      // Bram answers each question 300 ms after it, before the next check.
      if (asked.at(-1) === now - 1_000) bram.heardAt = now - 700;
      const { ask, close } = liveness.check([bram], now);
      expect(close).toEqual([]);
      if (ask.length > 0) asked.push(now);
    }
    // Counted from when the connection was first seen: asked at QUIET_MS, then a quiet
    // QUIET_MS after each answer.
    expect(asked).toEqual([
      QUIET_MS,
      2 * QUIET_MS + 1_000,
      3 * QUIET_MS + 2_000,
      4 * QUIET_MS + 3_000,
    ]);
  });

  it('closes a connection whose peer does not answer, once two checks found it overdue', () => {
    const liveness = new ConnectionLiveness<Conn>();
    const carla = conn('carla');
    const dirk = conn('dirk');
    const log = run(liveness, [carla, dirk], 0, 30_000, (now) => {
      dirk.heardAt = now; // Dirk keeps talking
    });
    expect(log).toEqual([
      { at: QUIET_MS, ask: ['carla'], close: [] },
      // Overdue at QUIET_MS + ANSWER_MS; closed at the next check.
      { at: QUIET_MS + ANSWER_MS + 1_000, ask: [], close: ['carla'] },
    ]);
  });

  it('does not close on a late check alone: what waited behind it is read first', () => {
    const liveness = new ConnectionLiveness<Conn>();
    const eva = conn('eva');
    expect(liveness.check([eva], 0)).toEqual({ ask: [], close: [] });
    expect(liveness.check([eva], QUIET_MS).ask).toEqual([eva]);
    // The page froze for a minute; the first check after it finds the answer overdue...
    expect(liveness.check([eva], QUIET_MS + 60_000).close).toEqual([]);
    // ...and Eva's answer, which arrived during the freeze, is read before the next one.
    eva.heardAt = QUIET_MS + 60_000 + 5;
    expect(liveness.check([eva], QUIET_MS + 61_000)).toEqual({ ask: [], close: [] });
  });

  it('counts a connection quiet only from when it was first seen connected', () => {
    const liveness = new ConnectionLiveness<Conn>();
    const frits = { ...conn('frits'), connected: false };
    // Connecting for a long while (the mesh watchdog's business): not asked.
    expect(run(liveness, [frits], 0, 20_000)).toEqual([]);
    frits.connected = true;
    const log = run(liveness, [frits], 21_000, 21_000 + QUIET_MS);
    expect(log).toEqual([{ at: 21_000 + QUIET_MS, ask: ['frits'], close: [] }]);
  });

  it('forgets a connection that closed, and judges its replacement afresh', () => {
    const liveness = new ConnectionLiveness<Conn>();
    const old = conn('gijs');
    liveness.check([old], 0);
    expect(liveness.check([old], QUIET_MS).ask).toEqual([old]);
    old.closed = true;
    expect(liveness.check([old], QUIET_MS + 1_000)).toEqual({ ask: [], close: [] });
    // A new connection to the same peer, quiet since it was made.
    const fresh = conn('gijs', QUIET_MS + 2_000);
    expect(liveness.check([fresh], QUIET_MS + ANSWER_MS + 5_000)).toEqual({
      ask: [],
      close: [],
    });
  });
});
