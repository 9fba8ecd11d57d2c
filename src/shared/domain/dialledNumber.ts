/**
 * Which client line (DID) a caller dialled, read from an incoming INVITE. The client card is
 * chosen from it, so it MUST come from the most trustworthy header available:
 *
 * 1. `P-Called-Party-ID` (RFC 3455; set by the proxy, the lab replaces any caller copy),
 * 2. `Diversion` (RFC 5806; the last entry is the originally dialled number),
 * 3. `History-Info` (RFC 7044; the entry with the lowest index is the original target),
 * 4. the `To` user, 5. the Request-URI user.
 *
 * Only values that parse as a public number (E.164) count; an extension such as `1001` in `To`
 * (agent-to-agent call) is no client line. Input is caller-controlled: lengths are bounded and
 * nothing is evaluated.
 */
import { parsePhoneNumber } from './phoneNumber';

/** The parts of an INVITE this module reads; adapters map their SIP library onto it. */
export interface InviteHeaderSource {
  requestUri: string;
  /** All values of a header in message order; empty when absent. */
  headers(name: string): readonly string[];
}

export type DialledNumberSource =
  'p-called-party-id' | 'diversion' | 'history-info' | 'to' | 'request-uri';

export interface DialledNumber {
  /** The client line in E.164. */
  e164: string;
  source: DialledNumberSource;
}

/** Header values longer than this are not inspected (hostile input). */
const MAX_HEADER_VALUE_LENGTH = 2048;
/** More entries than this in one header are ignored. */
const MAX_ENTRIES = 16;

/** Splits a header value on top-level commas (outside quotes and angle brackets). */
export function splitHeaderEntries(value: string): string[] {
  const entries: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (let index = 0; index < value.length; index += 1) {
    const character = value[index]!;
    if (quoted) {
      if (character === '\\' && index + 1 < value.length) {
        current += character + value[index + 1]!;
        index += 1;
        continue;
      }
      if (character === '"') quoted = false;
    } else if (character === '"') quoted = true;
    else if (character === '<') depth += 1;
    else if (character === '>') depth = Math.max(0, depth - 1);
    else if (character === ',' && depth === 0) {
      entries.push(current.trim());
      current = '';
      continue;
    }
    current += character;
  }
  if (current.trim() !== '') entries.push(current.trim());
  return entries.slice(0, MAX_ENTRIES);
}

/** The URI of a name-addr (`"x" <sip:…>;p`) or addr-spec (`sip:…;p`) entry. */
export function uriOfEntry(entry: string): string {
  const open = entry.indexOf('<');
  if (open >= 0) {
    const close = entry.indexOf('>', open);
    return entry.slice(open + 1, close < 0 ? undefined : close).trim();
  }
  return entry.trim().split(/[\s;]/)[0] ?? '';
}

/** A header parameter of an entry (outside the angle brackets), e.g. `index` of History-Info. */
function entryParameter(entry: string, name: string): string | undefined {
  const close = entry.lastIndexOf('>');
  const parameters = close >= 0 ? entry.slice(close + 1) : entry.slice(entry.indexOf(';'));
  const match = new RegExp(`;\\s*${name}\\s*=\\s*([^;\\s]+)`, 'i').exec(parameters);
  return match?.[1];
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The user part of a sip:/sips:/tel: URI (`tel:` → the number), or undefined. */
export function userOfUri(uri: string): string | undefined {
  const match = /^(sips?|tel):(.*)$/i.exec(uri.trim());
  if (!match) return undefined;
  const scheme = match[1]!.toLowerCase();
  const rest = match[2]!;
  if (scheme === 'tel') return safeDecode(rest.split(';')[0]!);
  const at = rest.lastIndexOf('@');
  if (at < 0) return undefined;
  return safeDecode(rest.slice(0, at).split(';')[0]!.split(':')[0]!);
}

function e164OfEntry(entry: string): string | undefined {
  const user = userOfUri(uriOfEntry(entry));
  if (user === undefined) return undefined;
  const parsed = parsePhoneNumber(user);
  return parsed.kind === 'e164' ? parsed.e164 : undefined;
}

function entriesOf(source: InviteHeaderSource, name: string): string[] {
  return source
    .headers(name)
    .filter((value) => value.length <= MAX_HEADER_VALUE_LENGTH)
    .flatMap(splitHeaderEntries)
    .slice(0, MAX_ENTRIES);
}

function historyInfoOriginal(entries: string[]): string | undefined {
  const indexed = entries.map((entry, position) => ({
    entry,
    // RFC 7044 indices are dotted ("1", "1.1", "1.1.2"); fewer levels are earlier targets.
    key: (entryParameter(entry, 'index') ?? `${position + 1}`)
      .split('.')
      .map((part) => Number.parseInt(part, 10) || 0),
  }));
  indexed.sort((left, right) => {
    for (let level = 0; level < Math.max(left.key.length, right.key.length); level += 1) {
      const difference = (left.key[level] ?? -1) - (right.key[level] ?? -1);
      if (difference !== 0) return difference;
    }
    return 0;
  });
  for (const { entry } of indexed) {
    const e164 = e164OfEntry(entry);
    if (e164) return e164;
  }
  return undefined;
}

/** The dialled client line of an INVITE, or undefined when none of the sources holds one. */
export function extractDialledNumber(source: InviteHeaderSource): DialledNumber | undefined {
  for (const entry of entriesOf(source, 'P-Called-Party-ID')) {
    const e164 = e164OfEntry(entry);
    if (e164) return { e164, source: 'p-called-party-id' };
  }
  const diversions = entriesOf(source, 'Diversion');
  for (const entry of [...diversions].reverse()) {
    const e164 = e164OfEntry(entry);
    if (e164) return { e164, source: 'diversion' };
  }
  const history = historyInfoOriginal(entriesOf(source, 'History-Info'));
  if (history) return { e164: history, source: 'history-info' };
  const to = entriesOf(source, 'To')[0];
  const toNumber = to === undefined ? undefined : e164OfEntry(to);
  if (toNumber) return { e164: toNumber, source: 'to' };
  if (source.requestUri.length <= MAX_HEADER_VALUE_LENGTH) {
    const requestNumber = e164OfEntry(source.requestUri);
    if (requestNumber) return { e164: requestNumber, source: 'request-uri' };
  }
  return undefined;
}
