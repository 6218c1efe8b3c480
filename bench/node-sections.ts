/**
 * The bench sections that run in Node alone (no browser, no baseline of their own):
 * 1. Sync over real WebRTC: eight members as Node processes (real GroupSession, real y-webrtc,
 *    the project's own signaling server): how long until everybody is connected, and how long a
 *    phase change and a pitch take to reach every member (full run only).
 *    The same start is repeated in fresh groups (MESH_ROUNDS) to catch WebRTC attempts that hang
 *    (lib/connection/mesh-watchdog.ts closes them after 8 s so that y-webrtc retries): the slowest
 *    round shows whether one hung and recovered; -1 would mean a member never got the meeting.
 * 2. A heavy meeting in one document (300 pitches, questions, advice and evaluation lines at
 *    their length limits, 2,400 vote toggles from 8 members): its encoded size, how long a fresh
 *    panel takes to load it, and how long one board read takes (runs on every change).
 * 3. The question coach: time per draft (runs on every keystroke).
 * 4. Issue 13's signatures at a late join of a realistic meeting (bench/signed-late-join.ts).
 */
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { createInvite } from '../lib/invite/invite';
import type { NodeMember } from '../tests/helpers/node-member';
import { NodeGroup } from '../tests/helpers/node-group';
import {
  addAdvice,
  addEvaluation,
  addPitch,
  addQuestion,
  votePitch,
} from '../lib/shared-doc/board-commands';
import type { CommandContext } from '../lib/shared-doc/board-commands';
import { readBoard } from '../lib/shared-doc/board-state';
import { goToPhase, startMeeting } from '../lib/shared-doc/meeting-commands';
import { readMeeting } from '../lib/shared-doc/meeting-state';
import { coachQuestion } from '../lib/method/question-coach';
import { LIMITS } from '../lib/util/limits';
import { signedLateJoin } from './signed-late-join';
import { percentile, round } from './report';
import type { Budget } from './report';

const MEMBERS = 8;
const PHASE_CHANGES = 20;
const PITCHES = 10;

/** A figure as a section reports it; the runner adds the section, the load and the verdict. */
export interface Measured {
  readonly id: string;
  readonly name: string;
  readonly value: number | null;
  readonly unit: string;
  readonly method: string;
  readonly baseline?: number | null;
  readonly baselineName?: string;
  readonly budget?: Budget;
  readonly note?: string;
}

export type Add = (figure: Measured) => void;

const SYNC_METHOD =
  "Eight Node member processes (real GroupSession, @roamhq/wrtc, the companion on loopback); time from the command in the bench process to the last member's snapshot.";

/** The benchmark's members: ids and names, the same in every section. */
const MEMBER_IDS = Array.from(
  { length: MEMBERS },
  (_, i) => `member-${String(i).padStart(5, '0')}`,
);
const memberName = (i: number) => `Lid ${i + 1}`;

/** All MEMBERS join one fresh group at the same moment. */
function joinAll(group: NodeGroup): Promise<NodeMember[]> {
  const { secret } = createInvite();
  return Promise.all(MEMBER_IDS.map((id, i) => group.join(secret, id, memberName(i))));
}

export async function syncOverWebRtc(add: Add): Promise<void> {
  const group = await NodeGroup.start();
  try {
    const began = performance.now();
    const joined = await joinAll(group);
    const [chair, ...others] = joined as [NodeMember, ...NodeMember[]];
    await Promise.all(joined.map((m) => m.until((s) => s.members.length === MEMBERS, 60_000)));
    add({
      id: 'node-connect-8',
      name: `${MEMBERS} Node members started and all connected`,
      method: SYNC_METHOD,
      value: Math.round(performance.now() - began),
      unit: 'ms',
    });

    let sentAt = Date.now();
    await chair.command({ type: 'start', methodId: 'basic' });
    const seen = await Promise.all(
      others.map((m) => m.until((s) => s.meeting?.phase.id === 'inventory', 60_000)),
    );
    add({
      id: 'node-start-8',
      name: 'meeting start reaches every Node member',
      method: SYNC_METHOD,
      value: Math.max(...seen) - sentAt,
      unit: 'ms',
    });

    // Every member must also be in the meeting room's presence before we time phase changes.
    await Promise.all(joined.map((m) => m.until((s) => s.members.length === MEMBERS, 60_000)));
    const latencies: number[] = [];
    for (let i = 0; i < PHASE_CHANGES; i += 1) {
      const forward = i % 2 === 0;
      const expected = forward ? 'analysis' : 'inventory';
      sentAt = Date.now();
      await chair.command({ type: forward ? 'next' : 'previous' });
      const times = await Promise.all(
        others.map((m) => m.until((s) => s.meeting?.phase.id === expected)),
      );
      latencies.push(Math.max(...times) - sentAt);
    }
    const p95 = percentile(latencies, 95);
    add({
      id: 'node-phase-8-p50',
      name: `phase change reaches all ${MEMBERS - 1} Node members, median`,
      method: SYNC_METHOD,
      value: percentile(latencies, 50),
      unit: 'ms',
    });
    add({
      id: 'node-phase-8-p95',
      name: `phase change reaches all ${MEMBERS - 1} Node members, p95`,
      value: p95,
      unit: 'ms',
      method: SYNC_METHOD,
      budget: { kind: 'at-most', value: 1000 },
    });

    const pitchLatencies: number[] = [];
    for (let i = 0; i < PITCHES; i += 1) {
      const author = others[i % others.length]!;
      sentAt = Date.now();
      await author.command({ type: 'pitch', text: `Werkvraag nummer ${i + 1}` });
      const times = await Promise.all(
        joined.map((m) => m.until((s) => (s.board?.pitches.length ?? 0) === i + 1)),
      );
      pitchLatencies.push(Math.max(...times) - sentAt);
    }
    add({
      id: 'node-pitch-8-p50',
      name: `a pitch reaches all ${MEMBERS} Node members, median`,
      method: SYNC_METHOD,
      value: percentile(pitchLatencies, 50),
      unit: 'ms',
    });
  } finally {
    await group.close();
  }
}

