/** What the delivery worker asks of a channel (e-mail, SMS): one attempt, classified. */
import type { ClientProfile } from '../../shared/domain/clientProfile';
import type { NotesTable } from '../database/databaseSchema';

export type ChannelOutcome =
  | { kind: 'sent'; segments: number | null }
  /** Worth trying again later (server down, busy, rate-limited). */
  | { kind: 'retry'; errorCode: string; retryAfterMilliseconds?: number }
  /** Will not work by repeating (recipient rejected, misconfiguration). */
  | { kind: 'failed'; errorCode: string };

export interface DeliveryAttempt {
  /** Stable per delivery: gateways may use it to drop a duplicate after a lost response. */
  readonly deliveryId: string;
  readonly recipients: readonly string[];
  readonly note: NotesTable;
  readonly client: ClientProfile;
}

export interface ChannelSender {
  send(attempt: DeliveryAttempt): Promise<ChannelOutcome>;
  close(): Promise<void>;
}
