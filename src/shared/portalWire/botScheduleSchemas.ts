/**
 * Wire schemas of a client's bot schedule (issue 10; the rules in src/shared/domain/botSchedule.ts).
 * A hostile schedule (overlapping windows, 25:00, a time skipped by summer time) fails here, so
 * the portal answers 400 with the reasons.
 */
import { z } from 'zod';
import { botScheduleProblems } from '../domain/botSchedule';

const TimeSchema = z.string().max(5);

export const BotScheduleSchema = z
  .strictObject({
    weekly: z
      .array(z.strictObject({ weekday: z.number().int(), from: TimeSchema, to: TimeSchema }))
      .max(70),
    holidays: z.array(z.string().max(10)).max(100),
    exceptions: z
      .array(
        z.strictObject({
          date: z.string().max(10),
          from: TimeSchema,
          to: TimeSchema,
          botAnswers: z.boolean(),
        }),
      )
      .max(100),
  })
  .superRefine((schedule, refinement) => {
    for (const problem of botScheduleProblems(schedule))
      refinement.addIssue({ code: 'custom', message: problem });
  });

/** `null` removes the schedule (the bot then answers whenever the switches say so). */
export const SetBotScheduleRequestSchema = z.strictObject({
  schedule: BotScheduleSchema.nullable(),
  reason: z.string().trim().max(200).optional(),
});

export const BotScheduleStateSchema = z.object({
  clientId: z.string(),
  schedule: BotScheduleSchema.nullable(),
  changedAt: z.string().nullable(),
  changedBy: z.string().nullable(),
});
export type BotScheduleState = z.infer<typeof BotScheduleStateSchema>;
