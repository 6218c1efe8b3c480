/**
 * `npx tsx bench/refresh-measure.ts [rounds]`: what one GroupSession refresh costs in Node, on a
 * heavy signed meeting, and how much of the snapshot stays the same object (issue 15, point 3).
 *
 * Four members with device keys (signed sessions) on in-memory rooms: Anna chairs, Bram brings
 * the case, Carla and Dirk ask 60 questions (all marked answered) and give 16 pieces of advice
 * (8 starred, in Bram's order). Carla's refresh is timed: after a phase change from the chair
 * (advising <-> the phase after it, delivered, then her next frame), and with nothing changed
 * (what an awareness change costs). Also the parts of a refresh alone: readMeeting, readBoard and
 * comparing two snapshots as JSON strings. Prints JSON; builds nothing, no network.
 */
import { memoryDeviceKey } from '../lib/device/device-key';
import type { GroupSession, GroupSnapshot } from '../lib/connection/group-session';
import {
  addAdvice,
  addPitch,
  addQuestion,
  confirmCase,
  markAnswered,
  orderAdvice,
  starAdvice,
} from '../lib/shared-doc/board-commands';
import { readBoard } from '../lib/shared-doc/board-state';
import { readMeeting } from '../lib/shared-doc/meeting-state';
import type * as Y from 'yjs';
import { SignedGroup } from '../tests/lib/helpers/signed-group';

const SECRET = Uint8Array.from({ length: 16 }, (_, i) => i + 41);

interface Internals {
  refresh(): void;
  meeting: { doc: Y.Doc } | null;
}

function must(result: { ok: boolean }, what: string): void {
  if (!result.ok) throw new Error(`${what} refused: ${JSON.stringify(result)}`);
}

function stats(values: readonly number[]): { p50: number; p95: number; mean: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number): number =>
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  const round = (n: number): number => Math.round(n * 1000) / 1000;
  return {
    p50: round(at(50)),
    p95: round(at(95)),
    mean: round(values.reduce((a, b) => a + b, 0) / values.length),
  };
}

/** How many board rows of `next` are the very object `prev` held (rows React can skip). */
function keptRows(prev: GroupSnapshot, next: GroupSnapshot): { kept: number; rows: number } {
  const rows = (s: GroupSnapshot): readonly object[] => [
    ...(s.board?.questions ?? []),
    ...(s.board?.advice ?? []),
    ...(s.board?.pitches ?? []),
  ];
  const before = new Set(rows(prev));
  const after = rows(next);
  return { kept: after.filter((row) => before.has(row)).length, rows: after.length };
}

