import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import * as Y from 'yjs';
import type { MeetingProps } from '../../../components/boards/meeting-props';
import { I18nProvider } from '../../../components/common/I18n';
import { NotebookProvider } from '../../../components/notes/NotebookContext';
import { NotesPane } from '../../../components/notes/NotesPane';
import { LastTakeHome } from '../../../components/meeting/LastTakeHome';
import { TAKE_HOME_KEEP_MS, TakeHome } from '../../../components/notes/TakeHome';
import {
  addAdvice,
  addQuestion,
  explainFit,
  markTried,
  rateQuestion,
  revealPhase,
  setIntentions,
  starAdvice,
} from '../../../lib/shared-doc/board-commands';
import { readBoard } from '../../../lib/shared-doc/board-state';
import { Notebook } from '../../../lib/notebook/notebook';
import { phaseNoteId, takeHomeNoteId } from '../../../lib/notebook/note-ids';
import type { NoteDraft } from '../../../lib/notebook/note-codec';
import { readMeeting } from '../../../lib/shared-doc/meeting-state';
import { caseMeetingIn, goTo, member, start } from '../../lib/helpers/meeting';
import { renderBoard } from '../helpers/render-board';

const anna = member('Anna'); // chair
const bram = member('Bram'); // case bringer
const carla = member('Carla');

const notebooks: Notebook[] = [];
afterEach(() => {
  cleanup();
  for (const notebook of notebooks.splice(0)) notebook.close();
});

let counter = 0;
function freshNotebook(): Notebook {
  counter += 1;
  const notebook = Notebook.open({
    indexedDB: new IDBFactory(),
    IDBKeyRange,
    name: `notes-pane-${counter}`,
  });
  notebooks.push(notebook);
  return notebook;
}

/** A meeting with Bram's case confirmed, moved to the phase with this activity. */
const meeting = (activity: string, methodId = 'basic') =>
  caseMeetingIn(anna, bram, activity, { methodId });

const place = (doc: Y.Doc, meetingId = 'meeting-0002') => ({
  groupId: 'group-000001',
  groupName: 'Team Oost',
  meetingId,
  meeting: readMeeting(doc),
});

function renderPane(notebook: Notebook | null, doc: Y.Doc, locale: 'nl' | 'en' = 'en') {
  return render(
    <I18nProvider locale={locale}>
      <NotebookProvider notebook={notebook}>
        <NotesPane place={place(doc)} role="member" />
      </NotebookProvider>
    </I18nProvider>,
  );
}

