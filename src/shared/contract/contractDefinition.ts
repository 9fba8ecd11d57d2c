/**
 * Building blocks of the one typed contract between the renderer and host services.
 *
 * A service is declared once, as runtime schemas: each method has a tuple schema for its
 * arguments and a schema for its result; each event has a payload schema. Renderer proxies
 * ({@link ServiceClient}) and host implementations ({@link ServiceImplementation}) are both
 * typed from that declaration, so nobody writes a second copy of an interface.
 *
 * Event names MUST start with `on` (`onDidChange`, `onStateChanged`).
 */
import type { z } from 'zod';
import type { Result } from '../rpc/result';

export interface MethodDefinition<
  Arguments extends z.ZodTuple = z.ZodTuple,
  Returns extends z.ZodType = z.ZodType,
> {
  readonly arguments: Arguments;
  readonly returns: Returns;
}

export interface ServiceDefinition<
  Methods extends Record<string, MethodDefinition> = Record<string, MethodDefinition>,
  Events extends Record<`on${string}`, z.ZodType> = Record<`on${string}`, z.ZodType>,
> {
  readonly methods: Methods;
  readonly events: Events;
}

export type ContractDefinition = Record<string, ServiceDefinition>;

export function defineMethod<Arguments extends z.ZodTuple, Returns extends z.ZodType>(
  argumentsSchema: Arguments,
  returns: Returns,
): MethodDefinition<Arguments, Returns> {
  return { arguments: argumentsSchema, returns };
}

export function defineService<
  Methods extends Record<string, MethodDefinition>,
  Events extends Record<`on${string}`, z.ZodType> = Record<never, z.ZodType>,
>(definition: { methods: Methods; events?: Events }): ServiceDefinition<Methods, Events> {
  return { methods: definition.methods, events: (definition.events ?? {}) as Events };
}

type ArgumentsOf<M> = M extends MethodDefinition<infer A, z.ZodType> ? z.infer<A> : never;
type ReturnsOf<M> = M extends MethodDefinition<z.ZodTuple, infer R> ? z.infer<R> : never;

/** Removes an event listener; calling it twice is harmless. */
export type Unsubscribe = () => void;

/** What the renderer holds: every method returns a Result; every event can be listened to. */
export type ServiceClient<S extends ServiceDefinition> = {
  [M in keyof S['methods']]: (
    ...args: ArgumentsOf<S['methods'][M]> extends unknown[] ? ArgumentsOf<S['methods'][M]> : never
  ) => Promise<Result<ReturnsOf<S['methods'][M]>>>;
} & {
  [E in keyof S['events']]: (listener: (payload: z.infer<S['events'][E]>) => void) => Unsubscribe;
};

export type ContractClient<C extends ContractDefinition> = {
  [K in keyof C]: ServiceClient<C[K]>;
};

/** Publishes a service's events to every connected client. */
export interface EventSink<S extends ServiceDefinition> {
  emit<E extends keyof S['events'] & string>(event: E, payload: z.infer<S['events'][E]>): void;
}

/** Where host events come from: the RPC server subscribes once per connection. */
export interface EventSource<S extends ServiceDefinition> {
  subscribe(
    listener: <E extends keyof S['events'] & string>(
      event: E,
      payload: z.infer<S['events'][E]>,
    ) => void,
  ): Unsubscribe;
}

/** What a host service implements: plain async methods (they may throw ServiceError). */
export type ServiceMethods<S extends ServiceDefinition> = {
  [M in keyof S['methods']]: (
    ...args: ArgumentsOf<S['methods'][M]> extends unknown[] ? ArgumentsOf<S['methods'][M]> : never
  ) => Promise<ReturnsOf<S['methods'][M]>>;
};

export interface ServiceImplementation<S extends ServiceDefinition> {
  readonly methods: ServiceMethods<S>;
  readonly events: EventSource<S>;
}

export type ContractImplementation<C extends ContractDefinition> = {
  [K in keyof C]: ServiceImplementation<C[K]>;
};
