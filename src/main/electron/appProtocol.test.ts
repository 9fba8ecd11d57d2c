import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_SCHEME_PRIVILEGES,
  installAppProtocol,
  registerAppScheme,
  resolveRendererPath,
  serveAppRequest,
} from './appProtocol';
import { ProtocolFake } from './electronApiFake';

const ROOT = '/srv/app/out/renderer';

describe('renderer path resolution', () => {
  it('maps app URLs to files inside the renderer folder', () => {
    expect(resolveRendererPath(ROOT, 'empfang://app/')).toBe(`${ROOT}/index.html`);
    expect(resolveRendererPath(ROOT, 'empfang://app')).toBe(`${ROOT}/index.html`);
    expect(resolveRendererPath(ROOT, 'empfang://app/index.html?x=1#/calls')).toBe(
      `${ROOT}/index.html`,
    );
    expect(resolveRendererPath(ROOT, 'empfang://app/assets/index-abc.js')).toBe(
      `${ROOT}/assets/index-abc.js`,
    );
    expect(resolveRendererPath(ROOT, 'empfang://app/assets/a%20b.css')).toBe(
      `${ROOT}/assets/a b.css`,
    );
  });

  it('keeps dot segments that the URL parser resolves inside the folder', () => {
    expect(resolveRendererPath(ROOT, 'empfang://app/../../etc/passwd.json')).toBe(
      `${ROOT}/etc/passwd.json`,
    );
    expect(resolveRendererPath(ROOT, 'empfang://app/%2e%2e/%2e%2e/etc/passwd.json')).toBe(
      `${ROOT}/etc/passwd.json`,
    );
  });

  it('refuses traversal that only appears after decoding', () => {
    for (const url of [
      'empfang://app/assets/..%2f..%2f..%2fsecrets.json',
      'empfang://app/assets/%2e%2e%2f%2e%2e%2fsettings.json',
      'empfang://app/..%5C..%5Csecrets.json',
      'empfang://app/C:%5CWindows%5Cwin.ini',
      'empfang://app/%00index.html',
      'empfang://app/%E0%A4%A.js',
    ]) {
      expect(resolveRendererPath(ROOT, url), url).toBeUndefined();
    }
  });

  it('refuses hidden files, unknown types, other hosts and other schemes', () => {
    expect(resolveRendererPath(ROOT, 'empfang://app/.env.json')).toBeUndefined();
    expect(resolveRendererPath(ROOT, 'empfang://app/assets/.git/config.js')).toBeUndefined();
    expect(resolveRendererPath(ROOT, 'empfang://app/main.ts')).toBeUndefined();
    expect(resolveRendererPath(ROOT, 'empfang://app/assets')).toBeUndefined();
    expect(resolveRendererPath(ROOT, 'empfang://other/index.html')).toBeUndefined();
    expect(resolveRendererPath(ROOT, 'file:///srv/app/out/renderer/index.html')).toBeUndefined();
    expect(resolveRendererPath(ROOT, 'not a url')).toBeUndefined();
  });
});

describe('app protocol', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'empfang-protocol-'));
    await mkdir(join(directory, 'renderer', 'assets'), { recursive: true });
    await writeFile(
      join(directory, 'renderer', 'index.html'),
      '<!doctype html><title>Empfang</title>',
    );
    await writeFile(join(directory, 'renderer', 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(directory, 'secrets.json'), '{"sipPassword":"canary"}');
  });
  afterAll(() => rm(directory, { recursive: true, force: true }));

  const options = () => ({
    rendererDirectory: join(directory, 'renderer'),
    contentSecurityPolicy: () => "default-src 'none'",
  });

  it('registers empfang: as a standard, secure scheme', () => {
    const protocol = new ProtocolFake();
    registerAppScheme(protocol);
    expect(protocol.privileged).toEqual([{ scheme: 'empfang', privileges: APP_SCHEME_PRIVILEGES }]);
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({
      standard: true,
      secure: true,
      corsEnabled: false,
    });
  });

  it('serves files with their type and the CSP header', async () => {
    const protocol = new ProtocolFake();
    installAppProtocol(protocol, options());
    const handler = protocol.handlers.get('empfang')!;
    const page = await handler(new Request('empfang://app/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Empfang</title>');
    const script = await handler(new Request('empfang://app/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for missing files and for files outside the renderer folder', async () => {
    expect((await serveAppRequest(new Request('empfang://app/missing.js'), options())).status).toBe(
      404,
    );
    const escape = await serveAppRequest(
      new Request('empfang://app/%2e%2e/secrets.json'),
      options(),
    );
    expect(escape.status).toBe(404);
    expect(await escape.text()).not.toContain('canary');
  });

  it('answers 405 to anything but GET and HEAD', async () => {
    const response = await serveAppRequest(
      new Request('empfang://app/index.html', { method: 'POST', body: 'x' }),
      options(),
    );
    expect(response.status).toBe(405);
    const head = await serveAppRequest(
      new Request('empfang://app/index.html', { method: 'HEAD' }),
      options(),
    );
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
