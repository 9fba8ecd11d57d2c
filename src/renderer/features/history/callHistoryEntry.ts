/**
 * One line of the desk's call history. It holds phone numbers and names, so it is stored only
 * sealed by the record vault (SECURITY.md rule 6); plain rows carry just the id and a time.
 */
import { isConnected } from '../../../shared/domain/callState';
import type { CallDirection, CallLeg, CallOutcome } from '../softphone/callStore';
import { matchesSearch } from './historySearch';

export interface CallHistoryEntry {
  id: string;
  /** Epoch ms when the call rang or was dialled. */
  startedAt: number;
  direction: CallDirection;
  /** E.164 or extension digits; undefined when the caller withheld it. */
  remoteNumber?: string;
  remoteLabel: string;
  /** Sanitised display name (plain text). */
  remoteName: string;
  /** The dialled client line (E.164), if any. */
  clientLine?: string;
  /** Talk time in whole seconds; 0 for calls that never connected. */
  durationSeconds: number;
  outcome: CallOutcome;
}

/** The history entry for a leg that just ended. */
export function entryFromLeg(leg: CallLeg): CallHistoryEntry {
  const endedAt = leg.endedAt ?? Date.now();
  const talked = leg.connectedAt !== undefined ? Math.max(0, endedAt - leg.connectedAt) : 0;
  return {
    id: leg.id,
    startedAt: leg.createdAt,
    direction: leg.direction,
    remoteNumber: leg.remoteNumber,
    remoteLabel: leg.remoteLabel,
    remoteName: leg.remoteName,
    clientLine: leg.clientLine,
    durationSeconds: Math.round(talked / 1_000),
    outcome: leg.outcome ?? (isConnected(leg.state) ? 'completed' : 'failed'),
  };
}

/** Whether an entry matches a search (see historySearch.ts for the rule). */
export function matchesQuery(entry: CallHistoryEntry, query: string): boolean {
  return matchesSearch(
    {
      numbers: [entry.remoteNumber, entry.clientLine],
      numberLabels: [entry.remoteLabel],
      texts: [entry.remoteName, entry.remoteLabel],
    },
    query,
  );
}
