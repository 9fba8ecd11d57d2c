/**
 * Portal configuration from environment variables and command-line flags (flags win). The
 * table in README.md ("Configuration") lists every variable.
 */
import { randomBytes } from 'node:crypto';
import { parseBotInstances, type HybridSettings } from './hybrid/hybridSettings';
import type { PortalOptions, SmtpSettings } from './portalOptions';

export const DEFAULT_DATABASE_PATH = '.portal-data/portal.sqlite';

type Environment = Readonly<Record<string, string | undefined>>;

function smtpFrom(environment: Environment): SmtpSettings | undefined {
  const host = environment.EMPFANG_SMTP_HOST;
  if (!host) return undefined;
  const truthy = (value: string | undefined) => value === '1' || value === 'true';
  return {
    host,
    port: Number(environment.EMPFANG_SMTP_PORT ?? 587),
    secure: truthy(environment.EMPFANG_SMTP_SECURE),
    requireTls: truthy(environment.EMPFANG_SMTP_REQUIRE_TLS),
    ...(environment.EMPFANG_SMTP_USER ? { user: environment.EMPFANG_SMTP_USER } : {}),
    ...(environment.EMPFANG_SMTP_PASSWORD ? { password: environment.EMPFANG_SMTP_PASSWORD } : {}),
    from: environment.EMPFANG_SMTP_FROM ?? 'Empfang <notizen@localhost>',
  };
}

export interface CliConfiguration {
  readonly options: PortalOptions;
  /** True when no secret was configured and a random one was made for this run. */
  readonly ephemeralSecret: boolean;
}

/** Builds the portal options for `serve` from flags and environment. */
export function configurationFrom(
  flags: { database?: string; host?: string; port?: string },
  environment: Environment,
): CliConfiguration {
  const secret = environment.EMPFANG_PORTAL_TOKEN_SECRET;
  const smtp = smtpFrom(environment);
  const level = environment.EMPFANG_PORTAL_LOG_LEVEL ?? 'info';
  const logLevels = ['silent', 'error', 'warn', 'info', 'debug'] as const;
  const port = Number(flags.port ?? environment.EMPFANG_PORTAL_PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error('Port must be 0–65535');
  return {
    ephemeralSecret: !secret,
    options: {
      database: flags.database ?? environment.EMPFANG_PORTAL_DATABASE ?? DEFAULT_DATABASE_PATH,
      host: flags.host ?? environment.EMPFANG_PORTAL_HOST ?? '127.0.0.1',
      port,
      tokenSecret: secret ?? randomBytes(32).toString('hex'),
      logLevel: (logLevels as readonly string[]).includes(level)
        ? (level as (typeof logLevels)[number])
        : 'info',
      ...(smtp ? { smtp } : {}),
      ...(environment.EMPFANG_SMS_GATEWAY_URL
        ? { smsGatewayUrl: environment.EMPFANG_SMS_GATEWAY_URL }
        : {}),
      ...(environment.EMPFANG_SMS_GATEWAY_TOKEN
        ? { smsGatewayToken: environment.EMPFANG_SMS_GATEWAY_TOKEN }
        : {}),
      hybrid: hybridFrom(environment),
    },
  };
}

/** Routing API, bot API and queue settings (docs/hybrid.md); unset values keep the defaults. */
function hybridFrom(environment: Environment): Partial<HybridSettings> {
  const fallback = environment.EMPFANG_PORTAL_FALLBACK_SIP_USERS;
  return {
    ...(environment.EMPFANG_PORTAL_ROUTING_SECRET
      ? { routingSecret: environment.EMPFANG_PORTAL_ROUTING_SECRET }
      : {}),
    bots: parseBotInstances(environment.EMPFANG_PORTAL_BOTS),
    ...(environment.EMPFANG_PORTAL_BOT_URI ? { botUri: environment.EMPFANG_PORTAL_BOT_URI } : {}),
    ...(environment.EMPFANG_PORTAL_SIP_DOMAIN
      ? { sipDomain: environment.EMPFANG_PORTAL_SIP_DOMAIN }
      : {}),
    ...(fallback ? { fallbackSipUsers: fallback.split(',').filter(Boolean) } : {}),
  };
}
