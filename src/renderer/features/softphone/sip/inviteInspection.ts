/**
 * Reads an incoming INVITE into plain, sanitised values before anything is shown, and decides
 * whether its offer is usable. Everything in an INVITE is caller-controlled (SECURITY.md rule 11):
 * names are sanitised and capped here, numbers normalised, and nothing is ever evaluated.
 */
import { extractDialledNumber } from '../../../../shared/domain/dialledNumber';
import { sanitizeDisplayText, sanitizeSipDisplayName } from '../../../../shared/domain/displayText';
import { formatForDisplay, parsePhoneNumber } from '../../../../shared/domain/phoneNumber';

/** What the parts of SIP.js we use look like (kept small so tests can build one by hand). */
export interface InviteMessage {
  ruri?: { toString(): string };
  from?: { displayName?: string; uri?: { user?: string; toString(): string } };
  body?: string;
  getHeader(name: string): string | undefined;
  getHeaders(name: string): string[];
}

export interface RemoteParty {
  /** E.164 or extension digits; undefined when the caller sent no usable number. */
  number?: string;
  /** Display form of the number, or the sanitised SIP user when it is no number. */
  label: string;
  name: string;
}

/** Cap for a SIP user shown when it is not a number (e.g. "anonymous"). */
const USER_LABEL_MAX_LENGTH = 32;

/** Describes a SIP user part (`+4930…`, `030…`, `1002`, `anonymous`) for display. */
export function remotePartyOf(
  user: string | undefined,
  displayName: string | undefined,
): RemoteParty {
  const name = sanitizeSipDisplayName(displayName);
  const parsed = parsePhoneNumber(user ?? '');
  if (parsed.kind === 'e164') {
    return { number: parsed.e164, label: formatForDisplay(parsed.e164), name };
  }
  if (parsed.kind === 'extension') return { number: parsed.digits, label: parsed.digits, name };
  return { label: sanitizeDisplayText(user ?? '', USER_LABEL_MAX_LENGTH), name };
}

/** The caller of an INVITE. */
export function callerOf(message: InviteMessage): RemoteParty {
  return remotePartyOf(message.from?.uri?.user, message.from?.displayName);
}

/** The client line the caller dialled (E.164), see `dialledNumber.ts` for the order. */
export function clientLineOf(message: InviteMessage): string | undefined {
  return extractDialledNumber({
    requestUri: message.ruri?.toString() ?? '',
    headers: (name) => message.getHeaders(name),
  })?.e164;
}

export type OfferVerdict =
  | { usable: true }
  | {
      usable: false;
      statusCode: 488 | 415;
      reason: 'no-audio' | 'no-codec' | 'not-sdp' | 'malformed';
    };

/** Codecs a browser can answer with (RTP payload names, lower case). */
const SUPPORTED_CODECS = new Set(['opus', 'pcmu', 'pcma', 'g722']);
/** Static payload types of those codecs (RFC 3551): PCMU 0, PCMA 8, G722 9. */
const SUPPORTED_STATIC_PAYLOADS = new Set(['0', '8', '9']);
/** An SDP bigger than this is not a telephone call offer. */
const MAX_SDP_LENGTH = 64 * 1024;

/** One SDP line: a single lower-case type letter, `=`, and a value (RFC 4566 5). */
const SDP_LINE = /^[a-z]=/;
/** An address in a `c=` line: `IN IP4 198.51.100.1` or `IN IP6 2001:db8::1` (TTL/count allowed). */
const CONNECTION_LINE = /^c=IN IP[46] [0-9A-Fa-f.:]+(?:\/\d+){0,2}$/;

/**
 * Whether the SDP is well formed enough for the browser: every line `x=value`, the mandatory
 * session lines, and a connection address for every audio stream (at session level or in the
 * stream's own section). A browser's `setRemoteDescription` refuses anything else, which
 * SIP.js would only notice after the agent answered (and then send 480).
 */
