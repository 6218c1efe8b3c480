/**
 * `npm run bench`: the figures behind Kring's performance targets, measured on this machine.
 * Prints a table and writes bench/results.json. Targets are checked here, never in tests.
 *
 * 1. Sync over real WebRTC: eight members as Node processes (real GroupSession, real y-webrtc,
 *    the project's own signaling server): how long until everybody is connected, and how long a
 *    phase change and a pitch take to reach every member (target: a phase change within 1 s).
 *    The same start is repeated in fresh groups (MESH_ROUNDS) to catch WebRTC attempts that hang
 *    (lib/connection/mesh-watchdog.ts closes them after 8 s so that y-webrtc retries): the slowest round
 *    shows whether one hung and recovered; -1 would mean a member never got the meeting.
 * 2. A heavy meeting in one document (300 pitches, questions, advice and evaluation lines at
 *    their length limits, 2,400 vote toggles from 8 members): its encoded size, how long a fresh
 *    panel takes to load it, and how long one board read takes (runs on every change).
 * 3. The question coach: time per draft (runs on every keystroke; target well under 1 ms).
 * 4. The private notebook with a passphrase, on fake-indexeddb (the crypto is Node's real
 *    WebCrypto; IndexedDB itself is faster or slower in a browser): one autosave (runs on every
 *    keystroke) and a search over 1,000 notes (decrypts every note).
 */
import { cpus, totalmem } from 'node:os';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
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
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Notebook } from '../lib/notebook/notebook';
import type { NoteDraft } from '../lib/notebook/note-codec';
import { signedLateJoin } from './signed-late-join';

const MEMBERS = 8;
const PHASE_CHANGES = 20;
const PITCHES = 10;
const MESH_ROUNDS = 8;

interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly target?: string;
  readonly met?: boolean;
}

const figures: Figure[] = [];

function record(figure: Figure): void {
  figures.push(figure);
  const target = figure.target
    ? `  (target ${figure.target}: ${figure.met ? 'met' : 'MISSED'})`
    : '';
  console.log(
    `${figure.name.padEnd(52)} ${String(figure.value).padStart(10)} ${figure.unit}${target}`,
  );
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? NaN;
}

const round = (n: number, digits = 1) => Number(n.toFixed(digits));

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

