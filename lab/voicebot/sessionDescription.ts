/**
 * SDP (RFC 4566) for the lab voicebot: reads where a peer wants audio (address, port, whether
 * PCMU is offered) and writes the bot's PCMU answer. Only what a plain RTP/AVP G.711 endpoint
 * needs; anything else in an offer is ignored, a missing PCMU means "not acceptable" (488).
 */

export interface RemoteAudio {
  readonly address: string;
  readonly port: number;
  readonly pcmuOffered: boolean;
  /** Payload type of telephone-event in the offer, if any (echoed in the answer). */
  readonly telephoneEventPayloadType?: number;
  readonly direction: 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';
}

const MAXIMUM_SDP_LINES = 200;

/** undefined when there is no usable audio stream (no c=, no m=audio, bad port). */
export function readRemoteAudio(sdp: string): RemoteAudio | undefined {
  const lines = sdp.split(/\r?\n/).slice(0, MAXIMUM_SDP_LINES);
  let sessionAddress: string | undefined;
  let mediaAddress: string | undefined;
  let port: number | undefined;
  let formats: string[] = [];
  let inAudio = false;
  let seenAudio = false;
  let telephoneEvent: number | undefined;
  let direction: RemoteAudio['direction'] = 'sendrecv';
  for (const line of lines) {
    if (line.startsWith('m=')) {
      inAudio = !seenAudio && line.startsWith('m=audio ');
      if (inAudio) {
        seenAudio = true;
        const parts = line.slice(2).split(' ');
        port = Number(parts[1]);
        formats = parts.slice(3);
      }
      continue;
    }
    const connection = /^c=IN IP4 ([0-9.]{7,15})/.exec(line);
    if (connection) {
      if (!seenAudio) sessionAddress = connection[1];
      else if (inAudio) mediaAddress = connection[1];
      continue;
    }
    if (!inAudio) continue;
    const event = /^a=rtpmap:(\d{1,3}) telephone-event\/8000/i.exec(line);
    if (event) telephoneEvent = Number(event[1]);
    const directionMatch = /^a=(sendrecv|sendonly|recvonly|inactive)\s*$/.exec(line);
    if (directionMatch) direction = directionMatch[1] as RemoteAudio['direction'];
  }
  const address = mediaAddress ?? sessionAddress;
  if (!address || port === undefined || !Number.isInteger(port) || port < 0 || port > 65535)
    return undefined;
  return {
    address,
    port,
    pcmuOffered: formats.includes('0'),
    telephoneEventPayloadType: telephoneEvent,
    direction,
  };
}

/** The bot's answer: PCMU (and telephone-event when offered), 20 ms packets. */
export function buildAudioAnswer(options: {
  address: string;
  port: number;
  sessionId: number;
  version: number;
  telephoneEventPayloadType?: number;
  direction?: RemoteAudio['direction'];
}): string {
  const event = options.telephoneEventPayloadType;
  const formats = event === undefined ? '0' : `0 ${event}`;
  const lines = [
    'v=0',
    `o=empfang-voicebot ${options.sessionId} ${options.version} IN IP4 ${options.address}`,
    's=empfang-voicebot',
    `c=IN IP4 ${options.address}`,
    't=0 0',
    `m=audio ${options.port} RTP/AVP ${formats}`,
    'a=rtpmap:0 PCMU/8000',
    ...(event === undefined
      ? []
      : [`a=rtpmap:${event} telephone-event/8000`, `a=fmtp:${event} 0-15`]),
    'a=ptime:20',
    `a=${options.direction ?? 'sendrecv'}`,
  ];
  return `${lines.join('\r\n')}\r\n`;
}

/** The answer's direction for an offer's: a sendonly offer (hold) is answered recvonly. */
export function answerDirection(offer: RemoteAudio['direction']): RemoteAudio['direction'] {
  if (offer === 'sendonly') return 'recvonly';
  if (offer === 'recvonly') return 'sendonly';
  return offer;
}
