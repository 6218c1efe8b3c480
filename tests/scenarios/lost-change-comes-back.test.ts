import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directLinks, hasQuestion, NodeGroup } from '../helpers/node-group';

/**
 * A change goes to each member by one path (the writer names whom it sent it to, and nobody
 * passes it on to them again). Seen once in CI: the case bringer never got a question that the
 * chair and its author had, while his connection to its author stayed open. Here the case
 * bringer's panel drops every change that arrives, as a data channel that died without closing
 * would, while the other two go on; once his channels carry changes again, what he lost must
 * come to him by itself (lib/connection/pull-sync.ts), from whichever member holds it.
 */
describe('a change lost on its way to one member', () => {
  let group: NodeGroup;

  beforeAll(async () => {
    group = await NodeGroup.start();
  });

  afterAll(async () => {
    await group?.close();
  });

  it('reaches that member later all the same, without a reconnect', async () => {
    const { chair, bringer, asker } = await group.caseInAnalysis();

    expect(await bringer.command({ type: 'miss-changes' })).toEqual({ ok: true });
    const first = 'Wat deed je toen hij voor de derde keer belde?';
    const second = 'Wie wist er nog meer van?';
    expect(await asker.command({ type: 'question', text: first })).toEqual({ ok: true });
    expect(await asker.command({ type: 'question', text: second })).toEqual({ ok: true });
    await chair.until(hasQuestion(second));
    const dropped = await bringer.command({ type: 'missed' });
    // The questions did come to his panel, and were lost there: at least one (the chair having
    // the second does not mean it had reached him yet; one still on its way is read as usual).
    expect(Number(dropped.detail)).toBeGreaterThanOrEqual(1);

    await bringer.until((s) => hasQuestion(first)(s) && hasQuestion(second)(s), 20_000);
    // His connections to both stayed up all along.
    expect(directLinks(bringer.snapshot()!)).toBe(2);
    expect(bringer.snapshot()!.board?.questions.map((q) => q.authorName)).toEqual([
      'Carla',
      'Carla',
    ]);
  });
});
