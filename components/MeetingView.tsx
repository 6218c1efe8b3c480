import type { SessionState } from '../lib/session-state';
import { useI18n } from './I18n';

/**
 * The running meeting: the current phase and what happens in it, the whole sequence of phases,
 * and for the chair alone the controls to move on or back.
 */
export function MeetingView({
  session,
  isChair,
  onNext,
  onPrevious,
}: {
  session: SessionState;
  isChair: boolean;
  onNext: () => void;
  onPrevious: () => void;
}) {
  const { t, locale } = useI18n();
  const { method, phase, phaseIndex } = session;
  const total = method.phases.length;
  return (
    <section aria-labelledby="phase-heading" className="meeting">
      <p className="method-name">{method.name[locale]}</p>
      {session.chairName && (
        <p className="chaired-by">{t('chairedBy', { name: session.chairName })}</p>
      )}
      <p className="phase-count">{t('phaseOf', { index: phaseIndex + 1, total })}</p>
      <h2 id="phase-heading" aria-live="polite" data-testid="current-phase">
        {phase.name[locale]}
      </h2>
      <p className="phase-explanation" data-testid="phase-explanation">
        {phase.explanation[locale]}
      </p>
      {isChair && (
        <div role="group" aria-label={t('chairControls')} className="chair-controls">
          <button type="button" onClick={onPrevious} disabled={phaseIndex === 0}>
            {t('previousPhase')}
          </button>
          <button type="button" onClick={onNext} disabled={phaseIndex === total - 1}>
            {t('nextPhase')}
          </button>
        </div>
      )}
      <nav aria-label={t('phases')}>
        <ol className="phase-list">
          {method.phases.map((p, index) => (
            <li key={p.id} aria-current={index === phaseIndex ? 'step' : undefined}>
              {p.name[locale]} <span className="minutes">{t('minutes', { count: p.minutes })}</span>
            </li>
          ))}
        </ol>
      </nav>
    </section>
  );
}
