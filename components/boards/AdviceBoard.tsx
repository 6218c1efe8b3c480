import { memo, useCallback, useId, useMemo, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { isBlindNow } from '../../lib/shared-doc/board-state';
import type { Advice } from '../../lib/shared-doc/board-state';
import {
  addAdvice,
  explainFit,
  markTried,
  orderAdvice,
  removeOwnItem,
  revealPhase,
  setIntentions,
  starAdvice,
} from '../../lib/shared-doc/board-commands';
import { LIMITS } from '../../lib/util/limits';
import type { CommandContext } from '../../lib/shared-doc/board-commands';
import type { CommandResult } from '../../lib/shared-doc/meeting-commands';
import { mayDo } from '../../lib/method/roles';
import type { Phase } from '../../lib/method/method';
import { intentionTexts, itemTexts } from '../../lib/method/board-words';
import type { IntentionTexts, ItemTexts } from '../../lib/method/board-words';
import type { MeetingProps, Run } from './meeting-props';
import { useBoardCommand } from './useBoardCommand';
import { useItemNames } from './item-names';
import { useDraft } from '../common/DraftContext';
import { useI18n } from '../common/I18n';
import { once, SUBMIT_ONCE } from '../common/repeat-click';
import { LiveRegion } from '../common/LiveRegion';
import { PRIVATE_TEXT } from '../common/private-text';

/**
 * The advice round ('advising') and the case bringer's reaction to it ('reacting'): members
 * write advice, in blind phases hidden from each other until the chair reveals it; the case
 * bringer stars what fits, puts the starred advice in order and says what they will do with it.
 * After the basic model, the case bringer also "geeft aan wat hij/zij al gedaan heeft": they tick
 * advice they already tried, and say why each starred piece fits; everyone sees both.
 *
 * Not every method's items are advice (Phase.items): the Balint method's first associations and
 * the solution-focused compliments are called what they are and are not weighed (no star, order,
 * "already tried" or "why"). Nor are the case bringer's intentions always about advice
 * (Method.intentions): in a reacting phase with no advice round before it (the solution-focused
 * next small step, the gossip method's reaction) the board is only the case bringer's own words.
 */
export function AdviceBoard({ meeting, board, role, members, selfId, run }: MeetingProps) {
  const { t, locale } = useI18n();
  const { act, error } = useBoardCommand(run);
  const headingId = useId();
  const activity = meeting.phase.activity;
  const blindNow = isBlindNow(meeting.phase, board);
  const canStar = mayDo('star', role, activity);
  // A group smaller than its method needs: the chair advises too (lib/method/roles.ts chairJoinsIn).
  const canAdvise = mayDo('advise', role, activity, { chairJoinsIn: meeting.chairJoinsIn });
  // Kept the same while the advice is (shared snapshots): the rows' callbacks stay the same too.
  const starred = useMemo(() => board.advice.filter((a) => a.starred), [board.advice]);
  const named = useItemNames(board.advice);
  // Each item says its phase when the list holds more than one kind (the Balint method's first
  // associations, then its written advice), or items of an earlier phase than this one.
  const showPhase =
    new Set(board.advice.map((a) => a.phaseId)).size > 1 ||
    (activity === 'advising' && board.advice.some((a) => a.phaseId !== meeting.phase.id));
  const phases = meeting.method.phases;
  const earlierAdvising = phases
    .slice(0, meeting.phaseIndex)
    .filter((p) => p.activity === 'advising');
  // The advising phase whose items the board is about: this one, or the last before a reaction.
  const words = itemTexts(
    activity === 'advising' ? meeting.phase : earlierAdvising[earlierAdvising.length - 1],
  );
  const bringerWords = intentionTexts(meeting.method);
  const showList =
    activity === 'advising' ||
    earlierAdvising.length > 0 ||
    board.advice.length > 0 ||
    board.hiddenAdvice > 0;
  const weighed = useCallback(
    (advice: Advice) => itemTexts(phaseById(phases, advice.phaseId)).weighed,
    [phases],
  );

  const toggleStar = useCallback(
    (advice: Advice) => {
      if (!act((ctx) => starAdvice(ctx, advice.id, !advice.starred))) return;
      // Unstarred advice leaves the order, so that it does not stay among the best.
      if (advice.starred && advice.order !== null) {
        act((ctx) =>
          orderAdvice(
            ctx,
            starred.filter((a) => a.id !== advice.id).map((a) => a.id),
          ),
        );
      }
    },
    [act, starred],
  );
  const move = useCallback(
    (index: number, by: -1 | 1) => {
      const target = index + by;
      if (target < 0 || target >= starred.length) return;
      const ids = starred.map((a) => a.id);
      [ids[index], ids[target]] = [ids[target]!, ids[index]!];
      act((ctx) => orderAdvice(ctx, ids));
    },
    [act, starred],
  );

  const bringerName = meeting.caseBringerName ?? t('roleBringer');
  const intentions = mayDo('intend', role, activity) ? (
    <IntentionsForm
      saved={board.intentions}
      run={run}
      phaseId={meeting.phase.id}
      texts={bringerWords}
    />
  ) : (
    board.intentions !== null && (
      <section aria-labelledby={`${headingId}-intentions`} className="intentions">
        <h4 id={`${headingId}-intentions`}>{t(bringerWords.of, { name: bringerName })}</h4>
        <p className="text">{board.intentions}</p>
      </section>
    )
  );

  if (!showList) {
    // A reaction with no advice before it: only the case bringer's own words.
    return (
      <section aria-labelledby={headingId} className="board advice-board">
        <h3 id={headingId}>{t(bringerWords.heading)}</h3>
        {intentions ||
          (!mayDo('intend', role, activity) && (
            <p className="hint empty-board">{t(bringerWords.waiting, { name: bringerName })}</p>
          ))}
      </section>
    );
  }

  return (
    <section aria-labelledby={headingId} className="board advice-board">
      <h3 id={headingId}>{t(words.heading)}</h3>
      {activity === 'advising' && (
        <AdviceProgress
          members={members}
          // A chair who joins in (a small group) advises too, and is waited for like the others.
          chairId={meeting.chairJoinsIn ? null : meeting.chairId}
          bringerId={meeting.caseBringerId}
          turns={!meeting.phase.blind}
          givenBy={board.adviceGivenBy}
          everyone={words.everyone}
        />
      )}
      {board.hiddenAdvice > 0 && (
        <LiveRegion className="hint">{t('adviceHidden', { count: board.hiddenAdvice })}</LiveRegion>
      )}
      {blindNow && mayDo('reveal', role, activity) && (
        <button type="button" onClick={() => act((ctx) => revealPhase(ctx))}>
          {t(words.reveal)}
        </button>
      )}
      {canStar && board.advice.some(weighed) && <p className="hint">{t(words.starHint)}</p>}
      {board.advice.length === 0 ? (
        board.hiddenAdvice === 0 && (
          <p className="hint empty-board">
            {t(canAdvise ? words.noneYet : canStar ? words.noneYetBringer : words.noneYetChair)}
          </p>
        )
      ) : (
        <ol className="advice-list" aria-labelledby={headingId}>
          {board.advice.map((advice) => (
            <AdviceRow
              key={advice.id}
              advice={advice}
              named={named(advice)}
              place={starred.findIndex((a) => a.id === advice.id)}
              starredCount={starred.length}
              phaseName={showPhase ? (phaseById(phases, advice.phaseId)?.name[locale] ?? '') : null}
              canStar={canStar && weighed(advice)}
              canAdvise={canAdvise}
              // Taken back only in the phase it was written in: an earlier round's stays.
              mine={advice.authorId === selfId && advice.phaseId === meeting.phase.id}
              act={act}
              run={run}
              onToggleStar={toggleStar}
              onMove={move}
            />
          ))}
        </ol>
      )}
      {error && <LiveRegion live="alert">{t(error)}</LiveRegion>}
      {canAdvise && role === 'chair' && <p className="hint">{t('chairJoinsInNote')}</p>}
      {canAdvise && (
        <AdviceForm blind={blindNow} run={run} phaseId={meeting.phase.id} texts={words} />
      )}
      {intentions}
    </section>
  );
}

function phaseById(phases: readonly Phase[], id: string): Phase | undefined {
  return phases.find((p) => p.id === id);
}

/**
 * One piece of advice. Memoised: advice that did not change is the same object in the next
 * snapshot (GroupSession shares unchanged parts), so a phase change or a new piece of advice
 * does not render it again (issue 15).
 */
const AdviceRow = memo(function AdviceRow({
  advice,
  named,
  place,
  starredCount,
  phaseName,
  canStar,
  canAdvise,
  mine,
  act,
  run,
  onToggleStar,
  onMove,
}: {
  advice: Advice;
  /** The advice as its controls name it (itemNames). */
  named: string;
  /** Its place among the starred advice, -1 when not starred. */
  place: number;
  starredCount: number;
  /** Its phase's name, when the list holds advice of more than one phase. */
  phaseName: string | null;
  canStar: boolean;
  canAdvise: boolean;
  mine: boolean;
  act: (command: (ctx: CommandContext) => CommandResult) => boolean;
  run: Run;
  onToggleStar: (advice: Advice) => void;
  onMove: (index: number, by: -1 | 1) => void;
}) {
  const { t } = useI18n();
  return (
    <li className={advice.starred ? 'starred' : undefined}>
      {advice.starred && !canStar && (
        <>
          <span aria-hidden="true">★ </span>
          <span className="visually-hidden">{t('adviceStarred')}: </span>
        </>
      )}
      {canStar && (
        <button
          type="button"
          className="star"
          aria-pressed={advice.starred}
          aria-label={t('starAdvice', { text: named })}
          // A toggle: a double click is not two.
          onClick={once(() => onToggleStar(advice))}
        >
          {advice.starred ? '★' : '☆'}
        </button>
      )}{' '}
      <span className="text">{advice.text}</span>{' '}
      <span className="hint">
        {t('byAuthor', { name: advice.authorName })}
        {phaseName !== null && ` · ${phaseName}`}
      </span>
      {canAdvise && mine && (
        <>
          {' '}
          <button
            type="button"
            className="link-button"
            aria-label={t('removeOwnFor', { text: named })}
            onClick={once(() => act((ctx) => removeOwnItem(ctx, 'advice', advice.id)))}
          >
            {t('removeOwn')}
          </button>
        </>
      )}
      {advice.tried && !canStar && (
        <>
          {' '}
          <span className="tag advice-tried">{t('adviceTried')}</span>
        </>
      )}
      {canStar && (
        <label className="advice-tried">
          {' '}
          <input
            type="checkbox"
            checked={advice.tried}
            aria-label={t('adviceTriedFor', { text: named })}
            onChange={() => act((ctx) => markTried(ctx, advice.id, !advice.tried))}
          />{' '}
          {t('adviceTried')}
        </label>
      )}
      {advice.why !== null && !canStar && (
        <p className="hint advice-why">{`${t('adviceWhy')}: ${advice.why}`}</p>
      )}
      {canStar && advice.starred && <WhyField advice={advice} named={named} run={run} />}
      {/* One starred piece of advice has no order to put it in: no buttons that do nothing. */}
      {canStar && place >= 0 && starredCount > 1 && (
        <span className="move">
          {' '}
          <MoveButton
            label={t('moveUpItem', { text: named })}
            disabled={place === 0}
            onClick={() => onMove(place, -1)}
          >
            ↑ {t('moveUp')}
          </MoveButton>{' '}
          <MoveButton
            label={t('moveDownItem', { text: named })}
            disabled={place === starredCount - 1}
            onClick={() => onMove(place, 1)}
          >
            ↓ {t('moveDown')}
          </MoveButton>
        </span>
      )}
    </li>
  );
});

/**
 * Whose turn it is and who has not given advice yet: the present members in the list's order,
 * without the chair (unless they join in) and the case bringer, who do not advise. In a blind
 * phase everyone writes at the same time: nobody's turn, only who has not written yet.
 */
function AdviceProgress({
  members,
  chairId,
  bringerId,
  turns,
  givenBy,
  everyone,
}: {
  members: MeetingProps['members'];
  chairId: string | null;
  bringerId: string | null;
  /** Whether the round goes in turns (not in a blind phase). */
  turns: boolean;
  givenBy: readonly string[];
  /** "Everyone has given advice", in the words of the phase's items. */
  everyone: ItemTexts['everyone'];
}) {
  const { t } = useI18n();
  const seen = new Set<string>();
  const advisers = members.filter((m) => {
    if (m.memberId === chairId || m.memberId === bringerId || seen.has(m.memberId)) return false;
    seen.add(m.memberId);
    return true;
  });
  if (advisers.length === 0) return null;
  const given = new Set(givenBy);
  const notYet = advisers.filter((m) => !given.has(m.memberId));
  const first = notYet[0];
  return (
    <LiveRegion as="div" className="advice-progress">
      {first ? (
        <>
          {turns && <p>{t('adviceTurn', { name: first.name })}</p>}
          {/* The last one's turn says it all: no "Not yet" repeating the same name. */}
          {(!turns || notYet.length > 1) && (
            <p>{t('adviceNotYet', { names: notYet.map((m) => m.name).join(', ') })}</p>
          )}
        </>
      ) : (
        <p>{t(everyone)}</p>
      )}
    </LiveRegion>
  );
}

/**
 * The case bringer's few words on why a starred piece of advice fits. Saved on leaving the field
 * or with the button; until edited the field shows what is saved on the board. What is typed and
 * not saved yet is a draft (kept on the device, and taken home if the meeting ends first).
 */
function WhyField({ advice, named, run }: { advice: Advice; named: string; run: Run }) {
  const { t } = useI18n();
  const { act, error } = useBoardCommand(run);
  const {
    text: draft,
    setText: setDraft,
    clear,
  } = useDraft('why', advice.phaseId, advice.why ?? '', advice.id);
  const [saved, setSaved] = useState(false);
  const fieldId = useId();
  const save = () => {
    const clean = draft.trim();
    if (clean === (advice.why ?? '')) {
      if (draft !== clean) clear(clean);
      return;
    }
    const ok = act((ctx) => explainFit(ctx, advice.id, draft));
    if (ok) clear(clean);
    setSaved(ok);
  };
  return (
    <form
      className="advice-why-form"
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        save();
      }}
    >
      <label htmlFor={fieldId}>{t('adviceWhy')}</label>{' '}
      <input
        {...PRIVATE_TEXT}
        id={fieldId}
        type="text"
        value={draft}
        maxLength={LIMITS.adviceWhy}
        aria-label={t('adviceWhyFor', { text: named })}
        onChange={(e) => {
          setDraft(e.target.value);
          setSaved(false);
        }}
        onBlur={save}
      />{' '}
      <button type="submit" {...SUBMIT_ONCE} aria-label={t('saveAdviceWhyFor', { text: named })}>
        {t('saveAdviceWhy')}
      </button>
      {error && <LiveRegion live="alert">{t(error)}</LiveRegion>}
      {saved && <LiveRegion>{t('saved')}</LiveRegion>}
    </form>
  );
}

