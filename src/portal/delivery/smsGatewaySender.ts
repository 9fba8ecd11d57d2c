/**
 * SMS through an HTTP gateway (interface documented in src/portal/README.md):
 * `POST <url>` with JSON `{ messageId, to, text, segments }` and headers `Idempotency-Key:
 * <messageId>` (and `Authorization: Bearer <token>` when configured).
 * 2xx = accepted; 408/429/5xx = retry (honouring `Retry-After`); other 4xx = permanent failure.
 */
import { parseRetryAfter } from '../../shared/sync/backoff';
import type { ChannelOutcome, ChannelSender, DeliveryAttempt } from './channelSender';
import { noteSms } from './noteMessage';
import { countSmsSegments } from './smsSegments';

/** Request body sent to the gateway. */
export interface SmsGatewayRequest {
  readonly messageId: string;
  readonly to: string;
  readonly text: string;
  readonly segments: number;
}

export function createSmsGatewaySender(
  url: string | undefined,
  token: string | undefined,
  now: () => number,
): ChannelSender {
  return {
    async send(attempt: DeliveryAttempt): Promise<ChannelOutcome> {
      if (!url) return { kind: 'retry', errorCode: 'sms-not-configured' };
      const text = noteSms(attempt.note, attempt.client.language);
      const segments = countSmsSegments(text);
      const to = attempt.recipients[0];
      if (!to) return { kind: 'failed', errorCode: 'sms-no-recipient' };
      const request: SmsGatewayRequest = { messageId: attempt.deliveryId, to, text, segments };
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': attempt.deliveryId,
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify(request),
          signal: AbortSignal.timeout(10_000),
        });
        await response.arrayBuffer();
      } catch {
        return { kind: 'retry', errorCode: 'sms-unreachable' };
      }
      if (response.ok) return { kind: 'sent', segments };
      const errorCode = `sms-http-${response.status}`;
      if (response.status === 408 || response.status === 429 || response.status >= 500) {
        const retryAfter = parseRetryAfter(response.headers.get('retry-after'), now());
        return retryAfter === undefined
          ? { kind: 'retry', errorCode }
          : { kind: 'retry', errorCode, retryAfterMilliseconds: retryAfter };
      }
      return { kind: 'failed', errorCode };
    },
    close: async () => undefined,
  };
}
