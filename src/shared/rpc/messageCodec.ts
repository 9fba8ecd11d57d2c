/**
 * Wire codec for socket transports: MessagePack, because it carries `Uint8Array` as binary
 * (audio frames) without base64 inflation, and decodes to plain values in Node and browsers.
 * Electron IPC needs no codec: structured clone carries the same values.
 */
import { decode, encode } from '@msgpack/msgpack';
import type { RpcMessage } from './rpcMessage';

/** The largest frame a socket transport accepts; bigger frames are refused unread. */
export const MAXIMUM_FRAME_BYTES = 1024 * 1024;

export function encodeMessage(message: RpcMessage): Uint8Array {
  return encode(message);
}

/** Returns `undefined` for anything that is not a decodable frame (the caller rejects it). */
export function decodeMessage(frame: ArrayBuffer | Uint8Array): unknown {
  const bytes = frame instanceof Uint8Array ? frame : new Uint8Array(frame);
  if (bytes.byteLength > MAXIMUM_FRAME_BYTES) return undefined;
  try {
    return decode(bytes);
  } catch {
    return undefined;
  }
}
