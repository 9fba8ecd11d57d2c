/**
 * Deny by default (SECURITY.md rule 3): navigation away from the app, `window.open`, `<webview>`,
 * every permission except the microphone for the app's own main frame, device access; the system
 * browser only for allow-listed https: URLs. The decisions are pure functions (unit-tested);
 * the installers wire them to a session or a webContents.
 *
 * To allow something new, change the decision function and its test first, and say why.
 */
import { isAppUrl, originOf } from './appOrigin';
import type {
  EventLike,
  PermissionCheckDetails,
  PermissionRequestDetails,
  SessionLike,
  ShellLike,
  WebContentsLike,
} from './electronApi';

export interface SecurityOptions {
  appOrigins: readonly string[];
  /** https: origins the agent may open in the system browser (e.g. the configured portal). */
  externalOrigins(): readonly string[];
  shell: ShellLike;
  /** Told what was denied (a kind, never a URL: URLs can carry numbers or names). */
  onDenied?(kind: DenialKind): void;
}

export type DenialKind =
  'navigation' | 'redirect' | 'window-open' | 'webview' | 'permission' | 'external-url';

/** Only https:, no credentials in the URL, and an origin on the allow list. */
export function isAllowedExternalUrl(url: string, allowedOrigins: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') {
    return false;
  }
  return allowedOrigins.includes(parsed.origin);
}

/** Microphone only: `media` with audio and nothing else, from the app's own main frame. */
export function decidePermissionRequest(
  permission: string,
  details: PermissionRequestDetails,
  appOrigins: readonly string[],
): boolean {
  if (permission !== 'media') return false;
  if (details.isMainFrame === false) return false;
  if (!details.requestingUrl || !isAppUrl(details.requestingUrl, appOrigins)) return false;
  const mediaTypes = details.mediaTypes ?? [];
  return mediaTypes.length > 0 && mediaTypes.every((type) => type === 'audio');
}

/**
 * Synchronous checks (e.g. device enumeration with labels). Chromium asks `media` with mediaType
 * `unknown` when enumerating devices; the camera (`video`) is always refused.
 */
export function decidePermissionCheck(
  permission: string,
  requestingOrigin: string,
  details: PermissionCheckDetails,
  appOrigins: readonly string[],
): boolean {
  if (permission !== 'media') return false;
  if (details.mediaType === 'video') return false;
  const origin = originOf(details.securityOrigin || requestingOrigin);
  return origin !== undefined && appOrigins.includes(origin);
}

export function installSessionSecurity(session: SessionLike, options: SecurityOptions): void {
  session.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    const granted = decidePermissionRequest(permission, details, options.appOrigins);
    if (!granted) options.onDenied?.('permission');
    callback(granted);
  });
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin, details) =>
    decidePermissionCheck(permission, requestingOrigin, details, options.appOrigins),
  );
  // USB, HID, serial, Bluetooth: a reception desk needs none of them.
  session.setDevicePermissionHandler(() => false);
}

type NavigationEvent = EventLike & { url: string };

/** Applied to every webContents the app creates (Electron's `web-contents-created`). */
export function installWebContentsSecurity(
  webContents: WebContentsLike,
  options: SecurityOptions,
): void {
  const openOutside = (url: string): void => {
    if (isAllowedExternalUrl(url, options.externalOrigins())) {
      void options.shell.openExternal(url).catch(() => options.onDenied?.('external-url'));
    } else {
      options.onDenied?.('external-url');
    }
  };
  const guard = (kind: DenialKind, allowOutside: boolean) => (event: NavigationEvent) => {
    if (isAppUrl(event.url, options.appOrigins)) return;
    event.preventDefault();
    options.onDenied?.(kind);
    if (allowOutside) openOutside(event.url);
  };
  // will-frame-navigate covers the main frame and sub frames (a clicked link may open in the
  // system browser when allow-listed); will-redirect catches a server redirect of an allowed
  // navigation to somewhere else, which is never followed anywhere.
  webContents.on('will-frame-navigate', guard('navigation', true));
  webContents.on('will-redirect', guard('redirect', false));
  webContents.setWindowOpenHandler(({ url }) => {
    options.onDenied?.('window-open');
    openOutside(url);
    return { action: 'deny' };
  });
  webContents.on('will-attach-webview', (event: EventLike) => {
    event.preventDefault();
    options.onDenied?.('webview');
  });
}
