import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as Y from 'yjs';
import { MemberList } from '../../../components/meeting/MemberList';
import { I18nProvider } from '../../../components/common/I18n';
import { takeChair } from '../../../lib/shared-doc/board-commands';
import { member, start } from '../../lib/helpers/meeting';
import { meetingViewOf, spyActions } from '../helpers/meeting-view';

/** Issue 13, point 4, as a member sees it: ignored writes, the chair taken back, fingerprints. */

afterEach(cleanup);

const anna = member('Anna');
const carla = member('Carla');

describe('signed writes in the panel', () => {
  it('shows the chair which changes were ignored and by whom, in both languages', () => {
    const doc = new Y.Doc();
    start(doc, anna);
    const rejected = [
      { memberId: 'xander-00001', name: 'Xander', count: 3 },
      { memberId: null, name: null, count: 1 },
    ];
    render(meetingViewOf(doc, anna, spyActions(), { rejected, timer: null }));
    const list = screen.getByRole('region', { name: 'Ignored changes' });
    expect(within(list).getByText('Xander: 3×')).toBeTruthy();
    expect(within(list).getByText('someone unknown: 1×')).toBeTruthy();
    cleanup();
    render(meetingViewOf(doc, anna, spyActions(), { rejected, timer: null, locale: 'nl' }));
    expect(screen.getByRole('region', { name: 'Genegeerde wijzigingen' })).toBeTruthy();
  });

  it('offers the chair back to a chair whose chair was taken while they were away', async () => {
    const doc = new Y.Doc();
    start(doc, anna);
    expect(takeChair(carla.ctx(doc, 5), false)).toEqual({ ok: true });
    const acts = spyActions();
    render(meetingViewOf(doc, anna, acts, { mayTakeBack: true, timer: null }));
    expect(screen.getByText('Carla took the chair while you were away.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Take the chair back' }));
    expect(acts.takeChairBack).toHaveBeenCalledOnce();
    // Not offered to take the chair as well: taking it back is the one thing to do.
    expect(screen.queryByRole('button', { name: 'Take the chair' })).toBeNull();
  });

  it('tells two members with the same name apart by their key', () => {
    render(
      <I18nProvider locale="en">
        <MemberList
          members={[
            {
              memberId: 'a-000001',
              name: 'Anna',
              role: 'chair',
              isSelf: false,
              fingerprint: '3F9A 11C2',
            },
            {
              memberId: 'x-000001',
              name: 'Anna',
              role: 'member',
              isSelf: false,
              fingerprint: 'B07E 9D41',
            },
            {
              memberId: 'c-000001',
              name: 'Carla',
              role: 'member',
              isSelf: true,
              fingerprint: '1234 ABCD',
            },
          ]}
        />
      </I18nProvider>,
    );
    expect(screen.getByText('key 3F9A 11C2')).toBeTruthy();
    expect(screen.getByText('key B07E 9D41')).toBeTruthy();
    expect(screen.queryByText('key 1234 ABCD')).toBeNull();
  });
});
