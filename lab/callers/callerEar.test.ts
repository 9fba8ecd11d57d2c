import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startCallerEar, type CallerEar } from './callerEar';

let ear: CallerEar | undefined;
afterEach(async () => {
  await ear?.close();
  ear = undefined;
});

/** One bot connection: sends `seconds` of 16 kHz silence, returns the final transcripts. */
async function listen(baseUrl: string, seconds: number): Promise<string[]> {
  const socket = new WebSocket(`${baseUrl}/v1/listen?encoding=linear16&sample_rate=16000`, {
    headers: { authorization: 'Token demo' },
  });
  const finals: string[] = [];
  socket.on('message', (data) => {
    const message = JSON.parse(data.toString()) as {
      type?: string;
      is_final?: boolean;
      channel?: { alternatives: { transcript: string }[] };
    };
    if (message.type === 'Results' && message.is_final && message.channel)
      finals.push(message.channel.alternatives[0]!.transcript);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  // 100 ms frames, like a caller talking.
  for (let frame = 0; frame < seconds * 10; frame += 1) socket.send(Buffer.alloc(3200));
  socket.send(JSON.stringify({ type: 'CloseStream' }));
  await closed;
  return finals.filter((text) => text !== '');
}

describe('the caller ear', () => {
  it('gives each bot connection the words of the call placed for it, in order', async () => {
    ear = await startCallerEar();
    ear.expect([{ startSeconds: 1, endSeconds: 2, text: 'Ja, einverstanden.' }]);
    ear.expect([
      { startSeconds: 1, endSeconds: 2, text: 'Ja.' },
      { startSeconds: 3, endSeconds: 4, text: 'Wann haben Sie geöffnet?' },
    ]);
    expect(await listen(ear.baseUrl, 5)).toEqual(['Ja, einverstanden.']);
    expect(await listen(ear.baseUrl, 5)).toEqual(['Ja.', 'Wann haben Sie geöffnet?']);
    // A connection without a placed call hears nothing.
    expect(await listen(ear.baseUrl, 5)).toEqual([]);
    expect(ear.served()).toBe(3);
  });
});
