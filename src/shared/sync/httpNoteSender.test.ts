import { describe, expect, it } from 'vitest';
import { createHttpNoteSender, type FetchFunction } from './httpNoteSender';

function answering(status: number, body = '', headers: Record<string, string> = {}): FetchFunction {
  return async () => ({
    status,
    headers: { get: (name: string) => headers[name.toLowerCase()] ?? null },
    text: async () => body,
  });
}

const send = (fetch: FetchFunction, token: string | null = 'token') =>
  createHttpNoteSender<{ concern: string }>({
    baseUrl: 'http://portal',
    fetch,
    getAccessToken: () => token ?? undefined,
    now: () => 0,
  }).send({
    idempotencyKey: 'key-1',
    payload: { concern: 'A' },
  });

describe('createHttpNoteSender', () => {
  it('sends the idempotency key and bearer token, and accepts 201 and 200 (replay)', async () => {
    let seen: { url: string; headers: Record<string, string> } | undefined;
    const fetch: FetchFunction = async (url, init) => {
      seen = { url, headers: init.headers };
      return answering(201, '{"id":"note-1","status":"received"}')(url, init);
    };
    expect(await send(fetch)).toEqual({
      kind: 'accepted',
      remoteId: 'note-1',
      remoteStatus: 'received',
    });
    expect(seen).toEqual({
      url: 'http://portal/notes',
      headers: expect.objectContaining({
        'idempotency-key': 'key-1',
        authorization: 'Bearer token',
      }),
    });
    expect(await send(answering(200, '{"id":"note-1","status":"delivered"}'))).toMatchObject({
      kind: 'accepted',
      remoteStatus: 'delivered',
    });
  });

  it('classifies failures for the outbox', async () => {
    expect(await send(answering(503, '', { 'retry-after': '7' }))).toEqual({
      kind: 'retry',
      code: 'http-503',
      httpStatus: 503,
      countsTowardLimit: true,
      retryAfterMilliseconds: 7_000,
    });
    expect(await send(answering(429))).toMatchObject({ kind: 'retry', countsTowardLimit: true });
    expect(await send(answering(201, '{"id":'))).toMatchObject({
      kind: 'retry',
      code: 'bad-response',
    });
    expect(await send(answering(401))).toMatchObject({
      kind: 'retry',
      code: 'unauthorized',
      countsTowardLimit: false,
    });
    expect(await send(answering(400))).toEqual({
      kind: 'rejected',
      code: 'http-400',
      httpStatus: 400,
    });
    expect(await send(answering(409))).toMatchObject({ kind: 'rejected', httpStatus: 409 });
    expect(await send(async () => Promise.reject(new Error('offline')))).toEqual({
      kind: 'retry',
      code: 'network',
      countsTowardLimit: false,
    });
    expect(await send(answering(201), null)).toMatchObject({
      kind: 'retry',
      code: 'not-logged-in',
    });
  });
});
