/**
 * How the audit log names the caller of a data request: a keyed hash (HMAC-SHA-256) of the E.164
 * number, never the number. The key is derived from the portal's token secret, so the same
 * number gives the same name across requests (an auditor can see that two requests were about
 * the same caller) while nobody without the secret can test guesses against it.
 */
import { createHmac } from 'node:crypto';

const LABEL = 'empfang data request subject v1';

/** 32 hex characters naming `e164` in the audit log. */
export function subjectHash(tokenSecret: string, e164: string): string {
  const key = createHmac('sha256', tokenSecret).update(LABEL).digest();
  return createHmac('sha256', key).update(e164).digest('hex').slice(0, 32);
}