describe('the private notes pane', () => {
  it('autosaves the note of the current phase as it is typed, and shows it again later', async () => {
    const notebook = freshNotebook();
    const doc = meeting('asking');
    const first = renderPane(notebook, doc);
    const field = await screen.findByRole('textbox', { name: 'My note for Analysis' });
    await waitFor(() => expect(field.hasAttribute('disabled')).toBe(false));
    // The phase's reflective prompt describes the field.
    expect(field.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(field.getAttribute('aria-describedby')!)?.textContent).toBe(
      'What do I notice in myself?',
    );
    await userEvent.type(field, 'Ik word onrustig van boze ouders');
    await screen.findByText('Saved on this device.');
    const saved = await notebook.get(phaseNoteId('meeting-0002', 'analysis'));
    expect(saved).toMatchObject({
      text: 'Ik word onrustig van boze ouders',
      groupId: 'group-000001',
      meetingId: 'meeting-0002',
      phaseId: 'analysis',
      phaseName: 'Analysis',
      kind: 'note',
    });

    // The panel closes and opens again: the note is still there.
    first.unmount();
    renderPane(notebook, doc);
    await waitFor(() =>
      expect(
        (screen.getByRole('textbox', { name: 'My note for Analysis' }) as HTMLTextAreaElement)
          .value,
      ).toBe('Ik word onrustig van boze ouders'),
    );
  });

  it('keeps a note per phase and lists the earlier ones of this meeting', async () => {
    const notebook = freshNotebook();
    const doc = meeting('asking');
    const analysis = renderPane(notebook, doc);
    const field = await screen.findByRole('textbox', { name: 'My note for Analysis' });
    await waitFor(() => expect(field.hasAttribute('disabled')).toBe(false));
    await userEvent.type(field, 'Eerste indruk');
    await screen.findByText('Saved on this device.');
    analysis.unmount();
    act(() => goTo(doc, anna, 'advising'));
    renderPane(notebook, doc, 'nl');
    const adviceField = await screen.findByRole('textbox', { name: 'Mijn notitie bij Adviesfase' });
    expect((adviceField as HTMLTextAreaElement).value).toBe('');
    await screen.findByText('Eerder in deze bijeenkomst');
    expect(screen.getByText('Eerste indruk')).toBeTruthy();
  });

  it('says so when the browser has no notebook, instead of losing notes', () => {
    renderPane(null, meeting('asking'));
    expect(screen.getByRole('alert').textContent).toMatch(/This browser cannot keep notes/);
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('asks for the passphrase when the notebook is locked, and a wrong one changes nothing', async () => {
    const notebook = freshNotebook();
    expect(await notebook.enableEncryption('lange zin met woorden')).toEqual({ ok: true });
    notebook.lock();
    renderPane(notebook, meeting('asking'));
    const passphrase = await screen.findByLabelText('Passphrase');
    await userEvent.type(passphrase, 'verkeerd');
    await userEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    await screen.findByRole('alert');
    expect(await notebook.encryptionState()).toBe('locked');
    await userEvent.clear(passphrase);
    await userEvent.type(passphrase, 'lange zin met woorden');
    await userEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    await screen.findByRole('textbox', { name: 'My note for Analysis' }, { timeout: 10_000 });
  }, 30_000);
});

describe('a forgotten passphrase', () => {
  it('lets the member start over after confirming, with nothing recovered', async () => {
    const notebook = freshNotebook();
    await notebook.save({
      id: 'n-old-note-01',
      groupId: 'group-000001',
      groupName: 'Team Oost',
      meetingId: 'meeting-0001',
      meetingDate: 1,
      phaseId: 'analysis',
      phaseName: 'Analysis',
      kind: 'note',
      text: 'Oud geheim',
      takeHome: null,
    });
    expect(await notebook.enableEncryption('vergeten zin')).toEqual({ ok: true });
    notebook.lock();
    renderPane(notebook, meeting('asking'));
    await userEvent.click(await screen.findByText('Forgot the passphrase?'));
    await userEvent.click(screen.getByRole('button', { name: 'Delete everything and start over' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, delete everything' }));
    await screen.findByRole('textbox', { name: 'My note for Analysis' });
    expect(await notebook.encryptionState()).toBe('off');
    expect(await notebook.list()).toEqual([]);
  }, 30_000);
});

describe('taking the advice home', () => {
  it('saves all advice with stars, order and intentions into the private notes, in one action', async () => {
    const notebook = freshNotebook();
    const doc = meeting('advising');
    expect(addAdvice(carla.ctx(doc, 2), 'Plan een vast belmoment').ok).toBe(true);
    expect(addAdvice(anna.ctx(doc, 3), 'Vraag een collega mee').ok).toBe(false); // the chair does not advise
    expect(addAdvice(carla.ctx(doc, 4), 'Schrijf op wat je wilt zeggen').ok).toBe(true);
    const [first, second] = readBoard(doc, readMeeting(doc).method, bram.id).advice;
    expect(starAdvice(bram.ctx(doc), second!.id, true).ok).toBe(true);
    // Issue 14, point 4: what the case bringer already tried, and why the chosen advice fits.
    expect(explainFit(bram.ctx(doc), second!.id, 'Dan weet ik wat ik zeg').ok).toBe(true);
    expect(markTried(bram.ctx(doc), first!.id, true).ok).toBe(true);
    const Board = (props: MeetingProps) => (
      <NotebookProvider notebook={notebook}>
        <TakeHome place={place(doc)} board={props.board} />
      </NotebookProvider>
    );
    const panel = renderBoard(Board, doc, bram);
    await panel.user.click(panel.getByRole('button', { name: 'Save the advice in my notes' }));
    await panel.findByText('2 pieces of advice saved in your notes.');
    const note = await notebook.get(takeHomeNoteId('meeting-0002'));
    expect(note?.kind).toBe('take-home');
    expect(note?.takeHome?.advice).toEqual([
      {
        text: second!.text,
        authorName: 'Carla',
        starred: true,
        rank: 1,
        tried: false,
        why: 'Dan weet ik wat ik zeg',
      },
      {
        text: first!.text,
        authorName: 'Carla',
        starred: false,
        rank: null,
        tried: true,
        why: null,
      },
    ]);
  });
});

describe('the take-home kept without the button', () => {
  function advisedMeeting() {
    const doc = meeting('advising');
    expect(addAdvice(carla.ctx(doc, 2), 'Plan een vast belmoment').ok).toBe(true);
    expect(addAdvice(carla.ctx(doc, 3), 'Schrijf op wat je wilt zeggen').ok).toBe(true);
    return doc;
  }

  function renderTakeHome(notebook: Notebook, doc: Y.Doc) {
    const Board = (props: MeetingProps) => (
      <NotebookProvider notebook={notebook}>
        <TakeHome place={place(doc)} board={props.board} />
      </NotebookProvider>
    );
    return renderBoard(Board, doc, bram);
  }

  const starredIn = async (notebook: Notebook) =>
    (await notebook.get(takeHomeNoteId('meeting-0002')))?.takeHome?.advice
      .filter((a) => a.starred)
      .map((a) => a.text) ?? null;

  it('keeps the advice and follows the stars as they change, nothing pressed', async () => {
    const notebook = freshNotebook();
    const doc = advisedMeeting();
    const panel = renderTakeHome(notebook, doc);
    await waitFor(async () => expect(await starredIn(notebook)).toEqual([]));
    const [, second] = readBoard(doc, readMeeting(doc).method, bram.id).advice;
    act(() => {
      expect(starAdvice(bram.ctx(doc), second!.id, true).ok).toBe(true);
    });
    await waitFor(async () =>
      expect(await starredIn(notebook)).toEqual(['Schrijf op wat je wilt zeggen']),
    );
    // Quiet: kept, not announced on every star; the button still says what it kept.
    expect(panel.queryByText(/saved in your notes/)).toBeNull();
  });

  it('keeps a change made just before the view goes (the chair ends the meeting at once)', async () => {
    const notebook = freshNotebook();
    const doc = advisedMeeting();
    renderTakeHome(notebook, doc);
    await waitFor(async () => expect(await starredIn(notebook)).toEqual([]));
    const [first] = readBoard(doc, readMeeting(doc).method, bram.id).advice;
    act(() => {
      expect(starAdvice(bram.ctx(doc), first!.id, true).ok).toBe(true);
    });
    // Gone within the same moment: the meeting view is replaced by the ended view.
    cleanup();
    await waitFor(async () =>
      expect(await starredIn(notebook)).toEqual(['Plan een vast belmoment']),
    );
  });

  it('does not bring back a take-home the case bringer removed from their notes, until asked', async () => {
    const notebook = freshNotebook();
    const doc = advisedMeeting();
    const panel = renderTakeHome(notebook, doc);
    await waitFor(async () => expect(await starredIn(notebook)).toEqual([]));
    // In My notes, while the meeting runs: the bringer deletes the take-home.
    await act(() => notebook.remove(takeHomeNoteId('meeting-0002')));
    expect(await panel.findByText(/You removed this from your notes/)).toBeTruthy();
    const [first] = readBoard(doc, readMeeting(doc).method, bram.id).advice;
    act(() => {
      expect(starAdvice(bram.ctx(doc), first!.id, true).ok).toBe(true);
      expect(addAdvice(carla.ctx(doc, 4), 'Bel op een vast uur').ok).toBe(true);
    });
    await new Promise((resolve) => setTimeout(resolve, TAKE_HOME_KEEP_MS + 200));
    expect(await notebook.get(takeHomeNoteId('meeting-0002'))).toBeNull();
    // The button keeps it again, and from then on it follows the board as before.
    await userEvent.click(panel.getByRole('button', { name: 'Save the advice in my notes' }));
    await waitFor(async () =>
      expect(await starredIn(notebook)).toEqual(['Plan een vast belmoment']),
    );
    expect(panel.queryByText(/You removed this/)).toBeNull();
  });

  it('does not bring it back when the view goes either (the meeting ends)', async () => {
    const notebook = freshNotebook();
    const doc = advisedMeeting();
    renderTakeHome(notebook, doc);
    await waitFor(async () => expect(await starredIn(notebook)).toEqual([]));
    await act(() => notebook.remove(takeHomeNoteId('meeting-0002')));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const [first] = readBoard(doc, readMeeting(doc).method, bram.id).advice;
    act(() => {
      expect(starAdvice(bram.ctx(doc), first!.id, true).ok).toBe(true);
    });
    cleanup();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await notebook.get(takeHomeNoteId('meeting-0002'))).toBeNull();
  });

  it('keeps the case bringer’s own words when there is no advice (the next small step)', async () => {
    const notebook = freshNotebook();
    const doc = meeting('next-step', 'solution-focused');
    renderTakeHome(notebook, doc);
    act(() => {
      expect(setIntentions(bram.ctx(doc), 'Morgen de planning bellen').ok).toBe(true);
    });
    await waitFor(async () =>
      expect((await notebook.get(takeHomeNoteId('meeting-0002')))?.takeHome?.intentions).toBe(
        'Morgen de planning bellen',
      ),
    );
  });

  it('takes compliments home as compliments in the solution-focused method', async () => {
    const notebook = freshNotebook();
    const doc = meeting('compliments', 'solution-focused');
    act(() => {
      expect(addAdvice(carla.ctx(doc), 'Je bleef rustig').ok).toBe(true);
    });
    const panel = renderTakeHome(notebook, doc);
    expect(panel.getByRole('heading', { name: 'Take the compliments home' })).toBeTruthy();
    await userEvent.click(panel.getByRole('button', { name: 'Save the compliments in my notes' }));
    expect(await panel.findByText('1 compliment saved in your notes.')).toBeTruthy();
    const home = (await notebook.get(takeHomeNoteId('meeting-0002')))?.takeHome;
    expect(home?.items).toBe('compliments');
    expect(home?.advice.map((a) => a.text)).toEqual(['Je bleef rustig']);
  });

  it('takes suggestions home as suggestions in the incident method, kept as advice', async () => {
    const notebook = freshNotebook();
    const doc = meeting('suggestions', 'incident');
    act(() => {
      expect(addAdvice(carla.ctx(doc), 'Bel de ouder zelf terug').ok).toBe(true);
      expect(revealPhase(anna.ctx(doc)).ok).toBe(true);
    });
    const panel = renderTakeHome(notebook, doc);
    expect(panel.getByRole('heading', { name: 'Take the suggestions home' })).toBeTruthy();
    expect(panel.queryByText(/advice/i)).toBeNull();
    await userEvent.click(panel.getByRole('button', { name: 'Save the suggestions in my notes' }));
    expect(await panel.findByText('1 suggestion saved in your notes.')).toBeTruthy();
    const home = (await notebook.get(takeHomeNoteId('meeting-0002')))?.takeHome;
    expect(home?.items).toBeUndefined();
    expect(home?.advice.map((a) => a.text)).toEqual(['Bel de ouder zelf terug']);
  });

  it('takes the first associations home apart from the advice in the Balint method', async () => {
    const notebook = freshNotebook();
    const doc = meeting('associations', 'balint');
    act(() => {
      expect(addAdvice(carla.ctx(doc), 'Een kraan die blijft druppen').ok).toBe(true);
      expect(revealPhase(anna.ctx(doc)).ok).toBe(true);
    });
    const panel = renderTakeHome(notebook, doc);
    expect(panel.getByText(/^Your first associations and all advice with your stars/)).toBeTruthy();
    await userEvent.click(panel.getByRole('button', { name: 'Save the advice in my notes' }));
    expect(await panel.findByText('1 association saved in your notes.')).toBeTruthy();
    act(() => {
      goTo(doc, anna, 'advice');
      expect(addAdvice(carla.ctx(doc, 5_000), 'Zet een automatisch antwoord aan').ok).toBe(true);
      expect(revealPhase(anna.ctx(doc)).ok).toBe(true);
    });
    await waitFor(async () => {
      const home = (await notebook.get(takeHomeNoteId('meeting-0002')))?.takeHome;
      expect(home?.associations?.map((a) => a.text)).toEqual(['Een kraan die blijft druppen']);
      expect(home?.advice.map((a) => a.text)).toEqual(['Zet een automatisch antwoord aan']);
    });
  });

  describe('where the case bringer rates the questions', () => {
    /** Questions written blind in `methodId`'s question round and revealed, then rated. */
    function ratedMeeting(methodId: 'socratic' | 'ten-step', ratingPhase: string) {
      const doc = meeting('questions', methodId);
      const dirk = member('Dirk');
      act(() => {
        expect(addQuestion(carla.ctx(doc, 2_000), 'Wanneer lukte het wel?').ok).toBe(true);
        expect(addQuestion(dirk.ctx(doc, 3_000), 'Wat gebeurt er als je ja zegt?').ok).toBe(true);
        expect(addQuestion(carla.ctx(doc, 4_000), 'Wie wil dat je ja zegt?').ok).toBe(true);
        expect(revealPhase(anna.ctx(doc)).ok).toBe(true);
        goTo(doc, anna, ratingPhase);
      });
      return doc;
    }
    const rate = (doc: Y.Doc, ratings: ('warm' | 'neutral' | 'cold')[]) =>
      act(() => {
        const ids = readBoard(doc, readMeeting(doc).method, bram.id).questions.map((q) => q.id);
        ratings.forEach((rating, i) =>
          expect(rateQuestion(bram.ctx(doc), ids[i]!, rating).ok).toBe(true),
        );
      });
    const keptQuestions = async (notebook: Notebook) =>
      (await notebook.get(takeHomeNoteId('meeting-0002')))?.takeHome?.questions?.map((q) => [
        q.rating,
        q.text,
      ]) ?? null;

    it('takes the rated questions home, warm first, in a Socratic meeting, which has no advice round', async () => {
      const notebook = freshNotebook();
      const doc = ratedMeeting('socratic', 'sorting');
      const panel = renderTakeHome(notebook, doc);
      // Nothing rated, nothing to take home yet.
      expect(panel.queryByRole('heading', { name: 'Take the questions home' })).toBeNull();
      rate(doc, ['cold', 'warm']);
      await waitFor(async () =>
        expect(await keptQuestions(notebook)).toEqual([
          ['warm', 'Wat gebeurt er als je ja zegt?'],
          ['cold', 'Wanneer lukte het wel?'],
        ]),
      );
      expect(panel.getByRole('heading', { name: 'Take the questions home' })).toBeTruthy();
      // The answering phase, where the bringer may still change a rating; then the evaluation.
      act(() => goTo(doc, anna, 'answers'));
      rate(doc, ['cold', 'warm', 'neutral']);
      await waitFor(async () => expect(await keptQuestions(notebook)).toHaveLength(3));
      await userEvent.click(panel.getByRole('button', { name: 'Save the questions in my notes' }));
      expect(await panel.findByText('3 questions saved in your notes.')).toBeTruthy();
      const home = (await notebook.get(takeHomeNoteId('meeting-0002')))?.takeHome;
      expect(home?.questions).toEqual([
        { text: 'Wat gebeurt er als je ja zegt?', authorName: 'Dirk', rating: 'warm' },
        { text: 'Wie wil dat je ja zegt?', authorName: 'Carla', rating: 'neutral' },
        { text: 'Wanneer lukte het wel?', authorName: 'Carla', rating: 'cold' },
      ]);
      expect(home?.advice).toEqual([]);
    });

    it('takes the rated questions home with the advice in a ten-step meeting, in Dutch', async () => {
      const notebook = freshNotebook();
      const doc = ratedMeeting('ten-step', 'rating');
      rate(doc, ['neutral', 'warm', 'cold']);
      act(() => {
        goTo(doc, anna, 'advice');
        expect(addAdvice(carla.ctx(doc, 5_000), 'Oefen het nee zeggen met een collega').ok).toBe(
          true,
        );
      });
      const Board = (props: MeetingProps) => (
        <NotebookProvider notebook={notebook}>
          <TakeHome place={place(doc)} board={props.board} />
        </NotebookProvider>
      );
      const panel = renderBoard(Board, doc, bram, 'nl');
      expect(panel.getByRole('heading', { name: 'Vragen en adviezen mee naar huis' })).toBeTruthy();
      await userEvent.click(
        panel.getByRole('button', { name: 'Bewaar de vragen en adviezen in mijn notities' }),
      );
      expect(await panel.findByText('1 advies bewaard in je notities.')).toBeTruthy();
      expect(await keptQuestions(notebook)).toEqual([
        ['warm', 'Wat gebeurt er als je ja zegt?'],
        ['neutral', 'Wanneer lukte het wel?'],
        ['cold', 'Wie wil dat je ja zegt?'],
      ]);
    });
  });

  it('writes nothing while no advice has been given', async () => {
    const notebook = freshNotebook();
    renderTakeHome(notebook, meeting('advising'));
    await new Promise((resolve) => setTimeout(resolve, TAKE_HOME_KEEP_MS + 200));
    expect(await notebook.list()).toEqual([]);
  });
});

describe('the last take-home, seen again at the next meeting', () => {
  const lastTime: NoteDraft = {
    id: 't-meeting-0001',
    groupId: 'group-000001',
    groupName: 'Team Oost',
    meetingId: 'meeting-0001',
    meetingDate: 1,
    phaseId: 'advice',
    phaseName: 'Advice',
    kind: 'take-home',
    text: '',
    takeHome: {
      coreQuestion: 'Hoe blijf ik rustig?',
      caseTitle: null,
      advice: [
        {
          text: 'Plan een vast belmoment',
          authorName: 'Carla',
          starred: true,
          rank: 1,
          tried: false,
          why: null,
        },
        {
          text: 'Bel nooit meer terug',
          authorName: 'Dirk',
          starred: false,
          rank: null,
          tried: false,
          why: null,
        },
      ],
      intentions: 'Ik bel maandag terug.',
    },
  };

  it('shows last time’s case bringer what they took home, and shares only what they tick', async () => {
    const notebook = freshNotebook();
    await notebook.save(lastTime);
    const doc = new Y.Doc();
    start(doc, anna, 'incident'); // opens with a look back
    const Board = (props: MeetingProps) => (
      <NotebookProvider notebook={notebook}>
        <LastTakeHome groupId="group-000001" meetingId="meeting-0002" props={props} />
      </NotebookProvider>
    );
    const panel = renderBoard(Board, doc, bram);
    await panel.findByRole('heading', { name: 'Only you see this: what you took home last time' });
    expect(panel.getByText('What you intended: Ik bel maandag terug.')).toBeTruthy();
    expect(panel.getByText('Starred advice: Plan een vast belmoment')).toBeTruthy();
    expect(panel.queryByText(/Bel nooit meer terug/)).toBeNull();
    // Nothing is shared until the member chooses.
    expect(readBoard(doc, readMeeting(doc).method, anna.id).sharedLookBack).toEqual([]);
    await panel.user.click(panel.getByRole('checkbox', { name: 'Share: Ik bel maandag terug.' }));
    await panel.user.click(panel.getByRole('button', { name: 'Share what I ticked' }));
    const shared = readBoard(doc, readMeeting(doc).method, anna.id).sharedLookBack;
    expect(shared.map((line) => [line.authorName, line.text])).toEqual([
      ['Bram', 'Ik bel maandag terug.'],
    ]);
    expect(JSON.stringify(Y.encodeStateAsUpdate(doc).toString())).not.toContain('belmoment');
  });

  it('reminds the case bringer where they were on the scale, and shares it as a sentence', async () => {
    const notebook = freshNotebook();
    const scaled = {
      ...lastTime.takeHome!,
      advice: [],
      intentions: 'Om acht uur bellen',
      scale: 4,
    };
    await notebook.save({ ...lastTime, takeHome: scaled });
    const doc = new Y.Doc();
    start(doc, anna, 'solution-focused');
    const Board = (props: MeetingProps) => (
      <NotebookProvider notebook={notebook}>
        <LastTakeHome groupId="group-000001" meetingId="meeting-0002" props={props} />
      </NotebookProvider>
    );
    const panel = renderBoard(Board, doc, bram);
    expect(await panel.findByText('Last time you were at 4 of 10.')).toBeTruthy();
    await panel.user.click(
      panel.getByRole('checkbox', { name: 'Share: Last time I was at 4 of 10.' }),
    );
    await panel.user.click(panel.getByRole('button', { name: 'Share what I ticked' }));
    const shared = readBoard(doc, readMeeting(doc).method, anna.id).sharedLookBack;
    expect(shared.map((line) => line.text)).toEqual(['Last time I was at 4 of 10.']);
  });

  it('reminds the case bringer of the questions they called warm (last time a Socratic meeting)', async () => {
    const notebook = freshNotebook();
    await notebook.save({
      ...lastTime,
      takeHome: {
        coreQuestion: null,
        caseTitle: 'Nee zeggen',
        advice: [],
        intentions: '',
        questions: [
          { text: 'Wat gebeurt er als je ja zegt?', authorName: 'Dirk', rating: 'warm' },
          { text: 'Wanneer lukte het wel?', authorName: 'Carla', rating: 'cold' },
        ],
      },
    });
    const doc = new Y.Doc();
    start(doc, anna, 'incident');
    const Board = (props: MeetingProps) => (
      <NotebookProvider notebook={notebook}>
        <LastTakeHome groupId="group-000001" meetingId="meeting-0002" props={props} />
      </NotebookProvider>
    );
    const panel = renderBoard(Board, doc, bram);
    expect(await panel.findByText('Warm question: Wat gebeurt er als je ja zegt?')).toBeTruthy();
    expect(panel.queryByText(/Wanneer lukte het wel/)).toBeNull();
    await panel.user.click(
      panel.getByRole('checkbox', { name: 'Share: Wat gebeurt er als je ja zegt?' }),
    );
    await panel.user.click(panel.getByRole('button', { name: 'Share what I ticked' }));
    const shared = readBoard(doc, readMeeting(doc).method, anna.id).sharedLookBack;
    expect(shared.map((line) => line.text)).toEqual(['Wat gebeurt er als je ja zegt?']);
  });

  it('shows nothing to a member who has no take-home from this group', async () => {
    const notebook = freshNotebook();
    await notebook.save({ ...lastTime, groupId: 'other-group-1' });
    const doc = new Y.Doc();
    start(doc, anna, 'incident');
    // The other group's look back is the positive control: the notebook answers reads in the
    // order asked, so once it shows, this group's read has been answered too.
    const Board = (props: MeetingProps) => (
      <NotebookProvider notebook={notebook}>
        <section aria-label="This group">
          <LastTakeHome groupId="group-000001" meetingId="meeting-0002" props={props} />
        </section>
        <section aria-label="The other group">
          <LastTakeHome groupId="other-group-1" meetingId="meeting-0002" props={props} />
        </section>
      </NotebookProvider>
    );
    const panel = renderBoard(Board, doc, carla);
    const region = (name: string) => within(panel.getByRole('region', { name }));
    await region('The other group').findByRole('heading', {
      name: 'Only you see this: what you took home last time',
    });
    expect(region('This group').queryByRole('heading')).toBeNull();
  });
});
