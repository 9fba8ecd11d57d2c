/**
 * Refer-To values for transfers, and the status line of REFER progress NOTIFYs (RFC 3515).
 *
 * SIP.js builds the attended-transfer Refer-To from the target's Contact, which behind a proxy
 * with WebSocket clients is a made-up `*.invalid` host that only the proxy's dialog routing can
 * resolve. A new INVITE must go to the target's address of record instead, so the Refer-To here
 * uses the consulted party's AOR with the Replaces header of the consultation dialog.
 */
import type { Session } from 'sip.js';

/** `<sip:aor?Replaces=call-id;to-tag=…;from-tag=…>` for the consultation call, or undefined. */
export function attendedReferTo(consultation: Session): string | undefined {
  const dialog = consultation.dialog;
  if (!dialog) return undefined;
  const aor = consultation.remoteIdentity.uri.clone();
  aor.clearHeaders();
  const replaces = encodeURIComponent(
    `${dialog.callId};to-tag=${dialog.remoteTag};from-tag=${dialog.localTag}`,
  );
  return `<${aor.toString()}?Replaces=${replaces}>`;
}

/** The status code of a `message/sipfrag` body such as `SIP/2.0 200 OK`. */
export function sipfragStatus(body: string | undefined): number | undefined {
  const match = /^SIP\/2\.0\s+(\d{3})/.exec((body ?? '').trim());
  return match ? Number(match[1]) : undefined;
}