async function main(rounds: number): Promise<void> {
  const group = new SignedGroup(SECRET);
  const names = ['Anna', 'Bram', 'Carla', 'Dirk'];
  const devices = await Promise.all(names.map(() => memoryDeviceKey()));
  const sessions: GroupSession[] = [];
  for (const [i, name] of names.entries()) sessions.push(await group.open(name, devices[i]!));
  const [anna, bram, carla, dirk] = sessions as [
    GroupSession,
    GroupSession,
    GroupSession,
    GroupSession,
  ];
  must(await anna.startMeeting('basic'), 'start');
  group.settle();
  await group.letIn(anna, [bram, carla, dirk]);
  must(
    bram.run((ctx) => addPitch(ctx, 'Een ouder die steeds boos belt over het rooster', 'case')),
    'pitch',
  );
  group.settle();
  must(
    anna.run((ctx) => confirmCase(ctx, anna.snapshot().board!.pitches[0]!.id)),
    'confirm',
  );
  group.settle();
  const phases = anna.snapshot().meeting!.method.phases;
  const asking = phases.findIndex((p) => p.activity === 'asking');
  const advising = phases.findIndex((p) => p.activity === 'advising');
  must(anna.goToPhase(asking), 'asking');
  group.settle();
  for (let q = 0; q < 60; q += 1) {
    const asker = q % 2 === 0 ? carla : dirk;
    const text = `Vraag ${q}: wat gebeurde er toen precies?`.padEnd(120, '.');
    must(
      asker.run((ctx) => addQuestion(ctx, text)),
      'question',
    );
    if (q % 10 === 9) group.settle();
  }
  group.settle();
  for (const q of bram.snapshot().board!.questions) {
    must(
      bram.run((ctx) => markAnswered(ctx, q.id, true)),
      'answered',
    );
  }
  group.settle();
  must(anna.goToPhase(advising), 'advising');
  group.settle();
  for (let a = 0; a < 16; a += 1) {
    const adviser = a % 2 === 0 ? carla : dirk;
    const text = `Advies ${a}: plan een vast moment.`.padEnd(200, '.');
    must(
      adviser.run((ctx) => addAdvice(ctx, text)),
      'advice',
    );
  }
  group.settle();
  const advice = bram.snapshot().board!.advice;
  for (const a of advice.slice(0, 8)) {
    must(
      bram.run((ctx) => starAdvice(ctx, a.id, true)),
      'star',
    );
  }
  group.settle();
  must(
    bram.run((ctx) =>
      orderAdvice(
        ctx,
        advice.slice(0, 8).map((a) => a.id),
      ),
    ),
    'order',
  );
  group.settle();
  const board = carla.snapshot().board!;
  if (board.questions.length !== 60 || board.advice.length !== 16) {
    throw new Error(`board incomplete: ${board.questions.length} q, ${board.advice.length} a`);
  }

  // Carla's refresh, timed where the session calls it.
  const inner = carla as unknown as Internals;
  const original = inner.refresh.bind(carla);
  let timing: number[] | null = null;
  inner.refresh = () => {
    const t0 = performance.now();
    original();
    timing?.push(performance.now() - t0);
  };
  let renders = 0;
  carla.subscribe(() => (renders += 1));

  const phaseMs: number[] = [];
  const kept: Array<{ kept: number; rows: number }> = [];
  for (let i = 0; i < rounds + 5; i += 1) {
    must(anna.goToPhase(i % 2 === 0 ? advising + 1 : advising), 'phase change');
    const before = carla.snapshot();
    group.rooms.flush();
    timing = [];
    group.clock.nextFrame();
    if (i >= 5) phaseMs.push(...timing);
    timing = null;
    group.settle();
    if (i >= 5) kept.push(keptRows(before, carla.snapshot()));
  }
  const rendersBefore = renders;
  const idleMs: number[] = [];
  timing = idleMs;
  for (let i = 0; i < rounds; i += 1) inner.refresh();
  timing = null;
  const idleNotified = renders - rendersBefore;

  const doc = inner.meeting!.doc;
  const memberId = carla.snapshot().selfId;
  const meetingMs: number[] = [];
  const boardMs: number[] = [];
  const jsonMs: number[] = [];
  const snapshot = carla.snapshot();
  const copy = { ...snapshot };
  for (let i = 0; i < rounds; i += 1) {
    let t0 = performance.now();
    const meeting = readMeeting(doc);
    meetingMs.push(performance.now() - t0);
    t0 = performance.now();
    readBoard(doc, meeting.method, memberId);
    boardMs.push(performance.now() - t0);
    t0 = performance.now();
    if (JSON.stringify(snapshot) !== JSON.stringify(copy)) throw new Error('unequal');
    jsonMs.push(performance.now() - t0);
  }
  const sum = kept.reduce((a, k) => ({ kept: a.kept + k.kept, rows: a.rows + k.rows }), {
    kept: 0,
    rows: 0,
  });
  console.log(
    JSON.stringify(
      {
        rounds,
        board: { questions: board.questions.length, advice: board.advice.length },
        snapshotJsonKiB: Math.round(JSON.stringify(snapshot).length / 102.4) / 10,
        phaseChangeRefreshMs: stats(phaseMs),
        unchangedRefreshMs: stats(idleMs),
        unchangedRefreshNotified: idleNotified,
        readMeetingMs: stats(meetingMs),
        readBoardMs: stats(boardMs),
        compareAsJsonMs: stats(jsonMs),
        rowsKeptOnPhaseChange: `${sum.kept} of ${sum.rows}`,
      },
      null,
      2,
    ),
  );
  group.dispose();
}

await main(Number(process.argv[2] ?? 200));
process.exit(0);
