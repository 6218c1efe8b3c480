import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAdvice,
  addPitch,
  confirmCase,
  explainFit,
  markTried,
  starAdvice,
} from '../../../lib/shared-doc/board-commands';
import type { CommandContext } from '../../../lib/shared-doc/board-commands';
import { readBoard } from '../../../lib/shared-doc/board-state';
import type { Advice } from '../../../lib/shared-doc/board-state';
import { BOARD_ROOTS, boardMap } from '../../../lib/shared-doc/doc-schema';
import type { CommandResult } from '../../../lib/shared-doc/meeting-commands';
import { readMeeting } from '../../../lib/shared-doc/meeting-state';
import { goTo, member, start, startWithCase } from '../helpers/meeting';
import type { TestMember } from '../helpers/meeting';
import { newSessionSigner, put } from '../../../lib/shared-doc/signed';
import type { SessionSigner } from '../../../lib/shared-doc/signed';
import { memoryDeviceKey } from '../../../lib/device/device-key';
import { LIMITS } from '../../../lib/util/limits';
import { signedPanel, syncDocs } from '../helpers/signed-docs';

/**
 * Issue 14, point 4: advice follow-through. The basic model: the case bringer "geeft aan wat
 * hij/zij al gedaan heeft" (says what they already did); and for each chosen piece of advice
 * they say why it fits. Both are the case bringer's marks, in the window of the star.
 */
const SOURCE = '"geeft aan wat hij/zij al gedaan heeft"';

const anna = member('Anna'); // chair
const bram = member('Bram'); // case bringer
const carla = member('Carla');

/** A basic meeting in `phase` with one piece of Carla's advice; returns the doc and its id. */
function withAdvice(phase = 'advising'): { doc: Y.Doc; id: string } {
  const doc = new Y.Doc();
  startWithCase(doc, anna, bram);
  goTo(doc, anna, 'advising');
  expect(addAdvice(carla.ctx(doc), 'Spreek een vast belmoment af')).toEqual({ ok: true });
  if (phase !== 'advising') goTo(doc, anna, phase);
  return { doc, id: advice(doc)[0]!.id };
}

function advice(doc: Y.Doc, viewer: TestMember = carla): readonly Advice[] {
  return readBoard(doc, readMeeting(doc).method, viewer.id).advice;
}

describe(`the case bringer marks advice already tried: ${SOURCE}`, () => {
  // [who, phase, expected result]
  it.each<[string, TestMember, string, CommandResult]>([
    ['the case bringer while advice is given', bram, 'advising', { ok: true }],
    ['the case bringer in the evaluation', bram, 'evaluating', { ok: true }],
    ['not a member who advises', carla, 'advising', { ok: false, reason: 'not-allowed' }],
    ['not the chair', anna, 'advising', { ok: false, reason: 'not-allowed' }],
    [
      'not the case bringer before the advice',
      bram,
      'reformulating',
      { ok: false, reason: 'not-allowed' },
    ],
  ])('is open to %s', (_title, who, phase, expected) => {
    const { doc, id } = withAdvice(phase);
    expect(markTried(who.ctx(doc), id, true)).toEqual(expected);
    expect(advice(doc)[0]!.tried).toBe(expected.ok);
  });

  it('takes the mark back, and keeps the star when it does', () => {
    const { doc, id } = withAdvice();
    expect(starAdvice(bram.ctx(doc), id, true)).toEqual({ ok: true });
    expect(markTried(bram.ctx(doc), id, true)).toEqual({ ok: true });
    expect(advice(doc)[0]).toMatchObject({ tried: true, starred: true });
    expect(markTried(bram.ctx(doc), id, false)).toEqual({ ok: true });
    expect(advice(doc)[0]).toMatchObject({ tried: false, starred: true });
  });

  it('refuses advice that is not on the board', () => {
    const { doc } = withAdvice();
    expect(markTried(bram.ctx(doc), 'nothing-0001', true)).toEqual({
      ok: false,
      reason: 'no-such-item',
    });
  });
});

