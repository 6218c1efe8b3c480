import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import type * as Y from 'yjs';
import { Announcer } from '../../../components/common/Announcer';
import { I18nProvider } from '../../../components/common/I18n';
import {
  newItemAnnouncements,
  useNewItemAnnouncements,
} from '../../../components/meeting/useNewItemAnnouncements';
import { translate } from '../../../lib/i18n/messages';
import type { Locale } from '../../../lib/i18n/i18n';
import {
  addAdvice,
  addProposal,
  addQuestion,
  revealPhase,
} from '../../../lib/shared-doc/board-commands';
import { readBoard } from '../../../lib/shared-doc/board-state';
import type { BoardState } from '../../../lib/shared-doc/board-state';
import { readMeeting } from '../../../lib/shared-doc/meeting-state';
import { caseMeetingIn, goTo, member } from '../../lib/helpers/meeting';
import type { TestMember } from '../../lib/helpers/meeting';

afterEach(cleanup);

const anna = member('Anna');
const bram = member('Bram');
const carla = member('Carla');
const dirk = member('Dirk');

const meeting = (methodId: string, activity: string) =>
  caseMeetingIn(anna, bram, activity, { methodId });

function board(doc: Y.Doc, viewer: TestMember): BoardState {
  return readBoard(doc, readMeeting(doc).method, viewer.id);
}

function says(
  before: BoardState,
  now: BoardState,
  viewer: TestMember,
  locale: Locale = 'en',
  doc?: Y.Doc,
) {
  return newItemAnnouncements(
    before,
    now,
    viewer.id,
    (key, ...values) => translate(locale, key, ...values),
    doc ? readMeeting(doc).method.phases : [],
  );
}

describe('what is announced when others add to the board', () => {
  it('names who asked a question, proposed a core question or gave advice', () => {
    const doc = meeting('basic', 'asking');
    const before = board(doc, anna);
    expect(addQuestion(carla.ctx(doc), 'Wat gebeurde er toen?').ok).toBe(true);
    expect(addQuestion(dirk.ctx(doc, 2000), 'Hoe reageerde je?').ok).toBe(true);
    const asked = board(doc, anna);
    expect(says(before, asked, anna)).toEqual([
      'New question from Carla',
      'New question from Dirk',
    ]);
    expect(says(before, asked, anna, 'nl')).toEqual([
      'Nieuwe vraag van Carla',
      'Nieuwe vraag van Dirk',
    ]);

    goTo(doc, anna, 'reformulating');
    const beforeProposal = board(doc, anna);
    expect(addProposal(carla.ctx(doc), 'Hoe blijf ik rustig?').ok).toBe(true);
    expect(says(beforeProposal, board(doc, anna), anna)).toEqual([
      'New proposal for the core question from Carla',
    ]);

    goTo(doc, anna, 'advising');
    const beforeAdvice = board(doc, bram);
    expect(addAdvice(dirk.ctx(doc), 'Plan een vast belmoment.').ok).toBe(true);
    expect(says(beforeAdvice, board(doc, bram), bram)).toEqual(['New advice from Dirk']);
  });

  it("says nothing of the member's own items, nor of what was already there", () => {
    const doc = meeting('basic', 'asking');
    expect(addQuestion(carla.ctx(doc), 'Wat gebeurde er toen?').ok).toBe(true);
    const before = board(doc, carla);
    expect(says(before, before, carla)).toEqual([]);
    expect(addQuestion(carla.ctx(doc), 'Wie was er nog bij?').ok).toBe(true);
    expect(says(before, board(doc, carla), carla)).toEqual([]);
  });

  it('names a first association or a compliment as what it is, not as advice', () => {
    const doc = meeting('balint', 'associations');
    const before = board(doc, bram);
    expect(addAdvice(carla.ctx(doc), 'Een kraan die blijft druppen').ok).toBe(true);
    expect(revealPhase(anna.ctx(doc)).ok).toBe(true);
    expect(says(before, board(doc, bram), bram, 'en', doc)).toEqual(['New association from Carla']);
    expect(says(before, board(doc, bram), bram, 'nl', doc)).toEqual([
      'Nieuwe associatie van Carla',
    ]);
    goTo(doc, anna, 'advice');
    const beforeAdvice = board(doc, bram);
    for (const [i, who] of [carla, dirk, carla, dirk].entries()) {
      expect(addAdvice(who.ctx(doc, 2000 + i), `Advies ${i}`).ok).toBe(true);
    }
    expect(revealPhase(anna.ctx(doc)).ok).toBe(true);
    expect(says(beforeAdvice, board(doc, bram), bram, 'en', doc)).toEqual([
      '4 new pieces of advice',
    ]);

    const complimenting = meeting('solution-focused', 'compliments');
    const none = board(complimenting, bram);
    expect(addAdvice(dirk.ctx(complimenting), 'Je bleef zo rustig').ok).toBe(true);
    expect(says(none, board(complimenting, bram), bram, 'en', complimenting)).toEqual([
      'New compliment from Dirk',
    ]);
  });

  it('counts what a reveal brings at once instead of naming each', () => {
    const doc = meeting('incident', 'asking');
    const texts = ['Een', 'Twee', 'Drie', 'Vier'].map((w) => `${w}: wat zag je toen?`);
    texts.forEach((text, i) => {
      const who = i % 2 === 0 ? carla : dirk;
      expect(addQuestion(who.ctx(doc, 1000 + i), text).ok).toBe(true);
    });
    const hidden = board(doc, bram);
    expect(hidden.questions).toHaveLength(0);
    expect(revealPhase(anna.ctx(doc)).ok).toBe(true);
    expect(says(hidden, board(doc, bram), bram)).toEqual(['4 new questions']);
  });
});

describe('the announcements in a panel', () => {
  function Board({ doc, viewer }: { doc: Y.Doc; viewer: TestMember }) {
    useNewItemAnnouncements(board(doc, viewer), viewer.id, readMeeting(doc).method.phases);
    return null;
  }

  it('reaches the announcer when the board changes, and not for the board it opened with', () => {
    const doc = meeting('basic', 'asking');
    expect(addQuestion(dirk.ctx(doc), 'Al gesteld voordat het paneel openging?').ok).toBe(true);
    const view = () => (
      <I18nProvider locale="en">
        <Announcer>
          <Board doc={doc} viewer={anna} />
        </Announcer>
      </I18nProvider>
    );
    const { rerender } = render(view());
    const region = screen.getByTestId('announcer');
    expect(region.textContent).toBe('');
    act(() => {
      expect(addQuestion(carla.ctx(doc), 'Wat gebeurde er toen?').ok).toBe(true);
    });
    rerender(view());
    expect(region.textContent).toBe('New question from Carla');
  });
});
