import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addPitch, scorePitch, votePitch } from '../../../lib/shared-doc/board-commands';
import { rankPitches, readBoard, scoreKey } from '../../../lib/shared-doc/board-state';
import type { PitchView } from '../../../lib/shared-doc/board-state';
import { boardMap } from '../../../lib/shared-doc/doc-schema';
import { startMeeting } from '../../../lib/shared-doc/meeting-commands';
import { readMeeting } from '../../../lib/shared-doc/meeting-state';
import { newSessionSigner, put, rejectedWrites } from '../../../lib/shared-doc/signed';
import type { SessionSigner } from '../../../lib/shared-doc/signed';
import { memoryDeviceKey } from '../../../lib/device/device-key';
import { member, start } from '../helpers/meeting';
import { signedPanel, syncDocs } from '../helpers/signed-docs';

/**
 * Issue 14, point 1. The basic model chooses the case "op basis van EGT: bij welke vraag gaat
 * veel Emotie gepaard; welke vraag gaat om Gezamenlijke casuïstiek of welke werkvraag is erg aan
 * een Tijdslimiet gebonden". The group scores; an author does not score their own pitch.
 */
const SOURCE =
  '"op basis van EGT: bij welke vraag gaat veel Emotie gepaard; welke vraag gaat om Gezamenlijke casuïstiek of welke werkvraag is erg aan een Tijdslimiet gebonden"';

const anna = member('Anna'); // chair
const bram = member('Bram');
const carla = member('Carla');
const dirk = member('Dirk');

/** A pitch as the result sees it: name, EGT total, votes, age. */
function pitch(id: string, total: number, votes: number, createdAt = 1): PitchView {
  return {
    id,
    authorId: 'someone-0001',
    authorName: 'Someone',
    text: id,
    kind: 'case',
    createdAt,
    votes,
    egt: { emotion: total, shared: 0, time: 0 },
    total,
    scorers: total > 0 ? 1 : 0,
    myScore: null,
    myVote: false,
  };
}

describe(`choosing the case ${SOURCE}`, () => {
  // [what the row shows, pitches, expected order]
  const rows: ReadonlyArray<readonly [string, PitchView[], string[]]> = [
    [
      'EGT 27 without votes ranks above EGT 0 with one vote (the issue)',
      [pitch('one-vote', 0, 1), pitch('egt-27', 27, 0, 2)],
      ['egt-27', 'one-vote'],
    ],
    [
      'a higher EGT total wins over many votes',
      [pitch('votes', 4, 5), pitch('egt', 5, 0, 2)],
      ['egt', 'votes'],
    ],
    [
      'votes break a tie in EGT',
      [pitch('a', 6, 0), pitch('b', 6, 2, 2), pitch('c', 6, 1, 3)],
      ['b', 'c', 'a'],
    ],
    [
      'with EGT and votes equal, the oldest pitch comes first',
      [pitch('late', 3, 1, 9), pitch('early', 3, 1, 2)],
      ['early', 'late'],
    ],
    [
      'with nothing scored, a vote decides',
      [pitch('quiet', 0, 0), pitch('voted', 0, 1, 2)],
      ['voted', 'quiet'],
    ],
    ['nothing to rank', [], []],
  ];
  it.each(rows)('%s', (_name, pitches, order) => {
    expect(rankPitches(pitches).map((p) => p.id)).toEqual(order);
  });

  it("ranks a meeting's pitches by the EGT the members gave, votes only breaking ties", () => {
    const doc = new Y.Doc();
    start(doc, anna);
    addPitch(bram.ctx(doc, 1), 'Ouder belt boos', 'case');
    addPitch(carla.ctx(doc, 2), 'Omgaan met onzekerheid', 'theme');
    const [bramsPitch, carlasPitch] = readBoard(doc, readMeeting(doc).method, anna.id).pitches;
    // Carla's theme gets a vote; Bram's case gets 27 in EGT (three members, 3+3+3 each).
    expect(votePitch(dirk.ctx(doc), carlasPitch!.id)).toEqual({ ok: true });
    for (const who of [carla, dirk, member('Eva')]) {
      expect(scorePitch(who.ctx(doc), bramsPitch!.id, { emotion: 3, shared: 3, time: 3 })).toEqual({
        ok: true,
      });
    }
    const ranked = rankPitches(readBoard(doc, readMeeting(doc).method, anna.id).pitches);
    expect(ranked.map((p) => [p.text, p.total, p.votes])).toEqual([
      ['Ouder belt boos', 27, 0],
      ['Omgaan met onzekerheid', 0, 1],
    ]);
  });
});

