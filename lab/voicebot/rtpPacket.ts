/**
 * RTP (RFC 3550) packets for the lab voicebot: a fixed 12-byte header, no CSRC or extensions
 * when sending; tolerant but bounded parsing of what arrives (CSRC list, header extension and
 * padding are skipped; anything shorter or not version 2 is refused).
 */

export const RTP_HEADER_BYTES = 12;
/** Static payload type of PCMU (G.711 µ-law, 8 kHz). */
export const PCMU_PAYLOAD_TYPE = 0;
/** 20 ms of 8 kHz µ-law: the usual packet size (a=ptime:20). */
export const PCMU_SAMPLES_PER_PACKET = 160;

export interface RtpPacket {
  readonly payloadType: number;
  readonly marker: boolean;
  readonly sequenceNumber: number;
  readonly timestamp: number;
  readonly ssrc: number;
  readonly payload: Uint8Array;
}

export function buildRtpPacket(packet: RtpPacket): Uint8Array {
  const bytes = new Uint8Array(RTP_HEADER_BYTES + packet.payload.length);
  const view = new DataView(bytes.buffer);
  view.setUint8(0, 0x80);
  view.setUint8(1, (packet.marker ? 0x80 : 0) | (packet.payloadType & 0x7f));
  view.setUint16(2, packet.sequenceNumber & 0xffff);
  view.setUint32(4, packet.timestamp >>> 0);
  view.setUint32(8, packet.ssrc >>> 0);
  bytes.set(packet.payload, RTP_HEADER_BYTES);
  return bytes;
}

/** Parses one datagram; undefined for anything that is not a well-formed RTP packet. */
export function parseRtpPacket(datagram: Uint8Array): RtpPacket | undefined {
  if (datagram.length < RTP_HEADER_BYTES) return undefined;
  const view = new DataView(datagram.buffer, datagram.byteOffset, datagram.byteLength);
  const first = view.getUint8(0);
  if (first >> 6 !== 2) return undefined;
  const second = view.getUint8(1);
  const payloadType = second & 0x7f;
  // 72–76 are RTCP packet types when RTCP shares the port (rtcp-mux): not media.
  if (payloadType >= 72 && payloadType <= 76) return undefined;
  let offset = RTP_HEADER_BYTES + (first & 0x0f) * 4;
  if (first & 0x10) {
    if (datagram.length < offset + 4) return undefined;
    offset += 4 + view.getUint16(offset + 2) * 4;
  }
  let end = datagram.length;
  if (first & 0x20) {
    const padding = datagram[datagram.length - 1]!;
    end -= padding;
  }
  if (offset > end) return undefined;
  return {
    payloadType,
    marker: (second & 0x80) !== 0,
    sequenceNumber: view.getUint16(2),
    timestamp: view.getUint32(4),
    ssrc: view.getUint32(8),
    payload: datagram.subarray(offset, end),
  };
}
