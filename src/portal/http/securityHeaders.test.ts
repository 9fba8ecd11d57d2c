/**
 * Every answer carries the portal's security headers (no framing, nothing may run, no caching;
 * HSTS only over TLS), and a malformed URL is answered in the portal's error shape without
 * quoting the URL back.
 */
import { request as rawRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPortal, type TestPortal } from '../testing/portalTestHarness';
import { SQLITE_TARGET } from '../testing/testDatabases';
import { PORTAL_CONTENT_SECURITY_POLICY, securityHeaders } from './securityHeaders';

/** A GET with the path exactly as given (fetch would normalise or refuse a malformed one). */
function getRaw(baseUrl: string, path: string) {
  const url = new URL(baseUrl);
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const request = rawRequest(
        { host: url.hostname, port: url.port, path, method: 'GET' },
        (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
          );
        },
      );
      request.on('error', reject);
      request.end();
    },
  );
}

describe('portal security headers', () => {
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await startTestPortal(SQLITE_TARGET);
  });
  afterAll(async () => portal?.close());

  it('sends a deny-all CSP, no framing, nosniff and no-store; no HSTS over plain HTTP', async () => {
    for (const path of ['/health', '/me', '/no-such-route']) {
      const answer = await getRaw(portal.url, path);
      expect(answer.headers).toMatchObject({
        'content-security-policy': PORTAL_CONTENT_SECURITY_POLICY,
        'x-frame-options': 'DENY',
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      });
      expect(PORTAL_CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
      expect(answer.headers['strict-transport-security']).toBeUndefined();
    }
    expect(securityHeaders('https')['strict-transport-security']).toMatch(/^max-age=\d+/);
  });

  it('answers a malformed URL in the portal error shape without echoing it', async () => {
    for (const path of ['/%', '/calls/%E0%A4%A', '/notes/%3Cscript%3E%']) {
      const answer = await getRaw(portal.url, path);
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body)).toEqual({
        error: { code: 'validation', message: 'Malformed URL' },
      });
      expect(answer.body).not.toContain('%');
      expect(answer.headers['content-security-policy']).toBe(PORTAL_CONTENT_SECURITY_POLICY);
    }
  });
});
