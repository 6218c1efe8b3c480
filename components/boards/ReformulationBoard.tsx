import { useId, useState } from 'react';
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
import { useI18n } from '../common/I18n';
import type { MeetingProps } from './meeting-props';
import { useBoardCommand } from './useBoardCommand';

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

  return (
    <section aria-labelledby={headingId} className="board reformulation-board">
      <h3 id={headingId}>{t('proposalHeading')}</h3>
      <div role="status">
        <CoreQuestion board={board} />
      </div>
      {error && <p role="alert">{t(error)}</p>}
      {canPropose && (
        <TextForm
          act={act}
          field="proposalField"
          hint="proposalHint"
          submitLabel="propose"
          max={LIMITS.proposal}
          command={(ctx, text) => addProposal(ctx, text)}
        />
      )}
      {board.proposals.length === 0 ? (
        <p className="hint">{t('proposalNone')}</p>
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
                  aria-label={t('chooseProposalFor', { text: proposal.text })}
                  onClick={() => act((ctx) => chooseCoreQuestion(ctx, { proposalId: proposal.id }))}
                >
                  {t('chooseProposal')}
                </button>
              )}
              {proposal.authorId === selfId && (
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('removeOwnFor', { text: proposal.text })}
                  onClick={() => act((ctx) => removeOwnItem(ctx, 'proposals', proposal.id))}
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
          field="ownWording"
          submitLabel="setCoreQuestion"
          max={LIMITS.proposal}
          command={(ctx, text) => chooseCoreQuestion(ctx, { text })}
        />
      )}
    </section>
  );
}

/** A labelled text field with one submit button; cleared when the command ran. */
function TextForm({
  act,
  field,
  hint,
  submitLabel,
  max,
  command,
}: {
  act: Act;
  field: MessageKey;
  hint?: MessageKey;
  submitLabel: MessageKey;
  max: number;
  command: (ctx: CommandContext, text: string) => CommandResult;
}) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const fieldId = useId();
  const hintId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (act((ctx) => command(ctx, text))) setText('');
  };
  return (
    <form onSubmit={submit} noValidate className="board-form">
      <label htmlFor={fieldId}>{t(field)}</label>
      <textarea
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
      <button type="submit">{t(submitLabel)}</button>
    </form>
  );
}
