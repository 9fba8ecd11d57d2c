/**
 * In-memory {@link OutboxStorage} for tests and benchmarks. Entries are copied in and out, so a
 * test can "crash" an engine (drop it) and start a new one over the same storage, exactly as a
 * restarted desk would read IndexedDB again.
 */
import type { OutboxEntry, OutboxStorage } from './outboxTypes';

export class InMemoryOutboxStorageFake<Payload> implements OutboxStorage<Payload> {
  private readonly rows = new Map<string, string>();
  /** Number of `put` calls, for tests that check every state was persisted. */
  writes = 0;
  /** When set, the next `put` rejects with this error (simulates a full or broken disk). */
  failNextPut: Error | undefined;

  async put(entry: OutboxEntry<Payload>): Promise<void> {
    if (this.failNextPut) {
      const error = this.failNextPut;
      this.failNextPut = undefined;
      throw error;
    }
    this.writes += 1;
    this.rows.set(entry.id, JSON.stringify(entry));
  }

  async get(id: string): Promise<OutboxEntry<Payload> | undefined> {
    const row = this.rows.get(id);
    return row === undefined ? undefined : (JSON.parse(row) as OutboxEntry<Payload>);
  }

  async list(): Promise<OutboxEntry<Payload>[]> {
    return [...this.rows.values()].map((row) => JSON.parse(row) as OutboxEntry<Payload>);
  }

  async delete(id: string): Promise<void> {
    this.rows.delete(id);
  }
}
