import { useId, useState } from 'react';
import { METHODS } from '../lib/methods';
import { useI18n } from './I18n';

/** Shown while no meeting runs: whoever chairs today picks the method and starts the meeting. */
export function StartMeeting({ onStart }: { onStart: (methodId: string) => void }) {
  const { t, locale } = useI18n();
  const [methodId, setMethodId] = useState(METHODS[0]?.id ?? 'basic');
  const selectId = useId();
  const method = METHODS.find((m) => m.id === methodId);
  return (
    <form
      className="start-meeting"
      onSubmit={(event) => {
        event.preventDefault();
        onStart(methodId);
      }}
    >
      <p>{t('noMeeting')}</p>
      <label htmlFor={selectId}>{t('method')}</label>
      <select id={selectId} value={methodId} onChange={(e) => setMethodId(e.target.value)}>
        {METHODS.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name[locale]}
          </option>
        ))}
      </select>
      {method && <p className="hint">{method.description[locale]}</p>}
      <button type="submit">{t('startMeeting')}</button>
    </form>
  );
}
