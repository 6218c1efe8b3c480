import type { GroupSession } from '../../lib/connection/group-session';

/** What `kringDiagnostics.sharedState()` returns: each shared document's full state, base64. */
export interface SharedStateDump {
  readonly lobby: string | null;
  readonly meeting: string | null;
}

declare global {
  /**
   * A read-only window onto what this panel shares with the group, for the privacy end-to-end
   * test and for anyone who wants to check: `kringDiagnostics.sharedState()` in the panel's
   * console. It exposes nothing the other members do not already hold.
   */
  var kringDiagnostics: { sharedState(): SharedStateDump } | undefined;
}

function base64(bytes: Uint8Array | null): string | null {
  if (!bytes) return null;
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Points `kringDiagnostics` at the open group session; returns the undo. */
export function exposeSharedState(session: GroupSession): () => void {
  const diagnostics = {
    sharedState: (): SharedStateDump => {
      const state = session.sharedState();
      return { lobby: base64(state.lobby), meeting: base64(state.meeting) };
    },
  };
  globalThis.kringDiagnostics = diagnostics;
  return () => {
    if (globalThis.kringDiagnostics === diagnostics) globalThis.kringDiagnostics = undefined;
  };
}
