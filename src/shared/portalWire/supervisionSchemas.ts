/**
 * The supervisor board's wire (issue 10): per-line live counts and today's figures, the waiting
 * calls, the agents, threshold alerts, the day report, and the supervisor's actions (not ready,
 * log out, acknowledge, whisper, review note). No caller numbers anywhere.
 */
import { z } from 'zod';
import { DaySchema, IdentifierSchema, UuidSchema } from './commonSchemas';
import {
  AgentStateSchema,
  BotCallDetailSchema,
  ESCALATION_URGENCIES,
  OFFER_REASONS,
} from './hybridSchemas';

/** How many escalation reasons the board names per line. */
export const TOP_REASON_COUNT = 3;

/** Today's figures of one line (or a client's total: `line` null). */
export const LineFiguresSchema = z.object({
  line: z.string().nullable(),
  clientId: z.string(),
  /** Calls the bot answered that started this local day. */
  botCalls: z.number().int(),
  /** Escalations to a human this local day (the service level's calls). */
  offered: z.number().int(),
  answered: z.number().int(),
  answeredWithinThreshold: z.number().int(),
  abandoned: z.number().int(),
  /** Percent, one decimal; null while no escalation is decided yet. */
  serviceLevelPercent: z.number().nullable(),
  longestWaitSeconds: z.number().int(),
  /** Of the ended calls started today: the bot finished alone. */
  containedCalls: z.number().int(),
  containmentPercent: z.number().nullable(),
  escalationPercent: z.number().nullable(),
  topReasons: z.array(z.object({ reason: z.enum(OFFER_REASONS), count: z.number().int() })),
});
export type LineFigures = z.infer<typeof LineFiguresSchema>;

export const ServiceLevelTargetSchema = z.object({
  thresholdSeconds: z.number().int().min(1).max(600),
  targetPercent: z.number().int().min(1).max(100),
});
export type ServiceLevelTarget = z.infer<typeof ServiceLevelTargetSchema>;
export const DEFAULT_SERVICE_LEVEL_TARGET: ServiceLevelTarget = {
  thresholdSeconds: 20,
  targetPercent: 80,
};

export const BoardLineSchema = z.object({
  line: z.string(),
  clientId: z.string(),
  botAnswers: z.boolean(),
  withBot: z.number().int(),
  waiting: z.number().int(),
  withAgents: z.number().int(),
  availableAgents: z.number().int(),
  target: ServiceLevelTargetSchema,
  today: LineFiguresSchema,
});
export type BoardLine = z.infer<typeof BoardLineSchema>;

export const WaitingCallSchema = z.object({
  callId: z.string(),
  clientId: z.string(),
  line: z.string(),
  urgency: z.enum(ESCALATION_URGENCIES),
  waitingSince: z.string(),
  offeredTo: z.string().nullable(),
});
export type WaitingCall = z.infer<typeof WaitingCallSchema>;

export const LiveCallSchema = z.object({
  callId: z.string(),
  clientId: z.string(),
  line: z.string(),
  /** `with-bot`, `waiting` or `with-agent`. */
  phase: z.enum(['with-bot', 'waiting', 'with-agent']),
  startedAt: z.string(),
  agentUserId: z.string().nullable(),
});
export type LiveCall = z.infer<typeof LiveCallSchema>;

export const BoardAgentSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  clientIds: z.array(z.string()),
  state: AgentStateSchema,
  reason: z.string().nullable(),
  stateSince: z.string().nullable(),
  callsToday: z.number().int(),
  averageHandlingSeconds: z.number().int().nullable(),
  averageWrapUpSeconds: z.number().int().nullable(),
});
export type BoardAgent = z.infer<typeof BoardAgentSchema>;

