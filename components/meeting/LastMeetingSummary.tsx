import { useId } from 'react';
import type { MeetingSummary } from '../../lib/shared-doc/meeting-end';
import { hasFollowUp, KeptLines } from './EndedView';
import { formatMeetingDate } from '../../lib/i18n/format-date';
import { useI18n } from '../common/I18n';

/**
 * The summary of the group's most recent meeting, from this device's history: its agreements
 * and follow-up for everyone, and for last time's case bringer alone a nudge to tell the group
 * how it is going now.
 */
export function LastMeetingSummary({
  history,
  selfId,
}: {
  history: readonly MeetingSummary[];
  selfId: string;
}) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const last = history[0];
  if (!last) return null;
  const date = formatMeetingDate(last.startedAt, locale);
  const wasBringer = last.caseBringerId !== null && last.caseBringerId === selfId;
  return (
    <section aria-labelledby={headingId} className="look-back">
      <h3 id={headingId}>{t('lastMeetingHeading', { date })}</h3>
      {last.caseBringerName !== null && <p>{t('caseBroughtBy', { name: last.caseBringerName })}</p>}
      {last.caseTitle !== null && <p>{t('caseTitle', { title: last.caseTitle })}</p>}
      {last.secondCase?.caseBringerName != null && (
        <p>{t('secondCaseBroughtBy', { name: last.secondCase.caseBringerName })}</p>
      )}
      {last.agreements.length === 0 && last.followUp.length === 0 ? (
        <p className="hint">{t('lastMeetingNothingKept')}</p>
      ) : (
        <>
          <KeptLines heading={t('keptAgreements')} lines={last.agreements} />
          {hasFollowUp(last) && <KeptLines heading={t('keptFollowUp')} lines={last.followUp} />}
        </>
      )}
      {wasBringer && (
        <p className="private-note">
          <strong>{t('onlyYouSee')}</strong> {t('lastMeetingYourCase')}
        </p>
      )}
    </section>
  );
}
