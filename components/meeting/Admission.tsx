import type { AdmissionView, KnockView } from '../../lib/connection/group-session';
import { useI18n } from '../common/I18n';
import { LiveRegion } from '../common/LiveRegion';

/**
 * Admission (issue 13, point 1). A member who is not in today's meeting yet waits for the chair
 * with their device's code on screen (`AskToJoin`); the chair sees who asks, by name and code,
 * and lets each in or refuses (`JoinRequests`).
 */
export function AskToJoin({
  admission,
  onAskAgain,
}: {
  admission: AdmissionView;
  onAskAgain: () => void;
}) {
  const { t } = useI18n();
  if (admission.state === 'refused') {
    return (
      <section className="admission admission-refused" aria-labelledby="admission-heading">
        <h2 id="admission-heading">{t('refusedHeading')}</h2>
        <LiveRegion live="alert">
          {t('refusedBody', { name: admission.refusedBy ?? '' })}
        </LiveRegion>
        <button type="button" onClick={onAskAgain}>
          {t('askAgain')}
        </button>
      </section>
    );
  }
  return (
    <section className="admission" aria-labelledby="admission-heading">
      <h2 id="admission-heading">{t('askingHeading')}</h2>
      <LiveRegion>{t('askingBody', { code: admission.fingerprint })}</LiveRegion>
    </section>
  );
}

/** The chair's list of members asking to join, each with "Let in" and "Refuse". */
export function JoinRequests({
  knocks,
  onAdmit,
  onRefuse,
}: {
  knocks: readonly KnockView[];
  onAdmit: (memberId: string) => void;
  onRefuse: (memberId: string) => void;
}) {
  const { t } = useI18n();
  // A row goes once its answer is in the lobby (the session's next snapshot).
  const waiting = knocks;
  const answer = (memberId: string, run: (id: string) => void) => run(memberId);
  return (
    <LiveRegion live="polite" as="div">
      {waiting.length > 0 && (
        <section className="join-requests" aria-labelledby="join-requests-heading">
          <h2 id="join-requests-heading">{t('knocksHeading')}</h2>
          <ul>
            {waiting.map((k) => (
              <li key={k.memberId}>
                <span className="join-name">{k.name}</span>{' '}
                <span className="member-fingerprint">
                  {t('knockCode', { code: k.fingerprint })}
                </span>
                <span className="join-actions">
                  <button
                    type="button"
                    className="primary"
                    aria-label={t('letInName', { name: k.name })}
                    onClick={() => answer(k.memberId, onAdmit)}
                  >
                    {t('letIn')}
                  </button>
                  <button
                    type="button"
                    aria-label={t('refuseName', { name: k.name })}
                    onClick={() => answer(k.memberId, onRefuse)}
                  >
                    {t('refuse')}
                  </button>
                </span>
              </li>
            ))}
          </ul>
          <p className="hint">{t('knocksHint')}</p>
        </section>
      )}
    </LiveRegion>
  );
}
