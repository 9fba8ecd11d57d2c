import type { LoginResult } from '../../../shared/contract/services/portalService';

/** Turns a login answer into the message to show; undefined when logged in. */
export function loginMessage(
  result: { ok: true; value: LoginResult } | { ok: false },
  t: (key: string, options?: Record<string, unknown>) => string,
): string | undefined {
  if (!result.ok) return t('error');
  switch (result.value.kind) {
    case 'ok':
      return undefined;
    case 'invalid':
      return t('invalid');
    case 'rate-limited':
      return t('rateLimited', { seconds: result.value.retryAfterSeconds });
    case 'unreachable':
      return t('unreachable');
  }
}