async function syncOverWebRtc(): Promise<void> {
  const group = await NodeGroup.start();
  try {
    const began = performance.now();
    const joined = await joinAll(group);
    const [chair, ...others] = joined as [NodeMember, ...NodeMember[]];
    await Promise.all(joined.map((m) => m.until((s) => s.members.length === MEMBERS, 60_000)));
    record({
      name: `${MEMBERS} members started and all connected`,
      value: Math.round(performance.now() - began),
      unit: 'ms',
    });

    let sentAt = Date.now();
    await chair.command({ type: 'start', methodId: 'basic' });
    const seen = await Promise.all(
      others.map((m) => m.until((s) => s.meeting?.phase.id === 'inventory', 60_000)),
    );
    record({
      name: 'meeting start reaches every member',
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
    record({
      name: `phase change reaches all ${MEMBERS - 1} members, median`,
      value: percentile(latencies, 50),
      unit: 'ms',
    });
    record({
      name: `phase change reaches all ${MEMBERS - 1} members, p95`,
      value: p95,
      unit: 'ms',
      target: '< 1000 ms',
      met: p95 < 1000,
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
    record({
      name: `a pitch reaches all ${MEMBERS} members, median`,
      value: percentile(pitchLatencies, 50),
      unit: 'ms',
    });
  } finally {
    await group.close();
  }
}

/** Fresh groups of eight start a meeting at once, again and again: how long until all see it. */
async function repeatedStarts(): Promise<void> {
  const times: number[] = [];
  for (let round = 0; round < MESH_ROUNDS; round += 1) {
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
  record({
    name: `meeting start, ${MESH_ROUNDS} fresh groups of ${MEMBERS}, median`,
    value: percentile(times, 50),
    unit: 'ms',
  });
  const worst = times.includes(-1) ? -1 : Math.max(...times);
  record({
    name: `meeting start, ${MESH_ROUNDS} fresh groups of ${MEMBERS}, slowest`,
    value: worst,
    unit: 'ms',
    target: 'every member, < 15000 ms',
    met: worst >= 0 && worst < 15_000,
  });
}

function heavyMeeting(): void {
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
  record({
    name: 'heavy meeting: encoded document',
    value: round(update.length / 1024),
    unit: 'KiB',
  });
  const loads: number[] = [];
  for (let i = 0; i < 10; i += 1) {
    const t0 = performance.now();
    Y.applyUpdate(new Y.Doc(), update);
    loads.push(performance.now() - t0);
  }
  record({
    name: 'heavy meeting: a fresh panel loads it, median',
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
  record({
    name: 'heavy meeting: one board read, median',
    value: round(read, 2),
    unit: 'ms',
    target: '< 16 ms (one frame)',
    met: read < 16,
  });
}

function coach(): void {
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
  record({
    name: 'question coach: one draft',
    value: round(perDraft, 1),
    unit: 'µs',
    target: '< 1000 µs',
    met: perDraft < 1000,
  });
}

async function notebook(): Promise<void> {
  const book = Notebook.open({ indexedDB: new IDBFactory(), IDBKeyRange, name: 'bench' });
  const note = (i: number): NoteDraft => ({
    id: `bench-note-${String(i).padStart(5, '0')}`,
    groupId: 'bench-group-1',
    groupName: 'Benchgroep',
    meetingId: `bench-meeting-${i % 20}`,
    meetingDate: i,
    phaseId: 'analysis',
    phaseName: 'Analyse',
    kind: 'note',
    text: `Notitie ${i}: wat ik bij mezelf merk `.padEnd(600, 'x'),
    takeHome: null,
  });
  if (!(await book.enableEncryption('een lange wachtwoordzin voor de bench')).ok) {
    throw new Error('bench setup: encryption');
  }
  for (let i = 0; i < 1000; i += 1) await book.save(note(i));
  const saves: number[] = [];
  for (let i = 0; i < 50; i += 1) {
    const t0 = performance.now();
    await book.save({ ...note(7), text: `Notitie 7, versie ${i}` });
    saves.push(performance.now() - t0);
  }
  const save = percentile(saves, 50);
  record({
    name: 'encrypted notebook: one autosave, median',
    value: round(save, 2),
    unit: 'ms',
    target: '< 16 ms (one frame)',
    met: save < 16,
  });
  const searches: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const t0 = performance.now();
    await book.search('merk notitie');
    searches.push(performance.now() - t0);
  }
  record({
    name: 'encrypted notebook: search over 1,000 notes, median',
    value: Math.round(percentile(searches, 50)),
    unit: 'ms',
  });
  book.close();
}

/** Issue 13's signatures at a late join (bench/signed-late-join.ts). */
async function signedJoin(): Promise<void> {
  const result = await signedLateJoin();
  record({
    name: 'signed meeting (60 q, 16 advice): encoded',
    value: round(result.encodedBytes / 1024),
    unit: 'KiB',
  });
  const first = percentile(result.firstReadMs, 50);
  record({
    name: 'signed meeting: late joiner applies + first read, median',
    value: round(first),
    unit: 'ms',
    target: '< 500 ms (issue 15: late join, rendering not included)',
    met: first < 500,
  });
  record({
    name: 'same document read unsigned (no verification), median',
    value: round(percentile(result.unsignedReadMs, 50), 2),
    unit: 'ms',
  });
}

async function main(): Promise<void> {
  console.log(`Kring benchmark on ${cpus().length} cores, Node ${process.version}\n`);
  coach();
  heavyMeeting();
  await signedJoin();
  await notebook();
  await syncOverWebRtc();
  await repeatedStarts();
  const out = resolve(import.meta.dirname, 'results.json');
  writeFileSync(
    out,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        cores: cpus().length,
        cpu: cpus()[0]?.model ?? 'unknown',
        memoryGiB: round(totalmem() / 2 ** 30),
        figures,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nwritten to ${out}`);
  if (figures.some((f) => f.met === false)) process.exitCode = 1;
}

await main();
