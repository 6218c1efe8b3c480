import { useId } from 'react';
import type { MeetingSummary } from '../../lib/shared-doc/meeting-end';
import { findMethod } from '../../lib/method/method-list';
import { formatMeetingDate } from '../../lib/i18n/format-date';
import { formatNextDate } from '../../lib/i18n/series-messages';
import { useI18n } from '../common/I18n';
import { useFocusOnChange } from '../common/useFocusOnChange';

/**
 * After the chair ended the meeting: the board is gone for everyone, and this shows the little
 * the group keeps (domain.md, confidentiality), then leads back to the groups.
 */
export function EndedView({ summary, onBack }: { summary: MeetingSummary; onBack: () => void }) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const keptId = useId();
  // The meeting view vanished under the member's focus: start them at the top of what replaced it.
  const heading = useFocusOnChange('ended');
  const date = formatMeetingDate(summary.startedAt, locale);
  const methodName = findMethod(summary.methodId)?.name[locale] ?? summary.methodId;
  return (
    <section aria-labelledby={headingId} className="ended">
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {t('endedTitle')}
      </h2>
      <p>{t('endedCleared')}</p>
      <section aria-labelledby={keptId}>
        <h3 id={keptId}>{t('keptHeading')}</h3>
        <dl className="kept">
          <dt>{t('keptDate')}</dt>
          <dd>{date}</dd>
          <dt>{t('method')}</dt>
          <dd>{methodName}</dd>
          {summary.chairName !== null && (
            <>
              <dt>{t(summary.chairExternal === true ? 'keptFacilitator' : 'keptChair')}</dt>
              <dd>{summary.chairName}</dd>
            </>
          )}
          {summary.caseBringerName !== null && (
            <>
              <dt>{t('keptCaseBringer')}</dt>
              <dd>{summary.caseBringerName}</dd>
            </>
          )}
          {summary.caseTitle !== null && (
            <>
              <dt>{t('keptCaseTitle')}</dt>
              <dd>{summary.caseTitle}</dd>
            </>
          )}
          {/* "Een enkele keer lukt het om er nog een te bespreken": the second case, when held. */}
          {summary.secondCase?.caseBringerName != null && (
            <>
              <dt>{t('keptSecondCaseBringer')}</dt>
              <dd>{summary.secondCase.caseBringerName}</dd>
            </>
          )}
          {summary.secondCase?.caseTitle != null && (
            <>
              <dt>{t('keptSecondCaseTitle')}</dt>
              <dd>{summary.secondCase.caseTitle}</dd>
            </>
          )}
          {/* The series: who chairs next and when, as the chair recorded at the end. */}
          {summary.nextChair != null && (
            <>
              <dt>{t('nextChairLabel')}</dt>
              <dd>{summary.nextChair}</dd>
            </>
          )}
          {summary.nextDate != null && (
            <>
              <dt>{t('keptNextDate')}</dt>
              <dd>{formatNextDate(summary.nextDate, locale)}</dd>
            </>
          )}
        </dl>
        <KeptLines heading={t('keptAgreements')} lines={summary.agreements} />
        {hasFollowUp(summary) && <KeptLines heading={t('keptFollowUp')} lines={summary.followUp} />}
        <p className="hint">{t('keptOnDevice')}</p>
      </section>
      {/* Its own name: the header's "Back to your groups" does the same, and two controls of
          one name leave a member (or a script) who looks for it by name with two answers. */}
      <button type="button" onClick={onBack}>
        {t('endedDone')}
      </button>
    </section>
  );
}

/**
 * Whether a kept meeting speaks of a follow-up: not after a meeting without a case (the first
 * meeting), where nobody is followed up and "Follow-up: none" would only puzzle, unless a line was
 * written all the same.
 */
export function hasFollowUp(summary: MeetingSummary): boolean {
  return summary.followUp.length > 0 || findMethod(summary.methodId)?.hasCase !== false;
}

/** A titled list of kept lines (agreements, follow-up), or "none". */
export function KeptLines({ heading, lines }: { heading: string; lines: readonly string[] }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <>
      <h4 id={id}>{heading}</h4>
      {lines.length === 0 ? (
        <p className="hint">{t('keptNone')}</p>
      ) : (
        <ul aria-labelledby={id}>
          {lines.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      )}
    </>
  );
}
