/**
 * PostgreSQL's text type cannot hold U+0000, so a NUL anywhere in a request would reach the
 * database as a 500 (found by portalRoutes.fuzz.test.ts). No field of the portal has a use for
 * it: requests carrying one are refused as a validation error, on both databases alike.
 */
import type { FieldError } from '../../shared/rpc/result';

const MAXIMUM_DEPTH = 64;

/** Paths (dot-separated, below `prefix`) of every string in `value` that contains U+0000. */
export function nulCharacterErrors(value: unknown, prefix: string): FieldError[] {
  const errors: FieldError[] = [];
  const visit = (current: unknown, path: string, depth: number): void => {
    if (typeof current === 'string') {
      if (current.includes('\u0000'))
        errors.push({ path, message: 'NUL characters are not allowed' });
      return;
    }
    if (depth >= MAXIMUM_DEPTH || current === null || typeof current !== 'object') return;
    for (const [key, child] of Object.entries(current)) {
      if (key.includes('\u0000')) errors.push({ path, message: 'NUL characters are not allowed' });
      visit(child, `${path}.${key}`, depth + 1);
    }
  };
  visit(value, prefix, 0);
  return errors;
}
