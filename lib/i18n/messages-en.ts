import { MESSAGES } from './messages';
import { tableOf } from './locale-table';

/**
 * The panel's texts in English only. In the extension's build this module is replaced by the
 * table itself (scripts/messages-by-locale.ts), a chunk of its own that the panel loads when it
 * speaks English (load-messages.ts); here (tests, Node) it is computed from MESSAGES.
 */
export default tableOf(MESSAGES, 'en');
