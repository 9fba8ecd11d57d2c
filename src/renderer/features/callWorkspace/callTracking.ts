/**
 * Follows the softphone's call legs (zustand `subscribe`, no edits to the softphone) and does
 * the desk's bookkeeping for each incoming client call:
 *
 * ```
 * ringing ──▶ look up the dialled line (cached per line) ──▶ call log: ring (best effort)
 * connected ─▶ call log: answer (best effort)
 * ended ─────▶ call log: end (best effort); answered → the note form opens (after-call work)
 * ```
 * The call's final log entry (times, outcome, wrap-up) travels durably with the note through
 * the outbox; the best-effort updates only keep supervisors' live view current.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { AppClient } from '../../../shared/contract/appContract';
import type { CallRecord, ClientLookup } from '../../../shared/contract/services/portalService';
import { isConnected, isTerminal } from '../../../shared/domain/callState';
import { clientByLineQueryOptions } from '../clientCard/clientQueries';
import type { NotesStore } from '../notes/notesStore';
import type { CallLeg, CallStore } from '../softphone/callStore';

interface TrackedCall {
  portalCallId: string;
  line: string;
  lookup: Promise<ClientLookup | undefined>;
  answered: boolean;
  ended: boolean;
}

export interface CallTrackingOptions {
  readonly calls: CallStore;
  readonly client: Pick<AppClient, 'portal'>;
  readonly notes: NotesStore;
  readonly queryClient: QueryClient;
}

export function trackCalls(options: CallTrackingOptions): () => void {
  const tracked = new Map<string, TrackedCall>();

  const record = (leg: CallLeg, call: TrackedCall, clientId: string): void => {
    const entry: CallRecord = {
      id: call.portalCallId,
      clientId,
      line: call.line,
      callerNumber:
        leg.remoteNumber && /^\+?[0-9]{2,16}$/.test(leg.remoteNumber) ? leg.remoteNumber : null,
      ringAt: new Date(leg.createdAt).toISOString(),
      answerAt: leg.connectedAt ? new Date(leg.connectedAt).toISOString() : null,
      endAt: leg.endedAt && call.ended ? new Date(leg.endedAt).toISOString() : null,
      outcome: null,
      wrapUpSeconds: 0,
    };
    // Best effort: the durable record goes with the note; failures here change nothing.
    void options.client.portal.recordCall(entry);
  };

  const withClient = (
    leg: CallLeg,
    call: TrackedCall,
    action: (clientId: string, name: string) => void,
  ) =>
    void call.lookup.then((lookup) => {
      if (lookup?.kind === 'found') action(lookup.profile.id, lookup.profile.name);
    });

  const openNote = (leg: CallLeg, call: TrackedCall): void =>
    withClient(leg, call, (clientId, clientName) => {
      void options.notes
        .getState()
        .openNote(
          {
            callId: leg.id,
            portalCallId: call.portalCallId,
            clientId,
            clientName,
            line: call.line,
            callerNumber: leg.remoteNumber ?? null,
            ringAt: leg.createdAt,
            answerAt: leg.connectedAt ?? null,
            endAt: leg.endedAt ?? Date.now(),
          },
          leg.outcome === 'transferred' ? { outcome: 'forwarded' } : {},
        )
        .catch(() => undefined);
    });

  const observe = (leg: CallLeg): void => {
    if (leg.direction !== 'incoming' || !leg.clientLine || leg.consultationFor) return;
    let call = tracked.get(leg.id);
    if (!call) {
      const line = leg.clientLine;
      call = {
        // The leg's own UUID: the portal's call log, the local history and the note then share
        // one ID, so the history view can merge them (and a retry still never bills twice).
        portalCallId: leg.id,
        line,
        lookup: options.queryClient
          .fetchQuery(clientByLineQueryOptions(options.client, line))
          .catch(() => undefined),
        answered: false,
        ended: false,
      };
      tracked.set(leg.id, call);
      const current = call;
      withClient(leg, current, (clientId) => record(leg, current, clientId));
    }
    const current = call;
    if (!current.answered && (isConnected(leg.state) || leg.connectedAt !== undefined)) {
      current.answered = true;
      withClient(leg, current, (clientId) => record(leg, current, clientId));
    }
    if (!current.ended && isTerminal(leg.state)) {
      current.ended = true;
      withClient(leg, current, (clientId) => record(leg, current, clientId));
      if (current.answered) openNote(leg, current);
    }
  };

  const scan = (): void => {
    for (const leg of Object.values(options.calls.getState().legs)) observe(leg);
  };
  scan();
  return options.calls.subscribe(scan);
}