/** Fresh groups of eight start a meeting at once, again and again: how long until all see it. */
export async function repeatedStarts(add: Add, rounds: number): Promise<void> {
  const times: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const group = await NodeGroup.start();
    try {
      const members = await joinAll(group);
      await Promise.all(members.map((m) => m.until((s) => s.members.length === MEMBERS, 60_000)));
      const sentAt = Date.now();
      await members[0]!.command({ type: 'start', methodId: 'basic' });
      const seen = await Promise.all(
        members.slice(1).map((m) => m.until((s) => s.meeting !== null, 60_000)),
      );
      times.push(Math.max(...seen) - sentAt);
    } catch {
      times.push(-1);
    } finally {
      await group.close();
    }
  }
  add({
    id: 'node-fresh-starts-p50',
    name: `meeting start, ${rounds} fresh groups of ${MEMBERS}, median`,
    method: `${SYNC_METHOD} Repeated in fresh groups to catch WebRTC attempts that hang (-1: a member never got the meeting).`,
    value: percentile(times, 50),
    unit: 'ms',
  });
  const worst = times.includes(-1) ? -1 : Math.max(...times);
  add({
    id: 'node-fresh-starts-max',
    name: `meeting start, ${rounds} fresh groups of ${MEMBERS}, slowest`,
    value: worst < 0 ? null : worst,
    unit: 'ms',
    method: `${SYNC_METHOD} Repeated in fresh groups to catch WebRTC attempts that hang (-1: a member never got the meeting).`,
    budget: { kind: 'at-most', value: 15_000 },
    ...(worst < 0 ? { note: 'a member never got the meeting in one round' } : {}),
  });
}

