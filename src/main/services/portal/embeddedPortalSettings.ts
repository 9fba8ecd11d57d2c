/**
 * Settings of the embedded portal, read from the environment (all optional):
 * `EMPFANG_PORTAL_PORT` (default 0 = any free port), `EMPFANG_PORTAL_SMTP_HOST`,
 * `EMPFANG_PORTAL_SMTP_PORT`, `EMPFANG_PORTAL_SMTP_FROM`, `EMPFANG_PORTAL_SMTP_SECURE` (`1`),
 * `EMPFANG_PORTAL_SMTP_REQUIRE_TLS` (`1`), `EMPFANG_PORTAL_SMTP_USER`,
 * `EMPFANG_PORTAL_SMTP_PASSWORD`, `EMPFANG_PORTAL_SMS_GATEWAY_URL`.
 */
import type { ScryptCost } from '../../../portal/auth/passwordHashing';
import type { DeliverySettings, SmtpSettings } from '../../../portal/portalOptions';

export interface EmbeddedPortalSettings {
  readonly port: number;
  readonly smtp?: SmtpSettings;
  readonly smsGatewayUrl?: string;
  /** Tests lower the password hashing cost; production keeps the portal's default. */
  readonly passwordCost?: ScryptCost;
  readonly delivery?: Partial<DeliverySettings>;
}

/** Reads the embedded portal's settings from the environment (see the file comment). */
export function embeddedPortalSettingsFromEnvironment(
  environment: Record<string, string | undefined>,
): EmbeddedPortalSettings {
  const host = environment.EMPFANG_PORTAL_SMTP_HOST;
  const smtp: SmtpSettings | undefined = host
    ? {
        host,
        port: Number(environment.EMPFANG_PORTAL_SMTP_PORT ?? 25),
        from: environment.EMPFANG_PORTAL_SMTP_FROM ?? 'Empfang <notizen@localhost>',
        secure: environment.EMPFANG_PORTAL_SMTP_SECURE === '1',
        requireTls: environment.EMPFANG_PORTAL_SMTP_REQUIRE_TLS === '1',
        ...(environment.EMPFANG_PORTAL_SMTP_USER
          ? {
              user: environment.EMPFANG_PORTAL_SMTP_USER,
              password: environment.EMPFANG_PORTAL_SMTP_PASSWORD ?? '',
            }
          : {}),
      }
    : undefined;
  return {
    port: Number(environment.EMPFANG_PORTAL_PORT ?? 0),
    ...(smtp ? { smtp } : {}),
    ...(environment.EMPFANG_PORTAL_SMS_GATEWAY_URL
      ? { smsGatewayUrl: environment.EMPFANG_PORTAL_SMS_GATEWAY_URL }
      : {}),
  };
}
