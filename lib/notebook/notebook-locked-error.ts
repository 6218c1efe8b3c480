/**
 * Thrown by reads and writes while the notebook is encrypted and not unlocked. A module of its
 * own so that the panel's first screen can tell it apart without loading the notebook (Dexie).
 */
export class NotebookLockedError extends Error {
  constructor() {
    super('The notebook is locked: unlock it with the passphrase first.');
    this.name = 'NotebookLockedError';
  }
}
