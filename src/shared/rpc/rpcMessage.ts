/**
 * The envelope every transport carries. Payloads inside are validated separately against the
 * contract's schemas; this schema only checks the envelope shape, so a garbled frame is
 * rejected before anything looks at it.
 */
import { z } from 'zod';
import { AppErrorSchema } from './result';

const IdentifierSchema = z.string().min(1).max(64);

export const RpcRequestSchema = z.object({
  kind: z.literal('request'),
  id: z.number().int().nonnegative(),
  service: IdentifierSchema,
  method: IdentifierSchema,
  arguments: z.array(z.unknown()).max(16),
});

export const RpcResponseSchema = z.object({
  kind: z.literal('response'),
  id: z.number().int().nonnegative(),
  result: z.union([
    z.object({ ok: z.literal(true), value: z.unknown() }),
    z.object({ ok: z.literal(false), error: AppErrorSchema }),
  ]),
});

export const RpcEventSchema = z.object({
  kind: z.literal('event'),
  service: IdentifierSchema,
  event: IdentifierSchema,
  payload: z.unknown(),
});

export const RpcMessageSchema = z.discriminatedUnion('kind', [
  RpcRequestSchema,
  RpcResponseSchema,
  RpcEventSchema,
]);

export type RpcRequest = z.infer<typeof RpcRequestSchema>;
export type RpcResponse = z.infer<typeof RpcResponseSchema>;
export type RpcEvent = z.infer<typeof RpcEventSchema>;
export type RpcMessage = z.infer<typeof RpcMessageSchema>;
