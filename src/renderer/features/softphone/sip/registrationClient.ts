/**
 * REGISTER, un-REGISTER and liveness probes over SIP.js's user agent core.
 *
 * Why not SIP.js's `Registerer`: on a dead link its REGISTER transaction stays pending until
 * Timer F (32 s) and it refuses any new REGISTER meanwhile, and its refresh timer cannot be
 * stopped without an un-REGISTER. The watchdog must abandon a dead connection and register on
 * a fresh one at once, and it owns the refresh timing, so this client only sends what it is told
 * and reports each result once. Results of requests it has given up on are ignored.
 */
import { Core, UserAgent } from 'sip.js';
import type { DigestKeyring } from './digestKeyring';

export type RegisterOutcome =
  | { ok: true; expiresSeconds: number }
  | { ok: false; problem: 'auth' | 'rejected'; statusCode: number }
  | { ok: false; problem: 'abandoned'; statusCode: 0 };

/** The expiry the desk asks for; the watchdog refreshes well before it. */
export const REQUESTED_EXPIRES_SECONDS = 300;

export class RegistrationClient {
  private readonly request: Core.OutgoingRequestMessage;
  private generation = 0;

  constructor(
    private readonly userAgent: UserAgent,
    private readonly keyring: DigestKeyring,
    private readonly expiresSeconds = REQUESTED_EXPIRES_SECONDS,
  ) {
    const aor = userAgent.configuration.uri;
    const registrar = aor.clone();
    registrar.user = undefined;
    this.request = userAgent.userAgentCore.makeOutgoingRequestMessage(
      'REGISTER',
      registrar,
      aor,
      aor,
      {},
    );
  }

  /** Makes any outstanding request's result stale (its connection was abandoned). */
  abandonOutstanding(): void {
    this.generation += 1;
  }

  /** Sends one REGISTER; with an unknown digest realm, fetches its key and retries once. */
  async register(): Promise<RegisterOutcome> {
    const generation = ++this.generation;
    let outcome = await this.send(this.expiresSeconds, generation);
    const realm = this.keyring.missingRealm;
    if (!outcome.ok && outcome.problem === 'auth' && realm !== undefined) {
      this.keyring.missingRealm = undefined;
      if ((await this.keyring.fetch(realm)) && generation === this.generation) {
        outcome = await this.send(this.expiresSeconds, generation);
      }
    }
    return outcome;
  }

  /** Removes this desk's binding (best effort, e.g. when the agent goes offline). */
  async unregister(): Promise<void> {
    const generation = ++this.generation;
    await this.send(0, generation);
  }

  /** Sends OPTIONS to the registrar; resolves true on any final response. */
  probe(): Promise<boolean> {
    const core = this.userAgent.userAgentCore;
    const target = this.userAgent.configuration.uri.clone();
    target.user = undefined;
    const aor = this.userAgent.configuration.uri;
    const message = core.makeOutgoingRequestMessage('OPTIONS', target, aor, aor, {});
    return new Promise((resolve) => {
      const answered = () => resolve(true);
      try {
        core.request(message, { onAccept: answered, onReject: answered, onRedirect: answered });
      } catch {
        resolve(false);
      }
    });
  }

  private send(expires: number, generation: number): Promise<RegisterOutcome> {
    const contact = `${this.userAgent.contact.toString({ register: true })};expires=${expires}`;
    this.request.cseq += 1;
    this.request.setHeader('cseq', `${this.request.cseq} REGISTER`);
    this.request.extraHeaders = [
      `Contact: ${contact}`,
      'Allow: ACK,CANCEL,INVITE,MESSAGE,BYE,OPTIONS,INFO,NOTIFY,REFER',
    ];
    return new Promise((resolve) => {
      const settle = (outcome: RegisterOutcome) =>
        resolve(
          generation === this.generation
            ? outcome
            : { ok: false, problem: 'abandoned', statusCode: 0 },
        );
      try {
        this.userAgent.userAgentCore.register(this.request, {
          onAccept: (response) =>
            settle({
              ok: true,
              expiresSeconds: grantedExpires(response.message, this.userAgent, expires),
            }),
          onReject: (response) => {
            const statusCode = response.message.statusCode ?? 0;
            const auth = statusCode === 401 || statusCode === 407 || statusCode === 403;
            settle({ ok: false, problem: auth ? 'auth' : 'rejected', statusCode });
          },
          onRedirect: (response) =>
            settle({
              ok: false,
              problem: 'rejected',
              statusCode: response.message.statusCode ?? 0,
            }),
        });
      } catch {
        settle({ ok: false, problem: 'rejected', statusCode: 0 });
      }
    });
  }
}

/** The expiry the registrar granted our contact (RFC 3261 10.2.4), else what we asked. */
function grantedExpires(
  message: Core.IncomingResponseMessage,
  userAgent: UserAgent,
  requested: number,
): number {
  const ownUser = userAgent.contact.uri.user;
  const count = message.getHeaders('contact').length;
  for (let index = 0; index < count; index += 1) {
    const contact = message.parseHeader('contact', index) as Core.NameAddrHeader | undefined;
    if (contact && contact.uri.user === ownUser) {
      const expires = Number(contact.getParam('expires'));
      if (Number.isFinite(expires) && expires > 0) return expires;
    }
  }
  const header = Number(message.getHeader('expires'));
  return Number.isFinite(header) && header > 0 ? header : requested;
}
