/**
 * Follows the softphone's call legs (zustand `subscribe`, no edits to the softphone) and does
 * the desk's bookkeeping for each incoming client call, so that every call reaches the portal's
 * call log exactly once (DOMAIN.md "Billing"):
 *
 * ```
 * ringing ──▶ look up the dialled line (cached per line) ──▶ own client: call log ring (best effort)
 * connected ─▶ own client: call log answer (best effort); the note form opens for writing
 * ended ─────▶ own client, answered: the note form gets the end time and the wrap-up starts;
 *              the final entry travels with the note,
 *              or, if the agent discards the note, through the call-log queue
 *              anything else (never answered, unknown line, not assigned, lookup failed):
 *              the final entry goes through the durable call-log queue at once
 * ```
 * The queue (`notes/callLogQueue.ts`) is strict-durable and idempotent on the call ID, the
 * softphone leg's UUID, which the note and the local history use too. The best-effort updates
 * only keep supervisors' live view current. Unknown lines and clients the agent is not assigned
 * to get `clientId: null`: the portal resolves the line and reveals nothing about the client.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { AppClient } from '../../../shared/contract/appContract';
import type {
  CallLogEntry,
  CallRecord,
  ClientLookup,
} from '../../../shared/contract/services/portalService';
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
  /** The logged-in agent; queued call logs are sent only in this agent's session. */
  readonly currentUserId: () => string | null;
  readonly now?: () => number;
}

const CALLER_NUMBER = /^\+?[0-9]{2,16}$/;
const iso = (milliseconds: number): string => new Date(milliseconds).toISOString();

/** The call's log entry as the desk knows it now. */
function entryOf(
  leg: CallLeg,
  call: TrackedCall,
  clientId: string | null,
  now: () => number = Date.now,
): CallLogEntry {
  return {
    id: call.portalCallId,
    clientId,
    line: call.line,
    callerNumber:
      leg.remoteNumber && CALLER_NUMBER.test(leg.remoteNumber) ? leg.remoteNumber : null,
    ringAt: iso(leg.createdAt),
    answerAt: leg.connectedAt ? iso(leg.connectedAt) : null,
    // An ended leg without an end time (should not happen) still gets one: billing needs it.
    endAt: call.ended ? iso(leg.endedAt ?? now()) : null,
    // Never answered: the caller hung up (or gave up) while it rang; otherwise unclassified.
    outcome: leg.connectedAt ? null : 'caller-hung-up',
    wrapUpSeconds: 0,
  };
}

export function trackCalls(options: CallTrackingOptions): () => void {
  const tracked = new Map<string, TrackedCall>();
  const now = options.now ?? Date.now;
  /** Note form ID → the call it belongs to, until the note is submitted or discarded. */
  const openNotes = new Map<string, { entry: CallLogEntry; endAt: number }>();

  const liveUpdate = (leg: CallLeg, call: TrackedCall, clientId: string): void => {
    const entry: CallRecord = { ...entryOf(leg, call, clientId), clientId, outcome: null };
    // Best effort: the durable record goes with the note or the queue; failures change nothing.
    void options.client.portal.recordCall(entry);
  };

  /** Sends a final entry through the durable queue (or best effort if notes never started). */
  const logFinal = (entry: CallLogEntry): void => {
    const queue = options.notes.getState().runtime()?.callLog;
    const agent = options.currentUserId();
    if (queue && agent) {
      void queue.enqueue(entry, agent).catch(() => undefined);
      return;
    }
    void options.client.portal.submitCall(entry);
  };

  const ownClient = (lookup: ClientLookup | undefined) =>
    lookup?.kind === 'found' ? lookup.profile : undefined;

  /**
   * Opens the call's note: at answer (so the agent writes while the caller talks; `endAt` is
   * null until the call ends) and again at the end, which completes the same form with the end
   * time and starts the wrap-up.
   */
  const openNote = (
    leg: CallLeg,
    call: TrackedCall,
    clientId: string,
    clientName: string,
    phase: 'answered' | 'ended',
  ) => {
    if (phase === 'answered') {
      void options.notes
        .getState()
        .openNote({
          callId: leg.id,
          portalCallId: call.portalCallId,
          clientId,
          clientName,
          line: call.line,
          callerNumber: leg.remoteNumber ?? null,
          ringAt: leg.createdAt,
          answerAt: leg.connectedAt ?? now(),
          endAt: null,
        })
        // Not fatal: the note opens again when the call ends.
        .catch(() => undefined);
      return;
    }
    const endAt = leg.endedAt ?? now();
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
          endAt,
        },
        leg.outcome === 'transferred' ? { outcome: 'forwarded' } : {},
      )
      .then((formId) => {
        openNotes.set(formId, { entry: entryOf(leg, call, clientId, now), endAt });
        followNotes(); // the form may already be gone (discarded at once)
      })
      .catch(() => logFinal(entryOf(leg, call, clientId, now)));
  };

  const finish = (leg: CallLeg, call: TrackedCall): void =>
    void call.lookup.then((lookup) => {
      const client = ownClient(lookup);
      if (client && call.answered) {
        liveUpdate(leg, call, client.id); // the end, for supervisors' live view
        openNote(leg, call, client.id, client.name, 'ended');
      } else logFinal(entryOf(leg, call, client?.id ?? null, now));
    });

  /** A note form that closed without reaching the outbox was discarded: log the call alone. */
  const followNotes = (): void => {
    const { forms } = options.notes.getState();
    const outbox = options.notes.getState().runtime()?.outbox;
    for (const [formId, open] of openNotes) {
      if (forms[formId]) continue;
      openNotes.delete(formId);
      if (outbox?.get(formId)) continue; // submitted: the entry travels with the note
      // After-call work until the discard is billable handling time (started seconds).
      const wrapUpSeconds = Math.min(86_400, Math.max(0, Math.ceil((now() - open.endAt) / 1000)));
      logFinal({ ...open.entry, wrapUpSeconds });
    }
  };

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
      void current.lookup.then((lookup) => {
        const client = ownClient(lookup);
        if (client && !current.ended) liveUpdate(leg, current, client.id);
      });
    }
    const current = call;
    if (!current.answered && (isConnected(leg.state) || leg.connectedAt !== undefined)) {
      current.answered = true;
      void current.lookup.then((lookup) => {
        const client = ownClient(lookup);
        if (!client || current.ended) return;
        liveUpdate(leg, current, client.id);
        openNote(leg, current, client.id, client.name, 'answered');
      });
    }
    if (!current.ended && isTerminal(leg.state)) {
      current.ended = true;
      finish(leg, current);
    }
  };

  const scan = (): void => {
    for (const leg of Object.values(options.calls.getState().legs)) observe(leg);
  };
  scan();
  const stopCalls = options.calls.subscribe(scan);
  const stopNotes = options.notes.subscribe(followNotes);
  return () => {
    stopCalls();
    stopNotes();
  };
}
