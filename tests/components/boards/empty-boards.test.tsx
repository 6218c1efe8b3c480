import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/react';
import type { ComponentType } from 'react';
import * as Y from 'yjs';
import { AdviceBoard } from '../../../components/boards/AdviceBoard';
import type { MeetingProps } from '../../../components/boards/meeting-props';
import { PitchBoard } from '../../../components/boards/PitchBoard';
import { QuestionBoard } from '../../../components/boards/QuestionBoard';
import { ReformulationBoard } from '../../../components/boards/ReformulationBoard';
import { goTo, member, start, startWithCase } from '../../lib/helpers/meeting';
import { renderPanels } from '../helpers/render-board';

afterEach(cleanup);

const anna = member('Anna');
const bram = member('Bram');
const carla = member('Carla');

/** Anna chairs; Bram brings the case (unless the meeting is still choosing one); Carla asks. */
function meeting(activity: string): Y.Doc {
  const doc = new Y.Doc();
  if (activity === 'pitching') start(doc, anna);
  else {
    startWithCase(doc, anna, bram);
    goTo(doc, anna, activity);
  }
  return doc;
}

describe('an empty board says what to do, to each role', () => {
  it.each<[string, string, ComponentType<MeetingProps>, Record<string, string>]>([
    [
      'questions',
      'asking',
      QuestionBoard,
      {
        Anna: 'No questions yet. The members write them here.',
        Bram: 'No questions yet. The members write their questions to you here; you answer them aloud.',
        Carla: 'No questions yet. Write the first one.',
      },
    ],
    [
      'proposals',
      'reformulating',
      ReformulationBoard,
      {
        Anna: 'No proposals yet. The members write them here.',
        Bram: 'No proposals yet. The members word the core question; you choose one or write your own.',
        Carla: 'No proposals yet. Write the first wording of the core question.',
      },
    ],
    [
      'advice',
      'advising',
      AdviceBoard,
      {
        Anna: 'No advice yet. The members write it here.',
        Bram: 'No advice yet. Listen; the advice appears here for you to weigh.',
        Carla: 'No advice yet. Write the first.',
      },
    ],
  ])('on the %s board', (_, activity, Board, expected) => {
    const panelOf = renderPanels(Board, meeting(activity), [anna, bram, carla]);
    for (const who of [anna, bram, carla]) {
      expect(panelOf(who).getByText(expected[who.name] ?? '(no text)')).toBeTruthy();
    }
  });

  it('on the work questions board, before anyone brings a case', () => {
    const panelOf = renderPanels(PitchBoard, meeting('pitching'), [anna, carla]);
    expect(
      panelOf(carla).getByText(
        'No work questions yet. Write the first: what are you struggling with at work?',
      ),
    ).toBeTruthy();
    expect(
      panelOf(anna).getByText(
        'No work questions yet. The members write them here; then the chair confirms the case.',
      ),
    ).toBeTruthy();
  });
});
