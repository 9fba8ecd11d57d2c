/**
 * The client company ("Auftraggeber") as the desk sees it: everything the client card shows and
 * the suggestion engine may draw on. The portal is the system of record; this is the shape it
 * serves to desktops. See shared/DOMAIN.md for the business meaning of each part.
 */
import { z } from 'zod';
import { AiProviderAllowListSchema } from './aiProviderPolicy';

/** An approved answer text ("Freigabetext"): the only corridor in which answers may be given. */
export const ApprovedTextSchema = z.object({
  id: z.string().min(1).max(64),
  title: z.string().min(1).max(200),
  text: z.string().min(1).max(4000),
  tags: z.array(z.string().max(64)).max(32),
});
export type ApprovedText = z.infer<typeof ApprovedTextSchema>;

export const STAFF_PRESENCE = ['present', 'absent', 'busy', 'unknown'] as const;

/** A member of the client's staff to whom calls can be transferred. */
export const StaffMemberSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  function: z.string().max(200),
  /** Transfer target: an E.164 number or a SIP URI/extension reachable from the desk. */
  transferTarget: z.string().min(1).max(256),
  presence: z.enum(STAFF_PRESENCE),
  absenceNote: z.string().max(500).optional(),
  /** Human-readable callback windows, e.g. "Mo–Fr 14:00–16:00". */
  callbackWindows: z.array(z.string().max(100)).max(14),
});
export type StaffMember = z.infer<typeof StaffMemberSchema>;

export const RETENTION_MODES = [
  'ram-only',
  'delete-after-sync',
  'keep-hours',
  'keep-minutes',
] as const;

/** The ceiling of every retention period: 30 days (SECURITY.md rule 7, DOMAIN.md privacy). */
export const MAXIMUM_RETENTION_HOURS = 720;
export const MAXIMUM_RETENTION_MINUTES = MAXIMUM_RETENTION_HOURS * 60;

/**
 * Retention per client: at most 30 days, see SECURITY.md rule 7. `keep-hours` uses `hours`,
 * `keep-minutes` (added later, additively: older profiles still parse) uses `minutes`; a keep
 * mode without its number means the 30-day ceiling.
 */
export const RetentionPolicySchema = z.object({
  mode: z.enum(RETENTION_MODES),
  hours: z.number().int().min(1).max(MAXIMUM_RETENTION_HOURS).optional(),
  minutes: z.number().int().min(1).max(MAXIMUM_RETENTION_MINUTES).optional(),
});
export type RetentionPolicy = z.infer<typeof RetentionPolicySchema>;

export const DeliverySettingsSchema = z.object({
  portal: z.boolean(),
  emailAddresses: z.array(z.string().email().max(254)).max(10),
  smsNumber: z.string().max(32).optional(),
});

/** Opening hours per weekday (0 = Sunday), "HH:MM" strings, empty list = closed. */
export const OpeningHoursSchema = z.array(
  z.object({
    weekday: z.number().int().min(0).max(6),
    opens: z.string().regex(/^\d{2}:\d{2}$/),
    closes: z.string().regex(/^\d{2}:\d{2}$/),
  }),
);

export const ClientProfileSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  /** Dialled numbers (DIDs) in E.164 that identify this client. */
  lines: z
    .array(z.string().regex(/^\+[1-9]\d{4,14}$/))
    .min(1)
    .max(50),
  greeting: z.string().max(1000),
  workInstructions: z.string().max(8000),
  openingHours: OpeningHoursSchema,
  /**
   * Days (YYYY-MM-DD, Europe/Berlin) the client is closed although `openingHours` says open.
   * Optional (added later): older profiles still parse.
   */
  holidays: z.array(z.iso.date()).max(400).optional(),
  approvedTexts: z.array(ApprovedTextSchema).max(500),
  staff: z.array(StaffMemberSchema).max(200),
  /** Plain-language escalation rules shown to the agent and used by the bot. */
  escalationRules: z.array(z.string().max(500)).max(50),
  /** Terms that raise an alert when heard (e.g. "Notfall", "Frist"). */
  keywordAlerts: z.array(z.string().min(1).max(64)).max(50),
  delivery: DeliverySettingsSchema,
  retention: RetentionPolicySchema,
  /** Bound by professional secrecy (§ 203 StGB): suggestions show approved texts verbatim only. */
  professionalSecrecy: z.boolean(),
  /** BCP-47 language of calls for this client; German by default. */
  language: z.string().max(16),
  /**
   * Callers of this client may ask the desk to transfer them (SIP REFER): the request is shown
   * to the agent, who accepts or refuses it. Off (absent) by default: the desk refuses a
   * caller's REFER with 403 (a followed REFER lets a caller make the line call any number).
   */
  allowCallerTransfer: z.boolean().optional(),
  /**
   * AI providers that may receive this client's call data (aiProviderPolicy.ts). Absent: none
   * for professional-secrecy clients, every configured one otherwise.
   */
  aiProviders: AiProviderAllowListSchema.optional(),
});
export type ClientProfile = z.infer<typeof ClientProfileSchema>;
