import { useId, useState } from 'react';
import { METHODS } from '../../lib/method/method-list';
import { PRESET_TOTALS, rescalePhaseMinutes, totalMinutes } from '../../lib/method/phase-times';
import { useI18n } from '../common/I18n';

/**
 * Shown to whoever chairs today while no meeting runs: they pick the method (with a short
 * description of each) and the time the group has, and start the meeting.
 */
export function StartMeeting({
  suggestedChair,
  selfName = null,
  onStart,
}: {
  /** Whose turn it is by the group's rota (lib/device/meeting-history.ts); null: no rota yet. */
  suggestedChair: string | null;
  /** This member's name, to say "your turn" rather than their own name. */
  selfName?: string | null;
  onStart: (methodId: string, phaseMinutes: readonly number[] | null) => void;
}) {
  const { t, locale } = useI18n();
  const [methodId, setMethodId] = useState<string>(METHODS[0]?.id ?? 'basic');
  const [total, setTotal] = useState('default');
  const selectId = useId();
  const timeId = useId();
  const descriptionId = useId();
  const method = METHODS.find((m) => m.id === methodId) ?? METHODS[0];
  if (!method) return null;
  const minutes = total === 'default' ? null : rescalePhaseMinutes(method, Number(total));
  return (
    <form
      className="start-meeting"
      aria-label={t('startMeeting')}
      onSubmit={(event) => {
        event.preventDefault();
        onStart(method.id, minutes);
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
      <label htmlFor={timeId}>{t('availableTime')}</label>
      <select id={timeId} value={total} onChange={(e) => setTotal(e.target.value)}>
        <option value="default">{t('methodDefaultTime', { minutes: totalMinutes(method) })}</option>
        {PRESET_TOTALS.map((n) => (
          <option key={n} value={String(n)}>
            {t('minutesTotal', { minutes: n })}
          </option>
        ))}
      </select>
      <ol className="phase-list hint">
        {method.phases.map((phase, index) => (
          <li key={phase.id}>
            {phase.name[locale]} — {t('minutes', { count: minutes?.[index] ?? phase.minutes })}
          </li>
        ))}
      </ol>
      <button type="submit">{t('startMeeting')}</button>
    </form>
  );
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
