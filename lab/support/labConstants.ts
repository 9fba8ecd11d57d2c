/**
 * Fixed facts of the local telephony lab (see lab/README.md). They MUST match
 * lab/kamailio/kamailio.cfg, lab/rtpengine/rtpengine.conf and lab/lib/common.sh.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Loopback address every lab service listens on (inside the namespace: its own loopback). */
export const LAB_HOST = '127.0.0.1';
/** SIP domain of the lab users (`sip:1001@127.0.0.1`). */
export const LAB_SIP_DOMAIN = '127.0.0.1';
/** Kamailio SIP over UDP and TCP. */
export const LAB_SIP_PORT = 5060;
/** Kamailio SIP over WebSocket. */
export const LAB_WS_PORT = 8080;
/** A second WebSocket port: a desk connected here can be cut alone (`cutNetwork('ports:…')`). */
export const LAB_WS_SECOND_PORT = 8081;
/** Kamailio SIP over secure WebSocket (self-signed certificate made at every start). */
export const LAB_WSS_PORT = 8443;
export const LAB_WS_URL = `ws://${LAB_HOST}:${LAB_WS_PORT}`;
export const LAB_WS_SECOND_URL = `ws://${LAB_HOST}:${LAB_WS_SECOND_PORT}`;
export const LAB_WSS_URL = `wss://${LAB_HOST}:${LAB_WSS_PORT}`;
/** Digest realm of the lab when started with auth (`EMPFANG_LAB_AUTH=1`). */
export const LAB_AUTH_REALM = 'empfang-lab';
/** rtpengine sends every RFC 4733 event it relays as JSON to this UDP port. */
export const LAB_DTMF_LOG_PORT = 2224;
/** rtpengine relay ports (media always goes through them). */
export const LAB_RTP_PORT_RANGE = { first: 30000, last: 30999 } as const;
/** The user every call to an E.164 client line (DID) rings. */
export const LAB_RECEPTION_USER = '1001';
/** A client line (DID) for tests: calls to it ring the reception user with P-Called-Party-ID. */
export const LAB_CLIENT_LINE = '+4930123456';
/** Default caller number and display name of the SIPp outside caller. */
export const LAB_CALLER_NUMBER = '+4915112345678';
export const LAB_CALLER_NAME = 'Anna Beispiel';

/** A fixed lab account. Passwords are lab-only and public on purpose. */
export interface LabUser {
  user: string;
  password: string;
  /** agent: a desk (browser); staff: a transfer target, usually a SIPp UAS. */
  role: 'agent' | 'staff';
  uri: string;
}

function labUser(user: string, role: LabUser['role']): LabUser {
  return { user, password: `lab${user}`, role, uri: `sip:${user}@${LAB_SIP_DOMAIN}` };
}

/** Agents 1001–1004 (1001 = reception) and staff members 2001–2004. */
export const LAB_USERS: readonly LabUser[] = [
  ...['1001', '1002', '1003', '1004'].map((user) => labUser(user, 'agent')),
  ...['2001', '2002', '2003', '2004'].map((user) => labUser(user, 'staff')),
];

/** Returns the lab account of a user name; throws for names outside the fixed list. */
export function findLabUser(user: string): LabUser {
  const found = LAB_USERS.find((candidate) => candidate.user === user);
  if (!found) throw new Error(`${user} is not a lab user`);
  return found;
}

/** Repository root (the lab scripts live in <root>/lab). */
export const LAB_REPOSITORY_ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
);

/** State dir of the running lab: logs, certificate, generated audio, SIPp work dirs. */
export function labRunDirectory(): string {
  return process.env.EMPFANG_LAB_RUN_DIR ?? path.join(LAB_REPOSITORY_ROOT, '.lab-run');
}

/** True when this process runs inside `lab/run-isolated.sh` (the lab is up on 127.0.0.1). */
export function isInsideLab(): boolean {
  return process.env.EMPFANG_LAB === '1';
}

/**
 * Why lab tests cannot run here, or undefined when they can. Use with
 * `test.skip(!!labSkipReason(), labSkipReason())`.
 */
export function labSkipReason(): string | undefined {
  if (isInsideLab()) return undefined;
  return 'needs the telephony lab: run via `bash lab/run-isolated.sh npx playwright test ...` (EMPFANG_LAB=1 is not set)';
}
