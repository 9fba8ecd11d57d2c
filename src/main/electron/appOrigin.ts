/**
 * Where the renderer lives: `empfang://app/…` in production (a privileged standard scheme, so the
 * page has a real origin and a secure context), or the Vite dev server in development.
 * Every security decision (navigation, permissions, IPC senders, CSP) asks these functions.
 */
import { APP_PROTOCOL } from '../../shared/contract/channels';

/** The one host of the app scheme; other hosts are not served. */
export const APP_HOST = 'app';

/** `empfang://app` */
export const APP_ORIGIN = `${APP_PROTOCOL}://${APP_HOST}`;

/** The page every window loads in production. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The origins whose pages count as the app. The dev server origin is added only in development
 * (an unpackaged build started by electron-vite), never in a packaged app.
 */
export function appOrigins(developmentServerUrl?: string): string[] {
  const origins = [APP_ORIGIN];
  const developmentOrigin = developmentServerUrl ? originOf(developmentServerUrl) : undefined;
  if (developmentOrigin) origins.push(developmentOrigin);
  return origins;
}

/** The origin of a URL, or undefined for anything unparseable or opaque. */
export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    // Node gives custom schemes the opaque origin "null"; build it from the parts instead.
    if (parsed.host === '') return undefined;
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return undefined;
  }
}

export function isAppUrl(url: string, origins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== undefined && origins.includes(origin);
}
