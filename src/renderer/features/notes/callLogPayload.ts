/** What the durable call-log queue carries for one call that ended without a note. */
import type { CallLogEntry } from '../../../shared/contract/services/portalService';

export interface CallLogPayload {
  /** The portal user whose desk took the call; the entry is sent only in that user's session. */
  readonly agentUserId: string;
  /** The call's final log entry; `entry.id` is the call ID (the softphone leg's UUID). */
  readonly entry: CallLogEntry;
}
