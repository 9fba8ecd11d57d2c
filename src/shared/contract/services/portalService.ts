/**
 * The desk's connection to the central portal, kept by the host.
 *
 * Tokens MUST stay in the host: the renderer sees only the session state (who is logged in,
 * which roles and clients), never an access or refresh token. With no portal URL in the
 * settings the host runs the portal embedded (SQLite in its data folder) and offers a first-run
 * set-up (first account, demo data). Failures the desk must act on (wrong password, portal
 * unreachable, 429/503 with Retry-After) cross as data, not as errors.
 *
 * Session state:
 * ```
 * starting ──▶ logged-out ──login──▶ logged-in ──logout / session ended──▶ logged-out
 *    │                                   ▲ refresh on start (stored refresh token)
 *    └──▶ failed (embedded portal could not start, bad URL) ── settings change ──▶ starting
 * ```
 */
import { z } from 'zod';
import { ClientProfileSchema } from '../../domain/clientProfile';
import {
  E164Schema as E164,
  IdentifierSchema as Identifier,
  TimestampSchema as Timestamp,
  USER_ROLES,
  type UserRole,
} from '../../portalWire/commonSchemas';
import { CALL_OUTCOMES } from '../../portalWire/callSchemas';
import { AGENT_STATES } from '../../portalWire/hybridSchemas';
import {
  DeletionReceiptBatchResultSchema,
  DeletionReceiptBatchSchema,
} from '../../portalWire/operationsSchemas';
import {
  DELIVERY_CHANNELS,
  DELIVERY_STATUSES,
  NOTE_OUTCOMES,
  NoteSubmissionSchema as PortalNoteSubmissionSchema,
  URGENCIES,
} from '../../portalWire/noteSchemas';
import {
  DeskDeletionNoticeSchema,
  DeskReceiptSubmissionSchema,
} from '../../portalWire/dataRequestSchemas';
import { defineMethod, defineService } from '../contractDefinition';

/** The portal's roles; the desk shows areas by them (the portal checks them on every route). */
export const PORTAL_ROLES = USER_ROLES;
export type PortalRole = UserRole;

export const PortalUserSchema = z.object({
  id: z.string(),
  userName: z.string(),
  displayName: z.string(),
  role: z.enum(PORTAL_ROLES),
  clientIds: z.array(z.string()),
});
export type PortalUser = z.infer<typeof PortalUserSchema>;

export const SESSION_STATUSES = ['starting', 'logged-out', 'logged-in', 'failed'] as const;
export const SESSION_END_REASONS = ['logout', 'expired', 'revoked'] as const;

export const PortalSessionStateSchema = z.object({
  status: z.enum(SESSION_STATUSES),
  /** Embedded: the host runs the portal itself; remote: the configured portal URL. */
  mode: z.enum(['embedded', 'remote']),
  /** Whether the last request or the event stream reached the portal. */
  connection: z.enum(['online', 'offline', 'unknown']),
  user: PortalUserSchema.nullable(),
  /** memory-only: the session does not survive a restart (no real key store). */
  sessionStorage: z.enum(['persistent', 'memory-only']),
  endedReason: z.enum(SESSION_END_REASONS).nullable(),
  /** Embedded portal only: what the first-run set-up may offer (account, demo clients). */
  firstRun: z.object({ needsAccount: z.boolean(), canLoadDemoData: z.boolean() }).nullable(),
});
export type PortalSessionState = z.infer<typeof PortalSessionStateSchema>;

export const LoginRequestSchema = z.object({
  userName: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(1024),
});

export const LoginResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ok'), session: PortalSessionStateSchema }),
  z.object({ kind: z.literal('invalid') }),
  z.object({ kind: z.literal('rate-limited'), retryAfterSeconds: z.number().int().min(0) }),
  z.object({ kind: z.literal('unreachable') }),
]);
export type LoginResult = z.infer<typeof LoginResultSchema>;

export const FirstAccountRequestSchema = z.object({
  userName: z
    .string()
    .trim()
    .min(3)
    .max(64)
    .regex(/^[a-z0-9._-]+$/, 'Lower-case letters, digits, dot, dash and underscore only'),
  displayName: z.string().trim().min(1).max(200),
  password: z.string().min(12).max(1024),
  loadDemoData: z.boolean(),
});
export type FirstAccountRequest = z.infer<typeof FirstAccountRequestSchema>;

export const ClientLookupSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('found'), profile: ClientProfileSchema }),
  /**
   * No client this user may see has the line. The portal answers a line of another client
   * exactly like a line no client owns (no enumeration of lines), so this covers both.
   */
  z.object({ kind: z.literal('unknown-line'), line: z.string() }),
  /** The line belongs to a client this user is not assigned to (portals before issue 14). */
  z.object({ kind: z.literal('not-assigned'), line: z.string() }),
]);
export type ClientLookup = z.infer<typeof ClientLookupSchema>;

