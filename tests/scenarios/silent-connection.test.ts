import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directLinks, hasQuestion, NodeGroup } from '../helpers/node-group';

/**
 * A connection that stays open and carries nothing (seen in a bench run: one writer's channel to
 * one panel, for four minutes). Here every connection the case bringer has goes deaf at once: he
 * reads nothing more from any of them, while they stay open on both sides and he still sends.
 * Nothing else would end them: WebRTC says nothing, pulls go unanswered, and the others keep
 * naming him as reached directly. His rooms must notice (lib/connection/liveness.ts), close those
 * connections and make new ones, and what was written meanwhile must reach him.
 */
describe('a connection that carries nothing', () => {
  let group: NodeGroup;

  beforeAll(async () => {
    group = await NodeGroup.start();
  });

  afterAll(async () => {
    await group?.close();
  });

  it('is closed and made again, and what was written meanwhile arrives', async () => {
    const { chair, bringer, asker } = await group.caseInAnalysis();

    const deafened = await bringer.command({ type: 'go-deaf' });
    // The lobby's and the meeting's connections to Anna and Carla.
    expect(Number(deafened.detail)).toBeGreaterThanOrEqual(4);
    const question = 'Wat deed je toen hij voor de derde keer belde?';
    expect(await asker.command({ type: 'question', text: question })).toEqual({ ok: true });
    await chair.until(hasQuestion(question));

    // Without the check nothing reaches him, ever: no pull is answered on a deaf connection.
    await bringer.until(hasQuestion(question), 60_000);
    // Over new connections, to both: the deaf ones are closed.
    await bringer.until((s) => directLinks(s) === 2, 20_000);
    expect(await bringer.command({ type: 'deaf-open' })).toEqual({ ok: true, detail: '0' });
    const later = 'Wie wist er nog meer van?';
    expect(await asker.command({ type: 'question', text: later })).toEqual({ ok: true });
    await bringer.until(hasQuestion(later), 10_000);
  }, 120_000);
});
