import { useCallback, useState } from 'react';
import type { CommandContext } from '../../lib/shared-doc/board-commands';
import type { MessageKey } from '../../lib/i18n/messages';
import type { CommandRefusal, CommandResult } from '../../lib/shared-doc/meeting-commands';
import type { Run } from './meeting-props';

/** The message for each refusal; the UI offers only allowed commands, so most mean a race. */
const REFUSALS: Readonly<Record<CommandRefusal, MessageKey>> = {
  empty: 'boardErrorEmpty',
  'too-long': 'boardErrorTooLong',
  'not-allowed': 'boardErrorNotAllowed',
  'board-full': 'boardErrorFull',
  'meeting-full': 'boardErrorMeetingFull',
  'no-such-item': 'boardErrorNoSuchItem',
  'chair-cannot-bring': 'boardErrorChairCannotBring',
  'not-started': 'boardErrorNotStarted',
  'not-chair': 'boardErrorNotAllowed',
  'no-such-phase': 'boardErrorOther',
  'unknown-method': 'boardErrorOther',
  'already-started': 'boardErrorOther',
  'chair-present': 'boardErrorOther',
  'not-yet': 'boardErrorNotYet',
  'no-more': 'boardErrorNoMore',
  'question-limit': 'boardErrorQuestionLimit',
};

/**
 * Runs board commands for a component and keeps the last refusal as a message key to show
 * (cleared by the next command that succeeds). `act` returns true when the command ran.
 */
export function useBoardCommand(run: Run): {
  act: (command: (ctx: CommandContext) => CommandResult) => boolean;
  error: MessageKey | null;
} {
  const [error, setError] = useState<MessageKey | null>(null);
  const act = useCallback(
    (command: (ctx: CommandContext) => CommandResult) => {
      const result = run(command);
      setError(result.ok ? null : REFUSALS[result.reason]);
      return result.ok;
    },
    [run],
  );
  return { act, error };
}
