import { beforeEach, describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, appOrigins } from './appOrigin';
import { ElectronEventFake, SessionFake, ShellFake, WebContentsFake } from './electronApiFake';
import {
  decidePermissionCheck,
  decidePermissionRequest,
  installSessionSecurity,
  installWebContentsSecurity,
  isAllowedExternalUrl,
  type DenialKind,
  type SecurityOptions,
} from './securityHandlers';

const ORIGINS = appOrigins();

describe('external URLs', () => {
  const allowed = ['https://portal.example.org'];
  it('opens only allow-listed https: origins', () => {
    expect(isAllowedExternalUrl('https://portal.example.org/calls/7', allowed)).toBe(true);
    expect(isAllowedExternalUrl('http://portal.example.org/', allowed)).toBe(false);
    expect(isAllowedExternalUrl('https://evil.example.org/', allowed)).toBe(false);
    expect(isAllowedExternalUrl('https://portal.example.org.evil.org/', allowed)).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@portal.example.org/', allowed)).toBe(false);
    expect(isAllowedExternalUrl('file:///etc/passwd', allowed)).toBe(false);
    expect(isAllowedExternalUrl('not a url', allowed)).toBe(false);
  });
});

describe('permission decisions', () => {
  const fromApp = { requestingUrl: APP_ENTRY_URL, isMainFrame: true };
  it('grants the microphone to the app main frame', () => {
    expect(decidePermissionRequest('media', { ...fromApp, mediaTypes: ['audio'] }, ORIGINS)).toBe(
      true,
    );
  });
  it('refuses the camera, alone or with the microphone', () => {
    expect(decidePermissionRequest('media', { ...fromApp, mediaTypes: ['video'] }, ORIGINS)).toBe(
      false,
    );
    expect(
      decidePermissionRequest('media', { ...fromApp, mediaTypes: ['audio', 'video'] }, ORIGINS),
    ).toBe(false);
    expect(decidePermissionRequest('media', { ...fromApp, mediaTypes: [] }, ORIGINS)).toBe(false);
  });
  it('refuses other origins and sub frames', () => {
    const audio = { mediaTypes: ['audio' as const] };
    expect(
      decidePermissionRequest(
        'media',
        { requestingUrl: 'https://evil.example.org/', isMainFrame: true, ...audio },
        ORIGINS,
      ),
    ).toBe(false);
    expect(
      decidePermissionRequest('media', { ...fromApp, isMainFrame: false, ...audio }, ORIGINS),
    ).toBe(false);
    expect(decidePermissionRequest('media', { isMainFrame: true, ...audio }, ORIGINS)).toBe(false);
  });
  it('refuses every other permission', () => {
    for (const permission of [
      'notifications',
      'geolocation',
      'display-capture',
      'clipboard-read',
      'openExternal',
      'fullscreen',
      'unknown',
    ]) {
      expect(
        decidePermissionRequest(permission, { ...fromApp, mediaTypes: ['audio'] }, ORIGINS),
      ).toBe(false);
    }
  });
  it('answers checks for audio on the app origin only', () => {
    const details = { isMainFrame: true };
    expect(
      decidePermissionCheck('media', 'empfang://app', { ...details, mediaType: 'audio' }, ORIGINS),
    ).toBe(true);
    expect(
      decidePermissionCheck(
        'media',
        'empfang://app',
        { ...details, mediaType: 'unknown' },
        ORIGINS,
      ),
    ).toBe(true);
    expect(
      decidePermissionCheck('media', 'empfang://app', { ...details, mediaType: 'video' }, ORIGINS),
    ).toBe(false);
    expect(
      decidePermissionCheck(
        'media',
        'https://evil.example.org',
        { ...details, mediaType: 'audio' },
        ORIGINS,
      ),
    ).toBe(false);
    expect(decidePermissionCheck('notifications', 'empfang://app', details, ORIGINS)).toBe(false);
  });
});

describe('installed handlers', () => {
  let shell: ShellFake;
  let denied: DenialKind[];
  let options: SecurityOptions;
  beforeEach(() => {
    shell = new ShellFake();
    denied = [];
    options = {
      appOrigins: ORIGINS,
      externalOrigins: () => ['https://portal.example.org'],
      shell,
      onDenied: (kind) => denied.push(kind),
    };
  });

  it('wires permission request, check and device handlers into the session', async () => {
    const session = new SessionFake();
    installSessionSecurity(session, options);
    expect(
      await session.requestPermission('media', {
        requestingUrl: APP_ENTRY_URL,
        isMainFrame: true,
        mediaTypes: ['audio'],
      }),
    ).toBe(true);
    expect(
      await session.requestPermission('geolocation', {
        requestingUrl: APP_ENTRY_URL,
        isMainFrame: true,
      }),
    ).toBe(false);
    expect(
      session.checkPermission('media', 'empfang://app', { isMainFrame: true, mediaType: 'audio' }),
    ).toBe(true);
    expect(session.devicePermissionHandler!()).toBe(false);
    expect(denied).toEqual(['permission']);
  });

  it('keeps navigation inside the app and hands allow-listed links to the system browser', () => {
    const contents = new WebContentsFake(APP_ENTRY_URL);
    installWebContentsSecurity(contents, options);
    expect(contents.navigate('empfang://app/index.html#/settings')).toBe(false);
    expect(contents.navigate('https://evil.example.org/')).toBe(true);
    expect(contents.navigate('file:///etc/passwd')).toBe(true);
    expect(contents.navigate('https://portal.example.org/help')).toBe(true);
    expect(shell.opened).toEqual(['https://portal.example.org/help']);
  });

  it('blocks redirects away from the app without opening them anywhere', () => {
    const contents = new WebContentsFake(APP_ENTRY_URL);
    installWebContentsSecurity(contents, options);
    expect(contents.navigate('https://portal.example.org/', 'will-redirect')).toBe(true);
    expect(shell.opened).toEqual([]);
    expect(denied).toContain('redirect');
  });

  it('denies every window.open and opens only allow-listed https: URLs outside', () => {
    const contents = new WebContentsFake(APP_ENTRY_URL);
    installWebContentsSecurity(contents, options);
    for (const url of [
      'https://portal.example.org/x',
      'http://portal.example.org/x',
      'empfang://app/index.html',
      'https://evil.example.org/',
    ]) {
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(shell.opened).toEqual(['https://portal.example.org/x']);
  });

  it('blocks <webview> attachment', () => {
    const contents = new WebContentsFake(APP_ENTRY_URL);
    installWebContentsSecurity(contents, options);
    const event = new ElectronEventFake();
    contents.emit('will-attach-webview', event, {}, { src: 'https://evil.example.org' });
    expect(event.defaultPrevented).toBe(true);
    expect(denied).toContain('webview');
  });

  it('allows the dev server origin only when it is one of the app origins', () => {
    const development = new WebContentsFake('http://localhost:5173/');
    installWebContentsSecurity(development, {
      ...options,
      appOrigins: appOrigins('http://localhost:5173'),
    });
    expect(development.navigate('http://localhost:5173/index.html')).toBe(false);
    const production = new WebContentsFake(APP_ENTRY_URL);
    installWebContentsSecurity(production, options);
    expect(production.navigate('http://localhost:5173/index.html')).toBe(true);
  });
});
