/**
 * Row types of the portal database, as Kysely sees them. Column types are chosen to behave the
 * same on SQLite and PostgreSQL: text IDs (UUIDs), ISO-8601 UTC timestamps as text (they sort
 * correctly as strings), integers for flags and counts, JSON as text.
 */
export interface UsersTable {
  id: string;
  user_name: string;
  display_name: string;
  role: string;
  password_hash: string;
  /** 1 = disabled; a disabled user cannot log in and existing sessions stop working. */
  disabled: number;
  /** SIP user name of an agent's desk (migration 0003), e.g. "1002"; routing rings it. */
  sip_user?: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserClientAssignmentsTable {
  user_id: string;
  client_id: string;
}

export interface ClientsTable {
  id: string;
  name: string;
  /** The whole ClientProfile as JSON (texts, staff, rules); lines are also in client_lines. */
  profile_json: string;
  created_at: string;
  updated_at: string;
}

export interface ClientLinesTable {
  /** E.164 dialled number; a line belongs to exactly one client. */
  line: string;
  client_id: string;
}

export interface CallsTable {
  id: string;
  client_id: string;
  line: string;
  caller_number: string | null;
  ring_at: string;
  answer_at: string | null;
  end_at: string | null;
  agent_id: string | null;
  outcome: string | null;
  wrap_up_seconds: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** A call to a line that belongs to no client (migration 0002); same columns minus the client. */
export type UnassignedLineCallsTable = Omit<CallsTable, 'client_id'>;

export interface NotesTable {
  id: string;
  client_id: string;
  call_id: string | null;
  idempotency_key: string;
  /** SHA-256 of the submitted body: the same key with a different body is a conflict. */
  request_hash: string;
  caller_name: string;
  company: string;
  callback_number: string;
  concern: string;
  urgency: string;
  preferred_callback_time: string;
  outcome: string;
  free_text: string;
  tags_json: string;
  /** `callback_number` in E.164 when it is a public number (migration 0004): data requests. */
  callback_e164?: string | null;
  status: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface DeliveriesTable {
  id: string;
  note_id: string;
  client_id: string;
  channel: string;
  /** JSON array of recipients (client e-mail addresses or the client's SMS number). */
  recipients_json: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  /** While a worker sends, it holds a lease; an expired lease means the worker died. */
  lease_until: string | null;
  /** Abstract error code only (never message text from a server: it could echo content). */
  last_error: string | null;
  segments: number | null;
  sent_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface BotSwitchesTable {
  /** 'global' or an E.164 line. */
  scope_key: string;
  client_id: string | null;
  mode: string;
  changed_by: string | null;
  changed_at: string;
  /** Why it was set (free text of the shift lead, shown in the audit trail). */
  reason: string | null;
  /** Auto-revert: at this instant the mode goes back to `revert_to`. */
  revert_at: string | null;
  revert_to: string | null;
}

export interface BotSchedulesTable {
  client_id: string;
  /** A BotSchedule (src/shared/domain/botSchedule.ts), validated before it is written. */
  schedule_json: string;
  changed_by: string | null;
  changed_at: string;
}

export interface PresenceTable {
  /** When the agent last became available after work (longest idle first); migration 0003. */
  idle_since?: string | null;
  /** Why an agent is on break ("not ready"); migration 0003. */
  reason?: string | null;
  user_id: string;
  state: string;
  updated_at: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_user_id: string | null;
  action: string;
  client_id: string | null;
  target_type: string;
  target_id: string | null;
  /** Abstract details only (flags, roles, counts): never names, numbers or note text. */
  details_json: string;
}

export interface DeletionReceiptsTable {
  transaction_id: string;
  client_id: string;
  record_type: string;
  reason: string;
  deleted_at: string;
  recorded_by: string;
  recorded_at: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface RefreshTokensTable {
  /** SHA-256 of the token; the token itself is never stored. */
  token_hash: string;
  session_id: string;
  expires_at: string;
  used_at: string | null;
}

/** The whole database as Kysely sees it. */
export interface PortalDatabase {
  users: UsersTable;
  user_client_assignments: UserClientAssignmentsTable;
  clients: ClientsTable;
  client_lines: ClientLinesTable;
  calls: CallsTable;
  unassigned_line_calls: UnassignedLineCallsTable;
  notes: NotesTable;
  deliveries: DeliveriesTable;
  bot_switches: BotSwitchesTable;
  bot_schedules: BotSchedulesTable;
  presence: PresenceTable;
  audit_log: AuditLogTable;
  deletion_receipts: DeletionReceiptsTable;
  sessions: SessionsTable;
  refresh_tokens: RefreshTokensTable;
  bot_calls: BotCallsTable;
  bot_call_segments: BotCallSegmentsTable;
  bot_call_fields: BotCallFieldsTable;
  bot_call_summaries: BotCallSummariesTable;
  bot_events: BotEventsTable;
  service_level_targets: ServiceLevelTargetsTable;
  alert_acknowledgements: AlertAcknowledgementsTable;
  whispers: WhispersTable;
  review_notes: ReviewNotesTable;
  data_request_receipts: DataRequestReceiptsTable;
  data_request_desk_notices: DataRequestDeskNoticesTable;
}

/**
 * Proof that a data request deleted a caller's records (migration 0004): counts per kind, who
 * and when. No number, no name, no hash of a number: it can be shown to the caller as it is.
 */
export interface DataRequestReceiptsTable {
  id: string;
  request_id: string;
  /** JSON array of the client IDs searched; `null` = every client (an admin's request). */
  client_ids_json: string | null;
  counts_json: string;
  /** `portal`, or `desk:<userId>` for a desk's own receipt of its local copies. */
  source: string;
  /** Abstract remark code, e.g. `waited-for-queued-note`; never free text. */
  note: string | null;
  deleted_by: string;
  deleted_at: string;
}

/** A call routed to the voicebot, with its queue and offer state (migration 0003). */
export interface BotCallsTable {
  call_id: string;
  client_id: string;
  line: string;
  sip_call_id: string;
  bot_id: string | null;
  state: string;
  started_at: string;
  ended_at: string | null;
  disclosure_played: number;
  consent_given: number | null;
  escalation_reason: string | null;
  escalation_urgency: string | null;
  escalated_at: string | null;
  /** none → waiting → offered → accepted → connected | done; see domain/offerEngine.ts. */
  queue_state: string;
  /** Urgency rank (emergency 0 … low 3): the queue is ordered by rank, then escalated_at. */
  queue_rank: number;
  offer_id: string | null;
  offered_to: string | null;
  offer_expires_at: string | null;
  /** User IDs this call was offered to and who declined or let it expire (JSON array). */
  passed_over_json: string;
  accepted_by: string | null;
  handover_token: string | null;
  connect_by: string | null;
  /** When a human accepted the call (migration 0007): the service level's clock stops. */
  accepted_at?: string | null;
  content_deleted_at: string | null;
  updated_at: string;
}

export interface BotCallSegmentsTable {
  call_id: string;
  segment_id: string;
  speaker: string;
  text: string;
  start_ms: number;
  end_ms: number;
  final: number;
}

export interface BotCallFieldsTable {
  call_id: string;
  field: string;
  value: string;
  confidence: number;
}

export interface BotCallSummariesTable {
  call_id: string;
  summary: string;
}

/** One bot event seen, for idempotency by event ID (no content, only its hash). */
export interface BotEventsTable {
  event_id: string;
  bot_id: string;
  call_id: string;
  request_hash: string;
  status: string;
  received_at: string;
}

/** A client's service level: share answered within `threshold_seconds` (migration 0007). */
export interface ServiceLevelTargetsTable {
  client_id: string;
  threshold_seconds: number;
  target_percent: number;
  updated_by: string;
  updated_at: string;
}

/** A board alert someone acknowledged; the key names the alert (e.g. `waiting:<callId>`). */
export interface AlertAcknowledgementsTable {
  alert_key: string;
  client_id: string;
  acknowledged_by: string;
  acknowledged_at: string;
}

/** A supervisor's text to the agent on a call; only that agent reads it. */
export interface WhispersTable {
  id: string;
  call_id: string;
  client_id: string;
  from_user_id: string;
  to_user_id: string;
  text: string;
  sent_at: string;
}

/** A supervisor's note on a call's transcript, for later review. */
export interface ReviewNotesTable {
  id: string;
  call_id: string;
  client_id: string;
  segment_id: string | null;
  author_user_id: string;
  text: string;
  created_at: string;
}

/**
 * A deletion the desks must repeat (migration 0007): the salted hash of the number, never the
 * number, so a desk that was offline can still match its local copies.
 */
export interface DataRequestDeskNoticesTable {
  request_id: string;
  client_ids_json: string | null;
  salt: string;
  number_hash: string;
  requested_at: string;
}
