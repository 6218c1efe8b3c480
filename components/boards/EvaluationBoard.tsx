import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import {
  addEvaluation,
  removeOwnItem,
  setKeepCaseTitle,
} from '../../lib/shared-doc/board-commands';
import type { EvaluationKind } from '../../lib/shared-doc/board-state';
import { LIMITS } from '../../lib/util/limits';
import type { MessageKey } from '../../lib/i18n/messages';
import { mayDo } from '../../lib/method/roles';
import type { MeetingProps, Run } from './meeting-props';
import { useBoardCommand } from './useBoardCommand';
import { useItemNames } from './item-names';
import { useDraft } from '../common/DraftContext';
import { useI18n } from '../common/I18n';
import { once, SUBMIT_ONCE } from '../common/repeat-click';
import { LiveRegion } from '../common/LiveRegion';
import { PRIVATE_TEXT } from '../common/private-text';

const KINDS: readonly { kind: EvaluationKind; label: MessageKey }[] = [
  { kind: 'learning', label: 'evaluationLearning' },
  { kind: 'agreement', label: 'evaluationAgreement' },
  { kind: 'follow-up', label: 'evaluationFollowUp' },
];

/**
 * The evaluation ('evaluating', and the open rounds of a first meeting, 'sharing'): everyone
 * writes what the meeting gave them, agreements for next time and the follow-up for the case
 * bringer; the case bringer decides whether the case title is kept in the group's summary.
 */
export function EvaluationBoard({ meeting, board, role, selfId, run }: MeetingProps) {
  const { t } = useI18n();
  const { act, error } = useBoardCommand(run);
  const headingId = useId();
  const keptId = useId();
  const activity = meeting.phase.activity;
  const canEvaluate = mayDo('evaluate', role, activity);
  // One board, so one naming over all kinds: the same line may be written under two of them.
  const named = useItemNames(board.evaluation);
  const hasBringer = meeting.caseBringerId !== null;
  // Without a case (first meeting) there is nobody to follow up, unless someone already did.
  const kinds = KINDS.filter(
    (k) => k.kind !== 'follow-up' || hasBringer || board.evaluation.some((e) => e.kind === k.kind),
  );
  const caseTitle = board.pitches.find((p) => p.id === meeting.casePitchId)?.text ?? null;

  return (
    <section aria-labelledby={headingId} className="board evaluation-board">
      <h3 id={headingId}>{t('evaluationHeading')}</h3>
      <p className="hint">{t(meeting.method.hasCase ? 'whatIsKept' : 'whatIsKeptNoCase')}</p>
      {kinds.map(({ kind, label }) => {
        const lines = board.evaluation.filter((e) => e.kind === kind);
        const listId = `${headingId}-${kind}`;
        return (
          <section key={kind} aria-labelledby={listId} className={`evaluation-${kind}`}>
            <h4 id={listId}>{t(label)}</h4>
            {lines.length === 0 ? (
              <p className="hint">{t('nothingYet')}</p>
            ) : (
              <ul aria-labelledby={listId}>
                {lines.map((line) => (
                  <li key={line.id}>
                    <span className="text">{line.text}</span>{' '}
                    <span className="hint">{t('byAuthor', { name: line.authorName })}</span>
                    {canEvaluate && line.authorId === selfId && (
                      <>
                        {' '}
                        <button
                          type="button"
                          className="link-button"
                          aria-label={t('removeOwnFor', { text: named(line) })}
                          onClick={once(() =>
                            act((ctx) => removeOwnItem(ctx, 'evaluation', line.id)),
                          )}
                        >
                          {t('removeOwn')}
                        </button>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
      {error && <LiveRegion live="alert">{t(error)}</LiveRegion>}
      {canEvaluate && (
        // Keyed by phase: the kind starts again where the next phase starts it.
        <EvaluationForm
          key={meeting.phase.id}
          kinds={kinds}
          run={run}
          phaseId={meeting.phase.id}
          firstKind={meeting.phase.firstLine ?? 'learning'}
        />
      )}
      {hasBringer && (
        <div className="keep-title">
          {caseTitle !== null && <p>{t('caseTitle', { title: caseTitle })}</p>}
          {mayDo('keep-title', role, activity) && (
            <label>
              <input
                type="checkbox"
                checked={board.keepCaseTitle}
                aria-describedby={keptId}
                onChange={(e) => act((ctx) => setKeepCaseTitle(ctx, e.target.checked))}
              />{' '}
              {t('keepCaseTitle')}
            </label>
          )}
          <LiveRegion id={keptId}>
            {board.keepCaseTitle ? t('caseTitleKept') : t('caseTitleNotKept')}
          </LiveRegion>
        </div>
      )}
    </section>
  );
}

function EvaluationForm({
  kinds,
  run,
  phaseId,
  firstKind,
}: {
  kinds: readonly { kind: EvaluationKind; label: MessageKey }[];
  run: Run;
  phaseId: string;
  firstKind: EvaluationKind;
}) {
  const { t } = useI18n();
  const { act, error } = useBoardCommand(run);
  const [kind, setKind] = useState<EvaluationKind>(firstKind);
  const { text, setText, clear } = useDraft('evaluation', phaseId);
  const [added, setAdded] = useState(false);
  const fieldId = useId();
  const groupName = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ok = act((ctx) => addEvaluation(ctx, kind, text));
    if (ok) clear();
    setAdded(ok);
  };
  return (
    <form onSubmit={submit} noValidate className="evaluation-form">
      <fieldset>
        <legend>{t('evaluationKind')}</legend>
        {kinds.map((k) => (
          <label key={k.kind} className="radio">
            <input
              type="radio"
              name={groupName}
              value={k.kind}
              checked={kind === k.kind}
              onChange={() => setKind(k.kind)}
            />{' '}
            {t(k.label)}
          </label>
        ))}
      </fieldset>
      <label htmlFor={fieldId}>{t('evaluationText')}</label>
      <textarea
        {...PRIVATE_TEXT}
        id={fieldId}
        value={text}
        maxLength={LIMITS.evaluation}
        rows={2}
        onChange={(e) => {
          setText(e.target.value);
          setAdded(false);
        }}
      />
      <button type="submit" {...SUBMIT_ONCE}>
        {t('addEvaluation')}
      </button>
      {error && <LiveRegion live="alert">{t(error)}</LiveRegion>}
      {added && <LiveRegion>{t('evaluationAdded')}</LiveRegion>}
    </form>
  );
}
