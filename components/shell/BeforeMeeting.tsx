import { useEffect, useId, useRef, useState } from 'react';
import type { LobbyHearing } from '../../lib/connection/group-session';
import { RotaLine, StartMeeting } from '../meeting/StartMeeting';
import type { StartHandler } from '../meeting/StartMeeting';
import type { MeetingSummary } from '../../lib/shared-doc/meeting-summary';
import { formatNextDate } from '../../lib/i18n/series-messages';
import { useI18n } from '../common/I18n';
import { LiveRegion } from '../common/LiveRegion';
import { LookingForGroup } from './LookingForGroup';

/**
 * While no meeting runs. Whoever chairs today starts it; the others wait for them and open the
 * start form only by saying "I chair today", so that nobody starts a meeting by accident (every
 * member used to see "Start the meeting as chair"). The founder of a new group chairs its first
 * meeting and sees the form at once. A panel that has not heard its group yet still offers a
 * start only as an explicit choice (LookingForGroup).
 */
export function BeforeMeeting({
  lobby,
  chairsFirst,
  step = false,
  suggestedChair,
  selfName,
  present,
  last = null,
  onStart,
}: {
  lobby: LobbyHearing;
  /** This member chairs without asking (the founder, before the group's first meeting). */
  chairsFirst: boolean;
  /** Step two after inviting the group: its heading says so. */
  step?: boolean;
  suggestedChair: string | null;
  selfName: string | null;
  /** How many members are here now, this one included (the start says whether it is enough). */
  present: number;
  /** The group's last meeting on this device: its next chair and date, and its method. */
  last?: MeetingSummary | null;
  onStart: StartHandler;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const [chairing, setChairing] = useState(chairsFirst);
  // A next chair the group agreed on is said by NextMeetingLine; the rota would say it twice.
  const rota = last?.nextChair ? null : suggestedChair;
  const section = useRef<HTMLElement>(null);
  /** Set by a button that replaces itself: focus goes to what took its place. */
  const moved = useRef(false);
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    section.current?.querySelector<HTMLElement>('select, button')?.focus();
  }, [chairing]);
  const choose = (chair: boolean) => {
    moved.current = true;
    setChairing(chair);
  };

  if (!chairing) {
    return (
      <section ref={section} aria-labelledby={headingId} className="waiting-for-chair">
        <h2 id={headingId}>{t('waitingForChair')}</h2>
        <LiveRegion>
          {lobby === 'looking' ? t('lookingForGroup') : t('waitingForChairHint')}
        </LiveRegion>
        <NextMeetingLine last={last} />
        <RotaLine suggestedChair={rota} selfName={selfName} />
        <button type="button" onClick={() => choose(true)}>
          {t('iChairToday')}
        </button>
      </section>
    );
  }
  return (
    <section ref={section} aria-labelledby={headingId} className="chair-today">
      <h2 id={headingId}>{step ? t('startStepHeading') : t('startMeetingHeading')}</h2>
      <NextMeetingLine last={last} />
      <LookingForGroup lobby={lobby}>
        <StartMeeting
          initialMethodId={last?.methodId ?? null}
          suggestedChair={rota}
          selfName={selfName}
          present={present}
          onStart={onStart}
        />
      </LookingForGroup>
      {!chairsFirst && (
        <button type="button" className="link-button" onClick={() => choose(false)}>
          {t('notChairingToday')}
        </button>
      )}
    </section>
  );
}

/**
 * What the group agreed at the end of its last meeting: "Next chair: Bram · planned for 14
 * December" ("the next meeting opens with them", issue 14, point 7); nothing when nothing was.
 */
export function NextMeetingLine({ last }: { last: MeetingSummary | null }) {
  const { t, locale } = useI18n();
  const name = last?.nextChair ?? null;
  const date = last?.nextDate ? formatNextDate(last.nextDate, locale) : null;
  if (name === null && date === null) return null;
  return (
    <p className="next-meeting-line">
      {name !== null && date !== null
        ? t('nextMeetingChairAndDate', { name, date })
        : name !== null
          ? t('nextMeetingChair', { name })
          : t('nextMeetingDate', { date: date ?? '' })}
    </p>
  );
}
