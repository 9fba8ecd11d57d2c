/**
 * The shift lead's bot switch on the desk (issue 10): the global and per-line state (whether the
 * bot answers each line now), switching with a reason and an optional auto-revert, and the
 * switch's audit trail. The host talks to the portal (`/bot-switch…`); the portal announces
 * every change as `bot-switch.changed` (forwarded by the portal service as `onBotSwitchChanged`,
 * on which the desk re-reads the state, so two shift leads both see the last write).
 *
 * Rules: agents may read the state (their lines' indicator) but the portal refuses their
 * switches (403); an unknown line is `not-found`. Audit details are the portal's, shown as text.
 */
import { z } from 'zod';
import {
  AuditEntrySchema,
  BotSwitchStateSchema,
  GLOBAL_BOT_MODES,
  LINE_BOT_MODES,
} from '../../portalWire/operationsSchemas';
import { E164Schema, IdentifierSchema } from '../../portalWire/commonSchemas';
import {
  BotScheduleStateSchema,
  SetBotScheduleRequestSchema,
} from '../../portalWire/botScheduleSchemas';
import { defineMethod, defineService } from '../contractDefinition';

export type { AuditEntry } from '../../portalWire/operationsSchemas';

/** Why and for how long (both optional): "off for 2 hours" = `revertAfterMinutes: 120`. */
export const SwitchChangeSchema = z.strictObject({
  reason: z.string().trim().max(200).optional(),
  revertAfterMinutes: z.number().int().min(1).max(10_080).optional(),
});
export type SwitchChange = z.infer<typeof SwitchChangeSchema>;

export const botSwitchService = defineService({
  methods: {
    getState: defineMethod(z.tuple([]), BotSwitchStateSchema),
    setGlobal: defineMethod(
      z.tuple([z.enum(GLOBAL_BOT_MODES), SwitchChangeSchema]),
      BotSwitchStateSchema,
    ),
    setLine: defineMethod(
      z.tuple([E164Schema, z.enum(LINE_BOT_MODES), SwitchChangeSchema]),
      BotSwitchStateSchema,
    ),
    /** A client's bot schedule (`schedule: null` when it has none). */
    getSchedule: defineMethod(z.tuple([IdentifierSchema]), BotScheduleStateSchema),
    /**
     * Stores (or with `schedule: null` removes) a client's schedule, audited. A schedule the
     * portal refuses (overlap, 25:00, a time skipped by summer time) fails with `validation` and
     * the portal's reasons as field errors (they name times and dates, never a person).
     */
    setSchedule: defineMethod(
      z.tuple([IdentifierSchema, SetBotScheduleRequestSchema]),
      BotScheduleStateSchema,
    ),
    /** The switch's audit trail, newest first (shift leads, supervisors, admins). */
    listAudit: defineMethod(z.tuple([]), z.array(AuditEntrySchema).max(200)),
  },
});
