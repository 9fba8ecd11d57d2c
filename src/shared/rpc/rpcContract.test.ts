import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  defineMethod,
  defineService,
  type ContractImplementation,
} from '../contract/contractDefinition';
import { ServiceEvents, noEvents } from '../contract/serviceEvents';
import { createInMemoryProtocolPair } from './inMemoryProtocolPair';
import { createContractClient } from './rpcClient';
import { serveContract } from './rpcServer';
import { ServiceError } from './result';

const counterService = defineService({
  methods: {
    add: defineMethod(z.tuple([z.number().int()]), z.object({ total: z.number() })),
    fail: defineMethod(z.tuple([]), z.null()),
    crash: defineMethod(z.tuple([]), z.null()),
    leak: defineMethod(z.tuple([]), z.object({ visible: z.string() })),
    echo: defineMethod(z.tuple([z.instanceof(Uint8Array)]), z.instanceof(Uint8Array)),
  },
  events: { onDidAdd: z.object({ total: z.number() }) },
});
const TEST_CONTRACT = { counter: counterService, quiet: defineService({ methods: {} }) };

function setup() {
  const events = new ServiceEvents<typeof counterService>();
  let total = 0;
  const implementation: ContractImplementation<typeof TEST_CONTRACT> = {
    counter: {
      events,
      methods: {
        add: async (amount) => {
          total += amount;
          events.emit('onDidAdd', { total });
          return { total };
        },
        fail: async () => {
          throw new ServiceError('conflict', 'Not now');
        },
        crash: async () => {
          throw new Error('secret caller number +49301234567');
        },
        leak: async () => ({ visible: 'yes', hidden: 'secret' }) as { visible: string },
        echo: async (bytes) => bytes,
      },
    },
    quiet: { events: noEvents(), methods: {} },
  };
  const pair = createInMemoryProtocolPair();
  const rejected: string[] = [];
  serveContract(TEST_CONTRACT, implementation, pair.server, {
    onRejected: (reason) => rejected.push(reason),
  });
  const client = createContractClient(TEST_CONTRACT, pair.client, { timeoutMilliseconds: 500 });
  return { client, pair, rejected, events };
}

describe('contract over the in-memory protocol pair', () => {
  it('calls a method and receives its event', async () => {
    const { client } = setup();
    const seen: number[] = [];
    client.counter.onDidAdd((payload) => seen.push(payload.total));
    expect(await client.counter.add(2)).toEqual({ ok: true, value: { total: 2 } });
    expect(await client.counter.add(3)).toEqual({ ok: true, value: { total: 5 } });
    expect(seen).toEqual([2, 5]);
  });

  it('rejects arguments that fail the schema with field errors', async () => {
    const { client, rejected } = setup();
    const result = await (client.counter.add as (value: unknown) => Promise<unknown>)('ten');
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'validation', fieldErrors: [{ path: '0' }] },
    });
    expect(rejected.length).toBe(1);
  });

  it('returns service errors as data and hides unknown error messages', async () => {
    const { client } = setup();
    expect(await client.counter.fail()).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'Not now' },
    });
    const crashed = await client.counter.crash();
    expect(crashed).toEqual({ ok: false, error: { code: 'internal', message: 'Internal error' } });
    expect(JSON.stringify(crashed)).not.toContain('+49');
  });

  it('strips fields the contract does not declare', async () => {
    const { client } = setup();
    const result = await client.counter.leak();
    expect(result).toEqual({ ok: true, value: { visible: 'yes' } });
  });

  it('carries binary frames intact', async () => {
    const { client } = setup();
    const bytes = new Uint8Array([0, 1, 2, 253, 254, 255]);
    const result = await client.counter.echo(bytes);
    expect(result.ok && Array.from(result.value)).toEqual([0, 1, 2, 253, 254, 255]);
  });

  it('answers garbage envelopes and unknown methods without stopping', async () => {
    const { client, pair, rejected } = setup();
    pair.server.deliver('not an object');
    pair.server.deliver({ kind: 'request', id: 'x' });
    pair.server.deliver({
      kind: 'request',
      id: 7,
      service: '__proto__',
      method: 'add',
      arguments: [],
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(rejected).toContain('unknown method');
    expect(await client.counter.add(1)).toEqual({ ok: true, value: { total: 1 } });
  });

  it('resolves pending calls as disconnected when the connection closes', async () => {
    const { client, pair } = setup();
    const call = client.counter.add(1);
    pair.client.close();
    expect(await call).toMatchObject({ ok: false, error: { code: 'disconnected' } });
  });
});
