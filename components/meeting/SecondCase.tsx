import { useEffect, useId, useState } from 'react';
import { useI18n } from '../common/I18n';
import { useBoardCommand } from '../boards/useBoardCommand';
import type { MeetingProps } from '../boards/meeting-props';
import { openSecondCase } from '../../lib/shared-doc/meeting-commands';
import {
  caseStartIndex,
  isLittleTimeLeft,
  minutesLeft,
  secondCaseRefusal,
} from '../../lib/method/second-case';

/**
 * The chair's control for one more case after the first case's evaluation (issue 14, point 5:
 * "een enkele keer lukt het om er nog een te bespreken"): what it does, the time left, and a
 * warning when little is. Shown only when the rule (second-case.ts) lets this chair open it.
 */
export function SecondCaseControl({ meeting, run, selfId }: MeetingProps) {
  const { t } = useI18n();
  const now = useMinuteClock();
  const { act, error } = useBoardCommand(run);
  const headingId = useId();
  const introId = useId();
  const refusal = secondCaseRefusal({
    method: meeting.method,
    isChair: meeting.chairId === selfId,
    phaseIndex: meeting.phaseIndex,
    caseNumber: meeting.caseNumber,
    caseBringerId: meeting.caseBringerId,
    ended: meeting.ended,
  });
  if (refusal !== null) return null;
  const left = minutesLeft(meeting.startedAt ?? now, meeting.phaseMinutes, now);
  return (
    <section aria-labelledby={headingId} className="second-case" data-testid="second-case">
      <h4 id={headingId}>{t('secondCaseHeading')}</h4>
      <p id={introId}>
        {t('secondCaseIntro')} {t('secondCaseTimeLeft', { minutes: left })}
      </p>
      {isLittleTimeLeft(left) && <p className="warning">{t('secondCaseLittleTime')}</p>}
      <button
        type="button"
        aria-describedby={introId}
        onClick={() => act((ctx) => openSecondCase(ctx.doc, ctx.actorId, ctx.now))}
      >
        {t('secondCaseOpen')}
      </button>
      {error && (
        <p role="alert" className="error">
          {t(error)}
        </p>
      )}
    </section>
  );
}

/**
 * For everyone while the second case runs: that it is the second, in the time left, and a
 * line on choosing it in the pitch round.
 */
export function SecondCaseBanner({ meeting }: Pick<MeetingProps, 'meeting'>) {
  const { t } = useI18n();
  if (meeting.caseNumber !== 2) return null;
  const from = caseStartIndex(meeting.method) ?? 0;
  const planned = meeting.phaseMinutes.slice(from).reduce((sum, m) => sum + m, 0);
  // The case's phases were given the time left (at least 20 minutes): little when under 30.
  const short = isLittleTimeLeft(planned);
  return (
    <div className="second-case-banner" data-testid="second-case-banner">
      <p>{short ? t('secondCaseRunningShort') : t('secondCaseRunning', { minutes: planned })}</p>
      {meeting.phase.activity === 'pitching' && meeting.caseBringerId === null && (
        <p className="hint">{t('secondCaseChoose')}</p>
      )}
    </div>
  );
}

/** The time now, renewed every half minute: enough for "about N minutes left". */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(id);
  }, []);
  return now;
}
