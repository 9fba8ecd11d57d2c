/**
 * How a desk recognises its local copies of a deleted caller's data without the number
 * travelling on the event bus: the portal sends a fresh random salt per deletion and
 * SHA-256(salt ‖ E.164); the desk hashes each of its own normalised numbers with that salt and
 * compares. Web Crypto, so the portal (Node) and the desk host compute it the same way.
 */

/** Lowercase hex SHA-256 of `salt:e164`. */
export async function deskMatchHash(salt: string, e164: string): Promise<string> {
  const bytes = new TextEncoder().encode(`${salt}:${e164}`);
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
