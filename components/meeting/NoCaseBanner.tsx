import type { MeetingProps } from '../boards/meeting-props';
import { useI18n } from '../common/I18n';
import { LiveRegion } from '../common/LiveRegion';
import { caseChoicePhase } from '../../lib/method/roles';

/**
 * The group has moved past the phase where the case is confirmed without confirming one: there
 * is no case bringer, so nobody answers the questions or receives the advice. Every panel says
 * so (a member may be the one to tell the chair); the chair gets the way back, to the phase
 * where the case is confirmed. Nothing is blocked: a group may choose to go on without a case.
 */
export function NoCaseBanner({
  meeting,
  role,
  onGoTo,
}: Pick<MeetingProps, 'meeting' | 'role'> & { onGoTo: (phaseIndex: number) => void }) {
  const { t, locale } = useI18n();
  const choice = caseChoicePhase(meeting.method);
  if (choice === null || meeting.caseBringerId !== null || meeting.phaseIndex <= choice) {
    return null;
  }
  const phase = meeting.method.phases[choice]!.name[locale];
  return (
    <div className="no-case" data-testid="no-case">
      <LiveRegion>
        <strong>{t('noCaseHeading')}</strong>{' '}
        {t(role === 'chair' ? 'noCaseChair' : 'noCaseMember', { phase })}
      </LiveRegion>
      {role === 'chair' && (
        <button type="button" onClick={() => onGoTo(choice)}>
          {t('backToPhase', { phase })}
        </button>
      )}
    </div>
  );
}