/** Keeps focus on a move button at the end of the list: aria-disabled instead of disabled. */
function MoveButton({
  label,
  disabled,
  onClick,
  children,
}: {
  label: string;
  disabled: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      aria-disabled={disabled || undefined}
      onClick={() => {
        if (!disabled) onClick();
      }}
    >
      {children}
    </button>
  );
}

function AdviceForm({
  blind,
  run,
  phaseId,
  texts,
}: {
  blind: boolean;
  run: Run;
  phaseId: string;
  texts: ItemTexts;
}) {
  const { t } = useI18n();
  const { act, error } = useBoardCommand(run);
  const { text, setText, clear } = useDraft('advice', phaseId);
  const [added, setAdded] = useState(false);
  const fieldId = useId();
  const hintId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ok = act((ctx) => addAdvice(ctx, text));
    if (ok) clear();
    setAdded(ok);
  };
  return (
    <form onSubmit={submit} noValidate className="advice-form">
      <label htmlFor={fieldId}>{t(texts.label)}</label>
      <textarea
        {...PRIVATE_TEXT}
        id={fieldId}
        value={text}
        maxLength={LIMITS.advice}
        rows={3}
        aria-describedby={blind ? hintId : undefined}
        onChange={(e) => setText(e.target.value)}
      />
      {blind && (
        <p id={hintId} className="hint">
          {t(texts.blindHint)}
        </p>
      )}
      <button type="submit" {...SUBMIT_ONCE}>
        {t(texts.submit)}
      </button>
      {error && <LiveRegion live="alert">{t(error)}</LiveRegion>}
      {added && <LiveRegion>{t(texts.added)}</LiveRegion>}
    </form>
  );
}

function IntentionsForm({
  saved,
  run,
  phaseId,
  texts,
}: {
  saved: string | null;
  run: Run;
  phaseId: string;
  texts: IntentionTexts;
}) {
  const { t } = useI18n();
  const { act, error } = useBoardCommand(run);
  const { text, setText, clear } = useDraft('intentions', phaseId, saved ?? '');
  const [done, setDone] = useState(false);
  const fieldId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ok = act((ctx) => setIntentions(ctx, text));
    // Saved on the board: the draft is gone and the field goes on showing what was saved.
    if (ok) clear(text);
    setDone(ok);
  };
  return (
    <form onSubmit={submit} noValidate className="intentions-form">
      <label htmlFor={fieldId}>{t(texts.label)}</label>
      <textarea
        {...PRIVATE_TEXT}
        id={fieldId}
        value={text}
        maxLength={LIMITS.intentions}
        rows={3}
        onChange={(e) => {
          setText(e.target.value);
          setDone(false);
        }}
      />
      <button type="submit" {...SUBMIT_ONCE}>
        {t(texts.save)}
      </button>
      {error && <LiveRegion live="alert">{t(error)}</LiveRegion>}
      {done && <LiveRegion>{t('saved')}</LiveRegion>}
    </form>
  );
}
