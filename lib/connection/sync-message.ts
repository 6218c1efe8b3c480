import * as decoding from 'lib0/decoding';
import { messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';

/** y-webrtc's kind of a message that carries the sync protocol (y-webrtc.js `messageSync`). */
const MESSAGE_SYNC = 0;

/**
 * The document update a peer's message carries, or null: y-webrtc's sync message (its kind 0)
 * holding y-protocols' sync step 2 or an update, whose update is read as it is sent. Any other
 * message, or one that does not decode, is null (y-webrtc reads it as always).
 */
export function syncedUpdateIn(message: Uint8Array): Uint8Array | null {
  if (message.length < 3 || message[0] !== MESSAGE_SYNC) return null;
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarUint(decoder);
    const kind = decoding.readVarUint(decoder);
    if (kind !== messageYjsSyncStep2 && kind !== messageYjsUpdate) return null;
    return decoding.readVarUint8Array(decoder);
  } catch {
    return null;
  }
}
