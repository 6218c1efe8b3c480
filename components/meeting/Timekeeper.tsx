import { useId } from 'react';
import type { Member } from '../../lib/shared-doc/presence';
import type { TimerAction } from '../../lib/shared-doc/meeting-commands';
import type { TimerState } from '../../lib/shared-doc/timer';
import { useI18n } from '../common/I18n';
import { Icon } from '../common/Icon';
import { once } from '../common/repeat-click';
import { memberLabels } from './member-label';

/**
 * The timekeeper's buttons, in the phase bar beside the time (where the chair has Previous and
 * Next): pausing the timer and a minute more. Resetting it stays the chair's.
 */
export function TimekeeperControls({
  timer,
  onTimer,
}: {
  timer: TimerState | null;
  onTimer: (action: TimerAction) => void;
}) {
  const { t } = useI18n();
  const paused = timer?.runningSince === null;
  return (
    <div role="group" aria-label={t('timekeeperControls')} className="chair-toolbar keeper-toolbar">
      <button
        type="button"
        disabled={timer === null}
        onClick={once(() => onTimer({ kind: paused ? 'resume' : 'pause' }))}
      >
        <Icon name={paused ? 'play' : 'pause'} />
        {paused ? t('resumeTimer') : t('pauseTimer')}
      </button>
      <button
        type="button"
        disabled={timer === null}
        onClick={() => onTimer({ kind: 'extend', minutes: 1 })}
      >
        <Icon name="plus" />
        {t('extendTimer')}
      </button>
    </div>
  );
}

/**
 * The chair names a member who keeps the time beside them (domain.md: "tijdbewaker", which
 * some groups split off from the chair), or nobody. Not the case bringer, who is taken up by
 * their case; a timekeeper whose panel has gone stays named, and shows as someone not here now.
 */
export function TimekeeperChoice({
  members,
  caseBringerId,
  timekeeper,
  onChange,
}: {
  members: readonly Member[];
  caseBringerId: string | null;
  timekeeper: string | null;
  onChange: (memberId: string | null) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const candidates = members.filter(
    (m) => !m.isSelf && (m.memberId !== caseBringerId || m.memberId === timekeeper),
  );
  const label = memberLabels(candidates, (name, code) =>
    t('nameWithKey', { name, key: t('fingerprint', { code }) }),
  );
  const away = timekeeper !== null && !candidates.some((m) => m.memberId === timekeeper);
  if (candidates.length === 0 && timekeeper === null) return null;
  return (
    <div className="row">
      <label htmlFor={id}>{t('timekeeperLabel')}</label>
      <select
        id={id}
        value={timekeeper ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
      >
        <option value="">{t('timekeeperNobody')}</option>
        {candidates.map((m) => (
          <option key={m.memberId} value={m.memberId}>
            {label(m)}
          </option>
        ))}
        {away && <option value={timekeeper}>{t('timekeeperAway')}</option>}
      </select>
    </div>
  );
}
