import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BotApiClient } from './botApiClient';
import { startBotApiStub, type BotApiStub } from './botApiStub';

const CALL_ID = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';

describe('bot API client', () => {
  let stub: BotApiStub;
  let client: BotApiClient;

  beforeEach(async () => {
    stub = await startBotApiStub();
    client = new BotApiClient({ baseUrl: stub.baseUrl, token: stub.token, random: () => 0 });
  });
  afterEach(() => stub.close());

  it('retries a failed event with the same eventId until the portal takes it', async () => {
    stub.failNext(2, 503);
    const outcome = await client.report(CALL_ID, { type: 'consent', given: true });
    expect(outcome).toEqual({ ok: true, status: 202 });
    expect(stub.attempts).toHaveLength(3);
    expect(new Set(stub.attempts).size).toBe(1);
    expect(stub.events).toHaveLength(1);
    expect(stub.events[0]).toMatchObject({
      type: 'consent',
      given: true,
      callId: CALL_ID,
      eventId: stub.attempts[0],
    });
  });

  it('gives each event its own UUID, sends them in order and never retries a 4xx', async () => {
    stub.failNext(1, 503);
    const first = client.report(CALL_ID, { type: 'disclosure-played' });
    const second = client.report(CALL_ID, { type: 'consent', given: false });
    await Promise.all([first, second]);
    expect(stub.events.map((event) => event.type)).toEqual(['disclosure-played', 'consent']);
    expect(stub.events[0]!.eventId).not.toBe(stub.events[1]!.eventId);
    stub.failNext(1, 404);
    expect(await client.report(CALL_ID, { type: 'ended', by: 'bot' })).toEqual({
      ok: false,
      status: 404,
    });
    expect(stub.attempts).toHaveLength(4);
    expect(stub.invalid).toEqual([]);
  });

  it('long-polls commands and validates them', async () => {
    const polling = client.nextCommand(CALL_ID, new AbortController().signal);
    stub.command(CALL_ID, { type: 'keep-waiting', position: 3 });
    expect(await polling).toEqual({ type: 'keep-waiting', position: 3 });
    const unauthorized = new BotApiClient({ baseUrl: stub.baseUrl, token: 'wrong' });
    await expect(unauthorized.nextCommand(CALL_ID, new AbortController().signal)).rejects.toThrow(
      '401',
    );
  });
});
