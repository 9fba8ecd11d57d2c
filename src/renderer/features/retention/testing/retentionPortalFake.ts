/**
 * A stand-in for the host's portal (client lookups, deletion receipts) and vault services in
 * retention tests. Receipts are kept by transaction id, as the portal does (replays dedupe).
 */
import type { AppClient } from '../../../../shared/contract/appContract';
import type { ClientProfile, RetentionPolicy } from '../../../../shared/domain/clientProfile';
import { ServiceError } from '../../../../shared/rpc/result';

interface StoredReceipt {
  transactionId: string;
  clientId: string;
  recordType: string;
  reason: string;
  deletedAt: string;
}

type Answer<T> = Promise<{ ok: true; value: T } | { ok: false; error: ServiceError }>;

export class RetentionPortalFake {
  readonly receipts = new Map<string, StoredReceipt>();
  /** Every receipt the fake was sent, replays included. */
  readonly receiptPosts: StoredReceipt[] = [];
  online = true;
  private readonly clients = new Map<string, { line: string; retention: RetentionPolicy }>();
  private readonly wrappingKey = crypto.getRandomValues(new Uint8Array(32));

  addClient(clientId: string, line: string, retention: RetentionPolicy): void {
    this.clients.set(clientId, { line, retention });
  }

  /** The host's wrapping key bytes (a copy), so tests can open a vault of their own. */
  rawWrappingKey(): Uint8Array {
    return new Uint8Array(this.wrappingKey);
  }

  private unavailable<T>(): Answer<T> {
    return Promise.resolve({
      ok: false,
      error: new ServiceError('unavailable', 'The portal cannot be reached'),
    });
  }

  private profile(clientId: string): ClientProfile {
    const client = this.clients.get(clientId)!;
    return { id: clientId, lines: [client.line], retention: client.retention } as ClientProfile;
  }

  /** The subset of the app client retention uses. */
  asClient(): Pick<AppClient, 'portal' | 'vault'> {
    const client = {
      vault: { getWrappingKey: () => Promise.resolve({ ok: true, value: this.rawWrappingKey() }) },
      portal: {
        clientByLine: (line: string) => {
          if (!this.online) return this.unavailable();
          const found = [...this.clients.entries()].find(([, value]) => value.line === line);
          return Promise.resolve({
            ok: true,
            value: found
              ? { kind: 'found', profile: this.profile(found[0]) }
              : { kind: 'unknown-line', line },
          });
        },
        clientById: (clientId: string) => {
          if (!this.online || !this.clients.has(clientId)) return this.unavailable();
          return Promise.resolve({ ok: true, value: this.profile(clientId) });
        },
        recordDeletionReceipts: ({ receipts }: { receipts: StoredReceipt[] }) => {
          if (!this.online) return this.unavailable();
          for (const receipt of receipts) {
            this.receiptPosts.push(receipt);
            this.receipts.set(receipt.transactionId, receipt);
          }
          return Promise.resolve({
            ok: true,
            value: { accepted: receipts.map((receipt) => receipt.transactionId), rejected: [] },
          });
        },
      },
    };
    return client as unknown as Pick<AppClient, 'portal' | 'vault'>;
  }
}
