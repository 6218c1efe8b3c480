import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as Y from 'yjs';
import { I18nProvider } from '../../../components/common/I18n';
import { AdviceBoard } from '../../../components/boards/AdviceBoard';
import { PitchBoard } from '../../../components/boards/PitchBoard';
import { QuestionBoard } from '../../../components/boards/QuestionBoard';
import { StartMeeting } from '../../../components/meeting/StartMeeting';
import { JoinRequests } from '../../../components/meeting/Admission';
import { ChairControls } from '../../../components/meeting/ChairControls';
import { addAdvice, addPitch } from '../../../lib/shared-doc/board-commands';
import { readBoard } from '../../../lib/shared-doc/board-state';
import { readMeeting } from '../../../lib/shared-doc/meeting-state';
import { goTo, member, start, startWithCase } from '../../lib/helpers/meeting';
import { renderBoard } from '../helpers/render-board';

afterEach(cleanup);

const anna = member('Anna');
const bram = member('Bram');
const carla = member('Carla');

/** A double click as a person makes it: two clicks, the second of detail 2. */
describe('a double click out of habit', () => {
  it('posts a question once and says nothing about an empty question', async () => {
    const doc = new Y.Doc();
    startWithCase(doc, anna, bram);
    goTo(doc, anna, 'asking');
    const panel = renderBoard(QuestionBoard, doc, carla);
    await panel.user.type(
      panel.getByRole('textbox', { name: 'Your question' }),
      'Wat deed je toen?',
    );
    await panel.user.dblClick(panel.getByRole('button', { name: 'Post question' }));
    expect(readBoard(doc, readMeeting(doc).method, carla.id).questions).toHaveLength(1);
    expect(panel.queryAllByRole('alert')).toEqual([]);
    // Two clicks apart still post twice what was typed twice.
    await panel.user.type(panel.getByRole('textbox', { name: 'Your question' }), 'En daarna?');
    await panel.user.click(panel.getByRole('button', { name: 'Post question' }));
    expect(readBoard(doc, readMeeting(doc).method, carla.id).questions).toHaveLength(2);
  });

  it('stars advice, and votes for a pitch, instead of doing and undoing it', async () => {
    const doc = new Y.Doc();
    startWithCase(doc, anna, bram);
    goTo(doc, anna, 'advising');
    act(() => {
      expect(addAdvice(carla.ctx(doc, 5), 'Bel haar terug.').ok).toBe(true);
    });
    const bringer = renderBoard(AdviceBoard, doc, bram);
    const star = bringer.getByRole('button', { name: 'Star: Bel haar terug.' });
    await bringer.user.dblClick(star);
    expect(star.getAttribute('aria-pressed')).toBe('true');
    cleanup();

    const inventory = new Y.Doc();
    start(inventory, anna);
    expect(addPitch(bram.ctx(inventory, 5), 'Werkdruk', 'case').ok).toBe(true);
    const voter = renderBoard(PitchBoard, inventory, carla);
    await voter.user.dblClick(voter.getByRole('button', { name: 'Vote for this: Werkdruk' }));
    expect(voter.getByRole('button', { name: 'Remove my vote: Werkdruk' })).toBeTruthy();
  });

  it('starts one meeting', async () => {
    const onStart = vi.fn();
    render(
      <I18nProvider locale="en">
        <StartMeeting suggestedChair={null} present={5} onStart={onStart} />
      </I18nProvider>,
    );
    await userEvent.dblClick(screen.getByRole('button', { name: 'Start the meeting as chair' }));
    expect(onStart).toHaveBeenCalledOnce();
  });

  it('lets one knocking member in, and pauses the timer without resuming it', async () => {
    const onAdmit = vi.fn();
    const knock = (name: string) => ({
      meetingId: 'meeting-0001',
      memberId: `${name.toLowerCase()}-000000`,
      name,
      fingerprint: '1DF5 8CB6',
    });
    render(
      <I18nProvider locale="en">
        <JoinRequests
          knocks={[knock('Bram'), knock('Carla')]}
          onAdmit={onAdmit}
          onRefuse={() => {}}
        />
      </I18nProvider>,
    );
    await userEvent.dblClick(await screen.findByRole('button', { name: 'Let Bram in' }));
    expect(onAdmit).toHaveBeenCalledExactlyOnceWith('bram-000000');
    cleanup();

    const onTimer = vi.fn();
    render(
      <I18nProvider locale="en">
        <ChairControls
          timer={{
            phaseId: 'analysis',
            durationMs: 600_000,
            elapsedMs: 0,
            runningSince: 1,
            clockOf: 'anna',
          }}
          members={[]}
          caseBringerId={null}
          onTimer={onTimer}
          onHandChair={() => {}}
          onEnd={() => {}}
        />
      </I18nProvider>,
    );
    await userEvent.dblClick(screen.getByRole('button', { name: 'Pause timer' }));
    expect(onTimer).toHaveBeenCalledExactlyOnceWith({ kind: 'pause' });
  });
});
