/**
 * Serves a contract's implementations over one protocol connection.
 *
 * MUST validate every request's arguments against the method's schema before calling the
 * implementation, and MUST answer every request exactly once. Results are validated too, so a
 * service can never leak a field the contract does not declare (zod strips unknown keys).
 * Events of every service are forwarded for the life of the connection.
 */
import type { ContractDefinition, ContractImplementation } from '../contract/contractDefinition';
import type { RpcProtocol } from './rpcProtocol';
import { RpcRequestSchema, type RpcRequest } from './rpcMessage';
import { ServiceError, fieldErrorsFromZod, type AppError, type Result } from './result';

export interface RpcServerOptions {
  /** Called with an abstract description of rejected input; never with payload contents. */
  onRejected?: (reason: string) => void;
}

export function serveContract<C extends ContractDefinition>(
  contract: C,
  implementation: ContractImplementation<C>,
  protocol: RpcProtocol,
  options: RpcServerOptions = {},
): () => void {
  const unsubscribers = Object.keys(contract).map((serviceName) =>
    implementation[serviceName]!.events.subscribe((event, payload) => {
      const events: Record<
        string,
        { safeParse(value: unknown): { success: boolean; data?: unknown } }
      > = contract[serviceName]!.events;
      const schema = events[event];
      const parsed = schema?.safeParse(payload);
      if (!parsed?.success) {
        options.onRejected?.(`outgoing event ${serviceName}.${event} failed its schema`);
        return;
      }
      protocol.send({ kind: 'event', service: serviceName, event, payload: parsed.data });
    }),
  );

  const stopListening = protocol.onMessage((raw) => {
    const request = RpcRequestSchema.safeParse(raw);
    if (!request.success) {
      options.onRejected?.('malformed request envelope');
      const id = readId(raw);
      if (id !== undefined) {
        reply(protocol, id, {
          ok: false,
          error: { code: 'validation', message: 'Malformed request envelope' },
        });
      }
      return;
    }
    void handleRequest(contract, implementation, request.data, options).then((result) =>
      reply(protocol, request.data.id, result),
    );
  });

  const stop = (): void => {
    stopListening();
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
  protocol.onClose(stop);
  return stop;
}

async function handleRequest<C extends ContractDefinition>(
  contract: C,
  implementation: ContractImplementation<C>,
  request: RpcRequest,
  options: RpcServerOptions,
): Promise<Result<unknown>> {
  const definition = Object.hasOwn(contract, request.service)
    ? contract[request.service]
    : undefined;
  const method =
    definition && Object.hasOwn(definition.methods, request.method)
      ? definition.methods[request.method]
      : undefined;
  if (!definition || !method) {
    options.onRejected?.('unknown method');
    return {
      ok: false,
      error: {
        code: 'unknown-method',
        message: `Unknown method ${request.service}.${request.method}`,
      },
    };
  }
  const parsedArguments = method.arguments.safeParse(request.arguments);
  if (!parsedArguments.success) {
    options.onRejected?.(`invalid arguments for ${request.service}.${request.method}`);
    return {
      ok: false,
      error: {
        code: 'validation',
        message: `Invalid arguments for ${request.service}.${request.method}`,
        fieldErrors: fieldErrorsFromZod(parsedArguments.error),
      },
    };
  }
  try {
    const methods = implementation[request.service]!.methods as Record<
      string,
      (...args: unknown[]) => Promise<unknown>
    >;
    const value = await methods[request.method]!(...(parsedArguments.data as unknown[]));
    const parsedResult = method.returns.safeParse(value);
    if (!parsedResult.success) {
      options.onRejected?.(`result of ${request.service}.${request.method} failed its schema`);
      return {
        ok: false,
        error: { code: 'internal', message: 'The service returned invalid data' },
      };
    }
    return { ok: true, value: parsedResult.data };
  } catch (error) {
    return { ok: false, error: toAppError(error) };
  }
}

function toAppError(error: unknown): AppError {
  if (error instanceof ServiceError) return error.toAppError();
  // Unknown errors may carry personal data in their message: never forward it.
  return { code: 'internal', message: 'Internal error' };
}

function reply(protocol: RpcProtocol, id: number, result: Result<unknown>): void {
  protocol.send({ kind: 'response', id, result });
}

function readId(raw: unknown): number | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const id = (raw as { id?: unknown }).id;
  return typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : undefined;
}
