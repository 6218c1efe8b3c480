import { useId } from 'react';
import { confirmConfidentiality } from '../../lib/shared-doc/confidentiality';
import type { MeetingProps } from '../boards/meeting-props';
import { useI18n } from '../common/I18n';
import { LiveRegion } from '../common/LiveRegion';

/**
 * The group's confidentiality agreement at the start of every meeting (issue 14, point 9: "Wat
 * er in de groep gezegd wordt, blijft vertrouwelijk"). Shown in the first phase of every method.
 * Each member, the chair too, ticks "I agree" for themselves; the chair also reads who has and
 * who not yet, among the members present, announced politely as it changes.
 */
export function Confidentiality({ meeting, board, role, members, selfId, run }: MeetingProps) {
  const { t } = useI18n();
  const headingId = useId();
  const agreementId = useId();
  if (meeting.phaseIndex !== 0) return null;
  const confirmed = new Set(board.confidentiality);
  const agreed = confirmed.has(selfId);
  return (
    <section
      aria-labelledby={headingId}
      className="board confidentiality"
      data-testid="confidentiality"
    >
      <h3 id={headingId}>{t('confidentialityHeading')}</h3>
      <div id={agreementId}>
        <p>
          <strong>{t('confidentialityAgreement')}</strong>
        </p>
        <p>{t('confidentialityDetail')}</p>
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={agreed}
          aria-describedby={agreementId}
          onChange={(e) => run((ctx) => confirmConfidentiality(ctx, e.target.checked))}
        />{' '}
        {t('confidentialityAgree')}
      </label>
      {role === 'chair' && (
        <LiveRegion data-testid="confidentiality-status">
          {whoConfirmed(members, confirmed, t)}
        </LiveRegion>
      )}
    </section>
  );
}

/** "Confirmed: Anna, Bram · Not yet: Carla", over the members present, by the names they show. */
function whoConfirmed(
  members: MeetingProps['members'],
  confirmed: ReadonlySet<string>,
  t: ReturnType<typeof useI18n>['t'],
): string {
  const yes = members.filter((m) => confirmed.has(m.memberId)).map((m) => m.name);
  const no = members.filter((m) => !confirmed.has(m.memberId)).map((m) => m.name);
  if (no.length === 0 && yes.length > 0) {
    return `${t('confidentialityConfirmed', { names: yes.join(', ') })} · ${t('confidentialityEveryone')}`;
  }
  const said = t('confidentialityConfirmed', {
    names: yes.length > 0 ? yes.join(', ') : t('confidentialityNobody'),
  });
  return `${said} · ${t('confidentialityNotYet', { names: no.join(', ') })}`;
}
