/**
 * A local server speaking Deepgram's live transcription protocol (`/v1/listen` over
 * WebSocket) for tests and the lab, so the real `@deepgram/sdk` is exercised end to end.
 *
 * It answers from a script keyed by audio time: an utterance `{ channel, startSeconds,
 * endSeconds, text }` produces `SpeechStarted` when the audio received passes its start (with
 * `vad_events`), an interim `Results` halfway (with `interim_results`), a final `Results`
 * (`is_final`, `speech_final`) at its end, and `UtteranceEnd` after `utterance_end_ms`. The
 * audio clock runs across connections, like a caller who keeps talking through a reconnect;
 * times inside messages are relative to each connection, as Deepgram's are.
 * `Finalize` flushes started utterances (`from_finalize`), `CloseStream` flushes, sends
 * `Metadata` and closes with 1000, `KeepAlive` is counted. `dropConnections()` cuts every socket
 * (close code 1011, or an abrupt reset) so clients must reconnect. Audio is counted, never kept.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface ScriptedUtterance {
  readonly channel: number;
  readonly startSeconds: number;
  readonly endSeconds: number;
  readonly text: string;
}

export interface RecordedConnection {
  readonly query: URLSearchParams;
  readonly authorization: string | undefined;
  audioBytes: number;
  keepAlives: number;
  finalizes: number;
  closeStreams: number;
}

export interface DeepgramServerFake {
  /** For the SDK's `baseUrl`: `ws://127.0.0.1:PORT`. */
  readonly baseUrl: string;
  readonly connections: RecordedConnection[];
  /** Seconds of audio received over all connections. */
  readonly audioSeconds: () => number;
  dropConnections(how?: 'close' | 'reset'): void;
  /**
   * Scripts an utterance from now on, for tests that react to what they observe (e.g. the
   * caller answers once the voicebot has asked): it starts `afterSeconds` of audio from now
   * and lasts `durationSeconds`.
   */
  say(
    text: string,
    options?: { channel?: number; afterSeconds?: number; durationSeconds?: number },
  ): void;
  close(): Promise<void>;
}

interface UtteranceState {
  speechStarted: boolean;
  interimSent: boolean;
  final: boolean;
  utteranceEndSent: boolean;
}

