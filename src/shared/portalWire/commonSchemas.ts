/**
 * Small building blocks shared by the portal's wire schemas. Every request schema is strict:
 * unknown fields are a validation error, so a typo never silently drops data.
 */
import { z } from 'zod';
import { AppErrorSchema } from '../rpc/result';

export const USER_ROLES = ['agent', 'supervisor', 'shift-lead', 'admin'] as const;
/** What a user may do: agent < supervisor/shift lead < admin (see DOMAIN.md "Who uses"). */
export type UserRole = (typeof USER_ROLES)[number];
export const UserRoleSchema = z.enum(USER_ROLES);

export const IdentifierSchema = z.string().min(1).max(64);
export const UuidSchema = z.uuid();
/** A dialled number or caller number in E.164. */
export const E164Schema = z.string().regex(/^\+[1-9]\d{4,14}$/, 'Expected an E.164 number');
/**
 * The instants the portal accepts: 1970-01-01 up to (not including) 3000-01-01 UTC. Syntax alone
 * allows the years 0000–9999, and an offset can push 9999-12-31 into the year 10000, which no
 * longer sorts as text and breaks day arithmetic (a 500 before, now a 400).
 */
export const EARLIEST_INSTANT = Date.UTC(1970, 0, 1);
export const END_OF_INSTANTS = Date.UTC(3000, 0, 1);
const withinBounds = (value: string): boolean => {
  const instant = Date.parse(value);
  return instant >= EARLIEST_INSTANT && instant < END_OF_INSTANTS;
};
const OUT_OF_BOUNDS = 'Must be between 1970-01-01 and 2999-12-31';

/** An instant with an explicit offset; stored as UTC ISO text. */
export const TimestampSchema = z.iso.datetime({ offset: true }).refine(withinBounds, OUT_OF_BOUNDS);
/** A calendar day, e.g. 2025-03-31, between 1970-01-01 and 2999-12-31. */
export const DaySchema = z.iso.date().refine(withinBounds, OUT_OF_BOUNDS);

/** Every error answer: `{ error: { code, message, fieldErrors? } }`. */
export const ErrorResponseSchema = z.object({ error: AppErrorSchema });

export const ClientIdParametersSchema = z.strictObject({ clientId: IdentifierSchema });

/** Normalises any accepted timestamp to UTC ISO text, so strings sort chronologically. */
export function toUtcIso(timestamp: string): string {
  return new Date(timestamp).toISOString();
}