export function heavyMeeting(add: Add): void {
  const ids = MEMBER_IDS;
  const docs = ids.map(() => new Y.Doc());
  const ctx = (i: number, now = 1): CommandContext => ({
    doc: docs[i]!,
    actorId: ids[i]!,
    actorName: memberName(i),
    now,
  });
  const must = (result: { ok: boolean }) => {
    if (!result.ok) throw new Error(`bench setup failed: ${JSON.stringify(result)}`);
  };
  const sync = () => {
    const merged = Y.mergeUpdates(docs.map((d) => Y.encodeStateAsUpdate(d)));
    for (const doc of docs) Y.applyUpdate(doc, merged);
  };
  must(
    startMeeting(docs[0]!, {
      methodId: 'basic',
      chairId: ids[0]!,
      chairName: memberName(0),
      groupName: 'Benchgroep',
      now: 0,
    }),
  );
  sync();
  const { method } = readMeeting(docs[0]!);
  const goTo = (activity: string) => {
    must(
      goToPhase(
        docs[0]!,
        ids[0]!,
        method.phases.findIndex((p) => p.activity === activity),
        1,
      ),
    );
    sync();
  };
  const text = (n: number, max: number) => `Tekst ${n} `.padEnd(max, 'x');
  const perMember = Math.floor(LIMITS.itemsPerBoard / (MEMBERS - 1));
  // Pitches and votes (members only; the chair guards).
  for (let m = 1; m < MEMBERS; m += 1) {
    for (let k = 0; k < perMember; k += 1) must(addPitch(ctx(m), text(k, LIMITS.pitch), 'case'));
  }
  sync();
  const pitchIds = readBoard(docs[0]!, method, ids[0]!).pitches.map((p) => p.id);
  let toggles = 0;
  for (let round = 0; toggles < 2400; round += 1) {
    for (let m = 1; m < MEMBERS && toggles < 2400; m += 1) {
      must(votePitch(ctx(m), pitchIds[(round * 7 + m) % pitchIds.length] ?? null));
      toggles += 1;
    }
  }
  sync();
  goTo('asking');
  for (let m = 1; m < MEMBERS; m += 1) {
    for (let k = 0; k < perMember; k += 1) must(addQuestion(ctx(m), text(k, LIMITS.question)));
  }
  sync();
  goTo('advising');
  for (let m = 1; m < MEMBERS; m += 1) {
    for (let k = 0; k < perMember; k += 1) must(addAdvice(ctx(m), text(k, LIMITS.advice)));
  }
  sync();
  goTo('evaluating');
  for (let m = 1; m < MEMBERS; m += 1) {
    for (let k = 0; k < perMember; k += 1) {
      must(addEvaluation(ctx(m), 'learning', text(k, LIMITS.evaluation)));
    }
  }
  sync();

  const update = Y.encodeStateAsUpdate(docs[0]!);
  add({
    id: 'heavy-encoded',
    name: 'heavy meeting (limits): encoded document',
    method:
      'A synthetic worst case built with the board commands in plain Y.Docs (300 items at their length limits, 2,400 vote toggles); timed with performance.now() in Node.',
    value: round(update.length / 1024),
    unit: 'KiB',
  });
  const loads: number[] = [];
  for (let i = 0; i < 10; i += 1) {
    const t0 = performance.now();
    Y.applyUpdate(new Y.Doc(), update);
    loads.push(performance.now() - t0);
  }
  add({
    id: 'heavy-load-p50',
    name: 'heavy meeting (limits): Y.applyUpdate into a fresh doc, median',
    method:
      'A synthetic worst case built with the board commands in plain Y.Docs (300 items at their length limits, 2,400 vote toggles); timed with performance.now() in Node.',
    value: round(percentile(loads, 50)),
    unit: 'ms',
  });
  const reads: number[] = [];
  for (let i = 0; i < 30; i += 1) {
    const t0 = performance.now();
    readBoard(docs[3]!, method, ids[3]!);
    reads.push(performance.now() - t0);
  }
  const read = percentile(reads, 50);
  add({
    id: 'heavy-read-p50',
    name: 'heavy meeting (limits): one board read, median',
    value: round(read, 2),
    unit: 'ms',
    method:
      'A synthetic worst case built with the board commands in plain Y.Docs (300 items at their length limits, 2,400 vote toggles); timed with performance.now() in Node.',
    budget: { kind: 'at-most', value: 16 },
  });
}

export function coach(add: Add): void {
  const drafts = [
    'Wat gebeurde er precies toen de moeder binnenkwam?',
    'Heb je al overwogen om het met je leidinggevende te bespreken?',
    "Why didn't you call for backup?",
    'What happened and how did your colleague respond?',
    'Vind je zelf ook niet dat hij te ver ging?',
    'x'.repeat(LIMITS.question),
  ];
  const runs = 20_000;
  const t0 = performance.now();
  for (let i = 0; i < runs; i += 1) coachQuestion(drafts[i % drafts.length]!, 'nl');
  const perDraft = ((performance.now() - t0) * 1000) / runs;
  add({
    id: 'coach-draft',
    name: 'question coach: one draft',
    value: round(perDraft, 1),
    unit: 'µs',
    method: '20,000 drafts of six kinds through coachQuestion in Node; mean per draft.',
    budget: { kind: 'at-most', value: 1000 },
  });
}

/** Issue 13's signatures at a late join (bench/signed-late-join.ts). */
export async function signedJoin(add: Add, runs: number): Promise<void> {
  const result = await signedLateJoin(runs);
  const method =
    'bench/signed-late-join.ts: 8 members with device keys, a case, 60 questions marked answered, 16 advice items (8 starred), all phases, signed; a late joiner applies the encoded document and reads meeting and board in Node, verifying every write. No panel, no network, no rendering.';
  add({
    id: 'realistic-encoded',
    name: 'realistic signed meeting (8 members, 60 questions, 16 advice): encoded',
    value: round(result.encodedBytes / 1024),
    unit: 'KiB',
    method,
    budget: { kind: 'at-most', value: 64 },
  });
  add({
    id: 'late-join-read-p50',
    name: 'late join of that meeting: apply + first read, median (rendering not included)',
    value: round(percentile(result.firstReadMs, 50)),
    unit: 'ms',
    method,
    baseline: round(percentile(result.unsignedReadMs, 50), 2),
    baselineName: 'the same document read without verifying signatures',
    budget: { kind: 'at-most', value: 500 },
    note: 'Issue 15 budgets late join as Join until the board shows in a panel (500 ms); this bench measures the document part only.',
  });
}
