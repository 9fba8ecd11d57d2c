/**
 * A small typed event hub that a host service owns: it emits, the RPC server subscribes.
 * Listener errors are isolated: one failing subscriber MUST NOT stop the others.
 */
import type { z } from 'zod';
import type { EventSink, EventSource, ServiceDefinition, Unsubscribe } from './contractDefinition';

type AnyListener = (event: string, payload: unknown) => void;

export class ServiceEvents<S extends ServiceDefinition> implements EventSink<S>, EventSource<S> {
  private readonly listeners = new Set<AnyListener>();

  emit<E extends keyof S['events'] & string>(event: E, payload: z.infer<S['events'][E]>): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event, payload);
      } catch {
        // A broken subscriber (e.g. a closed socket) must not break delivery to the rest.
      }
    }
  }

  subscribe(
    listener: <E extends keyof S['events'] & string>(
      event: E,
      payload: z.infer<S['events'][E]>,
    ) => void,
  ): Unsubscribe {
    const wrapped = listener as AnyListener;
    this.listeners.add(wrapped);
    return () => this.listeners.delete(wrapped);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}

/** For services that have no events. */
export function noEvents<S extends ServiceDefinition>(): EventSource<S> {
  return { subscribe: () => () => undefined };
}
