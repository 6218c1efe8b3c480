import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { InMemoryNetwork } from '../helpers/in-memory-network';
import { fuzzSeeds, seeded } from '../helpers/seeded';
import { goTo, member, start } from '../helpers/meeting';
import type { TestMember } from '../helpers/meeting';
import {
  addAdvice,
  addEvaluation,
  addPitch,
  addQuestion,
  confirmCase,
  markAnswered,
  orderAdvice,
  rateQuestion,
  removeOwnItem,
  scorePitch,
  starAdvice,
  votePitch,
} from '../../../lib/shared-doc/board-commands';
import { readBoard } from '../../../lib/shared-doc/board-state';
import { readMeeting } from '../../../lib/shared-doc/meeting-state';
import { goToPhase } from '../../../lib/shared-doc/meeting-commands';
import type { CommandResult } from '../../../lib/shared-doc/meeting-commands';
import { readTimer } from '../../../lib/shared-doc/timer';

/**
 * What every fuzz run must at least have done (floors a little under the least of 3,000 seeds),
 * so that a change that leaves the fuzz idle, say every command refused, fails instead of passing.
 */
const MIN_APPLIED = 20;
const MIN_DELIVERED = 8;
const MIN_ITEMS = 3;

const chair = member('Anna');
const bringer = member('Bram');
const others = ['Carla', 'Dirk', 'Eva', 'Finn', 'Gert'].map(member);

/** What every replica must agree on, as seen by one neutral viewer. */
function view(doc: Y.Doc) {
  const meeting = readMeeting(doc);
  return {
    meeting,
    board: readBoard(doc, meeting.method, chair.id),
    timer: readTimer(doc),
  };
}

function setUp(members: number): InMemoryNetwork {
  const net = new InMemoryNetwork(members);
  start(net.docs[0]!, chair);
  net.flush();
  return net;
}

/**
 * One fuzz run: members write at random while updates arrive one at a time in random order (as
 * in Yjs' tests) and members drop off and come back; then every replica must hold the same
 * boards, with every item written kept exactly once. A seed that ever fails gets a named test
 * of its own that calls this with it.
 */
function fuzzBoards(seed: number): void {
  const random = seeded(seed * 7919);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  // Four or more: with three, only one member may write questions and advice.
  const size = 4 + Math.floor(random() * 4);
  const net = setUp(size);
  const people: TestMember[] = [chair, bringer, ...others].slice(0, size);
  const docOf = (i: number) => net.docs[i]!;
  addPitch(bringer.ctx(docOf(1)), 'De casus', 'case');
  net.flush();
  confirmCase(chair.ctx(docOf(0)), view(docOf(0)).board.pitches[0]!.id);
  net.flush();
  const offline = new Set<number>();
  const written = new Map<string, number>(); // text -> count written
  const write = (text: string) => written.set(text, (written.get(text) ?? 0) + 1);
  // What the fuzz did, so that a run that did nothing cannot pass.
  let applied = 0;
  let delivered = 0;
  const writers = new Set<number>();
  const ran = (who: number, result: CommandResult): boolean => {
    if (result.ok) {
      applied += 1;
      writers.add(who);
    }
    return result.ok;
  };
  for (let step = 0; step < 250; step++) {
    const who = Math.floor(random() * size);
    const doc = docOf(who);
    const person = people[who]!;
    const ctx = person.ctx(doc, step);
    const roll = random();
    if (roll < 0.06 && !offline.has(who)) {
      net.disconnect(who);
      offline.add(who);
    } else if (roll < 0.12 && offline.has(who)) {
      net.reconnect(who);
      offline.delete(who);
    } else if (roll < 0.18) {
      // The chair moves whoever was drawn: only phase moves open the boards that take items.
      ran(0, goToPhase(docOf(0), chair.id, Math.floor(random() * 5), step));
    } else if (roll < 0.4) {
      const text = `${person.name} ${step}`;
      const kind = readMeeting(doc).phase.activity;
      const result: CommandResult =
        kind === 'pitching'
          ? addPitch(ctx, text, 'case')
          : kind === 'asking'
            ? addQuestion(ctx, text)
            : kind === 'advising'
              ? addAdvice(ctx, text)
              : kind === 'evaluating'
                ? addEvaluation(ctx, 'learning', text)
                : { ok: false, reason: 'not-allowed' };
      if (ran(who, result)) write(text);
    } else if (roll < 0.55) {
      const b = readBoard(doc, readMeeting(doc).method, person.id);
      if (b.questions.length) {
        const rating = pick(['warm', 'neutral', 'cold'] as const);
        ran(who, rateQuestion(ctx, pick(b.questions).id, rating));
      }
      if (b.advice.length) ran(who, starAdvice(ctx, pick(b.advice).id, random() < 0.5));
      if (b.pitches.length) ran(who, votePitch(ctx, pick(b.pitches).id));
    } else if (roll < 0.6) {
      const b = readBoard(doc, readMeeting(doc).method, person.id);
      const mine = b.questions.filter((q) => q.authorId === person.id);
      if (mine.length) {
        const q = pick(mine);
        if (ran(who, removeOwnItem(ctx, 'questions', q.id))) {
          written.set(q.text, (written.get(q.text) ?? 1) - 1);
        }
      }
    }
    // As in Yjs' own fuzz tests: mostly a few updates in random order, rarely everything.
    const delivery = random();
    if (delivery < 0.02) net.flush();
    else if (delivery < 0.7) {
      for (let n = Math.floor(random() * 4); n >= 0; n--) {
        if (net.flushRandomMessage(random)) delivered += 1;
      }
    }
  }
  for (const who of offline) net.reconnect(who);
  net.flush();
  const views = net.docs.map(view);
  for (const v of views) expect(v).toEqual(views[0]);
  // Nothing lost, nothing doubled: every written text appears exactly as often as kept.
  const b = views[0]!.board;
  const items = [...b.pitches, ...b.questions, ...b.advice, ...b.evaluation].filter(
    (item) => item.text !== 'De casus',
  );
  const counted = new Map<string, number>();
  for (const { text } of items) counted.set(text, (counted.get(text) ?? 0) + 1);
  for (const [text, n] of written) expect(counted.get(text) ?? 0, text).toBe(n);
  for (const [text, n] of counted) expect(written.get(text), text).toBe(n);
  // The fuzz did work: many commands ran, on several replicas, over a shuffling network,
  // and what converged holds items by more than one author.
  expect(applied).toBeGreaterThanOrEqual(MIN_APPLIED);
  expect(writers.size).toBeGreaterThan(1);
  expect(delivered).toBeGreaterThanOrEqual(MIN_DELIVERED);
  expect(items.length).toBeGreaterThanOrEqual(MIN_ITEMS);
  expect(new Set(items.map((item) => item.authorId)).size).toBeGreaterThan(1);
}

