import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import * as Y from 'yjs';
import { SecondCaseControl } from '../../../components/meeting/SecondCase';
import { EarlierCases } from '../../../components/boards/EarlierCases';
import type { MeetingProps } from '../../../components/boards/meeting-props';
import {
  addAdvice,
  addEvaluation,
  addPitch,
  confirmCase,
  setIntentions,
  setScale,
} from '../../../lib/shared-doc/board-commands';
import { readBoard } from '../../../lib/shared-doc/board-state';
import { readMeeting } from '../../../lib/shared-doc/meeting-state';
import { caseMeetingIn, goTo, member, start } from '../../lib/helpers/meeting';
import { renderBoard } from '../helpers/render-board';

afterEach(cleanup);

/*
 * Issue 14, point 5: "een enkele keer lukt het om er nog een te bespreken". The chair's button
 * opens a second case after the first case's evaluation; the first case's board stays, collapsed.
 */

const anna = member('Anna');
const bram = member('Bram');
const carla = member('Carla');

function ControlAndEarlier(props: MeetingProps) {
  return (
    <>
      <SecondCaseControl {...props} />
      <EarlierCases board={props.board} method={props.meeting.method} />
    </>
  );
}

function meetingInEvaluation(): Y.Doc {
  const doc = new Y.Doc();
  start(doc, anna, 'incident');
  goTo(doc, anna, 'pitching');
  addPitch(bram.ctx(doc), 'De boze vader', 'case');
  addPitch(carla.ctx(doc), 'De stille collega', 'case');
  const pitch = readBoard(doc, readMeeting(doc).method, anna.id).pitches.find(
    (p) => p.authorId === bram.id,
  )!;
  confirmCase(anna.ctx(doc), pitch.id);
  goTo(doc, anna, 'evaluating');
  addEvaluation(carla.ctx(doc), 'learning', 'Goed geluisterd');
  return doc;
}

describe('the second-case control', () => {
  it('lets the chair open a second case by keyboard; the first case stays, collapsed', async () => {
    const doc = meetingInEvaluation();
    const { user } = renderBoard(ControlAndEarlier, doc, anna);
    const button = screen.getByRole('button', { name: 'Open a second case' });
    expect(screen.getByRole('heading', { name: 'One more case?' })).toBeTruthy();
    button.focus();
    await user.keyboard('{Enter}');
    expect(readMeeting(doc).caseNumber).toBe(2);
    expect(readMeeting(doc).phase.activity).toBe('pitching');
    // Only one more: the control is gone, and the first case is a collapsed group above.
    expect(screen.queryByRole('button', { name: 'Open a second case' })).toBeNull();
    const summary = screen.getByText(/^Case 1: De boze vader/);
    expect(summary.closest('details')?.open).toBe(false);
    expect(screen.getByText('Goed geluisterd')).toBeTruthy();
  });

  it('is not offered to a member, nor before the evaluation', () => {
    const doc = meetingInEvaluation();
    renderBoard(ControlAndEarlier, doc, carla);
    expect(screen.queryByRole('button', { name: 'Open a second case' })).toBeNull();
    cleanup();
    goTo(doc, anna, 'reacting');
    renderBoard(ControlAndEarlier, doc, anna);
    expect(screen.queryByRole('button', { name: 'Open a second case' })).toBeNull();
  });

  it('calls the first case’s compliments and next small step what they are (solution-focused)', async () => {
    const doc = caseMeetingIn(anna, bram, 'scaling', {
      methodId: 'solution-focused',
      caseText: 'Rust in de ochtend',
    });
    expect(setScale(bram.ctx(doc), 6).ok).toBe(true);
    goTo(doc, anna, 'next-step');
    expect(setIntentions(bram.ctx(doc), 'Morgen de planner bellen').ok).toBe(true);
    goTo(doc, anna, 'compliments');
    expect(addAdvice(carla.ctx(doc), 'Je bleef rustig').ok).toBe(true);
    goTo(doc, anna, 'evaluating');
    const { user } = renderBoard(ControlAndEarlier, doc, anna);
    await user.click(screen.getByRole('button', { name: 'Open a second case' }));
    expect(screen.getByRole('heading', { name: 'Compliments' })).toBeTruthy();
    expect(screen.getByText('Je bleef rustig')).toBeTruthy();
    expect(
      screen.getByText("The case bringer's next small step: Morgen de planner bellen"),
    ).toBeTruthy();
    expect(screen.getByText('On the scale the case bringer was at 6 of 10')).toBeTruthy();
    expect(screen.queryByText(/advice|will do/i)).toBeNull();
  });

  it('speaks Dutch', () => {
    const doc = meetingInEvaluation();
    renderBoard(ControlAndEarlier, doc, anna, 'nl');
    expect(screen.getByRole('button', { name: 'Open een tweede casus' })).toBeTruthy();
  });
});
