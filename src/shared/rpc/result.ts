/**
 * Errors cross every boundary as data, never as thrown strings (ARCHITECTURE.md, "The contract").
 * A service method MAY throw a {@link ServiceError}; the RPC server turns it into
 * `{ ok: false, error }`. Any other thrown value becomes an `internal` error whose message
 * MUST NOT carry details (they could hold personal data).
 */
import { z } from 'zod';

/** Machine-readable error codes every transport understands. */
export const ERROR_CODES = [
  'validation',
  'not-found',
  'unauthorized',
  'forbidden',
  'conflict',
  'unavailable',
  'timeout',
  'disconnected',
  'unknown-method',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One field that failed validation: a dotted path and a human-readable reason. */
export const FieldErrorSchema = z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldErrorSchema>;

export const AppErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  fieldErrors: z.array(FieldErrorSchema).optional(),
});
/** The error half of every {@link Result}. */
export type AppError = z.infer<typeof AppErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function failure<T = never>(
  code: ErrorCode,
  message: string,
  fieldErrors?: FieldError[],
): Result<T> {
  return { ok: false, error: fieldErrors ? { code, message, fieldErrors } : { code, message } };
}

/** Thrown inside services to return a typed error to the caller. */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: FieldError[],
  ) {
    super(message);
    this.name = 'ServiceError';
  }

  toAppError(): AppError {
    return this.fieldErrors
      ? { code: this.code, message: this.message, fieldErrors: this.fieldErrors }
      : { code: this.code, message: this.message };
  }
}

/** Converts zod issues into field errors with dotted paths. */
export function fieldErrorsFromZod(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

/** Unwraps a result or throws a ServiceError; for callers that treat failure as exceptional. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new ServiceError(result.error.code, result.error.message, result.error.fieldErrors);
}
