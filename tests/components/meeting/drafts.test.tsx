import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as Y from 'yjs';
import type { MeetingActions } from '../../../components/meeting/MeetingView';
import { DraftProvider } from '../../../components/common/DraftContext';
import { createDraftStore } from '../../../lib/device/draft-store';
import type { DraftStore } from '../../../lib/device/draft-store';
import { draftFor } from '../../../lib/device/drafts';
import { memoryStore } from '../../../lib/device/key-value-store';
import type { KeyValueStore } from '../../../lib/device/key-value-store';
import { readBoard } from '../../../lib/shared-doc/board-state';
import { addAdvice, starAdvice } from '../../../lib/shared-doc/board-commands';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { NotebookProvider } from '../../../components/notes/NotebookContext';
import { Notebook } from '../../../lib/notebook/notebook';
import { takeHomeNoteId } from '../../../lib/notebook/note-ids';
import { TAKE_HOME_KEEP_MS } from '../../../components/notes/TakeHome';
import { goToPhase } from '../../../lib/shared-doc/meeting-commands';
import { readMeeting } from '../../../lib/shared-doc/meeting-state';
import { goTo, member, startWithCase } from '../../lib/helpers/meeting';
import { meetingViewOf, spyActions } from '../helpers/meeting-view';

afterEach(cleanup);

const anna = member('Anna');
const bram = member('Bram');
const carla = member('Carla');
const MEETING = 'meeting-0001';
const SECRET = Uint8Array.from({ length: 16 }, (_, i) => i + 1);
const HALF = 'Wat deed je op het moment dat';

/** Carla's panel on a live document, with the draft store her panel keeps for the group. */
function carlasPanel(doc: Y.Doc, drafts: DraftStore) {
  let clock = 1000;
  const actions: MeetingActions = {
    ...spyActions(),
    run: (command) => command(carla.ctx(doc, clock++)),
  };
  const view = () =>
    meetingViewOf(doc, carla, actions, {
      wrap: (meetingView) => (
        <DraftProvider store={drafts} meetingId={MEETING}>
          {meetingView}
        </DraftProvider>
      ),
    });
  const { rerender, unmount } = render(view());
  return {
    unmount,
    /** The chair moves the meeting; Carla's panel renders what arrived, as it does on an update. */
    chairMovesTo(index: number) {
      act(() => {
        const moved = goToPhase(doc, anna.id, index, 2);
        if (!moved.ok) throw new Error(moved.reason);
        rerender(view());
      });
    },
    refresh() {
      rerender(view());
    },
  };
}

async function drafted(store: KeyValueStore = memoryStore()): Promise<DraftStore> {
  const drafts = createDraftStore(store, SECRET);
  await drafts.load();
  return drafts;
}

/**
 * Bram's meeting view (the case bringer) with a draft store and a notebook of its own.
 * `reloaded` is the same device's panel opened again: a new draft store on the same storage,
 * read as the panel reads it (not awaited first).
 */
async function bringersPanelWithNotes(doc: Y.Doc, notebookName: string) {
  const device = memoryStore();
  const drafts = await drafted(device);
  const notebook = Notebook.open({ indexedDB: new IDBFactory(), IDBKeyRange, name: notebookName });
  const viewWith = (store: DraftStore) =>
    meetingViewOf(doc, bram, spyActions(), {
      wrap: (meetingView) => (
        <NotebookProvider notebook={notebook}>
          <DraftProvider store={store} meetingId={MEETING}>
            {meetingView}
          </DraftProvider>
        </NotebookProvider>
      ),
    });
  return {
    notebook,
    view: () => viewWith(drafts),
    reloaded: async () => {
      await drafts.flush();
      const store = createDraftStore(device, SECRET);
      return () => viewWith(store);
    },
  };
}

const questionField = () => screen.queryByRole('textbox', { name: 'Your question' });