export const ClientSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  lines: z.array(z.string()),
});
export type ClientSummary = z.infer<typeof ClientSummarySchema>;

export { CALL_OUTCOMES, NOTE_OUTCOMES };
export type NoteOutcome = (typeof NOTE_OUTCOMES)[number];
export const NOTE_URGENCIES = URGENCIES;
export type NoteUrgency = (typeof NOTE_URGENCIES)[number];

/**
 * The note as the portal takes it (`POST /notes`): the portal's own wire schema, with the call
 * reference always present (null when the note belongs to no logged call).
 */
export const NoteSubmissionSchema = PortalNoteSubmissionSchema.extend({
  callId: Identifier.nullable(),
});
export type NoteSubmission = z.infer<typeof NoteSubmissionSchema>;

/** One call of the billable call log; the desk chooses the ID so a retry never bills twice. */
export const CallRecordSchema = z.object({
  id: z.uuid(),
  clientId: Identifier,
  line: E164,
  callerNumber: z
    .string()
    .regex(/^\+?[0-9]{2,16}$/)
    .nullable(),
  ringAt: Timestamp,
  answerAt: Timestamp.nullable(),
  endAt: Timestamp.nullable(),
  outcome: z.enum(CALL_OUTCOMES).nullable(),
  wrapUpSeconds: z.number().int().min(0).max(86_400),
});
export type CallRecord = z.infer<typeof CallRecordSchema>;

export const SubmitNoteRequestSchema = z.object({
  /** Created once when the agent submits; every retry MUST send the same key. */
  idempotencyKey: z.uuid(),
  note: NoteSubmissionSchema,
  /** The call's final log entry, written (idempotently) before the note. */
  call: CallRecordSchema.nullable(),
});
export type SubmitNoteRequest = z.infer<typeof SubmitNoteRequestSchema>;

/** One send attempt's outcome, for the outbox (abstract codes only, never response bodies). */
export const SubmitNoteResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('accepted'), noteId: z.string(), status: z.string() }),
  z.object({
    kind: z.literal('retry'),
    code: z.string().max(64),
    httpStatus: z.number().int().optional(),
    retryAfterSeconds: z.number().min(0).optional(),
    /** False while offline or logged out: waiting is not the note's fault. */
    countsTowardLimit: z.boolean(),
  }),
  z.object({
    kind: z.literal('rejected'),
    code: z.string().max(64),
    httpStatus: z.number().int().optional(),
    fieldPaths: z.array(z.string().max(200)).max(50).optional(),
  }),
]);
export type SubmitNoteResult = z.infer<typeof SubmitNoteResultSchema>;

/**
 * A call's final log entry sent on its own, without a note (never answered, unknown line, not
 * assigned, note discarded). `clientId` null: the portal resolves the client by the line
 * (`POST /line-calls`), also for lines of no or another client. Idempotent on `id`.
 */
export const CallLogEntrySchema = CallRecordSchema.extend({ clientId: Identifier.nullable() });
export type CallLogEntry = z.infer<typeof CallLogEntrySchema>;

/** One send attempt of a call log entry, classified for a durable queue (as for notes). */
export const SubmitCallResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('accepted'), callId: z.string() }),
  SubmitNoteResultSchema.options[1],
  SubmitNoteResultSchema.options[2],
]);
export type SubmitCallResult = z.infer<typeof SubmitCallResultSchema>;

export const PRESENCE_STATES = ['available', 'in-call', 'wrap-up', 'break', 'offline'] as const;
export type PresenceState = (typeof PRESENCE_STATES)[number];

export const PortalCallSchema = CallRecordSchema.extend({
  id: z.string(),
  agentId: z.string().nullable(),
});
export type PortalCall = z.infer<typeof PortalCallSchema>;

/** A note as listed by the portal; unknown fields are dropped, not refused (newer portals). */
export const PortalNoteSchema = z.object({
  ...PortalNoteSubmissionSchema.shape,
  callId: z.string().nullable(),
  id: z.string(),
  idempotencyKey: z.string(),
  status: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  concern: z.string().max(2000),
});
export type PortalNote = z.infer<typeof PortalNoteSchema>;

export const RecentActivitySchema = z.object({
  calls: z.array(PortalCallSchema),
  notes: z.array(PortalNoteSchema),
});
export type RecentActivity = z.infer<typeof RecentActivitySchema>;

