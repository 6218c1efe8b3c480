import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInvite } from '../../lib/invite/invite';
import type { GroupSnapshot } from '../../lib/connection/group-session';
import { NodeGroup } from '../helpers/node-group';
import type { NodeMember } from '../helpers/node-member';
import { HostileMember } from '../helpers/hostile-member';
import { MEETING_ROOTS } from '../helpers/garbage';

/** How long the hostile peer writes garbage (issue 10, point 5: "for 30 s"). */
const FLOOD_MS = 30_000;
/** The honest work stops this long before the flood, which garbles every progress key last. */
const QUIET_BEFORE_END_MS = 4_000;
/** The phases the chair moves among once the flood has begun: never the first one. */
const PHASES_IN_PLAY: ReadonlySet<number> = new Set([1, 2, 3]);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What must be the same on every honest panel: the meeting, its timer and the questions. */
function shared(snapshot: GroupSnapshot | null) {
  return {
    meeting: snapshot?.meeting,
    timer: snapshot?.timer,
    questions: snapshot?.board?.questions,
  };
}

/**
 * Real members as Node processes over real WebRTC through the real companion, and a hostile
 * one: it has the group's secret, joins the meeting's room like any member, shows no presence,
 * and for 30 s writes raw Yjs garbage into every root of the meeting's document (random keys
 * and values, wrong types, huge strings, hundreds of keys at once, every progress key), while
 * the chair moves the phase and members ask questions.
 */
describe('a hostile peer writes garbage into every root for 30 s while honest members work', () => {
  let group: NodeGroup;
  let hostile: HostileMember | null = null;

  beforeAll(async () => {
    group = await NodeGroup.start();
  });

  afterAll(async () => {
    await hostile?.close();
    await group?.close();
  });

  it('leaves every honest member, and one who joins after, on the phase the chair chose, with every question and no junk', async () => {
    const { secret } = createInvite();
    const [chair, bram, carla] = await Promise.all([
      group.join(secret, 'anna-000001', 'Anna'),
      group.join(secret, 'bram-000002', 'Bram'),
      group.join(secret, 'carla-00003', 'Carla'),
    ]);
    const honest: readonly NodeMember[] = [chair!, bram!, carla!];
    const askers: readonly NodeMember[] = [bram!, carla!];
    await chair!.until((s) => s.members.length === 3);
    expect(await chair!.command({ type: 'start', methodId: 'basic' })).toEqual({ ok: true });
    await Promise.all(askers.map((m) => m.until((s) => s.meeting?.phase.id === 'inventory')));
    // Into the questions before the flood: from here on a panel showing the first phase has
    // read garbage as a phase.
    expect(await chair!.command({ type: 'next' })).toEqual({ ok: true });
    await Promise.all(honest.map((m) => m.until((s) => s.meeting?.phaseIndex === 1)));

    hostile = await HostileMember.join(secret, group.url);
    await hostile.findMeeting();
    const floodEnds = Date.now() + FLOOD_MS;
    const flooding = hostile.flood(FLOOD_MS, { everyMs: 100, seed: 10 });

    // While the flood runs, every panel shows only what the honest members did.
    const written = new Set<string>();
    const misreads: string[] = [];
    const sampler = setInterval(() => {
      honest.forEach((member, i) => {
        const s = member.snapshot();
        const index = s?.meeting?.phaseIndex ?? -1;
        const texts = s?.board?.questions.map((q) => q.text) ?? [];
        if (!PHASES_IN_PLAY.has(index)) misreads.push(`member ${i} showed phase ${index}`);
        if (s?.meeting?.chairId !== chair!.id) misreads.push(`member ${i} lost the chair`);
        for (const text of texts) {
          if (!written.has(text)) misreads.push(`member ${i} showed "${text.slice(0, 40)}"`);
        }
        if ((s?.board?.pitches.length ?? 0) + (s?.board?.advice.length ?? 0) > 0) {
          misreads.push(`member ${i} showed junk items`);
        }
      });
    }, 250);

    // The chair goes on and back among phases 1 to 3; in the questions, members ask.
    const plan = ['next', 'next', 'previous', 'previous'] as const;
    let phase = 1;
    let round = 0;
    while (Date.now() < floodEnds - QUIET_BEFORE_END_MS) {
      if (phase === 1) {
        for (const [asker, name] of [
          [bram!, 'Bram'],
          [carla!, 'Carla'],
        ] as const) {
          await asker.until((s) => s.meeting?.phaseIndex === 1);
          const text = `Vraag ${round} van ${name}`;
          // Known before it can show up anywhere, so the sampler never takes it for junk.
          written.add(text);
          expect(await asker.command({ type: 'question', text })).toEqual({ ok: true });
        }
      }
      const move = plan[round % plan.length]!;
      expect(await chair!.command({ type: move })).toEqual({ ok: true });
      phase += move === 'next' ? 1 : -1;
      await chair!.until((s) => s.meeting?.phaseIndex === phase);
      round += 1;
      await sleep(800);
    }
    const lastMove = phase;

    const report = await flooding;
    clearInterval(sampler);

    // Every honest panel converges on the chair's last move and every question, and nothing else.
    await Promise.all(
      honest.map((member) =>
        member.until(
          (s) =>
            s.meeting?.phaseIndex === lastMove &&
            s.board?.questions.length === written.size &&
            s.timer?.phaseId === s.meeting.phase.id,
          30_000,
        ),
      ),
    );
    // A member who joins after the flood never saw a valid value the hostile overwrote last:
    // the chair's panel wrote its values back, so it reads the same.
    const dirk = await group.join(secret, 'dirk-000004', 'Dirk');
    await dirk.until(
      (s) => s.meeting?.phaseIndex === lastMove && s.board?.questions.length === written.size,
      30_000,
    );
    // Settled: the same a moment later (no write-back war with the chair's panel).
    await sleep(1_000);
    const views = [...honest, dirk].map((m) => shared(m.snapshot()));
    for (const view of views) expect(view).toEqual(views[0]);
    const [seen] = honest.map((m) => m.snapshot()!);
    expect(seen!.meeting).toMatchObject({ phaseIndex: lastMove, chairId: chair!.id });
    expect(new Set(seen!.board!.questions.map((q) => q.text))).toEqual(written);
    expect(seen!.board).toMatchObject({
      pitches: [],
      advice: [],
      proposals: [],
      evaluation: [],
      coreQuestion: null,
      intentions: null,
    });
    expect(seen!.ended).toBeNull();
    expect(misreads).toEqual([]);
    for (const member of [...honest, dirk]) expect(member.errors).toEqual([]);

    // The hostile did its work: thousands of entries in every root, the progress garbled.
    expect(report.entries).toBeGreaterThan(1_000);
    expect(report.roots).toEqual([...MEETING_ROOTS].sort());
    expect(report.progressWrites).toBeGreaterThan(200);
    expect(written.size).toBeGreaterThanOrEqual(4);
    expect(round).toBeGreaterThanOrEqual(8);
  }, 150_000);
});