export async function startDeepgramServerFake(
  options: { script?: readonly ScriptedUtterance[]; apiKey?: string } = {},
): Promise<DeepgramServerFake> {
  const script = [...(options.script ?? [])].sort(
    (left, right) => left.endSeconds - right.endSeconds,
  );
  const states: UtteranceState[] = script.map(() => ({
    speechStarted: false,
    interimSent: false,
    final: false,
    utteranceEndSent: false,
  }));
  const connections: RecordedConnection[] = [];
  const sockets = new Set<WebSocket>();
  // Counted in whole milliseconds so that ten 100 ms frames make exactly one second.
  let audioMilliseconds = 0;
  const audioSecondsNow = () => audioMilliseconds / 1000;

  const httpServer = createServer((_request, response) => response.writeHead(404).end());
  const webSocketServer = new WebSocketServer({ noServer: true });
  httpServer.on('upgrade', (request: IncomingMessage, socket, head) => {
    const url = new URL(request.url ?? '/', 'ws://fake');
    const expected = options.apiKey === undefined ? undefined : `Token ${options.apiKey}`;
    if (
      url.pathname !== '/v1/listen' ||
      (expected !== undefined && request.headers.authorization !== expected)
    ) {
      const status = url.pathname !== '/v1/listen' ? '404 Not Found' : '401 Unauthorized';
      socket.end(`HTTP/1.1 ${status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
      return;
    }
    webSocketServer.handleUpgrade(request, socket, head, (webSocket) =>
      serve(webSocket, url.searchParams, request.headers.authorization),
    );
  });

  function serve(
    socket: WebSocket,
    query: URLSearchParams,
    authorization: string | undefined,
  ): void {
    sockets.add(socket);
    const record: RecordedConnection = {
      query,
      authorization,
      audioBytes: 0,
      keepAlives: 0,
      finalizes: 0,
      closeStreams: 0,
    };
    connections.push(record);
    const channels = Number(query.get('channels') ?? '1');
    const multichannel = query.get('multichannel') === 'true';
    const bytesPerSecond = Number(query.get('sample_rate') ?? '16000') * channels * 2;
    const utteranceEndSeconds = query.has('utterance_end_ms')
      ? Number(query.get('utterance_end_ms')) / 1000
      : undefined;
    const connectionStart = audioSecondsNow();
    const requestId = `fake-${connections.length}`;
    const local = (seconds: number) => Math.max(0, seconds - connectionStart);
    const send = (message: object) =>
      socket.readyState === socket.OPEN && socket.send(JSON.stringify(message));
    const channelIndex = (channel: number) => (multichannel ? [channel, channels] : [0, 1]);

    const results = (
      utterance: ScriptedUtterance,
      text: string,
      isFinal: boolean,
      fromFinalize = false,
    ) => {
      const words = text.split(/\s+/).filter((word) => word !== '');
      const start = local(utterance.startSeconds);
      const duration = Math.max(0, local(utterance.endSeconds) - start);
      send({
        type: 'Results',
        channel_index: channelIndex(utterance.channel),
        duration,
        start,
        is_final: isFinal,
        speech_final: isFinal && !fromFinalize,
        from_finalize: fromFinalize,
        channel: {
          alternatives: [
            {
              transcript: text,
              confidence: 0.97,
              words: words.map((word, index) => ({
                word: word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''),
                punctuated_word: word,
                start: start + (duration * index) / words.length,
                end: start + (duration * (index + 1)) / words.length,
                confidence: 0.97,
              })),
            },
          ],
        },
        metadata: {
          request_id: requestId,
          model_info: { name: 'fake', version: '1', arch: 'fake' },
          model_uuid: 'fake',
        },
      });
    };

    const advance = () => {
      script.forEach((utterance, index) => {
        const state = states[index]!;
        if (!multichannel && utterance.channel !== 0) return;
        if (
          !state.speechStarted &&
          audioSecondsNow() >= utterance.startSeconds &&
          query.get('vad_events') === 'true'
        ) {
          state.speechStarted = true;
          send({
            type: 'SpeechStarted',
            channel: channelIndex(utterance.channel),
            timestamp: local(utterance.startSeconds),
          });
        }
        const halfway = (utterance.startSeconds + utterance.endSeconds) / 2;
        if (
          !state.final &&
          !state.interimSent &&
          audioSecondsNow() >= halfway &&
          query.get('interim_results') === 'true'
        ) {
          state.interimSent = true;
          const words = utterance.text.split(/\s+/);
          results(utterance, words.slice(0, Math.ceil(words.length / 2)).join(' '), false);
        }
        if (!state.final && audioSecondsNow() >= utterance.endSeconds) {
          state.final = true;
          results(utterance, utterance.text, true);
        }
        if (
          state.final &&
          !state.utteranceEndSent &&
          utteranceEndSeconds !== undefined &&
          audioSecondsNow() >= utterance.endSeconds + utteranceEndSeconds
        ) {
          state.utteranceEndSent = true;
          send({
            type: 'UtteranceEnd',
            channel: channelIndex(utterance.channel),
            last_word_end: local(utterance.endSeconds),
          });
        }
      });
    };

    // Deepgram answers Finalize with final results marked from_finalize (an empty one when
    // nothing was pending), so clients can wait for it instead of guessing a delay.
    const flush = () => {
      let flushed = 0;
      script.forEach((utterance, index) => {
        const state = states[index]!;
        if (
          !state.final &&
          audioSecondsNow() >= utterance.startSeconds &&
          (multichannel || utterance.channel === 0)
        ) {
          state.final = true;
          flushed += 1;
          results(utterance, utterance.text, true, true);
        }
      });
      if (flushed === 0) {
        const now = {
          channel: 0,
          startSeconds: audioSecondsNow(),
          endSeconds: audioSecondsNow(),
          text: '',
        };
        results(now, '', true, true);
      }
    };

    socket.on('message', (data, isBinary) => {
      if (isBinary) {
        const bytes = Array.isArray(data)
          ? data.reduce((sum, part) => sum + part.length, 0)
          : (data as Buffer).byteLength;
        record.audioBytes += bytes;
        audioMilliseconds += Math.round((bytes * 1000) / bytesPerSecond);
        advance();
        return;
      }
      const message = JSON.parse(data.toString()) as { type?: string };
      if (message.type === 'KeepAlive') record.keepAlives += 1;
      else if (message.type === 'Finalize') {
        record.finalizes += 1;
        flush();
      } else if (message.type === 'CloseStream') {
        record.closeStreams += 1;
        flush();
        send({
          type: 'Metadata',
          transaction_key: 'deprecated',
          request_id: requestId,
          sha256: '',
          created: new Date(0).toISOString(),
          duration: audioSecondsNow() - connectionStart,
          channels,
        });
        socket.close(1000);
      }
    });
    socket.on('close', () => sockets.delete(socket));
  }

  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    baseUrl: `ws://127.0.0.1:${port}`,
    connections,
    audioSeconds: audioSecondsNow,
    say(text, { channel = 0, afterSeconds = 0.2, durationSeconds = 1 } = {}) {
      const startSeconds = audioSecondsNow() + afterSeconds;
      script.push({ channel, startSeconds, endSeconds: startSeconds + durationSeconds, text });
      states.push({
        speechStarted: false,
        interimSent: false,
        final: false,
        utteranceEndSent: false,
      });
    },
    dropConnections(how = 'close') {
      for (const socket of sockets) {
        if (how === 'reset') socket.terminate();
        else socket.close(1011, 'fake drop');
      }
    },
    close: async () => {
      for (const socket of sockets) socket.terminate();
      webSocketServer.close();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