export const ALERT_KINDS = ['long-wait', 'service-level', 'no-agent'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const BoardAlertSchema = z.object({
  key: z.string(),
  kind: z.enum(ALERT_KINDS),
  clientId: z.string(),
  line: z.string(),
  callId: z.string().nullable(),
  since: z.string(),
  acknowledgedBy: z.string().nullable(),
});
export type BoardAlert = z.infer<typeof BoardAlertSchema>;

export const SupervisionBoardSchema = z.object({
  at: z.string(),
  day: z.string(),
  lines: z.array(BoardLineSchema),
  waitingCalls: z.array(WaitingCallSchema),
  liveCalls: z.array(LiveCallSchema),
  agents: z.array(BoardAgentSchema),
  alerts: z.array(BoardAlertSchema),
});
export type SupervisionBoard = z.infer<typeof SupervisionBoardSchema>;

export const BoardQuerySchema = z.strictObject({ clientId: IdentifierSchema.optional() });

export const DayReportQuerySchema = z.strictObject({
  clientId: IdentifierSchema,
  day: DaySchema,
  format: z.enum(['json', 'csv']).optional(),
});
export const DayReportSchema = z.object({
  clientId: z.string(),
  day: z.string(),
  timeZone: z.string(),
  target: ServiceLevelTargetSchema,
  lines: z.array(LineFiguresSchema),
  total: LineFiguresSchema,
});
export type DayReport = z.infer<typeof DayReportSchema>;

export const AgentParametersSchema = z.strictObject({ userId: IdentifierSchema });
export const SetNotReadyRequestSchema = z.strictObject({
  reason: z.string().trim().min(1).max(80),
});

export const AcknowledgeAlertRequestSchema = z.strictObject({
  clientId: IdentifierSchema,
  alertKey: z.string().min(1).max(200),
});

export const SupervisedCallParametersSchema = z.strictObject({ callId: UuidSchema });
export const WhisperRequestSchema = z.strictObject({ text: z.string().trim().min(1).max(500) });
export const WhisperSchema = z.object({
  id: z.string(),
  callId: z.string(),
  fromUserId: z.string(),
  text: z.string(),
  sentAt: z.string(),
});
export type Whisper = z.infer<typeof WhisperSchema>;

export const ReviewNoteRequestSchema = z.strictObject({
  text: z.string().trim().min(1).max(2000),
  segmentId: z.string().min(1).max(64).optional(),
});
export const ReviewNoteSchema = z.object({
  id: z.string(),
  callId: z.string(),
  segmentId: z.string().nullable(),
  authorUserId: z.string(),
  text: z.string(),
  createdAt: z.string(),
});
export type ReviewNote = z.infer<typeof ReviewNoteSchema>;

/** Who speaks in the human part of a call (after the handover), as the agent's desk hears it. */
export const HUMAN_SPEAKERS = ['agent', 'caller'] as const;

/** One piece of the human part of a call, from the agent's desk; times since its transcription began. */
export const HumanTranscriptSegmentSchema = z.strictObject({
  segmentId: z.string().min(1).max(160),
  speaker: z.enum(HUMAN_SPEAKERS),
  text: z.string().max(4000),
  startMs: z.number().int().min(0).max(86_400_000),
  endMs: z.number().int().min(0).max(86_400_000),
});
export type HumanTranscriptSegment = z.infer<typeof HumanTranscriptSegmentSchema>;

/** The agent on a call reports final segments of the human part (at most 50 at once). */
export const HumanTranscriptRequestSchema = z.strictObject({
  segments: z.array(HumanTranscriptSegmentSchema).min(1).max(50),
});

/**
 * The read-only live view: the bot call's detail (the bot part of the transcript), the human
 * part as the agent's desk reported it while the call is live, and review notes.
 */
export const SupervisedCallSchema = z.object({
  call: BotCallDetailSchema,
  humanTranscript: z.array(HumanTranscriptSegmentSchema),
  reviewNotes: z.array(ReviewNoteSchema),
});
export type SupervisedCall = z.infer<typeof SupervisedCallSchema>;

export const SetTargetRequestSchema = ServiceLevelTargetSchema.strict();
