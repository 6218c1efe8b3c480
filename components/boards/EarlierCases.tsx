import type { BoardState, CaseBoard } from '../../lib/shared-doc/board-state';
import type { Method } from '../../lib/method/method';
import { intentionTexts, takeHomeTexts } from '../../lib/method/board-words';
import { useI18n } from '../common/I18n';

/**
 * The first case's board while the second runs, collapsed above the current board: its
 * questions, core question, advice with the case bringer's marks and follow-through, intentions
 * and evaluation, read-only. "Both cases' boards stay until the end" (issue 14, point 5).
 */
export function EarlierCases({
  board,
  method,
}: {
  board: Pick<BoardState, 'earlierCases'>;
  /** The meeting's method: what its items and the case bringer's intentions are called. */
  method: Method;
}) {
  if (board.earlierCases.length === 0) return null;
  return (
    <div className="earlier-cases">
      {board.earlierCases.map((c) => (
        <EarlierCase key={c.caseNumber} board={c} method={method} />
      ))}
    </div>
  );
}

function EarlierCase({ board, method }: { board: CaseBoard; method: Method }) {
  const { t } = useI18n();
  const itemsHeading = takeHomeTexts(method).earlier;
  const intentions = intentionTexts(method).earlier;
  const title = board.caseTitle ?? board.bringerName ?? '';
  return (
    <details className="earlier-case" data-testid={`case-${board.caseNumber}`}>
      <summary>
        {t('earlierCaseTitle', { number: board.caseNumber, title })}
        {board.bringerName && <> · {t('earlierCaseBy', { name: board.bringerName })}</>}
      </summary>
      {board.coreQuestion && <p>{t('coreQuestion', { text: board.coreQuestion })}</p>}
      {board.questions.length > 0 && (
        <>
          <h4>{t('earlierCaseQuestions')}</h4>
          <ul>
            {board.questions.map((q) => (
              <li key={q.id}>
                {q.text} <span className="author">— {q.authorName}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {board.advice.length > 0 && (
        <>
          <h4>{t(itemsHeading)}</h4>
          <ol>
            {board.advice.map((a) => (
              <li key={a.id}>
                {a.text} <span className="author">— {a.authorName}</span>
                {a.starred && <span className="tag"> · {t('earlierCaseStarred')}</span>}
                {a.tried && <span className="tag"> · {t('earlierCaseTried')}</span>}
                {a.why && <span className="why"> · {t('earlierCaseWhy', { text: a.why })}</span>}
              </li>
            ))}
          </ol>
        </>
      )}
      {board.scale !== null && <p>{t('earlierCaseScale', { n: board.scale })}</p>}
      {board.intentions && <p>{t(intentions, { text: board.intentions })}</p>}
      {board.evaluation.length > 0 && (
        <>
          <h4>{t('earlierCaseEvaluation')}</h4>
          <ul>
            {board.evaluation.map((e) => (
              <li key={e.id}>{e.text}</li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}
