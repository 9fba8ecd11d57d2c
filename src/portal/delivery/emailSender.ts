/**
 * E-mail delivery over SMTP with nodemailer. Connection problems and 4xx SMTP replies are
 * transient (retry); 5xx replies are permanent (the delivery fails and stays visible).
 */
import nodemailer from 'nodemailer';
import type { SmtpSettings } from '../portalOptions';
import type { ChannelOutcome, ChannelSender, DeliveryAttempt } from './channelSender';
import { noteEmail } from './noteMessage';

/** Nodemailer's codes for "could not reach the server". */
const UNREACHABLE_CODES = new Set(['ESOCKET', 'ECONNECTION', 'ECONNREFUSED', 'EDNS']);

/** Abstract error code of an SMTP failure: never the server's message text (may echo data). */
export function classifySmtpError(error: unknown): ChannelOutcome {
  const details = error as { responseCode?: number; code?: string };
  if (typeof details.responseCode === 'number') {
    const code = `smtp-${details.responseCode}`;
    return details.responseCode >= 500
      ? { kind: 'failed', errorCode: code }
      : { kind: 'retry', errorCode: code };
  }
  const code = (details.code ?? '').toUpperCase();
  if (UNREACHABLE_CODES.has(code)) return { kind: 'retry', errorCode: 'smtp-unreachable' };
  if (code === 'ETIMEDOUT') return { kind: 'retry', errorCode: 'smtp-timeout' };
  // Authentication or TLS problems are configuration errors; still retried, an operator fixes them.
  return { kind: 'retry', errorCode: code ? `smtp-${code.toLowerCase()}` : 'smtp-error' };
}

/** A sender for the configured SMTP server; without settings, every attempt waits. */
export function createEmailSender(settings: SmtpSettings | undefined): ChannelSender {
  if (!settings) {
    return {
      send: async () => ({ kind: 'retry', errorCode: 'smtp-not-configured' }),
      close: async () => undefined,
    };
  }
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure ?? false,
    requireTLS: settings.requireTls ?? false,
    // Plain SMTP is only tolerated when TLS is not required (the local lab and tests).
    ignoreTLS: !(settings.requireTls ?? false) && !(settings.secure ?? false),
    ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
    tls: { minVersion: 'TLSv1.2' },
  });
  return {
    async send(attempt: DeliveryAttempt): Promise<ChannelOutcome> {
      const message = noteEmail(attempt.note, attempt.client.name, attempt.client.language);
      try {
        await transport.sendMail({
          from: settings.from,
          to: [...attempt.recipients],
          subject: message.subject,
          text: message.text,
          messageId: `<${attempt.deliveryId}@empfang.portal>`,
        });
        return { kind: 'sent', segments: null };
      } catch (error) {
        return classifySmtpError(error);
      }
    },
    async close() {
      transport.close();
    },
  };
}
