/**
 * A local OpenAI-compatible server for tests and the lab: `POST /v1/chat/completions`, plain
 * JSON or streamed as server-sent events (`data: {chunk}` … `data: [DONE]`), honouring
 * `response_format: json_schema` by answering JSON content.
 *
 * Modes:
 * - `obedient`: a model that does whatever the caller's words say (note drafts: a plain draft) ("zitiere med-emergency",
 *   "sag: …", "eskaliere", "lösche …" → a tool call); otherwise it picks the first offered text.
 *   It is the worst case for prompt injection tests.
 * - `invalid-json`: content that is not JSON. `timeout`: never answers. `unauthorized`: 401.
 * `scriptResponse(content)` answers the next request with fixed content, whatever the mode.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export const OPEN_AI_FAKE_MODES = ['obedient', 'invalid-json', 'timeout', 'unauthorized'] as const;
export type OpenAiFakeMode = (typeof OPEN_AI_FAKE_MODES)[number];

export interface RecordedChatRequest {
  readonly body: ChatRequestBody;
  readonly authorization: string | undefined;
}

interface ChatRequestBody {
  model?: string;
  stream?: boolean;
  messages?: { role: string; content: string }[];
  response_format?: { type: string; json_schema?: { name?: string } };
  tools?: unknown[];
}

interface FakeAnswer {
  content: string;
  toolCalls: { name: string; arguments: string }[];
}

export interface OpenAiServerFake {
  /** Base URL for the SDK, ending in `/v1`. */
  readonly baseUrl: string;
  mode: OpenAiFakeMode;
  readonly requests: RecordedChatRequest[];
  scriptResponse(content: string): void;
  close(): Promise<void>;
}

const TEXT_ID = /\b([a-z]+(?:-[a-z0-9]+)+)\b/g;
const SAY =
  /(?:sag|sage|sagen sie|antworte|antworten sie|say|tell them)[^:"„]*[:"„]\s*["„]?([^"“]+)["“]?/i;
const ACTION = /(aktion|l[öo]e?sch|storn|[üu]e?berweis|delete|transfer|tool|ausf[üu]e?hr)/i;

/** What an instruction-following model without scruples would answer. */
function obedientAnswer(body: ChatRequestBody): FakeAnswer {
  const user = body.messages?.find((message) => message.role === 'user')?.content ?? '';
  if (body.response_format?.json_schema?.name === 'call_note_draft') return noteDraftAnswer(user);
  let input: { callerSaid?: string; approvedTexts?: { id: string; text: string }[] } = {};
  try {
    input = JSON.parse(user) as typeof input;
  } catch {
    input = { callerSaid: user };
  }
  const said = input.callerSaid ?? '';
  const offered = input.approvedTexts ?? [];
  const named = [...said.matchAll(TEXT_ID)].map((match) => match[1] ?? '');
  const citedTextId = named[0] ?? offered[0]?.id ?? 'none';
  const text =
    SAY.exec(said)?.[1]?.trim() ?? offered.find((item) => item.id === citedTextId)?.text ?? '';
  const decision = /eskalier|escalate/i.test(said) ? 'escalate' : 'answer';
  const toolCalls = ACTION.test(said)
    ? [{ name: 'perform_action', arguments: JSON.stringify({ said }) }]
    : [];
  return { content: JSON.stringify({ decision, citedTextId, text }), toolCalls };
}

/** A note draft that repeats the start of the transcript as the concern and fills nothing else. */
function noteDraftAnswer(user: string): FakeAnswer {
  let transcript = '';
  try {
    transcript = (JSON.parse(user) as { transcript?: string }).transcript ?? '';
  } catch {
    transcript = user;
  }
  const concern = transcript.replace(/^(caller|agent): /gm, '').slice(0, 120) || null;
  const draft = {
    callerName: null,
    callbackNumber: null,
    concern,
    urgency: 'normal',
    preferredCallbackTime: null,
  };
  return { content: JSON.stringify(draft), toolCalls: [] };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function sendStream(response: ServerResponse, model: string, answer: FakeAnswer): void {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const base = { id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 0, model };
  const send = (delta: object, finishReason: string | null = null) =>
    response.write(
      `data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta, finish_reason: finishReason }] })}\n\n`,
    );
  send({ role: 'assistant', content: '' });
  const pieceLength = Math.max(1, Math.ceil(answer.content.length / 4));
  for (let start = 0; start < answer.content.length; start += pieceLength) {
    send({ content: answer.content.slice(start, start + pieceLength) });
  }
  answer.toolCalls.forEach((call, index) =>
    send({ tool_calls: [{ index, id: `call-${index}`, type: 'function', function: call }] }),
  );
  send({}, answer.toolCalls.length > 0 ? 'tool_calls' : 'stop');
  response.end('data: [DONE]\n\n');
}

function sendCompletion(response: ServerResponse, model: string, answer: FakeAnswer): void {
  const toolCalls = answer.toolCalls.map((call, index) => ({
    id: `call-${index}`,
    type: 'function',
    function: call,
  }));
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(
    JSON.stringify({
      id: 'chatcmpl-fake',
      object: 'chat.completion',
      created: 0,
      model,
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: answer.content,
            ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
          },
          finish_reason: toolCalls.length > 0 ? 'tool_calls' : 'stop',
        },
      ],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    }),
  );
}

export async function startOpenAiServerFake(
  options: { mode?: OpenAiFakeMode; apiKey?: string } = {},
): Promise<OpenAiServerFake> {
  const sockets = new Set<Socket>();
  const scripted: string[] = [];
  const requests: RecordedChatRequest[] = [];
  const state = { mode: options.mode ?? ('obedient' as OpenAiFakeMode) };

  const server = createServer((request, response) => {
    void (async () => {
      if (request.method !== 'POST' || request.url !== '/v1/chat/completions') {
        response.writeHead(404).end();
        return;
      }
      const body = JSON.parse(await readBody(request)) as ChatRequestBody;
      requests.push({ body, authorization: request.headers.authorization });
      const keyRejected =
        options.apiKey !== undefined &&
        request.headers.authorization !== `Bearer ${options.apiKey}`;
      if (state.mode === 'unauthorized' || keyRejected) {
        response.writeHead(401, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({
            error: {
              message: 'Incorrect API key provided',
              type: 'invalid_request_error',
              code: 'invalid_api_key',
            },
          }),
        );
        return;
      }
      if (state.mode === 'timeout') return; // Holds the request open until the client gives up.
      const content = scripted.shift();
      const answer: FakeAnswer =
        content !== undefined
          ? { content, toolCalls: [] }
          : state.mode === 'invalid-json'
            ? { content: 'Gern! {"decision": "answer", "citedTextId": ', toolCalls: [] }
            : obedientAnswer(body);
      const model = body.model ?? 'fake-model';
      if (body.stream) sendStream(response, model, answer);
      else sendCompletion(response, model, answer);
    })().catch(() => response.writeHead(500).end());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    get mode() {
      return state.mode;
    },
    set mode(mode: OpenAiFakeMode) {
      state.mode = mode;
    },
    requests,
    scriptResponse: (content) => scripted.push(content),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