describe('a draft on a board', () => {
  it('survives the chair moving to another phase and back', async () => {
    const doc = new Y.Doc();
    startWithCase(doc, anna, bram);
    goTo(doc, anna, 'asking');
    const panel = carlasPanel(doc, await drafted());
    await userEvent.type(questionField()!, HALF);

    panel.chairMovesTo(2); // Awareness: no questions there
    expect(questionField()).toBeNull();
    panel.chairMovesTo(1); // back to Analysis
    expect(questionField()!).toHaveProperty('value', HALF);
  });

  it('survives the panel being opened again (a reload), from the device', async () => {
    const store = memoryStore();
    const doc = new Y.Doc();
    startWithCase(doc, anna, bram);
    goTo(doc, anna, 'asking');
    const first = await drafted(store);
    const panel = carlasPanel(doc, first);
    await userEvent.type(questionField()!, HALF);
    await first.flush();
    panel.unmount();

    carlasPanel(doc, await drafted(store));
    expect(questionField()!).toHaveProperty('value', HALF);
  });

  it('fills the field when the device answers after the board appeared', async () => {
    const store = memoryStore();
    const first = await drafted(store);
    first.set(MEETING, 'analysis', 'question', HALF);
    await first.flush();
    const doc = new Y.Doc();
    startWithCase(doc, anna, bram);
    goTo(doc, anna, 'asking');
    const late = createDraftStore(store, SECRET);
    carlasPanel(doc, late);
    expect(questionField()!).toHaveProperty('value', '');
    await act(() => late.load());
    expect(questionField()!).toHaveProperty('value', HALF);
  });

  it('stays on screen when the next phase has the same form, and is gone once posted', async () => {
    const doc = new Y.Doc();
    // Solution-focused: three question rounds in a row.
    startWithCase(doc, anna, bram, { methodId: 'solution-focused' });
    goTo(doc, anna, 'asking');
    const first = readMeeting(doc).phaseIndex;
    const drafts = await drafted();
    const panel = carlasPanel(doc, drafts);
    await userEvent.type(questionField()!, HALF);
    panel.chairMovesTo(first + 1);
    expect(questionField()!).toHaveProperty('value', HALF);

    await userEvent.type(questionField()!, ' je boos werd?');
    await userEvent.click(screen.getByRole('button', { name: 'Post question' }));
    expect(questionField()!).toHaveProperty('value', '');
    expect(readBoard(doc, readMeeting(doc).method, carla.id).questions.map((q) => q.text)).toEqual([
      `${HALF} je boos werd?`,
    ]);
    // Nothing of it waits in either phase: going back shows an empty field, not a ghost.
    panel.chairMovesTo(first);
    expect(questionField()!).toHaveProperty('value', '');
    expect(drafts.getSnapshot()).toBeNull();
  });

  it('keeps a draft apart per phase', async () => {
    const doc = new Y.Doc();
    startWithCase(doc, anna, bram, { methodId: 'solution-focused' });
    goTo(doc, anna, 'asking');
    const first = readMeeting(doc).phaseIndex;
    const drafts = await drafted();
    drafts.set(MEETING, readMeeting(doc).method.phases[first + 1]!.id, 'question', 'Eerder');
    const panel = carlasPanel(doc, drafts);
    await userEvent.type(questionField()!, HALF);
    panel.chairMovesTo(first + 1);
    // The next round's own draft comes back; what was typed waits in its own round.
    expect(questionField()!).toHaveProperty('value', 'Eerder');
    panel.chairMovesTo(first);
    expect(questionField()!).toHaveProperty('value', HALF);
    const phaseId = readMeeting(doc).phase.id;
    expect(draftFor(drafts.getSnapshot(), MEETING, phaseId, 'question')).toBe(HALF);
  });

  it("takes the case bringer's intentions typed and not saved to the board home too", async () => {
    const doc = new Y.Doc();
    startWithCase(doc, anna, bram);
    goTo(doc, anna, 'advising');
    expect(addAdvice(carla.ctx(doc, 5), 'Plan een vast belmoment').ok).toBe(true);
    const { notebook, view } = await bringersPanelWithNotes(doc, 'drafts-take-home');
    render(view());
    const TYPED = 'Ik bel haar maandag';
    await userEvent.type(
      screen.getByRole('textbox', { name: 'What I will do with this advice' }),
      TYPED,
    );
    // Not pressed "Save intentions": the board has none, the bringer's notes have them.
    expect(readBoard(doc, readMeeting(doc).method, bram.id).intentions).toBeNull();
    await waitFor(async () =>
      expect((await notebook.get(takeHomeNoteId(MEETING)))?.takeHome?.intentions).toBe(TYPED),
    );
    cleanup();
    notebook.close();
  });

  it('takes why a starred piece of advice fits home while it is typed, and keeps it on the device', async () => {
    const doc = new Y.Doc();
    startWithCase(doc, anna, bram);
    goTo(doc, anna, 'advising');
    expect(addAdvice(carla.ctx(doc, 5), 'Plan een vast belmoment').ok).toBe(true);
    const advice = readBoard(doc, readMeeting(doc).method, bram.id).advice[0]!;
    expect(starAdvice(bram.ctx(doc), advice.id, true).ok).toBe(true);
    const { notebook, view } = await bringersPanelWithNotes(doc, 'drafts-why-home');
    const { unmount } = render(view());
    const TYPED = 'Dan weet ze waar ze aan toe is';
    const why = () => screen.getByRole('textbox', { name: 'Why it fits: Plan een vast belmoment' });
    await userEvent.type(why(), TYPED);
    // Not saved to the board (the field was not left), but in the bringer's notes.
    expect(readBoard(doc, readMeeting(doc).method, bram.id).advice[0]!.why).toBeNull();
    await waitFor(async () =>
      expect((await notebook.get(takeHomeNoteId(MEETING)))?.takeHome?.advice[0]?.why).toBe(TYPED),
    );
    // A reload gives the typed words back.
    unmount();
    render(view());
    expect(why()).toHaveProperty('value', TYPED);
    cleanup();
    notebook.close();
  });

  it('does not write back a take-home the case bringer removed, after a reload either', async () => {
    const doc = new Y.Doc();
    startWithCase(doc, anna, bram);
    goTo(doc, anna, 'advising');
    expect(addAdvice(carla.ctx(doc, 5), 'Plan een vast belmoment').ok).toBe(true);
    const { notebook, view, reloaded } = await bringersPanelWithNotes(doc, 'drafts-removed-home');
    const kept = () => notebook.get(takeHomeNoteId(MEETING));
    const { unmount } = render(view());
    await waitFor(async () => expect(await kept()).not.toBeNull());
    // In My notes, the bringer deletes it; then the panel is opened again.
    await act(() => notebook.remove(takeHomeNoteId(MEETING)));
    expect(await screen.findByText(/You removed this from your notes/)).toBeTruthy();
    unmount();
    const reloadedView = await reloaded();
    const again = render(reloadedView());
    const advice = readBoard(doc, readMeeting(doc).method, bram.id).advice[0]!;
    act(() => {
      expect(starAdvice(bram.ctx(doc), advice.id, true).ok).toBe(true);
      again.rerender(reloadedView());
    });
    await new Promise((resolve) => setTimeout(resolve, TAKE_HOME_KEEP_MS + 300));
    expect(await kept()).toBeNull();
    expect(screen.getByText(/You removed this from your notes/)).toBeTruthy();
    // The button still keeps it.
    await userEvent.click(screen.getByRole('button', { name: 'Save the advice in my notes' }));
    await waitFor(async () => expect((await kept())?.takeHome?.advice[0]?.starred).toBe(true));
    cleanup();
    notebook.close();
  });
});