describe('the boards over an in-memory network', () => {
  it('keeps every pitch and vote when members add them at the same moment', () => {
    const net = setUp(6);
    // Members 1..5 pitch concurrently, before any update is delivered.
    [bringer, ...others.slice(0, 4)].forEach((m, i) =>
      addPitch(m.ctx(net.docs[i + 1]!, 10), `Casus van ${m.name}`, 'case'),
    );
    net.flush();
    const pitches = view(net.docs[0]!).board.pitches;
    expect(pitches).toHaveLength(5);
    // Everyone votes concurrently for Bram's case; three also score it.
    const bramsPitch = pitches.find((p) => p.authorName === 'Bram')!;
    [bringer, ...others.slice(0, 4)].forEach((m, i) =>
      votePitch(m.ctx(net.docs[i + 1]!), bramsPitch.id),
    );
    others
      .slice(0, 3)
      .forEach((m, i) =>
        scorePitch(m.ctx(net.docs[i + 2]!), bramsPitch.id, { emotion: 3, shared: 2, time: 1 }),
      );
    net.flush();
    for (const doc of net.docs) {
      const tally = view(doc).board.pitches.find((p) => p.id === bramsPitch.id)!;
      expect(tally).toMatchObject({ votes: 5, scorers: 3, total: 18 });
    }
  });

  it('keeps every question, rating and piece of advice, none lost or doubled', () => {
    const net = setUp(5);
    const [annaDoc, bramDoc, ...memberDocs] = net.docs;
    addPitch(bringer.ctx(bramDoc!), 'Casus', 'case');
    net.flush();
    confirmCase(chair.ctx(annaDoc!), view(annaDoc!).board.pitches[0]!.id);
    goTo(annaDoc!, chair, 'asking');
    net.flush();
    memberDocs.forEach((doc, i) => {
      addQuestion(others[i]!.ctx(doc, 20 + i), `Vraag A van ${others[i]!.name}`);
      addQuestion(others[i]!.ctx(doc, 30 + i), `Vraag B van ${others[i]!.name}`);
    });
    net.flush();
    const questions = view(annaDoc!).board.questions;
    expect(questions).toHaveLength(6);
    // The bringer rates while a member, offline, adds one more.
    net.disconnect(4);
    addQuestion(others[2]!.ctx(net.docs[4]!, 50), 'Vraag C, offline geschreven');
    questions.forEach((q, i) => {
      markAnswered(bringer.ctx(bramDoc!), q.id, i % 2 === 0);
      rateQuestion(bringer.ctx(bramDoc!), q.id, i % 3 === 0 ? 'warm' : 'neutral');
    });
    net.flush();
    net.reconnect(4);
    net.flush();
    const final = net.docs.map((doc) => view(doc).board.questions);
    for (const list of final) {
      expect(list).toEqual(final[0]);
      expect(list).toHaveLength(7);
      expect(new Set(list.map((q) => q.id)).size).toBe(7);
    }
    // Six questions were rated (0 and 3 warm); the offline one arrived after the rating.
    expect(final[0]!.filter((q) => q.rating === 'warm')).toHaveLength(2);
    expect(final[0]!.filter((q) => q.rating === null)).toHaveLength(1);

    goTo(annaDoc!, chair, 'advising');
    net.flush();
    memberDocs.forEach((doc, i) =>
      addAdvice(others[i]!.ctx(doc, 60 + i), `Advies van ${others[i]!.name}`),
    );
    net.flush();
    const advice = view(bramDoc!).board.advice;
    starAdvice(bringer.ctx(bramDoc!), advice[2]!.id, true);
    orderAdvice(bringer.ctx(bramDoc!), [advice[2]!.id, advice[0]!.id]);
    net.flush();
    for (const doc of net.docs) {
      expect(view(doc).board.advice.map((a) => [a.authorName, a.starred, a.order])).toEqual([
        ['Eva', true, 0],
        ['Carla', false, 1],
        ['Dirk', false, null],
      ]);
    }
  });

  // Seeds 1…40; KRING_FUZZ_SEEDS=N runs seeds 1…N instead (docs/environment.md).
  it.each(fuzzSeeds(40))(
    'converges with nothing lost after random board operations, delivery orders, disconnects and reconnects (seed %i)',
    fuzzBoards,
  );
});
