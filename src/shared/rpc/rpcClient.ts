/**
 * Builds typed proxies for a contract over one protocol connection.
 *
 * Every method resolves to a Result and never rejects. Results and events are validated against
 * the contract on arrival: a host that sends something else is treated as a protocol error.
 * Calls still pending when the connection closes resolve with a `disconnected` error.
 */
import type {
  ContractClient,
  ContractDefinition,
  Unsubscribe,
} from '../contract/contractDefinition';
import type { RpcProtocol } from './rpcProtocol';
import { RpcEventSchema, RpcResponseSchema } from './rpcMessage';
import type { Result } from './result';

export interface RpcClientOptions {
  /** A call without an answer after this many milliseconds resolves with `timeout`. */
  timeoutMilliseconds?: number;
}

const DEFAULT_TIMEOUT_MILLISECONDS = 30_000;

export function createContractClient<C extends ContractDefinition>(
  contract: C,
  protocol: RpcProtocol,
  options: RpcClientOptions = {},
): ContractClient<C> {
  const timeoutMilliseconds = options.timeoutMilliseconds ?? DEFAULT_TIMEOUT_MILLISECONDS;
  const pending = new Map<
    number,
    {
      resolve: (result: Result<unknown>) => void;
      schema: { safeParse(value: unknown): { success: boolean; data?: unknown } };
    }
  >();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let closed = false;

  protocol.onMessage((raw) => {
    const response = RpcResponseSchema.safeParse(raw);
    if (response.success) {
      const waiting = pending.get(response.data.id);
      if (!waiting) return;
      pending.delete(response.data.id);
      const result = response.data.result;
      if (!result.ok) {
        waiting.resolve({ ok: false, error: result.error });
        return;
      }
      const parsed = waiting.schema.safeParse(result.value);
      waiting.resolve(
        parsed.success
          ? { ok: true, value: parsed.data }
          : {
              ok: false,
              error: { code: 'internal', message: 'The host answered with invalid data' },
            },
      );
      return;
    }
    const event = RpcEventSchema.safeParse(raw);
    if (!event.success) return;
    const events:
      | Record<string, { safeParse(value: unknown): { success: boolean; data?: unknown } }>
      | undefined = contract[event.data.service]?.events;
    const schema = events?.[event.data.event];
    const parsed = schema?.safeParse(event.data.payload);
    if (!parsed?.success) return;
    for (const listener of listeners.get(`${event.data.service}.${event.data.event}`) ?? []) {
      listener(parsed.data);
    }
  });

  protocol.onClose(() => {
    closed = true;
    for (const [id, waiting] of pending) {
      pending.delete(id);
      waiting.resolve({
        ok: false,
        error: { code: 'disconnected', message: 'The connection to the host closed' },
      });
    }
  });

  const call = (service: string, method: string, args: unknown[]): Promise<Result<unknown>> => {
    const definition = contract[service]!.methods[method]!;
    if (closed) {
      return Promise.resolve({
        ok: false,
        error: { code: 'disconnected', message: 'The connection to the host is closed' },
      });
    }
    const id = nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        if (pending.delete(id)) {
          resolve({
            ok: false,
            error: { code: 'timeout', message: `${service}.${method} timed out` },
          });
        }
      }, timeoutMilliseconds);
      pending.set(id, {
        schema: definition.returns,
        resolve: (result) => {
          clearTimeout(timer);
          resolve(result);
        },
      });
      protocol.send({ kind: 'request', id, service, method, arguments: args });
    });
  };

  const listen = (key: string, listener: (payload: unknown) => void): Unsubscribe => {
    const set = listeners.get(key) ?? new Set();
    listeners.set(key, set);
    set.add(listener);
    return () => set.delete(listener);
  };

  const client: Record<string, Record<string, unknown>> = {};
  for (const [serviceName, definition] of Object.entries(contract)) {
    const proxy: Record<string, unknown> = {};
    for (const methodName of Object.keys(definition.methods)) {
      proxy[methodName] = (...args: unknown[]) => call(serviceName, methodName, args);
    }
    for (const eventName of Object.keys(definition.events)) {
      proxy[eventName] = (listener: (payload: unknown) => void) =>
        listen(`${serviceName}.${eventName}`, listener);
    }
    client[serviceName] = proxy;
  }
  return client as ContractClient<C>;
}
