import { useId } from 'react';
import type { FormEvent } from 'react';
import {
  addProposal,
  chooseCoreQuestion,
  removeOwnItem,
} from '../../lib/shared-doc/board-commands';
import type { CommandContext } from '../../lib/shared-doc/board-commands';
import { LIMITS } from '../../lib/util/limits';
import type { MessageKey } from '../../lib/i18n/messages';
import { mayDo } from '../../lib/method/roles';
import type { CommandResult } from '../../lib/shared-doc/meeting-commands';
import { CoreQuestion } from './CoreQuestion';
import type { DraftField } from '../../lib/device/drafts';
import { useDraft } from '../common/DraftContext';
import { useI18n } from '../common/I18n';
import { once, SUBMIT_ONCE } from '../common/repeat-click';
import { LiveRegion } from '../common/LiveRegion';
import type { MeetingProps } from './meeting-props';
import { useBoardCommand } from './useBoardCommand';
import { useItemNames } from './item-names';
import { PRIVATE_TEXT } from '../common/private-text';

type Act = (command: (ctx: CommandContext) => CommandResult) => boolean;

/**
 * Reformulating the problem: members propose wordings of the core question; the case bringer
 * chooses one or writes their own, and has the last word.
 */
export function ReformulationBoard({ meeting, board, role, selfId, run }: MeetingProps) {
  const { t } = useI18n();
  const { act, error } = useBoardCommand(run);
  const headingId = useId();
  const activity = meeting.phase.activity;
  const canPropose = mayDo('propose', role, activity);
  const canChoose = mayDo('choose-core', role, activity);
  const named = useItemNames(board.proposals);

  return (
    <section aria-labelledby={headingId} className="board reformulation-board">
      <h3 id={headingId}>{t('proposalHeading')}</h3>
      <LiveRegion as="div">
        {board.coreQuestion !== null && <CoreQuestion board={board} />}
      </LiveRegion>
      {error && <LiveRegion live="alert">{t(error)}</LiveRegion>}
      {canPropose && (
        <TextForm
          act={act}
          draft="proposal"
          phaseId={meeting.phase.id}
          field="proposalField"
          hint="proposalHint"
          submitLabel="propose"
          max={LIMITS.proposal}
          command={(ctx, text) => addProposal(ctx, text)}
        />
      )}
      {board.proposals.length === 0 ? (
        <p className="hint empty-board">
          {t(canPropose ? 'proposalNone' : canChoose ? 'proposalNoneBringer' : 'proposalNoneChair')}
        </p>
      ) : (
        <ul className="board-items">
          {board.proposals.map((proposal) => (
            <li key={proposal.id} className="board-item">
              <p className="item-text">{proposal.text}</p>
              <p className="hint">
                {t('byAuthor', { name: proposal.authorName })}
                {board.coreQuestion === proposal.text && ` · ${t('proposalChosenMark')}`}
              </p>
              {canChoose && (
                <button
                  type="button"
                  aria-label={t('chooseProposalFor', { text: named(proposal) })}
                  onClick={once(() =>
                    act((ctx) => chooseCoreQuestion(ctx, { proposalId: proposal.id })),
                  )}
                >
                  {t('chooseProposal')}
                </button>
              )}
              {proposal.authorId === selfId && (
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('removeOwnFor', { text: named(proposal) })}
                  onClick={once(() => act((ctx) => removeOwnItem(ctx, 'proposals', proposal.id)))}
                >
                  {t('removeOwn')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canChoose && (
        <TextForm
          act={act}
          draft="own-wording"
          phaseId={meeting.phase.id}
          field="ownWording"
          submitLabel="setCoreQuestion"
          max={LIMITS.proposal}
          command={(ctx, text) => chooseCoreQuestion(ctx, { text })}
        />
      )}
    </section>
  );
}

/** A labelled text field with one submit button, kept as a draft until the command ran. */
function TextForm({
  act,
  draft,
  phaseId,
  field,
  hint,
  submitLabel,
  max,
  command,
}: {
  act: Act;
  /** Which draft the text is kept as until it is posted. */
  draft: DraftField;
  phaseId: string;
  field: MessageKey;
  hint?: MessageKey;
  submitLabel: MessageKey;
  max: number;
  command: (ctx: CommandContext, text: string) => CommandResult;
}) {
  const { t } = useI18n();
  const { text, setText, clear } = useDraft(draft, phaseId);
  const fieldId = useId();
  const hintId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (act((ctx) => command(ctx, text))) clear();
  };
  return (
    <form onSubmit={submit} noValidate className="board-form">
      <label htmlFor={fieldId}>{t(field)}</label>
      <textarea
        {...PRIVATE_TEXT}
        id={fieldId}
        rows={2}
        value={text}
        maxLength={max}
        aria-describedby={hint ? hintId : undefined}
        onChange={(e) => setText(e.target.value)}
      />
      {hint && (
        <p id={hintId} className="hint">
          {t(hint)}
        </p>
      )}
      <button type="submit" {...SUBMIT_ONCE}>
        {t(submitLabel)}
      </button>
    </form>
  );
}