describe('an author does not score their own pitch', () => {
  function withPitches(): { doc: Y.Doc; bramsPitch: string } {
    const doc = new Y.Doc();
    start(doc, anna);
    addPitch(bram.ctx(doc, 1), 'Ouder belt boos', 'case');
    const bramsPitch = readBoard(doc, readMeeting(doc).method, anna.id).pitches[0]!.id;
    return { doc, bramsPitch };
  }
  const tally = (doc: Y.Doc) => readBoard(doc, readMeeting(doc).method, anna.id).pitches[0]!;

  it('refuses the command, scoring or withdrawing, and writes nothing', () => {
    const { doc, bramsPitch } = withPitches();
    const before = Y.encodeStateVector(doc);
    expect(scorePitch(bram.ctx(doc), bramsPitch, { emotion: 3, shared: 3, time: 3 })).toEqual({
      ok: false,
      reason: 'not-allowed',
    });
    expect(scorePitch(bram.ctx(doc), bramsPitch, null)).toEqual({
      ok: false,
      reason: 'not-allowed',
    });
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(boardMap(doc, 'scores').size).toBe(0);
    // Another member may.
    expect(scorePitch(carla.ctx(doc), bramsPitch, { emotion: 1, shared: 2, time: 0 })).toEqual({
      ok: true,
    });
    expect(tally(doc)).toMatchObject({ total: 3, scorers: 1 });
  });

  it("does not count an author's score that a peer wrote past the command", () => {
    const { doc, bramsPitch } = withPitches();
    doc.transact(() => {
      boardMap(doc, 'scores').set(scoreKey(bramsPitch, bram.id), {
        emotion: 3,
        shared: 3,
        time: 3,
      });
    });
    scorePitch(carla.ctx(doc), bramsPitch, { emotion: 1, shared: 0, time: 0 });
    expect(tally(doc)).toMatchObject({ total: 1, scorers: 1, egt: { emotion: 1 } });
    // The author's own view does not show it as theirs either.
    expect(readBoard(doc, readMeeting(doc).method, bram.id).pitches[0]!.myScore).toBeNull();
  });

  it("does not count an author's score that arrived before the pitch itself", () => {
    const doc = new Y.Doc();
    start(doc, anna);
    doc.transact(() => {
      boardMap(doc, 'scores').set(scoreKey('early-pitch', bram.id), {
        emotion: 3,
        shared: 3,
        time: 3,
      });
      boardMap(doc, 'scores').set(scoreKey('early-pitch', carla.id), {
        emotion: 2,
        shared: 0,
        time: 0,
      });
    });
    doc.transact(() => {
      boardMap(doc, 'pitches').set('early-pitch', {
        authorId: bram.id,
        authorName: 'Bram',
        text: 'Ouder belt boos',
        createdAt: 1,
        kind: 'case',
      });
    });
    expect(tally(doc)).toMatchObject({ total: 2, scorers: 1 });
  });
});

describe("a signed reader ignores an author's score of their own pitch", () => {
  const SCOPE = 'meeting-egt-1';
  let signers: Record<'anna' | 'bram' | 'carla', SessionSigner>;

  beforeAll(async () => {
    const make = async (name: string) => newSessionSigner(await memoryDeviceKey(), name);
    const [a, b, c] = await Promise.all(['Anna', 'Bram', 'Carla'].map(make));
    signers = { anna: a!, bram: b!, carla: c! };
  });

  const panel = (signer: SessionSigner): Y.Doc => signedPanel(signer, SCOPE);
  const sync = syncDocs;
  const ctx = (doc: Y.Doc, signer: SessionSigner, now = 1000) => ({
    doc,
    actorId: signer.card.memberId,
    actorName: signer.card.name,
    now,
  });

  it("counts the other members' signed scores and reports the author's as ignored", () => {
    const annaDoc = panel(signers.anna);
    const bramDoc = panel(signers.bram);
    const carlaDoc = panel(signers.carla);
    const docs = [annaDoc, bramDoc, carlaDoc];
    const started = startMeeting(annaDoc, {
      methodId: 'basic',
      chairId: signers.anna.card.memberId,
      chairName: 'Anna',
      groupName: 'Testgroep',
      now: 0,
    });
    expect(started).toEqual({ ok: true });
    sync(docs);
    expect(addPitch(ctx(bramDoc, signers.bram), 'Ouder belt boos', 'case')).toEqual({ ok: true });
    sync(docs);
    const pitchId = readBoard(bramDoc, readMeeting(bramDoc).method, signers.bram.card.memberId)
      .pitches[0]!.id;

    // Bram's panel writes a signed score of his own pitch, past the command.
    bramDoc.transact(() => {
      put(boardMap(bramDoc, 'scores'), scoreKey(pitchId, signers.bram.card.memberId), {
        emotion: 3,
        shared: 3,
        time: 3,
      });
    });
    expect(
      scorePitch(ctx(carlaDoc, signers.carla), pitchId, { emotion: 2, shared: 1, time: 0 }),
    ).toEqual({ ok: true });
    sync(docs);

    const annaBoard = readBoard(annaDoc, readMeeting(annaDoc).method, signers.anna.card.memberId);
    expect(annaBoard.pitches[0]).toMatchObject({ total: 3, scorers: 1 });
    expect(
      rejectedWrites(annaDoc).filter(
        (r) => r.root === 'scores' && r.writerId === signers.bram.card.memberId,
      ),
    ).toHaveLength(1);
  });
});
