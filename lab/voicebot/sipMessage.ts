/**
 * SIP messages (RFC 3261) for the lab voicebot: parse a datagram into a request or response and
 * serialise one back. Caller-controlled input, so parsing is bounded and never throws: too
 * large, too many headers, a bad start line or a Content-Length that does not fit → undefined.
 */

/** Refuse messages above this size (a UDP datagram holds at most 64 KiB anyway). */
export const MAXIMUM_MESSAGE_BYTES = 65_535;
export const MAXIMUM_HEADERS = 256;

export interface SipHeader {
  readonly name: string;
  readonly value: string;
}

export interface SipRequest {
  readonly kind: 'request';
  readonly method: string;
  readonly uri: string;
  readonly headers: readonly SipHeader[];
  readonly body: string;
}

export interface SipResponse {
  readonly kind: 'response';
  readonly status: number;
  readonly reason: string;
  readonly headers: readonly SipHeader[];
  readonly body: string;
}

export type SipMessage = SipRequest | SipResponse;

const COMPACT_NAMES: Record<string, string> = {
  v: 'via',
  f: 'from',
  t: 'to',
  i: 'call-id',
  m: 'contact',
  l: 'content-length',
  c: 'content-type',
  k: 'supported',
  r: 'refer-to',
  o: 'event',
};

/** Lower-case long form of a header name (compact forms expanded). */
export function canonicalHeaderName(name: string): string {
  const lower = name.trim().toLowerCase();
  return COMPACT_NAMES[lower] ?? lower;
}

const METHOD = /^[A-Z]{2,20}$/;
const REQUEST_LINE = /^([A-Za-z]+) (\S{1,2048}) SIP\/2\.0$/;
const STATUS_LINE = /^SIP\/2\.0 ([1-6]\d\d) ?(.{0,256})$/;

