import { describe, expect, it } from 'vitest';
import {
  buildAppContentSecurityPolicy,
  installContentSecurityHeaders,
  withContentSecurityPolicy,
} from './contentSecurity';
import { SessionFake } from './electronApiFake';

function directive(policy: string, name: string): string {
  return policy.split('; ').find((entry) => entry.startsWith(`${name} `)) ?? '';
}

describe('content security policy', () => {
  it('allows only self and the configured SIP server to be connected to', () => {
    const policy = buildAppContentSecurityPolicy({
      sipWebSocketServer: 'wss://sip.example.org:7443/ws',
    });
    expect(directive(policy, 'connect-src')).toBe("connect-src 'self' wss://sip.example.org:7443");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    expect(directive(policy, 'default-src')).toBe("default-src 'none'");
  });

  it('does not widen the policy for an empty or malformed SIP server', () => {
    for (const server of ['', 'not a url', 'javascript:alert(1)']) {
      expect(
        directive(buildAppContentSecurityPolicy({ sipWebSocketServer: server }), 'connect-src'),
      ).toBe("connect-src 'self'");
    }
  });

  it('relaxes scripts, styles and connect-src for the dev server only in development', () => {
    const policy = buildAppContentSecurityPolicy({
      sipWebSocketServer: '',
      developmentServerUrl: 'http://localhost:5173/',
    });
    expect(directive(policy, 'script-src')).toBe(
      "script-src 'self' 'unsafe-inline' http://localhost:5173",
    );
    expect(directive(policy, 'connect-src')).toBe(
      "connect-src 'self' http://localhost:5173 ws://localhost:5173",
    );
    expect(policy).not.toContain('unsafe-eval');
  });

  it('replaces any policy a server sent, whatever its casing', () => {
    const headers = withContentSecurityPolicy(
      {
        'content-security-policy': ['default-src *'],
        'Content-Security-Policy-Report-Only': ['default-src *'],
        'Content-Type': ['text/html'],
      },
      "default-src 'none'",
    );
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': ["default-src 'none'"],
    });
  });

  it('puts the current policy on every response passing through the session', () => {
    const session = new SessionFake();
    let sipServer = 'wss://one.example.org';
    installContentSecurityHeaders(session, () =>
      buildAppContentSecurityPolicy({ sipWebSocketServer: sipServer }),
    );
    const first = session.receiveHeaders({ url: 'empfang://app/index.html', responseHeaders: {} });
    expect(String(first?.['Content-Security-Policy'])).toContain('wss://one.example.org');
    sipServer = 'wss://two.example.org';
    const second = session.receiveHeaders({ url: 'https://elsewhere.example.org/' });
    expect(String(second?.['Content-Security-Policy'])).toContain('wss://two.example.org');
  });
});
