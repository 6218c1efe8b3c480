import { useEffect } from 'react';
import type { KeyValueStore } from '../../lib/device/key-value-store';
import { unsealGroups } from '../../lib/device/panel-store';
import type { Notebook } from '../../lib/notebook/notebook';

/**
 * The meeting history's and attendance's code (they read meeting summaries, and with them the
 * method) is needed only with a passphrase: loaded then, so that the panel's first screen stays
 * small.
 */
const loadHistoryStore = () => import('../../lib/device/history-store');
const loadAttendanceStore = () => import('../../lib/device/attendance-store');

/**
 * Sealing sweeps for the whole device. Before the notebook's passphrase is removed, the groups and meeting histories sealed for its
 * at-rest key pair are written back plain (the private key goes with the passphrase). If that fails, the
 * passphrase stays and the form says something went wrong: nothing is lost.
 */
export function useUnsealBeforeRemoval(
  notebook: Notebook | null,
  store: KeyValueStore,
  groupIds: readonly string[],
): void {
  // A string, so that a new but equal list does not set the hook again.
  const ids = groupIds.join(' ');
  useEffect(() => {
    if (!notebook) return undefined;
    notebook.setBeforeDisable(async (keys) => {
      const { unsealHistory } = await loadHistoryStore();
      for (const groupId of ids.split(' ').filter(Boolean)) {
        await unsealHistory(store, groupId, keys.privateKey);
      }
      const { unsealAttendance } = await loadAttendanceStore();
      await unsealAttendance(store, keys.privateKey);
      await unsealGroups(store, keys.privateKey);
    });
    return () => notebook.setBeforeDisable(null);
  }, [notebook, store, ids]);

  // When a passphrase is set (and when the panel opens with one), every remembered group's
  // plain history is sealed, not only those of the groups the member opens.
  useEffect(() => {
    if (!notebook) return undefined;
    let last: string | null = null;
    const sweep = () =>
      void notebook.atRestKeys().then(async (keys) => {
        if (keys.state === last) return;
        last = keys.state;
        const publicKey = keys.state === 'off' ? null : keys.publicKey;
        if (!publicKey) return;
        const { sealHistory } = await loadHistoryStore();
        for (const groupId of ids.split(' ').filter(Boolean)) {
          await sealHistory(store, groupId, publicKey).catch(() => undefined);
        }
        const { sealAttendance } = await loadAttendanceStore();
        await sealAttendance(store, publicKey).catch(() => undefined);
      });
    sweep();
    return notebook.subscribe(sweep);
  }, [notebook, store, ids]);
}
