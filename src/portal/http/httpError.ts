/**
 * Errors a route throws to answer with a status and the shared error shape
 * `{ error: { code, message, fieldErrors? } }`. Messages are fixed texts: they never echo input.
 */
import type { ErrorCode, FieldError } from '../../shared/rpc/result';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const unauthorized = (): HttpError =>
  new HttpError(401, 'unauthorized', 'Missing, invalid or expired access token');
export const forbidden = (): HttpError =>
  new HttpError(403, 'forbidden', 'Not allowed for this role or client');
export const notFound = (what: string): HttpError =>
  new HttpError(404, 'not-found', `${what} not found`);
export const conflict = (message: string): HttpError => new HttpError(409, 'conflict', message);
export const validationFailed = (fieldErrors: FieldError[]): HttpError =>
  new HttpError(400, 'validation', 'Request is invalid', fieldErrors);
