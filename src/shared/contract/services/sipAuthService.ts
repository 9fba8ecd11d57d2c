/**
 * SIP digest credentials for the renderer's SIP user agent, without the password.
 *
 * The SIP password is a secret that MUST stay in the host (SECURITY.md rule 5). SIP.js can
 * answer digest challenges from `HA1 = MD5(username:realm:password)` alone, so the host hands out
 * only that value, computed for the realm the server challenged with. HA1 is bound to one realm:
 * it lets the desk register at that SIP server, and it never reveals the password itself (which
 * may be reused elsewhere). The renderer MUST keep it in memory only and never log it.
 */
import { z } from 'zod';
import { defineMethod, defineService } from '../contractDefinition';

export const DigestKeySchema = z.object({
  /** The digest user name (the authorization user, else the user of the SIP URI). */
  username: z.string().max(128),
  realm: z.string().max(256),
  /** 32 lower-case hex digits. */
  ha1: z.string().regex(/^[0-9a-f]{32}$/),
});
export type DigestKey = z.infer<typeof DigestKeySchema>;

export const sipAuthService = defineService({
  methods: {
    /** HA1 for `realm`, or null when no SIP password is set. */
    digestKey: defineMethod(z.tuple([z.string().min(1).max(256)]), DigestKeySchema.nullable()),
  },
});
