import { useId, useState } from 'react';
import { METHODS } from '../../lib/method/method-list';
import {
  defaultTotalMinutes,
  isShortMeeting,
  PRESET_TOTALS,
  rescalePhaseMinutes,
  totalMinutes,
} from '../../lib/method/phase-times';
import type { Method } from '../../lib/method/method';
import { chairJoinsIn } from '../../lib/method/roles';
import { useI18n } from '../common/I18n';
import { SUBMIT_ONCE } from '../common/repeat-click';

/**
 * Starts the meeting: the method, the minutes per phase (null: the method's own), and whether
 * the chair asks and advises too because fewer people are here than the method needs.
 */
export type StartHandler = (
  methodId: string,
  phaseMinutes: readonly number[] | null,
  chairJoinsIn: boolean,
  /** The chair guides as an external procesbegeleider, not a member of the group. */
  chairIsExternal?: boolean,
) => void;

/**
 * Shown to whoever chairs today while no meeting runs: they pick the method (with a short
 * description of each) and the time the group has, and start the meeting. The time starts at
 * 90 minutes, or the method's own times when they are longer: the source says a meeting lasts
 * at least one and a half hours, two hours is common (lib/method/phase-times.ts). Anything
 * shorter is labelled short.
 *
 * It also says how many people the method needs and how many are here. Starting with too few
 * stays possible (a group may wait for a late member), and the notice says what happens then:
 * the chair asks and advises too where the method allows it (lib/method/roles.ts chairJoinsIn).
 *
 * A chair who is not a member of the group ticks that they guide as an external
 * procesbegeleider: "guides, never brings a case, never gives advice, appears as such in the
 * record" (issue 14, point 8). Such a chair never joins in, however small the group.
 */
export function StartMeeting({
  initialMethodId = null,
  suggestedChair,
  selfName = null,
  present,
  onStart,
}: {
  /**
   * The group's last method, preselected: "In het begin kiest de groep voor een vaste
   * werkvorm" (issue 14, point 7); the first method when null or unknown.
   */
  initialMethodId?: string | null;
  /** Whose turn it is by the group's rota (lib/device/meeting-history.ts); null: no rota yet. */
  suggestedChair: string | null;
  /** This member's name, to say "your turn" rather than their own name. */
  selfName?: string | null;
  /** How many members are here now, the chair included. */
  present: number;
  onStart: StartHandler;
}) {
  const { t, locale } = useI18n();
  const [methodId, setMethodId] = useState<string>(
    METHODS.find((m) => m.id === initialMethodId)?.id ?? METHODS[0]?.id ?? 'basic',
  );
  // null: the chair has not picked a time, so it follows the method (see defaultChoice).
  const [picked, setPicked] = useState<string | null>(null);
  const [external, setExternal] = useState(false);
  const externalHintId = useId();
  const selectId = useId();
  const timeId = useId();
  const timeHintId = useId();
  const descriptionId = useId();
  const sizeId = useId();
  const method = METHODS.find((m) => m.id === methodId) ?? METHODS[0];
  if (!method) return null;
  const total = picked ?? defaultChoice(method);
  const ownTotal = totalMinutes(method);
  const minutes = total === 'default' ? null : rescalePhaseMinutes(method, Number(total));
  const tooFew = present < method.minMembers;
  const joinsIn = !external && chairJoinsIn(method, present);
  return (
    <form
      className="start-meeting"
      aria-label={t('startMeeting')}
      onSubmit={(event) => {
        event.preventDefault();
        if (external) onStart(method.id, minutes, false, true);
        else onStart(method.id, minutes, joinsIn);
      }}
    >
      <p>{t('startMeetingHint')}</p>
      <RotaLine suggestedChair={suggestedChair} selfName={selfName} />
      <label htmlFor={selectId}>{t('method')}</label>
      <select
        id={selectId}
        value={method.id}
        aria-describedby={descriptionId}
        onChange={(e) => setMethodId(e.target.value)}
      >
        {METHODS.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name[locale]}
          </option>
        ))}
      </select>
      <p className="hint" id={descriptionId}>
        {method.description[locale]}
      </p>
      <p className={tooFew ? undefined : 'hint'} id={sizeId}>
        {t('methodNeedsMembers', { needed: method.minMembers, count: present })}
        {tooFew && ' ' + t(joinsIn ? 'tooFewChairJoinsIn' : 'tooFewWait')}
      </p>
      <label className="check">
        <input
          type="checkbox"
          checked={external}
          aria-describedby={externalHintId}
          onChange={(e) => setExternal(e.target.checked)}
        />{' '}
        {t('chairIsExternalOption')}
      </label>
      <p className="hint" id={externalHintId}>
        {t('chairIsExternalHint')}
      </p>
      <label htmlFor={timeId}>{t('availableTime')}</label>
      <select
        id={timeId}
        value={total}
        aria-describedby={timeHintId}
        onChange={(e) => setPicked(e.target.value)}
      >
        <option value="default">
          {t(isShortMeeting(ownTotal) ? 'methodDefaultTimeShort' : 'methodDefaultTime', {
            minutes: ownTotal,
          })}
        </option>
        {PRESET_TOTALS.map((n) => (
          <option key={n} value={String(n)}>
            {t(isShortMeeting(n) ? 'minutesTotalShort' : 'minutesTotal', { minutes: n })}
          </option>
        ))}
      </select>
      <p className="hint" id={timeHintId}>
        {t('meetingLengthHint')}
      </p>
      <ol className="phase-list hint">
        {method.phases.map((phase, index) => (
          <li key={phase.id}>
            {phase.name[locale]} — {t('minutes', { count: minutes?.[index] ?? phase.minutes })}
          </li>
        ))}
      </ol>
      <button type="submit" {...SUBMIT_ONCE} aria-describedby={sizeId}>
        {t('startMeeting')}
      </button>
    </form>
  );
}

/**
 * The time choice a method starts with: its own times when they reach the recommended length
 * (they are the method's, unchanged), else that length as a preset.
 */
function defaultChoice(method: Method): string {
  const total = defaultTotalMinutes(method);
  return total === totalMinutes(method) ? 'default' : String(total);
}

/** Whose turn it is to chair by the group's rota, or nothing when the group has no rota yet. */
export function RotaLine({
  suggestedChair,
  selfName,
}: {
  suggestedChair: string | null;
  selfName: string | null;
}) {
  const { t } = useI18n();
  if (suggestedChair === null) return null;
  return (
    <p className="hint">
      {suggestedChair === selfName
        ? t('chairSuggestionYou')
        : t('chairSuggestion', { name: suggestedChair })}
    </p>
  );
}
