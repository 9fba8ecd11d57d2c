/**
 * A stand-in for the host's portal and vault services in renderer unit tests: it stores notes
 * exactly once per idempotency key like the portal, can be switched offline or to reject, and
 * emits the host's events. Methods answer with Results, as the real contract client does.
 */
import type { AppClient } from '../../../../shared/contract/appContract';
import type {
  CallLogEntry,
  CallRecord,
  ClientLookup,
  PresenceState,
  PortalSessionState,
  SubmitNoteRequest,
  SubmitCallResult,
  SubmitNoteResult,
} from '../../../../shared/contract/services/portalService';
import type { Result } from '../../../../shared/rpc/result';

type Listener = (payload: never) => void;

export const TEST_USER = {
  id: 'user-1',
  userName: 'anna.agent',
  displayName: 'Anna Agent',
  role: 'agent' as const,
  clientIds: ['kanzlei-brandt-okafor'],
};

/** The only password the fake's login accepts. */
export const FAKE_PASSWORD = 'richtiges Passwort';

export function loggedInSession(overrides: Partial<PortalSessionState> = {}): PortalSessionState {
  return {
    status: 'logged-in',
    mode: 'embedded',
    connection: 'online',
    user: TEST_USER,
    sessionStorage: 'persistent',
    endedReason: null,
    firstRun: null,
    ...overrides,
  };
}

export class PortalClientFake {
  readonly notes = new Map<string, SubmitNoteRequest>();
  readonly submitAttempts: SubmitNoteRequest[] = [];
  mode: 'online' | 'offline' | 'reject' = 'online';
  session: PortalSessionState = loggedInSession();
  lookups = new Map<string, ClientLookup>();
  readonly recordedCalls: CallRecord[] = [];
  /** Final call-log entries the portal stored, once per call ID, and every attempt. */
  readonly loggedCalls = new Map<string, CallLogEntry>();
  readonly callLogAttempts: CallLogEntry[] = [];
  readonly presences: PresenceState[] = [];
  readonly presenceReasons: (string | null)[] = [];
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly wrappingKey = crypto.getRandomValues(new Uint8Array(32));

  emit(event: string, payload: unknown): void {
    for (const listener of this.listeners.get(event) ?? [])
      (listener as (value: unknown) => void)(payload);
  }

  /** Switches the fake portal on or off and tells listeners, as the host does. */
  setConnection(connection: 'online' | 'offline'): void {
    this.mode = connection;
    this.session = { ...this.session, connection };
    this.emit('onSessionChanged', this.session);
  }

  private listen(event: string) {
    return (listener: Listener) => {
      const set = this.listeners.get(event) ?? new Set();
      this.listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    };
  }

  private submit(request: SubmitNoteRequest): SubmitNoteResult {
    this.submitAttempts.push(request);
    if (this.mode === 'offline') {
      return { kind: 'retry', code: 'unreachable', countsTowardLimit: false };
    }
    if (this.mode === 'reject') return { kind: 'rejected', code: 'validation', httpStatus: 400 };
    if (!this.notes.has(request.idempotencyKey)) this.notes.set(request.idempotencyKey, request);
    return { kind: 'accepted', noteId: `note-${request.idempotencyKey}`, status: 'received' };
  }

  private logCall(entry: CallLogEntry): SubmitCallResult {
    this.callLogAttempts.push(entry);
    if (this.mode === 'offline') {
      return { kind: 'retry', code: 'unreachable', countsTowardLimit: false };
    }
    if (this.mode === 'reject') return { kind: 'rejected', code: 'validation', httpStatus: 400 };
    if (!this.loggedCalls.has(entry.id)) this.loggedCalls.set(entry.id, entry);
    return { kind: 'accepted', callId: entry.id };
  }

  get client(): Pick<AppClient, 'portal' | 'vault'> {
    const ok = <T>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });
    const portal = {
      getSession: () => ok(this.session),
      submitNote: (request: SubmitNoteRequest) => ok(this.submit(request)),
      noteDeliveries: (noteId: string) => ok({ noteId, status: 'received', deliveries: [] }),
      clientByLine: (line: string) =>
        ok(this.lookups.get(line) ?? ({ kind: 'unknown-line', line } as ClientLookup)),
      login: ({ password }: { userName: string; password: string }) => {
        if (password !== FAKE_PASSWORD) return ok({ kind: 'invalid' as const });
        this.session = loggedInSession();
        this.emit('onSessionChanged', this.session);
        return ok({ kind: 'ok' as const, session: this.session });
      },
      recordCall: (call: CallRecord) => {
        this.recordedCalls.push(call);
        return ok({ ...call, agentId: call.answerAt ? TEST_USER.id : null });
      },
      submitCall: (entry: CallLogEntry) => ok(this.logCall(entry)),
      setPresence: (presence: PresenceState, reason?: string | null) => {
        this.presences.push(presence);
        this.presenceReasons.push(reason ?? null);
        return ok(null);
      },
      pendingDeskDeletions: () => ok([]),
      recordDeskDeletionReceipt: () => ok(null),
      onDeskDeletionRequested: this.listen('onDeskDeletionRequested'),
      onSessionChanged: this.listen('onSessionChanged'),
      onNoteStatusChanged: this.listen('onNoteStatusChanged'),
      onLoggedOut: this.listen('onLoggedOut'),
      onPresenceChanged: this.listen('onPresenceChanged'),
      onBotSwitchChanged: this.listen('onBotSwitchChanged'),
    };
    return {
      portal: portal as unknown as AppClient['portal'],
      vault: { getWrappingKey: () => ok(new Uint8Array(this.wrappingKey)) },
    };
  }
}