function wellFormed(lines: readonly string[]): boolean {
  const content = lines.filter((line) => line !== '');
  if (content.some((line) => !SDP_LINE.test(line))) return false;
  if (content[0] !== 'v=0') return false;
  for (const required of ['o=', 's=', 't=']) {
    if (!content.some((line) => line.startsWith(required))) return false;
  }
  if (content.some((line) => line.startsWith('c=') && !CONNECTION_LINE.test(line))) return false;
  const firstMedia = content.findIndex((line) => line.startsWith('m='));
  const sessionLevel = content.slice(0, firstMedia < 0 ? undefined : firstMedia);
  if (sessionLevel.some((line) => line.startsWith('c='))) return true;
  // Without a session-level address, each audio section needs its own.
  const sections: string[][] = [];
  for (const line of content.slice(firstMedia)) {
    if (line.startsWith('m=')) sections.push([line]);
    else sections[sections.length - 1]?.push(line);
  }
  return sections
    .filter((section) => section[0]!.startsWith('m=audio '))
    .every((section) => section.some((line) => line.startsWith('c=')));
}

/**
 * Whether the offer in an INVITE can be answered: no body (late offer) is fine; an SDP must be
 * well formed (see `wellFormed`: no garbage lines, a `c=` address for the audio) and needs an
 * audio m-line with a non-zero port and a codec the browser speaks. Anything else gets 488
 * (Not Acceptable Here) before the agent is bothered; a non-SDP body gets 415.
 */
export function inspectOffer(message: InviteMessage): OfferVerdict {
  const body = message.body ?? '';
  if (body.trim() === '') return { usable: true };
  const contentType = (message.getHeader('Content-Type') ?? '').toLowerCase();
  if (!contentType.startsWith('application/sdp')) {
    return { usable: false, statusCode: 415, reason: 'not-sdp' };
  }
  const lines = body.split(/\r?\n/).map((line) => line.trim());
  if (body.length > MAX_SDP_LENGTH || !wellFormed(lines)) {
    return { usable: false, statusCode: 488, reason: 'malformed' };
  }
  const mediaLines = lines.filter((line) => line.startsWith('m='));
  const audio = mediaLines
    .map((line) => /^m=audio (\d+)(?:\/\d+)? [A-Za-z/]+((?: \S+)*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null && match[1] !== '0');
  if (audio.length === 0) return { usable: false, statusCode: 488, reason: 'no-audio' };
  const payloads = new Set(audio.flatMap((match) => match[2]!.trim().split(/\s+/)));
  const named = lines
    .map((line) => /^a=rtpmap:(\d+) ([^/\s]+)/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null && payloads.has(match[1]!))
    .map((match) => match[2]!.toLowerCase());
  const supported =
    named.some((codec) => SUPPORTED_CODECS.has(codec)) ||
    [...payloads].some((payload) => SUPPORTED_STATIC_PAYLOADS.has(payload));
  return supported ? { usable: true } : { usable: false, statusCode: 488, reason: 'no-codec' };
}

/**
 * Whether an offer in a re-INVITE puts us on hold (RFC 3264 8.4): the audio stream (or the
 * session) is `sendonly` or `inactive`, or its address is 0.0.0.0 (RFC 2543 style). Undefined
 * for a re-INVITE without SDP (late offer): the direction is not known then.
 */
export function offerHolds(body: string | undefined): boolean | undefined {
  if (!body || !/^m=audio /m.test(body)) return undefined;
  const lines = body.split(/\r?\n/).map((line) => line.trim());
  const audioStart = lines.findIndex((line) => line.startsWith('m=audio '));
  const nextMedia = lines.findIndex((line, index) => index > audioStart && line.startsWith('m='));
  const session = lines.slice(
    0,
    lines.findIndex((line) => line.startsWith('m=')),
  );
  const audio = lines.slice(audioStart, nextMedia < 0 ? undefined : nextMedia);
  const directionOf = (section: string[]) =>
    section.find((line) => /^a=(sendrecv|sendonly|recvonly|inactive)$/.test(line))?.slice(2);
  const direction = directionOf(audio) ?? directionOf(session) ?? 'sendrecv';
  const address = [...audio, ...session].find((line) => line.startsWith('c='));
  return direction === 'sendonly' || direction === 'inactive' || address === 'c=IN IP4 0.0.0.0';
}
