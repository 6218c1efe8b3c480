import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import type { ReactNode } from 'react';
import { draftFor, itemDrafts, MEETING_MARK_PHASE } from '../../lib/device/drafts';
import type { DraftField } from '../../lib/device/drafts';
import type { DraftStore } from '../../lib/device/draft-store';

interface DraftPlace {
  readonly store: DraftStore;
  readonly meetingId: string;
}

const DraftContext = createContext<DraftPlace | null>(null);

/**
 * Gives the boards of one meeting the group's draft store (lib/device/draft-store.ts). Without
 * it (a board rendered on its own) a form keeps its text in component state only.
 */
export function DraftProvider({
  store,
  meetingId,
  children,
}: {
  store: DraftStore;
  meetingId: string;
  children: ReactNode;
}) {
  const place = useMemo(() => ({ store, meetingId }), [store, meetingId]);
  return <DraftContext.Provider value={place}>{children}</DraftContext.Provider>;
}

/** A board field's text, kept as a draft of this phase until it is posted. */
export interface Draft {
  readonly text: string;
  /** What the member typed: shown at once, and kept on the device. */
  readonly setText: (text: string) => void;
  /** The text was posted: the draft is gone and the field shows `shown` (by default nothing). */
  readonly clear: (shown?: string) => void;
}

/**
 * The text of a board form, which survives the form unmounting (the chair moved to a phase
 * without it, and back), a reload, and a phase change while the form stays on screen (the text
 * typed stays unless the new phase has a draft of its own: drafts.ts, afterPhaseChange).
 * `initial` is shown while the phase has no draft (the case bringer's saved intentions).
 * `item`: the draft is about one board item (the why of one piece of advice), written in the
 * item's own phase, which stays the same.
 */
export function useDraft(field: DraftField, phaseId: string, initial = '', item?: string): Draft {
  const place = useContext(DraftContext);
  const [text, setLocal] = useState(
    () =>
      (place ? draftFor(place.store.getSnapshot(), place.meetingId, phaseId, field, item) : '') ||
      initial,
  );
  // What the field shows and for which phase, read by the effects below (never during render).
  const latest = useRef(text);
  const shownPhase = useRef(phaseId);
  const show = useCallback((value: string) => {
    latest.current = value;
    setLocal(value);
  }, []);

  useEffect(() => {
    const from = shownPhase.current;
    if (from === phaseId) return;
    shownPhase.current = phaseId;
    const typed = latest.current;
    const next = place
      ? place.store.phaseChanged(place.meetingId, from, phaseId, field, typed)
      : typed;
    show(next || initial);
  }, [place, phaseId, field, initial, show]);

  // Drafts read from storage after the form appeared fill a field that is still empty.
  useEffect(() => {
    if (!place) return undefined;
    return place.store.subscribe(() => {
      if (latest.current !== '') return;
      const snapshot = place.store.getSnapshot();
      const draft = draftFor(snapshot, place.meetingId, shownPhase.current, field, item);
      if (draft !== '') show(draft);
    });
  }, [place, field, item, show]);

  const setText = useCallback(
    (value: string) => {
      show(value);
      place?.store.set(place.meetingId, shownPhase.current, field, value, item);
    },
    [place, field, item, show],
  );
  const clear = useCallback(
    (shown = '') => {
      show(shown);
      place?.store.set(place.meetingId, shownPhase.current, field, '', item);
    },
    [place, field, item, show],
  );
  return { text, setText, clear };
}

const NO_SUBSCRIPTION = () => () => {};

/**
 * What `read` takes from the draft store of the meeting's DraftProvider (null outside one),
 * read again whenever the store changes. `read` must return the same value while nothing changed.
 */
function useFromDraftStore<T>(read: (place: DraftPlace | null) => T): T {
  const place = useContext(DraftContext);
  const subscribe = useMemo(
    () => (place ? (listener: () => void) => place.store.subscribe(listener) : NO_SUBSCRIPTION),
    [place],
  );
  return useSyncExternalStore(subscribe, () => read(place));
}

/**
 * What the member has typed into `field` in `phaseId` and not posted, as the draft store holds
 * it ('' when nothing, or outside a DraftProvider): for what reads a draft without showing its
 * field (the case bringer's take-home takes intentions not yet saved to the board).
 */
export function useStoredDraft(field: DraftField, phaseId: string): string {
  return useFromDraftStore((place) =>
    place ? draftFor(place.store.getSnapshot(), place.meetingId, phaseId, field) : '',
  );
}

const NO_ITEM_DRAFTS: ReadonlyMap<string, string> = new Map();

/**
 * What the member has typed into `field` about each item and not posted, by item ('why': the
 * case bringer's words on why a starred piece of advice fits, by advice id), as the draft store
 * holds it; empty outside a DraftProvider. The take-home takes them, as it takes intentions.
 */
export function useStoredItemDrafts(field: DraftField): ReadonlyMap<string, string> {
  const place = useContext(DraftContext);
  const snapshot = useFromDraftStore((from) => from?.store.getSnapshot() ?? null);
  return useMemo(
    () => (place ? itemDrafts(snapshot, place.meetingId, field) : NO_ITEM_DRAFTS),
    [place, snapshot, field],
  );
}

/** A mark this panel keeps for the whole meeting, beside the drafts (drafts.ts). */
export interface MeetingMark {
  /** Set, as the store holds it now. */
  readonly marked: boolean;
  /** Read at call time (for timers and cleanups, which must not act on a render's value). */
  readonly isMarked: () => boolean;
  readonly set: (on: boolean) => void;
  /** Resolves once the stored drafts (and marks) are read: before acting on the absence of one. */
  readonly loaded: () => Promise<void>;
}

/**
 * A mark for the whole meeting in the draft store ('take-home-removed'), which survives a
 * reload and goes at the end with the drafts. Outside a DraftProvider nothing is kept: never
 * marked, and setting it does nothing.
 */
export function useMeetingMark(field: 'take-home-removed'): MeetingMark {
  const place = useContext(DraftContext);
  const marked = useStoredDraft(field, MEETING_MARK_PHASE) !== '';
  return useMemo(
    () => ({
      marked,
      isMarked: () =>
        place
          ? draftFor(place.store.getSnapshot(), place.meetingId, MEETING_MARK_PHASE, field) !== ''
          : false,
      set: (on: boolean) =>
        place?.store.set(place.meetingId, MEETING_MARK_PHASE, field, on ? 'yes' : ''),
      loaded: () => (place ? place.store.load() : Promise.resolve()),
    }),
    [place, field, marked],
  );
}