export const NoteDeliveryStatusSchema = z.object({
  noteId: z.string(),
  status: z.string(),
  deliveries: z.array(
    z.object({
      channel: z.enum(DELIVERY_CHANNELS),
      status: z.enum(DELIVERY_STATUSES),
      attempts: z.number().int(),
      sentAt: z.string().nullable(),
    }),
  ),
});
export type NoteDeliveryStatus = z.infer<typeof NoteDeliveryStatusSchema>;

export const NoteStatusEventSchema = z.object({
  noteId: z.string(),
  clientId: z.string(),
  idempotencyKey: z.string(),
  status: z.string(),
  at: z.string(),
});
export type NoteStatusEvent = z.infer<typeof NoteStatusEventSchema>;

export const portalService = defineService({
  methods: {
    getSession: defineMethod(z.tuple([]), PortalSessionStateSchema),
    login: defineMethod(z.tuple([LoginRequestSchema]), LoginResultSchema),
    /** Revokes the session at the portal (best effort) and forgets the tokens. */
    logout: defineMethod(z.tuple([]), PortalSessionStateSchema),
    /** Embedded portal without users: creates the first account (admin) and logs it in. */
    createFirstAccount: defineMethod(z.tuple([FirstAccountRequestSchema]), LoginResultSchema),
    /** Embedded portal: loads the three demo clients (law firm, practice, plumber). */
    loadDemoData: defineMethod(z.tuple([]), z.object({ clients: z.number().int() })),
    me: defineMethod(z.tuple([]), PortalUserSchema),
    clientByLine: defineMethod(z.tuple([E164]), ClientLookupSchema),
    clientById: defineMethod(z.tuple([Identifier]), ClientProfileSchema),
    listClients: defineMethod(z.tuple([]), z.array(ClientSummarySchema)),
    submitNote: defineMethod(z.tuple([SubmitNoteRequestSchema]), SubmitNoteResultSchema),
    /** Creates or updates a call in the call log (ring, answer, end, outcome, wrap-up). */
    recordCall: defineMethod(z.tuple([CallRecordSchema]), PortalCallSchema),
    /** Writes a call's final log entry for the durable call-log queue; failures come as data. */
    submitCall: defineMethod(z.tuple([CallLogEntrySchema]), SubmitCallResultSchema),
    /** The agent's state for the portal; `reason` says why the agent is not ready (`break`). */
    setPresence: defineMethod(
      z.tuple([z.enum(PRESENCE_STATES), z.string().min(1).max(200).nullable().optional()]),
      z.null(),
    ),
    listRecent: defineMethod(
      z.tuple([z.object({ limit: z.number().int().min(1).max(200) })]),
      RecentActivitySchema,
    ),
    noteDeliveries: defineMethod(z.tuple([Identifier]), NoteDeliveryStatusSchema),
    /** Sends queued deletion receipts; the portal dedupes by transaction id (replays are safe). */
    recordDeletionReceipts: defineMethod(
      z.tuple([DeletionReceiptBatchSchema]),
      DeletionReceiptBatchResultSchema,
    ),
    /** Data-request deletions this desk has not confirmed yet (salted hashes, no numbers). */
    pendingDeskDeletions: defineMethod(z.tuple([]), z.array(DeskDeletionNoticeSchema)),
    /** This desk's receipt for one data request: counts per kind only. */
    recordDeskDeletionReceipt: defineMethod(
      z.tuple([z.uuid(), DeskReceiptSubmissionSchema]),
      z.null(),
    ),
  },
  events: {
    onSessionChanged: PortalSessionStateSchema,
    /** After an explicit logout every window wipes the user's local data. */
    onLoggedOut: z.object({ reason: z.enum(SESSION_END_REASONS), wipeLocalData: z.boolean() }),
    onNoteStatusChanged: NoteStatusEventSchema,
    /** A data request deleted a caller's records at the portal: delete the local copies. */
    onDeskDeletionRequested: DeskDeletionNoticeSchema,
    /** Agent states include `offered` (set by the portal while an offer rings at a desk). */
    onPresenceChanged: z.object({
      userId: z.string(),
      state: z.enum(AGENT_STATES),
      at: z.string(),
      /** Why the agent is on break, when given. */
      reason: z.string().max(200).nullable().optional(),
      /** Who set the state (own user ID, a supervisor's, or null for the portal itself). */
      changedBy: z.string().nullable().optional(),
    }),
    onBotSwitchChanged: z.object({
      /** `schedule`: a client's bot schedule changed (line null, mode `inherit`). */
      scope: z.enum(['global', 'line', 'schedule']),
      line: z.string().nullable(),
      clientId: z.string().nullable(),
      mode: z.enum(['on', 'off', 'inherit']),
      changedBy: z.string(),
      at: z.string(),
    }),
  },
});
