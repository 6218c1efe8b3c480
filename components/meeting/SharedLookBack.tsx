import { useId } from 'react';
import type { BoardState } from '../../lib/shared-doc/board-state';
import { useI18n } from '../common/I18n';

/**
 * The shared look back: what members chose to tell the group about how it went since last
 * time (the board command `shareLookBack`), on every panel.
 */
export function SharedLookBack({ board }: { board: BoardState }) {
  const { t } = useI18n();
  const headingId = useId();
  if (board.sharedLookBack.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="shared-look-back">
      <h3 id={headingId}>{t('sharedLookBackHeading')}</h3>
      <ul>
        {board.sharedLookBack.map((line) => (
          <li key={line.id}>{t('sharedBy', { name: line.authorName, text: line.text })}</li>
        ))}
      </ul>
    </section>
  );
}
