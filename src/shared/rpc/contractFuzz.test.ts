/**
 * SECURITY.md "input": every method of the app's real contract is called with generated hostile
 * arguments (wrong types, huge and control-character strings, deep nesting, prototype keys,
 * binary, non-finite numbers) straight over the wire, as a compromised page could send them.
 * Every invalid call must be answered with a validation error, must never reach the
 * implementation, and the server must keep answering afterwards.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { APP_CONTRACT, type AppContract } from '../contract/appContract';
import type { ContractImplementation } from '../contract/contractDefinition';
import { createInMemoryProtocolPair } from './inMemoryProtocolPair';
import { RpcResponseSchema } from './rpcMessage';
import { serveContract } from './rpcServer';
import { hostileArguments, hostileValue, seededRandom } from '../testing/hostileValues';

const METHODS = Object.entries(APP_CONTRACT).flatMap(([service, definition]) =>
  Object.entries(definition.methods as Record<string, { arguments: z.ZodType }>).map(
    ([method, { arguments: schema }]) => ({ service, method, schema }),
  ),
);

function serveRecording() {
  const calls: string[] = [];
  const implementation = Object.fromEntries(
    Object.keys(APP_CONTRACT).map((service) => [
      service,
      {
        events: { subscribe: () => () => undefined },
        methods: new Proxy(
          {},
          {
            get: (_target, method) => async () => {
              calls.push(`${service}.${String(method)}`);
              return null;
            },
          },
        ),
      },
    ]),
  ) as unknown as ContractImplementation<AppContract>;
  const pair = createInMemoryProtocolPair();
  serveContract(APP_CONTRACT, implementation, pair.server);
  const answers = new Map<number, z.infer<typeof RpcResponseSchema>['result']>();
  pair.client.onMessage((message) => {
    const response = RpcResponseSchema.safeParse(message);
    if (response.success) answers.set(response.data.id, response.data.result);
  });
  return { calls, pair, answers };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('hostile arguments against every contract method', () => {
  const ATTEMPTS_PER_METHOD = 80;

  it(`answers ${ATTEMPTS_PER_METHOD} invalid calls per method with a validation error, never reaching the service`, async () => {
    const random = seededRandom(20261122);
    const { calls, pair, answers } = serveRecording();
    let nextId = 1;
    const sent = new Map<number, string>();
    for (const { service, method, schema } of METHODS) {
      let tried = 0;
      for (let attempt = 0; attempt < ATTEMPTS_PER_METHOD; attempt += 1) {
        const candidate = hostileArguments(random);
        if (schema.safeParse(candidate).success) continue;
        tried += 1;
        const id = nextId++;
        sent.set(id, `${service}.${method}`);
        pair.server.deliver({ kind: 'request', id, service, method, arguments: candidate });
      }
      expect(tried, `${service}.${method} got too few invalid inputs`).toBeGreaterThan(20);
    }
    await settle();
    expect(calls).toEqual([]);
    expect(answers.size).toBe(sent.size);
    for (const [id, result] of answers) {
      expect(result.ok, sent.get(id)).toBe(false);
      if (!result.ok) expect(result.error.code, sent.get(id)).toBe('validation');
    }
    expect(METHODS.length).toBeGreaterThan(30);
  });

  it('keeps serving valid calls after the storm', async () => {
    const { calls, pair, answers } = serveRecording();
    const random = seededRandom(7);
    for (let id = 1; id <= 500; id += 1) {
      const { service, method } = METHODS[id % METHODS.length]!;
      pair.server.deliver({
        kind: 'request',
        id,
        service,
        method,
        arguments: [hostileValue(random)],
      });
    }
    const parameterless = METHODS.find(({ schema }) => schema.safeParse([]).success)!;
    pair.server.deliver({
      kind: 'request',
      id: 1_000,
      service: parameterless.service,
      method: parameterless.method,
      arguments: [],
    });
    await settle();
    expect(answers.has(1_000)).toBe(true);
    expect(calls).toContain(`${parameterless.service}.${parameterless.method}`);
  });
});