export function parseSipMessage(datagram: string): SipMessage | undefined {
  if (datagram.length > MAXIMUM_MESSAGE_BYTES) return undefined;
  const separator = datagram.indexOf('\r\n\r\n');
  if (separator < 0) return undefined;
  const head = datagram.slice(0, separator);
  const rawBody = datagram.slice(separator + 4);
  // Header folding (continuation lines) is joined before splitting.
  const lines = head.replace(/\r\n[ \t]+/g, ' ').split('\r\n');
  const startLine = lines.shift() ?? '';
  if (lines.length > MAXIMUM_HEADERS) return undefined;
  const headers: SipHeader[] = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) return undefined;
    const name = line.slice(0, colon).trim();
    if (!/^[A-Za-z0-9!%*_+`'~.-]+$/.test(name)) return undefined;
    headers.push({ name, value: line.slice(colon + 1).trim() });
  }
  const lengthValue = headerOf(headers, 'content-length');
  let body = rawBody;
  if (lengthValue !== undefined) {
    if (!/^\d{1,5}$/.test(lengthValue)) return undefined;
    const length = Number(lengthValue);
    if (length > Buffer.byteLength(rawBody)) return undefined;
    body = Buffer.from(rawBody).subarray(0, length).toString();
  }
  const request = REQUEST_LINE.exec(startLine);
  if (request) {
    const method = request[1]!.toUpperCase();
    if (!METHOD.test(method)) return undefined;
    return { kind: 'request', method, uri: request[2]!, headers, body };
  }
  const status = STATUS_LINE.exec(startLine);
  if (status) {
    return { kind: 'response', status: Number(status[1]), reason: status[2]!, headers, body };
  }
  return undefined;
}

function headerOf(headers: readonly SipHeader[], name: string): string | undefined {
  const wanted = canonicalHeaderName(name);
  return headers.find((header) => canonicalHeaderName(header.name) === wanted)?.value;
}

/** The first value of a header (compact forms match), or undefined. */
export function headerValue(message: SipMessage, name: string): string | undefined {
  return headerOf(message.headers, name);
}

/**
 * Every value of a header, with comma-separated lists split (commas inside `<…>` or quotes do
 * not split), in message order: for Via, Route and Record-Route.
 */
export function headerValues(message: SipMessage, name: string): string[] {
  const wanted = canonicalHeaderName(name);
  return message.headers
    .filter((header) => canonicalHeaderName(header.name) === wanted)
    .flatMap((header) => splitHeaderList(header.value));
}

export function splitHeaderList(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  let angle = false;
  let quoted = false;
  for (const character of value) {
    if (character === '"' && !angle) quoted = !quoted;
    else if (character === '<' && !quoted) angle = true;
    else if (character === '>' && !quoted) angle = false;
    if (character === ',' && !angle && !quoted) {
      if (current.trim() !== '') parts.push(current.trim());
      current = '';
    } else current += character;
  }
  if (current.trim() !== '') parts.push(current.trim());
  return parts;
}

/** A header parameter (`tag`, `branch`, `received`), read outside of `<…>`. */
export function headerParameter(value: string, parameter: string): string | undefined {
  const outside = value.replace(/<[^>]*>/g, '').replace(/"[^"]*"/g, '');
  const match = new RegExp(`;\\s*${parameter}\\s*=\\s*([^;,\\s]+)`, 'i').exec(outside);
  return match?.[1];
}

/** The URI of a name-addr (`"Name" <sip:a@b>;tag=x` → `sip:a@b`) or of a bare addr-spec. */
export function uriOf(nameAddress: string): string {
  // A quoted display name may itself hold "<…>" (hostile callers): look past it.
  const unquoted = nameAddress.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  const angled = /<([^>]*)>/.exec(unquoted);
  if (angled) return angled[1]!.trim();
  return unquoted.split(';')[0]!.trim();
}

/** `CSeq: 12 INVITE` → { sequence: 12, method: 'INVITE' }. */
export function cseqOf(message: SipMessage): { sequence: number; method: string } | undefined {
  const match = /^(\d{1,10})\s+([A-Za-z]+)$/.exec(headerValue(message, 'cseq') ?? '');
  return match ? { sequence: Number(match[1]), method: match[2]!.toUpperCase() } : undefined;
}

/** Serialises with a correct Content-Length (any given one is replaced). */
export function serializeSipMessage(message: SipMessage): string {
  const startLine =
    message.kind === 'request'
      ? `${message.method} ${message.uri} SIP/2.0`
      : `SIP/2.0 ${message.status} ${message.reason}`;
  const headers = message.headers
    .filter((header) => canonicalHeaderName(header.name) !== 'content-length')
    .map((header) => `${header.name}: ${header.value}`);
  headers.push(`Content-Length: ${Buffer.byteLength(message.body)}`);
  return `${startLine}\r\n${headers.join('\r\n')}\r\n\r\n${message.body}`;
}

/** A response to `request` that copies Via, From, To, Call-ID and CSeq (RFC 3261 8.2.6). */
export function responseTo(
  request: SipRequest,
  status: number,
  reason: string,
  options: { toTag?: string; headers?: readonly SipHeader[]; body?: string } = {},
): SipResponse {
  const copied = request.headers.filter((header) =>
    ['via', 'from', 'call-id', 'cseq', 'record-route'].includes(canonicalHeaderName(header.name)),
  );
  let to = headerValue(request, 'to') ?? '';
  if (options.toTag && headerParameter(to, 'tag') === undefined) to += `;tag=${options.toTag}`;
  const withTo = [...copied, { name: 'To', value: to }];
  // Record-Route is echoed only in responses that set up a dialog.
  const headers = withTo.filter(
    (header) =>
      canonicalHeaderName(header.name) !== 'record-route' || (status >= 180 && status < 300),
  );
  return {
    kind: 'response',
    status,
    reason,
    headers: [...headers, ...(options.headers ?? [])],
    body: options.body ?? '',
  };
}