describe('the case bringer says why a chosen piece of advice fits', () => {
  const starred = (phase = 'advising') => {
    const made = withAdvice(phase);
    expect(starAdvice(bram.ctx(made.doc), made.id, true)).toEqual({ ok: true });
    return made;
  };

  // [what, who, text, expected result, why read back]
  it.each<[string, TestMember, string | null, CommandResult, string | null]>([
    [
      'keeps the words, cleaned',
      bram,
      '  Past bij\r\nmijn team ',
      { ok: true },
      'Past bij\nmijn team',
    ],
    ['takes empty text as no why', bram, '   ', { ok: true }, null],
    ['takes null as no why', bram, null, { ok: true }, null],
    [
      'refuses text over the limit',
      bram,
      'x'.repeat(LIMITS.adviceWhy + 1),
      { ok: false, reason: 'too-long' },
      null,
    ],
    ['refuses a member who advises', carla, 'Past', { ok: false, reason: 'not-allowed' }, null],
    ['refuses the chair', anna, 'Past', { ok: false, reason: 'not-allowed' }, null],
  ])('%s', (_title, who, text, expected, why) => {
    const { doc, id } = starred();
    expect(explainFit(who.ctx(doc), id, text)).toEqual(expected);
    expect(advice(doc)[0]!.why).toBe(why);
  });

  it('takes a why at the limit', () => {
    const { doc, id } = starred();
    const text = 'y'.repeat(LIMITS.adviceWhy);
    expect(explainFit(bram.ctx(doc), id, text)).toEqual({ ok: true });
    expect(advice(doc)[0]!.why).toBe(text);
  });

  it('refuses a why for advice without a star: it was not chosen', () => {
    const { doc, id } = withAdvice();
    expect(explainFit(bram.ctx(doc), id, 'Past')).toEqual({ ok: false, reason: 'not-allowed' });
    expect(advice(doc)[0]!.why).toBeNull();
  });

  it('drops the why with the star, and a new star starts without it', () => {
    const { doc, id } = starred();
    expect(explainFit(bram.ctx(doc), id, 'Past bij mij')).toEqual({ ok: true });
    expect(advice(doc, anna)[0]!.why).toBe('Past bij mij');
    expect(starAdvice(bram.ctx(doc), id, false)).toEqual({ ok: true });
    expect(advice(doc)[0]).toMatchObject({ starred: false, why: null });
    expect(starAdvice(bram.ctx(doc), id, true)).toEqual({ ok: true });
    expect(advice(doc)[0]).toMatchObject({ starred: true, why: null });
  });

  it('reads no why on advice without a star, whatever a mark holds', () => {
    const { doc, id } = withAdvice();
    doc.transact(() => put(boardMap(doc, 'adviceMarks'), id, { starred: false, why: 'los' }));
    expect(advice(doc)[0]!.why).toBeNull();
  });

  it('reads a garbled mark as not tried and without a why', () => {
    const { doc, id } = withAdvice();
    doc.transact(() =>
      put(boardMap(doc, 'adviceMarks'), id, {
        starred: true,
        tried: 'ja',
        why: 'x'.repeat(LIMITS.adviceWhy + 1),
      }),
    );
    expect(advice(doc)[0]).toMatchObject({ starred: true, tried: false, why: null });
  });
});

describe('a signed reader takes "already tried" and why only from the case bringer', () => {
  const SCOPE = 'meeting-follow-1';
  let signers: Record<'anna' | 'bram' | 'carla', SessionSigner>;

  beforeAll(async () => {
    const make = async (name: string) => newSessionSigner(await memoryDeviceKey(), name);
    const [a, b, c] = await Promise.all(['Anna', 'Bram', 'Carla'].map(make));
    signers = { anna: a!, bram: b!, carla: c! };
  });

  const panel = (signer: SessionSigner): Y.Doc => signedPanel(signer, SCOPE);
  const sync = syncDocs;
  const ctx = (doc: Y.Doc, signer: SessionSigner): CommandContext => ({
    doc,
    actorId: signer.card.memberId,
    actorName: signer.card.name,
    now: 1000,
  });
  const as = (signer: SessionSigner): TestMember => ({
    id: signer.card.memberId,
    name: signer.card.name,
    ctx: (doc) => ctx(doc, signer),
  });

  it("ignores a member's forged 'tried' and why, and shows the case bringer's own", () => {
    const annaDoc = panel(signers.anna);
    const bramDoc = panel(signers.bram);
    const carlaDoc = panel(signers.carla);
    const docs = [annaDoc, bramDoc, carlaDoc];
    const chair = as(signers.anna);
    const bringer = as(signers.bram);
    start(annaDoc, chair);
    sync(docs);
    expect(addPitch(ctx(bramDoc, signers.bram), 'Ouder belt boos', 'case')).toEqual({ ok: true });
    sync(docs);
    const pitch = readBoard(annaDoc, readMeeting(annaDoc).method, chair.id).pitches[0]!;
    expect(confirmCase(ctx(annaDoc, signers.anna), pitch.id)).toEqual({ ok: true });
    sync(docs);
    expect(readMeeting(carlaDoc).caseBringerId).toBe(bringer.id);
    goTo(annaDoc, chair, 'advising');
    sync(docs);
    expect(addAdvice(ctx(carlaDoc, signers.carla), 'Bel op een vast moment')).toEqual({ ok: true });
    sync(docs);
    const read = (doc: Y.Doc) => readBoard(doc, readMeeting(doc).method, chair.id).advice[0]!;
    const id = read(annaDoc).id;

    // Carla's panel writes the case bringer's marks past the command, signed with her own key.
    carlaDoc.transact(() =>
      put(boardMap(carlaDoc, 'adviceMarks'), id, { starred: true, tried: true, why: 'Vals' }),
    );
    sync(docs);
    for (const doc of [annaDoc, bramDoc])
      expect(read(doc)).toMatchObject({ starred: false, tried: false, why: null });

    // The case bringer's own marks count, for everyone.
    expect(starAdvice(ctx(bramDoc, signers.bram), id, true)).toEqual({ ok: true });
    expect(markTried(ctx(bramDoc, signers.bram), id, true)).toEqual({ ok: true });
    expect(explainFit(ctx(bramDoc, signers.bram), id, 'Het past bij mijn rooster')).toEqual({
      ok: true,
    });
    sync(docs);
    for (const doc of docs)
      expect(read(doc)).toMatchObject({
        starred: true,
        tried: true,
        why: 'Het past bij mijn rooster',
      });

    // A forged mark written over the case bringer's is refused, theirs stays.
    carlaDoc.transact(() =>
      put(boardMap(carlaDoc, BOARD_ROOTS.adviceMarks), id, {
        starred: true,
        tried: false,
        why: 'Vals',
      }),
    );
    sync(docs);
    for (const doc of [annaDoc, bramDoc])
      expect(read(doc)).toMatchObject({ tried: true, why: 'Het past bij mijn rooster' });
  });
});
