/**
 * In-process publish/subscribe for portal events. One instance per portal; several portal
 * instances would bridge this through a broker (Redis/NATS), which is not built yet.
 */
import type { PortalEvent } from '../../shared/portalWire/eventSchemas';

export type PortalEventListener = (event: PortalEvent) => void;

export class EventHub {
  private readonly listeners = new Set<PortalEventListener>();

  /** Delivers to every listener; a failing listener never stops the others. */
  publish(event: PortalEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        // A broken socket must not break the request that caused the event.
      }
    }
  }

  subscribe(listener: PortalEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
