import * as decoding from 'lib0/decoding';
import { messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';

/** y-webrtc's kind of a message that carries the sync protocol (y-webrtc.js `messageSync`). */
const MESSAGE_SYNC = 0;
/** The y-webrtc patch's message naming the peers that have a change already (`messageCovered`). */
const MESSAGE_COVERED = 10;

/**
 * The document update a peer's message carries, or null: y-webrtc's sync message (its kind 0)
 * holding y-protocols' sync step 2 or an update, whose update is read as it is sent, also inside
 * the patch's covered message (its kind 10: the peers that have it, then the message). Any other
 * message, or one that does not decode, is null (y-webrtc reads it as always).
 */
export function syncedUpdateIn(message: Uint8Array): Uint8Array | null {
  if (message.length < 3) return null;
  try {
    const decoder = decoding.createDecoder(message);
    let kind = decoding.readVarUint(decoder);
    if (kind === MESSAGE_COVERED) {
      const count = decoding.readVarUint(decoder);
      for (let i = 0; i < count; i++) decoding.readVarString(decoder);
      const inner = decoding.readVarUint8Array(decoder);
      return inner.length > 0 && inner[0] === MESSAGE_SYNC ? syncedUpdateIn(inner) : null;
    }
    if (kind !== MESSAGE_SYNC) return null;
    kind = decoding.readVarUint(decoder);
    if (kind !== messageYjsSyncStep2 && kind !== messageYjsUpdate) return null;
    return decoding.readVarUint8Array(decoder);
  } catch {
    return null;
  }
}
